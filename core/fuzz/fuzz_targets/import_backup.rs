//! Fuzzes the JSON backup import with arbitrary bytes: it never panics, a
//! refused document changes nothing, and an accepted one exports and
//! re-imports to the same document.
#![no_main]

mod import_check;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| import_check::check_import(bytes));
