import GRDB

/// Schema version 1: the data model of docs/architecture.md. Enum-like columns are checked by
/// the database itself, so a bug (or another tool writing the file) cannot store a state the
/// code does not know.
enum SchemaV1 {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 320),
                -- NULL for the single local user created on first run; otherwise scrypt$N$r$p$salt$hash
                password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE 'scrypt$%'),
                preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(preferences)),
                failed_login_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
                last_failed_login_at DATETIME,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE workspaces (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL CHECK (length(name) > 0),
                created_at DATETIME NOT NULL
            );
            CREATE INDEX workspaces_owner ON workspaces(owner_id);
            CREATE TABLE workspace_members (
                workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
                PRIMARY KEY (workspace_id, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX workspace_members_user ON workspace_members(user_id);

            CREATE TABLE domains (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                -- NULL only for bundled templates, which belong to no workspace and are read-only
                workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE,
                name TEXT NOT NULL CHECK (length(name) > 0),
                description TEXT NOT NULL DEFAULT '',
                domain_pddl TEXT NOT NULL,
                problem_pddl TEXT,
                is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
                is_template INTEGER NOT NULL DEFAULT 0 CHECK (is_template IN (0, 1)),
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                CHECK (workspace_id IS NOT NULL OR is_template = 1)
            );
            CREATE UNIQUE INDEX domains_workspace_name ON domains(workspace_id, name);
            CREATE UNIQUE INDEX domains_template_name ON domains(name) WHERE is_template = 1;
            CREATE INDEX domains_public ON domains(is_public, is_template);
            CREATE TABLE domain_revisions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
                revision INTEGER NOT NULL CHECK (revision >= 1),
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                domain_pddl TEXT NOT NULL,
                problem_pddl TEXT,
                author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                message TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL,
                UNIQUE (domain_id, revision)
            );

            CREATE TABLE chat_sessions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                domain_id INTEGER REFERENCES domains(id) ON DELETE SET NULL,
                title TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            );
            CREATE INDEX chat_sessions_user ON chat_sessions(user_id, updated_at);
            CREATE TABLE chat_messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id INTEGER NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
                content TEXT NOT NULL,
                elicitation_state TEXT,
                tokens INTEGER CHECK (tokens IS NULL OR tokens >= 0),
                created_at DATETIME NOT NULL
            );
            CREATE INDEX chat_messages_session ON chat_messages(session_id, id);

            CREATE TABLE planning_sessions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                domain_id INTEGER REFERENCES domains(id) ON DELETE SET NULL,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                status TEXT NOT NULL CHECK (status IN
                    ('pending', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
                current_iteration INTEGER NOT NULL DEFAULT 0 CHECK (current_iteration >= 0),
                max_iterations INTEGER NOT NULL CHECK (max_iterations >= 1),
                final_plan TEXT CHECK (final_plan IS NULL OR json_valid(final_plan)),
                config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
                started_at DATETIME NOT NULL,
                finished_at DATETIME,
                failure_reason TEXT
            );
            CREATE INDEX planning_sessions_user ON planning_sessions(user_id, started_at);
            CREATE INDEX planning_sessions_status ON planning_sessions(status);
            CREATE TABLE iterations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id INTEGER NOT NULL REFERENCES planning_sessions(id) ON DELETE CASCADE,
                iteration_num INTEGER NOT NULL CHECK (iteration_num >= 0),
                plan_version TEXT NOT NULL CHECK (json_valid(plan_version)),
                critiques TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(critiques)),
                aggregated_score REAL,
                validation TEXT CHECK (validation IS NULL OR json_valid(validation)),
                created_at DATETIME NOT NULL,
                UNIQUE (session_id, iteration_num)
            );

            CREATE TABLE api_keys (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE CHECK (length(key_hash) = 64),
                key_prefix TEXT NOT NULL CHECK (length(key_prefix) = 8),
                status TEXT NOT NULL CHECK (status IN ('active', 'revoked', 'expired')),
                rate_limit INTEGER NOT NULL CHECK (rate_limit > 0),
                last_used_at DATETIME,
                expires_at DATETIME,
                created_at DATETIME NOT NULL
            );
            CREATE INDEX api_keys_user ON api_keys(user_id);
            CREATE INDEX api_keys_prefix ON api_keys(key_prefix);

            CREATE TABLE usage_logs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                api_key_id INTEGER REFERENCES api_keys(id) ON DELETE SET NULL,
                endpoint TEXT NOT NULL,
                method TEXT NOT NULL,
                status_code INTEGER NOT NULL CHECK (status_code BETWEEN 0 AND 999),
                latency_ms REAL NOT NULL CHECK (latency_ms >= 0),
                ip TEXT,
                extra_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_data)),
                created_at DATETIME NOT NULL
            );
            CREATE INDEX usage_logs_endpoint_time ON usage_logs(endpoint, created_at);
            CREATE INDEX usage_logs_time ON usage_logs(created_at);
            CREATE INDEX usage_logs_key_time ON usage_logs(api_key_id, created_at);
            """)
    }
}
