import Foundation
import PostgresNIO

/// The personal workspace `Store.accounts` offers (`AccountWorkspaces`), on PostgreSQL; members
/// and other workspaces are `PostgresWorkspaceRepository`'s.
extension PostgresAccountRepository: AccountWorkspaces {
    func personalWorkspace(of userId: Int64) async throws -> Workspace {
        let found = try await database.rows("""
            SELECT id, owner_id, name, created_at FROM workspaces WHERE owner_id = \(userId) ORDER BY id LIMIT 1
            """).map(Self.workspace)
        guard let workspace = found.first else { throw StoreError.notFound("personal workspace of user \(userId)") }
        return workspace
    }

    static func workspace(_ row: PostgresRandomAccessRow) throws -> Workspace {
        Workspace(id: try row.value("id"), ownerId: try row.value("owner_id"), name: try row.value("name"),
                  createdAt: try row.value("created_at"))
    }
}
