//! The checks the user answers before each session.
//!
//! Needling over broken, infected or inflamed skin, or with an uncleaned
//! device, raises the risk of infection and spread (domain reference 2.3,
//! 2.7). Each failed check blocks the session.

use super::source::{Evidence, RuleSource};
use crate::finding::FindingCode;
use crate::session::PreChecks;

/// A failed pre-check: its code, what the user is told, and its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PreCheckRule {
    /// The finding's stable code.
    pub code: FindingCode,
    /// What the user is told.
    pub advice: &'static str,
    /// Where it comes from.
    pub source: RuleSource,
}

/// Why the device must be clean before a session.
pub(crate) const CLEANING: RuleSource = RuleSource {
    rule_id: "precheck.device_cleaned",
    citation: "Clean before and after each use (domain reference 2.3: levintel.com, lolysenta.com and others); FDA: infection risk",
    evidence: Evidence::Low,
    note: "Sources agree on cleaning before every use.",
};

/// Why a session needs clean skin with nothing active or broken.
pub(crate) const SKIN: RuleSource = RuleSource {
    rule_id: "precheck.skin",
    citation: "Dr Wexler in Allure 2017 (active acne, cold sores, open wounds, flares); Chu et al., Dermatol Surg 2021 (active infection); filtered-skin.com (not on sunburned skin)",
    evidence: Evidence::Professional,
    note: "Sources agree: do not needle over active lesions, broken or sunburned skin.",
};

/// The blockers for every failed pre-check, in a fixed order.
pub fn failed_pre_checks(checks: &PreChecks) -> Vec<PreCheckRule> {
    let table: [(bool, PreCheckRule); 6] = [
        (
            !checks.device_cleaned,
            PreCheckRule {
                code: FindingCode::PrecheckDeviceNotCleaned,
                advice: "Clean the device right before use.",
                source: CLEANING,
            },
        ),
        (
            !checks.skin_clean,
            PreCheckRule {
                code: FindingCode::PrecheckSkinNotClean,
                advice: "Wash the skin and let it dry before needling.",
                source: SKIN,
            },
        ),
        (
            checks.active_breakout,
            PreCheckRule {
                code: FindingCode::ActiveBreakout,
                advice: "Do not needle over an active breakout or flare: it can spread bacteria and inflammation.",
                source: SKIN,
            },
        ),
        (
            checks.cold_sore,
            PreCheckRule {
                code: FindingCode::ActiveColdSore,
                advice: "Do not needle while a cold sore is active: it can spread the virus over the treated skin.",
                source: SKIN,
            },
        ),
        (
            checks.open_wound,
            PreCheckRule {
                code: FindingCode::OpenWound,
                advice: "Do not needle over broken skin or an open wound.",
                source: SKIN,
            },
        ),
        (
            checks.sunburn,
            PreCheckRule {
                code: FindingCode::Sunburn,
                advice: "Do not needle sunburned skin; wait until it has fully healed.",
                source: SKIN,
            },
        ),
    ];
    table
        .into_iter()
        .filter(|(failed, _)| *failed)
        .map(|(_, rule)| rule)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_clear_blocks_nothing_and_each_failure_blocks_once() {
        assert!(failed_pre_checks(&PreChecks::ALL_CLEAR).is_empty());
        let worst = PreChecks {
            device_cleaned: false,
            skin_clean: false,
            active_breakout: true,
            cold_sore: true,
            open_wound: true,
            sunburn: true,
        };
        assert_eq!(failed_pre_checks(&worst).len(), 6);
    }
}
