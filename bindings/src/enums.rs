//! The core's enums and plain records, exported unchanged.
//!
//! `#[uniffi::remote]` re-declares each one so the core stays free of FFI
//! code; the compiler checks that the copy matches the original.

pub use rollsafe_core::check::CleaningState;
pub use rollsafe_core::export::share::ShareKind;
pub use rollsafe_core::report::Paper;
pub use rollsafe_core::rules::Evidence;
pub use rollsafe_core::{
    BodyRegion, BodyZone, CarePlanRest, CleaningMethod, CleaningTiming, Condition, DeviceKind,
    NeedleMaterial, Override, PreChecks, Product, ProductCategory, ProductTiming, Severity,
    SkinType,
};

/// The page size of the dermatologist's PDF report.
#[uniffi::remote(Enum)]
pub enum Paper {
    A4,
    UsLetter,
}

/// Which export makes a shared file's bytes (see `share_files`).
#[uniffi::remote(Enum)]
pub enum ShareKind {
    Report,
    Fhir,
    Csv,
    CsvArchive,
    Backup,
}

/// The form of a microneedling device.
#[uniffi::remote(Enum)]
pub enum DeviceKind {
    Roller,
    Stamp,
    Pen,
    ScalpRoller,
    Other,
}

/// What a device's needles are made of.
#[uniffi::remote(Enum)]
pub enum NeedleMaterial {
    Titanium,
    StainlessSteel,
    Unknown,
}

/// A treated area of the body.
#[uniffi::remote(Enum)]
pub enum BodyZone {
    Forehead,
    Cheeks,
    Nose,
    Chin,
    UpperLip,
    Jawline,
    Neck,
    Scalp,
    Decolletage,
    Abdomen,
    Back,
    Arms,
    Buttocks,
    Thighs,
    Legs,
}

/// The three regions the rules distinguish.
#[uniffi::remote(Enum)]
pub enum BodyRegion {
    Face,
    Scalp,
    Body,
}

/// How much a finding weighs on a verdict.
#[uniffi::remote(Enum)]
pub enum Severity {
    Blocker,
    Caution,
    Warning,
}

/// How strong the evidence behind a rule is.
#[uniffi::remote(Enum)]
pub enum Evidence {
    PeerReviewed,
    Professional,
    Low,
    Synthesis,
    Clinician,
}

/// What kind of product it is, as far as the rules care.
#[uniffi::remote(Enum)]
pub enum ProductCategory {
    HyaluronicAcid,
    Peptides,
    GrowthFactors,
    Minoxidil,
    Retinoid,
    VitaminC,
    AhaBha,
    NumbingCream,
    Fragrance,
    Other,
}

/// When a product was applied relative to needling.
#[uniffi::remote(Enum)]
pub enum ProductTiming {
    Before,
    After,
}

/// Fitzpatrick skin type, I to VI.
#[uniffi::remote(Enum)]
pub enum SkinType {
    I,
    Ii,
    Iii,
    Iv,
    V,
    Vi,
}

/// A condition or medication the profile asks about.
#[uniffi::remote(Enum)]
pub enum Condition {
    KeloidScarring,
    ColdSores,
    InflammatorySkinDisease,
    Diabetes,
    Immunosuppression,
    BleedingRisk,
    Isotretinoin,
    Pregnancy,
    NickelAllergy,
}

/// How a device was cleaned.
#[uniffi::remote(Enum)]
pub enum CleaningMethod {
    IsopropylSoak,
    OtherAlcoholSoak,
    SoapAndWater,
    Other,
}

/// Where a cleaning falls relative to the device's sessions.
#[uniffi::remote(Enum)]
pub enum CleaningTiming {
    AfterUse,
    BeforeUse,
    AfterAndBeforeUse,
    Standalone,
}

/// Whether a device was cleaned adequately since it was last used.
#[uniffi::remote(Enum)]
pub enum CleaningState {
    CleanForNextUse,
    NotCleanedBeforeFirstUse,
    NotCleanedSinceLastUse,
    Inadequate {
        method: CleaningMethod,
        soak_minutes: Option<u32>,
    },
}

/// The user's answers to the checks before a session.
#[uniffi::remote(Record)]
pub struct PreChecks {
    pub device_cleaned: bool,
    pub skin_clean: bool,
    pub active_breakout: bool,
    pub cold_sore: bool,
    pub open_wound: bool,
    pub sunburn: bool,
}

/// A product applied around a session, with its category tags.
#[uniffi::remote(Record)]
pub struct Product {
    pub name: String,
    pub timing: ProductTiming,
    pub categories: Vec<ProductCategory>,
}

/// A blocker the user saw and chose to override, kept with the session.
#[uniffi::remote(Record)]
pub struct Override {
    pub code: String,
    pub message: String,
}

/// A minimum rest set by a care plan for one region.
#[uniffi::remote(Record)]
pub struct CarePlanRest {
    pub region: BodyRegion,
    pub min_rest_days: u32,
}

/// The longest needle a care plan allows on one region, in millimetres.
#[uniffi::remote(Record)]
pub struct CarePlanNeedleLimit {
    pub region: BodyRegion,
    pub max_needle_length_mm: f64,
}

pub use rollsafe_core::RegionNeedleLimit as CarePlanNeedleLimit;
pub use rollsafe_core::{
    AlertKind, AlertReason, FactorKind, PhotoRef, PusColour, PusConsistency, PusDescription,
    QuietHours, ReminderKind, ReportKind, ReportedSymptom, RiskLevel, Symptom, SymptomTrend,
    TriageLevel,
};

/// A symptom the user can report.
#[uniffi::remote(Enum)]
pub enum Symptom {
    Redness,
    Swelling,
    Pain,
    Itching,
    Burning,
    Warmth,
    Peeling,
    Crusting,
    Bumps,
    Pus,
    SpreadingRedness,
    Blisters,
    Darkening,
    Fever,
    FeelingUnwell,
    VisionChange,
}

/// The colour of pus, as the CDC purulence definition asks.
#[uniffi::remote(Enum)]
pub enum PusColour {
    Clear,
    White,
    Yellow,
    Green,
    Other,
}

/// The consistency of pus, as the CDC purulence definition asks.
#[uniffi::remote(Enum)]
pub enum PusConsistency {
    Watery,
    Milky,
    Thick,
    Creamy,
    Opaque,
    Viscous,
}

/// A full report or a post-session check-in.
#[uniffi::remote(Enum)]
pub enum ReportKind {
    Report,
    CheckIn24h,
    CheckIn72h,
}

/// How the skin compares with before, in the user's own words. "Worse"
/// after the first two days counts as a worsening even with no earlier
/// report to compare with.
#[uniffi::remote(Enum)]
pub enum SymptomTrend {
    Worse,
    Same,
    Better,
}

/// What a risk factor is about, which decides how it counts: behaviour
/// (counted, and its changes alerted), a declared condition (weighs only
/// alongside a behaviour factor) or another risk than infection (herpes
/// reactivation, dark marks: shown apart, never counted).
#[uniffi::remote(Enum)]
pub enum FactorKind {
    Behaviour,
    Host,
    OtherRisk,
}

/// The preventive risk level.
#[uniffi::remote(Enum)]
pub enum RiskLevel {
    Low,
    Moderate,
    High,
}

/// How urgent a triage prompt is: green (expected), amber (contact your
/// dermatologist), red (seek urgent care).
#[uniffi::remote(Enum)]
pub enum TriageLevel {
    Green,
    Amber,
    Red,
}

/// Which assessment an alert is about.
#[uniffi::remote(Enum)]
pub enum AlertKind {
    Preventive,
    Triage,
}

/// What a reminder is for.
#[uniffi::remote(Enum)]
pub enum ReminderKind {
    CleanAfterSession,
    SoakFinished,
    NextSessionAllowed,
    ReplaceDevice,
    CheckIn24h,
    CheckIn72h,
    TriageFollowUp,
}

/// One symptom in a report, with its severity (0 to 10) when rated.
#[uniffi::remote(Record)]
pub struct ReportedSymptom {
    pub symptom: Symptom,
    pub severity: Option<u8>,
}

/// What the pus looked like.
#[uniffi::remote(Record)]
pub struct PusDescription {
    pub colour: PusColour,
    pub consistency: PusConsistency,
}

/// A photo kept by the app: its reference and the SHA-256 of its bytes.
#[uniffi::remote(Record)]
pub struct PhotoRef {
    pub file: String,
    pub sha256: String,
}

/// One reason behind an alert.
#[uniffi::remote(Record)]
pub struct AlertReason {
    pub code: String,
    pub text: String,
}

/// Quiet hours in minutes after local midnight; start after end spans midnight.
#[uniffi::remote(Record)]
pub struct QuietHours {
    pub start_minute: u16,
    pub end_minute: u16,
}
