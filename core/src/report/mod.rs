//! The dermatologist's PDF report: a one-to-two-page summary of the period
//! the patient chose, then the detail (domain reference 3.3).
//!
//! Two layers, each testable alone: `model` gathers the facts from the
//! store's public read API and applies the options (period, sections,
//! privacy); `render` lays them out and writes the PDF with the pdf-writer
//! crate. The report is a pure function of the store, the options and
//! `now`: no clock, no random ids, records ordered by time (then id), and the
//! PDF's only date is `now`, so the same log gives byte-identical PDFs on
//! Android and iOS.
//!
//! Text is set in Noto Sans, embedded as a subset covering Latin, Greek and
//! Cyrillic (`core/assets/fonts/`). Other scripts (CJK, Arabic, Hebrew,
//! Indic, Thai, emoji) print as the replacement mark U+FFFD, and the report
//! then says so in its closing section; the PDF's text layer keeps them.
//!
//! Long periods stay readable: above 120 sessions the timeline shows one row
//! per month and the 60 most recent sessions in full; above 80 symptom
//! reports, every report that raised a triage prompt and the 30 most recent
//! others; the symptom course of the 12 most recent sessions with reports;
//! the 60 most recent alerts. The charts always cover every record.
//!
//! The pages flow: the detail follows the charts on the same page, headings
//! stay with their first lines, short blocks and footnotes stay whole, and a
//! note of the longest length allowed flows over pages without a word lost
//! (`render/layout.rs` has the rules).

mod deflating;
pub(crate) mod model;
mod paper;
mod render;

pub use paper::usual_paper;

use self::deflating::Deflating;
use crate::error::Result;
use crate::export::fhir::{self, AttachedReport, FhirOptions};
use crate::export::{Period, Privacy, Sections};
use crate::store::Store;
use crate::time::{self, Moment};

/// The paper the report is laid out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    UsLetter,
}

/// What the report covers and how it is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The local days covered.
    pub period: Period,
    /// The sections shown; a section switched off is left out entirely.
    pub sections: Sections,
    /// Whether notes are withheld, photos named and the patient identified.
    pub privacy: Privacy,
    /// A4 or US Letter.
    pub paper: Paper,
    /// Also carry the backup of the period (`rollsafe-backup.json`), so the
    /// one file restores the log: every note, the patient's identity and the
    /// log's pseudonym key included, whatever `privacy` says of the pages.
    /// Off by default.
    pub embed_backup: bool,
}

impl Default for ReportOptions {
    /// The whole log, every section, notes shown, no photo references, A4.
    fn default() -> Self {
        Self {
            period: Period::everything(),
            sections: Sections::ALL,
            privacy: Privacy::default(),
            paper: Paper::A4,
            embed_backup: false,
        }
    }
}

/// The dermatologist's report of `store` as a PDF, as of `now`.
///
/// Deterministic: the same log, options and `now` give the same bytes.
pub fn pdf(store: &Store, options: &ReportOptions, now: Moment) -> Result<Vec<u8>> {
    let now = time::check_plausible("now", now)?;
    options.period.check_started_by(&now)?;
    // Every fact is read from one snapshot, so the report agrees with
    // itself, and with the FHIR bundle it carries, while other connections
    // write.
    let (report, bundle, backup) = store.snapshot(|view| {
        let report = model::gather(view, options, now)?;
        // Deflated as it is written: ten years of a bundle is tens of MB of
        // text, of which only the compressed stream is kept.
        let mut bundle = Deflating::new();
        fhir::write_bundle_in(view, &embedded_bundle(options, now), now, &mut bundle)?;
        let bundle = bundle.finish()?;
        // The whole log is the whole backup, not a cut of it (a cut leaves
        // out the last assessed levels).
        let period = (options.period != Period::everything()).then_some(options.period);
        let backup = options
            .embed_backup
            .then(|| view.backup(period, now))
            .transpose()?;
        Ok((report, bundle, backup))
    })?;
    let (deflated, size) = bundle;
    let mut attachments = vec![render::Attachment {
        name: EMBEDDED_BUNDLE,
        subtype: b"application#2Ffhir+json",
        description: "The same log as a FHIR R4 bundle, for clinic systems",
        body: render::Body::Deflated {
            zlib: &deflated,
            size,
        },
    }];
    if let Some(backup) = &backup {
        attachments.push(render::Attachment {
            name: EMBEDDED_BACKUP,
            subtype: b"application#2Fjson",
            description: "The RollSafe backup of the same period, to restore the log",
            body: render::Body::Plain(backup.as_bytes()),
        });
    }
    render::render(&report, options.paper, &attachments)
}

/// The file name of the FHIR bundle every report carries.
pub const EMBEDDED_BUNDLE: &str = "rollsafe-fhir.json";

/// The file name of the backup a report carries when asked to.
pub const EMBEDDED_BACKUP: &str = "rollsafe-backup.json";

/// The title the embedded bundle's DocumentReference gives the report.
pub const REPORT_TITLE: &str = "RollSafe microneedling log";

/// The options of the bundle a report carries: its own period, sections and
/// privacy (so it names the patient exactly when the pages do), and a
/// DocumentReference for the report that holds it.
fn embedded_bundle(options: &ReportOptions, now: Moment) -> FhirOptions {
    FhirOptions {
        period: options.period,
        sections: options.sections,
        privacy: options.privacy,
        report: Some(AttachedReport::enclosing(REPORT_TITLE, now)),
    }
}
