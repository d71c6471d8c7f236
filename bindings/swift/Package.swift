// swift-tools-version:5.9
// RollSafe for Swift: the generated UniFFI bindings over the Rust core, and a
// thin Swift layer over them (async calls, AsyncStream of alerts, Foundation
// time conversions, Swift-style errors).
//
// Where the Rust library comes from depends on the platform building the
// package:
//
// - Apple platforms (macOS, iOS, iOS Simulator): the `RollSafeFFI` binary
//   target, RollSafeFFI.xcframework next to this file, built on a Mac by
//   build-xcframework.sh (static libraries, the C header and its module map).
//   The same script copies the generated Swift into Sources/RollSafe/Generated.
//   Set ROLLSAFE_FFI=system to use the system-library setup below on a Mac too.
// - Linux: the `RollSafeFFI` system-library target (Sources/RollSafeFFI); pass
//   the directory of librollsafe_ffi.so with `-Xlinker -L<dir>` and put it on
//   LD_LIBRARY_PATH when running. tests/lib/build-library.sh and
//   tests/swift/run.sh generate the sources and copy them in.
//
// The generated sources are not committed.
import PackageDescription

#if canImport(Darwin)
    let useXCFramework = Context.environment["ROLLSAFE_FFI"] != "system"
#else
    let useXCFramework = false
#endif

let ffiTarget: Target =
    useXCFramework
    ? .binaryTarget(name: "RollSafeFFI", path: "RollSafeFFI.xcframework")
    : .systemLibrary(name: "RollSafeFFI", path: "Sources/RollSafeFFI")

let package = Package(
    name: "RollSafe",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "RollSafe", targets: ["RollSafe"]),
    ],
    targets: [
        ffiTarget,
        .target(name: "RollSafe", dependencies: ["RollSafeFFI"], path: "Sources/RollSafe"),
    ]
)
