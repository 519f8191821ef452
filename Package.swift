// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DayClear",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dayclear", targets: ["dayclear"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure domain: Foundation only, no clock, no I/O.
        .target(name: "DayClearCore"),
        // Vehicle routing: great-circle distances, savings and local search, TSPLIB files, shuttle runs.
        .target(name: "DayClearRouting", dependencies: ["DayClearCore"]),
        // The event store (SQLite through GRDB), CSV in and out, day-end files.
        .target(
            name: "DayClearStore",
            dependencies: [
                "DayClearCore",
                "DayClearRouting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Cells, display width, layout and widgets; knows nothing of curses or the domain.
        .target(name: "TerminalUI"),
        // A seeded random generator shared by tests and benchmarks.
        .target(name: "SeededRandom"),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The only code that touches the terminal.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // Screen state, the key table, update() and one render function per screen.
        .target(
            name: "DayClearApp", dependencies: ["DayClearCore", "DayClearStore", "DayClearRouting", "TerminalUI"]),
        .executableTarget(
            name: "dayclear",
            dependencies: [
                "DayClearCore",
                "DayClearStore",
                "TerminalUI",
                "DayClearApp",
                "DayClearRouting",
                "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the allocation planner on generated instances (see Benchmarks/); not part of `swift test`.
        .executableTarget(name: "dayclear-bench-planner", dependencies: ["DayClearCore"], path: "Benchmarks/Planner"),
        // Times one key handled and the frame rendered at 10,000 open requests; not part of `swift test`.
        .executableTarget(
            name: "dayclear-bench-tui",
            dependencies: ["DayClearCore", "DayClearStore", "DayClearApp", "TerminalUI", "SeededRandom"],
            path: "Benchmarks/TUI"
        ),
        // Solves the CVRP instances of Benchmarks/cvrp and reports the gaps to their optima; not part of `swift test`.
        .executableTarget(
            name: "dayclear-bench-routing", dependencies: ["DayClearRouting"], path: "Benchmarks/Routing"),
        .testTarget(name: "DayClearRoutingTests", dependencies: ["DayClearRouting", "SeededRandom"]),
        // Load test of `dayclear serve` over its socket: 50 clients for a minute; not part of `swift test`.
        .executableTarget(
            name: "dayclear-bench-server", dependencies: ["DayClearCore", "DayClearStore"], path: "Benchmarks/Server"),
        // Times opening a 1,000,000-event store, import, day-end export and a durable approval; not part of `swift test`.
        .executableTarget(
            name: "dayclear-bench-store",
            dependencies: [
                "DayClearCore", "DayClearStore", "DayClearApp", "TerminalUI", "SeededRandom",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/Store"
        ),
        .testTarget(name: "DayClearCoreTests", dependencies: ["DayClearCore", "SeededRandom"]),
        .testTarget(
            name: "DayClearStoreTests",
            dependencies: [
                "DayClearStore", "SeededRandom", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Snapshot files are read through #filePath, not as resources.
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["__Snapshots__"]),
        .testTarget(
            name: "DayClearAppTests", dependencies: ["DayClearApp", "DayClearRouting", "DayClearStore", "SeededRandom"],
            exclude: ["__Snapshots__"]),
        .testTarget(name: "DayClearCLITests", dependencies: ["dayclear", "DayClearStore", "SeededRandom"]),
    ]
)
