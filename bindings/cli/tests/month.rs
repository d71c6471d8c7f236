//! A whole month told through the CLI alone (start a log, set the profile,
//! add a device, clean it, check and log sessions, check in, report
//! symptoms, acknowledge the alert they raise, take the care plan, change
//! the head, export, import into a new log), and the same month told
//! through the core's API: the two logs must be the same record for record.
//! Ids are random, so they are compared by the order they first appear.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::Path;

use chrono::DateTime;
use common::{Run, rollsafe};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    DeviceKind, FindingCode, Moment, NeedleMaterial, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PreChecks, Product, ProductCategory, ProductTiming, ProfileUpdate,
    RegionNeedleLimit, ReportKind, ReportedSymptom, SessionPlan, SkinType, Store, Symptom,
    SymptomTrend,
};
use serde_json::Value;

/// `HH:00` on day `day` of November 2026, in Paris winter time.
fn at(day: u32, hour: u32) -> String {
    format!("2026-11-{day:02}T{hour:02}:00:00+01:00")
}

fn moment(day: u32, hour: u32) -> Moment {
    DateTime::parse_from_rfc3339(&at(day, hour)).unwrap()
}

const END: (u32, u32) = (30, 12);

const CLEAR: [&str; 12] = [
    "--device-cleaned",
    "yes",
    "--skin-clean",
    "yes",
    "--breakout",
    "no",
    "--cold-sore",
    "no",
    "--open-wound",
    "no",
    "--sunburn",
    "no",
];

/// Runs one verb on `db` as of `now`.
fn cli(db: &Path, now: &str, args: &[&str]) -> Run {
    let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    all.extend([
        OsStr::new("--db"),
        db.as_os_str(),
        OsStr::new("--now"),
        OsStr::new(now),
    ]);
    rollsafe(all).ok()
}

/// The month through the CLI.
fn by_cli(db: &Path) {
    rollsafe([OsStr::new("init"), OsStr::new("--db"), db.as_os_str()]).ok();
    let n = at(1, 19);
    cli(
        db,
        &n,
        &[
            "profile",
            "set",
            "--skin-type",
            "III",
            "--condition",
            "cold_sores=no",
        ],
    );
    cli(
        db,
        &n,
        &[
            "device",
            "add",
            "--kind",
            "roller",
            "--needle",
            "0.25",
            "--nickname",
            "Face roller",
            "--material",
            "titanium",
        ],
    );
    let face = "Face roller";
    let session_day = |day: u32, pre_clean: bool| {
        if pre_clean {
            cli(db, &at(day, 20), &["clean", face, "--minutes", "20"]);
        }
        let verdict = cli(
            db,
            &at(day, 21),
            &["check", face, "--zone", "cheeks,forehead", "--json"],
        )
        .json();
        assert_eq!(verdict["allowed"], true, "day {day}: {verdict}");
        let mut log = vec![
            "log",
            face,
            "--zone",
            "cheeks,forehead",
            "--pain",
            "2",
            "--passes",
            "4",
            "--product",
            "after:hyaluronic_acid:Serum",
            "--no-input",
        ];
        log.extend(CLEAR);
        if !pre_clean {
            let answer = log.iter().position(|a| *a == "--device-cleaned").unwrap() + 1;
            log[answer] = "no";
            log.extend(["--ack", "precheck_device_not_cleaned"]);
        }
        cli(db, &at(day, 21), &log);
        cli(db, &at(day, 22), &["clean", face, "--minutes", "20"]);
    };
    session_day(1, true);
    cli(
        db,
        &at(2, 21),
        &[
            "check-in",
            "--hours",
            "24",
            "--zone",
            "cheeks",
            "--symptom",
            "redness=1",
            "--severity",
            "1",
        ],
    );
    cli(
        db,
        &at(4, 21),
        &[
            "check-in",
            "--hours",
            "72",
            "--zone",
            "cheeks",
            "--severity",
            "0",
        ],
    );
    session_day(8, true);
    cli(
        db,
        &at(10, 10),
        &[
            "care-plan",
            "set",
            "--by",
            "Dr Osei",
            "--rest",
            "face=7",
            "--max-needle",
            "face=0.5",
            "--avoid",
            "retinoid",
        ],
    );
    session_day(15, false);
    cli(
        db,
        &at(16, 9),
        &[
            "symptom",
            "--zone",
            "cheeks",
            "--symptom",
            "spreading_redness=7",
            "--symptom",
            "warmth=6",
            "--severity",
            "7",
            "--trend",
            "worse",
        ],
    );
    let open = cli(db, &at(16, 10), &["alerts", "--json"]).json();
    let alert = open["alerts"][0]["id"]
        .as_str()
        .expect("the report raised an alert")
        .to_owned();
    cli(db, &at(16, 10), &["ack", &alert]);
    cli(db, &at(29, 19), &["device", "head", face]);
    cli(db, &at(29, 20), &["soak", face, "--minutes", "20"]);
    cli(db, &at(29, 20), &["clean", face, "--minutes", "20"]);
}

/// The same month through the API.
fn by_api(db: &Path) {
    let store = Store::open(db).unwrap();
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Iii),
                answers: vec![ConditionAnswer {
                    condition: Condition::ColdSores,
                    present: false,
                    stopped_on: None,
                    confirmed_at: moment(1, 19),
                }],
                identity: Default::default(),
            },
            moment(1, 19),
        )
        .unwrap();
    let face = store
        .add_device(
            NewDevice {
                material: NeedleMaterial::Titanium,
                ..NewDevice::simple(DeviceKind::Roller, 0.25, "Face roller")
            },
            moment(1, 19),
        )
        .unwrap()
        .value;
    let clean = |day, hour| {
        let when = moment(day, hour);
        store
            .record_cleaning(
                NewCleaning {
                    device_id: face.id,
                    at: when,
                    method: CleaningMethod::IsopropylSoak,
                    soak_minutes: Some(20),
                },
                when,
            )
            .unwrap();
    };
    let session_day = |day: u32, pre_clean: bool| {
        if pre_clean {
            clean(day, 20);
        }
        let plan = SessionPlan {
            device_id: face.id,
            zones: vec![BodyZone::Cheeks, BodyZone::Forehead],
            needle_length_mm: None,
            products: vec![Product {
                name: "Serum".into(),
                timing: ProductTiming::After,
                categories: vec![ProductCategory::HyaluronicAcid],
            }],
            pre_checks: PreChecks {
                device_cleaned: pre_clean,
                ..PreChecks::ALL_CLEAR
            },
        };
        let acks: Vec<String> = if pre_clean {
            vec![]
        } else {
            vec![FindingCode::PrecheckDeviceNotCleaned.code().to_owned()]
        };
        let session = NewSession {
            plan,
            at: moment(day, 21),
            passes: Some(4),
            pain: Some(2),
            notes: None,
        };
        store
            .record_session(session, &acks, moment(day, 21))
            .unwrap();
        clean(day, 22);
    };
    let report = |day, hour, kind, symptoms: &[(Symptom, u8)], severity, trend| {
        let when = moment(day, hour);
        store
            .record_symptom_report(
                NewSymptomReport {
                    at: when,
                    kind,
                    zones: vec![BodyZone::Cheeks],
                    around_eye: false,
                    symptoms: symptoms
                        .iter()
                        .map(|(symptom, n)| ReportedSymptom {
                            symptom: *symptom,
                            severity: Some(*n),
                        })
                        .collect(),
                    overall_severity: severity,
                    pus: None,
                    temperature_c: None,
                    trend,
                    notes: None,
                    photos: vec![],
                    session_id: None,
                },
                when,
            )
            .unwrap();
    };
    session_day(1, true);
    report(
        2,
        21,
        ReportKind::CheckIn24h,
        &[(Symptom::Redness, 1)],
        1,
        None,
    );
    report(4, 21, ReportKind::CheckIn72h, &[], 0, None);
    session_day(8, true);
    store
        .set_care_plan(
            CarePlan {
                set_by: "Dr Osei".into(),
                set_at: moment(10, 10),
                rest: vec![CarePlanRest {
                    region: BodyRegion::Face,
                    min_rest_days: 7,
                }],
                max_needle: vec![RegionNeedleLimit {
                    region: BodyRegion::Face,
                    max_needle_length_mm: 0.5,
                }],
                allowed_zones: vec![],
                avoid_products: vec![ProductCategory::Retinoid],
                cleared_conditions: vec![],
            },
            moment(10, 10),
        )
        .unwrap();
    session_day(15, false);
    report(
        16,
        9,
        ReportKind::Report,
        &[(Symptom::SpreadingRedness, 7), (Symptom::Warmth, 6)],
        7,
        Some(SymptomTrend::Worse),
    );
    let alert = store.open_alerts().unwrap()[0].id;
    store.acknowledge_alert(alert, moment(16, 10)).unwrap();
    store
        .record_head_change(face.id, moment(29, 19), moment(29, 19))
        .unwrap();
    store
        .start_soak_timer(face.id, moment(29, 20), 20, moment(29, 20))
        .unwrap();
    clean(29, 20);
}

/// `value` with every UUID, alone or inside a string (a reminder's id),
/// replaced by the order it first appears in.
fn canonical(value: &mut Value, ids: &mut HashMap<String, usize>) {
    match value {
        Value::String(text) => *text = canonical_text(text, ids),
        Value::Array(items) => items.iter_mut().for_each(|v| canonical(v, ids)),
        Value::Object(map) => map.values_mut().for_each(|v| canonical(v, ids)),
        _ => {}
    }
}

fn canonical_text(text: &str, ids: &mut HashMap<String, usize>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.get(..36).filter(|head| is_uuid(head)) {
            Some(id) => {
                let next = ids.len();
                let n = *ids.entry(id.to_owned()).or_insert(next);
                out.push_str(&format!("id-{n}"));
                rest = &rest[36..];
            }
            None => {
                let c = rest.chars().next().unwrap();
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Where `a` and `b` differ, as JSON paths with both values.
fn differences(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let none = Value::Null;
                let (left, right) = (x.get(key).unwrap_or(&none), y.get(key).unwrap_or(&none));
                differences(left, right, &format!("{path}.{key}"), out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (left, right)) in x.iter().zip(y).enumerate() {
                differences(left, right, &format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: {a} vs {b}")),
        _ => {}
    }
}

/// Fails listing every difference between `a` and `b`.
fn assert_same(a: &Value, b: &Value, what: &str) {
    let mut out = Vec::new();
    differences(a, b, "$", &mut out);
    assert!(out.is_empty(), "{what}:\n{}", out.join("\n"));
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// What `rollsafe ARGS --db DB --json` (or the document it writes to
/// standard output) says, ids made canonical and the log's path dropped.
fn read(db: &Path, args: &[&str]) -> Value {
    let mut value = cli(db, &at(END.0, END.1), args).json();
    if let Value::Object(map) = &mut value {
        map.remove("db");
    }
    canonical(&mut value, &mut HashMap::new());
    value
}

#[test]
fn a_month_through_the_cli_is_the_same_log_as_through_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let by_cli_db = dir.path().join("cli.sqlite3");
    let by_api_db = dir.path().join("api.sqlite3");
    by_cli(&by_cli_db);
    by_api(&by_api_db);

    let backup = ["export", "--format", "json"];
    let cli_backup = read(&by_cli_db, &backup);
    // Each log draws its own key for the pseudonyms of its exports.
    let keyless = |mut v: Value| {
        v.as_object_mut().unwrap().remove("pseudonym_key");
        v
    };
    assert_same(
        &keyless(cli_backup.clone()),
        &keyless(read(&by_api_db, &backup)),
        "the backups differ",
    );
    assert_eq!(cli_backup["sessions"].as_array().unwrap().len(), 3);
    for verb in [
        &["status", "--json"][..],
        &["alerts", "--all", "--json"],
        &["reminders", "--json"],
    ] {
        assert_same(
            &read(&by_cli_db, verb),
            &read(&by_api_db, verb),
            &format!("{verb:?} differs"),
        );
    }
    let alerts = read(&by_cli_db, &["alerts", "--all", "--json"]);
    assert!(
        alerts["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| !a["acknowledged_at"].is_null()),
        "{alerts}"
    );

    // Exported and imported into a new log, the month is whole.
    let file = dir.path().join("month.json");
    cli(
        &by_cli_db,
        &at(END.0, END.1),
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let restored = dir.path().join("restored.sqlite3");
    rollsafe([
        OsStr::new("import"),
        file.as_os_str(),
        OsStr::new("--db"),
        restored.as_os_str(),
        OsStr::new("--now"),
        OsStr::new(&at(END.0, END.1)),
    ])
    .ok();
    assert_same(
        &read(&restored, &backup),
        &cli_backup,
        "the imported log differs",
    );
}
