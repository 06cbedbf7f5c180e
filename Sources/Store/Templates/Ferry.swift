extension DomainTemplate {
    static let ferry = DomainTemplate(
        name: "ferry",
        description: "A ferry that holds one car at a time moves cars between ports.",
        domainPddl: """
        (define (domain ferry)
          (:requirements :strips :typing)
          (:types car location)
          (:predicates (at-ferry ?l - location) (at ?c - car ?l - location) (empty-ferry) (on ?c - car))
          (:action sail
            :parameters (?from - location ?to - location)
            :precondition (at-ferry ?from)
            :effect (and (at-ferry ?to) (not (at-ferry ?from))))
          (:action board
            :parameters (?c - car ?l - location)
            :precondition (and (at ?c ?l) (at-ferry ?l) (empty-ferry))
            :effect (and (on ?c) (not (at ?c ?l)) (not (empty-ferry))))
          (:action debark
            :parameters (?c - car ?l - location)
            :precondition (and (on ?c) (at-ferry ?l))
            :effect (and (at ?c ?l) (empty-ferry) (not (on ?c)))))
        """,
        problemPddl: """
        (define (problem ferry-3-2)
          (:domain ferry)
          (:objects l1 l2 l3 - location c1 c2 - car)
          (:init (at-ferry l1) (empty-ferry) (at c1 l1) (at c2 l2))
          (:goal (and (at c1 l3) (at c2 l1))))
        """,
        referencePlan: [
            "(board c1 l1)", "(sail l1 l3)", "(debark c1 l3)", "(sail l3 l2)",
            "(board c2 l2)", "(sail l2 l1)", "(debark c2 l1)",
        ])
}
