//! Writing the log out as a backup document, and merging one back in.
//!
//! The document format, its parsing and the period cut live in
//! [`crate::backup`]; this module holds what needs the tables.

mod check;
mod read;
mod write;

pub use write::{ImportCount, ImportSummary};

use rusqlite::Connection;

use super::devices::all_devices;
use super::{Snapshot, Store};
use crate::alert::Changed;
use crate::backup::document::{BackupDocument, FORMAT, VERSION};
use crate::backup::{parse, within};
use crate::error::Result;
use crate::period::Period;
use crate::time::{self, Moment};

impl Store {
    /// The log as a backup document (JSON), or the part of it in `period`
    /// with what that part refers to. Deterministic: the same log and `now`
    /// give the same bytes.
    pub fn export_backup(&self, period: Option<Period>, now: Moment) -> Result<String> {
        let now = time::check_plausible("now", now)?;
        let whole = self.read(|tx| read_all(tx, &now))?;
        document_text(whole, period)
    }

    /// Imports a backup document (the bytes of a JSON file) into this log:
    /// into an empty log it restores everything; into one in use it adds
    /// what is new and brings records up to date by their stable ids.
    ///
    /// The whole document is checked before anything is written, by the
    /// rules the API applied when each record was made (a date is compared
    /// with the moment its record was entered, not with `now`), and it is
    /// merged in one transaction: on any error
    /// ([`crate::Error::BadDocument`] names the place in the document)
    /// nothing changed. Afterwards the log is re-assessed as of `now`, and
    /// any change of risk level is returned as alerts.
    pub fn import_backup(&self, bytes: &[u8], now: Moment) -> Result<Changed<ImportSummary>> {
        let now = time::check_plausible("now", now)?;
        let doc = parse(bytes)?;
        self.change(&now, |tx| {
            let stored = read_all(tx, &now)?;
            let devices = all_devices(tx)?
                .into_iter()
                .map(|d| (d.id.to_string(), d))
                .collect();
            check::check(&doc, &devices)?;
            write::merge(tx, &doc, &stored)
        })
    }
}

impl Snapshot<'_> {
    /// The backup of [`Store::export_backup`], read from this snapshot: a
    /// PDF report that carries the backup carries the one of its own pages.
    pub(crate) fn backup(&self, period: Option<Period>, now: Moment) -> Result<String> {
        let now = time::check_plausible("now", now)?;
        document_text(read_all(self.conn, &now)?, period)
    }
}

/// `whole`, or its part in `period`, as the backup's JSON text.
fn document_text(whole: BackupDocument, period: Option<Period>) -> Result<String> {
    let doc = match period {
        Some(period) => within(whole, period)?,
        None => whole,
    };
    serde_json::to_string_pretty(&doc)
        .map_err(|e| crate::Error::Inconsistent(format!("the backup could not be written: {e}")))
}

/// Everything in the log, as a document stamped with `now`.
fn read_all(conn: &Connection, now: &Moment) -> Result<BackupDocument> {
    Ok(BackupDocument {
        format: FORMAT.to_owned(),
        version: VERSION,
        exported_at: crate::backup::instant::to_text(now),
        period: None,
        settings: read::settings(conn)?,
        profile_revisions: read::profile_revisions(conn)?,
        care_plans: read::care_plans(conn)?,
        devices: read::devices(conn)?,
        sessions: read::sessions(conn)?,
        cleanings: read::cleanings(conn)?,
        symptom_reports: read::symptom_reports(conn)?,
        alerts: read::alerts(conn)?,
        soak_timers: read::soak_timers(conn)?,
        risk_levels: read::risk_levels(conn)?,
        pseudonym_key: read::pseudonym_key(conn)?,
    })
}
