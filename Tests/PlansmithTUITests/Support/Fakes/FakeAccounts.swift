import Foundation
import PlansmithCore

/// Accounts in memory: ids from 1 in registration order, every account created at `FakeClock.epoch`,
/// passwords compared as plain text (there is no hashing to test here). Each user's personal
/// workspace is `FakeAccounts.personalWorkspace(of:)`, which the fake domains use too.
actor FakeAccounts: AccountsService {
    private struct User {
        var account: Account
        /// nil: a passwordless local account.
        var password: String?
    }

    private var users: [User] = []

    /// Workspace ids are offset from user ids so a test that mixes the two up fails.
    static func personalWorkspace(of userId: Int64) -> WorkspaceInfo {
        WorkspaceInfo(id: 100 + userId, name: "Personal", role: .owner)
    }

    func register(email: String, password: String) throws -> SignedIn {
        guard email.contains("@") else { throw AppError(.invalidInput, "'\(email)' is not an email address") }
        guard password.count >= 8 else { throw AppError(.invalidInput, "password must have at least 8 characters") }
        return signedIn(try add(email: email, password: password))
    }

    func login(email: String, password: String) throws -> SignedIn {
        guard let user = users.first(where: { $0.account.email == email }), let stored = user.password, stored == password else {
            throw AppError(.invalidCredentials, "Wrong email or password.")
        }
        return signedIn(user.account)
    }

    func continueAsLocal(email: String) throws -> SignedIn {
        guard let user = users.first(where: { $0.account.email == email }), user.password == nil else {
            throw AppError(.notFound, "no passwordless account \(email)")
        }
        return signedIn(user.account)
    }

    func localAccount() -> Account? { users.first { $0.password == nil }?.account }

    func hasAnyAccount() -> Bool { !users.isEmpty }

    func account(_ userId: Int64) throws -> Account {
        guard let user = users.first(where: { $0.account.id == userId }) else { throw AppError(.notFound, "account \(userId) not found") }
        return user.account
    }

    func setPreferences(_ json: String, userId: Int64) throws {
        guard let index = users.firstIndex(where: { $0.account.id == userId }) else {
            throw AppError(.notFound, "account \(userId) not found")
        }
        users[index].account.preferences = json
    }

    // MARK: Arranging (what first run or another process would have done) and inspecting

    func account(email: String) -> Account? { users.first { $0.account.email == email }?.account }

    /// The passwordless local account the CLI's first run creates.
    func addLocal(email: String) throws -> Account { try add(email: email, password: nil) }

    private func add(email: String, password: String?) throws -> Account {
        guard !users.contains(where: { $0.account.email == email }) else {
            throw AppError(.conflict, "an account with the email \(email) already exists")
        }
        let account = Account(id: Int64(users.count + 1), email: email, hasPassword: password != nil, createdAt: FakeClock.epoch)
        users.append(User(account: account, password: password))
        return account
    }

    private func signedIn(_ account: Account) -> SignedIn {
        SignedIn(account: account, workspace: Self.personalWorkspace(of: account.id))
    }
}
