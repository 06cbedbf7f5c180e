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
}
