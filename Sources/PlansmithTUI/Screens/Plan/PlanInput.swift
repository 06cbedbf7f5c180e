import Foundation
import PlansmithCore
import TerminalUI

/// `update` for what the user asks (keys and palette actions); the session's own messages are in
/// PlanScreen+Update.
enum PlanInput {
    typealias State = PlanScreen.State
    typealias Msg = PlanScreen.Msg

    static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        // A note about the last action gives way once the user moves on (it was also a toast and a log line).
        switch msg {
        case .tableKey, .scroll, .nextPane, .openDetail: state.notice = nil
        default: break
        }
        switch msg {
        case .tableKey(let key):
            _ = state.table.handle(.key(key), columnCount: PlanTable.columns(critics: state.shown.critics).count)
        case .scroll(let delta):
            if state.focus == .plan { state.planScroll = clamp(state.planScroll + delta, count: state.diff.count) }
            if state.focus == .timeline { state.timelineScroll = clamp(state.timelineScroll + delta, count: state.layers?.count ?? 0) }
        case .nextPane(let forward):
            let panes = PlanScreen.Pane.allCases
            let index = panes.firstIndex(of: state.focus)! + (forward ? 1 : panes.count - 1)
            state.focus = panes[index % panes.count]
        case .openDetail:
            guard let row = state.table.selectedRow, state.rowIds.indices.contains(row) else { break }
            state.detail = state.rowIds[row]
        case .closeDetail: state.detail = nil
        case .togglePause:
            // Paused: the panes keep showing this copy while events keep updating the board.
            state.frozen = state.frozen == nil ? state.board : nil
            PlanScreen.refresh(&state)
        case .startFilter: state.filtering = true
        case .filterKey(let key):
            switch key {
            case .enter: state.filtering = false
            case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
            case .ctrl("u"): state.filter = ""
            default: if let c = key.typedCharacter { state.filter.append(c) }
            }
            state.table.selected = 0
            PlanScreen.refreshRows(&state)
        case .clearFilter:
            state.filter = ""
            state.filtering = false
            PlanScreen.refreshRows(&state)
        case .cancel: return cancel(&state)
        case .resume: return resume(&state, env)
        case .rerun(let llm): return rerun(&state, llm: llm, env)
        case .export(let format): return export(state, format, env)
        default: break
        }
        return .none
    }

    static func clamp(_ value: Int, count: Int) -> Int { max(0, min(value, max(0, count - 1))) }

    /// Asks the service to stop; the screen says "cancelling" until the session reports its end.
    static func cancel(_ state: inout State) -> ScreenStep<Msg> {
        guard state.isRunning else { return .none }
        state.cancelling = true
        // Still starting: the session is cancelled as soon as it has an id (see PlanScreen.opened).
        if state.starting { return .request(.log(.info, "cancelling the critique as soon as it starts")) }
        guard let id = state.sessionId, let service = state.service else { return .none }
        return ScreenStep(.task { await service.cancel(id); return nil }, requests: [.log(.info, "cancelling session \(id)")])
    }

    static func resume(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard state.canResume, let id = state.sessionId, state.task != nil, let userId = env.session?.userId else {
            let why = state.resumeProblem.map { "Cannot resume: \($0)" } ?? "Only an interrupted, failed or cancelled session with a saved round can be resumed"
            state.notice = why
            return .request(.toast(.warning, why))
        }
        state.starting = true
        state.notice = nil
        let (base, app) = (state.baseConfiguration, env.app)
        return .command(.task { await PlanTasks.resume(id, base: base, app: app, userId: userId) })
    }

    /// A fresh session on the domain's current text (the screen follows the new session).
    static func rerun(_ state: inout State, llm: Bool, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard !state.isRunning, let domainId = state.domainId, let session = env.session else { return .none }
        if llm && !env.app.hasUsableProvider {
            let why = "No language-model provider is configured: add one in Settings to use the LLM proposer"
            state.notice = why
            return .request(.toast(.warning, why))
        }
        state.starting = true
        state.notice = nil
        state.baseConfiguration = session.preferences.critique
        let spec = PlanTasks.RunSpec(domainId: domainId, configuration: state.baseConfiguration, llm: llm)
        let app = env.app
        return .command(.task {
            let msg = await PlanTasks.newRun(spec, app: app, userId: session.userId)
            // A failed rerun keeps the session on screen: report it as an action failure.
            if case .openFailed(let message) = msg { return .actionFailed(message) }
            return msg
        })
    }

    static func export(_ state: State, _ format: PlanScreen.ExportFormat, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let id = state.sessionId else { return .none }
        let report = PlanReport(state: state)
        let directory = env.app.exportDirectory
        return .command(.task {
            do {
                let path = try PlanExport.write(report, format: format, sessionId: id, to: directory)
                return .exported([path])
            } catch {
                return .actionFailed("Could not export the report: \(error)")
            }
        })
    }
}

/// Writes reports into the export directory (created when missing), each atomically.
enum PlanExport {
    static func write(_ report: PlanReport, format: PlanScreen.ExportFormat, sessionId: Int64, to directory: String) throws -> String {
        let name = "plansmith-session-\(sessionId)." + (format == .markdown ? "md" : "json")
        let text = format == .markdown ? report.markdown() : try report.json()
        return try ReportExport.write(text, named: name, into: directory)
    }
}
