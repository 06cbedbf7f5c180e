import ArgumentParser
import Foundation
import Store

/// `plansmith usage`: what the API and the LLM calls cost, from the usage log.
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Summarise API requests and LLM calls: counts, tokens, cost, latency, errors.",
        discussion: """
        Covers your own usage (the --user account) since --since: a date (2026-11-01), a date \
        and time (2026-11-01T09:00:00Z) or an age (90m, 24h, 7d, 2w). Without --since, all time. \
        Days are UTC.

        Exit status: 0 done, 2 usage or I/O problem.
        """)

    @OptionGroup var store: StoreArguments
    @Option(help: ArgumentHelp("Only rows from this time on: DATE, 24h, 7d, …", valueName: "when"))
    var since: SinceArgument?
    @Flag(help: "Print one JSON object instead of tables.") var json = false

    func run() async throws {
        let start = since?.date(now: Date())
        let summary = try await store.withSession("usage") { session in
            try await session.store.usage.summary(since: start, until: nil, userId: session.userId)
        }
        if json {
            Console.json(UsageReport.json(summary, since: start))
        } else {
            Console.out(UsageReport.text(summary, since: start))
        }
    }
}

/// `--since` as an absolute date or an age counted back from now.
struct SinceArgument: ExpressibleByArgument {
    enum Value { case date(Date), age(TimeInterval) }
    let value: Value

    init?(argument: String) {
        let units: [Character: TimeInterval] = ["m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        if let unit = argument.last.flatMap({ units[$0] }), let count = Double(argument.dropLast()), count >= 0 {
            value = .age(count * unit)
        } else if let date = try? Date(argument, strategy: Date.ISO8601FormatStyle()) {
            value = .date(date)
        } else if let day = try? Date(argument, strategy: Date.ISO8601FormatStyle().year().month().day()) {
            value = .date(day)
        } else {
            return nil
        }
    }

    func date(now: Date) -> Date {
        switch value {
        case .date(let date): return date
        case .age(let seconds): return now.addingTimeInterval(-seconds)
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
