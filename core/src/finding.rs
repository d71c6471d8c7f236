//! What a finding is about and how much it weighs: the vocabulary the rules
//! speak and the verdict collects.
//!
//! These are domain types below both: the rules (`crate::rules`) raise
//! findings by [`FindingCode`] and [`Severity`], and the verdict
//! (`crate::verdict`, which re-exports them under their old paths) lists
//! them with the rule each came from. Kept apart so the rules need nothing
//! from the verdict.

/// How much a finding weighs on the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The session should not go ahead; recording it needs an explicit
    /// acknowledgement.
    Blocker,
    /// The session may go ahead, but only once the user acknowledges it:
    /// recording it needs the acknowledgement, which is kept with the session.
    Caution,
    /// The session may go ahead, but the user should know.
    Warning,
}

impl Severity {
    /// True when recording a session needs this finding acknowledged.
    pub fn needs_acknowledgement(self) -> bool {
        match self {
            Severity::Blocker | Severity::Caution => true,
            Severity::Warning => false,
        }
    }
}

/// What a finding is about: one code per kind of finding, so the rule that
/// raises it and the code that reads it (acknowledgements, the home screen)
/// cannot drift apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingCode {
    /// The rest interval since the previous session has not passed.
    IntervalNotElapsed,
    /// A session already logged later on the region is too close after this one.
    IntervalBeforeLaterSession,
    /// An open amber or red triage prompt: a clinician should see the skin first.
    OpenTriagePrompt,
    /// The device is retired.
    DeviceRetired,
    /// The device was not cleaned adequately since its last use.
    DeviceNotCleaned,
    /// The device is due for replacement.
    DeviceDueForReplacement,
    /// The device is shared.
    DeviceShared,
    /// The pre-check says the device was not cleaned.
    PrecheckDeviceNotCleaned,
    /// The pre-check says the skin is not clean.
    PrecheckSkinNotClean,
    /// An active breakout on the area.
    ActiveBreakout,
    /// An active cold sore.
    ActiveColdSore,
    /// An open wound on the area.
    OpenWound,
    /// Sunburn on the area.
    Sunburn,
    /// A zone the care plan does not allow.
    ZoneNotInCarePlan,
    /// A needle longer than the care plan allows on the region.
    NeedleOverCarePlan,
    /// A product the care plan says to avoid.
    CarePlanProduct,
    /// A product to keep off needled skin.
    ProductToAvoid,
    /// A needle in the professional range.
    NeedleProfessionalRange,
    /// A needle over the home range.
    NeedleOverHomeRange,
    /// Keloid history.
    KeloidHistory,
    /// Cold-sore history, for face sessions.
    ColdSoreHistory,
    /// An inflammatory skin disease.
    InflammatorySkinDisease,
    /// Diabetes.
    Diabetes,
    /// A weakened immune system.
    Immunosuppression,
    /// A bleeding risk.
    BleedingRisk,
    /// Isotretinoin taken or stopped recently.
    Isotretinoin,
    /// Pregnancy.
    Pregnancy,
    /// Nickel allergy with a needle that may contain nickel.
    NickelAllergy,
    /// Skin types IV to VI.
    PigmentationRisk,
}

crate::codes::stable_codes!(FindingCode {
    IntervalNotElapsed => "interval_not_elapsed",
    IntervalBeforeLaterSession => "interval_before_later_session",
    OpenTriagePrompt => "open_triage_prompt",
    DeviceRetired => "device_retired",
    DeviceNotCleaned => "device_not_cleaned",
    DeviceDueForReplacement => "device_due_for_replacement",
    DeviceShared => "device_shared",
    PrecheckDeviceNotCleaned => "precheck_device_not_cleaned",
    PrecheckSkinNotClean => "precheck_skin_not_clean",
    ActiveBreakout => "active_breakout",
    ActiveColdSore => "active_cold_sore",
    OpenWound => "open_wound",
    Sunburn => "sunburn",
    ZoneNotInCarePlan => "zone_not_in_care_plan",
    NeedleOverCarePlan => "needle_over_care_plan",
    CarePlanProduct => "care_plan_product",
    ProductToAvoid => "product_to_avoid",
    NeedleProfessionalRange => "needle_professional_range",
    NeedleOverHomeRange => "needle_over_home_range",
    KeloidHistory => "keloid_history",
    ColdSoreHistory => "cold_sore_history",
    InflammatorySkinDisease => "inflammatory_skin_disease",
    Diabetes => "diabetes",
    Immunosuppression => "immunosuppression",
    BleedingRisk => "bleeding_risk",
    Isotretinoin => "isotretinoin",
    Pregnancy => "pregnancy",
    NickelAllergy => "nickel_allergy",
    PigmentationRisk => "pigmentation_risk",
});
