//! The mark that a log needs its whole file read at the next open.
//!
//! A cleanly closed log is opened without reading every page (see
//! `open.rs`). When a store meets a damaged page later, in a read, a change
//! or the checkpoint's full check, it cannot move the file it holds aside
//! safely, so it leaves this mark beside it and reports the file as damaged
//! and held. The next open sees the mark, reads the whole file, and then
//! moves a damaged file aside and says where, as for any damaged file; a
//! file found sound drops the mark.

use std::path::{Path, PathBuf};

use super::files;

/// The mark beside the log at `path`: `<name>-check-due`, empty.
pub(super) fn mark_of(path: &Path) -> PathBuf {
    files::with_suffix(path, "-check-due")
}

/// Leaves the mark. A mark that cannot be written (a full disk, a folder
/// turned read-only) leaves the next open to find the damage as the store
/// did: the first read of the page.
pub(super) fn leave(path: &Path) {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let _ = options.open(mark_of(path));
}

/// True when the mark is there.
pub(super) fn is_due(path: &Path) -> bool {
    mark_of(path).exists()
}

/// Drops the mark after the whole file was read and found sound.
pub(super) fn clear(path: &Path) {
    let _ = std::fs::remove_file(mark_of(path));
}
