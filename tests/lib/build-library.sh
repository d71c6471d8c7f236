#!/usr/bin/env bash
# Builds the RollSafe shared library and generates its Kotlin and Swift
# bindings from it, the one way every test suite and demo gets them.
#
# Bindings are generated in library mode from the built .so by the
# uniffi-bindgen of this workspace, so they always match the library. Nothing
# generated is committed.
#
# Use: tests/lib/build-library.sh [debug|release]
# Leaves: target/<profile>/librollsafe_ffi.so
#         target/bindings/kotlin/app/rollsafe/*.kt
#         target/bindings/swift/{RollSafe.swift,RollSafeFFI.h,RollSafeFFI.modulemap}
set -euo pipefail

profile="${1:-debug}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

case "$profile" in
    debug) cargo build --quiet -p rollsafe-ffi ;;
    release) cargo build --quiet --release -p rollsafe-ffi ;;
    *) echo "build-library.sh: unknown profile '$profile' (debug or release)" >&2; exit 2 ;;
esac

library="target/$profile/librollsafe_ffi.so"
[[ -f "$library" ]] || { echo "build-library.sh: $library was not built" >&2; exit 1; }

cargo build --quiet -p uniffi-bindgen
for language in kotlin swift; do
    out="target/bindings/$language"
    rm -rf "$out"
    target/debug/uniffi-bindgen generate "$library" --language "$language" --out-dir "$out" --no-format
done
