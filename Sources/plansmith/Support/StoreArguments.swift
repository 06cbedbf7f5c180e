import ArgumentParser
import Foundation
import PlansmithCore
import Store

/// Options shared by every command that reads or writes the Plansmith database:
/// which file (`--db`, else `PLANSMITH_DB`, else the XDG default) and as whom (`--user`).
struct StoreArguments: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database: a SQLite file or a postgres:// URL (default: $PLANSMITH_DB, else $XDG_DATA_HOME/plansmith/plansmith.sqlite).",
        valueName: "path"))
    var databasePath: String?

    @Option(name: .customLong("user"), help: ArgumentHelp(
        "Act as this account (default: $PLANSMITH_USER, else the local user). An account with a password "
        + "needs it ($PLANSMITH_PASSWORD, else a prompt) or an API key ($PLANSMITH_API_KEY).", valueName: "email"))
    var userEmail: String?

    /// Opens the store, finds the acting user and runs `body`. Store failures become one line on
    /// stderr prefixed with `command`, and an exit status (see `StoreFailure.exitCode`).
    func withSession<T>(_ command: String, _ body: (StoreSession) async throws -> T) async throws -> T {
        do {
            let store = try await Store.connect(DatabaseLocation.resolve(explicitPath: databasePath))
            let user = try await actingUser(in: store)
            let workspace = try await Self.currentWorkspace(of: user, in: store)
            return try await body(StoreSession(store: store, user: user, userId: user.id!, workspace: workspace))
        } catch let error as StoreError {
            Console.error("plansmith \(command): error: \(error.description)\n")
            throw ExitCode(StoreFailure.exitCode(for: error))
        } catch let error as AppError {
            Console.error("plansmith \(command): error: \(error.message)\n")
            throw ExitCode(StoreFailure.exitCode(for: error))
        }
    }

    /// The workspace `plansmith workspaces use` chose (kept in the account's preferences as
    /// `currentWorkspace`), while the user is still a member; otherwise the personal one.
    static func currentWorkspace(of user: User, in store: Store) async throws -> Workspace {
        if let chosen = CurrentWorkspace.id(inPreferences: user.preferences),
           let membership = try? await store.workspaces.workspace(chosen, of: user.id!) {
            return membership.workspace
        }
        return try await store.accounts.personalWorkspace(of: user.id!)
    }

    /// Who the command acts as. `PLANSMITH_API_KEY` (verified by its hash) names its owner; else
    /// `--user`, then `PLANSMITH_USER`, then the local user. An account with a password needs that
    /// password (`PLANSMITH_PASSWORD`, else a prompt on the terminal): knowing an email is not
    /// enough to act as someone. On the very first run the passwordless local user is created
    /// (named after the email given, or `$USER@localhost`) and stderr says so.
    private func actingUser(in store: Store) async throws -> User {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let requested = userEmail ?? setting("PLANSMITH_USER")
        if let key = setting("PLANSMITH_API_KEY") {
            return try await keyOwner(key, requested: requested, in: store)
        }
        let local = try await store.accounts.localUser()
        if let requested {
            if let user = try await store.accounts.user(email: requested) {
                return try await authenticated(user, password: setting("PLANSMITH_PASSWORD"), in: store)
            }
            // A typo must not quietly create a second account once one exists.
            guard local == nil else {
                throw StoreError.notFound("account '\(requested)' (the local user is \(local!.email))")
            }
            return try await createLocalUser(email: requested, in: store)
        }
        if let local { return local }
        let login = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        let safe = login.filter { $0.isLetter || $0.isNumber || "._-".contains($0) }
        return try await createLocalUser(email: (safe.isEmpty ? "local" : safe) + "@localhost", in: store)
    }

    /// The owner of a valid, active key; `--user` naming someone else is refused rather than ignored.
    private func keyOwner(_ key: String, requested: String?, in store: Store) async throws -> User {
        let verified = try await store.apiKeys.verify(key)
        guard let owner = try await store.accounts.user(id: verified.userId) else {
            throw StoreError.invalidAPIKey
        }
        if let requested, requested.lowercased() != owner.email.lowercased() {
            throw StoreError.forbidden("PLANSMITH_API_KEY belongs to \(owner.email), not \(requested)")
        }
        return owner
    }

    /// The passwordless local account as is; any other account only with its password (through
    /// the login back-off, so a script cannot guess passwords faster than the sign-in screen).
    private func authenticated(_ user: User, password: String?, in store: Store) async throws -> User {
        guard user.hasPassword else { return user }
        guard let password = password ?? PasswordPrompt.ask("Password for \(user.email): ") else {
            throw StoreError.forbidden(
                "account \(user.email) has a password: set PLANSMITH_PASSWORD or PLANSMITH_API_KEY, or run on a terminal to be asked")
        }
        return try await store.accounts.login(email: user.email, password: password)
    }

    private func createLocalUser(email: String, in store: Store) async throws -> User {
        let user = try await store.accounts.ensureLocalUser(email: email)
        Console.error("plansmith: created the local user \(user.email) in \(store.path)\n")
        return user
    }
}

/// What a store command works with: the open store, the acting user and their own workspace.
struct StoreSession {
    let store: Store
    let user: User
    let userId: Int64
    let workspace: Workspace

    /// The workspace named by `--workspace` (a name or an id), else the current one.
    func workspace(named name: String?) async throws -> Workspace {
        guard let name else { return workspace }
        let found = try await StoreWorkspaces(store: store).workspace(named: name, userId: userId)
        return try await store.workspaces.workspace(found.id, of: userId).workspace
    }

    /// A domain the user may read, with its revisions (newest first).
    func domainWithHistory(named name: String) async throws -> (Domain, [DomainRevision]) {
        let domain = try await store.domains.domain(named: name, readableBy: userId)
        return (domain, try await store.domains.history(of: domain.id!, readableBy: userId))
    }
}

enum StoreFailure {
    /// 2 when the database itself cannot be used (damaged, busy, read-only, full, missing
    /// directory: the contract's "I/O problem"); 1 when the store refused the request
    /// (unknown name, conflict, not allowed, bad input).
    static func exitCode(for error: StoreError) -> Int32 {
        switch error {
        case .notFound, .forbidden, .conflict, .invalidInput, .invalidCredentials,
             .invalidAPIKey, .revokedAPIKey, .expiredAPIKey:
            return 1
        case .busy, .damaged, .readOnly, .missingDirectory, .diskFull, .cannotOpen, .newerSchema, .notADatabase, .database:
            return 2
        }
    }

    static func exitCode(for error: AppError) -> Int32 {
        error.kind == .unavailable ? 2 : 1
    }
}

/// The `currentWorkspace` member of the preferences JSON (the TUI's `Preferences` reads the same key).
enum CurrentWorkspace {
    static func id(inPreferences json: String) -> Int64? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return (object["currentWorkspace"] as? NSNumber)?.int64Value
    }

    /// The preferences with `currentWorkspace` set, every other member kept.
    static func preferences(_ json: String, settingWorkspace id: Int64) -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]) ?? [:]
        object["currentWorkspace"] = id
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
