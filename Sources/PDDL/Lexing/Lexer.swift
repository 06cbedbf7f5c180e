/// Splits PDDL source bytes into tokens, one at a time.
///
/// Works on raw bytes for speed: the parser benchmark target is ≥ 50 MB/s. Names are everything
/// up to whitespace, a parenthesis, `;` or `?` — so `(aircraft?a)`, which real IPC files contain,
/// lexes as `aircraft` then `?a`, as Fast Downward and VAL read it.
struct Lexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The location just past the last byte, for end-of-file diagnostics.
    var endLocation: SourceLocation {
        SourceLocation(offset: bytes.count, line: line, column: bytes.count - lineStart + 1)
    }

    mutating func next() -> Token {
        skipTrivia()
        let start = offset
        let column = start - lineStart + 1
        guard start < bytes.count else {
            return Token(kind: .endOfFile, offset: start, length: 0, line: line, column: column)
        }
        let byte = bytes[start]
        switch byte {
        case UInt8(ascii: "("):
            offset += 1
            return Token(kind: .openParen, offset: start, length: 1, line: line, column: column)
        case UInt8(ascii: ")"):
            offset += 1
            return Token(kind: .closeParen, offset: start, length: 1, line: line, column: column)
        case UInt8(ascii: "?"):
            offset += 1
            scanNameBytes()
            return Token(kind: .variable, offset: start, length: offset - start, line: line, column: column)
        default:
            scanNameBytes()
            let length = offset - start
            let kind: Token.Kind
            if length == 1 && byte == UInt8(ascii: "-") {
                kind = .dash
            } else if Self.looksNumeric(bytes, start, length) {
                kind = .number
            } else {
                kind = .name
            }
            return Token(kind: kind, offset: start, length: length, line: line, column: column)
        }
    }

    private mutating func skipTrivia() {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                offset += 1
                line += 1
                lineStart = offset
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B {
                offset += 1
            } else if byte == UInt8(ascii: ";") {
                while offset < bytes.count && bytes[offset] != 0x0A { offset += 1 }
            } else {
                return
            }
        }
    }

    private mutating func scanNameBytes() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B,
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "?"):
                return
            default:
                offset += 1
            }
        }
    }

    /// `12`, `-3`, `0.5`, `.5`: an optional sign, digits, at most one dot, at least one digit.
    private static func looksNumeric(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        var index = start
        let end = start + length
        if b[index] == UInt8(ascii: "-") || b[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0, dots = 0
        while index < end {
            let c = b[index]
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if c == UInt8(ascii: ".") { dots += 1 } else { return false }
            index += 1
        }
        return digits > 0 && dots <= 1
    }

    /// The token's text with ASCII letters lowercased: PDDL is case-insensitive.
    func text(of token: Token) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.offset..<(token.offset + token.length)])
        var hasUpper = false
        for byte in slice where byte >= 0x41 && byte <= 0x5A { hasUpper = true; break }
        if !hasUpper { return String(decoding: slice, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: slice.count) { out in
            for (i, byte) in slice.enumerated() {
                out[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            return slice.count
        }
    }

    func firstByte(of token: Token) -> UInt8 { bytes[token.offset] }

    /// The token's text exactly as written (for messages quoting the user).
    func rawText(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.offset..<(token.offset + token.length)]), as: UTF8.self)
    }
}
