#!/usr/bin/env bash
# Builds the Rust library for Android and generates its Kotlin bindings, ready
# for `gradle assembleRelease` in this directory:
#   src/main/jniLibs/<abi>/librollsafe_ffi.so   (cargo ndk, release profile)
#   build/generated/uniffi/app/rollsafe/*.kt    (the workspace's uniffi-bindgen)
#
# Needs: the Android NDK (ANDROID_NDK_HOME, or found by cargo-ndk through
# ANDROID_HOME), `cargo install cargo-ndk`, and the Rust targets
#   rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cd "$repo"

command -v cargo-ndk >/dev/null 2>&1 || { echo "build-rust.sh: cargo-ndk not found (cargo install cargo-ndk)" >&2; exit 1; }

jni="$here/src/main/jniLibs"
generated="$here/build/generated/uniffi"
rm -rf "$jni" "$generated"

# One librollsafe_ffi.so per ABI, copied by cargo-ndk into jniLibs/<abi>/. The cdylib output
# alone: with the crate's rlib output cargo would skip link-time optimisation (see
# bindings/Cargo.toml).
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni" \
    rustc --release -p rollsafe-ffi --lib --crate-type cdylib

# The bindings are generated from a built library (library mode), with the generator
# built from this workspace so it matches the UniFFI runtime exactly. The host build's
# metadata is the same as the Android one's; use the arm64 library to be explicit.
cargo build --quiet -p uniffi-bindgen
library="target/aarch64-linux-android/release/librollsafe_ffi.so"
[[ -f "$library" ]] || { echo "build-rust.sh: $library was not built" >&2; exit 1; }
target/debug/uniffi-bindgen generate "$library" --language kotlin --out-dir "$generated" --no-format

echo "build-rust.sh: libraries in $jni, bindings in $generated" >&2
