//! The copy kept before a migration: one per version, kept when a later
//! attempt finds it whole (it is compared read-only and immutable, so the
//! comparison writes nothing beside it), and two first opens at once both
//! succeed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use std::path::Path;

use rollsafe_core::Store;

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-v1.sqlite3"
    ))
}

#[test]
fn the_copy_before_a_migration_is_kept_once_and_compared_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.sqlite3");
    std::fs::copy(fixture(), &log).unwrap();
    let copy = {
        let store = Store::open(&log).unwrap();
        store.migration_copy().unwrap().to_path_buf()
    };
    // The same old log again: the copy is compared with it and kept.
    std::fs::remove_file(&log).unwrap();
    std::fs::copy(fixture(), &log).unwrap();
    let store = Store::open(&log).unwrap();
    assert_eq!(store.migration_copy(), Some(copy.as_path()));
    let names = support::file_names(dir.path());
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("log.sqlite3.v1-backup-")),
        "{names:?}"
    );
    assert!(
        names.contains(&"log.sqlite3.v1-backup".to_owned()),
        "{names:?}"
    );
}

/// Two first opens of an old log at once (the app and its widget after an
/// update): both open it. Before, the one that lost the race to switch the
/// file to WAL failed at once with "database is locked" (about 1 round in
/// 40); the version and the tables are also read in one snapshot, so a
/// migration committed between the two reads cannot make the file look
/// like something other than a RollSafe log.
#[test]
fn two_first_opens_at_once_both_open_the_log() {
    for round in 0..40 {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log.sqlite3");
        std::fs::copy(fixture(), &log).unwrap();
        let start = std::sync::Barrier::new(2);
        let results: Vec<_> = std::thread::scope(|s| {
            let openers: Vec<_> = (0..2)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        Store::open(&log).map(|_| ())
                    })
                })
                .collect();
            openers.into_iter().map(|t| t.join().unwrap()).collect()
        });
        for result in results {
            assert!(result.is_ok(), "round {round}: {result:?}");
        }
    }
}
