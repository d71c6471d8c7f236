//! An open triage prompt stops the next session.
//!
//! The triage prompts tell the user to seek care (red) or to contact their
//! dermatologist (amber) and to stop needling until they have. A verdict that
//! let the next session through would contradict that advice, so the check
//! reads the same prompts. Needling over a reaction that may be infected can
//! spread it, and a red sign (fever, spreading redness, feeling unwell, pus)
//! may be systemic: the NHS red flags send the person to urgent care, not to
//! the next session. How far the stop reaches and what lifts it is not in
//! the sources; RollSafe takes the conservative end: red stops every region,
//! amber the regions of the report, until a later report on the same session
//! supersedes it, the report is resolved, or the user records that a
//! clinician has seen it.

use super::source::{Evidence, RuleSource};

/// The rule behind the stop after an open amber or red prompt.
pub const OPEN_PROMPT_GATE: RuleSource = RuleSource {
    rule_id: "triage.open_prompt_stops_needling",
    citation: "NHS, Cellulitis and Sepsis (red flags: seek urgent care); Chu et al., Dermatol Surg 2021 (active skin infection a risk factor); RollSafe's triage prompts ('stop needling until you have')",
    evidence: Evidence::Synthesis,
    note: "No source says how far the stop reaches or what lifts it. RollSafe is conservative: a red prompt stops every region, an amber one the regions of its report, until a later report settles it or a clinician has seen it.",
};
