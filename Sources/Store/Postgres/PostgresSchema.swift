import Foundation
import PostgresNIO

/// The PostgreSQL schema, versioned with the same identifiers as `SchemaMigrator` ("v1",
/// "v1-templates", "v2-session-owners", "v3-workspace-invitations") in a table of the same name and shape as GRDB's
/// (`grdb_migrations`), so both backends say which version they hold in one way. Same tables and
/// columns as SQLite; PostgreSQL types (BIGINT ids, TIMESTAMPTZ, BOOLEAN). JSON stays TEXT so a
/// row's bytes come back exactly as written, and checks parse it (`::jsonb`).
/// Released migrations are never edited; new ones are appended.
enum PostgresSchema {
    struct Migration: Sendable {
        var identifier: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1", statements: v1),
        Migration(identifier: "v1-templates", statements: []),  // seeded in code, below
        Migration(identifier: "v2-session-owners", statements: [
            "ALTER TABLE planning_sessions ADD COLUMN owner_pid BIGINT",
            "ALTER TABLE planning_sessions ADD COLUMN owner_host TEXT",
            "ALTER TABLE planning_sessions ADD COLUMN owner_started TEXT",
        ]),
        Migration(identifier: "v3-workspace-invitations", statements: [
            """
            CREATE TABLE workspace_invitations (
                id BIGSERIAL PRIMARY KEY,
                workspace_id BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
                role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
                invited_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
                created_at TIMESTAMPTZ NOT NULL
            )
            """,
            // Emails compare without case, as users_email does.
            "CREATE UNIQUE INDEX workspace_invitations_workspace_email ON workspace_invitations(workspace_id, lower(email))",
            "CREATE INDEX workspace_invitations_email ON workspace_invitations(lower(email))",
        ]),
        // PostgreSQL only (SQLite has one server per file, which keeps these in memory): what
        // servers sharing the database share besides the data, the rate limits and login sessions.
        Migration(identifier: "postgres-shared-server-state", statements: rateLimits + loginSessions),
        Migration(identifier: "v4-usage-rollups", statements: v4UsageRollups),
    ]

    /// Applies what is missing in one transaction, under an advisory lock so two servers starting
    /// at once do not both migrate. A database with identifiers this build does not know was
    /// written by a newer Plansmith and is refused.
    static func migrate(_ database: PostgresStoreDatabase) async throws {
        let logger = database.logger
        try await database.transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7261913)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)", logger: logger)
            let applied = Set(try await connection.rows("SELECT identifier FROM grdb_migrations", logger)
                .map { try $0.value("identifier", as: String.self) })
            let known = Set(migrations.map(\.identifier))
            guard applied.isSubset(of: known) else {
                throw StoreError.newerSchema(path: database.location.description)
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                if migration.identifier == "v1-templates" { try await seedTemplates(connection, logger) }
                try await connection.query(
                    "INSERT INTO grdb_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
            }
        }
    }

    /// Migration identifiers applied to the database.
    static func applied(_ database: PostgresStoreDatabase) async throws -> Set<String> {
        Set(try await database.rows("SELECT identifier FROM grdb_migrations").map { try $0.value("identifier", as: String.self) })
    }

    static func seedTemplates(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let now = PostgresDate.rounded(Date())
        for template in DomainTemplate.all {
            let rows = try await connection.rows("""
                INSERT INTO domains (workspace_id, name, description, domain_pddl, problem_pddl, is_public, is_template,
                                     created_at, updated_at)
                VALUES (NULL, \(template.name), \(template.description), \(template.domainPddl), \(template.problemPddl),
                        TRUE, TRUE, \(now), \(now))
                RETURNING id
                """, logger)
            let id = try rows[0].value("id", as: Int64.self)
            try await connection.query("""
                INSERT INTO domain_revisions (domain_id, revision, name, description, domain_pddl, problem_pddl,
                                              author_id, message, created_at)
                VALUES (\(id), 1, \(template.name), \(template.description), \(template.domainPddl),
                        \(template.problemPddl), NULL, 'bundled template', \(now))
                """, logger: logger)
        }
    }

    static let v1: [String] = [
        """
        CREATE TABLE users (
            id BIGSERIAL PRIMARY KEY,
            email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
            password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE 'scrypt$%'),
            preferences TEXT NOT NULL DEFAULT '{}' CHECK (preferences::jsonb IS NOT NULL),
            failed_login_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
            last_failed_login_at TIMESTAMPTZ,
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX users_email ON users (lower(email))",
        """
        CREATE TABLE workspaces (
            id BIGSERIAL PRIMARY KEY,
            owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX workspaces_owner ON workspaces(owner_id)",
        """
        CREATE TABLE workspace_members (
            workspace_id BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
            PRIMARY KEY (workspace_id, user_id)
        )
        """,
        "CREATE INDEX workspace_members_user ON workspace_members(user_id)",
        """
        CREATE TABLE domains (
            id BIGSERIAL PRIMARY KEY,
            workspace_id BIGINT REFERENCES workspaces(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            description TEXT NOT NULL DEFAULT '',
            domain_pddl TEXT NOT NULL,
            problem_pddl TEXT,
            is_public BOOLEAN NOT NULL DEFAULT FALSE,
            is_template BOOLEAN NOT NULL DEFAULT FALSE,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            CHECK (workspace_id IS NOT NULL OR is_template)
        )
        """,
        "CREATE UNIQUE INDEX domains_workspace_name ON domains(workspace_id, name)",
        "CREATE UNIQUE INDEX domains_template_name ON domains(name) WHERE is_template",
        "CREATE INDEX domains_public ON domains(is_public, is_template)",
        """
        CREATE TABLE domain_revisions (
            id BIGSERIAL PRIMARY KEY,
            domain_id BIGINT NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            domain_pddl TEXT NOT NULL,
            problem_pddl TEXT,
            author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
            message TEXT NOT NULL DEFAULT '',
            created_at TIMESTAMPTZ NOT NULL,
            UNIQUE (domain_id, revision)
        )
        """,
        """
        CREATE TABLE chat_sessions (
            id BIGSERIAL PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            domain_id BIGINT REFERENCES domains(id) ON DELETE SET NULL,
            title TEXT NOT NULL DEFAULT '',
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX chat_sessions_user ON chat_sessions(user_id, updated_at)",
        """
        CREATE TABLE chat_messages (
            id BIGSERIAL PRIMARY KEY,
            session_id BIGINT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
            content TEXT NOT NULL,
            elicitation_state TEXT,
            tokens INTEGER CHECK (tokens IS NULL OR tokens >= 0),
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX chat_messages_session ON chat_messages(session_id, id)",
        """
        CREATE TABLE planning_sessions (
            id BIGSERIAL PRIMARY KEY,
            domain_id BIGINT REFERENCES domains(id) ON DELETE SET NULL,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN
                ('pending', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
            current_iteration INTEGER NOT NULL DEFAULT 0 CHECK (current_iteration >= 0),
            max_iterations INTEGER NOT NULL CHECK (max_iterations >= 1),
            final_plan TEXT CHECK (final_plan IS NULL OR final_plan::jsonb IS NOT NULL),
            config TEXT NOT NULL DEFAULT '{}' CHECK (config::jsonb IS NOT NULL),
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            failure_reason TEXT
        )
        """,
        "CREATE INDEX planning_sessions_user ON planning_sessions(user_id, started_at)",
        "CREATE INDEX planning_sessions_status ON planning_sessions(status)",
        """
        CREATE TABLE iterations (
            id BIGSERIAL PRIMARY KEY,
            session_id BIGINT NOT NULL REFERENCES planning_sessions(id) ON DELETE CASCADE,
            iteration_num INTEGER NOT NULL CHECK (iteration_num >= 0),
            plan_version TEXT NOT NULL CHECK (plan_version::jsonb IS NOT NULL),
            critiques TEXT NOT NULL DEFAULT '[]' CHECK (critiques::jsonb IS NOT NULL),
            aggregated_score DOUBLE PRECISION,
            validation TEXT CHECK (validation IS NULL OR validation::jsonb IS NOT NULL),
            created_at TIMESTAMPTZ NOT NULL,
            UNIQUE (session_id, iteration_num)
        )
        """,
        """
        CREATE TABLE api_keys (
            id BIGSERIAL PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE CHECK (length(key_hash) = 64),
            key_prefix TEXT NOT NULL CHECK (length(key_prefix) = 8),
            status TEXT NOT NULL CHECK (status IN ('active', 'revoked', 'expired')),
            rate_limit INTEGER NOT NULL CHECK (rate_limit > 0),
            last_used_at TIMESTAMPTZ,
            expires_at TIMESTAMPTZ,
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX api_keys_user ON api_keys(user_id)",
        "CREATE INDEX api_keys_prefix ON api_keys(key_prefix)",
        """
        CREATE TABLE usage_logs (
            id BIGSERIAL PRIMARY KEY,
            user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
            api_key_id BIGINT REFERENCES api_keys(id) ON DELETE SET NULL,
            endpoint TEXT NOT NULL,
            method TEXT NOT NULL,
            status_code INTEGER NOT NULL CHECK (status_code BETWEEN 0 AND 999),
            latency_ms DOUBLE PRECISION NOT NULL CHECK (latency_ms >= 0),
            ip TEXT,
            extra_data TEXT NOT NULL DEFAULT '{}' CHECK (extra_data::jsonb IS NOT NULL),
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX usage_logs_endpoint_time ON usage_logs(endpoint, created_at)",
        "CREATE INDEX usage_logs_time ON usage_logs(created_at)",
        "CREATE INDEX usage_logs_key_time ON usage_logs(api_key_id, created_at)",
    ]

    /// Allowed requests per subject (`PostgresRequestLimiter`), and the one function that decides
    /// a request atomically: under a per-subject advisory lock it drops the subject's times that
    /// left the window, counts the rest, and records this request only when it is allowed. One
    /// round trip per request; the lock serialises servers deciding for the same subject.
    static let rateLimits: [String] = [
        "CREATE TABLE rate_limit_hits (subject TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)",
        "CREATE INDEX rate_limit_hits_subject ON rate_limit_hits(subject, at)",
        "CREATE INDEX rate_limit_hits_at ON rate_limit_hits(at)",
        """
        CREATE FUNCTION plansmith_rate_acquire(p_subject TEXT, p_limit INTEGER, p_window DOUBLE PRECISION,
                                               p_now TIMESTAMPTZ)
        RETURNS TABLE (allowed BOOLEAN, used INTEGER, oldest TIMESTAMPTZ, decided_at TIMESTAMPTZ)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            t TIMESTAMPTZ := COALESCE(p_now, clock_timestamp());
            n INTEGER;
            first_at TIMESTAMPTZ;
        BEGIN
            PERFORM pg_advisory_xact_lock(7261914, hashtext(p_subject));
            DELETE FROM rate_limit_hits WHERE subject = p_subject AND at <= t - make_interval(secs => p_window);
            SELECT count(*), min(at) INTO n, first_at FROM rate_limit_hits WHERE subject = p_subject;
            IF n < p_limit THEN
                INSERT INTO rate_limit_hits (subject, at) VALUES (p_subject, t);
                RETURN QUERY SELECT TRUE, n + 1, COALESCE(first_at, t), t;
            ELSE
                RETURN QUERY SELECT FALSE, n, first_at, t;
            END IF;
        END
        $$
        """,
    ]

    /// Login sessions of `plansmith serve` (`PostgresLoginSessions`): a token's SHA-256 only.
    static let loginSessions: [String] = [
        """
        CREATE TABLE login_sessions (
            digest TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            expires_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX login_sessions_expiry ON login_sessions(expires_at)",
    ]
}
