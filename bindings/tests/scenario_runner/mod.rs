//! The Rust runner of the shared scenario format (see
//! `tests/scenarios/README.md`).

mod parse;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rollsafe_ffi::{
    Alert, AlertKind, AlertListener, AlertSubscription, Assessment, CarePlan, CleaningState,
    ListenerError, NewCleaning, NewDevice, NewSession, ProfileUpdate, Reminder, RiskLevel,
    RollSafeError, RollSafeStore, SessionVerdict, TriageLevel,
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
    store: Arc<RollSafeStore>,
    devices: HashMap<String, String>,
    sessions: HashMap<String, String>,
    reports: HashMap<String, String>,
    heard: Arc<Mutex<Vec<String>>>,
    _subscription: Arc<AlertSubscription>,
}

type StepResult = Result<(), String>;

/// Hears alerts through the public listener, as a shell would.
struct Recorder(Arc<Mutex<Vec<String>>>);

impl AlertListener for Recorder {
    fn on_alert(&self, alert: Alert) -> Result<(), ListenerError> {
        self.0.lock().unwrap().push(signature(&alert));
        Ok(())
    }
}

/// An alert as scenarios write it: `kind:from->to`.
fn signature(alert: &Alert) -> String {
    let kind = match alert.kind {
        AlertKind::Preventive => "preventive",
        AlertKind::Triage => "triage",
    };
    format!("{kind}:{}->{}", alert.from_level, alert.to_level)
}

impl Runner {
    fn new() -> Self {
        let store = RollSafeStore::open_in_memory().expect("an in-memory store opens");
        let heard = Arc::new(Mutex::new(Vec::new()));
        let subscription = store
            .clone()
            .add_alert_listener(Arc::new(Recorder(Arc::clone(&heard))));
        Self {
            store,
            devices: HashMap::new(),
            sessions: HashMap::new(),
            reports: HashMap::new(),
            heard,
            _subscription: subscription,
        }
    }

    fn step(&mut self, step: &Value) -> StepResult {
        let expect = step.get("expect").and_then(Value::as_object);
        let outcome = self.act(step, expect);
        match (outcome, expect.and_then(|e| e.get("error"))) {
            (Ok(alerts), None) => match expect.and_then(|e| e.get("alerts")) {
                Some(want) => {
                    let got: Vec<Value> =
                        alerts.iter().map(|a| Value::from(signature(a))).collect();
                    expect_equal("alerts", &Value::Array(got), want).map_err(|f| match f {
                        Failure::Mismatch(m) => m,
                        Failure::Api(e) => format!("{e:?}"),
                    })
                }
                None => Ok(()),
            },
            (Ok(_), Some(expected)) => Err(format!("expected error {expected}, but it succeeded")),
            (Err(Failure::Api(error)), Some(expected)) => check_error(&error, expected),
            (Err(Failure::Api(error)), None) => Err(format!("unexpected error: {error:?}")),
            (Err(Failure::Mismatch(message)), _) => Err(message),
        }
    }

    /// Performs one step; returns the alerts the call returned (none for reads).
    fn act(
        &mut self,
        step: &Value,
        expect: Option<&Map<String, Value>>,
    ) -> Result<Vec<Alert>, Failure> {
        let store = self.store.clone();
        let alerts = match str_field(step, "do")? {
            "add_device" => {
                let added =
                    store.add_device(self.new_device(&step["device"])?, moment(step, "now")?)?;
                if let Some(alias) = opt_str(step, "as") {
                    self.devices.insert(alias.to_owned(), added.device.id);
                }
                added.alerts
            }
            "save_profile" => {
                let now = moment(step, "now")?;
                store.save_profile(parse::profile(step, now)?, now)?.alerts
            }
            "set_care_plan" => {
                let now = moment(step, "now")?;
                store
                    .set_care_plan(parse::care_plan(field(step, "plan")?, now)?, now)?
                    .alerts
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
                store.record_cleaning(cleaning, now)?.alerts
            }
            "check" => {
                let plan = parse::plan(field(step, "plan")?, &self.devices)?;
                let verdict = store.check_session(plan, moment(step, "now")?)?;
                check_verdict(&verdict, expect)?;
                vec![]
            }
            "record" => self.record(step, expect)?,
            "edit" => {
                let id = self.session(step)?;
                let session = self.new_session(step)?;
                store
                    .edit_session(id, session, moment(step, "now")?)?
                    .alerts
            }
            "delete" => store.delete_session(self.session(step)?, moment(step, "now")?)?,
            "flag_damaged" => {
                store
                    .flag_device_damaged(self.device(step, "device")?, moment(step, "now")?)?
                    .alerts
            }
            "set_shared" => {
                let shared = field(step, "shared")?
                    .as_bool()
                    .ok_or(mismatch("shared is not a bool"))?;
                store
                    .set_device_shared(self.device(step, "device")?, shared, moment(step, "now")?)?
                    .alerts
            }
            "retire" => {
                let reason = str_field(step, "reason")?.to_owned();
                store
                    .retire_device(self.device(step, "device")?, reason, moment(step, "now")?)?
                    .alerts
            }
            "set_replacement_limits" => {
                store
                    .set_replacement_limits(
                        self.device(step, "device")?,
                        opt_u32(step, "max_uses")?,
                        opt_u32(step, "max_days")?,
                        moment(step, "now")?,
                    )?
                    .alerts
            }
            "head_change" => {
                let at = moment(step, "at")?;
                let now = if step.get("now").is_some() {
                    moment(step, "now")?
                } else {
                    at
                };
                store
                    .record_head_change(self.device(step, "device")?, at, now)?
                    .alerts
            }
            "overview" => {
                self.overview(step, expect)?;
                vec![]
            }
            "history" => {
                let history = store.session_history(self.session(step)?)?;
                let expect = expect.ok_or(mismatch("history needs expect"))?;
                for (key, want) in expect {
                    let got = match key.as_str() {
                        "versions" => Value::from(history.versions.len()),
                        "deleted" => Value::from(history.deleted_at.is_some()),
                        "acknowledged" => history
                            .versions
                            .last()
                            .map(|v| {
                                v.overrides
                                    .iter()
                                    .map(|o| Value::from(o.code.as_str()))
                                    .collect()
                            })
                            .unwrap_or(Value::Array(vec![])),
                        other => {
                            return Err(mismatch(&format!("unknown history expectation {other}")));
                        }
                    };
                    expect_equal(key, &got, want)?;
                }
                vec![]
            }
            "count_sessions" => {
                let count = store.sessions()?.len();
                let want = expect
                    .and_then(|e| e.get("sessions"))
                    .ok_or(mismatch("needs expect.sessions"))?;
                expect_equal("sessions", &Value::from(count), want)?;
                vec![]
            }
            "report" => {
                let at = if step.get("at").is_some() {
                    moment(step, "at")?
                } else {
                    moment(step, "now")?
                };
                let session = opt_str(step, "session").map(|a| {
                    self.sessions
                        .get(a)
                        .cloned()
                        .unwrap_or_else(|| a.to_owned())
                });
                let report = parse::report(step, at, session)?;
                let update = store.record_symptom_report(report, moment(step, "now")?)?;
                if let Some(want) = expect.and_then(|e| e.get("linked_to")) {
                    let alias = update.report.session_id.as_ref().and_then(|id| {
                        self.sessions
                            .iter()
                            .find(|(_, v)| *v == id)
                            .map(|(k, _)| k.clone())
                    });
                    expect_equal("linked_to", &alias.map_or(Value::Null, Value::from), want)?;
                }
                if let Some(want) = expect.and_then(|e| e.get("trend")) {
                    let got = update
                        .report
                        .trend
                        .map_or(Value::Null, |t| Value::from(t.code()));
                    expect_equal("trend", &got, want)?;
                }
                if let Some(alias) = opt_str(step, "as") {
                    self.reports
                        .insert(alias.to_owned(), update.report.id.clone());
                }
                update.alerts
            }
            "resolve" => {
                let id = self.report(step)?;
                store
                    .resolve_report(id, moment(step, "at")?, moment(step, "now")?)?
                    .alerts
            }
            "link" => {
                let id = self.report(step)?;
                let session = opt_str(step, "session").map(|a| {
                    self.sessions
                        .get(a)
                        .cloned()
                        .unwrap_or_else(|| a.to_owned())
                });
                store.link_report(id, session, moment(step, "now")?)?.alerts
            }
            "clinician_seen" => {
                let id = self.report(step)?;
                store
                    .record_clinician_seen(id, moment(step, "at")?, moment(step, "now")?)?
                    .alerts
            }
            "today" => {
                self.today(step, expect.ok_or(mismatch("today needs expect"))?)?;
                vec![]
            }
            "assess" => {
                let assessment = store.assess(moment(step, "now")?)?;
                check_assessment(&assessment, expect.ok_or(mismatch("assess needs expect"))?)?;
                vec![]
            }
            "refresh" => store.refresh_alerts(moment(step, "now")?)?,
            "open_alerts" => {
                let open: Vec<Value> = store
                    .open_alerts()?
                    .iter()
                    .map(|a| Value::from(signature(a)))
                    .collect();
                let want = expect
                    .and_then(|e| e.get("open"))
                    .ok_or(mismatch("needs expect.open"))?;
                expect_equal("open", &Value::Array(open), want)?;
                vec![]
            }
            "acknowledge_all" => {
                let now = moment(step, "now")?;
                for alert in store.open_alerts()? {
                    store.acknowledge_alert(alert.id, now)?;
                }
                vec![]
            }
            "heard" => {
                let heard: Vec<Value> = std::mem::take(&mut *self.heard.lock().unwrap())
                    .into_iter()
                    .map(Value::from)
                    .collect();
                let want = expect
                    .and_then(|e| e.get("heard"))
                    .ok_or(mismatch("needs expect.heard"))?;
                expect_equal("heard", &Value::Array(heard), want)?;
                vec![]
            }
            "quiet_hours" => {
                store.set_quiet_hours(parse::quiet_hours(step)?)?;
                vec![]
            }
            "start_soak" => {
                let at = moment(step, "at")?;
                let now = if step.get("now").is_some() {
                    moment(step, "now")?
                } else {
                    at
                };
                store.start_soak_timer(
                    self.device(step, "device")?,
                    at,
                    opt_u32(step, "minutes")?.unwrap_or(0),
                    now,
                )?;
                vec![]
            }
            "reminders" => {
                let reminders = store.reminders(moment(step, "now")?)?;
                let want = expect
                    .and_then(|e| e.get("reminders"))
                    .and_then(Value::as_array)
                    .ok_or(mismatch("needs expect.reminders"))?;
                check_reminders(&reminders, want)?;
                if let Some(want) = expect.and_then(|e| e.get("wall_clocks")) {
                    let got: Vec<Value> = reminders
                        .iter()
                        .filter_map(|r| {
                            let w = r.wall_clock?;
                            Some(Value::from(format!(
                                "{}@{}T{:02}:{:02}",
                                parse::reminder_kind_code(r.kind),
                                date_text(&w.date),
                                w.hour,
                                w.minute
                            )))
                        })
                        .collect();
                    expect_equal("wall_clocks", &Value::Array(got), want)?;
                }
                vec![]
            }
            other => return Err(mismatch(&format!("unknown action {other}"))),
        };
        Ok(alerts)
    }

    fn overview(&self, step: &Value, expect: Option<&Map<String, Value>>) -> Result<(), Failure> {
        let overview = self
            .store
            .device_overview(self.device(step, "device")?, moment(step, "now")?)?;
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
                other => return Err(mismatch(&format!("unknown overview expectation {other}"))),
            };
            expect_equal(key, &got, want)?;
        }
        Ok(())
    }

    /// Compares the home screen with `expect.devices`: per device alias,
    /// `may_use_now` and the blocker codes per region.
    fn today(&self, step: &Value, expect: &Map<String, Value>) -> Result<(), Failure> {
        let today = self.store.today(moment(step, "now")?)?;
        let devices = expect
            .get("devices")
            .and_then(Value::as_object)
            .ok_or(mismatch("today needs expect.devices"))?;
        for (alias, want) in devices {
            let id = self
                .devices
                .get(alias)
                .ok_or(mismatch(&format!("unknown device {alias}")))?;
            let device = today
                .devices
                .iter()
                .find(|d| &d.overview.device.id == id)
                .ok_or(mismatch(&format!("{alias} is not on the home screen")))?;
            let want = want.as_object().ok_or(mismatch("a device's expectation"))?;
            for (key, want) in want {
                let got = match key.as_str() {
                    "may_use_now" => Value::from(device.may_use_now),
                    "blockers" => device
                        .regions
                        .iter()
                        .map(|r| {
                            let codes: Vec<Value> = r
                                .verdict
                                .findings
                                .iter()
                                .filter(|f| f.severity == rollsafe_ffi::Severity::Blocker)
                                .map(|f| Value::from(f.code.as_str()))
                                .collect();
                            (parse::region_code(r.region).to_owned(), Value::from(codes))
                        })
                        .collect::<Map<_, _>>()
                        .into(),
                    other => return Err(mismatch(&format!("unknown today expectation {other}"))),
                };
                expect_equal(&format!("{alias}.{key}"), &got, want)?;
            }
        }
        Ok(())
    }

    fn report(&self, step: &Value) -> Result<String, Failure> {
        let alias = str_field(step, "report")?;
        Ok(self
            .reports
            .get(alias)
            .cloned()
            .unwrap_or_else(|| alias.to_owned()))
    }

    fn record(
        &mut self,
        step: &Value,
        expect: Option<&Map<String, Value>>,
    ) -> Result<Vec<Alert>, Failure> {
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
                Ok(recorded.alerts)
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
                Ok(vec![])
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
            "cautions" => codes(rollsafe_ffi::Severity::Caution),
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
            "refused" | "error" | "alerts" => continue,
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

fn check_assessment(assessment: &Assessment, expect: &Map<String, Value>) -> Result<(), Failure> {
    for (key, want) in expect {
        let got = match key.as_str() {
            "preventive" => Value::from(match assessment.preventive.level {
                RiskLevel::Low => "low",
                RiskLevel::Moderate => "moderate",
                RiskLevel::High => "high",
            }),
            "factors" => assessment
                .preventive
                .factors
                .iter()
                .map(|f| Value::from(f.code.as_str()))
                .collect(),
            "score" => Value::from(assessment.preventive.score),
            "other_risks" => assessment
                .preventive
                .other_risks
                .iter()
                .map(|f| Value::from(f.code.as_str()))
                .collect(),
            "ages_out" => assessment
                .preventive
                .factors
                .iter()
                .map(|f| match &f.ages_out_on {
                    Some(day) => Value::from(format!("{}@{}", f.code, parse::date_text(day))),
                    None => Value::from(f.code.as_str()),
                })
                .collect(),
            "triage" => Value::from(triage_code(assessment.triage.level)),
            "prompts" => assessment
                .triage
                .prompts
                .iter()
                .map(|p| Value::from(p.code.as_str()))
                .collect(),
            other => return Err(mismatch(&format!("unknown assessment expectation {other}"))),
        };
        expect_equal(key, &got, want)?;
    }
    Ok(())
}

fn triage_code(level: TriageLevel) -> &'static str {
    match level {
        TriageLevel::Green => "green",
        TriageLevel::Amber => "amber",
        TriageLevel::Red => "red",
    }
}

/// Compares reminders with `kind@RFC 3339 due` entries, in order, by instant.
fn check_reminders(reminders: &[Reminder], want: &[Value]) -> Result<(), Failure> {
    let got: Vec<String> = reminders
        .iter()
        .map(|r| {
            format!(
                "{}@{}",
                parse::reminder_kind_code(r.kind),
                parse::moment_text(&r.due)
            )
        })
        .collect();
    let want_norm: Vec<String> = want
        .iter()
        .map(|w| {
            let text = w.as_str().unwrap_or_default();
            let (kind, due) = text.split_once('@').unwrap_or((text, ""));
            let due = parse::moment(&serde_json::json!({ "d": due }), "d")
                .map(|m| parse::moment_text(&m))
                .unwrap_or_else(|_| due.to_owned());
            format!("{kind}@{due}")
        })
        .collect();
    if got == want_norm {
        Ok(())
    } else {
        Err(Failure::Mismatch(format!(
            "reminders: expected {want_norm:?}, got {got:?}"
        )))
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
