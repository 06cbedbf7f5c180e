import Foundation
import Hummingbird
import Store

/// Register, log in, log out. Register and login need no credentials (they are how one gets
/// them); they are rate-limited per client address like any anonymous request.
struct AuthRoutes {
    let accounts: AccountService
    let sessions: LoginSessions

    struct Credentials: Codable, Sendable {
        var email: String
        var password: String
    }

    struct Account: Codable, Sendable {
        var id: Int64
        var email: String
        var createdAt: Date
    }

    struct Login: Codable, Sendable {
        var token: String
        var expiresAt: Date
        var user: Account
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.post, "/v1/auth/register", auth: false) { request, context in
            let body = try await request.decodeJSON(Credentials.self, context: context)
            let user = try await accounts.register(email: body.email, password: body.password)
            return try JSONCoding.response(Account(user), status: .created)
        }
        routes.add(.post, "/v1/auth/login", auth: false) { request, context in
            let body = try await request.decodeJSON(Credentials.self, context: context)
            let user = try await accounts.login(email: body.email, password: body.password)
            let (token, expiresAt) = sessions.open(userId: user.id!)
            return try JSONCoding.response(Login(token: token, expiresAt: expiresAt, user: Account(user)))
        }
        routes.add(.post, "/v1/auth/logout") { request, context in
            if case .session(let token) = BearerToken(request) { sessions.close(token: token) }
            return Response(status: .noContent)
        }
        routes.add(.get, "/v1/me") { _, context in
            let caller = try context.authenticated()
            guard let user = try await accounts.user(id: caller.userId) else { throw APIError.notFound("user not found") }
            return try JSONCoding.response(Account(user))
        }
    }
}

extension AuthRoutes.Account {
    init(_ user: User) {
        self.init(id: user.id ?? 0, email: user.email, createdAt: user.createdAt)
    }
}
