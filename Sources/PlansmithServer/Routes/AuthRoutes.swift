import Foundation
import Hummingbird
import PlansmithCore

/// Register, log in, log out. Register and login need no credentials (they are how one gets
/// them); they are rate-limited per client address like any anonymous request.
struct AuthRoutes {
    let accounts: any AccountsService
    let sessions: LoginSessions

    struct Credentials: Codable, Sendable {
        var email: String
        var password: String
    }

    struct AccountBody: Codable, Sendable {
        var id: Int64
        var email: String
        var createdAt: Date
    }

    struct Login: Codable, Sendable {
        var token: String
        var expiresAt: Date
        var user: AccountBody
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.post, "/v1/auth/register", auth: false) { request, context in
            let body = try await request.decodeJSON(Credentials.self, context: context)
            let signedIn = try await accounts.register(email: body.email, password: body.password)
            return try JSONCoding.response(AccountBody(signedIn.account), status: .created)
        }
        routes.add(.post, "/v1/auth/login", auth: false) { request, context in
            let body = try await request.decodeJSON(Credentials.self, context: context)
            let signedIn = try await accounts.login(email: body.email, password: body.password)
            let (token, expiresAt) = try await sessions.open(userId: signedIn.account.id)
            return try JSONCoding.response(Login(token: token, expiresAt: expiresAt, user: AccountBody(signedIn.account)))
        }
        routes.add(.post, "/v1/auth/logout") { request, context in
            if case .session(let token) = BearerToken(request) { try await sessions.close(token: token) }
            return Response(status: .noContent)
        }
        routes.add(.get, "/v1/me") { _, context in
            let caller = try context.authenticated()
            return try JSONCoding.response(AccountBody(try await accounts.account(caller.userId)))
        }
    }
}

extension AuthRoutes.AccountBody {
    init(_ account: Account) {
        self.init(id: account.id, email: account.email, createdAt: account.createdAt)
    }
}
