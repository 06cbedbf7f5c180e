import Foundation
import PlansmithTestSupport
import Testing

/// The command-line contract of `plansmith validate` (architecture.md): real binary, real files.
@Suite("plansmith validate", .serialized)
struct ValidateCommandTests {
    let blocks = Corpus.directory + "/blocks"

    @Test("a valid domain and problem exit 0 with a one-line summary")
    func validFilesExitZero() throws {
        let result = try CommandRunner.run("plansmith", ["validate", blocks + "/domain.pddl", blocks + "/p01.pddl"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ok — domain 'blocks': 4 actions"))
    }

    @Test("errors are printed compiler-style and exit 1")
    func errorsExitOne() throws {
        let file = try TemporaryFile("(define (domain d)\n  (:predicates (holding ?x))\n  (:action a :parameters (?x) :effect (hodling ?x)))")
        let result = try CommandRunner.run("plansmith", ["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file.path):3:40: error[S003]: predicate 'hodling' is not declared"))
        #expect(result.stdout.contains("did you mean 'holding'?"))
        #expect(result.stdout.contains("validation failed: 1 error, 1 warning"))
    }

    @Test("--format json emits one object with schema 1 and every diagnostic")
    func jsonOutput() throws {
        let file = try TemporaryFile("(define (domain d) (:requirements :stirps))")
        let result = try CommandRunner.run("plansmith", ["validate", "--format", "json", file.path])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        #expect(object["valid"] as? Bool == false)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == "R001")
        #expect(diagnostics.first?["line"] as? Int == 1)
        #expect(diagnostics.first?["column"] as? Int == 35)
        #expect(diagnostics.first?["suggestion"] as? String == ":strips")
    }

    @Test("reads the domain from standard input with '-'")
    func readsStdin() throws {
        let domain = try Data(contentsOf: URL(fileURLWithPath: blocks + "/domain.pddl"))
        let result = try CommandRunner.run("plansmith", ["validate", "-", blocks + "/p02.pddl"], stdin: domain)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("a missing file is an I/O error: exit 2 with the reason")
    func missingFile() throws {
        let result = try CommandRunner.run("plansmith", ["validate", "/nonexistent/domain.pddl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/domain.pddl: error[I001]: no such file"))
    }

    @Test("a directory is an I/O error: exit 2")
    func directory() throws {
        let result = try CommandRunner.run("plansmith", ["validate", blocks])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test("a binary file is a diagnostic: exit 1")
    func binaryFile() throws {
        let result = try CommandRunner.run("plansmith", ["validate", CommandRunner.path(of: "plansmith")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[I002]") || result.stdout.contains("error[I003]") || result.stdout.contains("error[I004]"))
    }

    @Test("a 200 MB file is refused without reading it: exit 1 with the size")
    func hugeFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).pddl").path
        FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 << 20)  // sparse: no 200 MB of disk needed
        try handle.close()
        let result = try CommandRunner.run("plansmith", ["validate", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[I004]: input is 200.0 MB; the limit is 128.0 MB"))
    }

    @Test("100,000 nested parentheses: exit 1 with a nesting diagnostic, no crash")
    func deepNesting() throws {
        let file = try TemporaryFile("(define (domain d) (:action a :precondition " + String(repeating: "(and ", count: 100_000))
        let result = try CommandRunner.run("plansmith", ["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[P009]"))
    }

    @Test("usage errors exit 2")
    func usageError() throws {
        let result = try CommandRunner.run("plansmith", ["validate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument"))
    }

    @Test("--help explains the exit codes; --version prints the version")
    func helpAndVersion() throws {
        let help = try CommandRunner.run("plansmith", ["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit status: 0 no errors"))
        let version = try CommandRunner.run("plansmith", ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
    }
}

/// A file in the temporary folder, removed when the value goes away.
final class TemporaryFile {
    let path: String

    init(_ contents: String, suffix: String = ".pddl") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-\(UUID().uuidString)\(suffix)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    var contents: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
