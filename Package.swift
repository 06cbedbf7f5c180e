// swift-tools-version: 6.0
//
// Plansmith — module layering (arrows point down only; see ../shared/docs/architecture.md):
//
//   plansmith (executable: ArgumentParser; TUI by default, subcommands for scripting)
//    ├─ PlansmithTUI      screens (State, Msg, update, view): PlansmithCore's services + value types only
//    │   └─ TerminalUI    general toolkit: backend (ncursesw | virtual), layout, widgets, editor
//    │       └─ CNcursesw + CTermShim
//    └─ PlansmithCore     the application layer: AppServices (accounts, domains, planning, critique
//        │                sessions, chats, keys, analytics) as protocols with Store-backed implementations,
//        │                app model types, event bus, LLM adapters — used by the CLI, the TUI and the server
//        ├─ Elicitation   state machine, completeness, PDDL generation
//        ├─ Critique      critics, voting, refinement, orchestrator
//        ├─ LLM           HTTP (CCurl), SSE, adapters, router, usage/cost
//        ├─ Store         GRDB: schema, migrations, repositories, auth, keys, rate limit
//        └─ Planner       grounding, search, heuristics, validator, plan analysis
//            └─ PDDL      lexer, parser, AST, diagnostics, semantic checks, formatter
//
// PDDL and Planner depend on the standard library only: they are the hot path.
// PlansmithTUI imports PlansmithCore, TerminalUI and the value-type modules (PDDL, Planner and
// Critique for plans, diagnostics and critique rounds) — never Store, LLM or Elicitation: screens
// return commands whose work is a call to a Core service. Elicitation and Critique persist through
// Store and reach a language model only through small protocols of their own, which PlansmithCore
// implements over LLM. TerminalUI knows nothing of planning.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Plansmith",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plansmith", targets: ["plansmith"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .target(name: "PDDL", swiftSettings: strict),
        .executableTarget(
            name: "plansmith",
            dependencies: [
                "PDDL",
                "Planner",
                "LLM",
                "Store",
                "Elicitation",
                "Critique",
                "PlansmithCore",
                "PlansmithTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "pddl-fuzz", dependencies: ["PDDL", "PlansmithTestSupport"], path: "Sources/PDDLFuzz", swiftSettings: strict),
        .target(name: "PlansmithTestSupport", dependencies: ["PDDL"], swiftSettings: strict),
        // LLM layer: libcurl transport, SSE, provider adapters, router (see Sources/LLM).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "LLM", dependencies: ["CCurl", "CCurlShim", "TOMLKit"], swiftSettings: strict),
        .target(name: "FakeLLMServer", swiftSettings: strict),
        .executableTarget(name: "fake-llm-server", dependencies: ["FakeLLMServer"],
                          path: "Sources/FakeLLMServerMain", swiftSettings: strict),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "FakeLLMServer"], swiftSettings: strict),
        // TerminalUI: general terminal toolkit on ncursesw (CTermShim wraps curses macros/globals).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CTermShim", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CTermShim"], swiftSettings: strict),
        .executableTarget(name: "tui-demo", dependencies: ["TerminalUI"], path: "Sources/TUIDemo", swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PlansmithTestSupport"], exclude: ["Snapshots"], swiftSettings: strict),
        // Store: SQLite (GRDB) schema, migrations, accounts, domains, keys, usage, rate limiting.
        .target(name: "Store", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ], swiftSettings: strict),
        .executableTarget(name: "store-writer", dependencies: ["Store"], path: "Sources/StoreWriter", swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store"], exclude: ["Fixtures"], swiftSettings: strict),
        // Planner: grounding, search, heuristics, lifted plan validator, plan analysis (stdlib + PDDL only).
        .target(name: "Planner", dependencies: ["PDDL"], swiftSettings: strict),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "PDDL", "PlansmithTestSupport"],
                    exclude: ["Support"], swiftSettings: strict),
        // Elicitation: conversation state machine, completeness checker, PDDL generation (talks to an LLM only
        // through its own ElicitationLanguageModel protocol; PlansmithCore plugs the LLM target in).
        .target(name: "Elicitation", dependencies: ["PDDL", "Store"], swiftSettings: strict),
        .testTarget(name: "ElicitationTests", dependencies: ["Elicitation", "PDDL", "Store", "Planner", "PlansmithTestSupport"], swiftSettings: strict),
        // Critique: sound critics, item-level weighted voting, refinement under the validator's veto, orchestrator
        // (talks to an LLM only through its own PlanProposer, CriticLanguageModel and PlanReviser protocols).
        // PlansmithCore: event bus, services, and the LLM adapters for those protocols.
        .target(name: "Critique", dependencies: ["Planner", "PDDL"], swiftSettings: strict),
        .testTarget(name: "CritiqueTests", dependencies: ["Critique", "Planner", "PDDL", "PlansmithTestSupport"], swiftSettings: strict),
        .target(name: "PlansmithCore", dependencies: ["Critique", "Elicitation", "LLM", "Planner", "PDDL", "Store"], swiftSettings: strict),
        .testTarget(name: "PlansmithCoreTests", dependencies: ["PlansmithCore", "Critique", "Elicitation", "Store", "Planner", "PDDL", "LLM",
                                                               "FakeLLMServer", "PlansmithTestSupport"], swiftSettings: strict),
        // The app's screens (Elm style), driven by PlansmithCore's services and the event bus.
        .target(name: "PlansmithTUI", dependencies: ["PlansmithCore", "TerminalUI", "Critique", "Planner", "PDDL"],
                swiftSettings: strict),
        .testTarget(name: "PlansmithTUITests", dependencies: ["PlansmithTUI", "PlansmithCore", "TerminalUI", "Critique",
                                                              "Elicitation", "LLM", "Planner", "PDDL", "Store",
                                                              "PlansmithTestSupport", "FakeLLMServer"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["PlansmithTestSupport", "FakeLLMServer", "Store"], swiftSettings: strict),
        .testTarget(name: "PDDLTests", dependencies: ["PDDL", "PlansmithTestSupport"],
                    exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
