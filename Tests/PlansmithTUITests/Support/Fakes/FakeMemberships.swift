import Foundation
import PlansmithCore

/// Who is in which workspace, shared by `FakeWorkspaces` (which changes it) and `FakeDomains`
/// (which checks roles on every write). Every user owns their personal workspace
/// (`FakeAccounts.personalWorkspace(of:)`); team workspaces get ids from 1000.
final class FakeMemberships: @unchecked Sendable {
    // @unchecked: every access to the mutable state goes through `lock`.
    struct Team {
        var id: Int64
        var name: String
        var ownerId: Int64
        var members: [Int64: WorkspaceAccess]
    }

    private let lock = NSLock()
    private var teams: [Int64: Team] = [:]
    private var nextId: Int64 = 1000

    func role(of userId: Int64, in workspaceId: Int64) -> WorkspaceAccess? {
        if workspaceId == FakeAccounts.personalWorkspace(of: userId).id { return .owner }
        return lock.withLock { teams[workspaceId]?.members[userId] }
    }

    /// The personal workspace first, then teams by id.
    func workspaces(of userId: Int64) -> [WorkspaceInfo] {
        let joined = lock.withLock {
            teams.values.sorted { $0.id < $1.id }.compactMap { team in
                team.members[userId].map { WorkspaceInfo(id: team.id, name: team.name, role: $0) }
            }
        }
        return [FakeAccounts.personalWorkspace(of: userId)] + joined
    }

    func create(named name: String, ownerId: Int64) -> WorkspaceInfo {
        lock.withLock {
            let team = Team(id: nextId, name: name, ownerId: ownerId, members: [ownerId: .owner])
            teams[nextId] = team
            nextId += 1
            return WorkspaceInfo(id: team.id, name: team.name, role: .owner)
        }
    }

    func team(_ workspaceId: Int64) -> Team? { lock.withLock { teams[workspaceId] } }

    func update(_ workspaceId: Int64, _ change: (inout Team) throws -> Void) rethrows {
        try lock.withLock {
            guard var team = teams[workspaceId] else { return }
            try change(&team)
            teams[workspaceId] = team
        }
    }
}
