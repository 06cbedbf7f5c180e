extension DomainTemplate {
    static let logistics = DomainTemplate(
        name: "logistics",
        description: "Trucks move packages within cities, airplanes between airports.",
        domainPddl: """
        (define (domain logistics)
          (:requirements :strips :typing)
          (:types truck airplane - vehicle
                  package vehicle - physobj
                  airport location - place
                  city place physobj - object)
          (:predicates (in-city ?loc - place ?city - city) (at ?obj - physobj ?loc - place)
                       (in ?pkg - package ?veh - vehicle))
          (:action load-truck
            :parameters (?pkg - package ?truck - truck ?loc - place)
            :precondition (and (at ?truck ?loc) (at ?pkg ?loc))
            :effect (and (not (at ?pkg ?loc)) (in ?pkg ?truck)))
          (:action load-airplane
            :parameters (?pkg - package ?airplane - airplane ?loc - place)
            :precondition (and (at ?pkg ?loc) (at ?airplane ?loc))
            :effect (and (not (at ?pkg ?loc)) (in ?pkg ?airplane)))
          (:action unload-truck
            :parameters (?pkg - package ?truck - truck ?loc - place)
            :precondition (and (at ?truck ?loc) (in ?pkg ?truck))
            :effect (and (not (in ?pkg ?truck)) (at ?pkg ?loc)))
          (:action unload-airplane
            :parameters (?pkg - package ?airplane - airplane ?loc - place)
            :precondition (and (in ?pkg ?airplane) (at ?airplane ?loc))
            :effect (and (not (in ?pkg ?airplane)) (at ?pkg ?loc)))
          (:action drive-truck
            :parameters (?truck - truck ?loc-from - place ?loc-to - place ?city - city)
            :precondition (and (at ?truck ?loc-from) (in-city ?loc-from ?city) (in-city ?loc-to ?city))
            :effect (and (not (at ?truck ?loc-from)) (at ?truck ?loc-to)))
          (:action fly-airplane
            :parameters (?airplane - airplane ?loc-from - airport ?loc-to - airport)
            :precondition (at ?airplane ?loc-from)
            :effect (and (not (at ?airplane ?loc-from)) (at ?airplane ?loc-to))))
        """,
        problemPddl: """
        (define (problem logistics-2-2)
          (:domain logistics)
          (:objects c1 c2 - city
                    c1-depot c2-depot - location
                    c1-airport c2-airport - airport
                    t1 t2 - truck
                    p1 - airplane
                    pkg1 pkg2 - package)
          (:init (in-city c1-depot c1) (in-city c1-airport c1)
                 (in-city c2-depot c2) (in-city c2-airport c2)
                 (at t1 c1-depot) (at t2 c2-airport) (at p1 c1-airport)
                 (at pkg1 c1-depot) (at pkg2 c1-airport))
          (:goal (and (at pkg1 c2-depot) (at pkg2 c2-airport))))
        """,
        referencePlan: [
            "(load-truck pkg1 t1 c1-depot)", "(drive-truck t1 c1-depot c1-airport c1)",
            "(unload-truck pkg1 t1 c1-airport)", "(load-airplane pkg1 p1 c1-airport)",
            "(load-airplane pkg2 p1 c1-airport)", "(fly-airplane p1 c1-airport c2-airport)",
            "(unload-airplane pkg1 p1 c2-airport)", "(unload-airplane pkg2 p1 c2-airport)",
            "(load-truck pkg1 t2 c2-airport)", "(drive-truck t2 c2-airport c2-depot c2)",
            "(unload-truck pkg1 t2 c2-depot)",
        ])
}
