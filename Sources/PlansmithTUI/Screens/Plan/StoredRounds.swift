import Critique
import Foundation
import Store

/// Reads the iteration rows StoreCritiqueRecorder writes (its JSON formats are PlansmithCore's
/// internal types, so the shapes are restated here, decoding only what the screen shows).
enum StoredRounds {
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
    }

    /// The round an iteration row records; a row that cannot be read is reported, not skipped silently.
    static func round(from row: Iteration) throws -> CritiqueRound {
        let decoder = JSONDecoder()
        let plan = try decoder.decode(PlanVersion.self, from: Data(row.planVersion.utf8))
        let critiques = (try? decoder.decode(Critiques.self, from: Data(row.critiques.utf8)))
            ?? Critiques(items: [], scores: [], applied: [], seconds: 0, agreedWithInvalid: nil)
        let validation = try row.validation.map { try decoder.decode(ValidationSummary.self, from: Data($0.utf8)) }
        var round = CritiqueRound(iteration: row.iterationNum, items: critiques.items, scores: critiques.scores,
                                  applied: critiques.applied, plan: plan.steps, cost: plan.cost,
                                  quality: row.aggregatedScore ?? 0,
                                  validation: validation ?? ValidationSummary(valid: false, cost: plan.cost),
                                  seconds: critiques.seconds)
        round.agreedWithInvalid = critiques.agreedWithInvalid ?? [:]
        return round
    }

    /// Adds stored rows to a board: iteration 0 is the initial plan, later ones are rounds.
    static func add(_ rows: [Iteration], to board: inout PlanBoard) throws {
        for row in rows.sorted(by: { $0.iterationNum < $1.iterationNum }) {
            let round = try round(from: row)
            if round.iteration == 0 {
                board.initialPlan = round.plan
                board.initialCost = round.cost
                board.initialQuality = round.quality
                board.initialValidation = round.validation
            } else {
                let r = board.round(round.iteration)
                board.rounds[r].finish(with: round)
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

extension ValidationSummary {
    /// A verdict for a row stored without one (older rows): never claims validity.
    init(valid: Bool, cost: Int) {
        self = try! JSONDecoder().decode(ValidationSummary.self, from: Data(
            "{\"valid\":\(valid),\"cost\":\(cost),\"unsatisfied\":[],\"unmetGoals\":[]}".utf8))
    }
}
