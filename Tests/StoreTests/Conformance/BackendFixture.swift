import Foundation
import Testing
@testable import Store

/// The two backends the conformance suite runs on. PostgreSQL needs a server: `scripts/test`
/// starts a throwaway cluster and sets PLANSMITH_TEST_POSTGRES_URL. Without it (a plain
/// `swift test`) only SQLite runs, except under CI, where a missing server is a failure.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var postgresRequired: Bool {
        postgresURL != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The backends to test here.
    static var testable: [Backend] { postgresRequired ? allCases : [.sqlite] }
}

/// One backend's repositories on a fresh, empty database (a new SQLite file, or a new
/// PostgreSQL database in the test cluster), with a manual clock and set-up helpers.
final class BackendFixture: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init.
    let backend: Backend
    let clock = ManualClock()
    let domains: any DomainRepository
    let workspaces: any WorkspaceRepository
    let sessions: any PlanningSessionRepository
    let chats: any ChatRepository
    let usage: any UsageLog
    let accounts: any AccountsAndWorkspaces
    let apiKeys: any APIKeyRepository
    private let sqlite: Store?
    private let postgres: PostgresStore?
    private let directory = TemporaryDirectory()
    /// How to open a second handle on the same database (another process would).
    let location: String

    static func make(_ backend: Backend, owner: SessionOwner = .current) async throws -> BackendFixture {
        try await BackendFixture(backend, owner: owner)
    }

    private init(_ backend: Backend, owner: SessionOwner) async throws {
        self.backend = backend
        var options = StoreOptions()
        options.clock = clock
        options.passwordCost = .testing
        options.sessionOwner = owner
        switch backend {
        case .sqlite:
            location = directory.file("plansmith.sqlite")
            let store = try Store.open(DatabaseLocation(path: location, createsDirectory: false), options: options)
            (sqlite, postgres) = (store, nil)
            (domains, sessions, chats, usage) = (store.domains, store.planningSessions, store.chats, store.usage)
            workspaces = store.workspaces
            (accounts, apiKeys) = (store.accounts, store.apiKeys)
        case .postgres:
            location = try await Self.freshPostgresDatabase()
            let store = try await PostgresStore.open(try PostgresLocation(url: location), options: options)
            (sqlite, postgres) = (nil, store)
            (domains, sessions, chats, usage) = (store.domains, store.planningSessions, store.chats, store.usage)
            workspaces = store.workspaces
            accounts = PostgresAccountRepository(database: store.database, clock: clock, hasher: PasswordHasher(cost: .testing))
            apiKeys = PostgresAPIKeyRepository(database: store.database, clock: clock)
        }
    }

    /// Another handle on the same database, as another process (or server) would open it.
    func reopen(owner: SessionOwner = .current) async throws -> BackendFixture.Handle {
        var options = StoreOptions()
        options.clock = clock
        options.sessionOwner = owner
        switch backend {
        case .sqlite:
            let store = try Store.open(DatabaseLocation(path: location, createsDirectory: false), options: options)
            return Handle(sessions: store.planningSessions, usage: store.usage, close: { try? store.database.close() })
        case .postgres:
            let store = try await PostgresStore.open(try PostgresLocation(url: location), options: options)
            return Handle(sessions: store.planningSessions, usage: store.usage, close: { store.close() })
        }
    }

    struct Handle {
        let sessions: any PlanningSessionRepository
        let usage: any UsageLog
        let close: () -> Void
    }

    /// A user with a personal workspace they own.
    func user(_ email: String) async throws -> (id: Int64, workspace: Int64) {
        if let sqlite {
            let user = try await sqlite.accounts.register(email: email, password: "correct horse battery")
            return (user.id!, try await sqlite.accounts.personalWorkspace(of: user.id!).id!)
        }
        let created = try await postgres!.accounts.createUser(email: email)
        return (created.userId, created.workspaceId)
    }

    func setMember(_ userId: Int64, role: WorkspaceRole, in workspaceId: Int64, owner: Int64) async throws {
        if try await workspaces.members(of: workspaceId, readableBy: owner).contains(where: { $0.userId == userId }) {
            try await workspaces.setRole(role, of: userId, in: workspaceId, by: owner)
        } else if let sqlite {
            _ = try await sqlite.workspaces.invite(email: try await sqlite.accounts.user(id: userId)!.email, role: role,
                                               to: workspaceId, by: owner)
        } else {
            try await postgres!.accounts.setMember(userId, role: role, in: workspaceId)
        }
    }

    func close() {
        if let sqlite { try? sqlite.database.close() }
        postgres?.close()
    }

    /// Creates a new database in the test cluster (one per fixture: tests run in parallel) and
    /// returns its URL.
    static func freshPostgresDatabase() async throws -> String {
        guard let url = Backend.postgresURL else {
            throw StoreError.invalidInput(
                "PLANSMITH_TEST_POSTGRES_URL is not set: run scripts/test, which starts a throwaway PostgreSQL cluster")
        }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStoreDatabase.connectWithoutMigrating(try PostgresLocation(url: url))
        defer { admin.close() }
        try await admin.execute("CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
