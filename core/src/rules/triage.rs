//! Symptom triage: reported reactions against what is expected, and when to
//! seek care.
//!
//! There is no microneedling-specific triage tool. These rules follow the NHS
//! lay red flags for cellulitis and sepsis, the CDC/NHSN definition of
//! purulence, and the expected course of reactions after needling (domain
//! reference 2.5, 2.6, 2.10). They prompt; they never diagnose.

use super::source::{Evidence, RuleSource};

/// How urgent a triage prompt is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TriageLevel {
    /// Within the expected course.
    Green,
    /// Contact your dermatologist.
    Amber,
    /// Seek urgent care.
    Red,
}

crate::codes::stable_codes!(TriageLevel {
    Green => "green",
    Amber => "amber",
    Red => "red",
});

/// One triage rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TriageRule {
    /// The prompt's stable code.
    pub code: &'static str,
    /// How urgent.
    pub level: TriageLevel,
    /// What the user is told to do.
    pub advice: &'static str,
    /// Where it comes from.
    pub source: RuleSource,
}

/// Hours after a session from which redness and swelling should be settling.
pub const SETTLING_FROM_HOURS: i64 = 48;
/// Hours redness may last after needles shorter than 1 mm.
pub const EXPECTED_REDNESS_HOURS_SHORT: i64 = 72;
/// Hours redness may last after needles of 1 mm or more.
pub const EXPECTED_REDNESS_HOURS_DEEP: i64 = 7 * 24;
/// Needles from this length (mm) have the longer expected course.
pub const DEEP_NEEDLE_MM: f64 = 1.0;
/// Days after a session from which bumps suggest a delayed reaction.
pub const LATE_BUMPS_FROM_DAYS: i64 = 3;
/// Fever from this temperature, in °C.
pub const FEVER_FROM_C: f64 = 38.0;
/// Days after a session during which a report is linked to it and triaged
/// (the CDC/NHSN window for superficial surgical-site infection).
pub const LINK_WINDOW_DAYS: i64 = 30;

const URGENT: &str = "Seek urgent medical care now. In the UK call NHS 111; call 999 or go to A&E if you feel faint, confused or very unwell, or are breathing fast.";
const DERMATOLOGIST: &str =
    "Contact your dermatologist or doctor within a day or two, and stop needling until you have.";

const NHS_CELLULITIS: RuleSource = RuleSource {
    rule_id: "triage.nhs_red_flags",
    citation: "NHS, Cellulitis (page last reviewed 17 April 2024): urgent if the face or the area around the eye is affected, symptoms are getting worse quickly, or the immune system is weakened; 999 or A&E with fever of 38 °C or more, dizziness or confusion",
    evidence: Evidence::PeerReviewed,
    note: "General guidance for skin infection; none is specific to microneedling.",
};

const CDC_PUS: RuleSource = RuleSource {
    rule_id: "triage.cdc_purulence",
    citation: "CDC/NHSN superficial incisional surgical-site infection: purulent drainage (a yellow or green colour and a milky, thick, creamy, opaque or viscous consistency), onset within 30 days",
    evidence: Evidence::PeerReviewed,
    note: "A surveillance definition applied by clinicians; used here only to decide when to seek care.",
};

const EXPECTED_COURSE: RuleSource = RuleSource {
    rule_id: "triage.expected_course",
    citation: "Martin & Huang, JAAD Case Rep 2021 (erythema and oedema settle within 72 h); Chu et al., Dermatol Surg 2021 (reactions resolve within a week)",
    evidence: Evidence::PeerReviewed,
    note: "No source gives durations per millimetre; 72 h below 1 mm and 7 days from 1 mm is RollSafe's reading of these.",
};

const NEAR_THE_EYE_ADVICE: &str = "Mild redness near the eye is expected for a day or two after needling. Watch it closely, contact your dermatologist, and stop needling until you have. Seek urgent care at once if the eyelid swells, it hurts or feels hot, your vision changes, or you feel feverish.";

const NEAR_THE_EYE: RuleSource = RuleSource {
    rule_id: "triage.near_the_eye",
    citation: "NHS, Cellulitis (page last reviewed 17 April 2024): red, hot, swollen or painful skin is urgent when the area around the eye is affected; CDC/NHSN superficial surgical-site infection signs (pain or tenderness, localised swelling, redness, heat); Martin & Huang, JAAD Case Rep 2021 (redness and swelling after needling settle within 72 h)",
    evidence: Evidence::PeerReviewed,
    note: "RollSafe's reading: the NHS red flag is for signs beyond the expected reaction, so pain, swelling, heat, worsening or fever near the eye are urgent, while mild redness there within the expected course is amber.",
};

const WORSENING: RuleSource = RuleSource {
    rule_id: "triage.worsening",
    citation: "Expected course (Martin & Huang 2021; Chu et al. 2021); 'worse after 48-72 h instead of settling' from low-strength pages (exaros.com, gadomo.com)",
    evidence: Evidence::Low,
    note: "Consistent with the expected course, but not a published threshold.",
};

const HSV: RuleSource = RuleSource {
    rule_id: "triage.cold_sore_signs",
    citation: "Wu et al., Clin Cosmet Investig Dermatol 2022;15:653-655 (eczema herpeticum after microneedling)",
    evidence: Evidence::PeerReviewed,
    note: "Blisters after needling can be a herpes reactivation, which needs treatment.",
};

const GRANULOMA: RuleSource = RuleSource {
    rule_id: "triage.delayed_bumps",
    citation: "Friedmann et al., Dermatol Surg 2024 (granulomatous reactions); Soltani-Arabshahi et al., JAMA Dermatol 2014",
    evidence: Evidence::PeerReviewed,
    note: "Itchy bumps days to weeks later can be an allergic or granulomatous reaction.",
};

const PIH: RuleSource = RuleSource {
    rule_id: "triage.darkening",
    citation: "Chu et al., Dermatol Surg 2021; Harris et al. 2015 (post-inflammatory hyperpigmentation)",
    evidence: Evidence::PeerReviewed,
    note: "Darkening can persist; a dermatologist can advise early.",
};

/// Every triage rule, most urgent first.
pub const TRIAGE_RULES: [TriageRule; 13] = [
    rule("fever", TriageLevel::Red, URGENT, NHS_CELLULITIS),
    rule(
        "spreading_redness",
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule("feeling_unwell", TriageLevel::Red, URGENT, NHS_CELLULITIS),
    rule("around_the_eye", TriageLevel::Red, URGENT, NEAR_THE_EYE),
    rule("purulent_discharge", TriageLevel::Red, URGENT, CDC_PUS),
    rule(
        "worsening_with_weakened_defences",
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule(
        "near_the_eye",
        TriageLevel::Amber,
        NEAR_THE_EYE_ADVICE,
        NEAR_THE_EYE,
    ),
    rule(
        "worse_instead_of_better",
        TriageLevel::Amber,
        DERMATOLOGIST,
        WORSENING,
    ),
    rule(
        "redness_beyond_expected",
        TriageLevel::Amber,
        DERMATOLOGIST,
        EXPECTED_COURSE,
    ),
    rule(
        "blisters_or_cold_sore_signs",
        TriageLevel::Amber,
        DERMATOLOGIST,
        HSV,
    ),
    rule(
        "delayed_bumps",
        TriageLevel::Amber,
        DERMATOLOGIST,
        GRANULOMA,
    ),
    rule("discharge", TriageLevel::Amber, DERMATOLOGIST, CDC_PUS),
    rule("darkening", TriageLevel::Amber, DERMATOLOGIST, PIH),
];

const fn rule(
    code: &'static str,
    level: TriageLevel,
    advice: &'static str,
    source: RuleSource,
) -> TriageRule {
    TriageRule {
        code,
        level,
        advice,
        source,
    }
}

/// The rule with `code`.
pub fn triage_rule(code: &str) -> Option<&'static TriageRule> {
    TRIAGE_RULES.iter().find(|r| r.code == code)
}

/// The rule behind a report within the expected course.
pub const EXPECTED: RuleSource = EXPECTED_COURSE;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_rules_come_first_and_say_urgent() {
        let levels: Vec<_> = TRIAGE_RULES.iter().map(|r| r.level).collect();
        let mut sorted = levels.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(levels, sorted);
        for r in TRIAGE_RULES.iter().filter(|r| r.level == TriageLevel::Red) {
            assert!(r.advice.contains("urgent"), "{}", r.code);
        }
    }

    #[test]
    fn no_advice_diagnoses() {
        for r in TRIAGE_RULES {
            let advice = r.advice.to_lowercase();
            for claim in [
                "you have a",
                "you have an",
                "this is an",
                "infection is",
                "diagnos",
            ] {
                assert!(!advice.contains(claim), "{}: {claim}", r.code);
            }
        }
    }
}
