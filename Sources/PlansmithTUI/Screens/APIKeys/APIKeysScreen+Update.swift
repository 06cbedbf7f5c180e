import Foundation
import PlansmithCore
import TerminalUI

extension APIKeysScreen {
    /// Esc closes, in order: the secret dialog, a confirmation, the form, the filter; then it is the shell's.
    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if state.secret != nil {
            guard case .key(let key) = event else { return nil }
            if key == .char("c") { return .secretCopied }
            return key == .escape || key == .enter ? .secretClosed : nil
        }
        if state.confirmation != nil {
            guard case .key(let key) = event else { return nil }
            switch key {
            case .char("y"), .char("Y"): return .confirmationAnswered(true)
            case .char("n"), .char("N"), .escape: return .confirmationAnswered(false)
            default: return nil
            }
        }
        if state.form != nil {
            switch event {
            case .key(.escape): return .formCancelled
            case .key(.tab), .key(.down): return .formFieldMoved(forward: true)
            case .key(.backTab), .key(.up): return .formFieldMoved(forward: false)
            case .key, .paste: return .formEdited(event)
            default: return nil
            }
        }
        if state.filtering {
            switch event {
            case .key(.escape): return .filterClosed(clear: true)
            case .key(.enter): return .filterClosed(clear: false)
            case .key(.up), .key(.down): return .tableKey(event == .key(.up) ? .up : .down)
            case .key, .paste: return .filterEdited(event)
            default: return nil
            }
        }
        switch event {
        case .key(let key):
            switch key {
            case .escape: return state.filter.text.isEmpty ? nil : .filterClosed(clear: true)
            case .char("n"): return .createOpened
            case .char("r"): return .revokeAsked
            case .char("R"): return .rotateAsked
            case .char("/"): return .filterStarted
            case .up, .down, .char("j"), .char("k"), .char("g"), .char("G"), .home, .end, .pageUp, .pageDown,
                 .char("<"), .char(">"), .char("I"):
                return .tableKey(key)
            default: return nil
            }
        case .mouse(let m) where m.kind == .wheelUp: return .tableKey(.up)
        case .mouse(let m) where m.kind == .wheelDown: return .tableKey(.down)
        default: return nil
        }
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        let unicode = env.look.theme.unicode
        switch msg {
        case .keysLoaded(let keys, let traffic):
            state.loading = false
            state.error = nil
            state.traffic = traffic
            setKeys(&state, keys, unicode: unicode)
        case .storeFailed(let message):
            state.loading = false
            state.busy = nil
            state.error = message
            return .request(.toast(.error, message))
        case .refreshRequested:
            return .command(reload(&state, env))
        case .tableKey(let key):
            _ = state.table.handle(.key(key), columnCount: 7)
        case .filterStarted:
            state.filtering = true
        case .filterEdited(let event):
            _ = state.filter.handle(event)
            setKeys(&state, state.keys, unicode: unicode)
        case .filterClosed(let clear):
            state.filtering = false
            if clear { state.filter = TextInputState(); setKeys(&state, state.keys, unicode: unicode) }
        case .createOpened:
            guard state.busy == nil else { return .none }
            state.form = KeyForm(defaultRateLimit: StoreKeys.defaultRateLimit)
        case .formEdited(let event):
            guard var form = state.form else { return .none }
            let submitted = form.handle(event)
            state.form = form
            if submitted { return submit(&state, env) }
        case .formFieldMoved(let forward):
            state.form?.moveFocus(forward: forward)
        case .formCancelled:
            state.form = nil
        case .keyCreated(let secret, let keys):
            state.busy = nil
            state.error = nil
            state.form = nil
            state.secret = secret
            setKeys(&state, keys, unicode: unicode)
            let verb = secret.replaces == nil ? "Created" : "Rotated"
            return .request(.log(.info, "\(verb) API key '\(secret.name)' (\(secret.prefix)…)"))
        case .revokeAsked, .rotateAsked:
            guard state.busy == nil, let key = state.selectedKey else { return .none }
            guard key.status == .active else {
                return .request(.toast(.warning, "Key \(key.prefix)… is \(key.status.rawValue); only active keys can be \(isRevoke(msg) ? "revoked" : "rotated")."))
            }
            state.confirmation = Confirmation(kind: isRevoke(msg) ? .revoke : .rotate, key: key)
        case .confirmationAnswered(let yes):
            guard let confirmation = state.confirmation else { return .none }
            state.confirmation = nil
            guard yes else { return .none }
            return perform(confirmation, &state, env)
        case .keyRevoked(let prefix, let keys):
            state.busy = nil
            state.error = nil
            setKeys(&state, keys, unicode: unicode)
            return .request(.toast(.info, "Revoked API key \(prefix)…"))
        case .secretCopied:
            guard let secret = state.secret else { return .none }
            return .request(.copy(secret.plaintext, what: "the new key \(secret.prefix)…"))
        case .secretClosed:
            state.secret = nil
        }
        return .none
    }

    private static func isRevoke(_ msg: Msg) -> Bool { if case .revokeAsked = msg { true } else { false } }

    /// Keeps the same key selected when the list changes (if it is still shown).
    static func setKeys(_ state: inout State, _ keys: [APIKeyInfo], unicode: Bool) {
        let selectedId = state.selectedKey?.id
        state.keys = keys
        let visible = state.visibleKeys
        var table = TableState(rows: rows(visible, traffic: state.traffic, unicode: unicode), sortColumn: state.table.sortColumn)
        table.ascending = state.table.ascending
        if let selectedId, let index = visible.firstIndex(where: { $0.id == selectedId }),
           let position = table.order.firstIndex(of: index) {
            table.selected = position
        }
        state.table = table
    }

    static func submit(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard var form = state.form, let userId = env.session?.userId else { return .none }
        let request = form.validated()
        state.form = form
        guard let request else { return .none }
        state.busy = "creating API key"
        let service = env.services.keys
        return .command(.task {
            do {
                let created = try await service.create(name: request.name, rateLimit: request.rateLimit,
                                                       expiresInDays: request.expiryDays, userId: userId)
                let keys = try await service.list(userId: userId)
                return .keyCreated(ShownSecret(name: created.key.name, prefix: created.key.prefix, plaintext: created.secret), keys)
            } catch {
                return .storeFailed("Could not create the key: \(error)")
            }
        })
    }

    static func perform(_ confirmation: Confirmation, _ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let userId = env.session?.userId else { return .none }
        let service = env.services.keys, key = confirmation.key
        switch confirmation.kind {
        case .revoke:
            state.busy = "revoking API key \(key.prefix)…"
            return .command(.task {
                do {
                    try await service.revoke(key.id, userId: userId)
                    return .keyRevoked(key.prefix, try await service.list(userId: userId))
                } catch {
                    return .storeFailed("Could not revoke \(key.prefix)…: \(error)")
                }
            })
        case .rotate:
            state.busy = "rotating API key \(key.prefix)…"
            return .command(.task {
                do {
                    let created = try await service.rotate(key.id, userId: userId)
                    let keys = try await service.list(userId: userId)
                    return .keyCreated(ShownSecret(name: created.key.name, prefix: created.key.prefix,
                                                   plaintext: created.secret, replaces: key.prefix), keys)
                } catch {
                    return .storeFailed("Could not rotate \(key.prefix)…: \(error)")
                }
            })
        }
    }
}
