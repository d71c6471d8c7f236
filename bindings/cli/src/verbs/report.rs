//! `rollsafe report`: the dermatologist's PDF, made by the core (so it is
//! byte for byte what the phones make of the same log); this verb picks the
//! options and the file, and seals it with `--seal`. Without `--paper`, the
//! paper is the core's usual one for the locale's region.

use std::path::{Path, PathBuf};

use rollsafe_core::export::{Period, Privacy};
use rollsafe_core::report::{self, Paper, ReportOptions};
use rollsafe_core::{Moment, Store};

use crate::args::{PaperArg, ReportArgs};
use crate::failure::Failure;
use crate::{clock, locale, log_file, output, paths, period, sealing, sections, view};

/// Runs `rollsafe report`. `--out -` writes the PDF to standard output.
pub fn run(args: &ReportArgs, json: bool) -> Result<(), Failure> {
    let to_stdout = output::is_stdout(&args.out);
    if to_stdout && json {
        return Err(Failure::input(
            "--json describes the file written; with --out - the report itself is the output",
        )
        .at_field("json"));
    }
    let passphrase = sealing::for_output(args.seal.seal, Some(&args.out))?;
    let chosen = period::chosen(&args.period)?;
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let options = ReportOptions {
        period: chosen.unwrap_or_else(Period::everything),
        sections: sections::chosen(&args.sections),
        privacy: Privacy {
            redact_notes: args.redact_notes,
            include_photo_references: args.photo_references,
            identify_patient: args.identify,
        },
        paper: match args.paper {
            Some(PaperArg::A4) => Paper::A4,
            Some(PaperArg::Letter) => Paper::UsLetter,
            None => report::usual_paper(&locale::paper_region()),
        },
        embed_backup: args.embed_backup,
    };
    if to_stdout {
        let pdf = report::pdf(&store, &options, now)?;
        let (_, bytes) = sealing::prepare(&args.out, &pdf, passphrase.as_deref())?;
        return output::write_stdout(&bytes);
    }
    let written = write(
        &store,
        &options,
        now,
        &args.out,
        args.force,
        passphrase.as_deref(),
    )?;
    if json {
        let view = output::written(&[(&written.path, written.bytes)], written.sealed);
        return super::print(&view::to_json("report", &view)?);
    }
    super::print(&format!("Wrote {}\n", written.describe()))
}

/// A report written to disk.
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
    /// True when sealed with a passphrase.
    pub sealed: bool,
}

impl Written {
    /// Where and how big, for the user.
    pub fn describe(&self) -> String {
        format!(
            "{} ({} bytes{})",
            self.path.display(),
            self.bytes,
            if self.sealed { ", sealed" } else { "" }
        )
    }
}

/// Makes the report of `store` and writes it to `out` (sealed with a
/// passphrase, under `out` with `.age` added), refusing an existing file
/// unless `force`.
pub fn write(
    store: &Store,
    options: &ReportOptions,
    now: Moment,
    out: &Path,
    force: bool,
    passphrase: Option<&str>,
) -> Result<Written, Failure> {
    let pdf = report::pdf(store, options, now)?;
    let (path, bytes) = sealing::prepare(out, &pdf, passphrase)?;
    output::write_file(&path, &bytes, force)?;
    Ok(Written {
        path,
        bytes: bytes.len(),
        sealed: passphrase.is_some(),
    })
}
