// store-writer: a separate process that writes usage rows through the Store, used by the
// reliability tests (SIGKILL mid-write, two writers at once) and handy for poking at locking
// by hand.
//
//   store-writer DB_PATH FIRST_BATCH BATCH_COUNT ROWS_PER_BATCH [BUSY_TIMEOUT_SECONDS]
//
// Each batch is one transaction of ROWS_PER_BATCH rows tagged {"batch": n, "row": i}. After a
// batch commits, "committed n" is written straight to stdout (unbuffered write(2)), so a line
// on stdout proves the batch was durable before the process could be killed.
// Exit codes: 0 done, 75 database busy (EX_TEMPFAIL), 1 any other error, 64 usage.
//
//   store-writer hold-session DB_PATH USER_EMAIL
//
// Creates a running planning session for the (local) user and prints "session ID", then sleeps
// until killed: a live process owning a session, for the start-up "interrupted" tests.
//
//   store-writer concurrent LOCATION TAG TASKS SECONDS
//
// `ConcurrentWriter`: TASKS tasks writing usage batches and domain revisions to LOCATION (a
// SQLite path or a postgres:// URL) for SECONDS, printing one line per acknowledged write.
import Foundation
import Store

#if canImport(Glibc)
import Glibc
#endif

func say(_ line: String, to fd: Int32) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

let args = CommandLine.arguments
if args.count == 4, args[1] == "hold-session" {
    do {
        let store = try Store.open(DatabaseLocation(path: args[2], createsDirectory: false))
        let user = try await store.accounts.ensureLocalUser(email: args[3])
        let session = try await store.planningSessions.create(userId: user.id!, domainId: nil, maxIterations: 5, config: "{}")
        _ = try await store.planningSessions.update(session.id!, userId: user.id!, to: .running, finalPlan: nil, failureReason: nil)
        say("session \(session.id!)", to: 1)
        while true { sleep(3600) }
    } catch {
        say("store-writer: \(error)", to: 2)
        exit(1)
    }
}
if args.count == 6, args[1] == "concurrent", let tasks = Int(args[4]), let seconds = Double(args[5]) {
    do {
        try await ConcurrentWriter.run(location: args[2], tag: args[3], tasks: tasks, seconds: seconds) { say($0, to: 1) }
        exit(0)
    } catch {
        say("store-writer: \(error)", to: 2)
        exit(1)
    }
}
guard args.count >= 5, let first = Int(args[2]), let count = Int(args[3]), let perBatch = Int(args[4]) else {
    say("usage: store-writer DB_PATH FIRST_BATCH BATCH_COUNT ROWS_PER_BATCH [BUSY_TIMEOUT_SECONDS]", to: 2)
    exit(64)
}
var options = StoreOptions()
if args.count >= 6, let timeout = Double(args[5]) { options.busyTimeout = timeout }

do {
    let store = try Store.open(DatabaseLocation(path: args[1], createsDirectory: false), options: options)
    for batch in first..<(first + count) {
        let rows = (0..<perBatch).map { row in
            UsageRecord(endpoint: "/writer", method: "POST", statusCode: 200, latencyMs: Double(row),
                        extraData: #"{"batch":\#(batch),"row":\#(row)}"#, createdAt: Date())
        }
        try await store.usage.record(contentsOf: rows)
        say("committed \(batch)", to: 1)
    }
    exit(0)
} catch let error as StoreError {
    say("store-writer: \(error)", to: 2)
    exit(error == .busy ? 75 : 1)
} catch {
    say("store-writer: \(error)", to: 2)
    exit(1)
}
