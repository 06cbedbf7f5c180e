import Critique
import Foundation
import Store

/// How often one critic's "agree" votes were overruled by the validator.
public struct CriticOverruleRow: Sendable, Equatable {
    public var critic: String
    /// Every vote the critic cast (agree, neutral or disagree).
    public var votes: Int
    public var agreeVotes: Int
    /// Agree votes on edits whose resulting plan the validator rejected.
    public var overruled: Int
    public var rate: Double { agreeVotes == 0 ? 0 : Double(overruled) / Double(agreeVotes) }

    public init(critic: String, votes: Int, agreeVotes: Int, overruled: Int) {
        self.critic = critic; self.votes = votes; self.agreeVotes = agreeVotes; self.overruled = overruled
    }
}

/// Counts overruled votes from stored planning sessions.
///
/// The store has no column for this, so it is computed from each iteration's `critiques` JSON
/// (see `SessionRecords`):
/// - `scores[].votes` gives every vote of every critic in the round (votes are counted from here);
/// - `agreedWithInvalid` gives, per critic, the agree votes cast on an item whose edit produced a
///   plan the validator rejected (the orchestrator counts them while voting) — these are the
///   overruled votes. Rounds saved without that field count as 0 overruled and are reported in
///   `roundsWithoutVerdictCounts`, so a zero is never silently wrong.
/// Iterations are taken by their `created_at` within the chosen range.
enum CriticOverrules {
    struct Result: Sendable, Equatable {
        var rows: [CriticOverruleRow]
        var rounds: Int
        var sessions: Int
        var roundsWithoutVerdictCounts: Int
    }

    static let sessionLimit = 500

    static func load(store: Store, userId: Int64, since: Date?) async throws -> Result {
        let sessions = try await store.planningSessions.sessions(userId: userId, domainId: nil, limit: sessionLimit)
        var iterations: [Iteration] = []
        var sessionCount = 0
        for session in sessions {
            guard let id = session.id else { continue }
            let rounds = try await store.planningSessions.iterations(of: id, userId: userId)
                .filter { since == nil || $0.createdAt >= since! }
            if !rounds.isEmpty { sessionCount += 1 }
            iterations += rounds
        }
        var result = tally(iterations)
        result.sessions = sessionCount
        return result
    }

    static func tally(_ iterations: [Iteration]) -> Result {
        var votes: [String: Int] = [:], agrees: [String: Int] = [:], overruled: [String: Int] = [:]
        var withoutCounts = 0
        for iteration in iterations {
            guard let stored = SessionRecords.verdicts(in: iteration) else {
                withoutCounts += 1
                continue
            }
            for score in stored.scores {
                for (critic, vote) in score.votes {
                    votes[critic.rawValue, default: 0] += 1
                    if vote == .agree { agrees[critic.rawValue, default: 0] += 1 }
                }
            }
            if let counts = stored.agreedWithInvalid {
                for (critic, n) in counts { overruled[critic.rawValue, default: 0] += n }
            } else {
                withoutCounts += 1
            }
        }
        let critics = Set(votes.keys).union(overruled.keys).sorted()
        let rows = critics.map {
            CriticOverruleRow(critic: $0, votes: votes[$0] ?? 0, agreeVotes: agrees[$0] ?? 0, overruled: overruled[$0] ?? 0)
        }
        return Result(rows: rows, rounds: iterations.count, sessions: 0, roundsWithoutVerdictCounts: withoutCounts)
    }
}
