import GRDB

/// The versioned schema. A migration, once released, is never edited: later changes are new
/// migrations appended below, so a database made by any older Plansmith opens in a newer one.
/// Schema migrations use plain SQL (not the record types) so they stay frozen when records change.
enum SchemaMigrator {
    static func make() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: SchemaV1.create)
        migrator.registerMigration("v1-templates", migrate: TemplateSeeder.seed)
        migrator.registerMigration("v2-session-owners", migrate: SchemaV2.addSessionOwners)
        migrator.registerMigration("v3-workspace-invitations", migrate: SchemaV3.addWorkspaceInvitations)
        migrator.registerMigration("v4-usage-rollups", migrate: SchemaV4.addUsageRollups)
        return migrator
    }

    /// Migration identifiers this build knows, oldest first.
    static var knownIdentifiers: [String] { make().migrations }
}
