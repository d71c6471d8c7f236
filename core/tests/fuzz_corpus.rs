//! Runs every input of the committed fuzz corpus (core/fuzz/corpus), the
//! minimised inputs of the runs so far and every input that once found a
//! bug, through the same check the fuzz target makes, on stable Rust.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

#[path = "../fuzz/fuzz_targets/import_check.rs"]
mod import_check;

#[test]
fn every_corpus_input_keeps_the_import_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_backup");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rollsafe_core::sorting::sort(&mut inputs);
    assert!(
        inputs.len() >= 10,
        "the corpus at {} is missing",
        dir.display()
    );
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| import_check::check_import(&bytes));
        assert!(outcome.is_ok(), "{} breaks the import", path.display());
    }
}
