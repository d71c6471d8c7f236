//! The demo's story: six weeks of one person's use, told through the core's
//! API exactly as the app would record it.
//!
//! Someone with a history of cold sores uses a 0.25 mm face roller weekly
//! and a 0.5 mm scalp roller every two weeks, as their dermatologist's care
//! plan allows (the default would be 30 days), soaking each before and after
//! use. Eight days ago they skipped the soak before a face session and
//! overrode the warning; three days ago they needled the scalp, which looked
//! as expected at the 24-hour check-in but is redder and warm this morning.
//! Now the face roller's head is due for replacement, the scalp is resting,
//! the infection risk is raised and the triage says to call the dermatologist.

use chrono::{Days, NaiveDate, NaiveTime, TimeDelta, TimeZone};
use rollsafe_core::{
    BodyRegion, BodyZone, CarePlan, CarePlanRest, CleaningMethod, Condition, ConditionAnswer,
    Device, DeviceKind, FindingCode, Moment, NeedleMaterial, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PatientIdentity, PreChecks, Product, ProductCategory, ProductTiming,
    ProfileUpdate, QuietHours, RegionNeedleLimit, ReportKind, ReportedSymptom, SessionPlan,
    SkinType, Store, Symptom, SymptomTrend,
};

/// Days before today of each careful face-roller session.
const FACE_SESSION_DAYS_AGO: [u64; 5] = [43, 36, 29, 22, 15];
/// Days before today of the face session whose cleaning was skipped.
const SKIPPED_CLEANING_DAYS_AGO: u64 = 8;
/// Days before today of each scalp-roller session.
const SCALP_SESSION_DAYS_AGO: [u64; 3] = [31, 17, 3];
/// Days before today that both devices were bought.
const DEVICES_BOUGHT_DAYS_AGO: u64 = 44;
/// Days before today that the dermatologist set the care plan.
const CARE_PLAN_DAYS_AGO: u64 = 32;

/// Records the whole story into `store`, ending just before `now`.
pub fn fill(store: &Store, now: Moment) -> rollsafe_core::Result<()> {
    let bought = at(now, DEVICES_BOUGHT_DAYS_AGO, 12);
    store.set_quiet_hours(Some(QuietHours {
        start_minute: 22 * 60,
        end_minute: 7 * 60,
    }))?;
    store.save_profile(
        ProfileUpdate {
            skin_type: Some(SkinType::Iii),
            answers: vec![ConditionAnswer {
                condition: Condition::ColdSores,
                present: true,
                stopped_on: None,
                confirmed_at: bought,
            }],
            // The name a report carries when the user chooses to be named
            // (`rollsafe report --identify`).
            identity: PatientIdentity {
                name: Some("Sam Example".into()),
                birth_date: NaiveDate::from_ymd_opt(1992, 3, 8),
                identifier: None,
            },
        },
        bought,
    )?;
    let face = store
        .add_device(titanium(DeviceKind::Roller, 0.25, "Face roller"), bought)?
        .value;
    let scalp = store
        .add_device(
            titanium(DeviceKind::ScalpRoller, 0.5, "Scalp roller"),
            bought,
        )?
        .value;
    // Everything is entered in the order it happened, as the app would.
    let face_zones = || vec![BodyZone::Cheeks, BodyZone::Forehead];
    for days_ago in FACE_SESSION_DAYS_AGO
        .into_iter()
        .filter(|d| *d > CARE_PLAN_DAYS_AGO)
    {
        use_device(store, &face, now, days_ago, face_zones(), true)?;
    }
    let plan_day = at(now, CARE_PLAN_DAYS_AGO, 10);
    store.set_care_plan(
        CarePlan {
            set_by: "Dr Amara Osei, dermatologist".into(),
            set_at: plan_day,
            rest: vec![CarePlanRest {
                region: BodyRegion::Scalp,
                min_rest_days: 14,
            }],
            max_needle: BodyRegion::ALL
                .into_iter()
                .map(|region| RegionNeedleLimit {
                    region,
                    max_needle_length_mm: 0.5,
                })
                .collect(),
            allowed_zones: vec![],
            avoid_products: vec![ProductCategory::Retinoid],
            cleared_conditions: vec![],
        },
        plan_day,
    )?;
    let mut uses: Vec<(u64, &Device, bool)> = FACE_SESSION_DAYS_AGO
        .into_iter()
        .filter(|d| *d < CARE_PLAN_DAYS_AGO)
        .map(|d| (d, &face, true))
        .chain(
            SCALP_SESSION_DAYS_AGO
                .into_iter()
                .map(|d| (d, &scalp, true)),
        )
        .chain([(SKIPPED_CLEANING_DAYS_AGO, &face, false)])
        .collect();
    rollsafe_core::sorting::sort_by_key(&mut uses, |(days_ago, _, _)| std::cmp::Reverse(*days_ago));
    for (days_ago, device, soak_before) in uses {
        let zones = if device.kind == DeviceKind::ScalpRoller {
            vec![BodyZone::Scalp]
        } else {
            face_zones()
        };
        use_device(store, device, now, days_ago, zones, soak_before)?;
    }
    report_scalp(
        store,
        at(now, 2, 21),
        ReportKind::CheckIn24h,
        3,
        &[Symptom::Redness],
    )?;
    let this_morning = now - TimeDelta::hours(1);
    report_scalp(
        store,
        this_morning,
        ReportKind::Report,
        6,
        &[Symptom::Redness, Symptom::Warmth, Symptom::Itching],
    )?;
    Ok(())
}

fn titanium(kind: DeviceKind, needle_length_mm: f64, nickname: &str) -> NewDevice {
    NewDevice {
        material: NeedleMaterial::Titanium,
        ..NewDevice::simple(kind, needle_length_mm, nickname)
    }
}

/// One evening's use: a soak before (unless skipped), the session, a soak
/// after. A skipped soak is overridden explicitly, as the app would ask.
fn use_device(
    store: &Store,
    device: &Device,
    now: Moment,
    days_ago: u64,
    zones: Vec<BodyZone>,
    soak_before: bool,
) -> rollsafe_core::Result<()> {
    let evening = at(now, days_ago, 21);
    let soak = |when: Moment| NewCleaning {
        device_id: device.id,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    };
    if soak_before {
        let before = evening - TimeDelta::minutes(30);
        store.record_cleaning(soak(before), before)?;
    }
    let session = NewSession {
        plan: SessionPlan {
            device_id: device.id,
            zones,
            needle_length_mm: None,
            products: vec![Product {
                name: "Hyaluronic acid serum".into(),
                timing: ProductTiming::After,
                categories: vec![ProductCategory::HyaluronicAcid],
            }],
            pre_checks: PreChecks {
                device_cleaned: soak_before,
                ..PreChecks::ALL_CLEAR
            },
        },
        at: evening,
        passes: Some(4),
        pain: Some(2),
        notes: None,
    };
    let acknowledged: Vec<String> = if soak_before {
        vec![]
    } else {
        [
            FindingCode::DeviceNotCleaned,
            FindingCode::PrecheckDeviceNotCleaned,
        ]
        .map(|code| code.code().to_owned())
        .to_vec()
    };
    // Entered half an hour after the session, as people do.
    store.record_session(session, &acknowledged, evening + TimeDelta::minutes(30))?;
    let after = evening + TimeDelta::minutes(40);
    store.record_cleaning(soak(after), after)?;
    Ok(())
}

fn report_scalp(
    store: &Store,
    when: Moment,
    kind: ReportKind,
    severity: u8,
    symptoms: &[Symptom],
) -> rollsafe_core::Result<()> {
    let report = NewSymptomReport {
        at: when,
        kind,
        zones: vec![BodyZone::Scalp],
        around_eye: false,
        symptoms: symptoms
            .iter()
            .map(|s| ReportedSymptom {
                symptom: *s,
                severity: Some(severity),
            })
            .collect(),
        overall_severity: severity,
        pus: None,
        temperature_c: None,
        // The full report follows a milder check-in: the user says it is worse.
        trend: (kind == ReportKind::Report).then_some(SymptomTrend::Worse),
        notes: None,
        photos: vec![],
        session_id: None,
    };
    store.record_symptom_report(report, when).map(drop)
}

/// `hour`:00 on the local calendar `days_ago` days before `now`, in now's offset.
fn at(now: Moment, days_ago: u64, hour: u32) -> Moment {
    let date = now.date_naive() - Days::new(days_ago);
    let local = date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
    now.offset()
        .from_local_datetime(&local)
        .single()
        .unwrap_or(now)
}
