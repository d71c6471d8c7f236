//! What every import must satisfy, whatever the bytes: shared by the fuzz
//! target and by the corpus regression test (core/tests/fuzz_corpus.rs).

use rollsafe_core::{Moment, Store};

/// The moment every fuzzed import is made at.
fn now() -> Moment {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
}

/// Imports `bytes` into an empty log and checks the invariants; panics (a
/// finding) when one breaks.
pub fn check_import(bytes: &[u8]) {
    let now = now();
    let store = Store::open_in_memory().unwrap();
    let before = store.export_backup(None, now).unwrap();
    match store.import_backup(bytes, now) {
        Err(_) => assert_eq!(
            store.export_backup(None, now).unwrap(),
            before,
            "a refused import changed the log"
        ),
        Ok(_) => {
            let once = store.export_backup(None, now).unwrap();
            store.import_backup(once.as_bytes(), now).unwrap();
            assert_eq!(
                store.export_backup(None, now).unwrap(),
                once,
                "importing the log's own backup changed it"
            );
            let other = Store::open_in_memory().unwrap();
            other.import_backup(once.as_bytes(), now).unwrap();
            assert_eq!(
                other.export_backup(None, now).unwrap(),
                once,
                "a restored log exports a different backup"
            );
        }
    }
}
