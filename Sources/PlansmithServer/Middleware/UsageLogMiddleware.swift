import Foundation
import Hummingbird
import Store

/// The third link: one usage row per request that got past the limiter — endpoint, method,
/// status, latency, key and user (known once the auth link inside has run), client address.
/// Errors thrown further in are logged with the status they will be answered with, then passed on.
struct UsageLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let writer: UsageLogWriter
    let clock: any StoreClock

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            writer.record(request: request, context: context, status: response.status.code, since: started, at: clock.now())
            return response
        } catch {
            writer.record(request: request, context: context, status: APIError.from(error).status.code,
                          since: started, at: clock.now())
            throw error
        }
    }
}
