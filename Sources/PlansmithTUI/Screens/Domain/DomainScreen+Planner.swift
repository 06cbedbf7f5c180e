import Foundation
import PlansmithCore
import TerminalUI

/// Planner runs on the editor's texts (progress ticks, Esc cancels at once) and the critique
/// hand-off to the Plan screen, which works on the stored text: so save first, and refuse text
/// with errors.
extension DomainScreen {
    static let plannerTick = Duration.milliseconds(250)

    static func updatePlanner(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .runPlanner:
            guard !state.planner.isRunning else { return .request(.toast(.info, "the planner is already running (esc cancels)")) }
            let handle = WorkHandle(), progress = PlannerProgress()
            state.planner.generation += 1
            state.planner = PlannerPane(isRunning: true, generation: state.planner.generation, work: handle,
                                        progress: progress, startedAt: .now)
            let generation = state.planner.generation
            let domain = state.domainEditor.text, problem = state.problemEditor.text
            let configuration = state.searchConfiguration, planning = env.services.planning
            let run: Command<Msg> = .task {
                let outcome = await handle.run {
                    await PlannerJob.run(planning, domain: domain, problem: problem, configuration: configuration, progress: progress)
                }
                return .plannerFinished(generation, outcome)
            }
            return .command(.batch([run, .after(plannerTick, .plannerTick(generation))]))
        case .plannerTick(let generation):
            guard generation == state.planner.generation, state.planner.isRunning else { break }
            updateElapsed(&state)
            state.planner.expanded = state.planner.progress?.expanded
            state.planner.spinnerFrame += 1
            return .command(.after(plannerTick, .plannerTick(generation)))
        case .plannerFinished(let generation, let outcome):
            guard generation == state.planner.generation, state.planner.isRunning else { break }
            updateElapsed(&state)
            state.planner.isRunning = false
            state.planner.outcome = outcome
            state.planner.work = nil
            switch outcome {
            case .plan(let steps, let cost, _, _): return .request(.toast(.ok, "plan found: \(steps.count) steps, cost \(cost)"))
            case .noPlan(let reason): return .request(.toast(.warning, "no plan: \(reason)"))
            case .cancelled: break
            }
        case .cancelPlanner:
            guard state.planner.isRunning else { break }
            state.planner.work?.cancel()
            updateElapsed(&state)
            state.planner.generation += 1
            state.planner.isRunning = false
            state.planner.outcome = .cancelled
            state.planner.work = nil
            return .request(.toast(.info, String(format: "planner run cancelled after %.1f s", state.planner.elapsed)))
        case .critique:
            return critique(&state, env)
        case .critiqueChecked(.success(let saved)):
            if let saved { markSaved(&state, saved) }
            return .request(.navigate(.plan(.newRun(domainId: state.domainId))))
        case .critiqueChecked(.failure(let failure)):
            return .request(.toast(.warning, "critique refused: \(failure.text)"))
        default: break
        }
        return .none
    }

    private static func updateElapsed(_ state: inout State) {
        guard let started = state.planner.startedAt else { return }
        let elapsed = ContinuousClock.now - started
        state.planner.elapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Checks the texts, saves them when they differ from the stored ones, then opens a new run.
    private static func critique(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let userId = env.session?.userId else { return .request(.toast(.error, "not signed in")) }
        let texts = SavedTexts(domain: state.domainEditor.text, problem: state.problemEditor.text, revision: nil)
        guard !texts.problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .request(.toast(.warning, "critique refused: the problem tab is empty"))
        }
        let draft = draft(state, texts), unsaved = state.hasUnsavedChanges
        let domains = env.services.domains, id = state.domainId, planning = env.services.planning
        return .command(.task {
            guard let result = await PDDLCheck.validateOffMain(planning, domain: texts.domain, problem: texts.problem) else { return nil }
            if let first = result.diagnostics.first(where: \.isError) {
                return .critiqueChecked(.failure(ScreenFailure("fix \(result.errorCount) error(s) first (\(first.summary))")))
            }
            guard unsaved else { return .critiqueChecked(.success(nil)) }
            do {
                _ = try await domains.save(draft, to: id, message: "saved for critique", userId: userId)
                return .critiqueChecked(.success(texts))
            } catch {
                return .critiqueChecked(.failure(ScreenFailure("could not save first: \(DomainLoader.describe(error))")))
            }
        })
    }
}
