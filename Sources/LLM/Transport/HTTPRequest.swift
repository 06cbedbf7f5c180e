/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var timeouts: HTTPTimeouts
    /// Keep the connection open afterwards for the next request to the same host.
    public var reuseConnection: Bool

    public init(method: String = "POST", url: String, headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], timeouts: HTTPTimeouts = HTTPTimeouts(), reuseConnection: Bool = true) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.reuseConnection = reuseConnection
    }
}

/// Limits for one request. `idle` is the longest silence allowed between two received bytes
/// (and before the first one): it is what detects a hung stream, since `total` must stay
/// long for streams that legitimately run for minutes.
public struct HTTPTimeouts: Sendable, Equatable {
    public var connect: Duration
    public var total: Duration?
    public var idle: Duration?

    public init(connect: Duration = .seconds(10), total: Duration? = .seconds(600),
                idle: Duration? = .seconds(60)) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

/// Header fields in arrival order with case-insensitive lookup.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// The first value of `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
