import Critique
import Foundation
import Store

/// Reads the iteration rows StoreCritiqueRecorder writes (its JSON formats are PlansmithCore's
/// internal types, so the shapes are restated here, decoding only what the screen shows).
enum PlanStoredRounds {
    struct PlanVersion: Decodable {
        var steps: [String]
        var cost: Int
    }

    struct Critiques: Decodable {
        var items: [FeedbackItem]
        var scores: [ItemScore]
        var applied: [String]
        var seconds: Double
        var agreedWithInvalid: [CriticName: Int]?
        var criticFailures: [CriticFailure]?
        var revision: RevisionOutcome?
    }

    /// Adds stored rows to a board: iteration 0 is the initial plan, later ones are rounds. A row
    /// whose plan cannot be read is an error (reported), not skipped silently.
    static func add(_ rows: [Iteration], to board: inout PlanBoard) throws {
        let decoder = JSONDecoder()
        for row in rows.sorted(by: { $0.iterationNum < $1.iterationNum }) {
            let plan = try decoder.decode(PlanVersion.self, from: Data(row.planVersion.utf8))
            // Iteration 0 (the initial plan) has no critique to read.
            let critiques = try? decoder.decode(Critiques.self, from: Data(row.critiques.utf8))
            let validation = try row.validation.map { try decoder.decode(ValidationSummary.self, from: Data($0.utf8)) }
            if row.iterationNum == 0 {
                board.initialPlan = plan.steps
                board.initialCost = plan.cost
                board.initialQuality = row.aggregatedScore
                board.initialValidation = validation
            } else {
                let r = board.round(row.iterationNum)
                board.rounds[r].finish(items: critiques?.items ?? [], scores: critiques?.scores ?? [],
                                       applied: critiques?.applied ?? [], plan: plan.steps, cost: plan.cost,
                                       quality: row.aggregatedScore ?? 0, validation: validation,
                                       seconds: critiques?.seconds ?? 0, agreedWithInvalid: critiques?.agreedWithInvalid ?? [:],
                                       remarks: PlanBoardRound.remarks(failures: critiques?.criticFailures ?? [], revision: critiques?.revision))
            }
        }
    }

    /// The session a resumed session continued (its config says `resumed_from`), if any.
    static func resumedFrom(_ session: PlanningSession) -> Int64? {
        struct Marker: Decodable { var resumed_from: Int64? }
        return (try? JSONDecoder().decode(Marker.self, from: Data(session.config.utf8)))?.resumed_from
    }

    /// The configuration a session ran with (plain, or wrapped by a resume).
    static func configuration(of session: PlanningSession) -> CritiqueConfiguration? {
        struct Wrapped: Decodable { var configuration: CritiqueConfiguration }
        let data = Data(session.config.utf8)
        return (try? JSONDecoder().decode(Wrapped.self, from: data)).map(\.configuration)
            ?? (try? JSONDecoder().decode(CritiqueConfiguration.self, from: data))
    }
}
