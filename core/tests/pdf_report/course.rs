//! The symptom course per session and the one timeline, as the clinician
//! reads them in the PDF's text layer.

use rollsafe_core::export::Sections;
use rollsafe_core::report::ReportOptions;

use super::{report_text, story};

/// The story's scalp session on 17 March (0.5 mm) has a check-in the next
/// evening (day 1, redness 3) and a report on the 20th (day 3, redness,
/// warmth and itching 6); its face sessions have no reports of their own.
#[test]
fn the_symptom_course_is_shown_per_session_by_day_0_to_7() {
    let text = report_text(&story::store(), &ReportOptions::default());
    for expected in [
        "Symptom course after each session",
        "Scalp roller · 0.5 mm · session 2026-03-17 21:00 · scalp · expected course days 0–3",
        "Symptom Day 0 Day 1 Day 2 Day 3 Day 4 Day 5 Day 6 Day 7",
        "redness – 3 – 6 – – – –",
        "itching – – – 6 – – – –",
        "warmth – – – 6 – – – –",
        "overall – 3 – 6 – – – –",
        "Day 0 is the session's local day",
        "at their worst in the first 48 hours",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(!text.contains("Face roller · 0.25 mm · session"), "{text}");
    // The expected course is cited as the report's other sources are.
    let references = text.find("References").unwrap();
    for rule in ["triage.expected_course", "triage.worsening"] {
        assert!(
            text[references..].contains(rule),
            "{rule} not in the references"
        );
    }
    let course = text.find("Symptom course after each session").unwrap();
    assert!(
        text[course..references].contains("[2]") || text[course..references].contains("[1]"),
        "the expected course carries its reference numbers"
    );
}

#[test]
fn sessions_cleanings_and_symptoms_share_one_timeline() {
    let text = report_text(&story::store(), &ReportOptions::default());
    for expected in [
        "Sessions, cleanings and symptom reports",
        "cleaned before",
        "not cleaned before",
        "On one time axis: 9 sessions (1 without a cleaning before: 2026-03-12);",
        "2 symptom reports, the most severe 6 of 10 on 2026-03-20.",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // Without the sessions section, neither the course nor the session lane.
    let no_sessions = ReportOptions {
        sections: Sections {
            sessions: false,
            ..Sections::ALL
        },
        ..ReportOptions::default()
    };
    let text = report_text(&story::store(), &no_sessions);
    assert!(
        !text.contains("Symptom course after each session"),
        "{text}"
    );
    assert!(!text.contains("9 sessions"), "{text}");
    assert!(text.contains("On one time axis:"), "{text}");
}
