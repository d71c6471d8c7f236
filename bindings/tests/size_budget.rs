//! The release library must stay small enough for a phone app: this test
//! builds it the way every release script does (`cargo rustc --release -p
//! rollsafe-ffi --lib --crate-type cdylib`, cached in target/ like any
//! build, so only a change to the code rebuilds it), strips a copy of every
//! symbol the loader does not need, and fails if that copy is larger than
//! the budget for this architecture in bindings/size-budget.txt.
//!
//! Why not `cargo build`: the crate is also a Rust library (`lib`, for the
//! tests here), and when a crate's outputs include an rlib, cargo silently
//! builds its cdylib without link-time optimisation (rust-lang/cargo#4611,
//! #9672), which made the library some 570 KB larger. Naming the one output
//! wanted restores `lto = true`.
//!
//! Only x86_64 Linux can be built on the test machines; the Android and iOS
//! targets need SDKs that are not installed, so their budgets are not
//! checked here (tests/bench/run reports the same figure with the floor of
//! a minimal UniFFI + SQLite library and what each dependency costs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// The budget in bytes for `arch`, read from bindings/size-budget.txt
/// (`<arch> <bytes>` lines; `#` starts a comment).
fn budget(arch: &str) -> u64 {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/size-budget.txt");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .find_map(|l| {
            let (name, bytes) = l.split_once(char::is_whitespace)?;
            (name == arch).then(|| bytes.trim().replace('_', "").parse().unwrap())
        })
        .unwrap_or_else(|| panic!("{path} has no budget for {arch}"))
}

/// Builds the release library (the cdylib alone, so that it is link-time
/// optimised) and returns the path of the shared object.
fn build_release_library() -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args([
            "rustc",
            "--release",
            "--locked",
            "-p",
            "rollsafe-ffi",
            "--lib",
            "--crate-type",
            "cdylib",
            "--message-format=json-render-diagnostics",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the release build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "rollsafe_ffi")
        .flat_map(|m| m["filenames"].as_array().cloned().unwrap_or_default())
        .filter_map(|f| f.as_str().map(PathBuf::from))
        .find(|f| f.extension().is_some_and(|e| e == "so"))
        .expect("cargo reported the built librollsafe_ffi.so")
}

#[test]
fn the_stripped_release_library_fits_its_budget() {
    let library = build_release_library();
    let dir = tempfile::tempdir().unwrap();
    let stripped = dir.path().join("librollsafe_ffi.so");
    let status = Command::new("strip")
        .arg("--strip-all")
        .arg("-o")
        .arg(&stripped)
        .arg(&library)
        .status()
        .expect("strip (binutils) runs");
    assert!(status.success(), "strip failed on {}", library.display());
    let size = std::fs::metadata(&stripped).unwrap().len();
    let arch = std::env::consts::ARCH;
    let budget = budget(arch);
    println!("stripped release library, {arch}: {size} bytes (budget {budget})");
    assert!(
        size <= budget,
        "the stripped release library for {arch} is {size} bytes, over its budget of {budget} \
         bytes (bindings/size-budget.txt). Find what grew with tests/bench/run (per-crate \
         sizes), and raise the budget only as a decision, noted in tests/bench/README.md \
         (its size budget paragraph)."
    );
}
