import Foundation
@testable import Store

/// A fresh temporary directory per test, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: immutable after init.
    let path: String

    init() {
        path = NSTemporaryDirectory() + "plansmith-store-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// An on-disk store in a temporary directory with a manual clock and cheap password hashing.
struct TestStore {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let store: Store

    init(passwordCost: PasswordHasher.Cost = .testing) throws {
        var options = StoreOptions()
        options.clock = clock
        options.passwordCost = passwordCost
        store = try Store.open(DatabaseLocation(path: directory.file("plansmith.sqlite"), createsDirectory: false),
                               options: options)
    }

    /// A registered user with a personal workspace.
    func user(_ email: String) async throws -> (user: User, workspace: Workspace) {
        let user = try await store.accounts.register(email: email, password: "correct horse battery")
        let workspace = try await store.accounts.personalWorkspace(of: user.id!)
        return (user, workspace)
    }
}

func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as! NSNumber).intValue & 0o777
}
