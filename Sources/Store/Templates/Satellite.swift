extension DomainTemplate {
    static let satellite = DomainTemplate(
        name: "satellite",
        description: "A satellite points, powers and calibrates an instrument to take images.",
        domainPddl: """
        (define (domain satellite)
          (:requirements :strips :typing)
          (:types satellite direction instrument mode)
          (:predicates (on-board ?i - instrument ?s - satellite) (supports ?i - instrument ?m - mode)
                       (pointing ?s - satellite ?d - direction) (power-avail ?s - satellite)
                       (power-on ?i - instrument) (calibrated ?i - instrument)
                       (have-image ?d - direction ?m - mode)
                       (calibration-target ?i - instrument ?d - direction))
          (:action turn-to
            :parameters (?s - satellite ?d-new - direction ?d-prev - direction)
            :precondition (pointing ?s ?d-prev)
            :effect (and (pointing ?s ?d-new) (not (pointing ?s ?d-prev))))
          (:action switch-on
            :parameters (?i - instrument ?s - satellite)
            :precondition (and (on-board ?i ?s) (power-avail ?s))
            :effect (and (power-on ?i) (not (calibrated ?i)) (not (power-avail ?s))))
          (:action switch-off
            :parameters (?i - instrument ?s - satellite)
            :precondition (and (on-board ?i ?s) (power-on ?i))
            :effect (and (not (power-on ?i)) (power-avail ?s)))
          (:action calibrate
            :parameters (?s - satellite ?i - instrument ?d - direction)
            :precondition (and (on-board ?i ?s) (calibration-target ?i ?d) (pointing ?s ?d) (power-on ?i))
            :effect (calibrated ?i))
          (:action take-image
            :parameters (?s - satellite ?d - direction ?i - instrument ?m - mode)
            :precondition (and (calibrated ?i) (on-board ?i ?s) (supports ?i ?m) (power-on ?i) (pointing ?s ?d))
            :effect (have-image ?d ?m)))
        """,
        problemPddl: """
        (define (problem satellite-1)
          (:domain satellite)
          (:objects sat1 - satellite cam1 - instrument thermal image - mode star0 planet1 planet2 - direction)
          (:init (on-board cam1 sat1) (supports cam1 thermal) (supports cam1 image)
                 (calibration-target cam1 star0) (power-avail sat1) (pointing sat1 planet2))
          (:goal (and (have-image planet1 thermal) (have-image planet2 image) (pointing sat1 star0))))
        """,
        referencePlan: [
            "(switch-on cam1 sat1)", "(turn-to sat1 star0 planet2)", "(calibrate sat1 cam1 star0)",
            "(turn-to sat1 planet1 star0)", "(take-image sat1 planet1 cam1 thermal)",
            "(turn-to sat1 planet2 planet1)", "(take-image sat1 planet2 cam1 image)",
            "(turn-to sat1 star0 planet2)",
        ])
}
