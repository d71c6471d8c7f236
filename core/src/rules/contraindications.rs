//! Conditions in the profile that block needling or call for care.
//!
//! Clinic lists agree on most contraindications but few are backed by trials
//! (domain reference 2.7). Where sources say "discuss with a clinician" or
//! disagree, RollSafe blocks by default and lets the dermatologist clear the
//! condition in a care plan.

use super::source::{Evidence, RuleSource};
use crate::finding::{FindingCode, Severity};
use crate::profile::Condition;

/// How the profile's answer about one condition weighs on a session.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConditionRule {
    /// The condition.
    pub condition: Condition,
    /// The finding's stable code.
    pub code: FindingCode,
    /// Whether it blocks or warns.
    pub severity: Severity,
    /// What the user is told.
    pub advice: &'static str,
    /// Where it comes from.
    pub source: RuleSource,
}

/// Months after stopping isotretinoin during which needling stays blocked.
pub const ISOTRETINOIN_WAIT_MONTHS: u32 = 6;

/// One rule per condition, in [`Condition::ALL`] order.
pub const CONDITION_RULES: [ConditionRule; 9] = [
    ConditionRule {
        condition: Condition::KeloidScarring,
        code: FindingCode::KeloidHistory,
        severity: Severity::Blocker,
        advice: "Needling can trigger raised scars in people prone to keloids. Ask your dermatologist before any session.",
        source: RuleSource {
            rule_id: "contraindication.keloid",
            citation: "Dr Wexler in Allure 2017; clinic contraindication lists (balancedayspa.com and others)",
            evidence: Evidence::Professional,
            note: "Sources agree.",
        },
    },
    ConditionRule {
        condition: Condition::ColdSores,
        code: FindingCode::ColdSoreHistory,
        severity: Severity::Warning,
        advice: "Needling the face can reactivate cold sores. Clinics give antiviral tablets around sessions; ask your dermatologist whether you need them.",
        source: RuleSource {
            rule_id: "contraindication.cold_sore_history",
            citation: "Wu et al., Clin Cosmet Investig Dermatol 2022;15:653-655 (eczema herpeticum after microneedling); clinic prophylaxis protocols",
            evidence: Evidence::PeerReviewed,
            note: "Clinics treat a history as a reason for prophylaxis, not a ban; an active sore blocks.",
        },
    },
    ConditionRule {
        condition: Condition::InflammatorySkinDisease,
        code: FindingCode::InflammatorySkinDisease,
        severity: Severity::Warning,
        advice: "Never needle over a flare of eczema, psoriasis or rosacea; skip the session if the zone is flaring.",
        source: RuleSource {
            rule_id: "contraindication.inflammatory_skin_disease",
            citation: "Dr Wexler in Allure 2017 (psoriasis and rosacea flares); clinic lists",
            evidence: Evidence::Professional,
            note: "Sources agree on flares; a quiet condition is not listed as a ban.",
        },
    },
    ConditionRule {
        condition: Condition::Diabetes,
        code: FindingCode::Diabetes,
        severity: Severity::Warning,
        advice: "Diabetes can slow healing and raise the risk of infection. Watch the skin closely and seek care early if it gets worse.",
        source: RuleSource {
            rule_id: "contraindication.diabetes",
            citation: "Clinic lists ('uncontrolled diabetes': balancedayspa.com); NHS cellulitis guidance (diabetes makes a worsening infection urgent)",
            evidence: Evidence::Professional,
            note: "Clinics name uncontrolled diabetes; no microneedling-specific evidence was found.",
        },
    },
    ConditionRule {
        condition: Condition::Immunosuppression,
        code: FindingCode::Immunosuppression,
        severity: Severity::Blocker,
        advice: "A weakened immune system raises the risk of infection from needling. Do not needle unless your dermatologist has cleared it.",
        source: RuleSource {
            rule_id: "contraindication.immunosuppression",
            citation: "Dr Wexler in Allure 2017 ('recent chemotherapy'); Chu et al., Dermatol Surg 2021 (infection risk factors); clinic lists",
            evidence: Evidence::Professional,
            note: "Time windows after treatment vary or are not given.",
        },
    },
    ConditionRule {
        condition: Condition::BleedingRisk,
        code: FindingCode::BleedingRisk,
        severity: Severity::Blocker,
        advice: "Anticoagulants and bleeding disorders make needling bleed more. Ask your dermatologist before any session.",
        source: RuleSource {
            rule_id: "contraindication.bleeding_risk",
            citation: "Clinic lists (balancedayspa.com; purelyboutique.com; filtered-skin.com: 'discuss with clinician'; aestheticshq.com)",
            evidence: Evidence::Low,
            note: "Some clinics ban, others say discuss; RollSafe blocks until a dermatologist clears it.",
        },
    },
    ConditionRule {
        condition: Condition::Isotretinoin,
        code: FindingCode::Isotretinoin,
        severity: Severity::Blocker,
        advice: "Isotretinoin changes how skin heals. Wait until 6 months after the last dose unless your dermatologist says otherwise.",
        source: RuleSource {
            rule_id: "contraindication.isotretinoin",
            citation: "Isotretinoin package insert (no cosmetic procedures during use and for 6 months after); Spring et al., JAMA Dermatol 2017 consensus",
            evidence: Evidence::PeerReviewed,
            note: "Sources disagree: 6 months (insert), 3 months (some clinics), no delay for superficial procedures (2017 consensus). RollSafe uses 6 months.",
        },
    },
    ConditionRule {
        condition: Condition::Pregnancy,
        code: FindingCode::Pregnancy,
        severity: Severity::Blocker,
        advice: "Clinics do not needle during pregnancy as a precaution. Ask your dermatologist before any session.",
        source: RuleSource {
            rule_id: "contraindication.pregnancy",
            citation: "Clinic lists (aestheticshq.com; balancedayspa.com; purelyboutique.com)",
            evidence: Evidence::Low,
            note: "Precautionary; no evidence is cited either way.",
        },
    },
    ConditionRule {
        condition: Condition::NickelAllergy,
        code: FindingCode::NickelAllergy,
        severity: Severity::Blocker,
        advice: "This device's needles are stainless steel or of unknown metal; surgical steel holds 10-14% nickel. Use titanium needles or ask your dermatologist.",
        source: RuleSource {
            rule_id: "contraindication.nickel_allergy",
            citation: "'Microneedling in the nickel-allergic patient', JAAD letter; Chu et al., Dermatol Surg 2021 (metal allergy as a risk factor)",
            evidence: Evidence::PeerReviewed,
            note: "Metal contact dermatitis from microneedles is rarely reported; there are no prescreening guidelines.",
        },
    },
];

/// The rule for `condition` (every condition has one; see the tests).
pub fn condition_rule(condition: Condition) -> Option<&'static ConditionRule> {
    CONDITION_RULES.iter().find(|r| r.condition == condition)
}

/// The rule behind the pigmentation warning for skin types IV to VI.
pub const PIGMENTATION_RULE: RuleSource = RuleSource {
    rule_id: "risk.pigmentation",
    citation: "Chu et al., Dermatol Surg 2021 (darker skin a risk factor for lasting hyperpigmentation); Harris 2015; Alster on sun exposure",
    evidence: Evidence::PeerReviewed,
    note: "Others call microneedling very safe for dark skin compared with lasers (Singh & Yadav 2016). Sun before or after raises the risk.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_condition_has_its_rule_in_order() {
        for (rule, condition) in CONDITION_RULES.iter().zip(Condition::ALL) {
            assert_eq!(rule.condition, condition);
            assert!(!rule.source.citation.is_empty());
            assert_eq!(condition_rule(condition).unwrap().code, rule.code);
        }
    }
}
