/// The bytes of one PDDL file plus the name the user knows it by.
///
/// Reading files is the caller's job (the PDDL module imports nothing but the standard library);
/// checking that the bytes are text a parser should look at is done here, by `inputProblem()`.
public struct SourceText: Sendable {
    /// Inputs larger than this are refused with `I004` instead of being parsed: 128 MiB is far
    /// above any real planning task and keeps a stray multi-GB file from exhausting memory.
    public static let defaultMaximumSize = 128 << 20

    public let name: String
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// A diagnostic if these bytes are not something to parse: binary data, invalid UTF-8,
    /// nothing but whitespace. `nil` when the input is fine.
    public func inputProblem(maximumSize: Int = SourceText.defaultMaximumSize) -> Diagnostic? {
        if bytes.count > maximumSize {
            return Self.tooLarge(file: name, size: bytes.count, limit: maximumSize)
        }
        return bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            var index = 0
            var onlyWhitespace = true
            let count = buffer.count
            // Fast path: 8 bytes at a time while they are printable-or-whitespace ASCII with no NUL
            // (the usual file); line numbers are only counted when a problem is found.
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let hasHighBit = word & 0x8080_8080_8080_8080 != 0
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                    if hasHighBit || hasZero { break }
                    if onlyWhitespace && !Self.isAllWhitespace(word) { onlyWhitespace = false }
                    index += 8
                }
            }
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte == 0 {
                        return Diagnostic(.binaryInput, "input contains a NUL byte: this looks like a binary file, not PDDL",
                                          at: range(offset: index, in: buffer), file: name)
                    }
                    if onlyWhitespace && byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { onlyWhitespace = false }
                    index += 1
                    continue
                }
                onlyWhitespace = false
                let length = Self.validUTF8SequenceLength(buffer, at: index)
                if length == 0 {
                    return Diagnostic(.invalidUTF8, String(format0x: buffer[index]),
                                      at: range(offset: index, in: buffer), file: name,
                                      notes: ["PDDL files must be UTF-8 (plain ASCII is fine)"])
                }
                index += length
            }
            if onlyWhitespace {
                return Diagnostic(.emptyInput, "input is empty: expected '(define (domain …)' or '(define (problem …)'",
                                  at: .unknown, file: name)
            }
            return nil
        }
    }

    /// The `I004` diagnostic for a file of `size` bytes over `limit` (callers that know the size
    /// before reading use it to avoid reading the file at all).
    public static func tooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(.fileTooLarge, "input is \(megabytes(size)) MB; the limit is \(megabytes(limit)) MB",
                   at: .unknown, file: file,
                   notes: ["raise the limit with --max-size MB if this really is a planning task"])
    }

    /// The `I004` diagnostic for an input that went past `limit` while being read (a pipe, a
    /// device, standard input): reading stopped there, so its full size is not known.
    public static func tooLarge(file: String, limit: Int) -> Diagnostic {
        Diagnostic(.fileTooLarge, "input is larger than the limit of \(megabytes(limit)) MB; reading stopped there",
                   at: .unknown, file: file,
                   notes: ["raise the limit with --max-size MB if this really is a planning task"])
    }

    private static func isAllWhitespace(_ word: UInt64) -> Bool {
        var w = word
        for _ in 0..<8 {
            let b = UInt8(truncatingIfNeeded: w)
            if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) { return false }
            w >>= 8
        }
        return true
    }

    /// The one-byte range at `offset`; its line is counted here, when a problem was found.
    private func range(offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourceRange {
        var line = 1, lineStart = 0
        for i in 0..<offset where buffer[i] == 0x0A { line += 1; lineStart = i + 1 }
        let start = SourceLocation(offset: offset, line: line, column: offset - lineStart + 1)
        let end = SourceLocation(offset: offset + 1, line: line, column: offset - lineStart + 2)
        return SourceRange(start: start, end: end)
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 0 if it is malformed
    /// (overlong forms, surrogates and code points above U+10FFFF are malformed too).
    static func validUTF8SequenceLength(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = b[index]
        func continuation(_ i: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i < b.count && b[i] >= low && b[i] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(index + 1) ? 2 : 0
        case 0xE0:
            return continuation(index + 1, 0xA0) && continuation(index + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(index + 1) && continuation(index + 2) ? 3 : 0
        case 0xED:
            return continuation(index + 1, 0x80, 0x9F) && continuation(index + 2) ? 3 : 0
        case 0xF0:
            return continuation(index + 1, 0x90) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(index + 1) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
        case 0xF4:
            return continuation(index + 1, 0x80, 0x8F) && continuation(index + 2) && continuation(index + 3) ? 4 : 0
        default:
            return 0
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The text of 1-based line `line`, without its line break; empty past the end.
    public func lineText(_ line: Int) -> String {
        var current = 1, start = 0
        var index = 0
        while index < bytes.count && current < line {
            if bytes[index] == 0x0A { current += 1; start = index + 1 }
            index += 1
        }
        guard current == line else { return "" }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

private extension String {
    init(format0x byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "input is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character here"
    }
}
