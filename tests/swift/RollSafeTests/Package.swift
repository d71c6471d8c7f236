// swift-tools-version:5.9
// The Swift test suite of RollSafe: XCTest cases that drive the real Rust
// library through the RollSafe package in bindings/swift.
import PackageDescription

let package = Package(
    name: "RollSafeSwiftTests",
    dependencies: [
        .package(name: "RollSafe", path: "../../../bindings/swift"),
    ],
    targets: [
        .testTarget(
            name: "RollSafeTests",
            dependencies: [.product(name: "RollSafe", package: "RollSafe")],
            path: "Tests/RollSafeTests"
        ),
    ]
)
