//! Plain English names for the closed lists the FHIR entries code locally,
//! shown as each code's display so the bundle reads without our code system.

use crate::device::{DeviceKind, NeedleMaterial};
use crate::symptom::ReportKind;
use crate::zone::BodyZone;

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
