//! What an export includes beyond its period: which sections, and how much
//! of the user's free text.

/// The parts of the log an export may carry. Each export leaves out the
/// sections switched off here, entirely: not even a count is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sections {
    /// The profile answers (conditions, medications, skin type) with dates.
    pub profile: bool,
    /// Devices, their wear, replacement and cleaning adherence.
    pub devices: bool,
    /// The session timeline.
    pub sessions: bool,
    /// Cleanings of each device.
    pub cleanings: bool,
    /// Irritation and symptom reports with their triage prompts.
    pub symptoms: bool,
    /// Alerts: each rise and fall of the risk levels.
    pub alerts: bool,
    /// The care plan set by the dermatologist.
    pub care_plan: bool,
}

impl Sections {
    /// Every section: what a dermatologist's report shows by default.
    pub const ALL: Self = Self {
        profile: true,
        devices: true,
        sessions: true,
        cleanings: true,
        symptoms: true,
        alerts: true,
        care_plan: true,
    };
}

impl Default for Sections {
    fn default() -> Self {
        Self::ALL
    }
}

/// How much of what the user typed, and of their photos, leaves the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Privacy {
    /// Replace every free-text note with a mark saying a note was withheld.
    pub redact_notes: bool,
    /// Name the photos attached to symptom reports (file name and SHA-256).
    /// The images themselves never leave the device through an export.
    pub include_photo_references: bool,
    /// Put the name, date of birth and patient number from the profile on
    /// the report and the FHIR Patient. Without it an export identifies no
    /// one: the PDF shows no name and the FHIR ids cannot be linked to a
    /// named export's.
    pub identify_patient: bool,
}
