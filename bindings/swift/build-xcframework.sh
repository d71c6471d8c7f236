#!/usr/bin/env bash
# Builds RollSafeFFI.xcframework for Apple platforms and copies the generated
# Swift bindings into the package, so that `swift build` / Xcode can use
# bindings/swift as a Swift package on macOS and iOS.
#
# macOS only: needs Xcode (xcodebuild, lipo, xcrun) and rustup. It was written
# on Linux, where none of that exists, and has not been run there; see
# README.md.
#
# Use: bindings/swift/build-xcframework.sh [--debug]
# Leaves: bindings/swift/RollSafeFFI.xcframework (static libraries + header +
#         module map, one slice each for iOS, iOS Simulator and macOS)
#         bindings/swift/Sources/RollSafe/Generated/RollSafe.swift
set -euo pipefail

[[ "$(uname -s)" == Darwin ]] || { echo "build-xcframework.sh: runs on macOS only (needs Xcode)" >&2; exit 1; }
for tool in cargo rustup xcodebuild lipo; do
    command -v "$tool" >/dev/null || { echo "build-xcframework.sh: $tool not found" >&2; exit 1; }
done

package="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$package/../.." && pwd)"
cd "$repo"

profile=release
cargo_profile=(--release)
if [[ "${1:-}" == --debug ]]; then
    profile=debug
    cargo_profile=()
elif [[ $# -gt 0 ]]; then
    echo "build-xcframework.sh: unknown argument '$1' (only --debug)" >&2
    exit 2
fi

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin)
rustup target add "${targets[@]}"

# iOS 15 / macOS 12, as in Package.swift.
export IPHONEOS_DEPLOYMENT_TARGET=15.0
export MACOSX_DEPLOYMENT_TARGET=12.0

# One static library per target, and the dynamic one the bindings are generated from. Only those
# two outputs: with the crate's rlib output as well, cargo would skip link-time optimisation
# (see bindings/Cargo.toml).
for target in "${targets[@]}"; do
    echo "== cargo rustc $profile for $target"
    cargo rustc "${cargo_profile[@]}" -p rollsafe-ffi --lib --crate-type staticlib --crate-type cdylib \
        --target "$target"
done
lib() { echo "target/$1/$profile/librollsafe_ffi.a"; }

work="$package/build"
rm -rf "$work"
mkdir -p "$work/headers" "$work/ios-simulator" "$work/generated"

# The generated sources, from the macOS library built above (library mode, by
# this workspace's uniffi-bindgen, exactly as tests/lib/build-library.sh does).
cargo build --quiet -p uniffi-bindgen
target/debug/uniffi-bindgen generate "target/aarch64-apple-darwin/$profile/librollsafe_ffi.dylib" \
    --language swift --out-dir "$work/generated" --no-format

# The header and its module map, named module.modulemap as an XCFramework slice
# expects. The generated map names the header RollSafeFFI.h, which sits next to it.
cp "$work/generated/RollSafeFFI.h" "$work/headers/RollSafeFFI.h"
cp "$work/generated/RollSafeFFI.modulemap" "$work/headers/module.modulemap"

# The simulator slice holds both simulator architectures in one fat library.
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" \
    -output "$work/ios-simulator/librollsafe_ffi.a"

xcframework="$package/RollSafeFFI.xcframework"
rm -rf "$xcframework"
xcodebuild -create-xcframework \
    -library "$(lib aarch64-apple-ios)" -headers "$work/headers" \
    -library "$work/ios-simulator/librollsafe_ffi.a" -headers "$work/headers" \
    -library "$(lib aarch64-apple-darwin)" -headers "$work/headers" \
    -output "$xcframework"

mkdir -p "$package/Sources/RollSafe/Generated"
cp "$work/generated/RollSafe.swift" "$package/Sources/RollSafe/Generated/RollSafe.swift"
rm -rf "$work"

echo "Built $xcframework ($profile) and copied the generated Swift into Sources/RollSafe/Generated."
echo "Build the package with: (cd $package && swift build)"
