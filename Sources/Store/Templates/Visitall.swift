extension DomainTemplate {
    static let visitall = DomainTemplate(
        name: "visitall",
        description: "A robot on a grid must visit every cell.",
        domainPddl: """
        (define (domain visitall)
          (:requirements :strips :typing)
          (:types place)
          (:predicates (connected ?x - place ?y - place) (at-robot ?x - place) (visited ?x - place))
          (:action move
            :parameters (?curpos - place ?nextpos - place)
            :precondition (and (at-robot ?curpos) (connected ?curpos ?nextpos))
            :effect (and (at-robot ?nextpos) (not (at-robot ?curpos)) (visited ?nextpos))))
        """,
        problemPddl: """
        (define (problem visitall-2x3)
          (:domain visitall)
          (:objects c00 c01 c02 c10 c11 c12 - place)
          (:init (at-robot c00) (visited c00)
                 (connected c00 c01) (connected c01 c00) (connected c01 c02) (connected c02 c01)
                 (connected c10 c11) (connected c11 c10) (connected c11 c12) (connected c12 c11)
                 (connected c00 c10) (connected c10 c00) (connected c01 c11) (connected c11 c01)
                 (connected c02 c12) (connected c12 c02))
          (:goal (and (visited c00) (visited c01) (visited c02)
                      (visited c10) (visited c11) (visited c12))))
        """,
        referencePlan: [
            "(move c00 c01)", "(move c01 c02)", "(move c02 c12)", "(move c12 c11)", "(move c11 c10)",
        ])
}
