#!/usr/bin/env bash
# Builds the RollSafe shared library and generates its Kotlin and Swift
# bindings from it, the one way every test suite and demo gets them.
#
# Bindings are generated in library mode from the built .so by the
# uniffi-bindgen of this workspace, so they always match the library. Nothing
# generated is committed.
#
# Use: tests/lib/build-library.sh [debug|release]
# Leaves: target/test-lib/librollsafe_ffi.so (a copy the suites load, so no
#         later cargo build of the workspace can replace it under them)
#         target/bindings/kotlin/app/rollsafe/*.kt
#         target/bindings/swift/{RollSafe.swift,RollSafeFFI.h,RollSafeFFI.modulemap}
set -euo pipefail

profile="${1:-debug}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

case "$profile" in
    # The debug library the suites test carries one extra export that panics
    # on purpose (feature test-hooks); release builds never do.
    debug) cargo build --quiet -p rollsafe-ffi --features test-hooks ;;
    # Release: the cdylib alone, so that it is link-time optimised (see bindings/Cargo.toml).
    release) cargo rustc --quiet --release -p rollsafe-ffi --lib --crate-type cdylib ;;
    *) echo "build-library.sh: unknown profile '$profile' (debug or release)" >&2; exit 2 ;;
esac

built="target/$profile/librollsafe_ffi.so"
[[ -f "$built" ]] || { echo "build-library.sh: $built was not built" >&2; exit 1; }
mkdir -p target/test-lib
library="target/test-lib/librollsafe_ffi.so"
cp "$built" "$library"

cargo build --quiet -p uniffi-bindgen
for language in kotlin swift; do
    out="target/bindings/$language"
    rm -rf "$out"
    target/debug/uniffi-bindgen generate "$library" --language "$language" --out-dir "$out" --no-format
done
