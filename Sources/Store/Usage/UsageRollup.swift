import Foundation

/// The plan both backends follow to answer `UsageLog.summary` from rollups instead of scanning
/// every usage row. Two tables are kept by database triggers in the same transaction as each
/// insert, update or delete of `usage_logs` (so no writer can forget them):
///
/// - `usage_hourly`: per UTC hour × user × endpoint × model — requests, errors, cost, summed
///   latency and tokens. Gives per-day, per-endpoint and per-model figures.
/// - `usage_latency`: per UTC day × user × endpoint × latency bucket — a row count. Gives exact
///   nearest-rank percentiles: the histogram says which bucket holds rank k and where in it, then
///   one index range read over that bucket's raw rows returns the exact value.
///
/// A window rarely starts on an hour or a day, so it is split into whole units (read from the
/// rollup) and at most two edge pieces (read from raw rows through the `created_at` index).
enum UsageRollup {
    /// A half-open time range `[from, to)`; a nil end is open.
    struct Window: Equatable, Sendable {
        var from: Date?
        var to: Date?
    }

    /// `[since, until)` as whole `unit`-long pieces (aligned to the Unix epoch, so UTC hours and
    /// days) plus the edge pieces outside them. nil `whole` when no whole unit fits.
    static func split(since: Date?, until: Date?, unit: TimeInterval) -> (whole: Window?, edges: [Window]) {
        func floor(_ d: Date) -> Date {
            Date(timeIntervalSince1970: (d.timeIntervalSince1970 / unit).rounded(.down) * unit)
        }
        func ceil(_ d: Date) -> Date {
            Date(timeIntervalSince1970: (d.timeIntervalSince1970 / unit).rounded(.up) * unit)
        }
        let start = since.map(ceil), end = until.map(floor)
        if let s = start, let e = end, s >= e {
            // No whole unit inside: the whole window is an edge (or empty).
            if let since, let until, since < until { return (nil, [Window(from: since, to: until)]) }
            return (nil, [])
        }
        var edges: [Window] = []
        if let since, let s = start, since < s { edges.append(Window(from: since, to: s)) }
        if let until, let e = end, e < until { edges.append(Window(from: e, to: until)) }
        return (Window(from: start, to: end), edges)
    }

    // MARK: Latency buckets

    /// The bucket of a latency: its value kept to two significant digits (90 buckets per decade,
    /// at most 10% wide) from 0.01 ms up to 1,000,000 ms; everything above shares one bucket.
    /// Monotone in the latency, so buckets sort as the values in them do. `truncate` is how the
    /// backend drops the fraction of a non-negative number (SQLite: CAST AS INTEGER; PostgreSQL:
    /// floor, since its CAST rounds).
    static func bucketSQL(_ v: String, truncate: (String) -> String) -> String {
        """
        (CASE WHEN \(v) < 1 THEN \(truncate("\(v) * 100")) / 100.0 \
        WHEN \(v) < 10 THEN \(truncate("\(v) * 10")) / 10.0 \
        WHEN \(v) < 100 THEN \(truncate(v)) * 1.0 \
        WHEN \(v) < 1000 THEN \(truncate("\(v) / 10")) * 10.0 \
        WHEN \(v) < 10000 THEN \(truncate("\(v) / 100")) * 100.0 \
        WHEN \(v) < 100000 THEN \(truncate("\(v) / 1000")) * 1000.0 \
        WHEN \(v) < 1000000 THEN \(truncate("\(v) / 10000")) * 10000.0 \
        ELSE 1000000.0 END)
        """
    }

    /// Latencies that include every value of `bucket`, with room for rounding at the edges; the
    /// exact membership test is the bucket expression itself. This range lets an index on
    /// latency find the bucket's rows. nil high: no upper bound (the last bucket).
    static func latencyRange(ofBucket bucket: Double) -> (low: Double, high: Double?) {
        if bucket >= 1_000_000 { return (bucket * 0.999, nil) }
        return (bucket * 0.999 - 0.001, bucket * 1.11 + 0.02)
    }

    /// Where the value of 1-based `rank` lies in a histogram sorted by bucket: the bucket and the
    /// 0-based offset among that bucket's values. nil if the histogram holds fewer values.
    static func locate(rank: Int, in histogram: [(bucket: Double, count: Int)]) -> (bucket: Double, offset: Int)? {
        var before = 0
        for entry in histogram {
            if rank <= before + entry.count { return (entry.bucket, rank - before - 1) }
            before += entry.count
        }
        return nil
    }

    // MARK: Combining rollup rows

    /// One group of usage rows as the rollup (or an edge read) returns it.
    struct Group: Sendable {
        var day: String
        var endpoint: String
        var model: String?
        var requests: Int
        var errors: Int
        var cost: Double
        var latencySum: Double
        var inputTokens: Int
        var outputTokens: Int
    }

    /// One exact latency to read from raw rows: the value at `offset` (0-based, ascending) among
    /// the rows in scope of `endpoints` whose latency falls in `bucket` (for the overall
    /// percentiles: every endpoint with rows in that bucket; the reads go through the
    /// (endpoint, latency) index, so no second index on latency alone is kept up to date).
    struct Lookup: Equatable, Sendable {
        var endpoints: [String]
        var bucket: Double
        var offset: Int
    }

    /// The summary from per-(day, endpoint, model) groups and per-endpoint latency histograms, in
    /// two steps: `lookups` are the exact latencies the backend must read, then `summary(values:)`
    /// assembles the figures. Rows are ordered as the plain SQL aggregate orders them: days
    /// ascending, endpoints by requests then name, models by cost then name (names compared as
    /// UTF-8 bytes, like SQL's binary order).
    struct Assembly {
        private(set) var lookups: [Lookup] = []
        private var perDay: [UsageSummary.Day] = []
        private var perEndpoint: [UsageSummary.Endpoint] = []
        private var perModel: [UsageSummary.Model] = []
        private var count = 0

        /// nil when a histogram disagrees with the counts (the caller then scans the raw rows).
        init?(groups: [Group], histograms: [String: [(bucket: Double, count: Int)]]) {
            var days: [String: UsageSummary.Day] = [:]
            var endpoints: [String: (requests: Int, errors: Int, latency: Double)] = [:]
            var models: [String: UsageSummary.Model] = [:]
            for g in groups where g.requests != 0 {
                days[g.day, default: .init(day: g.day, requests: 0, errors: 0, costUSD: 0)].requests += g.requests
                days[g.day]!.errors += g.errors
                days[g.day]!.costUSD += g.cost
                endpoints[g.endpoint, default: (0, 0, 0)].requests += g.requests
                endpoints[g.endpoint]!.errors += g.errors
                endpoints[g.endpoint]!.latency += g.latencySum
                if let model = g.model {
                    models[model, default: .init(model: model, calls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0)]
                        .calls += g.requests
                    models[model]!.inputTokens += g.inputTokens
                    models[model]!.outputTokens += g.outputTokens
                    models[model]!.costUSD += g.cost
                }
            }
            func bytesBefore(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
            perDay = days.values.filter { $0.requests > 0 }.sorted { bytesBefore($0.day, $1.day) }
            count = perDay.reduce(0) { $0 + $1.requests }

            // Percentiles: per endpoint from its histogram, overall from all of them merged.
            var merged: [Double: Int] = [:]
            for (endpoint, figures) in endpoints where figures.requests > 0 {
                let histogram = histograms[endpoint] ?? []
                guard histogram.reduce(0, { $0 + $1.count }) == figures.requests,
                      let (bucket, offset) = locate(rank: SQLiteUsageLog.rank(percent: 95, of: figures.requests), in: histogram)
                else { return nil }
                for entry in histogram { merged[entry.bucket, default: 0] += entry.count }
                perEndpoint.append(.init(endpoint: endpoint, requests: figures.requests, errors: figures.errors,
                                         averageLatencyMs: figures.latency / Double(figures.requests), p95LatencyMs: 0))
                lookups.append(Lookup(endpoints: [endpoint], bucket: bucket, offset: offset))
            }
            if count > 0 {
                let histogram = merged.map { (bucket: $0.key, count: $0.value) }.sorted { $0.bucket < $1.bucket }
                for percent in [50, 95] {
                    guard let (bucket, offset) = locate(rank: SQLiteUsageLog.rank(percent: percent, of: count), in: histogram)
                    else { return nil }
                    let holding = histograms.filter { $0.value.contains { $0.bucket == bucket } }.keys.sorted()
                    lookups.append(Lookup(endpoints: holding, bucket: bucket, offset: offset))
                }
            }
            perModel = models.values.filter { $0.calls > 0 }
                .sorted { $0.costUSD != $1.costUSD ? $0.costUSD > $1.costUSD : bytesBefore($0.model, $1.model) }
        }

        /// The figures, given the value of each lookup in order; nil if any was not found.
        func summary(values: [Double?]) -> UsageSummary? {
            guard values.count == lookups.count, !values.contains(where: { $0 == nil }) else { return nil }
            var endpoints = perEndpoint
            for i in endpoints.indices { endpoints[i].p95LatencyMs = values[i]! }
            endpoints.sort {
                $0.requests != $1.requests ? $0.requests > $1.requests : $0.endpoint.utf8.lexicographicallyPrecedes($1.endpoint.utf8)
            }
            let overall = count > 0 ? [values[values.count - 2]!, values[values.count - 1]!] : [0, 0]
            return UsageSummary(
                requests: count, errors: perDay.reduce(0) { $0 + $1.errors }, p50LatencyMs: overall[0],
                p95LatencyMs: overall[1], totalCostUSD: perDay.reduce(0.0) { $0 + $1.costUSD },
                perDay: perDay, perEndpoint: endpoints, perModel: perModel)
        }
    }
}
