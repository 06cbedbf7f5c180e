/// One lexical token. The text is not copied: it is read from the source bytes on demand.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case openParen, closeParen
        /// A name or keyword (`:requirements`, `and`, `truck1`, `=`).
        case name
        /// `?x`.
        case variable
        case number
        /// A lone `-` between a typed list and its type.
        case dash
        case endOfFile
    }

    var kind: Kind
    var offset: Int
    var length: Int
    var line: Int
    var column: Int

    var start: SourceLocation { SourceLocation(offset: offset, line: line, column: column) }
    var end: SourceLocation { SourceLocation(offset: offset + length, line: line, column: column + length) }
    var range: SourceRange { SourceRange(start: start, end: end) }
}
