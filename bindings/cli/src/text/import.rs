//! `rollsafe import` as text: the counts per kind of record, then alerts.

use std::fmt::Write;

use crate::view::import::ImportView;

/// What the import did.
pub fn render(report: &ImportView) -> String {
    let mut out = String::new();
    let into = if report.created {
        "a new log at"
    } else {
        "the log at"
    };
    let _ = writeln!(out, "Imported into {into} {}", report.db);
    let _ = writeln!(
        out,
        "  {:<18} {:>7} {:>7} {:>9}",
        "", "added", "updated", "unchanged"
    );
    for count in &report.records {
        let _ = writeln!(
            out,
            "  {:<18} {:>7} {:>7} {:>9}",
            super::words(count.kind),
            count.added,
            count.updated,
            count.unchanged
        );
    }
    if report.alerts.is_empty() {
        let _ = writeln!(out, "The risk levels did not change.");
    } else {
        let _ = writeln!(
            out,
            "The risk levels changed, re-assessed after the import:"
        );
    }
    for alert in &report.alerts {
        let change = if alert.rising { "alert" } else { "fell" };
        let _ = writeln!(out, "  {change:<5}  {}", alert.title);
        for reason in &alert.reasons {
            let _ = writeln!(out, "         {}", reason.text);
        }
    }
    out
}
