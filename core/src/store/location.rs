//! Where a log may live: the checks made on a path before SQLite sees it.
//!
//! SQLite accepts more than file paths: `""` and `":memory:"` open a
//! throwaway database that vanishes with the connection, a folder or a
//! dangling link fails later with an unhelpful error, a missing folder
//! looks like a read-only one, and a file with two names (a hard link) gets
//! a journal per name, so two stores could corrupt it. Each of these gets a typed refusal here, and
//! nothing on disk is touched (no file is opened, created or moved).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Checks that `path` names a file RollSafe may open or create, and returns
/// the canonical form that identifies it within this process (the same file
/// reached by two spellings gives one key).
pub(super) fn validate(path: &Path) -> Result<PathBuf> {
    let text = path.as_os_str();
    if text.is_empty() {
        return Err(refused("is empty"));
    }
    if text == ":memory:" || path.to_string_lossy().starts_with("file:") {
        return Err(refused(
            "names an SQLite in-memory database or URI, not a file (use open_in_memory for a throwaway log)",
        ));
    }
    match fs::symlink_metadata(path) {
        Ok(meta) => existing(path, meta.file_type().is_symlink()),
        Err(e) if e.kind() == ErrorKind::NotFound => missing(path),
        Err(e) => Err(io_error(path, e)),
    }
}

/// `path` made absolute against the working folder, links left as they are
/// (the name the user gave is the one watched for a replaced file).
pub(super) fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| io_error(path, e))
}

/// An entry exists at the path: it must be (or link to) a regular file.
fn existing(path: &Path, is_link: bool) -> Result<PathBuf> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound && is_link => {
            return Err(refused("is a symbolic link to a file that does not exist"));
        }
        Err(e) => return Err(io_error(path, e)),
    };
    if meta.is_dir() {
        return Err(refused("is a folder, not a file"));
    }
    if !meta.is_file() {
        return Err(refused("is not a regular file"));
    }
    if has_other_names(&meta) {
        return Err(refused(
            "has another name (a hard link): SQLite keeps a journal per name, so two names could corrupt the log; remove the other name",
        ));
    }
    fs::canonicalize(path).map_err(|e| io_error(path, e))
}

/// Nothing exists at the path yet: its folder must, so the log can be made.
fn missing(path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| refused("does not end in a file name"))?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(refused("is inside something that is not a folder")),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(refused("is in a folder that does not exist"));
        }
        Err(e) if e.kind() == ErrorKind::PermissionDenied => {
            return Err(Error::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(io_error(path, e)),
    }
    Ok(fs::canonicalize(folder)
        .map_err(|e| io_error(path, e))?
        .join(name))
}

/// Whether the file is reachable by more than one name.
#[cfg(unix)]
fn has_other_names(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

#[cfg(not(unix))]
fn has_other_names(_meta: &fs::Metadata) -> bool {
    false
}

fn refused(reason: &str) -> Error {
    Error::invalid("path", reason)
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_of(path: &Path) -> String {
        match validate(path) {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(field, "path");
                reason
            }
            other => panic!("expected InvalidInput for {path:?}, got {other:?}"),
        }
    }

    #[test]
    fn sqlite_special_names_are_refused() {
        assert!(reason_of(Path::new("")).contains("empty"));
        assert!(reason_of(Path::new(":memory:")).contains("in-memory"));
        assert!(reason_of(Path::new("file:log.sqlite3?mode=memory")).contains("URI"));
    }

    #[test]
    fn folders_links_and_missing_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(reason_of(dir.path()).contains("folder"));
        assert!(reason_of(&dir.path().join("no/such/log.sqlite3")).contains("does not exist"));
        let link = dir.path().join("link.sqlite3");
        std::os::unix::fs::symlink(dir.path().join("gone.sqlite3"), &link).unwrap();
        assert!(reason_of(&link).contains("symbolic link"));
    }

    #[test]
    fn a_log_with_a_second_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log.sqlite3");
        fs::write(&log, b"").unwrap();
        assert!(validate(&log).is_ok());
        let other = dir.path().join("other.sqlite3");
        fs::hard_link(&log, &other).unwrap();
        assert!(reason_of(&other).contains("hard link"));
        assert!(reason_of(&log).contains("hard link"));
        fs::remove_file(&other).unwrap();
        assert!(validate(&log).is_ok());
    }

    #[test]
    fn two_spellings_of_one_file_give_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("log.sqlite3");
        let dotted = dir.path().join(".").join("log.sqlite3");
        assert_eq!(validate(&plain).unwrap(), validate(&dotted).unwrap());
        fs::write(&plain, b"").unwrap();
        assert_eq!(validate(&plain).unwrap(), validate(&dotted).unwrap());
    }
}
