/// A stream a screen pulls from one element at a time: the screen's `update` returns
/// `.task { await feed.next().map(Msg.received) }` and issues the same task again on each
/// message, so bus events and streamed tokens arrive as ordinary messages, in order, and the
/// runner's frame cap decides how often they are drawn.
public actor Feed<Element: Sendable> {
    private var iterator: AsyncStream<Element>.Iterator
    private let finisher: @Sendable () -> Void

    public init(_ stream: AsyncStream<Element>, onFinish: @escaping @Sendable () -> Void = {}) {
        iterator = stream.makeAsyncIterator()
        finisher = onFinish
    }

    /// A feed plus the continuation that fills it (for callbacks such as streamed tokens).
    public static func make(bufferingNewest limit: Int? = nil) -> (Feed, AsyncStream<Element>.Continuation) {
        let policy: AsyncStream<Element>.Continuation.BufferingPolicy = limit.map { .bufferingNewest($0) } ?? .unbounded
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: policy)
        return (Feed(stream, onFinish: { continuation.finish() }), continuation)
    }

    /// The next element, or nil once the stream has ended (or the feed was closed).
    public func next() async -> Element? {
        // The iterator is a handle on the stream's shared storage: advancing a copy advances it.
        var it = iterator
        let element = await it.next(isolation: self)
        iterator = it
        return element
    }

    /// Ends the stream (a screen closes its feeds when it is left).
    public nonisolated func close() { finisher() }
}
