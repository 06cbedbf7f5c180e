extension DomainTemplate {
    static let hanoi = DomainTemplate(
        name: "hanoi",
        description: "Towers of Hanoi with three discs and three pegs (untyped STRIPS).",
        domainPddl: """
        (define (domain hanoi)
          (:requirements :strips)
          (:predicates (clear ?x) (on ?x ?y) (larger ?x ?y))
          (:action move
            :parameters (?disc ?from ?to)
            :precondition (and (larger ?to ?disc) (on ?disc ?from) (clear ?disc) (clear ?to))
            :effect (and (clear ?from) (on ?disc ?to) (not (on ?disc ?from)) (not (clear ?to)))))
        """,
        problemPddl: """
        (define (problem hanoi-3)
          (:domain hanoi)
          (:objects peg1 peg2 peg3 d1 d2 d3)
          (:init (larger peg1 d1) (larger peg1 d2) (larger peg1 d3)
                 (larger peg2 d1) (larger peg2 d2) (larger peg2 d3)
                 (larger peg3 d1) (larger peg3 d2) (larger peg3 d3)
                 (larger d2 d1) (larger d3 d1) (larger d3 d2)
                 (on d3 peg1) (on d2 d3) (on d1 d2)
                 (clear d1) (clear peg2) (clear peg3))
          (:goal (and (on d3 peg3) (on d2 d3) (on d1 d2))))
        """,
        referencePlan: [
            "(move d1 d2 peg3)", "(move d2 d3 peg2)", "(move d1 peg3 d2)", "(move d3 peg1 peg3)",
            "(move d1 d2 peg1)", "(move d2 peg2 d3)", "(move d1 peg1 d2)",
        ])
}
