import Critique
import Foundation
import Store

/// How a critique round is stored: one Codable shape per column of an iteration row, written and
/// read only here (the Plan screen, Analytics, the CLI and the server all read rounds through
/// `StoredRound`). Rows written by earlier releases still decode: later fields are optional.
public enum SessionRecords {
    /// `plan_version`.
    struct PlanColumn: Codable {
        var steps: [String]
        var cost: Int
    }

    /// `critiques`.
    struct CritiquesColumn: Codable {
        var items: [FeedbackItem]
        var scores: [ItemScore]
        var applied: [String]
        var seconds: Double
        var agreedWithInvalid: [CriticName: Int]?
        var criticFailures: [CriticFailure]?
        var revision: RevisionOutcome?
        var invalidEdits: [String]?
    }

    /// `planning_sessions.config`: the configuration, and the session this one resumed.
    struct ConfigColumn: Codable {
        var configuration: CritiqueConfiguration
        var resumedFrom: Int64?

        enum CodingKeys: String, CodingKey {
            case configuration
            case resumedFrom = "resumed_from"
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The iteration row for a finished round.
    public static func draft(for round: CritiqueRound) throws -> IterationDraft {
        let critiques = CritiquesColumn(items: round.items, scores: round.scores, applied: round.applied, seconds: round.seconds,
                                        agreedWithInvalid: round.agreedWithInvalid,
                                        criticFailures: round.criticFailures.isEmpty ? nil : round.criticFailures,
                                        revision: round.revision,
                                        invalidEdits: round.invalidEdits.isEmpty ? nil : round.invalidEdits)
        return IterationDraft(iterationNum: round.iteration, planVersion: try json(PlanColumn(steps: round.plan, cost: round.cost)),
                              critiques: try json(critiques), aggregatedScore: round.quality,
                              validation: try json(round.validation))
    }

    /// A stored row as the round it was (iteration 0, the initial plan, has no critiques). A row
    /// whose plan cannot be read is an error, not skipped silently.
    public static func round(from row: Iteration) throws -> CritiqueRound {
        let decoder = JSONDecoder()
        let plan = try decoder.decode(PlanColumn.self, from: Data(row.planVersion.utf8))
        let critiques = try? decoder.decode(CritiquesColumn.self, from: Data(row.critiques.utf8))
        // Never assume a verdict: a round without the validator's is unreadable, not valid.
        guard let verdict = row.validation else {
            throw AppError(.unavailable, "round \(row.iterationNum) of session \(row.sessionId) has no validation verdict")
        }
        let validation = try decoder.decode(ValidationSummary.self, from: Data(verdict.utf8))
        return CritiqueRound.restored(iteration: row.iterationNum, items: critiques?.items ?? [], scores: critiques?.scores ?? [],
                             applied: critiques?.applied ?? [], plan: plan.steps, cost: plan.cost,
                             quality: row.aggregatedScore ?? 0, validation: validation, seconds: critiques?.seconds ?? 0,
                             agreedWithInvalid: critiques?.agreedWithInvalid ?? [:], invalidEdits: critiques?.invalidEdits ?? [],
                             criticFailures: critiques?.criticFailures ?? [], revision: critiques?.revision)
    }

    /// A round's votes and, per critic, its agree votes on edits the validator rejected (nil when
    /// the row predates those counts); nil when the column cannot be read at all.
    static func verdicts(in row: Iteration) -> (scores: [ItemScore], agreedWithInvalid: [CriticName: Int]?)? {
        struct Verdicts: Decodable {
            var scores: [ItemScore]?
            var agreedWithInvalid: [CriticName: Int]?
        }
        guard let stored = try? JSONDecoder().decode(Verdicts.self, from: Data(row.critiques.utf8)) else { return nil }
        return (stored.scores ?? [], stored.agreedWithInvalid)
    }

    /// The plan stored with a round, for resuming from it.
    static func plan(from row: Iteration) throws -> [String] {
        try JSONDecoder().decode(PlanColumn.self, from: Data(row.planVersion.utf8)).steps
    }

    /// The `config` column for a session (and the one it resumes).
    public static func config(_ configuration: CritiqueConfiguration, resumedFrom: Int64?) throws -> String {
        try json(ConfigColumn(configuration: configuration, resumedFrom: resumedFrom))
    }

    /// Reads a `config` column: the wrapped form, or a bare configuration (written by the first release).
    public static func config(from text: String) -> (configuration: CritiqueConfiguration?, resumedFrom: Int64?) {
        let data = Data(text.utf8)
        if let wrapped = try? JSONDecoder().decode(ConfigColumn.self, from: data) { return (wrapped.configuration, wrapped.resumedFrom) }
        struct Marker: Decodable { var resumed_from: Int64? }
        return ((try? JSONDecoder().decode(CritiqueConfiguration.self, from: data)),
                (try? JSONDecoder().decode(Marker.self, from: data))?.resumed_from)
    }

    /// The `final_plan` column.
    static func finalPlan(_ steps: [String]?) -> String? {
        steps.flatMap { try? json($0) }
    }

    static func finalPlan(from text: String?) -> [String]? {
        text.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
    }
}
