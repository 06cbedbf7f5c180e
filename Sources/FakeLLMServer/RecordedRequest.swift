import Foundation

/// A request as the fake server received it.
public struct RecordedRequest: Sendable {
    public let method: String
    public let path: String
    /// Header names lowercased.
    public let headers: [String: String]
    public let body: [UInt8]

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, if it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Reads one HTTP/1.1 request (head + Content-Length body) from a socket.
    static func read(from fd: Int32, stillRunning: () -> Bool) -> RecordedRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var headEnd: Int?
        var expected = 0
        while true {
            if let end = headEnd, buffer.count >= end + expected { break }
            guard stillRunning() else { return nil }
            if !Socket.waitReadable(fd, timeoutMs: 50) { continue }
            let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got <= 0 { return nil }
            buffer.append(contentsOf: chunk[..<got])
            if headEnd == nil, buffer.count > 1 << 20 { return nil }  // a head with no end
            if headEnd == nil, let end = Self.headEnd(in: buffer) {
                headEnd = end
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                // A negative, unreadable or huge Content-Length is a request this fake refuses
                // (dropped), rather than a range that traps or an allocation without end.
                guard let length = Self.contentLength(in: head), length <= maxBodyBytes else { return nil }
                expected = length
            }
        }
        let end = headEnd!
        let lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return RecordedRequest(method: String(requestLine[0]), path: String(requestLine[1]),
                               headers: headers, body: Array(buffer[end..<(end + expected)]))
    }

    private static func headEnd(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4)
        where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    /// The most body bytes the fake accepts in one request.
    static let maxBodyBytes = 64 << 20

    /// 0 when there is no Content-Length; nil when it is not a count (negative, not a number).
    private static func contentLength(in head: String) -> Int? {
        for line in head.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                guard let n = Int(parts[1].trimmingCharacters(in: .whitespaces)), n >= 0 else { return nil }
                return n
            }
        }
        return 0
    }
}
