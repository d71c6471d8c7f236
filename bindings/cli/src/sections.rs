//! `--sections`: which parts of the log a report or an export includes,
//! as the core's `Sections`. None named means all of them.

use rollsafe_core::export::Sections;

use crate::args::{SectionArg, SectionsArg};

/// The sections `args` chose.
pub fn chosen(args: &SectionsArg) -> Sections {
    if args.sections.is_empty() {
        return Sections::ALL;
    }
    let has = |section| args.sections.contains(&section);
    Sections {
        profile: has(SectionArg::Profile),
        devices: has(SectionArg::Devices),
        sessions: has(SectionArg::Sessions),
        cleanings: has(SectionArg::Cleanings),
        symptoms: has(SectionArg::Symptoms),
        alerts: has(SectionArg::Alerts),
        care_plan: has(SectionArg::CarePlan),
    }
}
