import Foundation
import Logging
import PostgresNIO

/// An open PostgreSQL database: a `PostgresClient` connection pool running in its own task,
/// plus error translation into `StoreError`. The PostgreSQL twin of `StoreDatabase`; the only
/// PostgreSQL type the repositories use.
public final class PostgresStoreDatabase: Sendable {
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Connects, checks the server answers, and applies the migrations.
    public static func open(_ location: PostgresLocation, maximumConnections: Int = 8,
                            migrate: Bool = true) async throws -> PostgresStoreDatabase {
        let configuration: PostgresClient.Configuration
        if let socketPath = location.socketPath {
            configuration = .init(unixSocketPath: socketPath, username: location.user, password: location.password,
                                  database: location.database)
        } else {
            configuration = .init(host: location.host ?? "localhost", port: location.port, username: location.user,
                                  password: location.password, database: location.database, tls: .disable)
        }
        var tuned = configuration
        tuned.options.maximumConnections = maximumConnections
        tuned.options.connectTimeout = .seconds(5)
        try await probe(location)
        let database = PostgresStoreDatabase(location: location, client: PostgresClient(configuration: tuned, backgroundLogger: Self.quiet))
        do {
            if migrate {
                try await PostgresSchema.migrate(database)
            } else {
                _ = try await database.rows("SELECT 1")  // fail now, clearly, if the server cannot be reached
            }
        } catch {
            database.close()
            throw error
        }
        return database
    }

    private init(location: PostgresLocation, client: PostgresClient) {
        self.location = location
        self.client = client
        self.logger = Self.quiet
        runner = Task { await client.run() }
    }

    /// One plain connection, opened and closed, before the pool exists: the pool retries a server
    /// it cannot reach for as long as a request waits (forever, for the first one), while this
    /// fails at once (refused, unknown database, bad password) or after `connectTimeout` with an
    /// error that says why.
    private static func probe(_ location: PostgresLocation) async throws {
        var configuration: PostgresConnection.Configuration
        if let socketPath = location.socketPath {
            configuration = .init(unixSocketPath: socketPath, username: location.user, password: location.password,
                                  database: location.database)
        } else {
            configuration = .init(host: location.host ?? "localhost", port: location.port, username: location.user,
                                  password: location.password, database: location.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: quiet)
            try await connection.close()
        } catch {
            throw translating(error, location: location)
        }
    }

    static let quiet: Logger = {
        var logger = Logger(label: "plansmith.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Stops the pool; further use throws.
    public func close() { runner.cancel() }

    /// Runs `body` in one transaction (BEGIN … COMMIT, rolled back on a throw).
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw translate(error)
        }
    }

    /// Runs one statement outside any explicit transaction and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        do {
            return try await client.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
        } catch {
            throw translate(error)
        }
    }

    func translate(_ error: any Error) -> StoreError {
        Self.translating(error, location: location)
    }

    /// SQLSTATE classes onto the user-facing cases, as `StoreError.translating` does for SQLite.
    static func translating(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let psql = error as? PSQLError else { return .database(String(describing: error)) }
        if let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? state
            switch state {
            case "23505", "23514", "23503", "23502": return .conflict(message)
            case "40001", "40P01", "55P03": return .busy
            case "53100": return .diskFull(path: location.description)
            case "25006": return .readOnly(path: location.description)
            case "28000", "28P01", "3D000": return .cannotOpen(path: location.description, reason: message)
            case "22P02": return .invalidInput(message)
            default: return .database(message)
            }
        }
        if psql.code == .connectionError || psql.code == .serverClosedConnection || psql.code == .clientClosedConnection {
            let reason = psql.underlying.map { String(describing: $0) } ?? "the server cannot be reached"
            return .cannotOpen(path: location.description, reason: reason)
        }
        return .database(String(describing: psql))
    }
}

extension PostgresConnection {
    /// The statement's rows, each readable by column name.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }
}

extension PostgresRandomAccessRow {
    /// The named column as `T` (use an Optional type for nullable columns).
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }
}

/// Dates as both backends keep them: to the millisecond (SQLite's text format has no finer unit),
/// so a row read back equals the value written, whichever backend wrote it.
enum PostgresDate {
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

extension PostgresStoreDatabase {
    /// A connection pool without running the migrations: for administration (creating a
    /// database for tests, `plansmith db` tools), never for the repositories.
    public static func connectWithoutMigrating(_ location: PostgresLocation) async throws -> PostgresStoreDatabase {
        try await open(location, maximumConnections: 2, migrate: false)
    }

    /// Runs one statement (DDL or administration) outside a transaction.
    public func execute(_ sql: String) async throws {
        _ = try await rows(PostgresQuery(unsafeSQL: sql))
    }
}
