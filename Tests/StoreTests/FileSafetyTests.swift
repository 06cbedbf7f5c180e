import Foundation
import Testing
@testable import Store

/// Writing and naming files that someone else may have prepared a trap for.
@Suite("Atomic writes and safe file names")
struct FileSafetyTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    private func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    @Test("a link planted at the temporary name is skipped, never written through")
    func plantedLinkIsSkipped() throws {
        let dir = TemporaryDirectory()
        try "secret".write(toFile: dir.file("victim"), atomically: true, encoding: .utf8)
        try "old".write(toFile: dir.file("d.pddl"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.file(".guess"), withDestinationPath: dir.file("victim"))
        var names = [".guess", ".fresh"]
        try AtomicFileWriter.write(Array("new".utf8), to: dir.file("d.pddl"), temporaryName: { names.removeFirst() })
        #expect(try String(contentsOfFile: dir.file("victim"), encoding: .utf8) == "secret")
        #expect(try String(contentsOfFile: dir.file("d.pddl"), encoding: .utf8) == "new")
        #expect(isSymlink(dir.file(".guess")))
        #expect(!FileManager.default.fileExists(atPath: dir.file(".fresh")))
    }

    @Test("when every temporary name is taken the write fails and nothing is touched")
    func everyGuessPlanted() throws {
        let dir = TemporaryDirectory()
        try "secret".write(toFile: dir.file("victim"), atomically: true, encoding: .utf8)
        try "old".write(toFile: dir.file("d.pddl"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.file(".guess"), withDestinationPath: dir.file("victim"))
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.write(Array("new".utf8), to: dir.file("d.pddl"), temporaryName: { ".guess" })
        }
        #expect(try String(contentsOfFile: dir.file("victim"), encoding: .utf8) == "secret")
        #expect(try String(contentsOfFile: dir.file("d.pddl"), encoding: .utf8) == "old")
    }

    @Test("random temporary names differ and do not contain the target's name")
    func randomNames() {
        let names = Set((0..<100).map { _ in AtomicFileWriter.randomTemporaryName() })
        #expect(names.count == 100)
        #expect(names.allSatisfy { $0.hasPrefix(".") && !$0.contains("/") })
    }

    @Test("a symlinked file stays a link; the real file gets the bytes and keeps its mode")
    func symlinkedTarget() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("real"), withIntermediateDirectories: true)
        try "old".write(toFile: dir.file("real/d.pddl"), atomically: true, encoding: .utf8)
        chmod(dir.file("real/d.pddl"), 0o640)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.pddl"), withDestinationPath: "real/d.pddl")
        try AtomicFileWriter.write("new", to: dir.file("link.pddl"))
        #expect(isSymlink(dir.file("link.pddl")))
        #expect(try String(contentsOfFile: dir.file("real/d.pddl"), encoding: .utf8) == "new")
        #expect(mode(dir.file("real/d.pddl")) == 0o640)
        // No temporary file is left beside either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("real")) == ["d.pddl"])
    }

    @Test("an existing file keeps its mode; a new file gets 0666 less the umask")
    func modes() throws {
        let dir = TemporaryDirectory()
        try "old".write(toFile: dir.file("private.pddl"), atomically: true, encoding: .utf8)
        chmod(dir.file("private.pddl"), 0o600)
        try AtomicFileWriter.write("new", to: dir.file("private.pddl"))
        #expect(mode(dir.file("private.pddl")) == 0o600)
        let mask = umask(0o022)
        umask(mask)
        try AtomicFileWriter.write("fresh", to: dir.file("fresh.pddl"))
        #expect(mode(dir.file("fresh.pddl")) == 0o666 & ~mask)
    }

    @Test("a link to nothing, a directory or a FIFO is refused and nothing is created")
    func refusedTargets() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.file("dangling"), withDestinationPath: dir.file("elsewhere"))
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write("x", to: dir.file("dangling")) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("elsewhere")))
        try FileManager.default.createDirectory(atPath: dir.file("folder"), withIntermediateDirectories: true)
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write("x", to: dir.file("folder")) }
        #expect(mkfifo(dir.file("fifo"), 0o600) == 0)
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write("x", to: dir.file("fifo")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["dangling", "fifo", "folder"])
    }

    @Test("names with separators, dot-dot, NUL or leading dots become one safe component",
          arguments: [("../../x", "x"), ("a/b", "a-b"), ("..", "unnamed"), (".hidden", "hidden"),
                      ("nul\u{0}byte", "nul-byte"), ("back\\slash", "back-slash"), ("", "unnamed"),
                      ("blocks-4_ops.v2", "blocks-4_ops.v2"), ("/etc/passwd", "etc-passwd"), ("./../.x", "x"), ("Åsa", "Åsa")])
    func safeNames(name: String, expected: String) {
        #expect(SafeFileName.component(name) == expected)
    }

    @Test("exporting a domain named ../../x, by --name or by its define header, stays in the folder")
    func exportStaysInside() async throws {
        let t = try TestStore()
        let (user, space) = try await t.user("u@example.com")
        let byName = try await t.store.domains.importPDDL(domain: "(define (domain door))", problem: nil, name: "../../x",
                                                          into: space.id!, by: user.id!)
        let byHeader = try await t.store.domains.importPDDL(domain: "(define (domain ../../y))", problem: nil,
                                                            into: space.id!, by: user.id!)
        let root = TemporaryDirectory()
        let out = root.file("a/b")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (domain, expected) in [(byName, "x-domain.pddl"), (byHeader, "y-domain.pddl")] {
            let paths = try await t.store.domains.exportFiles(domain.id!, readableBy: user.id!, to: out)
            #expect(paths == [out + "/" + expected])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.file("a")) == ["b"])
    }
}
