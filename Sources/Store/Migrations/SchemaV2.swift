import GRDB

/// Schema version 2: each planning session records the process that runs it (pid, host, start
/// time), so start-up marks interrupted only sessions whose process is gone. Rows from v1 keep
/// NULL owners: their process is unknown and treated as gone.
enum SchemaV2 {
    static func addSessionOwners(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE planning_sessions ADD COLUMN owner_pid INTEGER;
            ALTER TABLE planning_sessions ADD COLUMN owner_host TEXT;
            ALTER TABLE planning_sessions ADD COLUMN owner_started TEXT;
            """)
    }
}
