import Foundation
import PlansmithCore
import TerminalUI

/// How the TUI was asked to start (the `plansmith` command's options).
public struct LaunchOptions: Sendable {
    public var databasePath: String?
    public var configPath: String?
    public var themeName: String?
    public var mouse = true
    public var monochrome = false
    /// nil: follow the locale; true: ASCII borders and marks; false: force UTF-8.
    public var ascii: Bool?
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }
}

/// Why the TUI could not start, in words for stderr (the terminal is already restored).
public struct LaunchError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Opens the store, the terminal and runs the app until the user quits.
@MainActor
public enum AppLauncher {
    public static func run(_ options: LaunchOptions) async throws {
        let environment = options.environment
        let configPath = ConfigLocation.resolve(explicitPath: options.configPath, environment: environment)
        let services: AppServices
        do {
            services = try await AppServices.open(databasePath: options.databasePath, environment: environment, configPath: configPath)
        } catch {
            throw LaunchError(description: "cannot open the database: \(error)")
        }
        // Sessions left running by a process that died (kill -9, power loss) can be resumed.
        let interrupted = (try? await services.critique.markInterrupted()) ?? 0
        let context = AppContext(services: services, configPath: configPath,
                                 environment: environment, exportDirectory: exportDirectory(environment))
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(options: .init(mouse: options.mouse, colorTier: options.monochrome ? .monochrome : nil,
                                                        environment: environment))
        } catch {
            throw LaunchError(description: "\(error)")
        }
        defer { backend.shutdown() }
        let unicode = options.ascii.map { !$0 } ?? backend.isUTF8
        let themeName = options.monochrome ? "monochrome" : options.themeName ?? ThemeLoader.defaultName(environment: environment)
        let theme = ThemeResolver.theme(named: themeName, configPath: configPath, environment: environment, unicode: unicode)
            ?? Theme(name: "fallback", styles: Theme.fallback.styles, unicode: unicode)
        var state = AppState(context: context, look: ViewContext(theme: theme), notice: backend.fallbackWarning)
        state.size = backend.size
        if interrupted > 0 {
            state.log.append(LogEntry(.warning, "\(interrupted) planning session(s) were interrupted; open them to resume"))
        }
        let (initial, command) = AppShell.start(state)
        let runner = AppRunner(AppShell.self, state: initial, backend: backend, events: backend)
        runner.perform(command)
        await runner.run()
    }

    /// `$XDG_DATA_HOME/plansmith/exports` (or `~/.local/share/…`): reports and chats go there.
    static func exportDirectory(_ environment: [String: String]) -> String {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/plansmith/exports"
    }
}
