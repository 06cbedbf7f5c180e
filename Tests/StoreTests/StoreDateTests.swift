import Foundation
import GRDB
@testable import Store
import Testing

@Suite("Store dates")
struct StoreDateTests {
    @Test("dates are written exactly as GRDB's own formatter writes them, before and after 1970, leap days included")
    func matchesGRDBFormat() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400),
                     Date(timeIntervalSince1970: 1_709_164_799.999), Date(timeIntervalSince1970: -2_208_988_800.5),
                     Date(timeIntervalSince1970: 4_102_444_800.123)]
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: Double(Int64.random(in: -3_000_000_000_000...5_000_000_000_000, using: &generator)) / 1000))
        }
        for date in dates {
            let text = StoreDate.text(date)
            #expect(text == String.fromDatabaseValue(date.databaseValue), "\(date.timeIntervalSince1970)")
            // … and read back as GRDB reads it (to well under a millisecond: the two differ only in
            // floating-point rounding), and written again to the same text.
            let read = StoreDate.date(fromText: text)
            #expect(abs((read?.timeIntervalSince1970 ?? .nan) - (Date.fromDatabaseValue(text.databaseValue)?.timeIntervalSince1970 ?? 0)) < 1e-5,
                    "\(text)")
            #expect(read.map(StoreDate.text) == text)
        }
    }

    @Test("the shorter forms SQLite and GRDB accept read the same as GRDB reads them; garbage reads as nil")
    func readsOtherForms() {
        for text in ["2026-11-25", "2026-11-25 20:50", "2026-11-25T20:50:07", "2026-11-25 20:50:07.5", "2026-11-25 20:50:07.123456",
                     "1969-12-31 23:59:59.999", "2000-02-29 12:00:00.000"] {
            let mine = StoreDate.date(fromText: text)?.timeIntervalSince1970 ?? .nan
            let theirs = Date.fromDatabaseValue(text.databaseValue)?.timeIntervalSince1970 ?? 0
            #expect(abs(mine - theirs) < 1e-5, "\(text)")
        }
        for text in ["", "2026-13-01", "2026-11-25 25:00", "yesterday", "2026-11-25 20:50:07."] {
            #expect(StoreDate.date(fromText: text) == nil, "\(text)")
        }
        #expect(StoreDate.date(from: DatabaseValue(value: 86_400)!) == Date(timeIntervalSince1970: 86_400))
    }

    @Test("a record's dates go through StoreDate and read back to the millisecond")
    func recordsRoundTrip() async throws {
        let directory = NSTemporaryDirectory() + "store-date-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(DatabaseLocation(path: directory + "/d.sqlite", createsDirectory: true))
        let user = try await store.accounts.ensureLocalUser(email: "d@localhost")
        let stored = try await store.database.read { db in
            try String.fetchOne(db, sql: "SELECT created_at FROM users WHERE id = ?", arguments: [user.id!])
        }
        #expect(stored == StoreDate.text(user.createdAt))
        let again = try #require(try await store.accounts.user(id: user.id!))
        #expect(abs(again.createdAt.timeIntervalSince(user.createdAt)) < 0.001)
    }
}
