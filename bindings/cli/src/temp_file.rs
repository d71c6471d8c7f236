//! A file written in full beside its target before it takes the target's
//! name, so the target is always either the old file or the whole new one.
//!
//! An export can fail halfway (a full disk, a removed USB stick); written in
//! place, it would leave a truncated PDF or backup where the user's previous
//! one was. The temporary file is created owner-only (0600) in the target's
//! folder (so the final rename is one step on one file system), synced, and
//! then renamed or linked into place; if anything fails it is removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How many names to try before giving up on finding a free one.
const ATTEMPTS: u32 = 100;

/// A temporary file beside a target; removed when dropped unless placed.
pub struct TempFile {
    path: PathBuf,
    placed: bool,
}

/// How [`TempFile::place`] treats a file already at the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it, in one step.
    Replace,
    /// Keep it and fail with [`ErrorKind::AlreadyExists`].
    Keep,
}

impl TempFile {
    /// Creates a new, empty, owner-only file named `.<name>.tmp-<pid>-<n>`
    /// in the folder of `target`.
    pub fn beside(target: &Path) -> io::Result<Self> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(ErrorKind::InvalidInput, "the path does not name a file")
        })?;
        let folder = folder_of(target);
        let pid = std::process::id();
        for n in 0..ATTEMPTS {
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".tmp-{pid}-{n}"));
            let path = folder.join(temp_name);
            match owner_only_new(&path) {
                Ok(_) => {
                    return Ok(Self {
                        path,
                        placed: false,
                    });
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            ErrorKind::AlreadyExists,
            "no free name for a temporary file",
        ))
    }

    /// Writes `bytes` as the whole content and syncs it to the disk.
    pub fn write_all(&self, bytes: &[u8]) -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).open(&self.path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// Gives the written file the name `target`, in one step; `existing`
    /// says what happens to a file already there. On failure the target is
    /// as it was (and the temporary file is removed when dropped).
    pub fn place(mut self, target: &Path, existing: Existing) -> io::Result<()> {
        match existing {
            Existing::Replace => fs::rename(&self.path, target)?,
            Existing::Keep => self.place_new(target)?,
        }
        self.placed = true;
        // Make the new name itself durable; the content already is.
        if let Ok(folder) = File::open(folder_of(target)) {
            let _ = folder.sync_all();
        }
        Ok(())
    }

    /// Links the file to `target`, which the file system refuses in the same
    /// step if `target` exists. Where links are not supported (FAT on a USB
    /// stick), the name is claimed first by creating an empty owner-only
    /// file, which is then replaced.
    fn place_new(&self, target: &Path) -> io::Result<()> {
        match fs::hard_link(&self.path, target) {
            Ok(()) => {
                let _ = fs::remove_file(&self.path);
                Ok(())
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
            Err(_) => {
                owner_only_new(target)?;
                fs::rename(&self.path, target).inspect_err(|_| {
                    let _ = fs::remove_file(target);
                })
            }
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Creates a new file readable and writable by its owner only; fails if
/// the name is taken.
fn owner_only_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        let temp = TempFile::beside(&target).unwrap();
        temp.write_all(b"half").unwrap();
        drop(temp);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn keep_refuses_an_existing_target_and_replace_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        fs::write(&target, "old").unwrap();
        let temp = TempFile::beside(&target).unwrap();
        temp.write_all(b"new").unwrap();
        let error = temp.place(&target, Existing::Keep).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        let temp = TempFile::beside(&target).unwrap();
        temp.write_all(b"new").unwrap();
        temp.place(&target, Existing::Replace).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_taken_temporary_name_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        let first = TempFile::beside(&target).unwrap();
        let second = TempFile::beside(&target).unwrap();
        assert_ne!(first.path, second.path);
    }
}
