//! The sources the report cites, numbered in the order the report first
//! cites them, and the closing list that spells each one out.
//!
//! A clinical cell carries only `[n]`: rule ids, evidence labels and the
//! names of the pages a rule rests on belong in the references, where a
//! reader who wants them finds them, not between the findings.

use super::fonts::Weight;
use super::layout::{BODY, Layout};
use super::ops::colour;
use crate::report::model::Report;
use crate::rules::cleaning::CLEANING_RULE;
use crate::rules::source::RuleSource;
use crate::rules::triage::{EXPECTED, TriagePromptCode, triage_rule};

/// The numbered sources of one report.
pub(crate) struct References {
    sources: Vec<RuleSource>,
}

impl References {
    /// The sources `report` cites, in the order it draws them: the triage
    /// prompts of the listed symptom reports, the expected course after a
    /// session (settling from 48 h; 72 h or 7 days), then the cleaning rule.
    pub(crate) fn of(report: &Report) -> Self {
        let mut sources: Vec<RuleSource> = Vec::new();
        let mut cite = |source: RuleSource| {
            if !sources.iter().any(|s| s.rule_id == source.rule_id) {
                sources.push(source);
            }
        };
        if let Some(symptoms) = &report.symptoms {
            for row in symptoms.listed.iter().filter_map(|i| symptoms.rows.get(*i)) {
                for prompt in &row.prompts {
                    cite(prompt.source);
                }
            }
        }
        if report
            .course
            .as_ref()
            .is_some_and(|c| !c.sessions.is_empty())
        {
            if let Some(rule) = triage_rule(TriagePromptCode::WorseInsteadOfBetter) {
                cite(rule.source);
            }
            cite(EXPECTED);
        }
        if report.cleanings.is_some() {
            cite(CLEANING_RULE);
        }
        Self { sources }
    }

    /// `[n]` for `source`, or nothing for a source the report does not list.
    pub(crate) fn marker(&self, source: &RuleSource) -> String {
        self.sources
            .iter()
            .position(|s| s.rule_id == source.rule_id)
            .map_or_else(String::new, |at| format!("[{}]", at + 1))
    }
}

/// The closing list: each source with its number, the strength of its
/// evidence and the id of the rule built on it.
pub(crate) fn section(layout: &mut Layout<'_>, references: &References) {
    if references.sources.is_empty() {
        return;
    }
    layout.heading("References");
    for (n, source) in references.sources.iter().enumerate() {
        layout.paragraph(
            &format!(
                "[{}] {}. Evidence: {}. {} (RollSafe rule {}.)",
                n + 1,
                source.citation,
                source.evidence.code().replace('_', " "),
                source.note,
                source.rule_id
            ),
            BODY,
            Weight::Regular,
            colour::TEXT,
        );
        layout.gap(2.0);
    }
}
