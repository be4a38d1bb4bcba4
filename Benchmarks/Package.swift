// swift-tools-version:6.0
// The benchmark harness lives in its own package so that `swift test` at the root never
// builds it. Run: swift run -c release --package-path Benchmarks loyalty-bench [--quick]
import PackageDescription

let package = Package(
    name: "LoyaltyBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "LoyaltyKit", path: "..")],
    targets: [
        .executableTarget(
            name: "loyalty-bench",
            dependencies: [
                .product(name: "LoyaltyKit", package: "LoyaltyKit"),
                .product(name: "LoyaltyKitTesting", package: "LoyaltyKit"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
