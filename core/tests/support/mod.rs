//! What the integration tests share: moments written as text, adding a
//! device, the plain session a test records (every pre-session check passed, nothing added),
//! and the soak that counts as an adequate cleaning. Each test crate uses
//! only some of them.
#![allow(dead_code)]

use chrono::DateTime;
use rollsafe_core::{
    BodyZone, CleaningMethod, DeviceId, DeviceKind, Moment, NewCleaning, NewDevice, NewSession,
    PreChecks, SessionPlan, Store,
};

/// The moment an RFC 3339 text names, offset kept.
pub fn at(text: &str) -> Moment {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Adds a fixed-length device of `kind` to `store` at `now`; its id.
pub fn add_device(
    store: &Store,
    kind: DeviceKind,
    needle_mm: f64,
    nickname: &str,
    now: Moment,
) -> DeviceId {
    store
        .add_device(NewDevice::simple(kind, needle_mm, nickname), now)
        .unwrap()
        .value
        .id
}

/// A plan for `zones` with the device's own needle, no products, and every
/// pre-session check passed.
pub fn plan(device_id: DeviceId, zones: &[BodyZone]) -> SessionPlan {
    SessionPlan {
        device_id,
        zones: zones.to_vec(),
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

/// The session of [`plan`] at `when`, with no passes, pain or notes.
pub fn session(device_id: DeviceId, zones: &[BodyZone], when: Moment) -> NewSession {
    NewSession {
        plan: plan(device_id, zones),
        at: when,
        passes: None,
        pain: None,
        notes: None,
    }
}

/// A 20-minute soak in isopropyl alcohol at `when`: adequate for the next use.
pub fn soak(device_id: DeviceId, when: Moment) -> NewCleaning {
    NewCleaning {
        device_id,
        at: when,
        method: CleaningMethod::IsopropylSoak,
        soak_minutes: Some(20),
    }
}

/// Runs the test `child` of this test binary again in a private mount
/// namespace (`unshare --mount`, which vanishes with it), after `mount`
/// (shell commands, run as root as CI is) has set up the folder `folder`,
/// with `variable` set to `folder` so the child knows it is the child.
pub fn run_in_private_mount(
    mount: &str,
    child: &str,
    variable: &str,
    folder: &str,
) -> std::process::Output {
    let exe = std::env::current_exe().unwrap();
    let script = format!(
        "{mount} && exec '{}' {child} --exact --nocapture --test-threads=1",
        exe.display()
    );
    std::process::Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .env(variable, folder)
        .output()
        .expect("unshare runs (util-linux)")
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    names
}

/// The names of the files in `dir` that a store moved aside as damaged.
pub fn moved_aside(dir: &std::path::Path) -> Vec<String> {
    file_names(dir)
        .into_iter()
        .filter(|name| name.contains(".damaged-"))
        .collect()
}
