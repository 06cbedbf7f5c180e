/// Status and headers of a response whose body is still arriving.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    /// Body bytes in the chunks the network delivered; finishes with a `TransportError` on failure.
    public let body: AsyncThrowingStream<[UInt8], Error>
    private let canceller: @Sendable () -> Void

    public init(status: Int, headers: HTTPHeaders, body: AsyncThrowingStream<[UInt8], Error>,
                cancel: @escaping @Sendable () -> Void) {
        self.status = status
        self.headers = headers
        self.body = body
        self.canceller = cancel
    }

    /// Stops the transfer; the body stream then ends with `TransportError.cancelled`.
    public func cancel() { canceller() }

    /// Reads the whole body (for non-streaming calls and error bodies).
    public func collectBody(limit: Int = 32 << 20) async throws -> [UInt8] {
        var all: [UInt8] = []
        for try await chunk in body {
            all.append(contentsOf: chunk)
            if all.count > limit {
                cancel()
                throw TransportError.bodyTooLarge(limit: limit)
            }
        }
        return all
    }
}

/// Sends HTTP requests; the production implementation is `CurlHTTPClient`.
public protocol HTTPClient: Sendable {
    /// Returns once the response head has arrived. Throws `TransportError`.
    /// Cancelling the calling task, or iterating the body no more, aborts the transfer.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
