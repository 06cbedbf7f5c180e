extension DomainTemplate {
    static let blocksworld = DomainTemplate(
        name: "blocksworld",
        description: "Stack blocks with a one-handed robot arm (4 operators).",
        domainPddl: """
        (define (domain blocksworld)
          (:requirements :strips :typing)
          (:types block)
          (:predicates (on ?x - block ?y - block) (ontable ?x - block) (clear ?x - block)
                       (handempty) (holding ?x - block))
          (:action pick-up
            :parameters (?x - block)
            :precondition (and (clear ?x) (ontable ?x) (handempty))
            :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
          (:action put-down
            :parameters (?x - block)
            :precondition (holding ?x)
            :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))
          (:action stack
            :parameters (?x - block ?y - block)
            :precondition (and (holding ?x) (clear ?y))
            :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y)))
          (:action unstack
            :parameters (?x - block ?y - block)
            :precondition (and (on ?x ?y) (clear ?x) (handempty))
            :effect (and (holding ?x) (clear ?y) (not (clear ?x)) (not (handempty)) (not (on ?x ?y)))))
        """,
        problemPddl: """
        (define (problem blocksworld-4)
          (:domain blocksworld)
          (:objects a b c d - block)
          (:init (clear c) (on c a) (ontable a) (clear b) (ontable b) (clear d) (ontable d) (handempty))
          (:goal (and (on a b) (on b c) (on c d))))
        """,
        referencePlan: ["(unstack c a)", "(stack c d)", "(pick-up b)", "(stack b c)", "(pick-up a)", "(stack a b)"])
}
