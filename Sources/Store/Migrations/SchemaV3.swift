import GRDB

/// Schema version 3: invitations to a workspace for emails that have no account yet. The email
/// compares without case, as `users.email` does; one pending invitation per email and workspace.
/// Accepting or declining deletes the row (membership is `workspace_members`).
enum SchemaV3 {
    static func addWorkspaceInvitations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE workspace_invitations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                email TEXT NOT NULL COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 320),
                role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
                invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
                created_at DATETIME NOT NULL,
                UNIQUE (workspace_id, email)
            );
            CREATE INDEX workspace_invitations_email ON workspace_invitations(email);
            """)
    }
}
