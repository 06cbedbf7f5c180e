import Foundation
import PlansmithTestSupport
import Testing

@Suite("plansmith fmt", .serialized)
struct FormatCommandTests {
    let messy = "(define (domain d)(:predicates (p ?x))   (:action a :parameters (?x) :precondition (p ?x) :effect (not (p ?x))))"

    @Test("prints the formatted file to standard output")
    func printsFormatted() throws {
        let file = try TemporaryFile(messy)
        let result = try CommandRunner.run("plansmith", ["fmt", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("(define (domain d)\n  (:predicates\n    (p ?x))\n"))
        #expect(file.contents == messy, "the file itself must not change without --write")
    }

    @Test("--check lists files that would change and exits 1; formatted files exit 0")
    func checkMode() throws {
        let file = try TemporaryFile(messy)
        let before = try CommandRunner.run("plansmith", ["fmt", "--check", file.path])
        #expect(before.status == 1)
        #expect(before.stdout == file.path + "\n")
        let write = try CommandRunner.run("plansmith", ["fmt", "--write", file.path])
        #expect(write.status == 0)
        let after = try CommandRunner.run("plansmith", ["fmt", "--check", file.path])
        #expect(after.status == 0)
        #expect(after.stdout.isEmpty)
    }

    @Test("a file with syntax errors is left alone and exits 1")
    func syntaxErrors() throws {
        let broken = "(define (domain d) (:action a :effect (p)"
        let file = try TemporaryFile(broken)
        let result = try CommandRunner.run("plansmith", ["fmt", "--write", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[P003]"))
        #expect(file.contents == broken)
    }

    @Test("formats standard input with '-'")
    func stdin() throws {
        let result = try CommandRunner.run("plansmith", ["fmt", "-"], stdin: Data(messy.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains(":effect (not (p ?x)))"))
    }

    @Test("--check and --write together are a usage error (exit 2)")
    func conflictingFlags() throws {
        let result = try CommandRunner.run("plansmith", ["fmt", "--check", "--write", "x.pddl"])
        #expect(result.status == 2)
    }

    @Test("--write ignores a link planted at the old temporary name and keeps a symlinked file a link, mode kept")
    func writeIsSafe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-fmt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "secret".write(toFile: dir + "/victim", atomically: true, encoding: .utf8)
        try messy.write(toFile: dir + "/real/d.pddl", atomically: true, encoding: .utf8)
        chmod(dir + "/real/d.pddl", 0o640)
        try FileManager.default.createSymbolicLink(atPath: dir + "/d.pddl", withDestinationPath: "real/d.pddl")
        // The name the old writer used, beside the link and beside the real file.
        for guess in [dir + "/.d.pddl.plansmith-fmt", dir + "/real/.d.pddl.plansmith-fmt"] {
            try FileManager.default.createSymbolicLink(atPath: guess, withDestinationPath: dir + "/victim")
        }
        let result = try CommandRunner.run("plansmith", ["fmt", "--write", dir + "/d.pddl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: dir + "/victim", encoding: .utf8) == "secret")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/d.pddl")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        let real = try String(contentsOfFile: dir + "/real/d.pddl", encoding: .utf8)
        #expect(real.contains(":effect (not (p ?x)))") && real != messy)
        let realAttributes = try FileManager.default.attributesOfItem(atPath: dir + "/real/d.pddl")
        #expect((realAttributes[.posixPermissions] as? Int) == 0o640)
    }
}
