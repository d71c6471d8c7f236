//! `rollsafe reports list|resolve|seen|link`: what follows a symptom
//! report, each one call of the core.

use crate::args::actions::ReportsCommand;
use crate::failure::Failure;
use crate::text;
use crate::view::actions::{ReportRecordView, ReportsView, SymptomReportView};

use super::{alerts, lookup, open, show};

/// Runs `rollsafe reports ...`.
pub fn run(command: &ReportsCommand, json: bool) -> Result<(), Failure> {
    let changed = match command {
        ReportsCommand::List(change) => {
            let (store, _) = open(change)?;
            let view = ReportsView {
                reports: store
                    .symptom_reports()?
                    .iter()
                    .map(ReportRecordView::from)
                    .collect(),
            };
            return show(json, "reports", &view, text::actions::reports);
        }
        ReportsCommand::Resolve(args) => {
            let id = lookup::report_id(&args.report)?;
            let (store, now) = open(&args.change)?;
            store.resolve_report(id, args.at.at.unwrap_or(now), now)?
        }
        ReportsCommand::Seen(args) => {
            let id = lookup::report_id(&args.report)?;
            let (store, now) = open(&args.change)?;
            store.record_clinician_seen(id, args.at.at.unwrap_or(now), now)?
        }
        ReportsCommand::Link(args) => {
            let id = lookup::report_id(&args.report)?;
            let session = args
                .session
                .as_deref()
                .map(lookup::session_id)
                .transpose()?;
            let (store, now) = open(&args.change)?;
            store.link_report(id, session, now)?
        }
    };
    let view = SymptomReportView::new(&changed.value, alerts(&changed.alerts));
    show(json, "symptom", &view, text::actions::symptom)
}
