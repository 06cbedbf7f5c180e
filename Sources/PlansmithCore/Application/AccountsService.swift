import Foundation
import Store

/// Registration, login, the passwordless local account, and preferences.
public protocol AccountsService: Sendable {
    func register(email: String, password: String) async throws -> SignedIn
    /// Wrong email and wrong password answer alike (`invalidCredentials`); repeated failures back off.
    func login(email: String, password: String) async throws -> SignedIn
    /// Signs in as a passwordless local account (the first-run path of the CLI); refuses accounts with a password.
    func continueAsLocal(email: String) async throws -> SignedIn
    /// The passwordless local account, if first run has happened.
    func localAccount() async throws -> Account?
    func hasAnyAccount() async throws -> Bool
    func account(_ userId: Int64) async throws -> Account
    func setPreferences(_ json: String, userId: Int64) async throws
}

public struct StoreAccounts: AccountsService {
    let store: Store

    public init(store: Store) { self.store = store }

    public func register(email: String, password: String) async throws -> SignedIn {
        try await appErrors { try await signedIn(try await store.accounts.register(email: email, password: password)) }
    }

    public func login(email: String, password: String) async throws -> SignedIn {
        try await appErrors { try await signedIn(try await store.accounts.login(email: email, password: password)) }
    }

    public func continueAsLocal(email: String) async throws -> SignedIn {
        try await appErrors {
            guard let user = try await store.accounts.user(email: email), !user.hasPassword else {
                throw AppError(.notFound, "no passwordless account \(email)")
            }
            return try await signedIn(user)
        }
    }

    public func localAccount() async throws -> Account? {
        try await appErrors { try await store.accounts.localUser().flatMap(Account.init) }
    }

    public func hasAnyAccount() async throws -> Bool {
        try await appErrors { try await store.accounts.hasAnyUser() }
    }

    public func account(_ userId: Int64) async throws -> Account {
        try await appErrors {
            guard let account = try await store.accounts.user(id: userId).flatMap(Account.init) else {
                throw AppError(.notFound, "account \(userId) not found")
            }
            return account
        }
    }

    public func setPreferences(_ json: String, userId: Int64) async throws {
        try await appErrors { try await store.accounts.setPreferences(userId: userId, json: json) }
    }

    private func signedIn(_ user: User) async throws -> SignedIn {
        guard let account = Account(user) else { throw AppError(.unavailable, "the store returned an account without an id") }
        let workspace = try await store.accounts.personalWorkspace(of: account.id)
        guard let id = workspace.id else { throw AppError(.unavailable, "the store returned a workspace without an id") }
        return SignedIn(account: account, workspace: WorkspaceInfo(id: id, name: workspace.name, role: .owner))
    }
}

extension Account {
    init?(_ user: User) {
        guard let id = user.id else { return nil }
        self.init(id: id, email: user.email, hasPassword: user.hasPassword, preferences: user.preferences, createdAt: user.createdAt)
    }
}
