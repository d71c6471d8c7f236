//! Plain English names for the closed lists the FHIR entries code locally,
//! shown as each code's display so the bundle reads without our code system.

use crate::cleaning::{CleaningMethod, CleaningTiming};
use crate::device::{DeviceKind, NeedleMaterial};
use crate::profile::{Condition, SkinType};
use crate::symptom::ReportKind;
use crate::zone::{BodyRegion, BodyZone};

/// A body zone's display name.
pub fn zone(zone: BodyZone) -> &'static str {
    use BodyZone::*;
    match zone {
        Forehead => "Forehead",
        Cheeks => "Cheeks",
        Nose => "Nose",
        Chin => "Chin",
        UpperLip => "Upper lip",
        Jawline => "Jawline",
        Neck => "Neck",
        Scalp => "Scalp",
        Decolletage => "Décolletage (upper chest)",
        Abdomen => "Abdomen",
        Back => "Back",
        Arms => "Arms",
        Buttocks => "Buttocks",
        Thighs => "Thighs",
        Legs => "Lower legs",
    }
}

/// A device kind's display name.
pub fn device_kind(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Roller => "Derma roller",
        DeviceKind::Stamp => "Derma stamp",
        DeviceKind::Pen => "Microneedling pen",
        DeviceKind::ScalpRoller => "Scalp roller",
        DeviceKind::Other => "Other microneedling device",
    }
}

/// A needle material's display name.
pub fn material(material: NeedleMaterial) -> &'static str {
    match material {
        NeedleMaterial::Titanium => "Titanium",
        NeedleMaterial::StainlessSteel => "Stainless steel",
        NeedleMaterial::Unknown => "Unknown or other material",
    }
}

/// A report kind's display name.
pub fn report_kind(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Report => "Self-reported skin reaction after microneedling",
        ReportKind::CheckIn24h => "Check-in 24 hours after microneedling",
        ReportKind::CheckIn72h => "Check-in 72 hours after microneedling",
    }
}

/// A body region's name, as a plan's limits speak of it.
pub fn region(region: BodyRegion) -> &'static str {
    match region {
        BodyRegion::Face => "face and neck",
        BodyRegion::Scalp => "scalp",
        BodyRegion::Body => "body (below the neck)",
    }
}

/// A profile condition's display: what the question asks about.
pub fn condition(condition: Condition) -> &'static str {
    use Condition::*;
    match condition {
        KeloidScarring => "History of keloid or hypertrophic scars",
        ColdSores => "History of cold sores (herpes simplex)",
        InflammatorySkinDisease => "Eczema, psoriasis or rosacea",
        Diabetes => "Diabetes",
        Immunosuppression => "Weakened immune system, chemotherapy or radiotherapy",
        BleedingRisk => "Takes anticoagulants or has a bleeding disorder",
        Isotretinoin => "Isotretinoin, now or in the past",
        Pregnancy => "Pregnancy",
        NickelAllergy => "Allergy to nickel",
    }
}

/// A Fitzpatrick skin type's display.
pub fn skin_type(skin: SkinType) -> &'static str {
    match skin {
        SkinType::I => "Fitzpatrick type I",
        SkinType::Ii => "Fitzpatrick type II",
        SkinType::Iii => "Fitzpatrick type III",
        SkinType::Iv => "Fitzpatrick type IV",
        SkinType::V => "Fitzpatrick type V",
        SkinType::Vi => "Fitzpatrick type VI",
    }
}

/// A cleaning method's display.
pub fn cleaning_method(method: CleaningMethod) -> &'static str {
    match method {
        CleaningMethod::IsopropylSoak => "Soak in 70% isopropyl alcohol",
        CleaningMethod::OtherAlcoholSoak => "Soak in another alcohol solution",
        CleaningMethod::SoapAndWater => "Rinse with soap and water",
        CleaningMethod::Other => "Another method",
    }
}

/// Where a cleaning falls around the device's uses: its code and display.
pub fn cleaning_timing(timing: CleaningTiming) -> (&'static str, &'static str) {
    match timing {
        CleaningTiming::BeforeUse => ("before-use", "Within a day before a use"),
        CleaningTiming::AfterUse => ("after-use", "Within a day after a use"),
        CleaningTiming::AfterAndBeforeUse => (
            "after-and-before-use",
            "Between two uses less than a day apart",
        ),
        CleaningTiming::Standalone => ("standalone", "Not within a day of a use"),
    }
}
