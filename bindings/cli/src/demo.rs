//! `rollsafe demo`: a realistic few weeks of use by one person, then the
//! screen the app would show.
//!
//! The story itself is in `story.rs`; this file picks the file to write,
//! never overwriting a real log, and prints what the app would show.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;
use rollsafe_core::Store;

use crate::args::DemoArgs;
use crate::{paths, render, story};

/// Runs the demo, returning a message for the user on failure.
pub fn run(options: &DemoArgs) -> Result<(), String> {
    let now = options.now.unwrap_or_else(|| Local::now().fixed_offset());
    let path = prepare_path(options.db.as_deref())?;
    let store = Store::open(&path).map_err(|e| e.to_string())?;
    story::fill(&store, now).map_err(|e| e.to_string())?;
    print!(
        "{}",
        render::home_screen(&store, &path, now).map_err(|e| e.to_string())?
    );
    Ok(())
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
