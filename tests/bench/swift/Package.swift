// swift-tools-version:5.9
// The Swift harness of tests/bench/run, built in release mode inside the
// Swift root file system: the generated bindings (copied in by the run
// script, from the release library) and an executable that times the same
// operations as the Rust and Kotlin harnesses.
//
// tests/bench/run copies this package to target/bench-swift and adds the
// generated RollSafe.swift and RollSafeFFI.h, so nothing generated lands in
// the source tree.
import PackageDescription

let package = Package(
    name: "RollSafeBench",
    targets: [
        .systemLibrary(name: "RollSafeFFI", path: "Sources/RollSafeFFI"),
        .target(name: "RollSafe", dependencies: ["RollSafeFFI"], path: "Sources/RollSafe"),
        .executableTarget(name: "Bench", dependencies: ["RollSafe"], path: "Sources/Bench"),
    ]
)
