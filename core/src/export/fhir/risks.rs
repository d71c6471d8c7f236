//! RiskAssessment: RollSafe's triage prompts and its alerts (each rise or
//! fall of a risk level), each naming the rule and its published source.
//!
//! Preventive levels use HL7's risk-probability codes (low, moderate,
//! high); triage levels (green, amber, red) are urgency, not likelihood, so
//! they have a local code. Every entry says in a note that it is a safety
//! prompt from published guidance, not a diagnosis.

use serde_json::{Value, json};

use super::ids;
use super::json::{date_time, local_concept, note, reference, set, text_concept};
use crate::alert::{Alert, AlertKind};
use crate::risk::{CLINICIAN_DISCLAIMER, RiskLevel, TriageLevel, TriagePrompt};
use crate::rules::RuleSource;
use crate::rules::risk::{RiskFactorCode, risk_factor};
use crate::rules::triage::{TriagePromptCode, triage_rule};
use crate::time::Moment;

/// HL7's code system for qualitative risk (the example binding of
/// `RiskAssessment.prediction.qualitativeRisk` in R4).
const RISK_PROBABILITY: &str = "http://terminology.hl7.org/CodeSystem/risk-probability";

const INFECTION: &str = "Infection or another complication of home microneedling";
const NEEDS_CARE: &str = "A skin reaction that needs a clinician's attention";

/// The id of the RiskAssessment for one triage prompt.
pub fn prompt_id(prompt: &TriagePrompt) -> String {
    ids::derived(
        "triage",
        &format!("{}/{}", prompt.report_id, prompt.code.code()),
    )
}

/// A triage prompt raised by a report, as assessed at `now`.
pub fn from_prompt(prompt: &TriagePrompt, patient: &str, now: &Moment) -> Value {
    json!({
        "resourceType": "RiskAssessment",
        "id": prompt_id(prompt),
        "status": "final",
        "method": local_concept("rule", prompt.source.rule_id, prompt.source.rule_id),
        "code": symptom_triage(),
        "subject": reference(patient),
        "occurrenceDateTime": date_time(now),
        "basis": [reference(&prompt.report_id.to_string())],
        "prediction": [{
            "outcome": text_concept(NEEDS_CARE),
            "qualitativeRisk": triage_level(prompt.level),
            "rationale": format!("{}.", prompt.seen),
        }],
        "mitigation": triage_rule(prompt.code).map_or(prompt.advice, |r| r.advised),
        "note": [
            note(&format!(
                "Prompt \"{}\": {}",
                prompt.code.code(),
                source_text(&prompt.source)
            )),
            note(CLINICIAN_DISCLAIMER),
        ],
    })
}

/// An alert: the level an assessment changed to, and why.
pub fn from_alert(alert: &Alert, patient: &str) -> Value {
    let (assessment, outcome, risk) = match alert.kind {
        AlertKind::Preventive => (
            local_concept(
                "assessment",
                "preventive-risk",
                "RollSafe preventive risk (infection and complications)",
            ),
            INFECTION,
            RiskLevel::from_code(&alert.to_level)
                .map_or_else(|| text_concept(&alert.to_level), preventive_level),
        ),
        AlertKind::Triage => (
            symptom_triage(),
            NEEDS_CARE,
            TriageLevel::from_code(&alert.to_level)
                .map_or_else(|| text_concept(&alert.to_level), triage_level),
        ),
    };
    let change = if alert.rising { "rose" } else { "fell" };
    let mut notes: Vec<Value> = alert
        .reasons
        .iter()
        .map(|reason| {
            let source = match alert.kind {
                AlertKind::Preventive => RiskFactorCode::from_code(&reason.code)
                    .and_then(risk_factor)
                    .map(|r| r.source),
                AlertKind::Triage => TriagePromptCode::from_code(&reason.code)
                    .and_then(triage_rule)
                    .map(|r| r.source),
            };
            let source = source
                .map(|s| format!(" {}", source_text(&s)))
                .unwrap_or_default();
            note(&format!(
                "{}: {}{source}",
                reason.code,
                reason.as_reported(alert.kind)
            ))
        })
        .collect();
    if let Some(seen) = &alert.acknowledged_at {
        notes.push(note(&format!(
            "Acknowledged by the patient at {}.",
            date_time(seen)
        )));
    }
    notes.push(note(CLINICIAN_DISCLAIMER));
    let mut resource = json!({
        "resourceType": "RiskAssessment",
        "id": alert.id.to_string(),
        "status": "final",
        "code": assessment,
        "subject": reference(patient),
        "occurrenceDateTime": date_time(&alert.at),
        "prediction": [{
            "outcome": text_concept(outcome),
            "qualitativeRisk": risk,
            "rationale": format!("{} (the level {change} from {} to {}).", alert.title, alert.from_level, alert.to_level),
        }],
    });
    set(&mut resource, "note", Some(Value::Array(notes)));
    resource
}

/// The kind of assessment a triage prompt and a triage alert both are: one
/// code, one display.
fn symptom_triage() -> Value {
    local_concept("assessment", "symptom-triage", "RollSafe symptom triage")
}

fn preventive_level(level: RiskLevel) -> Value {
    let (code, display) = match level {
        RiskLevel::Low => ("low", "Low likelihood"),
        RiskLevel::Moderate => ("moderate", "Moderate likelihood"),
        RiskLevel::High => ("high", "High likelihood"),
    };
    json!({ "coding": [{ "system": RISK_PROBABILITY, "code": code, "display": display }], "text": display })
}

fn triage_level(level: TriageLevel) -> Value {
    let display = match level {
        TriageLevel::Green => "Green: within the expected course",
        TriageLevel::Amber => "Amber: dermatologist review advised",
        TriageLevel::Red => "Red: urgent care advised",
    };
    local_concept("triage-level", level.code(), display)
}

fn source_text(source: &RuleSource) -> String {
    format!(
        "Rule {} (evidence: {}); source: {}.",
        source.rule_id,
        source.evidence.code(),
        source.citation
    )
}
