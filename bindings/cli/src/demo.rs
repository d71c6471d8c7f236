//! `rollsafe demo`: a realistic few weeks of use by one person, then the
//! screen the app would show and the dermatologist's PDF.
//!
//! The story itself is in `story.rs`; this file picks the files to write,
//! never overwriting a real log or someone's document, and prints what the
//! app would show.

use std::fs;
use std::path::{Path, PathBuf};

use rollsafe_core::Store;
use rollsafe_core::report::ReportOptions;

use crate::args::DemoArgs;
use crate::failure::Failure;
use crate::{clock, paths, story, text, verbs};

/// The files the demo writes.
struct DemoFiles {
    /// The demo store.
    db: PathBuf,
    /// The dermatologist's PDF beside it.
    report: PathBuf,
    /// True for the default demo's files, which every run replaces.
    replace: bool,
}

/// Runs the demo: fills a new store, prints its home screen (the same as
/// `rollsafe status`), then writes the dermatologist's PDF of the whole log
/// beside the store and says where.
/// With `--json`, the home screen is printed as `rollsafe status --json`
/// prints it, the report's file after it in a `report` field.
pub fn run(options: &DemoArgs, json: bool) -> Result<(), Failure> {
    let now = clock::now_or_clock(options.now);
    let files = prepare(options.db.as_deref()).map_err(Failure::input)?;
    let store = Store::open(&files.db)?;
    story::fill(&store, now)?;
    let status = verbs::status::fetch(&store, &files.db, now)?;
    if !json {
        verbs::print(&text::status::render(&status))?;
    }
    let written = verbs::report::write(
        &store,
        &ReportOptions::default(),
        now,
        &files.report,
        files.replace,
        None,
    )?;
    if json {
        let view = DemoView {
            status,
            report: crate::output::written(&[(&written.path, written.bytes)], false),
        };
        return verbs::print(&crate::view::to_json("demo", &view)?);
    }
    verbs::print(&format!(
        "\nThe dermatologist's report (PDF, the whole log, A4): {}\n",
        written.describe()
    ))
}

/// What `rollsafe demo --json` prints.
#[derive(serde::Serialize)]
struct DemoView {
    /// The home screen, as `rollsafe status --json`.
    #[serde(flatten)]
    status: crate::view::status::StatusView,
    /// The report written beside the store.
    report: crate::view::actions::WrittenView,
}

/// `<stem>-report.pdf` beside the store `db`.
fn report_beside(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map_or_else(|| "demo".into(), |s| s.to_string_lossy());
    db.with_file_name(format!("{stem}-report.pdf"))
}

/// Picks the demo's files. The default demo's are replaced; for any other
/// path an existing store or report is refused before anything is written,
/// so the demo can never overwrite a real log or document.
fn prepare(requested: Option<&Path>) -> Result<DemoFiles, String> {
    let files = match requested {
        Some(db) => {
            let report = report_beside(db);
            if let Some(existing) = [db, report.as_path()].into_iter().find(|p| p.exists()) {
                return Err(format!(
                    "{} already exists; the demo only writes new files (choose another --db)",
                    existing.display()
                ));
            }
            DemoFiles {
                db: db.to_path_buf(),
                report,
                replace: false,
            }
        }
        None => {
            let db = paths::default_demo_db();
            remove_database_files(&db)?;
            DemoFiles {
                report: report_beside(&db),
                db,
                replace: true,
            }
        }
    };
    if let Some(parent) = files.db.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    Ok(files)
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
