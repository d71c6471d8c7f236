//! The preventive risk factors: behaviour and state that raise the chance of
//! infection or complications before any symptom shows.
//!
//! No validated score exists for infection after microneedling (domain
//! reference 2.10); this is RollSafe's transparent synthesis. Each factor
//! names its source and carries a weight; the level is the sum of weights
//! over the last 30 days (the CDC/NHSN window for a superficial surgical-site
//! infection), so adding a lapse can never lower it.

use super::source::{Evidence, RuleSource};

/// One kind of preventive factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskFactorRule {
    /// The factor's stable code.
    pub code: &'static str,
    /// How much it adds to the level.
    pub weight: u32,
    /// What the user is told to do.
    pub advice: &'static str,
    /// Where it comes from.
    pub source: RuleSource,
}

/// Days of the log the preventive assessment looks back over.
pub const LOOKBACK_DAYS: i64 = 30;
/// The weight from which the level is moderate.
pub const MODERATE_FROM: u32 = 1;
/// The weight from which the level is high.
pub const HIGH_FROM: u32 = 3;

const HYGIENE: RuleSource = RuleSource {
    rule_id: "risk.hygiene",
    citation: "FDA, Regulatory Considerations for Microneedling Products (2020): infection risk; AAD press release 2018 (home devices hard to clean); cleaning guidance in domain reference 2.3",
    evidence: Evidence::PeerReviewed,
    note: "No study quantifies infection after home needling; the link between cleaning lapses and infection is mechanistic.",
};

const SKIN: RuleSource = RuleSource {
    rule_id: "risk.broken_or_active_skin",
    citation: "Chu et al., Dermatol Surg 2021 (active infection a risk factor); Dr Wexler in Allure 2017",
    evidence: Evidence::PeerReviewed,
    note: "Needling over active lesions or broken skin can spread infection.",
};

const SHARING: RuleSource = RuleSource {
    rule_id: "risk.shared_device",
    citation: "FDA (disease transmission between users); CDC MMWR 2024;73(16):372-376",
    evidence: Evidence::PeerReviewed,
    note: "Blood-borne infection has spread through reused needling equipment.",
};

const HOST: RuleSource = RuleSource {
    rule_id: "risk.host_factors",
    citation: "NHS cellulitis guidance (weakened immune system or diabetes makes infection urgent); Wu et al. 2022 (eczema herpeticum); Chu et al. 2021 (darker skin and hyperpigmentation)",
    evidence: Evidence::PeerReviewed,
    note: "Conditions that make an infection likelier or worse; they count only while the device is in use.",
};

const SYNTHESIS: RuleSource = RuleSource {
    rule_id: "risk.rollsafe_rules",
    citation: "RollSafe's rules (intervals, replacement, products, needle length), each citing its own sources",
    evidence: Evidence::Synthesis,
    note: "Overriding a rule is recorded with the session and counts here.",
};

/// Every preventive factor, in the order an assessment lists them.
pub const RISK_FACTORS: [RiskFactorRule; 13] = [
    factor(
        "session_with_uncleaned_device",
        2,
        "Clean the device with a 20-minute alcohol soak before every use.",
        HYGIENE,
    ),
    factor(
        "missing_after_use_cleaning",
        1,
        "Clean the device straight after every use, then let it dry in its case.",
        HYGIENE,
    ),
    factor(
        "session_on_active_or_broken_skin",
        2,
        "Skip sessions over breakouts, cold sores, wounds or sunburn.",
        SKIN,
    ),
    factor(
        "shared_device",
        2,
        "Never share a needling device, even after cleaning.",
        SHARING,
    ),
    factor(
        "session_despite_contraindication",
        2,
        "Ask your dermatologist before needling again.",
        SYNTHESIS,
    ),
    factor(
        "device_past_replacement",
        1,
        "Replace the head: worn needles tear skin and are harder to clean.",
        SYNTHESIS,
    ),
    factor(
        "interval_not_respected",
        1,
        "Let the skin rest the full interval between sessions.",
        SYNTHESIS,
    ),
    factor(
        "product_to_avoid_after_needling",
        1,
        "Keep actives such as vitamin C, retinoids and acids off freshly needled skin.",
        SYNTHESIS,
    ),
    factor(
        "needle_in_professional_range",
        1,
        "Needles of 0.75 mm and more are for professionals; consider a shorter one.",
        SYNTHESIS,
    ),
    factor(
        "immunosuppression",
        2,
        "With a weakened immune system, watch the skin closely and seek care early.",
        HOST,
    ),
    factor(
        "diabetes",
        1,
        "With diabetes, healing can be slower: watch the skin closely and seek care early.",
        HOST,
    ),
    factor(
        "cold_sore_history",
        1,
        "With a history of cold sores, ask your dermatologist about antiviral cover for face sessions.",
        HOST,
    ),
    factor(
        "pigmentation_prone_skin",
        0,
        "Protect treated skin from the sun for weeks after a session.",
        HOST,
    ),
];

const fn factor(
    code: &'static str,
    weight: u32,
    advice: &'static str,
    source: RuleSource,
) -> RiskFactorRule {
    RiskFactorRule {
        code,
        weight,
        advice,
        source,
    }
}

/// The rule for the factor with `code`.
pub fn risk_factor(code: &str) -> Option<&'static RiskFactorRule> {
    RISK_FACTORS.iter().find(|f| f.code == code)
}

/// The blocker codes that mean a session went ahead over broken or active skin.
pub const SKIN_BLOCKERS: [&str; 5] = [
    "active_breakout",
    "active_cold_sore",
    "open_wound",
    "sunburn",
    "precheck_skin_not_clean",
];

/// The blocker codes that mean a session went ahead despite a
/// contraindication or the care plan.
pub const CONTRAINDICATION_BLOCKERS: [&str; 8] = [
    "keloid_history",
    "immunosuppression",
    "bleeding_risk",
    "isotretinoin",
    "pregnancy",
    "nickel_allergy",
    "zone_not_in_care_plan",
    "needle_over_care_plan",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_findable() {
        for f in RISK_FACTORS {
            assert_eq!(risk_factor(f.code).map(|r| r.code), Some(f.code));
        }
        let mut codes: Vec<_> = RISK_FACTORS.iter().map(|f| f.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RISK_FACTORS.len());
    }
}
