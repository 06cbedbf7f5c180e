/// One piece of a Server-Sent Events stream: an event, or a heartbeat comment. A critique round
/// can take minutes between events, and proxies (nginx closes after 60 s by default) and clients
/// drop connections that stay silent that long.
enum HeartbeatChunk<Element: Sendable>: Sendable {
    case element(Element)
    case heartbeat
}

extension AsyncStream where Element: Sendable {
    /// This stream's elements with a heartbeat every `interval` in between; it ends when this
    /// stream ends, and stops consuming this stream when its own consumer goes away.
    func withHeartbeats(every interval: Duration) -> AsyncStream<HeartbeatChunk<Element>> {
        let (merged, sink) = AsyncStream<HeartbeatChunk<Element>>.makeStream()
        let forward = Task {
            for await element in self { sink.yield(.element(element)) }
            sink.finish()
        }
        let beat = Task {
            while (try? await Task.sleep(for: interval)) != nil { sink.yield(.heartbeat) }
        }
        sink.onTermination = { _ in
            forward.cancel()
            beat.cancel()
        }
        return merged
    }
}
