//! The core's enums, exported unchanged.
//!
//! `#[uniffi::remote]` re-declares each one so the core stays free of FFI
//! code; the compiler checks that the copy matches the original.

pub use rollsafe_core::rules::Evidence;
pub use rollsafe_core::{BodyZone, DeviceKind, Severity};

/// The form of a microneedling device.
#[uniffi::remote(Enum)]
pub enum DeviceKind {
    Roller,
    Stamp,
    Pen,
    ScalpRoller,
    Other,
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

/// How much a finding weighs on a verdict.
#[uniffi::remote(Enum)]
pub enum Severity {
    Blocker,
    Warning,
}

/// How strong the evidence behind a rule is.
#[uniffi::remote(Enum)]
pub enum Evidence {
    PeerReviewed,
    Professional,
    Low,
    Synthesis,
}
