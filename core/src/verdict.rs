//! "May I use my device now?": the verdict before a session, with its reasons.
//!
//! A verdict is a list of findings, each with a stable code, a plain message
//! and the rule it came from. Blockers stop the session unless the user
//! acknowledges them; cautions let it go ahead once acknowledged; warnings
//! inform. Every acknowledgement is kept with the session. The shells only
//! display verdicts.

use chrono::NaiveDate;

use crate::rules::RuleSource;
use crate::zone::BodyRegion;

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

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What it is about; its stable text is `code.code()`, for example
    /// `interval_not_elapsed`.
    pub code: FindingCode,
    /// How much it weighs.
    pub severity: Severity,
    /// A plain-language explanation for the user.
    pub message: String,
    /// The rule that produced it.
    pub source: RuleSource,
}

/// The rest interval as it stands for one region of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRest {
    /// The region.
    pub region: BodyRegion,
    /// The local date of the last session on it, if any.
    pub last_session_date: Option<NaiveDate>,
    /// The minimum rest that applies, in local calendar days.
    pub min_rest_days: u32,
    /// The first local date a session is allowed on it, if it was needled.
    pub next_allowed_date: Option<NaiveDate>,
    /// The rule (or care plan) that set the rest.
    pub source: RuleSource,
}

/// The answer to "may I start this session now?".
#[derive(Clone, Debug, PartialEq)]
pub struct SessionVerdict {
    /// True when no finding blocks the session (cautions do not: they ask for
    /// an acknowledgement when recording).
    pub allowed: bool,
    /// Every reason, blockers first, in a stable order.
    pub findings: Vec<Finding>,
    /// The rest interval for each region the plan touches.
    pub rest: Vec<RegionRest>,
    /// The first local date on which every rest interval of the plan has
    /// passed, when one has not yet.
    pub next_allowed_date: Option<NaiveDate>,
}

impl SessionVerdict {
    /// Builds a verdict from its findings: blockers first, then cautions,
    /// then warnings.
    pub fn from_findings(
        mut findings: Vec<Finding>,
        rest: Vec<RegionRest>,
        today: NaiveDate,
    ) -> Self {
        crate::sorting::sort_by_key(&mut findings, |f| match f.severity {
            Severity::Blocker => 0,
            Severity::Caution => 1,
            Severity::Warning => 2,
        });
        let next_allowed_date = rest
            .iter()
            .filter_map(|r| r.next_allowed_date)
            .filter(|date| *date > today)
            .max();
        Self {
            allowed: findings.iter().all(|f| f.severity != Severity::Blocker),
            findings,
            rest,
            next_allowed_date,
        }
    }

    /// The findings that block the session.
    pub fn blockers(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker)
    }

    /// The findings recording the session needs acknowledged: the blockers
    /// and the cautions.
    pub fn to_acknowledge(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity.needs_acknowledgement())
    }

    /// The findings that only warn.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}
