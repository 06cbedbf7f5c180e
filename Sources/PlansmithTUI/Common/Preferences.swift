import Critique

/// What a user can change in Settings and keeps across runs (stored as JSON in the user's row,
/// so each account has its own). Unknown or missing fields fall back to the defaults.
public struct Preferences: Codable, Sendable, Equatable {
    /// One of `ThemeLoader.builtInNames` or a theme file's name.
    public var themeName: String
    /// Critic weights, acceptance threshold and max iterations for new critique runs.
    public var critique: CritiqueConfiguration
    /// No spinners; static progress text instead.
    public var reduceMotion: Bool
    /// Capture mouse clicks and the wheel (off: the terminal's own selection works).
    public var mouse: Bool
    /// Key remappings: action id ("global.palette") → key spec ("ctrl-k").
    public var keyOverrides: [String: String]
    /// The provider new LLM work prefers (nil: the configured order).
    public var preferredProvider: String?
    /// The workspace new domains go to and lists start in (nil: the personal one). `plansmith
    /// workspaces use` and the TUI's switcher set it.
    public var currentWorkspace: Int64?

    public init(themeName: String = "dark", critique: CritiqueConfiguration = .default, reduceMotion: Bool = false,
                mouse: Bool = true, keyOverrides: [String: String] = [:], preferredProvider: String? = nil, currentWorkspace: Int64? = nil) {
        self.themeName = themeName
        self.critique = critique
        self.reduceMotion = reduceMotion
        self.mouse = mouse
        self.keyOverrides = keyOverrides
        self.preferredProvider = preferredProvider
        self.currentWorkspace = currentWorkspace
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Preferences()
        themeName = (try? c.decodeIfPresent(String.self, forKey: .themeName)) ?? nil ?? defaults.themeName
        critique = (try? c.decodeIfPresent(CritiqueConfiguration.self, forKey: .critique)) ?? nil ?? defaults.critique
        reduceMotion = (try? c.decodeIfPresent(Bool.self, forKey: .reduceMotion)) ?? nil ?? defaults.reduceMotion
        mouse = (try? c.decodeIfPresent(Bool.self, forKey: .mouse)) ?? nil ?? defaults.mouse
        keyOverrides = (try? c.decodeIfPresent([String: String].self, forKey: .keyOverrides)) ?? nil ?? [:]
        preferredProvider = (try? c.decodeIfPresent(String.self, forKey: .preferredProvider)) ?? nil
        currentWorkspace = (try? c.decodeIfPresent(Int64.self, forKey: .currentWorkspace)) ?? nil
    }
}
