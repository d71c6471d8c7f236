//! The size floor: one UniFFI export that opens an in-memory SQLite database
//! and asks its version, so both the scaffolding and SQLite are linked in.

/// SQLite's version, or why it could not answer.
#[uniffi::export]
pub fn sqlite_version() -> String {
    rusqlite::Connection::open_in_memory()
        .and_then(|conn| conn.query_row("SELECT sqlite_version()", [], |row| row.get(0)))
        .unwrap_or_else(|e| format!("SQLite failed: {e}"))
}

uniffi::setup_scaffolding!();
