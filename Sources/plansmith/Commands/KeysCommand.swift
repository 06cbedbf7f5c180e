import ArgumentParser
import Foundation
import Store

/// `plansmith keys …`: API keys for the Plansmith server.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list, revoke and rotate API keys.",
        discussion: """
        A key is 'psk_' followed by 43 random characters. It is printed once, when created or \
        rotated: only its SHA-256 hash and its first 8 characters are stored, so it cannot be \
        shown again. 'keys list' shows the 8-character prefix to recognise it by.

        Exit status: 0 done, 1 refused (unknown key id, key not active), 2 usage or I/O problem.
        """,
        subcommands: [KeysCreateCommand.self, KeysListCommand.self, KeysRevokeCommand.self, KeysRotateCommand.self])
}

struct KeysCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an API key and print it once.")

    @OptionGroup var store: StoreArguments
    @Option(help: "A name to recognise the key by.") var name: String = "default"
    @Option(help: "Requests allowed per minute.") var rateLimit: Int = APIKeyService.defaultRateLimit
    @Option(help: ArgumentHelp("Expire the key after this many days (default: never).", valueName: "days"))
    var expiresIn: Int?
    @Flag(help: "Print {id, key, prefix, expires_at} as JSON.") var json = false

    func validate() throws {
        if let expiresIn, !(1...APIKeyService.maximumLifetimeDays).contains(expiresIn) {
            throw ValidationError("--expires-in must be 1 to \(APIKeyService.maximumLifetimeDays) days (leave it out for a key that never expires)")
        }
        if rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1 request per minute") }
    }

    func run() async throws {
        let expiresAt = expiresIn.map { Date().addingTimeInterval(Double($0) * 86_400) }
        let created = try await store.withSession("keys create") { session in
            try await session.store.apiKeys.create(userId: session.userId, name: name, rateLimit: rateLimit,
                                                   expiresAt: expiresAt)
        }
        KeyPrinter.printCreated(created, json: json, verb: "Created")
    }
}

struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List your API keys (prefix and details; never the key itself).")

    @OptionGroup var store: StoreArguments
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let keys = try await store.withSession("keys list") { session in
            try await session.store.apiKeys.list(userId: session.userId)
        }
        if json {
            Console.json(["keys": keys.map { KeyPrinter.json($0.listing) }])
            return
        }
        if keys.isEmpty {
            Console.out("no API keys; create one with 'plansmith keys create'\n")
            return
        }
        let rows = keys.map(\.listing).map { key in
            [String(key.id), key.prefix + "…", key.name, key.status.rawValue, StoreFormatting.text(key.lastUsedAt),
             StoreFormatting.text(key.expiresAt), "\(key.rateLimit)/min"]
        }
        Console.out(StoreFormatting.table(["id", "prefix", "name", "status", "last used", "expires", "rate limit"], rows))
    }
}

/// Output shared by `keys create` and `keys rotate`, the only two places a key is shown.
enum KeyPrinter {
    static func printCreated(_ created: CreatedAPIKey, json: Bool, verb: String, extra: [String: Any] = [:]) {
        let key = created.key.listing
        if json {
            var object: [String: Any] = ["id": key.id, "key": created.plaintext, "prefix": key.prefix,
                                         "expires_at": StoreFormatting.json(key.expiresAt)]
            object.merge(extra) { _, new in new }
            Console.json(object)
            return
        }
        Console.out("""
            \(verb) API key \(key.id) '\(key.name)' (\(key.rateLimit) requests/min, expires \(StoreFormatting.text(key.expiresAt))):

              \(created.plaintext)

            Copy it now: it cannot be shown again (only its hash is stored).

            """)
    }

    static func json(_ key: APIKeyListing) -> [String: Any] {
        ["id": key.id, "name": key.name, "prefix": key.prefix, "status": key.status.rawValue,
         "rate_limit": key.rateLimit, "last_used_at": StoreFormatting.json(key.lastUsedAt),
         "expires_at": StoreFormatting.json(key.expiresAt), "created_at": StoreFormatting.json(key.createdAt)]
    }
}
