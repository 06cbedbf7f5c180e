import CCurl
import Synchronization

/// Idle (multi, easy) handle pairs kept between requests, by origin, so that the next request to
/// the same host reuses the open connection (and its TLS session) instead of reconnecting.
/// Each pair is used by one transfer at a time; libcurl's shared connection cache
/// (`CURL_LOCK_DATA_CONNECT`) is avoided because its docs call it unsafe across threads.
final class CurlHandlePool: Sendable {
    static let shared = CurlHandlePool(capacity: 16)

    /// Handle addresses: raw pointers are not Sendable, addresses are.
    private struct Pair { let origin: String; let multi: UInt; let easy: UInt }
    private let idle = Mutex<[Pair]>([])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    deinit {
        for pair in idle.withLock({ $0 }) { Self.destroy(multi: pair.multi, easy: pair.easy) }
    }

    /// A pair to use: one pooled for `origin` (options reset, connection kept) or a new one.
    func take(for origin: String) -> (multi: UnsafeMutableRawPointer, easy: UnsafeMutableRawPointer)? {
        let pooled = idle.withLock { pool in pool.lastIndex { $0.origin == origin }.map { pool.remove(at: $0) } }
        if let pair = pooled,
           let multi = UnsafeMutableRawPointer(bitPattern: pair.multi),
           let easy = UnsafeMutableRawPointer(bitPattern: pair.easy) {
            return (multi, easy)
        }
        guard let multi = curl_multi_init() else { return nil }
        guard let easy = curl_easy_init() else { curl_multi_cleanup(multi); return nil }
        return (multi, easy)
    }

    /// Returns a pair after a clean transfer (the easy handle already removed from the multi).
    func give(multi: UnsafeMutableRawPointer, easy: UnsafeMutableRawPointer, origin: String) {
        curl_easy_reset(easy)  // drops option pointers (headers, error buffer) into freed memory
        let evicted = idle.withLock { pool -> Pair? in
            pool.append(Pair(origin: origin, multi: UInt(bitPattern: multi), easy: UInt(bitPattern: easy)))
            return pool.count > capacity ? pool.removeFirst() : nil  // the least recently used
        }
        if let evicted { Self.destroy(multi: evicted.multi, easy: evicted.easy) }
    }

    /// `scheme://host:port` of a URL: connections are reusable only within one origin.
    static func origin(of url: String) -> String {
        url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).prefix(3).joined(separator: "/")
    }

    private static func destroy(multi: UInt, easy: UInt) {
        if let easy = UnsafeMutableRawPointer(bitPattern: easy) { curl_easy_cleanup(easy) }
        if let multi = UnsafeMutableRawPointer(bitPattern: multi) { curl_multi_cleanup(multi) }
    }
}
