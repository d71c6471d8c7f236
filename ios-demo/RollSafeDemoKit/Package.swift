// swift-tools-version:6.0
// RollSafeDemoKit: the screen logic of the RollSafe iOS demo app. View models
// for every screen and the notification planner, free of SwiftUI and UIKit so
// that they build and are tested on Linux against the real Rust library.
// The SwiftUI views and the UNUserNotificationCenter glue live in ../App.
import PackageDescription

let package = Package(
    name: "RollSafeDemoKit",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "RollSafeDemoKit", targets: ["RollSafeDemoKit"]),
    ],
    dependencies: [
        .package(name: "RollSafe", path: "../../bindings/swift"),
    ],
    targets: [
        .target(
            name: "RollSafeDemoKit",
            dependencies: [.product(name: "RollSafe", package: "RollSafe")]
        ),
        .testTarget(
            name: "RollSafeDemoKitTests",
            dependencies: ["RollSafeDemoKit", .product(name: "RollSafe", package: "RollSafe")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
