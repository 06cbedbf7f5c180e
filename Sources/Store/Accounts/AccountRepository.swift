import Foundation

/// Accounts: registration, login with back-off, the single local user, passwords and
/// preferences. `AccountService` is the SQLite implementation, `PostgresAccountRepository` the
/// PostgreSQL one; both keep the same rules (see `AccountService.login` for the back-off and the
/// equal-work refusals), and the conformance suite runs the same tests on both.
///
/// Registration creates the user's personal workspace and owner membership in the same
/// transaction. Managing workspaces is not part of this protocol (see `AccountWorkspaces`).
public protocol AccountRepository: Sendable {
    /// Creates a user with a password and a personal workspace they own.
    func register(email: String, password: String) async throws -> User
    /// Checks email and password under the back-off; every refusal is `invalidCredentials`.
    func login(email: String, password: String) async throws -> User
    /// The one passwordless local user with this email, created (with a workspace) on first use.
    func ensureLocalUser(email: String) async throws -> User
    /// True once any account exists.
    func hasAnyUser() async throws -> Bool
    /// The earliest user without a password, if first run has happened.
    func localUser() async throws -> User?
    /// Sets or replaces a user's password (and clears the failure count).
    func setPassword(userId: Int64, password: String) async throws
    /// Replaces the user's preferences with a JSON object.
    func setPreferences(userId: Int64, json: String) async throws
    func user(id: Int64) async throws -> User?
    /// The user with this email, compared without regard to ASCII case.
    func user(email: String) async throws -> User?
}

/// The workspace created with the account, reached through `Store.accounts` because accounts
/// make it; everything else about workspaces and members is `WorkspaceRepository`'s. Implemented
/// by `AccountService` (SQLite) and `PostgresAccountRepository`.
public protocol AccountWorkspaces: Sendable {
    func personalWorkspace(of userId: Int64) async throws -> Workspace
}

/// What `Store.accounts` offers: accounts plus the personal workspace.
public typealias AccountsAndWorkspaces = AccountRepository & AccountWorkspaces

extension AccountService: AccountRepository, AccountWorkspaces {}

/// The rules both backends share, so neither can drift from the other.
enum AccountRules {
    static func validatedPassword(_ password: String) throws {
        guard password.count >= 8 else { throw StoreError.invalidInput("password must have at least 8 characters") }
    }

    static func validatedPreferences(_ json: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)), object is [String: Any] else {
            throw StoreError.invalidInput("preferences must be a JSON object")
        }
    }

    static func duplicate(_ email: String) -> StoreError {
        .conflict("an account with email \(email) already exists")
    }
}
