import Foundation
import PlansmithCore
import TerminalUI

/// API keys: list (prefix, status, requests in the last 24 h, last used, expiry, rate limit), create,
/// revoke and rotate.
/// A new key's secret is shown once, in a dialog; closing it drops the secret from the state, so
/// nothing can show it again (the store keeps only its hash and 8-character prefix).
public enum APIKeysScreen: Screen {
    /// A secret just created or rotated, on screen until the user closes the dialog.
    public struct ShownSecret: Sendable, Equatable {
        public var name: String
        public var prefix: String
        public var plaintext: String
        /// The prefix of the key this one replaced (rotate), if any.
        public var replaces: String?
    }

    /// A destructive action waiting for y / n.
    public struct Confirmation: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case revoke, rotate }
        public var kind: Kind
        public var key: APIKeyInfo
    }

    public struct State: Sendable {
        public var keys: [APIKeyInfo] = []
        /// Requests per key id in the last 24 h; nil when they could not be read (shown as "?").
        public var traffic: [Int64: APIKeyTraffic]? = [:]
        /// Rows of `visibleKeys`, in the same order.
        public var table = TableState(rows: [])
        public var filter = TextInputState()
        public var filtering = false
        public var loading = true
        /// The last failure, shown above the list until the next success.
        public var error: String?
        public var form: KeyForm?
        public var confirmation: Confirmation?
        public var secret: ShownSecret?
        /// "creating key…" while a store call runs.
        public var busy: String?
        public var loaded: Bool { !loading }

        /// Keys whose name or prefix contains the filter text.
        public var visibleKeys: [APIKeyInfo] {
            let needle = filter.text
            guard !needle.isEmpty else { return keys }
            return keys.filter { $0.name.localizedCaseInsensitiveContains(needle) || $0.prefix.localizedCaseInsensitiveContains(needle) }
        }

        public var selectedKey: APIKeyInfo? {
            let visible = visibleKeys
            guard let row = table.selectedRow, visible.indices.contains(row) else { return nil }
            return visible[row]
        }
    }

    public enum Msg: Sendable {
        case keysLoaded([APIKeyInfo], traffic: [Int64: APIKeyTraffic]?)
        case storeFailed(String)
        case refreshRequested
        case tableKey(Key)
        case filterStarted, filterEdited(InputEvent), filterClosed(clear: Bool)
        case createOpened, formEdited(InputEvent), formFieldMoved(forward: Bool), formCancelled
        case keyCreated(ShownSecret, [APIKeyInfo])
        case revokeAsked, rotateAsked, confirmationAnswered(Bool)
        case keyRevoked(String, [APIKeyInfo])
        case secretClosed
        /// `c` in the secret dialog: to the clipboard (OSC 52).
        case secretCopied
    }

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        var state = State()
        let command = reload(&state, env)
        return (state, command)
    }

    static func reload(_ state: inout State, _ env: ScreenEnvironment) -> Command<Msg> {
        guard let userId = env.session?.userId else {
            state.loading = false
            state.error = "Sign in to manage API keys."
            return .none
        }
        state.loading = true
        let keys = env.services.keys, analytics = env.services.analytics
        let since = analytics.now().addingTimeInterval(-trafficWindow)
        return .task {
            do {
                let listed = try await keys.list(userId: userId)
                // Traffic is secondary: the keys still show when it cannot be read.
                let traffic = try? await analytics.keyTraffic(userId: userId, since: since)
                return .keysLoaded(listed, traffic: traffic)
            } catch {
                return .storeFailed("Could not list API keys: \(error)")
            }
        }
    }

    /// Back on top: what it lists may have changed meanwhile (API traffic, a key made elsewhere).
    public static func reappeared(_ state: State) -> Msg? { .refreshRequested }

    public static func isTyping(_ state: State) -> Bool { state.form != nil || state.filtering }

    public static func runningWork(_ state: State) -> String? { state.busy }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        if state.secret != nil { return [("esc", "close (the key is not shown again)"), ("c", "copy"), ("enter", "close")] }
        if state.confirmation != nil { return [("esc", "cancel"), ("y", "yes"), ("n", "no")] }
        if state.form != nil { return [("esc", "cancel"), ("enter", "create"), ("tab", "next field")] }
        if state.filtering { return [("esc", "clear filter"), ("enter", "keep filter")] }
        let esc = state.filter.text.isEmpty ? "back" : "clear filter"
        return [("esc", esc), ("n", "new key"), ("r", "revoke"), ("R", "rotate"), ("/", "filter"), ("↑↓", "select")]
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        [ScreenAction("keys: new API key", key: "n", .createOpened),
         ScreenAction("keys: revoke selected key", key: "r", .revokeAsked),
         ScreenAction("keys: rotate selected key", key: "R", .rotateAsked),
         ScreenAction("keys: filter", key: "/", .filterStarted),
         ScreenAction("keys: refresh", key: "", .refreshRequested)]
    }

    /// The period the traffic column counts.
    static let trafficWindow: TimeInterval = 24 * 3600

    static func rows(_ keys: [APIKeyInfo], traffic: [Int64: APIKeyTraffic]?, unicode: Bool) -> [[String]] {
        keys.map { key in
            [key.name, key.prefix + "…", statusText(key.status, unicode: unicode), trafficText(traffic, key.id),
             date(key.lastUsedAt, none: "never"), date(key.expiresAt, none: "never"), "\(key.rateLimit)/min"]
        }
    }

    /// "1204", or "1204 (3 err)" when some requests failed; "?" when the traffic could not be read.
    static func trafficText(_ traffic: [Int64: APIKeyTraffic]?, _ keyId: Int64) -> String {
        guard let traffic else { return "?" }
        guard let counted = traffic[keyId] else { return "0" }
        return counted.errors == 0 ? "\(counted.requests)" : "\(counted.requests) (\(counted.errors) err)"
    }

    /// Glyph plus word, so the status never rests on colour alone.
    static func statusText(_ status: APIKeyState, unicode: Bool) -> String {
        switch status {
        case .active: unicode ? "✓ active" : "[ok] active"
        case .revoked: unicode ? "✗ revoked" : "[X] revoked"
        case .expired: unicode ? "○ expired" : "[-] expired"
        }
    }

    static func date(_ date: Date?, none: String) -> String {
        guard let date else { return none }
        return DisplayDate.string(date, utc: true)
    }
}
