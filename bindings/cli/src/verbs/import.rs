//! `rollsafe import`: merges a JSON backup into the log. The core checks the
//! whole document first and merges it in one transaction, so a bad document
//! changes nothing; this verb also leaves no empty log behind when the log
//! was created for an import that failed. A sealed backup (the core tells it
//! by its bytes, whatever its name) is opened first, with the passphrase
//! from the environment, before the log is touched.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rollsafe_core::Error;
use rollsafe_core::export::backup::MAX_BACKUP_BYTES;
use rollsafe_core::export::seal;

use crate::args::ImportArgs;
use crate::failure::Failure;
use crate::view::import::{ImportView, counts};
use crate::view::safety::AlertView;
use crate::{clock, log_file, paths, sealing, text, view};

/// Runs `rollsafe import`.
pub fn run(args: &ImportArgs, json: bool) -> Result<(), Failure> {
    let mut bytes = read_document(&args.file)?;
    if seal::is_sealed(&bytes) {
        bytes = sealing::open(&bytes, &args.file)?;
    }
    let path = paths::db_or_default(args.db.db.as_deref());
    let now = clock::now_or_clock(args.now.now);
    let opened = log_file::open_or_create(&path)?;
    let created = opened.created;
    let result = opened.store.import_backup(&bytes, now);
    drop(opened);
    let changed = match result {
        Ok(changed) => changed,
        Err(error) => {
            if created {
                log_file::remove_created(&path);
            }
            return Err(failure(error, &args.file));
        }
    };
    let report = ImportView {
        db: path.display().to_string(),
        created,
        records: counts(&changed.value),
        alerts: changed.alerts.iter().map(AlertView::from).collect(),
    };
    let out = if json {
        view::to_json("import", &report)?
    } else {
        text::import::render(&report)
    };
    super::print(&out)
}

/// Reads the backup, never more than one byte past the largest the core
/// accepts, sealed (so 100 MB of junk is refused by the core without being
/// read whole).
fn read_document(path: &Path) -> Result<Vec<u8>, Failure> {
    let cannot = |e: std::io::Error| Failure::input(format!("cannot read {}: {e}", path.display()));
    let file = File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    // Sealing adds a header and 16 bytes per 64 KiB chunk.
    let sealed_max = MAX_BACKUP_BYTES + MAX_BACKUP_BYTES / 4096 + 4096;
    let limit = u64::try_from(sealed_max).unwrap_or(u64::MAX);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(bytes)
}

/// The failure for `error`; one about the document names the file too.
fn failure(error: Error, file: &Path) -> Failure {
    let about_document = matches!(error, Error::BadDocument { .. });
    let failure = Failure::from(error);
    if about_document {
        failure.with_context(&format!("{}: ", file.display()))
    } else {
        failure
    }
}
