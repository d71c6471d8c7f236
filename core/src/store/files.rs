//! Guarding the database file: moving a damaged one aside, and keeping one
//! good copy of it before a migration changes it.
//!
//! A health log must never be lost: a file SQLite cannot read is moved aside
//! and kept, never deleted or overwritten (and never while another
//! connection holds it, see [`super::in_use`]). Before a migration changes a
//! file, a consistent copy of it is written under a temporary name and only
//! renamed into place once complete, so a copy that exists is always whole.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::Backup;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

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
/// Never overwrites anything. The caller makes sure nobody holds the file.
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

/// Keeps a copy of the database as it is before a migration from schema
/// `version`, at `<name>.v<version>-backup`, and returns where it is.
///
/// The caller holds the write lock on another connection, so no other
/// process changes the file or migrates it meanwhile; `conn` must not be
/// writing (SQLite's backup refuses a source in a write transaction). The
/// copy is
/// written to `<name>.v<version>-backup.partial` and renamed into place only
/// when complete and on disk; a partial copy left by an earlier attempt
/// that was killed is replaced (the original is still intact then: the
/// migration never committed). One copy per version: when a complete copy
/// of this very log already exists (an earlier attempt failed or was killed
/// after copying), it is kept and no other is made; a copy of a different
/// log under that name is never overwritten, and this one goes to the first
/// free `<name>.v<version>-backup-N`.
pub(super) fn keep_copy_before_migration(
    conn: &Connection,
    path: &Path,
    version: u32,
) -> Result<PathBuf> {
    let label = format!("v{version}-backup");
    let mut target = with_suffix(path, &format!(".{label}"));
    if target.exists() {
        if same_content(conn, &target)? {
            return Ok(target);
        }
        target = first_free(path, &label)?;
    }
    let partial = with_suffix(&target, ".partial");
    remove_partial(&partial);
    let copied = copy_to(conn, &partial).and_then(|()| rename_durably(&partial, &target));
    if copied.is_err() {
        remove_partial(&partial);
    }
    copied.map(|()| target)
}

/// Writes a consistent copy of `conn`'s database to a new file at `to`,
/// synced to disk.
fn copy_to(conn: &Connection, to: &Path) -> Result<()> {
    let mut copy = Connection::open(to)?;
    copy.pragma_update(None, "synchronous", "FULL")?;
    let done = Backup::new(conn, &mut copy)?.step(-1)?;
    if done != rusqlite::backup::StepResult::Done {
        return Err(Error::Inconsistent(format!(
            "the copy before migrating stopped early ({done:?})"
        )));
    }
    copy.close().map_err(|(_, e)| Error::from(e))
}

/// Renames `from` to `to` and syncs the folder, so the new name survives a
/// power loss.
fn rename_durably(from: &Path, to: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    fs::rename(from, to).map_err(io(from))?;
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(io(folder))?;
    }
    Ok(())
}

/// Removes an incomplete copy of ours and its rollback journal, if any.
fn remove_partial(partial: &Path) {
    for suffix in ["", "-journal"] {
        let _ = fs::remove_file(with_suffix(partial, suffix));
    }
}

/// Whether the database at `copy` holds exactly what `conn` holds (same
/// schema, same rows): a digest of every table, read in storage order.
fn same_content(conn: &Connection, copy: &Path) -> Result<bool> {
    // Immutable and read-only: reading the copy writes nothing beside it
    // (a copy in WAL mode, from an earlier version, would get a -shm).
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(other) = Connection::open_with_flags(immutable_uri(copy), flags) else {
        return Ok(false);
    };
    let theirs = content_digest(&other).ok();
    Ok(theirs.is_some() && theirs == Some(content_digest(conn)?))
}

/// A `file:` URI for `path` that opens it as immutable: every byte outside
/// the unreserved set is percent-encoded, so `?`, `#` and `%` in a folder's
/// name cannot change what is opened.
fn immutable_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// A SHA-1 over the schema and every row of every table.
fn content_digest(conn: &Connection) -> Result<[u8; 20]> {
    let mut hash = sha1_smol::Sha1::new();
    let tables: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' \
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, sql) in tables {
        hash.update(sql.as_bytes());
        let quoted = name.replace('"', "\"\"");
        let mut rows = conn.prepare(&format!("SELECT * FROM \"{quoted}\""))?;
        let columns = rows.column_count();
        let mut rows = rows.query([])?;
        while let Some(row) = rows.next()? {
            for column in 0..columns {
                digest_value(&mut hash, row.get_ref(column)?);
            }
        }
    }
    Ok(hash.digest().bytes())
}

fn digest_value(hash: &mut sha1_smol::Sha1, value: rusqlite::types::ValueRef<'_>) {
    use rusqlite::types::ValueRef;
    let (tag, bytes): (u8, Vec<u8>) = match value {
        ValueRef::Null => (0, Vec::new()),
        ValueRef::Integer(i) => (1, i.to_le_bytes().to_vec()),
        ValueRef::Real(f) => (2, f.to_le_bytes().to_vec()),
        ValueRef::Text(t) => (3, t.to_vec()),
        ValueRef::Blob(b) => (4, b.to_vec()),
    };
    hash.update(&[tag]);
    hash.update(&(bytes.len() as u64).to_le_bytes());
    hash.update(&bytes);
}

fn first_free(path: &Path, label: &str) -> Result<PathBuf> {
    (1..10_000)
        .map(|n| with_suffix(path, &format!(".{label}-{n}")))
        .find(|candidate| {
            !candidate.exists()
                && !with_suffix(candidate, "-wal").exists()
                && !with_suffix(candidate, "-shm").exists()
                && !with_suffix(candidate, ".partial").exists()
        })
        .ok_or_else(|| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!("no free name for a {label} copy")),
        })
}

/// `path` with `suffix` appended to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_with_rows(path: &Path, rows: &str) -> Connection {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES {rows};"
        ))
        .unwrap();
        conn
    }

    #[test]
    fn one_complete_copy_per_version_and_never_a_partial_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        let conn = log_with_rows(&path, "(1), (2), (3)");
        // A partial copy left by a killed attempt, with its hot journal.
        fs::write(dir.path().join("log.sqlite3.v1-backup.partial"), b"half").unwrap();
        fs::write(
            dir.path().join("log.sqlite3.v1-backup.partial-journal"),
            b"j",
        )
        .unwrap();
        let first = keep_copy_before_migration(&conn, &path, 1).unwrap();
        let again = keep_copy_before_migration(&conn, &path, 1).unwrap();
        assert_eq!(first, again, "a copy of the same log is made once");
        assert!(first.to_string_lossy().ends_with("log.sqlite3.v1-backup"));
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("backup"))
            .collect();
        crate::sorting::sort(&mut names);
        assert_eq!(names, ["log.sqlite3.v1-backup"]);
        let copy = Connection::open(&first).unwrap();
        let rows: i64 = copy
            .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 3);
    }

    #[test]
    fn a_copy_of_another_log_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        let conn = log_with_rows(&path, "(1)");
        let first = keep_copy_before_migration(&conn, &path, 1).unwrap();
        conn.execute("INSERT INTO t VALUES (2)", []).unwrap();
        let second = keep_copy_before_migration(&conn, &path, 1).unwrap();
        assert_ne!(first, second);
        assert!(
            second
                .to_string_lossy()
                .ends_with("log.sqlite3.v1-backup-1")
        );
        let count = |p: &Path| -> i64 {
            Connection::open(p)
                .unwrap()
                .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!((count(&first), count(&second)), (1, 2));
    }
}
