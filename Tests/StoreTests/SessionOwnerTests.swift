import Foundation
import GRDB
import Testing
@testable import Store

/// Start-up must not mark sessions interrupted that another process is still running: only those
/// whose owning process is gone. Real child processes own the sessions here.
@Suite("Interrupted sessions: only those whose process is gone", .serialized)
struct SessionOwnerTests {
    @Test("a session of a running process is left alone; one of a killed process is marked interrupted")
    func liveAndKilledChildren() async throws {
        let t = try TestStore()
        let path = t.store.path
        let live = try WriterProcess(holdingSessionIn: path, email: "me@localhost", logDirectory: t.directory)
        defer { live.kill() }
        let doomed = try WriterProcess(holdingSessionIn: path, email: "me@localhost", logDirectory: t.directory)
        let liveSession = try #require(live.heldSession(), "\(live.errorOutput)")
        let doomedSession = try #require(doomed.heldSession(), "\(doomed.errorOutput)")
        let user = try #require(try await t.store.accounts.user(email: "me@localhost"))
        let repo = t.store.planningSessions

        #expect(try await repo.markInterruptedSessions() == 0)  // both owners are alive
        doomed.kill()  // SIGKILL, then reaped
        #expect(try await repo.markInterruptedSessions() == 1)
        let marked = try await repo.session(doomedSession, userId: user.id!)
        #expect(marked.status == .interrupted && marked.finishedAt != nil)
        #expect(try await repo.session(liveSession, userId: user.id!).status == .running)
        #expect(try await repo.markInterruptedSessions() == 0)
    }

    @Test("the owner's pid, host and start time are recorded with each session")
    func ownerRecorded() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        let session = try await t.store.planningSessions.create(userId: user.id!, domainId: nil, maxIterations: 1, config: "{}")
        let row = try #require(try await t.store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT owner_pid, owner_host, owner_started FROM planning_sessions WHERE id = ?",
                             arguments: [session.id!])
                .map { row in (row["owner_pid"] as Int64, row["owner_host"] as String, row["owner_started"] as String) }
        })
        let (pid, host, started) = row
        #expect(pid == Int64(getpid()))
        #expect(host == SessionOwner.current.host && !host.isEmpty)
        #if os(Linux)
        #expect(!started.isEmpty && Int(started) != nil)
        #endif
        // This process is alive: its own session is never marked.
        #expect(try await t.store.planningSessions.markInterruptedSessions() == 0)
    }

    @Test("a pid now used by another process (different start time) counts as gone; another host's session is left alone")
    func reusedPidAndOtherHost() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        let repo = t.store.planningSessions
        let reused = try await repo.create(userId: user.id!, domainId: nil, maxIterations: 1, config: "{}")
        let remote = try await repo.create(userId: user.id!, domainId: nil, maxIterations: 1, config: "{}")
        try await t.store.database.write { db in
            // Our own live pid, but with a start time it never had: as if the pid had been reused.
            try db.execute(sql: "UPDATE planning_sessions SET owner_started = '1' WHERE id = ?", arguments: [reused.id!])
            // A pid that does not exist here, on another machine sharing the database.
            try db.execute(sql: "UPDATE planning_sessions SET owner_pid = ?, owner_host = 'elsewhere.example' WHERE id = ?",
                           arguments: [Int32.max, remote.id!])
        }
        #expect(try await repo.markInterruptedSessions() == 1)
        #expect(try await repo.session(reused.id!, userId: user.id!).status == .interrupted)
        #expect(try await repo.session(remote.id!, userId: user.id!).status == .pending)
    }
}
