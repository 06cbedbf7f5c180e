/// One dispatched Server-Sent Event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field, or "message" when the event had none.
    public var type: String
    /// All `data:` lines joined with "\n".
    public var data: String
    /// The last event ID seen so far in the stream (it persists across events, per the standard).
    public var lastEventID: String

    public init(type: String = "message", data: String, lastEventID: String = "") {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
    }
}

/// Incremental parser for `text/event-stream` following the WHATWG HTML "event stream
/// interpretation" rules: lines end in CRLF, LF or CR; `:` starts a comment; a field without a
/// colon has an empty value; one space after the colon is dropped; a blank line dispatches;
/// an event without data is not dispatched; a trailing unterminated event is discarded.
/// Bytes may be fed in chunks split anywhere, including inside CRLF or a UTF-8 sequence.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var previousWasCR = false
    private var sawFirstLine = false
    private var data = ""
    private var hasData = false
    private var eventType = ""
    public private(set) var lastEventID = ""
    /// The latest valid `retry:` value in milliseconds.
    public private(set) var reconnectionTime: Int?

    public init() {}

    /// Feeds bytes; returns the events completed by them, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [SSEEvent] where Bytes.Element == UInt8 {
        var events: [SSEEvent] = []
        for byte in bytes {
            switch byte {
            case 0x0A:  // LF: ends a line unless it completes a CRLF whose CR already did.
                if previousWasCR { previousWasCR = false; continue }
                processLine(into: &events)
            case 0x0D:
                processLine(into: &events)
                previousWasCR = true
            default:
                previousWasCR = false
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream. Per the standard an event not closed by a blank line is dropped.
    /// Returns whether such an incomplete event (or partial line) was pending, which callers
    /// can use to detect truncation.
    @discardableResult
    public mutating func finish() -> Bool {
        let pending = !line.isEmpty || hasData || !eventType.isEmpty
        line.removeAll()
        resetEvent()
        return pending
    }

    private mutating func processLine(into events: inout [SSEEvent]) {
        var bytes = line[...]
        line.removeAll(keepingCapacity: true)
        if !sawFirstLine {
            sawFirstLine = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty {
            dispatch(into: &events)
            return
        }
        if bytes.first == UInt8(ascii: ":") { return }  // comment, e.g. ": keepalive"
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            var rest = bytes[bytes.index(after: colon)...]
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            apply(field: String(decoding: bytes[..<colon], as: UTF8.self),
                  value: String(decoding: rest, as: UTF8.self))
        } else {
            apply(field: String(decoding: bytes, as: UTF8.self), value: "")
        }
    }

    private mutating func apply(field: String, value: String) {
        switch field {
        case "event":
            eventType = value
        case "data":
            data += value
            data += "\n"
            hasData = true
        case "id":
            if !value.contains("\u{0}") { lastEventID = value }
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let ms = Int(value) {
                reconnectionTime = ms
            }
        default:
            break  // unknown fields are ignored
        }
    }

    private mutating func dispatch(into events: inout [SSEEvent]) {
        defer { resetEvent() }
        guard hasData else { return }
        var payload = data
        if payload.hasSuffix("\n") { payload.removeLast() }
        events.append(SSEEvent(type: eventType.isEmpty ? "message" : eventType,
                               data: payload, lastEventID: lastEventID))
    }

    private mutating func resetEvent() {
        data = ""
        hasData = false
        eventType = ""
    }
}
