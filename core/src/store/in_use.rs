//! Knowing whether anyone else has a log open, before a file is moved aside.
//!
//! A file is only ever moved aside when SQLite itself cannot read it, and
//! even then not while another connection may hold it: a widget or a share
//! extension still writing to it would go on writing into a file nobody
//! reads, and the user would be handed an empty log. Two kinds of holder
//! are looked for:
//! - connections of this process, through a registry of the files every
//!   open [`super::Store`] (and every open in progress) holds. It must come
//!   first: POSIX locks belong to a process, so opening and closing the file
//!   here while SQLite holds it in this process would drop SQLite's locks;
//! - connections of other processes, through the locks SQLite keeps: in WAL
//!   mode every connection holds a shared lock on the database file and on
//!   its `-shm` for as long as it is open, which `fcntl(F_GETLK)` reports.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::error::Result;

/// The files held by stores of this process, one entry per holder.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// One store's (or one open in progress's) hold on a file; dropping it
/// releases the hold.
#[derive(Debug)]
pub(super) struct Hold {
    key: PathBuf,
}

impl Hold {
    /// Records that this process holds the file `key` (a canonical path).
    pub(super) fn take(key: PathBuf) -> Self {
        held().push(key.clone());
        Self { key }
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(at) = held.iter().position(|k| *k == self.key) {
            held.swap_remove(at);
        }
    }
}

/// Runs `act` (moving the file aside) only if nobody but `mine` holds the
/// file: returns `Ok(None)` and does nothing when someone does. The registry
/// stays locked meanwhile, so no store of this process opens the file
/// between the look and the move.
pub(super) fn unless_in_use<T>(
    mine: &Hold,
    path: &Path,
    act: impl FnOnce() -> Result<T>,
) -> Result<Option<T>> {
    let held = held();
    if held.iter().filter(|k| **k == mine.key).count() > 1 {
        return Ok(None);
    }
    if locked_by_another_process(path) {
        return Ok(None);
    }
    let done = act()?;
    drop(held);
    Ok(Some(done))
}

fn held() -> MutexGuard<'static, Vec<PathBuf>> {
    HELD.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether another process holds a lock on the database file or its
/// `-shm`. A file that cannot even be opened to ask counts as not locked
/// only when it does not exist.
#[cfg(unix)]
fn locked_by_another_process(path: &Path) -> bool {
    [path.to_path_buf(), super::files::with_suffix(path, "-shm")]
        .iter()
        .any(|file| lock_holder(file).unwrap_or(true))
}

/// Non-Unix platforms keep no SQLite locks to ask about; RollSafe ships on
/// Android and iOS, both Unix.
#[cfg(not(unix))]
fn locked_by_another_process(_path: &Path) -> bool {
    false
}

/// `Some(true)` when another process holds any lock on `file`, `Some(false)`
/// when none does or the file does not exist, `None` when it cannot be
/// asked.
#[cfg(unix)]
fn lock_holder(file: &Path) -> Option<bool> {
    use std::os::fd::AsRawFd;
    let handle = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(file)
    {
        Ok(handle) => handle,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(false),
        Err(_) => std::fs::File::open(file).ok()?,
    };
    // Ask whether a write lock over the whole file (every byte, to any
    // length: SQLite's lock bytes lie past the end of small files) could be
    // taken; F_GETLK never takes it.
    let mut probe = libc::flock {
        l_type: libc::F_WRLCK as libc::c_short,
        l_whence: libc::SEEK_SET as libc::c_short,
        l_start: 0,
        l_len: 0,
        l_pid: 0,
    };
    // SAFETY: `handle` is an open descriptor for the call's duration and
    // `probe` a valid, exclusively borrowed `flock` that F_GETLK fills in.
    let status = unsafe { libc::fcntl(handle.as_raw_fd(), libc::F_GETLK, &mut probe) };
    if status == -1 {
        return None;
    }
    Some(probe.l_type != libc::F_UNLCK as libc::c_short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_twice_in_this_process_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        let mine = Hold::take(path.clone());
        let other = Hold::take(path.clone());
        assert_eq!(unless_in_use(&mine, &path, || Ok(())).unwrap(), None);
        drop(other);
        assert_eq!(unless_in_use(&mine, &path, || Ok(())).unwrap(), Some(()));
    }

    #[test]
    fn a_lock_held_by_another_process_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        std::fs::write(&path, b"x").unwrap();
        assert!(!locked_by_another_process(&path));
        // flock(1) takes an flock lock, which Linux does not report through
        // F_GETLK, so the other process takes a POSIX lock with Python.
        let mut child = std::process::Command::new("python3")
            .args([
                "-c",
                "import fcntl,sys,time\nf=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_SH)\nprint('locked',flush=True)\ntime.sleep(30)",
            ])
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        assert_eq!(line.trim(), "locked");
        assert!(locked_by_another_process(&path));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(!locked_by_another_process(&path));
    }
}
