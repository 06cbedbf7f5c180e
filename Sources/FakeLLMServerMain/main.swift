// fake-llm-server: the FakeLLMServer library as a process, for end-to-end tests.
//
//   fake-llm-server [--port N] [--script FILE.json] [--api-key KEY] [--step JSON]... [--fallback JSON]
//
// Prints one line `{"port": N, "base_url": "http://127.0.0.1:N"}` on stdout once listening, then
// serves until SIGINT/SIGTERM or until stdin reaches EOF (so a parent that dies takes it along
// when it passes a pipe). The script file is a FakeScript in JSON with snake_case keys:
//   {"steps": [{"text": "hello"}, {"status": 429, "retry_after": "1"}, {"fault": "hang"}],
//    "fallback": {"text": "ok"}, "api_key": "sk-test"}
// `--step '{"fault": "hang"}'` appends one step (repeatable, after the script's); `--fallback` sets
// the reply used once steps run out. More steps can be queued at run time with
// `POST /_fake/script` (same JSON as the file); `GET /_fake/requests` lists what was received.
// Point ANTHROPIC_BASE_URL at base_url, and OPENAI_BASE_URL at base_url + "/v1".
import FakeLLMServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fake-llm-server: \(message)\n".utf8))
    exit(2)
}

var port: UInt16 = 0
var script = FakeScript()
let decoder = JSONDecoder()
decoder.keyDecodingStrategy = .convertFromSnakeCase

func step(from json: String?, flag: String) -> FakeStep {
    guard let json else { fail("\(flag) needs a JSON step") }
    do { return try decoder.decode(FakeStep.self, from: Data(json.utf8)) } catch { fail("bad \(flag) JSON: \(error)") }
}

var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--port":
        guard let value = arguments.popFirst(), let number = UInt16(value) else { fail("--port needs a number") }
        port = number
    case "--script":
        guard let path = arguments.popFirst() else { fail("--script needs a file") }
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        do {
            let loaded = try decoder.decode(FakeScript.self, from: data)
            script = FakeScript(steps: loaded.steps + script.steps, fallback: loaded.fallback ?? script.fallback,
                                apiKey: loaded.apiKey ?? script.apiKey)
        } catch { fail("bad script \(path): \(error)") }
    case "--step":
        script.steps.append(step(from: arguments.popFirst(), flag: "--step"))
    case "--fallback":
        script.fallback = step(from: arguments.popFirst(), flag: "--fallback")
    case "--api-key":
        guard let key = arguments.popFirst() else { fail("--api-key needs a value") }
        script.apiKey = key
    case "-h", "--help":
        print("usage: fake-llm-server [--port N] [--script FILE.json] [--api-key KEY] [--step JSON]... [--fallback JSON]")
        exit(0)
    default:
        fail("unknown argument \(argument)")
    }
}

let server = FakeLLMServer(script: script)
let actualPort: Int
do { actualPort = try server.start(port: port) } catch { fail("cannot listen: \(error)") }
// Written straight to fd 1 (unbuffered) so a parent reading a pipe sees it at once.
FileHandle.standardOutput.write(Data("{\"port\": \(actualPort), \"base_url\": \"http://127.0.0.1:\(actualPort)\"}\n".utf8))

signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)
let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
for source in signals {
    source.setEventHandler { server.stop(); exit(0) }
    source.resume()
}
// EOF on stdin also ends the server (read on a background thread so signals still run on main).
Thread.detachNewThread {
    while FileHandle.standardInput.availableData.count > 0 {}
    server.stop()
    exit(0)
}
dispatchMain()
