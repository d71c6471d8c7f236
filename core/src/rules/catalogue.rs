//! Every rule's source in one list, looked up by the rule's id.
//!
//! A finding, a rest interval, a risk factor or a triage prompt names the
//! rule behind it; the full citation and the strength of its evidence live
//! here once. The bindings send results with the rule's id only and let the
//! apps read this list once (the home screen used to carry the same
//! citations some forty times), and an app can show the whole list as "where
//! our rules come from". A test holds the list to every `rule_id` written in
//! the core, so no result can name a rule the list lacks.

use super::{
    DEFAULT_INTERVAL_RULES, RuleSource, cleaning, contraindications, device, needle, prechecks,
    products, replacement, risk, source, symptom_gate, triage,
};
use crate::sorting;

/// Every rule's source, each once, sorted by rule id.
pub fn rule_sources() -> Vec<RuleSource> {
    let mut sources = every_use();
    sorting::sort_by(&mut sources, |a, b| a.rule_id.cmp(b.rule_id));
    sources.dedup_by(|a, b| a.rule_id == b.rule_id);
    sources
}

/// The source of the rule with `rule_id`, if there is such a rule.
pub fn rule_source(rule_id: &str) -> Option<RuleSource> {
    every_use().into_iter().find(|s| s.rule_id == rule_id)
}

/// Every source as the rules use it: the tables repeat a source on several
/// rows.
fn every_use() -> Vec<RuleSource> {
    let standalone = [
        source::CARE_PLAN,
        cleaning::CLEANING_RULE,
        prechecks::CLEANING,
        prechecks::SKIN,
        needle::NEEDLE_RULE,
        replacement::HEAD_WEAR,
        replacement::SINGLE_USE_CARTRIDGE,
        replacement::USER_LIMIT,
        replacement::DAMAGE_REPORTED,
        device::NEVER_SHARE,
        device::RETIRED,
        contraindications::PIGMENTATION_RULE,
        triage::EXPECTED,
        symptom_gate::OPEN_PROMPT_GATE,
    ];
    standalone
        .into_iter()
        .chain(DEFAULT_INTERVAL_RULES.iter().map(|r| r.source))
        .chain(products::PRODUCT_RULES.iter().map(|r| r.source))
        .chain(contraindications::CONDITION_RULES.iter().map(|r| r.source))
        .chain(risk::RISK_FACTORS.iter().map(|r| r.source))
        .chain(triage::TRIAGE_RULES.iter().map(|r| r.source))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Every rule id given as a string to a `rule_id` field in the core.
    fn ids_written_in(dir: &Path, found: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            panic!("cannot list {}", dir.display())
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                ids_written_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for piece in text.split("rule_id: \"").skip(1) {
                    if let Some(end) = piece.find('"') {
                        found.push(piece[..end].to_owned());
                    }
                }
            }
        }
    }

    #[test]
    fn the_list_holds_every_rule_written_in_the_core() {
        let mut written = Vec::new();
        ids_written_in(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut written,
        );
        assert!(written.len() > 40, "the scan found only {written:?}");
        let listed: Vec<&str> = rule_sources().iter().map(|s| s.rule_id).collect();
        for id in &written {
            assert!(listed.contains(&id.as_str()), "{id} is not in the list");
        }
        assert_eq!(listed.len(), written.len(), "every rule id is written once");
    }

    #[test]
    fn one_id_names_one_source() {
        for source in every_use() {
            assert_eq!(
                rule_source(source.rule_id),
                Some(source),
                "{}",
                source.rule_id
            );
        }
        assert_eq!(rule_source("no.such_rule"), None);
    }
}
