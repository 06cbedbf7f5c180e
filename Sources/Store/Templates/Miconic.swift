extension DomainTemplate {
    static let miconic = DomainTemplate(
        name: "miconic",
        description: "An elevator picks passengers up at their origin floor and drops them at their destination.",
        domainPddl: """
        (define (domain miconic)
          (:requirements :strips :typing)
          (:types passenger floor)
          (:predicates (origin ?p - passenger ?f - floor) (destin ?p - passenger ?f - floor)
                       (above ?f1 - floor ?f2 - floor) (boarded ?p - passenger)
                       (served ?p - passenger) (lift-at ?f - floor))
          (:action board
            :parameters (?f - floor ?p - passenger)
            :precondition (and (lift-at ?f) (origin ?p ?f))
            :effect (boarded ?p))
          (:action depart
            :parameters (?f - floor ?p - passenger)
            :precondition (and (lift-at ?f) (destin ?p ?f) (boarded ?p))
            :effect (and (not (boarded ?p)) (served ?p)))
          (:action up
            :parameters (?f1 - floor ?f2 - floor)
            :precondition (and (lift-at ?f1) (above ?f1 ?f2))
            :effect (and (lift-at ?f2) (not (lift-at ?f1))))
          (:action down
            :parameters (?f1 - floor ?f2 - floor)
            :precondition (and (lift-at ?f1) (above ?f2 ?f1))
            :effect (and (lift-at ?f2) (not (lift-at ?f1)))))
        """,
        problemPddl: """
        (define (problem miconic-4-2)
          (:domain miconic)
          (:objects f0 f1 f2 f3 - floor p1 p2 - passenger)
          (:init (above f0 f1) (above f0 f2) (above f0 f3) (above f1 f2) (above f1 f3) (above f2 f3)
                 (origin p1 f1) (destin p1 f3) (origin p2 f2) (destin p2 f0) (lift-at f0))
          (:goal (and (served p1) (served p2))))
        """,
        referencePlan: [
            "(up f0 f1)", "(board f1 p1)", "(up f1 f2)", "(board f2 p2)",
            "(up f2 f3)", "(depart f3 p1)", "(down f3 f0)", "(depart f0 p2)",
        ])
}
