import ArgumentParser
import Foundation
import PlansmithCore
import PlansmithServer
import Store

/// `plansmith serve`: the REST + WebSocket API (see README "Server").
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Plansmith API over HTTP (REST + WebSocket).",
        discussion: """
        Listens on 127.0.0.1:8080 unless told otherwise; use --host 0.0.0.0 to accept other \
        machines on purpose. Every route but /v1/health, /v1/openapi.json, /v1/auth/register and \
        /v1/auth/login needs 'Authorization: Bearer psk_…' (an API key from 'plansmith keys create' \
        or POST /v1/keys) or a login session token. The API is described at /v1/openapi.json.

        SIGTERM or SIGINT (Ctrl-C) stop it gracefully: requests in flight finish and the usage \
        log is written before the process exits.

        Exit status: 0 after a graceful stop, 2 usage or I/O problem (e.g. the port is taken).
        """)

    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The TCP port (0 picks a free one and prints it).") var port: Int = 8080
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $PLANSMITH_DB, else $XDG_DATA_HOME/plansmith/plansmith.sqlite).",
        valueName: "path"))
    var databasePath: String?
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "config.toml with language-model providers (default: $PLANSMITH_CONFIG, else $XDG_CONFIG_HOME/plansmith/config.toml).",
        valueName: "path"))
    var configPath: String?
    @Option(help: ArgumentHelp("Largest request body accepted, in bytes.", valueName: "bytes"))
    var bodyLimit: Int = ServerConfiguration.defaultBodyLimit
    @Flag(help: ArgumentHelp("Benchmarks only: switch off rate limiting and the usage log, to measure what they cost.",
                             visibility: .hidden))
    var noLimits = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard bodyLimit >= 1024 else { throw ValidationError("--body-limit must be at least 1024 bytes") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let store: Store
        do {
            store = try await AppServices.connectStore(databasePath: databasePath, environment: environment)
        } catch {
            Console.error("plansmith serve: error: \(error)\n")
            throw ExitCode(2)
        }
        let models = AppServices.models(configPath: ConfigLocation.resolve(explicitPath: configPath, environment: environment),
                                        environment: environment, store: store)
        let services = AppServices.live(store: store, models: models)
        // Sessions left running by a process that stopped (kill -9, power loss) become interrupted, resumable.
        _ = try? await services.critique.markInterrupted()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.bodyLimit = bodyLimit
        configuration.limitsEnabled = !noLimits
        configuration.usageLogEnabled = !noLimits
        // On PostgreSQL the limiter's window and the login sessions are in the database: servers
        // sharing it share the limits and honour each other's session tokens.
        let server = APIServer(services: services, configuration: configuration, version: PlansmithVersion.current,
                               limiter: store.makeRequestLimiter(window: 60, clock: configuration.clock),
                               sharedSessions: store.sharedLoginSessions)
        let host = self.host
        do {
            try await server.run { port in
                Console.error("plansmith serve: listening on http://\(host):\(port)\n")
            }
        } catch {
            Console.error("plansmith serve: error: \(error)\n")
            throw ExitCode(2)
        }
        Console.error("plansmith serve: stopped\n")
    }
}
