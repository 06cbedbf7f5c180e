import Testing
@testable import LLM

@Suite("Server-Sent Events parser")
struct SSEParserTests {
    private func parse(_ text: String) -> [SSEEvent] {
        var parser = SSEParser()
        return parser.feed(Array(text.utf8))
    }

    @Test("joins multi-line data with newlines and names the event")
    func multiLineData() {
        let events = parse("event: plan\ndata: first\ndata: second\ndata\n\n")
        #expect(events == [SSEEvent(type: "plan", data: "first\nsecond\n")])
    }

    @Test("defaults the event type to message and resets it after dispatch")
    func defaultType() {
        let events = parse("event: a\ndata: 1\n\ndata: 2\n\n")
        #expect(events.map(\.type) == ["a", "message"])
    }

    @Test("ignores comments and unknown fields, strips only one leading space")
    func commentsAndSpaces() {
        let events = parse(": keepalive\nfoo: bar\ndata:  two spaces\ndata:none\n\n")
        #expect(events == [SSEEvent(data: " two spaces\nnone")])
    }

    @Test("accepts CRLF, CR and LF line endings alike")
    func lineEndings() {
        let expected = [SSEEvent(type: "e", data: "x\ny")]
        #expect(parse("event: e\r\ndata: x\r\ndata: y\r\n\r\n") == expected)
        #expect(parse("event: e\rdata: x\rdata: y\r\r") == expected)
        #expect(parse("event: e\ndata: x\ndata: y\n\n") == expected)
    }

    @Test("does not dispatch events without data and drops an unterminated event")
    func noDataAndTruncation() {
        var parser = SSEParser()
        #expect(parser.feed(Array("event: x\n\ndata: tail".utf8)).isEmpty)
        #expect(parser.finish() == true)
    }

    @Test("tracks id (persisting across events, rejecting NUL) and numeric retry only")
    func idAndRetry() {
        var parser = SSEParser()
        let events = parser.feed(Array("id: 7\nretry: 1500\ndata: a\n\nretry: soon\nid: bad\u{0}x\ndata: b\n\n".utf8))
        #expect(events.map(\.lastEventID) == ["7", "7"])
        #expect(parser.reconnectionTime == 1500)
    }

    @Test("strips a leading byte order mark")
    func byteOrderMark() {
        #expect(parse("\u{FEFF}data: x\n\n") == [SSEEvent(data: "x")])
    }

    static let sample = "\u{FEFF}: hello\r\nevent: message_start\r\ndata: {\"a\":\"é漢\"}\r\n\r\n"
        + "id: 1\rdata: line1\rdata: line2\r\rretry: 20\n: ping\ndata: [DONE]\n\nevent: x\ndata\n\n"

    @Test("gives the same events however the stream is split in two")
    func splitAtEveryOffset() {
        let bytes = Array(Self.sample.utf8)
        var whole = SSEParser()
        let expected = whole.feed(bytes)
        #expect(expected.count == 4)
        for cut in 0...bytes.count {
            var parser = SSEParser()
            let events = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...])
            #expect(events == expected, "split at \(cut)")
        }
    }

    @Test("gives the same events when fed one byte at a time")
    func byteByByte() {
        let bytes = Array(Self.sample.utf8)
        var whole = SSEParser()
        let expected = whole.feed(bytes)
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for byte in bytes { events += parser.feed([byte]) }
        #expect(events == expected)
    }
}
