//! Irritation and symptom reports after sessions.
//!
//! Redness and swelling are expected after needling; what matters is whether
//! they settle on time or get worse, and a few signs that need care at once
//! (domain reference 2.5, 2.10). A report records what the user sees in a
//! structured way so the triage rules can read it: which symptoms, how bad,
//! where, and for pus the colour and consistency the CDC definition needs.

use crate::error::{Error, Result};
use crate::ids::{ReportId, SessionId};
use crate::time::{self, Moment};
use crate::validate;
use crate::zone::{self, BodyZone};

/// A symptom the user can report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Symptom {
    /// Redness.
    Redness,
    /// Swelling.
    Swelling,
    /// Pain or tenderness.
    Pain,
    /// Itching.
    Itching,
    /// Burning or stinging.
    Burning,
    /// Warmth or heat in the area.
    Warmth,
    /// Peeling or flaking.
    Peeling,
    /// Crusting.
    Crusting,
    /// Bumps or papules.
    Bumps,
    /// Pustules or pus.
    Pus,
    /// Redness that is spreading.
    SpreadingRedness,
    /// Blisters or cold-sore signs.
    Blisters,
    /// Darkening of the skin.
    Darkening,
    /// Fever.
    Fever,
    /// Feeling unwell, faint or confused.
    FeelingUnwell,
    /// A change in eyesight: blurred, double or reduced vision, or pain when
    /// moving the eye.
    VisionChange,
}

crate::codes::stable_codes!(Symptom {
    Redness => "redness",
    Swelling => "swelling",
    Pain => "pain",
    Itching => "itching",
    Burning => "burning",
    Warmth => "warmth",
    Peeling => "peeling",
    Crusting => "crusting",
    Bumps => "bumps",
    Pus => "pus",
    SpreadingRedness => "spreading_redness",
    Blisters => "blisters",
    Darkening => "darkening",
    Fever => "fever",
    FeelingUnwell => "feeling_unwell",
    VisionChange => "vision_change",
});

impl Symptom {
    /// A plain name for messages.
    pub fn label(self) -> &'static str {
        use Symptom::*;
        match self {
            Redness => "redness",
            Swelling => "swelling",
            Pain => "pain",
            Itching => "itching",
            Burning => "burning",
            Warmth => "warmth",
            Peeling => "peeling",
            Crusting => "crusting",
            Bumps => "bumps",
            Pus => "pus",
            SpreadingRedness => "spreading redness",
            Blisters => "blisters or cold-sore signs",
            Darkening => "darkening of the skin",
            Fever => "fever",
            FeelingUnwell => "feeling unwell",
            VisionChange => "a change in eyesight",
        }
    }

    /// The signs of inflammation whose course tells settling from worsening.
    pub fn is_inflammation(self) -> bool {
        matches!(
            self,
            Symptom::Redness | Symptom::Swelling | Symptom::Pain | Symptom::Warmth
        )
    }
}

/// The colour of pus, as the CDC purulence definition asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PusColour {
    /// Clear.
    Clear,
    /// White.
    White,
    /// Yellow.
    Yellow,
    /// Green.
    Green,
    /// Another colour.
    Other,
}

crate::codes::stable_codes!(PusColour {
    Clear => "clear",
    White => "white",
    Yellow => "yellow",
    Green => "green",
    Other => "other",
});

/// The consistency of pus, as the CDC purulence definition asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PusConsistency {
    /// Thin and watery.
    Watery,
    /// Milky.
    Milky,
    /// Thick.
    Thick,
    /// Creamy.
    Creamy,
    /// Opaque.
    Opaque,
    /// Viscous.
    Viscous,
}

crate::codes::stable_codes!(PusConsistency {
    Watery => "watery",
    Milky => "milky",
    Thick => "thick",
    Creamy => "creamy",
    Opaque => "opaque",
    Viscous => "viscous",
});

/// What the pus looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PusDescription {
    /// Its colour.
    pub colour: PusColour,
    /// Its consistency.
    pub consistency: PusConsistency,
}

impl PusDescription {
    /// Purulent in the CDC/NHSN sense: a yellow or green colour and a milky,
    /// thick, creamy, opaque or viscous consistency.
    pub fn is_purulent(self) -> bool {
        matches!(self.colour, PusColour::Yellow | PusColour::Green)
            && !matches!(self.consistency, PusConsistency::Watery)
    }
}

/// One symptom in a report, with its severity when it matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportedSymptom {
    /// The symptom.
    pub symptom: Symptom,
    /// How bad, 0 to 10, if the user rated it.
    pub severity: Option<u8>,
}

/// A photo kept by the app, referred to by the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoRef {
    /// The app's reference to the file (a path or an identifier).
    pub file: String,
    /// The SHA-256 of the file's bytes, as 64 lowercase hex digits.
    pub sha256: String,
}

/// What kind of report it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// A report the user made on their own.
    Report,
    /// The short check-in 24 hours after a session.
    CheckIn24h,
    /// The short check-in 72 hours after a session.
    CheckIn72h,
}

crate::codes::stable_codes!(ReportKind {
    Report => "report",
    CheckIn24h => "check_in_24h",
    CheckIn72h => "check_in_72h",
});

/// How the skin compares with before, in the user's own words: the report
/// says it directly instead of leaving it to a comparison of severities,
/// which needs an earlier report to compare with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymptomTrend {
    /// Worse than before.
    Worse,
    /// About the same as before.
    Same,
    /// Better than before.
    Better,
}

crate::codes::stable_codes!(SymptomTrend {
    Worse => "worse",
    Same => "same",
    Better => "better",
});

impl SymptomTrend {
    /// A short English label, as the report shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Worse => "worse than before",
            Self::Same => "about the same as before",
            Self::Better => "better than before",
        }
    }
}

/// The most photos one report may refer to.
pub const MAX_PHOTOS: usize = 20;
/// The lowest and highest body temperatures accepted, in °C.
pub const TEMPERATURE_RANGE_C: std::ops::RangeInclusive<f64> = 34.0..=43.0;

/// What the user enters to report symptoms.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSymptomReport {
    /// When the user looked.
    pub at: Moment,
    /// A full report or a check-in.
    pub kind: ReportKind,
    /// Where; at least one zone.
    pub zones: Vec<BodyZone>,
    /// True when the area around an eye is affected.
    pub around_eye: bool,
    /// The symptoms seen; may be empty ("looks fine").
    pub symptoms: Vec<ReportedSymptom>,
    /// Overall severity, 0 (none) to 10.
    pub overall_severity: u8,
    /// For pus: its colour and consistency.
    pub pus: Option<PusDescription>,
    /// Measured temperature in °C, if taken.
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, if the user said.
    pub trend: Option<SymptomTrend>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Photos kept by the app.
    pub photos: Vec<PhotoRef>,
    /// The session the user says caused it; `None` links automatically.
    pub session_id: Option<SessionId>,
}

/// A recorded report.
#[derive(Clone, Debug, PartialEq)]
pub struct SymptomReport {
    /// Its stable id.
    pub id: ReportId,
    /// When the user looked.
    pub at: Moment,
    /// A full report or a check-in.
    pub kind: ReportKind,
    /// Where.
    pub zones: Vec<BodyZone>,
    /// True when the area around an eye is affected.
    pub around_eye: bool,
    /// The symptoms seen.
    pub symptoms: Vec<ReportedSymptom>,
    /// Overall severity, 0 to 10.
    pub overall_severity: u8,
    /// For pus: its colour and consistency.
    pub pus: Option<PusDescription>,
    /// Measured temperature in °C.
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, if the user said.
    pub trend: Option<SymptomTrend>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Photos kept by the app.
    pub photos: Vec<PhotoRef>,
    /// The session it is linked to, if any.
    pub session_id: Option<SessionId>,
    /// True when the user chose the link rather than RollSafe.
    pub link_chosen_by_user: bool,
    /// When the user marked it resolved.
    pub resolved_at: Option<Moment>,
    /// When a clinician saw the skin about this report, as the user recorded
    /// it: an amber or red prompt from it stops needling until then.
    pub clinician_seen_at: Option<Moment>,
    /// When it was entered.
    pub recorded_at: Moment,
}

impl SymptomReport {
    /// The symptom entry for `symptom`, if reported.
    pub fn symptom(&self, symptom: Symptom) -> Option<&ReportedSymptom> {
        self.symptoms.iter().find(|s| s.symptom == symptom)
    }

    /// True when `symptom` was reported.
    pub fn has(&self, symptom: Symptom) -> bool {
        self.symptom(symptom).is_some()
    }

    /// The severity of the signs of inflammation: the highest rated one, or
    /// the overall severity if none was rated.
    pub fn inflammation_severity(&self) -> u8 {
        self.symptoms
            .iter()
            .filter(|s| s.symptom.is_inflammation())
            .filter_map(|s| s.severity)
            .max()
            .unwrap_or(self.overall_severity)
    }
}

/// Refuses a resolution, or a clinician's visit, dated before the report it
/// concerns: symptoms cannot clear up or be seen before they were reported.
/// The API and the import of a backup both apply it.
pub fn check_resolution(report_at: &Moment, resolved_at: &Moment) -> Result<()> {
    if resolved_at < report_at {
        return Err(Error::invalid("at", "is before the report"));
    }
    Ok(())
}

impl NewSymptomReport {
    /// Checks every field and returns the cleaned report.
    pub fn validated(self) -> Result<Self> {
        let mut symptoms = self.symptoms;
        for s in &symptoms {
            if let Some(severity) = s.severity {
                validate::within("symptoms.severity", severity, 0..=10)?;
            }
        }
        crate::sorting::sort_by_key(&mut symptoms, |s| s.symptom);
        if validate::has_adjacent_duplicate(&symptoms, |s| s.symptom) {
            return Err(Error::invalid("symptoms", "names the same symptom twice"));
        }
        let has_pus = symptoms.iter().any(|s| s.symptom == Symptom::Pus);
        if self.pus.is_some() && !has_pus {
            return Err(Error::invalid(
                "pus",
                "describes pus but pus is not among the symptoms",
            ));
        }
        let temperature_c = self
            .temperature_c
            .map(|t| validate::measure("temperature_c", t, TEMPERATURE_RANGE_C, "°C"))
            .transpose()?;
        if self.photos.len() > MAX_PHOTOS {
            return Err(Error::invalid(
                "photos",
                format!("must list at most {MAX_PHOTOS} photos"),
            ));
        }
        let photos = self
            .photos
            .into_iter()
            .map(|p| {
                let file = validate::label_with_limit("photos.file", &p.file, 1024)?;
                let sha256 = p.sha256.trim().to_ascii_lowercase();
                if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(Error::invalid(
                        "photos.sha256",
                        "must be 64 hexadecimal digits",
                    ));
                }
                Ok(PhotoRef { file, sha256 })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            at: time::check_plausible("at", self.at)?,
            zones: zone::validate_zones("zones", &self.zones)?,
            overall_severity: validate::within("overall_severity", self.overall_severity, 0..=10)?,
            notes: validate::note("notes", self.notes.as_deref())?,
            symptoms,
            temperature_c,
            photos,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in Symptom::ALL {
            assert_eq!(Symptom::from_code(s.code()), Some(s));
        }
        for c in PusColour::ALL {
            assert_eq!(PusColour::from_code(c.code()), Some(c));
        }
        for c in PusConsistency::ALL {
            assert_eq!(PusConsistency::from_code(c.code()), Some(c));
        }
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::from_code(k.code()), Some(k));
        }
        for t in SymptomTrend::ALL {
            assert_eq!(SymptomTrend::from_code(t.code()), Some(t));
        }
    }

    #[test]
    fn purulence_needs_a_colour_and_a_consistency() {
        let yellow_thick = PusDescription {
            colour: PusColour::Yellow,
            consistency: PusConsistency::Thick,
        };
        assert!(yellow_thick.is_purulent());
        let clear_thick = PusDescription {
            colour: PusColour::Clear,
            ..yellow_thick
        };
        assert!(!clear_thick.is_purulent());
        let green_watery = PusDescription {
            colour: PusColour::Green,
            consistency: PusConsistency::Watery,
        };
        assert!(!green_watery.is_purulent());
    }
}
