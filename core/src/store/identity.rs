//! Noticing that the file a store writes to is no longer the file at its
//! path.
//!
//! An open SQLite connection follows its file, not its name: if the file is
//! moved aside, deleted or replaced while a store has it open (by another
//! process, a file manager, a restore from a backup), the store would go on
//! writing into a file nobody will read again. Every write first compares
//! the file at the path with the one opened (device and inode: one `stat`,
//! about a microsecond) and refuses with [`Error::Moved`] when they differ.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The file a store opened, as the file system identifies it.
#[derive(Debug)]
pub(super) struct FileIdentity {
    path: PathBuf,
    #[cfg(unix)]
    id: (u64, u64),
}

impl FileIdentity {
    /// The identity of the file now at `path`.
    pub(super) fn of(path: &Path) -> Result<Self> {
        Ok(Self {
            path: path.to_path_buf(),
            #[cfg(unix)]
            id: current(path).ok_or_else(|| Error::Moved {
                path: path.to_path_buf(),
            })?,
        })
    }

    /// Whether the file at the path is still the one opened.
    pub(super) fn is_current(&self) -> bool {
        #[cfg(unix)]
        {
            current(&self.path) == Some(self.id)
        }
        #[cfg(not(unix))]
        {
            true
        }
    }

    /// The path the file was opened at.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses with [`Error::Moved`] when the file at the path is no longer
    /// the one opened.
    pub(super) fn check(&self) -> Result<()> {
        if self.is_current() {
            Ok(())
        } else {
            Err(Error::Moved {
                path: self.path.clone(),
            })
        }
    }
}

#[cfg(unix)]
fn current(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}
