import Foundation
import Testing
@testable import Store

/// Two writer processes (`store-writer concurrent`, 32 tasks each) write usage batches and
/// domain revisions to one database at once; one is killed with SIGKILL mid-write. Every write
/// a writer acknowledged must be there and whole, the database sound, the rollups right.
@Suite("Concurrent writer processes and kill -9", .serialized)
struct ConcurrentWriterCrashTests {
    @Test("two writer processes × 32 tasks, one killed with SIGKILL: acknowledged writes all present, none partial, database sound",
          arguments: Backend.testable)
    func killOneOfTwoWriters(_ backend: Backend) async throws {
        let tmp = TemporaryDirectory()
        let location: String
        switch backend {
        case .sqlite:
            location = tmp.file("plansmith.sqlite")
            try Store.open(DatabaseLocation(path: location, createsDirectory: false)).database.close()
        case .postgres:
            location = try await BackendFixture.freshPostgresDatabase()
            try await PostgresStore.open(try PostgresLocation(url: location)).close()
        }
        let command = [try WriterProcess.executable().path, "concurrent"]
        let check = try await WriterCrashCheck.run(location: location, command: command, tasks: 32, seconds: 5, killAfter: 2)
        let audit = check.audit
        #expect(check.killedBySignal)
        #expect(check.killedWrites > 0 && check.survivorWrites > 0, "both writers wrote: \(check.killedWrites), \(check.survivorWrites)")
        #expect(audit.missingBatches == 0, "acknowledged usage batches lost: \(audit.missingBatches)")
        #expect(audit.missingRevisions == 0, "acknowledged revisions lost: \(audit.missingRevisions)")
        #expect(audit.partialBatches == 0, "half-written batches: \(audit.partialBatches)")
        #expect(audit.presentBatches >= audit.acknowledgedBatches && audit.acknowledgedBatches > 0)
        #expect(audit.integrity == "ok" || audit.integrity.hasPrefix("amcheck ok"), "\(audit.integrity)")
        #expect(audit.rollupsMatch)
        print("\(backend): killed after \(String(format: "%.1f", check.killedAfter)) s; acknowledged \(check.killedWrites) + \(check.survivorWrites); \(audit)")
    }
}
