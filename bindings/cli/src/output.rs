//! Writing export files: owner-only, whole or not at all, and never
//! replacing one by accident.
//!
//! An export holds the user's health log, so each file is readable by its
//! owner only (0600), and a folder made for one is the owner's only (0700).
//! Each file is written in full beside its target first and then takes the
//! target's name in one step ([`TempFile`]), so a full disk leaves the file
//! that was there before untouched.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use crate::view::actions::{FileView, WrittenView};

use crate::failure::Failure;
use crate::temp_file::{Existing, TempFile};

/// True when `--out` names standard output (`-`).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The view of files written, for `--json`.
pub fn written(files: &[(&Path, usize)], sealed: bool) -> WrittenView {
    WrittenView {
        files: files
            .iter()
            .map(|(path, bytes)| FileView {
                path: path.display().to_string(),
                bytes: *bytes,
            })
            .collect(),
        sealed,
    }
}

/// Writes `bytes` to standard output as they are.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::storage(format!("cannot write to standard output: {e}")))
}

/// Writes `bytes` to the file at `path`. An existing file is refused
/// unless `force`; with `force` it is replaced in one step, only once the
/// new content is written in full. Refusing an existing file and naming
/// the new one are one step too, so no other program's file can be
/// replaced in between.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    if !force && path.exists() {
        return Err(refuse(path));
    }
    let temp = TempFile::beside(path).map_err(|e| match e.kind() {
        ErrorKind::StorageFull => cannot_write(path, &e),
        _ => Failure::input(format!("cannot write {}: {e}", path.display())),
    })?;
    temp.write_all(bytes).map_err(|e| cannot_write(path, &e))?;
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    temp.place(path, existing).map_err(|e| match e.kind() {
        ErrorKind::AlreadyExists => refuse(path),
        _ => cannot_write(path, &e),
    })
}

/// Fails, naming the first, if any of `names` already exists in `dir`
/// (unless `force`): checked before anything is written, so a refused export
/// writes nothing.
pub fn check_free(dir: &Path, names: &[&str], force: bool) -> Result<(), Failure> {
    match names.iter().map(|n| dir.join(n)).find(|p| p.exists()) {
        Some(existing) if !force => Err(refuse(&existing)),
        _ => Ok(()),
    }
}

/// Creates `dir` and its parents if missing, for their owner only.
pub fn create_dir(dir: &Path) -> Result<(), Failure> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| Failure::input(format!("cannot create {}: {e}", dir.display())))
}

/// Writing failed after it began (a full disk): a storage failure, and the
/// file that was at `path` before, if any, is as it was.
fn cannot_write(path: &Path, error: &std::io::Error) -> Failure {
    Failure::storage(format!(
        "cannot write {}: {error}; any file already there was left as it was",
        path.display()
    ))
}

fn refuse(path: &Path) -> Failure {
    Failure::input(format!(
        "{} already exists; choose another --out or add --force to replace it",
        path.display()
    ))
    .coded(crate::failure::ErrorCode::FileExists)
    .at_field("out")
}
