//! The preventive risk factors: behaviour and state that raise the chance of
//! infection or complications before any symptom shows.
//!
//! No validated score exists for infection after microneedling (domain
//! reference 2.10); this is RollSafe's transparent synthesis. Each factor
//! names its source and carries a weight, counted once per occurrence up to
//! a cap, so a pattern of lapses reaches high where one lapse stays
//! moderate. The level sums the points over the last 30 days (the CDC/NHSN
//! window for a superficial surgical-site infection), so adding a lapse can
//! never lower it. What the user declared about themselves (a weakened
//! immune system, diabetes) weighs on what they do, never alone: it adds
//! only when a behaviour factor is present, so declaring a condition raises
//! no alert. Herpes reactivation and pigmentation are other risks, shown
//! apart and never counted as infection risk.

use super::source::{Evidence, RuleSource};
use crate::finding::FindingCode;

/// The code of a preventive risk factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskFactorCode {
    /// The log showed no adequate cleaning since the device's last use, and
    /// the session went ahead.
    SessionWithUncleanedDevice,
    /// The user answered that the device was not cleaned, though the log
    /// showed an adequate cleaning since its last use.
    AnsweredDeviceNotCleaned,
    /// No cleaning followed a session within a day.
    MissingAfterUseCleaning,
    /// A session over active, broken or unwashed skin.
    SessionOnActiveOrBrokenSkin,
    /// An active device is marked as shared.
    SharedDevice,
    /// A session despite a contraindication, the care plan or an open
    /// triage prompt.
    SessionDespiteContraindication,
    /// A device used past, or now past, its replacement point.
    DevicePastReplacement,
    /// A session before the rest interval had passed.
    IntervalNotRespected,
    /// A product to keep off needled skin.
    ProductToAvoidAfterNeedling,
    /// Needles of 0.75 mm or more.
    NeedleInProfessionalRange,
    /// The profile notes a weakened immune system.
    Immunosuppression,
    /// The profile notes diabetes.
    Diabetes,
    /// The profile notes cold sores and the face was needled.
    ColdSoreHistory,
    /// The skin type is prone to dark marks.
    PigmentationProneSkin,
}

crate::codes::stable_codes!(RiskFactorCode {
    SessionWithUncleanedDevice => "session_with_uncleaned_device",
    AnsweredDeviceNotCleaned => "answered_device_not_cleaned",
    MissingAfterUseCleaning => "missing_after_use_cleaning",
    SessionOnActiveOrBrokenSkin => "session_on_active_or_broken_skin",
    SharedDevice => "shared_device",
    SessionDespiteContraindication => "session_despite_contraindication",
    DevicePastReplacement => "device_past_replacement",
    IntervalNotRespected => "interval_not_respected",
    ProductToAvoidAfterNeedling => "product_to_avoid_after_needling",
    NeedleInProfessionalRange => "needle_in_professional_range",
    Immunosuppression => "immunosuppression",
    Diabetes => "diabetes",
    ColdSoreHistory => "cold_sore_history",
    PigmentationProneSkin => "pigmentation_prone_skin",
});

/// What a factor is about, which decides how it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactorKind {
    /// What the user did, or the state of a device: counted, and a change
    /// of level it causes is alerted.
    Behaviour,
    /// A condition the user declared: counted only alongside a behaviour
    /// factor, so it never raises the level (or an alert) alone.
    Host,
    /// A risk other than infection (herpes reactivation, dark marks): shown
    /// apart, never counted in the infection risk.
    OtherRisk,
}

crate::codes::stable_codes!(FactorKind {
    Behaviour => "behaviour",
    Host => "host",
    OtherRisk => "other_risk",
});

/// One kind of preventive factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskFactorRule {
    /// The factor's stable code.
    pub code: RiskFactorCode,
    /// How it counts.
    pub kind: FactorKind,
    /// How much each occurrence adds to the level.
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
/// The most occurrences of one factor that count: three lapses make a
/// pattern (RollSafe's synthesis, no source gives a number), and a cap keeps
/// one habit from hiding how the others change.
pub const MOST_COUNTED: u32 = 3;

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
    note: "Conditions that make an infection likelier or worse. They weigh only alongside a behaviour factor in the last 30 days (RollSafe's reading: a condition the user declared is no change to alert on), and show only while the device is in use.",
};

const SYNTHESIS: RuleSource = RuleSource {
    rule_id: "risk.rollsafe_rules",
    citation: "RollSafe's rules (intervals, replacement, products, needle length), each citing its own sources",
    evidence: Evidence::Synthesis,
    note: "Overriding a rule is recorded with the session and counts here.",
};

/// Every preventive factor, in the order an assessment lists them.
pub const RISK_FACTORS: [RiskFactorRule; 14] = [
    factor(
        RiskFactorCode::SessionWithUncleanedDevice,
        FactorKind::Behaviour,
        2,
        "Clean the device with a 20-minute alcohol soak before every use.",
        HYGIENE,
    ),
    factor(
        RiskFactorCode::AnsweredDeviceNotCleaned,
        FactorKind::Behaviour,
        1,
        "If the device was not clean, soak it again before use; if it was, answer the pre-check as it was.",
        HYGIENE,
    ),
    factor(
        RiskFactorCode::MissingAfterUseCleaning,
        FactorKind::Behaviour,
        1,
        "Clean the device straight after every use, then let it dry in its case.",
        HYGIENE,
    ),
    factor(
        RiskFactorCode::SessionOnActiveOrBrokenSkin,
        FactorKind::Behaviour,
        2,
        "Skip sessions over breakouts, cold sores, wounds or sunburn.",
        SKIN,
    ),
    factor(
        RiskFactorCode::SharedDevice,
        FactorKind::Behaviour,
        2,
        "Never share a needling device, even after cleaning.",
        SHARING,
    ),
    factor(
        RiskFactorCode::SessionDespiteContraindication,
        FactorKind::Behaviour,
        2,
        "Ask your dermatologist before needling again.",
        SYNTHESIS,
    ),
    factor(
        RiskFactorCode::DevicePastReplacement,
        FactorKind::Behaviour,
        1,
        "Replace the head: worn needles tear skin and are harder to clean.",
        SYNTHESIS,
    ),
    factor(
        RiskFactorCode::IntervalNotRespected,
        FactorKind::Behaviour,
        1,
        "Let the skin rest the full interval between sessions.",
        SYNTHESIS,
    ),
    factor(
        RiskFactorCode::ProductToAvoidAfterNeedling,
        FactorKind::Behaviour,
        1,
        "Keep actives such as vitamin C, retinoids and acids off freshly needled skin.",
        SYNTHESIS,
    ),
    factor(
        RiskFactorCode::NeedleInProfessionalRange,
        FactorKind::Behaviour,
        1,
        "Needles of 0.75 mm and more are for professionals; consider a shorter one.",
        SYNTHESIS,
    ),
    factor(
        RiskFactorCode::Immunosuppression,
        FactorKind::Host,
        2,
        "With a weakened immune system, watch the skin closely and seek care early.",
        HOST,
    ),
    factor(
        RiskFactorCode::Diabetes,
        FactorKind::Host,
        1,
        "With diabetes, healing can be slower: watch the skin closely and seek care early.",
        HOST,
    ),
    factor(
        RiskFactorCode::ColdSoreHistory,
        FactorKind::OtherRisk,
        0,
        "With a history of cold sores, ask your dermatologist about antiviral cover for face sessions.",
        HOST,
    ),
    factor(
        RiskFactorCode::PigmentationProneSkin,
        FactorKind::OtherRisk,
        0,
        "Protect treated skin from the sun for weeks after a session.",
        HOST,
    ),
];

const fn factor(
    code: RiskFactorCode,
    kind: FactorKind,
    weight: u32,
    advice: &'static str,
    source: RuleSource,
) -> RiskFactorRule {
    RiskFactorRule {
        code,
        kind,
        weight,
        advice,
        source,
    }
}

/// The rule for the factor with `code`.
pub fn risk_factor(code: RiskFactorCode) -> Option<&'static RiskFactorRule> {
    RISK_FACTORS.iter().find(|f| f.code == code)
}

/// The blockers that mean a session went ahead over broken or active skin.
pub const SKIN_BLOCKERS: [FindingCode; 5] = [
    FindingCode::ActiveBreakout,
    FindingCode::ActiveColdSore,
    FindingCode::OpenWound,
    FindingCode::Sunburn,
    FindingCode::PrecheckSkinNotClean,
];

/// The blockers that mean a session went ahead despite a
/// contraindication, the care plan or an open triage prompt.
pub const CONTRAINDICATION_BLOCKERS: [FindingCode; 9] = [
    FindingCode::KeloidHistory,
    FindingCode::Immunosuppression,
    FindingCode::BleedingRisk,
    FindingCode::Isotretinoin,
    FindingCode::Pregnancy,
    FindingCode::NickelAllergy,
    FindingCode::ZoneNotInCarePlan,
    FindingCode::NeedleOverCarePlan,
    FindingCode::OpenTriagePrompt,
];

/// The blockers that mean a session went before the rest interval passed,
/// on either side.
pub const INTERVAL_BLOCKERS: [FindingCode; 2] = [
    FindingCode::IntervalNotElapsed,
    FindingCode::IntervalBeforeLaterSession,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_exactly_one_rule_in_code_order() {
        let codes: Vec<_> = RISK_FACTORS.iter().map(|f| f.code).collect();
        assert_eq!(codes, RiskFactorCode::ALL.to_vec());
        for code in RiskFactorCode::ALL {
            assert_eq!(risk_factor(code).map(|r| r.code), Some(code));
        }
    }

    #[test]
    fn other_risks_never_weigh_on_infection() {
        for f in RISK_FACTORS {
            if f.kind == FactorKind::OtherRisk {
                assert_eq!(f.weight, 0, "{}", f.code.code());
            }
        }
    }
}
