import CCurl
import Foundation

/// `HTTPClient` on libcurl: each request runs on its own thread (see `CurlTransfer`).
public struct CurlHTTPClient: HTTPClient {
    let pool: CurlHandlePool?

    /// `reuseConnections`: keep idle connections (per origin) for later requests; clients made
    /// with `isolatedPool` get a pool of their own instead of the process-wide one.
    public init(reuseConnections: Bool = true, isolatedPool: Bool = false) {
        pool = reuseConnections ? (isolatedPool ? CurlHandlePool(capacity: 8) : .shared) : nil
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        CurlGlobal.ensureInitialised()
        let (body, continuation) = AsyncThrowingStream<[UInt8], Error>.makeStream()
        let transfer = CurlTransfer(request: request, pool: pool, body: continuation)
        continuation.onTermination = { reason in
            // The consumer stopped reading (or was cancelled): abort the network transfer.
            if case .cancelled = reason { transfer.cancel() }
        }
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<CurlTransfer.Head, Error>) in
                transfer.start(headWaiter: waiter)
            }
        } onCancel: {
            transfer.cancel()
        }
        return HTTPResponse(status: head.status, headers: head.headers, body: body,
                            cancel: { transfer.cancel() })
    }
}

enum CurlGlobal {
    /// `curl_global_init` is not thread-safe; a static let runs it exactly once.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    static func ensureInitialised() { _ = initialised }
}
