//! Writing export files without ever replacing one by accident.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::failure::Failure;

/// Writes `bytes` to a new file at `path`. An existing file is refused
/// unless `force`, and the check and the creation are one step, so no other
/// program's file can be replaced in between.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        ErrorKind::AlreadyExists => refuse(path),
        _ => Failure::input(format!("cannot write {}: {e}", path.display())),
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Failure::storage(format!("cannot write {}: {e}", path.display())))
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

/// Creates `dir` and its parents if missing.
pub fn create_dir(dir: &Path) -> Result<(), Failure> {
    fs::create_dir_all(dir)
        .map_err(|e| Failure::input(format!("cannot create {}: {e}", dir.display())))
}

fn refuse(path: &Path) -> Failure {
    Failure::input(format!(
        "{} already exists; choose another --out or add --force to replace it",
        path.display()
    ))
}
