// swift-tools-version:5.9
// RollSafe for Swift: the generated UniFFI bindings over the Rust core.
//
// On Linux the Rust library (librollsafe_ffi.so) links through the
// `RollSafeFFI` system-library target; pass its directory with
// `-Xlinker -L<dir>` and put it on LD_LIBRARY_PATH when running. The
// generated sources are not committed: tests/lib/build-library.sh and
// tests/swift/run.sh generate and copy them in before building.
import PackageDescription

let package = Package(
    name: "RollSafe",
    products: [
        .library(name: "RollSafe", targets: ["RollSafe"]),
    ],
    targets: [
        .systemLibrary(name: "RollSafeFFI", path: "Sources/RollSafeFFI"),
        .target(name: "RollSafe", dependencies: ["RollSafeFFI"], path: "Sources/RollSafe"),
    ]
)
