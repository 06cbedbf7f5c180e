import FakeLLMServer
import Foundation
import PlansmithTestSupport
import Testing

/// `plansmith llm ping|models` against a fake provider on loopback that speaks the real wire
/// formats; the real binary, a temporary database and home.
@Suite("plansmith llm", .serialized)
struct LLMCommandTests {
    let key = "sk-test-secret-7f3a9c41abcd"

    func environment(server: FakeLLMServer, home: String) -> [String: String] {
        [
            "HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
            "OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": key,
            "ANTHROPIC_BASE_URL": server.baseURL, "ANTHROPIC_API_KEY": "",
            "PLANSMITH_USER": "", "PLANSMITH_DB": "",
        ]
    }

    func temporaryHome() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("ping reaches a configured provider, reports latency as JSON and logs a usage row; the key never shows")
    func pingWritesUsage() throws {
        let server = FakeLLMServer(script: FakeScript(fallback: FakeStep(text: "pong")))
        _ = try server.start()
        defer { server.stop() }
        let home = try temporaryHome()
        let env = environment(server: server, home: home)
        let ping = try CommandRunner.run("plansmith", ["llm", "ping", "--provider", "openai", "--json"], environment: env)
        #expect(ping.status == 0, "\(ping.stdout)\(ping.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ping.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        #expect(object["provider"] as? String == "openai")
        #expect(object["ok"] as? Bool == true)
        #expect(object["attempts"] as? Int == 1)
        #expect(!(ping.stdout + ping.stderr).contains(key))
        #expect(server.requests.count == 1)
        let usage = try CommandRunner.run("plansmith", ["usage", "--json"], environment: env)
        #expect(usage.status == 0, "\(usage.stderr)")
        #expect(usage.stdout.contains("chat/completions"), "\(usage.stdout)")
        let database = try Data(contentsOf: URL(fileURLWithPath: home + "/data/plansmith/plansmith.sqlite"))
        #expect(database.range(of: Data(key.utf8)) == nil, "the API key must never reach the database")
    }

    @Test("a provider that fails is reported with exit 1 and a redacted, readable error")
    func pingFailure() throws {
        let server = FakeLLMServer(script: FakeScript(fallback: FakeStep(status: 401, errorType: "authentication_error",
                                                                          errorMessage: "invalid x-api-key")))
        _ = try server.start()
        defer { server.stop() }
        let home = try temporaryHome()
        let ping = try CommandRunner.run("plansmith", ["llm", "ping", "--provider", "openai"],
                                         environment: environment(server: server, home: home))
        #expect(ping.status == 1)
        #expect(ping.stdout.contains("FAILED"))
        #expect(ping.stdout.contains("sk-…abcd") || ping.stdout.contains("…abcd"), "\(ping.stdout)")
        #expect(!(ping.stdout + ping.stderr).contains(key))
    }

    @Test("models lists providers with redacted keys and an unknown provider is a usage error")
    func modelsAndUnknownProvider() throws {
        let server = FakeLLMServer()
        _ = try server.start()
        defer { server.stop() }
        let home = try temporaryHome()
        let env = environment(server: server, home: home)
        let models = try CommandRunner.run("plansmith", ["llm", "models"], environment: env)
        #expect(models.status == 0)
        #expect(models.stdout.contains("openai (openai) \(server.baseURL)/v1"), "\(models.stdout)")
        #expect(!models.stdout.contains(key))
        let unknown = try CommandRunner.run("plansmith", ["llm", "ping", "--provider", "nope"], environment: env)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown provider 'nope'"))
    }
}
