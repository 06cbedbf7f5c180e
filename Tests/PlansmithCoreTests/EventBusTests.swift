import Critique
import Foundation
@testable import PlansmithCore
import Testing

@Suite("Event bus")
struct EventBusTests {
    /// Reads `count` events from a subscription (or fewer if it ends).
    func read(_ subscription: EventSubscription, count: Int) async -> [BusEvent] {
        var received: [BusEvent] = []
        for await event in subscription.events {
            received.append(event)
            if received.count == count { break }
        }
        return received
    }

    @Test("every subscriber gets every event, in publishing order")
    func fanOutInOrder() async {
        let bus = EventBus()
        let first = await bus.subscribe(), second = await bus.subscribe()
        for i in 1...100 { await bus.publish(.iterationStarted(i), session: 7) }
        for subscription in [first, second] {
            let events = await read(subscription, count: 100)
            let iterations = events.compactMap { if case .iterationStarted(let i) = $0.payload { i } else { nil } }
            #expect(iterations == Array(1...100))
            #expect(events.allSatisfy { $0.sessionId == 7 })
            #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
        }
    }

    @Test("a subscriber that never reads does not block the publisher or the other subscribers")
    func slowSubscriberDoesNotBlock() async {
        let bus = EventBus(bufferLimit: 8)
        let stalled = await bus.subscribe()
        let reader = await bus.subscribe()
        let clock = ContinuousClock()
        let elapsed = await clock.measure {
            for i in 1...5_000 { await bus.publish(.iterationStarted(i)) }
        }
        #expect(elapsed < .seconds(2))
        #expect(await read(reader, count: 5_000).count == 5_000)
        // Lifecycle events are never dropped, even past the buffer bound.
        #expect(stalled.pending == 5_000)
    }

    @Test("a slow subscriber gets progress events coalesced and lifecycle events all, in order")
    func coalescesProgressOnly() async {
        let bus = EventBus(bufferLimit: 4)
        let slow = await bus.subscribe()
        var expectedText = ""
        for i in 1...50 {
            await bus.publish(.llmTokens(text: "t\(i) "), session: 1)
            expectedText += "t\(i) "
            if i % 10 == 0 { await bus.publish(.iterationStarted(i / 10), session: 1) }
        }
        await bus.finish()
        var text = "", iterations: [Int] = [], tokenEvents = 0
        for await event in slow.events {
            switch event.payload {
            case .llmTokens(let t): text += t; tokenEvents += 1
            case .iterationStarted(let i): iterations.append(i)
            default: break
            }
        }
        #expect(iterations == [1, 2, 3, 4, 5])
        #expect(text == expectedText)
        #expect(tokenEvents < 50)
        #expect(slow.coalescedCount == 50 - tokenEvents)
    }

    @Test("a subscriber that keeps up receives progress events uncoalesced")
    func fastSubscriberSeesEveryProgressEvent() async {
        let bus = EventBus(bufferLimit: 64)
        let subscription = await bus.subscribe()
        for i in 1...20 { await bus.publish(.llmTokens(text: "\(i)")) }
        let events = await read(subscription, count: 20)
        #expect(events.count == 20)
        #expect(subscription.coalescedCount == 0)
    }

    @Test("a subscriber waiting for an event is woken when one is published")
    func wakesWaitingSubscriber() async throws {
        let bus = EventBus()
        let subscription = await bus.subscribe()
        let waiter = Task { await read(subscription, count: 1) }
        try await Task.sleep(for: .milliseconds(50))
        await bus.publish(.converged(.maxIterations))
        let events = await waiter.value
        guard case .converged(.maxIterations) = events.first?.payload else { Issue.record("got \(events)"); return }
    }

    @Test("unsubscribing or cancelling the reading task ends that subscription only")
    func unsubscribe() async throws {
        let bus = EventBus()
        let leaving = await bus.subscribe(), staying = await bus.subscribe()
        let reader = Task { await read(leaving, count: 10) }
        try await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        _ = await reader.value
        await bus.publish(.iterationStarted(1))
        #expect(await bus.subscriberCount == 1)
        #expect(await read(staying, count: 1).count == 1)
    }
}
