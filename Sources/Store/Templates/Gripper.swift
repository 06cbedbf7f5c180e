extension DomainTemplate {
    static let gripper = DomainTemplate(
        name: "gripper",
        description: "A robot with two grippers carries balls from one room to another.",
        domainPddl: """
        (define (domain gripper)
          (:requirements :strips :typing)
          (:types room ball gripper)
          (:predicates (at-robby ?r - room) (at ?b - ball ?r - room) (free ?g - gripper)
                       (carry ?b - ball ?g - gripper))
          (:action move
            :parameters (?from - room ?to - room)
            :precondition (at-robby ?from)
            :effect (and (at-robby ?to) (not (at-robby ?from))))
          (:action pick
            :parameters (?b - ball ?r - room ?g - gripper)
            :precondition (and (at ?b ?r) (at-robby ?r) (free ?g))
            :effect (and (carry ?b ?g) (not (at ?b ?r)) (not (free ?g))))
          (:action drop
            :parameters (?b - ball ?r - room ?g - gripper)
            :precondition (and (carry ?b ?g) (at-robby ?r))
            :effect (and (at ?b ?r) (free ?g) (not (carry ?b ?g)))))
        """,
        problemPddl: """
        (define (problem gripper-4)
          (:domain gripper)
          (:objects rooma roomb - room ball1 ball2 ball3 ball4 - ball left right - gripper)
          (:init (at-robby rooma) (free left) (free right)
                 (at ball1 rooma) (at ball2 rooma) (at ball3 rooma) (at ball4 rooma))
          (:goal (and (at ball1 roomb) (at ball2 roomb) (at ball3 roomb) (at ball4 roomb))))
        """,
        referencePlan: [
            "(pick ball1 rooma left)", "(pick ball2 rooma right)", "(move rooma roomb)",
            "(drop ball1 roomb left)", "(drop ball2 roomb right)", "(move roomb rooma)",
            "(pick ball3 rooma left)", "(pick ball4 rooma right)", "(move rooma roomb)",
            "(drop ball3 roomb left)", "(drop ball4 roomb right)",
        ])
}
