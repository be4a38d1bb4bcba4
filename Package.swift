// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "LoyaltyKit",
    platforms: [
        .macOS(.v13),
        .iOS(.v16),
        .tvOS(.v16),
        .watchOS(.v9),
        .visionOS(.v1),
    ],
    products: [
        .library(name: "LoyaltyKit", targets: ["LoyaltyKit"]),
        .library(name: "LoyaltyKitTesting", targets: ["LoyaltyKitTesting"]),
        .library(name: "LoyaltyKitSQLite", targets: ["LoyaltyKitSQLite"]),
    ],
    targets: [
        .target(name: "LoyaltyKit", swiftSettings: strictSettings),
        .target(name: "LoyaltyKitTesting", dependencies: ["LoyaltyKit"], swiftSettings: strictSettings),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "LoyaltyKitSQLite",
            dependencies: [
                "LoyaltyKit",
                // Apple platforms use the SDK's SQLite3 module instead.
                .target(name: "CSQLite", condition: .when(platforms: [.linux, .android, .windows])),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hotel-loyalty",
            dependencies: ["LoyaltyKit", "LoyaltyKitSQLite", "LoyaltyKitTesting"],
            path: "Examples/hotel-loyalty",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "customer-value",
            dependencies: ["LoyaltyKit"],
            path: "Examples/customer-value",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "loyalty-replay",
            dependencies: ["LoyaltyKit"],
            path: "Examples/loyalty-replay",
            exclude: ["sample"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoyaltyKitTests",
            dependencies: ["LoyaltyKit", "LoyaltyKitTesting"],
            swiftSettings: strictSettings
        ),
        // Crash and multi-process tests: a helper that writes through a persistent store until
        // killed, and the tests that kill it.
        .executableTarget(
            name: "store-torture",
            dependencies: ["LoyaltyKit", "LoyaltyKitSQLite", "LoyaltyKitTesting"],
            path: "Tests/StoreTorture",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreTortureTests",
            dependencies: ["LoyaltyKit", "LoyaltyKitSQLite", "LoyaltyKitTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoyaltyKitSQLiteTests",
            dependencies: ["LoyaltyKitSQLite", "LoyaltyKit", "LoyaltyKitTesting"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
