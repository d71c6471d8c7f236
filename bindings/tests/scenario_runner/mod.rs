//! The Rust runner of the shared scenario format (see
//! `tests/scenarios/README.md`).

mod parse;

use std::collections::HashMap;
use std::path::Path;

use rollsafe_ffi::{
    CarePlan, CleaningState, NewCleaning, NewDevice, NewSession, ProfileUpdate, RollSafeError,
    RollSafeStore, SessionVerdict,
};
use serde_json::{Map, Value};

use parse::{date_text, field, moment, opt_f64, opt_str, opt_u32, str_field};

/// Runs one scenario file; the error names the scenario, the step and what differed.
pub fn run_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = doc["name"].as_str().unwrap_or("(unnamed)").to_owned();
    let steps = doc["steps"].as_array().ok_or(format!("{name}: no steps"))?;
    let mut runner = Runner::new();
    for (index, step) in steps.iter().enumerate() {
        let action = step["do"].as_str().unwrap_or("?");
        runner
            .step(step)
            .map_err(|e| format!("{name}: step {index} ({action}): {e}"))?;
    }
    Ok(())
}

struct Runner {
    store: std::sync::Arc<RollSafeStore>,
    devices: HashMap<String, String>,
    sessions: HashMap<String, String>,
}

type StepResult = Result<(), String>;

impl Runner {
    fn new() -> Self {
        Self {
            store: RollSafeStore::open_in_memory().expect("an in-memory store opens"),
            devices: HashMap::new(),
            sessions: HashMap::new(),
        }
    }

    fn step(&mut self, step: &Value) -> StepResult {
        let expect = step.get("expect").and_then(Value::as_object);
        let outcome = self.act(step, expect);
        match (outcome, expect.and_then(|e| e.get("error"))) {
            (Ok(()), None) => Ok(()),
            (Ok(()), Some(expected)) => Err(format!("expected error {expected}, but it succeeded")),
            (Err(Failure::Api(error)), Some(expected)) => check_error(&error, expected),
            (Err(Failure::Api(error)), None) => Err(format!("unexpected error: {error:?}")),
            (Err(Failure::Mismatch(message)), _) => Err(message),
        }
    }

    fn act(&mut self, step: &Value, expect: Option<&Map<String, Value>>) -> Result<(), Failure> {
        let store = self.store.clone();
        match str_field(step, "do")? {
            "add_device" => {
                let device =
                    store.add_device(self.new_device(&step["device"])?, moment(step, "now")?)?;
                if let Some(alias) = opt_str(step, "as") {
                    self.devices.insert(alias.to_owned(), device.id);
                }
            }
            "save_profile" => {
                let now = moment(step, "now")?;
                store.save_profile(parse::profile(step, now)?, now)?;
            }
            "set_care_plan" => {
                let now = moment(step, "now")?;
                store.set_care_plan(parse::care_plan(field(step, "plan")?, now)?, now)?;
            }
            "clean" => {
                let at = moment(step, "at")?;
                let now = if step.get("now").is_some() {
                    moment(step, "now")?
                } else {
                    at
                };
                let cleaning = NewCleaning {
                    device_id: self.device(step, "device")?,
                    at,
                    method: parse::enum_code(step, "method")?,
                    soak_minutes: opt_u32(step, "soak_minutes")?,
                };
                store.record_cleaning(cleaning, now)?;
            }
            "check" => {
                let plan = parse::plan(field(step, "plan")?, &self.devices)?;
                let verdict = store.check_session(plan, moment(step, "now")?)?;
                check_verdict(&verdict, expect)?;
            }
            "record" => self.record(step, expect)?,
            "edit" => {
                let id = self.session(step)?;
                let session = self.new_session(step)?;
                store.edit_session(id, session, moment(step, "now")?)?;
            }
            "delete" => store.delete_session(self.session(step)?, moment(step, "now")?)?,
            "flag_damaged" => {
                store.flag_device_damaged(self.device(step, "device")?, moment(step, "now")?)?;
            }
            "set_shared" => {
                let shared = field(step, "shared")?
                    .as_bool()
                    .ok_or(mismatch("shared is not a bool"))?;
                store.set_device_shared(
                    self.device(step, "device")?,
                    shared,
                    moment(step, "now")?,
                )?;
            }
            "retire" => {
                let reason = str_field(step, "reason")?.to_owned();
                store.retire_device(self.device(step, "device")?, reason, moment(step, "now")?)?;
            }
            "set_replacement_limits" => {
                store.set_replacement_limits(
                    self.device(step, "device")?,
                    opt_u32(step, "max_uses")?,
                    opt_u32(step, "max_days")?,
                    moment(step, "now")?,
                )?;
            }
            "head_change" => {
                let at = moment(step, "at")?;
                let now = if step.get("now").is_some() {
                    moment(step, "now")?
                } else {
                    at
                };
                store.record_head_change(self.device(step, "device")?, at, now)?;
            }
            "overview" => {
                let overview =
                    store.device_overview(self.device(step, "device")?, moment(step, "now")?)?;
                let expect = expect.ok_or(mismatch("overview needs expect"))?;
                for (key, want) in expect {
                    let got = match key.as_str() {
                        "uses" => Value::from(overview.uses),
                        "total_uses" => Value::from(overview.total_uses),
                        "clean_for_next_use" => Value::from(overview.clean_for_next_use),
                        "cleaning" => Value::from(cleaning_code(&overview.cleaning)),
                        "replacement_due" => Value::from(overview.replacement.due),
                        "uses_left" => Value::from(overview.replacement.uses_left),
                        "due_by" => overview
                            .replacement
                            .due_by
                            .map_or(Value::Null, |d| date_text(&d).into()),
                        other => {
                            return Err(mismatch(&format!("unknown overview expectation {other}")));
                        }
                    };
                    expect_equal(key, &got, want)?;
                }
            }
            "history" => {
                let history = store.session_history(self.session(step)?)?;
                let expect = expect.ok_or(mismatch("history needs expect"))?;
                for (key, want) in expect {
                    let got = match key.as_str() {
                        "versions" => Value::from(history.versions.len()),
                        "deleted" => Value::from(history.deleted_at.is_some()),
                        other => {
                            return Err(mismatch(&format!("unknown history expectation {other}")));
                        }
                    };
                    expect_equal(key, &got, want)?;
                }
            }
            "count_sessions" => {
                let count = store.sessions()?.len();
                let want = expect
                    .and_then(|e| e.get("sessions"))
                    .ok_or(mismatch("needs expect.sessions"))?;
                expect_equal("sessions", &Value::from(count), want)?;
            }
            other => return Err(mismatch(&format!("unknown action {other}"))),
        }
        Ok(())
    }

    fn record(&mut self, step: &Value, expect: Option<&Map<String, Value>>) -> Result<(), Failure> {
        let session = self.new_session(step)?;
        let acknowledged: Vec<String> = step
            .get("acknowledge")
            .and_then(Value::as_array)
            .map(|codes| {
                codes
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let before = self.store.sessions()?.len();
        match self
            .store
            .record_session(session, acknowledged, moment(step, "now")?)
        {
            Ok(recorded) => {
                if let Some(refused) = expect.and_then(|e| e.get("refused")) {
                    return Err(mismatch(&format!(
                        "expected refusal {refused}, but it was recorded"
                    )));
                }
                check_verdict(&recorded.verdict, expect)?;
                if let Some(alias) = opt_str(step, "as") {
                    self.sessions.insert(alias.to_owned(), recorded.session.id);
                }
                Ok(())
            }
            Err(RollSafeError::SessionBlocked { blockers }) => {
                let Some(refused) = expect.and_then(|e| e.get("refused")) else {
                    return Err(mismatch(&format!(
                        "unexpected refusal by {:?}",
                        blockers.iter().map(|b| &b.code).collect::<Vec<_>>()
                    )));
                };
                let codes: Vec<Value> = blockers
                    .iter()
                    .map(|b| Value::from(b.code.as_str()))
                    .collect();
                expect_equal("refused", &Value::Array(codes), refused)?;
                let after = self.store.sessions()?.len();
                expect_equal(
                    "sessions after refusal",
                    &Value::from(after),
                    &Value::from(before),
                )?;
                Ok(())
            }
            Err(other) => Err(Failure::Api(other)),
        }
    }

    fn new_device(&self, device: &Value) -> Result<NewDevice, Failure> {
        Ok(NewDevice {
            kind: parse::enum_code(device, "kind")?,
            needle_length_mm: opt_f64(device, "needle_length_mm")?
                .ok_or(mismatch("needle_length_mm"))?,
            needle_length_max_mm: opt_f64(device, "needle_length_max_mm")?,
            needle_count: opt_u32(device, "needle_count")?,
            material: if device.get("material").is_some() {
                parse::enum_code(device, "material")?
            } else {
                rollsafe_ffi::NeedleMaterial::Unknown
            },
            nickname: str_field(device, "nickname")?.to_owned(),
            brand: opt_str(device, "brand").map(str::to_owned),
            first_use_date: parse::opt_date(device, "first_use_date")?,
            shared: device
                .get("shared")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    fn new_session(&self, step: &Value) -> Result<NewSession, Failure> {
        let at = if step.get("at").is_some() {
            moment(step, "at")?
        } else {
            moment(step, "now")?
        };
        Ok(NewSession {
            plan: parse::plan(field(step, "plan")?, &self.devices)?,
            at,
            passes: opt_u32(step, "passes")?,
            pain: opt_u32(step, "pain")?.map(|p| u8::try_from(p).unwrap_or(u8::MAX)),
            notes: opt_str(step, "notes").map(str::to_owned),
        })
    }

    fn device(&self, step: &Value, key: &str) -> Result<String, Failure> {
        let alias = str_field(step, key)?;
        Ok(self
            .devices
            .get(alias)
            .cloned()
            .unwrap_or_else(|| alias.to_owned()))
    }

    fn session(&self, step: &Value) -> Result<String, Failure> {
        let alias = str_field(step, "session")?;
        Ok(self
            .sessions
            .get(alias)
            .cloned()
            .unwrap_or_else(|| alias.to_owned()))
    }
}

/// Why a step failed: the API said no, or a result differed from the file.
pub enum Failure {
    Api(RollSafeError),
    Mismatch(String),
}

impl From<RollSafeError> for Failure {
    fn from(error: RollSafeError) -> Self {
        Failure::Api(error)
    }
}

fn mismatch(message: &str) -> Failure {
    Failure::Mismatch(message.to_owned())
}

fn expect_equal(key: &str, got: &Value, want: &Value) -> Result<(), Failure> {
    let same = match (got.as_f64(), want.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => got == want,
    };
    if same {
        Ok(())
    } else {
        Err(Failure::Mismatch(format!(
            "{key}: expected {want}, got {got}"
        )))
    }
}

fn check_verdict(
    verdict: &SessionVerdict,
    expect: Option<&Map<String, Value>>,
) -> Result<(), Failure> {
    let Some(expect) = expect else { return Ok(()) };
    let codes = |severity: rollsafe_ffi::Severity| -> Value {
        verdict
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| Value::from(f.code.as_str()))
            .collect()
    };
    for (key, want) in expect {
        let got = match key.as_str() {
            "allowed" => Value::from(verdict.allowed),
            "blockers" => codes(rollsafe_ffi::Severity::Blocker),
            "warnings" => codes(rollsafe_ffi::Severity::Warning),
            "next_allowed_date" => verdict
                .next_allowed_date
                .map_or(Value::Null, |d| date_text(&d).into()),
            "rest" => verdict
                .rest
                .iter()
                .map(|r| {
                    (
                        parse::region_code(r.region).to_owned(),
                        Value::from(r.min_rest_days),
                    )
                })
                .collect::<Map<_, _>>()
                .into(),
            "refused" | "error" => continue,
            other => return Err(mismatch(&format!("unknown verdict expectation {other}"))),
        };
        expect_equal(key, &got, want)?;
    }
    Ok(())
}

fn check_error(error: &RollSafeError, expected: &Value) -> StepResult {
    let kind = expected["kind"].as_str().unwrap_or_default();
    match (kind, error) {
        ("invalid_input", RollSafeError::InvalidInput { field, .. }) => {
            let want = expected["field"].as_str().unwrap_or_default();
            if field == want {
                Ok(())
            } else {
                Err(format!("invalid_input named {field}, expected {want}"))
            }
        }
        ("not_found", RollSafeError::NotFound { .. }) => Ok(()),
        _ => Err(format!("expected {expected}, got {error:?}")),
    }
}

fn cleaning_code(state: &CleaningState) -> &'static str {
    match state {
        CleaningState::CleanForNextUse => "clean_for_next_use",
        CleaningState::NotCleanedBeforeFirstUse => "not_cleaned_before_first_use",
        CleaningState::NotCleanedSinceLastUse => "not_cleaned_since_last_use",
        CleaningState::Inadequate { .. } => "inadequate",
    }
}

// Keep the record types referenced so a renamed field breaks this runner's build.
#[allow(dead_code)]
fn _types(_: CarePlan, _: ProfileUpdate) {}
