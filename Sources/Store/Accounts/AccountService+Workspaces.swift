import Foundation
import GRDB

extension AccountService {
    /// The workspace created with the account (the user's first owned workspace). Everything else
    /// about workspaces and members is `WorkspaceRepository`'s.
    public func personalWorkspace(of userId: Int64) async throws -> Workspace {
        let found = try await database.read { db in
            try Workspace.filter(Workspace.Columns.ownerId == userId).order(Workspace.Columns.id).fetchOne(db)
        }
        guard let found else { throw StoreError.notFound("personal workspace of user \(userId)") }
        return found
    }
}
