#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response the fake server is about to write, with the faults that shape how it is written.
struct FakeResponse {
    enum Body {
        case fixed([UInt8])
        /// Server-Sent Events, one element per event, sent in chunked transfer encoding.
        case events([String])
        /// `head` events, then `repeating` sent again and again until the client leaves or the
        /// server stops: a stream with no end, to try a client's size cap.
        case endless(head: [String], repeating: String)
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body
    var hangBeforeHead = false
    var stallAfterHead = false
    var disconnectAfterEvents: Int?
    var delayMs = 0
    var byteByByte = false
    /// Send only this many bytes of a fixed body, then close (a Content-Length promise broken).
    var truncateFixedBodyAt: Int?
    /// Keep the connection open for the client's next request (HTTP/1.1 persistent connection).
    var keepAlive = false

    /// Whether the response ends in a way that leaves the connection usable.
    var endsCleanly: Bool {
        if case .endless = body { return false }
        return !hangBeforeHead && !stallAfterHead && disconnectAfterEvents == nil && truncateFixedBodyAt == nil
    }

    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> FakeResponse {
        FakeResponse(status: status, headers: [("Content-Type", "application/json")] + headers,
                     body: .fixed(Array(text.utf8)))
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 529: "Overloaded"
        default: "Status"
        }
    }

    /// Writes the response; returns when done, when the peer left, or when `running()` turns false.
    /// Returns true when the whole response went out. `finishing` runs just before the last piece a
    /// client needs to finish (the fixed body, or the last event) is written.
    @discardableResult
    func write(to fd: Int32, running: () -> Bool, finishing: () -> Void = {}) -> Bool {
        if hangBeforeHead { Self.waitForPeerOrStop(fd, running: running); return false }
        var head = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        switch body {
        case .fixed(let bytes): head += "Content-Length: \(bytes.count)\r\n"
        case .events, .endless: head += "Transfer-Encoding: chunked\r\n"
        }
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        guard Socket.writeAll(fd, Array(head.utf8)) else { return false }
        if stallAfterHead { Self.waitForPeerOrStop(fd, running: running); return false }
        switch body {
        case .fixed(let bytes):
            Socket.sleep(milliseconds: delayMs)
            finishing()
            return send(Array(bytes.prefix(truncateFixedBodyAt ?? bytes.count)), to: fd, framed: false)
                && truncateFixedBodyAt == nil
        case .events(let events):
            for (index, event) in events.enumerated() {
                if let limit = disconnectAfterEvents, index >= limit { return false }  // caller closes: no final chunk
                guard running() else { return false }
                Socket.sleep(milliseconds: delayMs)
                if index == events.count - 1 { finishing() }
                guard send(Array(event.utf8), to: fd, framed: true) else { return false }
            }
            if events.isEmpty { finishing() }
            return Socket.writeAll(fd, Array("0\r\n\r\n".utf8))
        case .endless(let events, let repeating):
            for event in events { guard send(Array(event.utf8), to: fd, framed: true) else { return false } }
            let piece = Array(repeating.utf8)
            while running() { guard send(piece, to: fd, framed: true) else { return false } }
            return false
        }
    }

    @discardableResult
    private func send(_ bytes: [UInt8], to fd: Int32, framed: Bool) -> Bool {
        let pieces: [[UInt8]] = byteByByte ? bytes.map { [$0] } : [bytes]
        for piece in pieces where !piece.isEmpty {
            let frame = framed ? Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + [13, 10] : piece
            guard Socket.writeAll(fd, frame) else { return false }
        }
        return true
    }

    /// Holds the connection open, answering nothing, until the client gives up or the server stops.
    static func waitForPeerOrStop(_ fd: Int32, running: () -> Bool) {
        var scratch = [UInt8](repeating: 0, count: 1024)
        while running() {
            if Socket.waitReadable(fd, timeoutMs: 20) {
                let got = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if got <= 0 { return }
            }
        }
    }
}
