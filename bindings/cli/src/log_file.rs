//! Opening the user's log for a verb.
//!
//! `Store::open` creates a missing file, which is right for the app's first
//! start but wrong for `rollsafe status --db typo.sqlite3`: a verb that only
//! reads must say there is no log there instead of making an empty one.
//! SQLite also takes a 0-byte file for a new database: a log truncated to
//! nothing (a failed copy, a full disk) must be refused like a damaged one,
//! not quietly turned into a new, empty log where the old one was.

use std::fs;
use std::path::{Path, PathBuf};

use rollsafe_core::Store;

use crate::failure::{ErrorCode, Failure};

/// Opens the existing log at `path`; a missing file is an input error, an
/// empty one a storage failure.
pub fn open_existing(path: &Path) -> Result<Store, Failure> {
    if !path.is_file() {
        return Err(Failure::input(format!(
            "there is no RollSafe log at {} (give --db the path of an existing log, start one with `rollsafe init`, restore one with `rollsafe import BACKUP`, or try `rollsafe demo`)",
            path.display()
        ))
        .coded(ErrorCode::NoLog)
        .at_field("db"));
    }
    refuse_empty(path)?;
    Ok(Store::open(path)?)
}

/// Fails if the file at `path` exists and holds no byte: it is no log, and
/// opening it would make it one. It is left as it was.
fn refuse_empty(path: &Path) -> Result<(), Failure> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == 0 => Err(Failure::storage(format!(
            "the database at {} is empty (0 bytes), so it is not a readable RollSafe log; it was left as it was (restore a backup with `rollsafe import BACKUP --db NEW_PATH`)",
            path.display()
        ))
        .coded(ErrorCode::EmptyLog)
        .at_field("db")),
        _ => Ok(()),
    }
}

/// A log opened for a change that may create it, remembering whether it was
/// created, so a failed first change can leave no empty log behind.
pub struct Opened {
    /// The open log.
    pub store: Store,
    /// True when the file did not exist before.
    pub created: bool,
}

/// Opens the log at `path`, creating it (and its folder) if missing.
pub fn open_or_create(path: &Path) -> Result<Opened, Failure> {
    let created = !path.exists();
    refuse_empty(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| Failure::storage(format!("cannot create {}: {e}", parent.display())))?;
    }
    Ok(Opened {
        store: Store::open(path)?,
        created,
    })
}

/// Removes a log created by this run, with its WAL and shared-memory files.
/// Best effort: the log is empty, so a file left behind loses nothing.
pub fn remove_created(path: &Path) {
    for file in database_files(path) {
        let _ = fs::remove_file(file);
    }
}

/// The database file and the WAL and shared-memory files SQLite keeps
/// beside it.
pub fn database_files(path: &Path) -> [PathBuf; 3] {
    ["", "-wal", "-shm"].map(|suffix| {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        PathBuf::from(file)
    })
}
