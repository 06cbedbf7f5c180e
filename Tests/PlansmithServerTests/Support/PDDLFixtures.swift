import Foundation
import PlansmithTestSupport

/// PDDL texts from the shared corpus (PLANSMITH_CORPUS).
enum PDDLFixtures {
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: Corpus.directory + "/" + relative, encoding: .utf8)
    }

    static var gripperDomain: String { get throws { try text("gripper/domain.pddl") } }
    static var gripperProblem: String { get throws { try text("gripper/p01.pddl") } }
    static var logisticsDomain: String { get throws { try text("logistics/domain.pddl") } }
    static var logisticsProblem: String { get throws { try text("logistics/p02.pddl") } }
}
