import CCurl
import CCurlShim
import Foundation
import Synchronization

// One request on libcurl. The transfer runs on a dedicated thread through the multi interface
// (`curl_multi_perform` + `curl_multi_poll`) rather than `curl_easy_perform`, because an idle
// easy_perform only calls its progress callback about once a second: a cancel or an idle timeout
// would then take up to a second to act. With the poll loop, `cancel()` wakes the thread at once
// (`curl_multi_wakeup`) and the idle deadline is checked every `pollInterval`.

/// The per-request state shared by the curl thread and Swift tasks.
/// `@unchecked Sendable`: the mutable parser state below is touched only by the curl thread
/// (callbacks run on it); cross-thread fields are `Atomic` or guarded by `Mutex`.
final class CurlTransfer: @unchecked Sendable {
    struct Head: Sendable { var status: Int; var headers: HTTPHeaders }
    enum AbortReason { case cancelled, idle }

    static let pollInterval: Int32 = 20  // milliseconds

    let request: HTTPRequest
    let pool: CurlHandlePool?
    let body: AsyncThrowingStream<[UInt8], Error>.Continuation
    let cancelled = Atomic<Bool>(false)
    let lastActivity = Atomic<Int64>(0)
    /// The multi handle's address while the transfer runs (0 otherwise): raw pointers are not
    /// Sendable, an address is, and `curl_multi_wakeup` is documented as thread-safe.
    private let multi = Mutex<UInt>(0)
    private let headWaiter = Mutex<CheckedContinuation<Head, Error>?>(nil)

    // Curl-thread-only state.
    var status = 0
    var headers = HTTPHeaders()
    var headDelivered = false
    var abortReason: AbortReason?

    init(request: HTTPRequest, pool: CurlHandlePool?, body: AsyncThrowingStream<[UInt8], Error>.Continuation) {
        self.request = request
        self.pool = request.reuseConnection ? pool : nil
        self.body = body
    }

    func start(headWaiter waiter: CheckedContinuation<Head, Error>) {
        headWaiter.withLock { $0 = waiter }
        lastActivity.store(Monotonic.nanoseconds(), ordering: .relaxed)
        let thread = Thread { [self] in run() }
        thread.name = "plansmith-curl"
        thread.start()
    }

    /// Safe from any thread, any number of times. The caller sees the end at once (the head
    /// waiter and the body stream finish with `.cancelled` here); the curl thread then wakes,
    /// aborts the transfer and closes the socket.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        headWaiter.withLock { $0?.resume(throwing: TransportError.cancelled); $0 = nil }
        body.finish(throwing: TransportError.cancelled)
        multi.withLock { handle in
            if let pointer = UnsafeMutableRawPointer(bitPattern: handle) { curl_multi_wakeup(pointer) }
        }
    }

    var idleExceeded: Bool {
        guard let idle = request.timeouts.idle else { return false }
        let silent = Monotonic.nanoseconds() - lastActivity.load(ordering: .relaxed)
        return silent > idle.nanoseconds
    }

    func noteActivity() { lastActivity.store(Monotonic.nanoseconds(), ordering: .relaxed) }

    // MARK: curl-thread side

    /// Called when the header block of the final response ended, or the first body byte came.
    func deliverHead() {
        guard !headDelivered else { return }
        headDelivered = true
        let head = Head(status: status, headers: headers)
        headWaiter.withLock { $0?.resume(returning: head); $0 = nil }
    }

    func finish(with error: TransportError?) {
        if let error {
            if headDelivered {
                body.finish(throwing: error)
            } else {
                headWaiter.withLock { $0?.resume(throwing: error); $0 = nil }
                body.finish(throwing: error)
            }
        } else {
            deliverHead()
            body.finish()
        }
    }

    private func run() {
        let origin = CurlHandlePool.origin(of: request.url)
        guard let (handle, easy) = pool?.take(for: origin) ?? Self.freshHandles() else {
            finish(with: .curl(code: -1, message: "curl handle initialisation failed"))
            return
        }
        let unmanaged = Unmanaged.passRetained(self)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let headerList = configure(easy, context: unmanaged.toOpaque(), errorBuffer: errorBuffer)
        curl_multi_add_handle(handle, easy)
        multi.withLock { $0 = UInt(bitPattern: handle) }
        let result = pollUntilDone(handle)
        multi.withLock { $0 = 0 }
        curl_multi_remove_handle(handle, easy)
        let error = transportError(for: result, easy: easy, detail: String(cString: errorBuffer))
        // Only a transfer that ran to its end leaves a connection worth keeping.
        if let pool, error == nil, result == CURLE_OK {
            pool.give(multi: handle, easy: easy, origin: origin)
        } else {
            curl_easy_cleanup(easy)
            curl_multi_cleanup(handle)
        }
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        unmanaged.release()
        finish(with: error)
    }

    private static func freshHandles() -> (UnsafeMutableRawPointer, UnsafeMutableRawPointer)? {
        guard let multi = curl_multi_init() else { return nil }
        guard let easy = curl_easy_init() else { curl_multi_cleanup(multi); return nil }
        return (multi, easy)
    }

    /// Drives the transfer; returns curl's result code, or nil when we stopped it ourselves.
    private func pollUntilDone(_ handle: UnsafeMutableRawPointer) -> CURLcode? {
        var running: Int32 = 1
        while true {
            curl_multi_perform(handle, &running)
            var left: Int32 = 0
            while let message = curl_multi_info_read(handle, &left) {
                if message.pointee.msg == CURLMSG_DONE { return cs_msg_result(message) }
            }
            if running == 0 { return CURLE_OK }
            if cancelled.load(ordering: .relaxed) { abortReason = .cancelled; return nil }
            if idleExceeded { abortReason = .idle; return nil }
            curl_multi_poll(handle, nil, 0, Self.pollInterval, nil)
        }
    }

    private func transportError(for code: CURLcode?, easy: UnsafeMutableRawPointer, detail: String) -> TransportError? {
        if cancelled.load(ordering: .relaxed) || abortReason == .cancelled { return .cancelled }
        if abortReason == .idle { return .timedOut(.idle) }
        guard let code, code != CURLE_OK else { return nil }
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR:
            return idleExceeded ? .timedOut(.idle) : .curl(code: Int(code.rawValue), message: message)
        case CURLE_OPERATION_TIMEDOUT:
            var connectTime: curl_off_t = 0
            cs_getinfo_off(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
            return connectTime == 0 ? .timedOut(.connect) : .timedOut(.total)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectionFailed(message)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM:
            return .tls(message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest(message)
        default:
            return .curl(code: Int(code.rawValue), message: message)
        }
    }
}

enum Monotonic {
    static func nanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (s, atto) = components
        return s * 1_000_000_000 + atto / 1_000_000_000
    }
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
