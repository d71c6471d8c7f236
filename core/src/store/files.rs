//! Guarding the database file: what to do when it is damaged, read-only or
//! about to be migrated.
//!
//! A health log must never be lost: a file RollSafe cannot read is moved
//! aside and kept, never deleted or overwritten, and before a migration
//! changes a file a consistent copy of it is taken.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};

use crate::error::{Error, Result};

/// The SQLite file-header magic string.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the header of an existing, non-empty file before SQLite opens it:
/// the magic string, and that the file is not shorter than the database size
/// the header records (a truncated copy or a failed download).
pub(super) fn header_is_sound(path: &Path) -> Result<bool> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(Error::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let len = file
        .metadata()
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    if len == 0 {
        return Ok(true);
    }
    let mut header = [0_u8; 100];
    if len < 100 || file.read_exact(&mut header).is_err() {
        return Ok(false);
    }
    if header.get(..16) != Some(MAGIC.as_slice()) {
        return Ok(false);
    }
    let be16 = |at: usize| {
        header
            .get(at..at + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map_or(0, u16::from_be_bytes)
    };
    let be32 = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_be_bytes)
    };
    let page_size = match be16(16) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    // The size in the header is valid only when these two counters agree.
    let size_is_valid = be32(24) == be32(92);
    Ok(!(size_is_valid && pages > 0 && len < page_size * pages))
}

/// True for the SQLite errors that mean "this is not a readable database".
pub(super) fn means_damaged(error: &Error) -> bool {
    matches!(
        error,
        Error::Sqlite(e) if matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
        )
    )
}

/// True for the SQLite errors that mean "this file cannot be written".
pub(super) fn means_read_only(error: &Error) -> bool {
    matches!(
        error,
        Error::Sqlite(e) if matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
        )
    )
}

/// Moves a damaged database and its WAL and shared-memory files aside, to
/// the first free `<name>.damaged-N`, and returns where the database went.
/// Never overwrites anything.
pub(super) fn move_aside(path: &Path) -> Result<PathBuf> {
    let target = first_free(path, "damaged")?;
    for suffix in ["", "-wal", "-shm"] {
        let from = with_suffix(path, suffix);
        if from.exists() {
            let to = with_suffix(&target, suffix);
            fs::rename(&from, &to).map_err(|source| Error::Io {
                path: from.clone(),
                source,
            })?;
        }
    }
    Ok(target)
}

/// Takes a consistent copy of the database before a migration, to the first
/// free `<name>.v<version>-backup-N`, and returns where it went.
pub(super) fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: u32,
) -> Result<PathBuf> {
    let target = first_free(path, &format!("v{version}-backup"))?;
    let text = target.to_str().ok_or_else(|| Error::Io {
        path: target.clone(),
        source: std::io::Error::other("the backup path is not valid UTF-8"),
    })?;
    conn.execute("VACUUM INTO ?1", [text])?;
    Ok(target)
}

fn first_free(path: &Path, label: &str) -> Result<PathBuf> {
    (1..10_000)
        .map(|n| with_suffix(path, &format!(".{label}-{n}")))
        .find(|candidate| {
            !candidate.exists()
                && !with_suffix(candidate, "-wal").exists()
                && !with_suffix(candidate, "-shm").exists()
        })
        .ok_or_else(|| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!("no free name for a {label} copy")),
        })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_before_migration_is_a_consistent_copy_beside_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);",
        )
        .unwrap();
        let first = backup_before_migration(&conn, &path, 1).unwrap();
        let second = backup_before_migration(&conn, &path, 1).unwrap();
        assert_ne!(first, second, "an earlier backup is never overwritten");
        assert!(first.to_string_lossy().ends_with("log.sqlite3.v1-backup-1"));
        let copy = Connection::open(&first).unwrap();
        let rows: i64 = copy
            .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 3);
    }

    #[test]
    fn headers_are_checked_for_magic_and_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.sqlite3");
        assert!(header_is_sound(&missing).unwrap(), "a new file is fine");
        let text = dir.path().join("text.sqlite3");
        fs::write(&text, [b'x'; 200]).unwrap();
        assert!(!header_is_sound(&text).unwrap());
    }
}
