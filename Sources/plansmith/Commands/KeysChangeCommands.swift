import ArgumentParser
import Foundation
import Store

struct KeysRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an API key: it stops working at once. Revoking twice is harmless.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The key's id (from 'keys list').") var id: Int64
    @Flag(help: "Print the key's listing as JSON.") var json = false

    func run() async throws {
        let key = try await store.withSession("keys revoke") { session in
            try await session.store.apiKeys.revoke(keyId: id, userId: session.userId)
            return try await session.store.apiKeys.list(userId: session.userId).first { $0.id == id }
        }
        guard let key else { throw ExitCode(1) }  // revoke succeeded, so the key exists: not reached
        if json {
            Console.json(KeyPrinter.json(key.listing))
        } else {
            Console.out("API key \(id) '\(key.name)' (\(key.keyPrefix)…) is \(key.status.rawValue)\n")
        }
    }
}

struct KeysRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace an API key: create a new one with the same settings and revoke the old one.",
        discussion: "Both happen in one transaction. The new key is printed once.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The id of the active key to replace.") var id: Int64
    @Flag(help: "Print {id, key, prefix, expires_at, replaces} as JSON.") var json = false

    func run() async throws {
        let created = try await store.withSession("keys rotate") { session in
            try await session.store.apiKeys.rotate(keyId: id, userId: session.userId)
        }
        if !json { Console.out("Revoked API key \(id).\n") }
        KeyPrinter.printCreated(created, json: json, verb: "Created", extra: ["replaces": id])
    }
}
