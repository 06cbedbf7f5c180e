import Critique
import Foundation
import PlansmithCore
import TerminalUI

extension PlanScreen {
    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .opened(let opening): return opened(&state, opening)
        case .openFailed(let message):
            state.loaded = true
            state.starting = false
            state.cancelling = false
            if state.sessionId == nil { state.openError = message } else { state.notice = message }
            return .request(.toast(.error, message))
        case .started(let launch):
            state.starting = false
            state.feed?.close()
            state.feedId += 1
            state.feed = launch.feed
            let from = state.sessionId.map { " (continuing session \($0))" } ?? ""
            state.sessionId = launch.sessionId
            state.configuration = launch.configuration
            state.status = .running
            state.board.reason = nil
            state.board.reasonInferred = false
            state.board.failure = nil
            state.notice = nil
            refresh(&state)
            var command = pull(state)
            if state.cancelling, let service = state.service {
                command = .batch([command, .task { await service.cancel(launch.sessionId); return nil }])
            }
            return ScreenStep(command, requests: [.toast(.info, "Resumed as session \(launch.sessionId)\(from)")])
        case .actionFailed(let message):
            if state.starting { state.cancelling = false }
            state.starting = false
            state.notice = message
            return .request(.toast(.error, message))
        case .received(let event, let feed):
            guard feed == state.feedId else { return .none }
            return received(&state, event, env)
        case .sessionRow(let row):
            guard row.id == state.sessionId else { return .none }
            state.status = row.status
            if let failure = row.failureReason { state.board.failure = failure }
            return .none
        case .initialRound(let round):
            guard round.iteration == 0 else { return .none }
            PlanStoredRounds.add([round], to: &state.board)
            refresh(&state)
            return .none
        case .analysed(let generation, let result):
            // A result for an earlier session (before a rerun) has item ids that may repeat: dropped.
            guard generation == state.analysisGeneration else { return .none }
            state.analysing = false
            apply(result, to: &state)
            return .command(analysis(&state))
        case .exported(let paths):
            state.notice = "Exported " + paths.joined(separator: " and ")
            return .request(.toast(.ok, "Exported " + paths.joined(separator: " and ")))
        default:
            return PlanInput.update(&state, msg, env)
        }
    }

    private static func opened(_ state: inout State, _ opening: PlanOpening) -> ScreenStep<Msg> {
        // Esc was pressed while the run was starting: stop it now that it has an id.
        let cancelAtOnce = state.cancelling && state.starting && opening.feed != nil
        state.loaded = true
        state.starting = false
        state.openError = nil
        state.sessionId = opening.sessionId
        state.status = opening.status
        state.domainId = opening.domainId
        state.domainName = opening.domainName
        state.configuration = opening.configuration
        state.board = opening.board
        state.frozen = nil
        state.task = opening.task
        state.resumeProblem = opening.resumeProblem
        state.service = opening.service
        state.cancelling = false
        state.checkedItems = []
        state.initialRequested = false
        state.analysing = false
        state.analysisGeneration += 1
        state.layers = nil
        state.layersPlan = []
        state.feed?.close()
        state.feedId += 1
        state.feed = opening.feed
        refresh(&state)
        var commands = [pull(state), analysis(&state)]
        if cancelAtOnce {
            state.cancelling = true
            let (service, id) = (opening.service, opening.sessionId)
            commands.append(.task { await service.cancel(id); return nil })
        }
        return .command(.batch(commands))
    }

    /// The next bus event, as a message (the feed is pulled one event at a time).
    static func pull(_ state: State) -> Command<Msg> {
        guard let feed = state.feed else { return .none }
        let id = state.feedId
        return .task { .received(await feed.next(), feed: id) }
    }

    private static func received(_ state: inout State, _ event: BusEvent?, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let event else {
            // The feed ended without the session's end (the bus finished): read the row for the truth.
            state.feed = nil
            return .command(reload(state, env))
        }
        guard event.sessionId == state.sessionId else { return .command(pull(state)) }
        let change = state.board.apply(event.payload)
        switch change {
        case .nothing: return .command(pull(state))
        case .rows:
            refreshRows(&state)
            return .command(pull(state))
        case .plan:
            refresh(&state)
            return .command(.batch([pull(state), analysis(&state), initialRound(&state, env)]))
        case .finished:
            state.status = switch state.board.reason {
            case .cancelled?: .cancelled
            case .failed?: .failed
            default: .completed
            }
            state.cancelling = false
            state.feed?.close()
            state.feed = nil
            refresh(&state)
            let reason = state.board.reason?.rawValue ?? "finished"
            let text = "Session \(state.sessionId ?? 0) \(state.status.rawValue): \(reason)"
            return ScreenStep(.batch([reload(state, env), analysis(&state), initialRound(&state, env)]),
                              requests: [.log(state.status == .failed ? .error : .info, text)])
        }
    }

    /// Reads iteration 0 once the first round is done (it is saved after `sessionStarted` is sent).
    static func initialRound(_ state: inout State, _ env: ScreenEnvironment) -> Command<Msg> {
        guard !state.initialRequested, state.board.initialQuality == nil,
              state.board.rounds.contains(where: \.finished) || state.status.isFinished,
              let id = state.sessionId, let userId = env.session?.userId else { return .none }
        state.initialRequested = true
        let sessions = env.services.critique
        return .task {
            guard let history = try? await sessions.history(id, userId: userId) else { return nil }
            return history.rounds.first { $0.iteration == 0 }.map(Msg.initialRound)
        }
    }

    static func reload(_ state: State, _ env: ScreenEnvironment) -> Command<Msg> {
        guard let id = state.sessionId, let userId = env.session?.userId else { return .none }
        let app = env.app
        return .task { await PlanTasks.reloadRow(id, app: app, userId: userId) }
    }

    /// Starts the background check of new edits and of the current plan's layers, unless one runs.
    static func analysis(_ state: inout State) -> Command<Msg> {
        guard !state.analysing, let task = state.task, let planning = state.service?.planning else { return .none }
        let plan = state.board.currentPlan
        let edits = PlanTasks.pendingEdits(in: state.board, checked: state.checkedItems)
        guard plan != state.layersPlan || state.layers == nil && !plan.isEmpty || !edits.isEmpty else { return .none }
        guard !plan.isEmpty || !edits.isEmpty else { return .none }
        state.analysing = true
        state.analysisGeneration += 1
        let generation = state.analysisGeneration
        let replan = state.configuration.replanMilliseconds
        return .task {
            guard let result = await PlanTasks.analyse(planning, plan: plan, edits: edits, task: task, replanMilliseconds: replan) else { return nil }
            return .analysed(generation: generation, result)
        }
    }

    private static func apply(_ result: PlanAnalysisResult, to state: inout State) {
        state.layersPlan = result.plan
        state.layers = result.layers
        for (id, verdict) in result.editVerdicts {
            state.checkedItems.insert(id)
            for r in state.board.rounds.indices {
                for i in state.board.rounds[r].items.indices where state.board.rounds[r].items[i].item.id == id {
                    state.board.rounds[r].items[i].editValid = verdict
                }
            }
        }
        refreshRows(&state)
    }

    /// Recomputes what `view` draws from the board: the diff and the table rows.
    static func refresh(_ state: inout State) {
        let board = state.shown
        state.diff = PlanDiff.lines(from: board.previousPlan, to: board.currentPlan)
        refreshRows(&state)
    }

    static func refreshRows(_ state: inout State) {
        let (rows, ids) = PlanTable.rows(for: state.shown, critics: state.shown.critics, filter: state.filter)
        let selectedId = state.table.selectedRow.flatMap { state.rowIds.indices.contains($0) ? state.rowIds[$0] : nil }
        state.table.rows = rows
        state.rowIds = ids
        // Keep the same item selected while rows arrive (rows must not jump under the reader).
        if let selectedId, let index = ids.firstIndex(of: selectedId), let position = state.table.order.firstIndex(of: index) {
            state.table.selected = position
        }
        state.table.selected = min(state.table.selected, max(0, rows.count - 1))
    }
}
