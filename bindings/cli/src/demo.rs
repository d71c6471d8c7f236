//! `rollsafe demo`: a realistic few weeks of use by one person, then the
//! screen the app would show.
//!
//! The story itself is in `story.rs`; this file picks the file to write,
//! never overwriting a real log, and prints what the app would show.

use std::fs;
use std::path::{Path, PathBuf};

use rollsafe_core::Store;

use crate::args::DemoArgs;
use crate::failure::Failure;
use crate::{clock, paths, story, text, verbs};

/// Runs the demo: fills a new store, then prints its home screen (the same
/// as `rollsafe status`).
pub fn run(options: &DemoArgs) -> Result<(), Failure> {
    let now = clock::now_or_clock(options.now);
    let path = prepare_path(options.db.as_deref()).map_err(Failure::input)?;
    let store = Store::open(&path)?;
    story::fill(&store, now)?;
    let status = verbs::status::fetch(&store, &path, now)?;
    verbs::print(&text::status::render(&status))
}

/// Picks the demo file. The default demo file is replaced; any other
/// existing file is refused, so the demo can never overwrite a real log.
fn prepare_path(requested: Option<&Path>) -> Result<PathBuf, String> {
    let path = match requested {
        Some(path) if path.exists() => {
            return Err(format!(
                "{} already exists; the demo only writes a new file (choose another --db)",
                path.display()
            ));
        }
        Some(path) => path.to_path_buf(),
        None => {
            let path = paths::default_demo_db();
            remove_database_files(&path)?;
            path
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    Ok(path)
}

/// Removes a previous demo database with its WAL and shared-memory files.
fn remove_database_files(path: &Path) -> Result<(), String> {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot replace the old demo store: {e}")),
        }
    }
    Ok(())
}
