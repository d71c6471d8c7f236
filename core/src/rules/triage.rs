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

/// The code of a triage prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriagePromptCode {
    /// A temperature of 38 °C or more, or a reported fever.
    Fever,
    /// Redness that is spreading.
    SpreadingRedness,
    /// Feeling unwell, faint or confused.
    FeelingUnwell,
    /// Pain, swelling, heat, worsening or fever around the eye.
    AroundTheEye,
    /// A change in eyesight.
    VisionChange,
    /// Pus that is yellow or green and thick (CDC/NHSN purulence).
    PurulentDischarge,
    /// Worse than before, with a weakened immune system or diabetes.
    WorseningWithWeakenedDefences,
    /// Mild redness near the eye, within the expected course.
    NearTheEye,
    /// Worse than the previous report after the first two days.
    WorseInsteadOfBetter,
    /// Redness or swelling past the expected course for the needle.
    RednessBeyondExpected,
    /// Blisters or cold-sore signs.
    BlistersOrColdSoreSigns,
    /// Bumps from the third day on.
    DelayedBumps,
    /// Discharge that is not purulent.
    Discharge,
    /// Darkening of the skin.
    Darkening,
    /// A report that raised a prompt, older than the 30-day window and never
    /// settled: asked about, never taken as an all-clear.
    DidItSettle,
}

crate::codes::stable_codes!(TriagePromptCode {
    Fever => "fever",
    SpreadingRedness => "spreading_redness",
    FeelingUnwell => "feeling_unwell",
    AroundTheEye => "around_the_eye",
    VisionChange => "vision_change",
    PurulentDischarge => "purulent_discharge",
    WorseningWithWeakenedDefences => "worsening_with_weakened_defences",
    NearTheEye => "near_the_eye",
    WorseInsteadOfBetter => "worse_instead_of_better",
    RednessBeyondExpected => "redness_beyond_expected",
    BlistersOrColdSoreSigns => "blisters_or_cold_sore_signs",
    DelayedBumps => "delayed_bumps",
    Discharge => "discharge",
    Darkening => "darkening",
    DidItSettle => "did_it_settle",
});

/// One triage rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TriageRule {
    /// The prompt's stable code.
    pub code: TriagePromptCode,
    /// How urgent.
    pub level: TriageLevel,
    /// What the user is told to do.
    pub advice: &'static str,
    /// The same advice as the clinician's report gives it: what the patient
    /// was told.
    pub advised: &'static str,
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

/// What a prompt tells the patient, and how the clinician's report and the
/// FHIR bundle say that it did: those are read by a clinician, who is not
/// the one to be told to call NHS 111.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advice {
    /// The words the app shows the patient.
    pub to_patient: &'static str,
    /// The same advice, reported to a clinician.
    pub as_reported: &'static str,
}

const URGENT: Advice = Advice {
    to_patient: "Seek urgent medical care now. In the UK call NHS 111; call 999 or go to A&E if you feel faint, confused or very unwell, or are breathing fast.",
    as_reported: "The patient was advised to seek urgent care.",
};
const DERMATOLOGIST: Advice = Advice {
    to_patient: "Contact your dermatologist or doctor within a day or two, and stop needling until you have.",
    as_reported: "The patient was advised to contact their dermatologist within a day or two and to stop needling until then.",
};

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

const NEAR_THE_EYE_ADVICE: Advice = Advice {
    to_patient: "Mild redness near the eye is expected for a day or two after needling. Watch it closely, contact your dermatologist, and stop needling until you have. Seek urgent care at once if the eyelid swells, it hurts or feels hot, your vision changes, or you feel feverish.",
    as_reported: "The patient was advised to watch it closely, contact their dermatologist and stop needling, and to seek urgent care if the eyelid swells, pain, heat, a change in vision or fever appear.",
};

const NEAR_THE_EYE: RuleSource = RuleSource {
    rule_id: "triage.near_the_eye",
    citation: "NHS, Cellulitis (page last reviewed 17 April 2024): red, hot, swollen or painful skin is urgent when the area around the eye is affected; CDC/NHSN superficial surgical-site infection signs (pain or tenderness, localised swelling, redness, heat); Martin & Huang, JAAD Case Rep 2021 (redness and swelling after needling settle within 72 h)",
    evidence: Evidence::PeerReviewed,
    note: "RollSafe's reading: the NHS red flag is for signs beyond the expected reaction, so pain, swelling, heat, worsening or fever near the eye are urgent, while mild redness there within the expected course is amber.",
};

const VISION_CHANGE: RuleSource = RuleSource {
    rule_id: "triage.vision_change",
    citation: "NHS, Cellulitis (page last reviewed 17 April 2024): urgent when the area around the eye is affected",
    evidence: Evidence::Synthesis,
    note: "RollSafe's conservative reading: the cited page names the area around the eye, not eyesight; a change in eyesight is taken as the most serious sign there, urgent on its own, from the first hour and whatever zone was reported.",
};

const DID_IT_SETTLE_ADVICE: Advice = Advice {
    to_patient: "Has it settled? If it has, mark the report resolved; if not, report again and contact your dermatologist. Until then RollSafe keeps needling off the area.",
    as_reported: "The patient was asked whether it settled and to contact their dermatologist if not; needling stays off the area until it is marked settled or reported again.",
};

const STAYS_OPEN: RuleSource = RuleSource {
    rule_id: "triage.stays_open",
    citation: "RollSafe's triage prompts ('stop needling until you have'); CDC/NHSN 30-day window for superficial surgical-site infection",
    evidence: Evidence::Synthesis,
    note: "A report that raised a prompt stays open until it is resolved, a later report on its session, or a clinician's visit; past the 30-day window it is asked about instead of being triaged again, and never counts as settled by time alone.",
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
pub const TRIAGE_RULES: [TriageRule; 15] = [
    rule(
        TriagePromptCode::Fever,
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule(
        TriagePromptCode::SpreadingRedness,
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule(
        TriagePromptCode::FeelingUnwell,
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule(
        TriagePromptCode::AroundTheEye,
        TriageLevel::Red,
        URGENT,
        NEAR_THE_EYE,
    ),
    rule(
        TriagePromptCode::VisionChange,
        TriageLevel::Red,
        URGENT,
        VISION_CHANGE,
    ),
    rule(
        TriagePromptCode::PurulentDischarge,
        TriageLevel::Red,
        URGENT,
        CDC_PUS,
    ),
    rule(
        TriagePromptCode::WorseningWithWeakenedDefences,
        TriageLevel::Red,
        URGENT,
        NHS_CELLULITIS,
    ),
    rule(
        TriagePromptCode::NearTheEye,
        TriageLevel::Amber,
        NEAR_THE_EYE_ADVICE,
        NEAR_THE_EYE,
    ),
    rule(
        TriagePromptCode::WorseInsteadOfBetter,
        TriageLevel::Amber,
        DERMATOLOGIST,
        WORSENING,
    ),
    rule(
        TriagePromptCode::RednessBeyondExpected,
        TriageLevel::Amber,
        DERMATOLOGIST,
        EXPECTED_COURSE,
    ),
    rule(
        TriagePromptCode::BlistersOrColdSoreSigns,
        TriageLevel::Amber,
        DERMATOLOGIST,
        HSV,
    ),
    rule(
        TriagePromptCode::DelayedBumps,
        TriageLevel::Amber,
        DERMATOLOGIST,
        GRANULOMA,
    ),
    rule(
        TriagePromptCode::Discharge,
        TriageLevel::Amber,
        DERMATOLOGIST,
        CDC_PUS,
    ),
    rule(
        TriagePromptCode::Darkening,
        TriageLevel::Amber,
        DERMATOLOGIST,
        PIH,
    ),
    rule(
        TriagePromptCode::DidItSettle,
        TriageLevel::Amber,
        DID_IT_SETTLE_ADVICE,
        STAYS_OPEN,
    ),
];

const fn rule(
    code: TriagePromptCode,
    level: TriageLevel,
    advice: Advice,
    source: RuleSource,
) -> TriageRule {
    TriageRule {
        code,
        level,
        advice: advice.to_patient,
        advised: advice.as_reported,
        source,
    }
}

/// The rule with `code`.
pub fn triage_rule(code: TriagePromptCode) -> Option<&'static TriageRule> {
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
        crate::sorting::sort_by(&mut sorted, |a, b| b.cmp(a));
        assert_eq!(levels, sorted);
        for r in TRIAGE_RULES.iter().filter(|r| r.level == TriageLevel::Red) {
            assert!(r.advice.contains("urgent"), "{}", r.code.code());
        }
    }

    #[test]
    fn every_code_has_exactly_one_rule() {
        let codes: Vec<_> = TRIAGE_RULES.iter().map(|r| r.code).collect();
        let mut unique = codes.clone();
        unique.dedup();
        assert_eq!(unique.len(), TriagePromptCode::ALL.len());
        for code in TriagePromptCode::ALL {
            assert_eq!(
                codes.iter().filter(|c| **c == code).count(),
                1,
                "{}",
                code.code()
            );
            assert_eq!(triage_rule(code).map(|r| r.code), Some(code));
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
                assert!(!advice.contains(claim), "{}: {claim}", r.code.code());
            }
        }
    }
}
