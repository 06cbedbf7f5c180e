/// A bundled classic planning domain with one small problem and a known solution.
/// Seeded once into every new database as a read-only public template.
public struct DomainTemplate: Sendable, Equatable {
    public let name: String
    public let description: String
    public let domainPddl: String
    public let problemPddl: String
    /// One valid plan for the problem, in IPC format: evidence the problem is solvable, and a
    /// ready answer for tests of the planner and validator.
    public let referencePlan: [String]

    /// Every bundled template, in the order they are listed to the user.
    public static let all: [DomainTemplate] = [
        .blocksworld, .gripper, .logistics, .ferry, .miconic, .hanoi, .visitall, .satellite,
    ]
}
