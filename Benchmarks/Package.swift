// swift-tools-version:6.0
// The benchmark harness lives in its own package so that `swift test` at the root never
// builds it. Run: swift run -c release --package-path Benchmarks loyalty-bench [--quick]
import PackageDescription

let package = Package(
    name: "LoyaltyBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "LoyaltyKit", path: "..")],
    targets: [
        // The raw SQLite baseline calls the C API directly.
        .systemLibrary(name: "CSQLiteBench", path: "Sources/CSQLiteBench", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .executableTarget(
            name: "loyalty-bench",
            dependencies: [
                .product(name: "LoyaltyKit", package: "LoyaltyKit"),
                .product(name: "LoyaltyKitSQLite", package: "LoyaltyKit"),
                .product(name: "LoyaltyKitTesting", package: "LoyaltyKit"),
                .target(name: "CSQLiteBench", condition: .when(platforms: [.linux])),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
