//! Reading the sessions preventive risk looks back on.
//!
//! Every change to the log re-assesses inside its write, so this read is on
//! the path of every recording. It reads only what the risk rules use, with
//! one statement per table over the whole window instead of one lookup per
//! session and table. Every statement walks the window in the same order
//! (time, then row), so each session's zones, products and overrides are
//! joined to it in one pass.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::rows;
use super::session_rows::{pre_check_columns, pre_checks_at};
use super::sessions::timing_from_code;
use crate::error::{Error, Result};
use crate::product::{Product, ProductCategory};
use crate::risk::SessionFacts;
use crate::sorting;
use crate::verdict::FindingCode;
use crate::zone::BodyZone;

/// Keeps the live sessions from `?1` to `?2` (Unix milliseconds, both
/// included) and walks them in the order every statement here shares. The
/// planner walks the time index in that order, so no statement sorts.
macro_rules! live_sessions_in_window {
    () => {
        " WHERE s.deleted_at_ms IS NULL AND s.at_ms >= ?1 AND s.at_ms <= ?2
          ORDER BY s.at_ms, s.rowid"
    };
}

/// The facts of every live session from `start_ms` to `end_ms`, oldest first,
/// each with whether its device was cleaned within a day after it (and by
/// `end_ms`).
pub(super) fn session_facts(
    conn: &Connection,
    start_ms: i64,
    end_ms: i64,
) -> Result<Vec<SessionFacts>> {
    let mut window = sessions(conn, start_ms, end_ms)?;
    let range = (start_ms, end_ms);
    join_rows(conn, ZONES, range, &mut window, add_zone)?;
    for (_, facts) in &mut window {
        sorting::sort(&mut facts.zones);
    }
    join_rows(conn, PRODUCTS, range, &mut window, add_product)?;
    join_rows(conn, OVERRIDES, range, &mut window, |facts, row| {
        // A code this version does not know cannot feed any rule.
        let code: String = row.get(1)?;
        facts.overridden.extend(FindingCode::from_code(&code));
        Ok(())
    })?;
    Ok(window.into_iter().map(|(_, facts)| facts).collect())
}

/// One session of the window: its row id, and its facts as read so far.
type Entry = (i64, SessionFacts);

/// The window's sessions with their own columns, whether a cleaning of the
/// device followed each within a day (and by the window's end), and whether
/// the device was retired, or its head replaced after it, by the window's end.
const SESSIONS: &str = concat!(
    "SELECT s.rowid, v.at_ms, v.at_offset_s, v.needle_length_mm, ",
    pre_check_columns!("v."),
    ",
                EXISTS (SELECT 1 FROM cleanings c
                         WHERE c.device_id = v.device_id AND c.at_ms > v.at_ms
                           AND c.at_ms <= min(v.at_ms + 86400000, ?2)),
                EXISTS (SELECT 1 FROM devices d
                         WHERE d.id = v.device_id AND d.retired_at_ms <= ?2)
                OR EXISTS (SELECT 1 FROM head_changes h
                            WHERE h.device_id = v.device_id AND h.at_ms > v.at_ms
                              AND h.at_ms <= ?2)
           FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision",
    live_sessions_in_window!()
);

/// The window's sessions, their zones, products and overrides still empty.
fn sessions(conn: &Connection, start_ms: i64, end_ms: i64) -> Result<Vec<Entry>> {
    conn.query_rows(SESSIONS, params![start_ms, end_ms], |r| {
        Ok::<_, rusqlite::Error>((
            r.get::<_, i64>(0)?,
            SessionFacts {
                at: rows::moment_at(r, 1, "session_versions.at")?,
                zones: Vec::new(),
                needle_length_mm: r.get(3)?,
                products: Vec::new(),
                pre_checks: pre_checks_at(r, 4)?,
                overridden: Vec::new(),
                cleaned_after: r.get(10)?,
                device_renewed: r.get(11)?,
            },
        ))
    })
}

/// Each session's zones.
const ZONES: &str = concat!(
    "SELECT s.rowid, z.zone FROM sessions s
           JOIN session_zones z ON z.session_id = s.id AND z.revision = s.revision",
    live_sessions_in_window!()
);

/// Adds the zone of a `ZONES` row to its session.
fn add_zone(facts: &mut SessionFacts, row: &Row<'_>) -> Result<()> {
    let zone: String = row.get(1)?;
    facts.zones.push(rows::code(
        "session_zones.zone",
        &zone,
        BodyZone::from_code,
    )?);
    Ok(())
}

/// Each session's products, in the order given.
const PRODUCTS: &str = concat!(
    "SELECT s.rowid, p.name, p.timing, p.categories FROM sessions s
           JOIN session_products p ON p.session_id = s.id AND p.revision = s.revision",
    live_sessions_in_window!(),
    ", p.position"
);

/// Adds the product of a `PRODUCTS` row to its session.
fn add_product(facts: &mut SessionFacts, row: &Row<'_>) -> Result<()> {
    let timing: String = row.get(2)?;
    let categories: String = row.get(3)?;
    facts.products.push(Product {
        name: row.get(1)?,
        timing: rows::code("session_products.timing", &timing, timing_from_code)?,
        categories: rows::codes(
            "session_products.categories",
            &categories,
            ProductCategory::from_code,
        )?,
    });
    Ok(())
}

/// The codes of the blockers overridden for each session, in order.
const OVERRIDES: &str = concat!(
    "SELECT s.rowid, x.code FROM sessions s
           JOIN session_overrides x ON x.session_id = s.id",
    live_sessions_in_window!(),
    ", x.position"
);

/// Runs `sql` over the window `range` and hands each row to `add` with the
/// facts of its session (the row's first column). The rows come in the
/// window's order, so the walk to each row's session never goes back.
fn join_rows(
    conn: &Connection,
    sql: &str,
    (start_ms, end_ms): (i64, i64),
    window: &mut [Entry],
    mut add: impl FnMut(&mut SessionFacts, &Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params![start_ms, end_ms])?;
    let mut next = 0;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        while window.get(next).is_some_and(|(id, _)| *id != rowid) {
            next += 1;
        }
        let Some((_, facts)) = window.get_mut(next) else {
            return Err(Error::Inconsistent(format!(
                "a session's details are outside the window read with it (row {rowid})"
            )));
        };
        add(facts, row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The set-wise read must give exactly the facts the public log implies:
    //! each live session's current version, with its cleanings, however the
    //! log was edited.

    use chrono::{DateTime, TimeDelta};
    use proptest::prelude::*;

    use super::*;
    use crate::device::{DeviceKind, NewDevice};
    use crate::ids::{DeviceId, SessionId};
    use crate::product::ProductTiming;
    use crate::session::{NewSession, PreChecks, SessionPlan};
    use crate::store::Store;
    use crate::time::{self, Moment};
    use crate::{CleaningMethod, NewCleaning};

    /// One change to the log, times in minutes before the end of the log.
    /// Times fall on quarter days, so sessions meet the window's edges and
    /// each other.
    #[derive(Clone, Debug)]
    enum Step {
        Record {
            device: usize,
            minutes_before: i64,
            zones: Vec<BodyZone>,
            retinoid_after: bool,
            checks: [bool; 6],
        },
        Edit {
            which: usize,
            device: usize,
            minutes_before: i64,
            zones: Vec<BodyZone>,
        },
        Delete {
            which: usize,
        },
        Clean {
            device: usize,
            minutes_before: i64,
        },
        HeadChange {
            device: usize,
            minutes_before: i64,
        },
    }

    const LOG_MINUTES: i64 = 12 * 24 * 60;
    const QUARTER_DAY: i64 = 6 * 60;

    fn minutes_before() -> impl Strategy<Value = i64> {
        (0..LOG_MINUTES / QUARTER_DAY).prop_map(|q| q * QUARTER_DAY)
    }

    fn end() -> Moment {
        DateTime::parse_from_rfc3339("2026-03-31T12:00:00+02:00").unwrap_or_default()
    }

    fn zones() -> impl Strategy<Value = Vec<BodyZone>> {
        prop::sample::subsequence(BodyZone::ALL.to_vec(), 1..4)
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => (0_usize..2, minutes_before(), zones(), any::<bool>(), any::<[bool; 6]>()).prop_map(
                |(device, minutes_before, zones, retinoid_after, checks)| Step::Record {
                    device,
                    minutes_before,
                    zones,
                    retinoid_after,
                    checks,
                }
            ),
            1 => (any::<usize>(), 0_usize..2, minutes_before(), zones()).prop_map(
                |(which, device, minutes_before, zones)| Step::Edit {
                    which,
                    device,
                    minutes_before,
                    zones,
                }
            ),
            1 => any::<usize>().prop_map(|which| Step::Delete { which }),
            2 => (0_usize..2, minutes_before()).prop_map(|(device, minutes_before)| Step::Clean {
                device,
                minutes_before,
            }),
            1 => (0_usize..2, minutes_before()).prop_map(|(device, minutes_before)| {
                Step::HeadChange {
                    device,
                    minutes_before,
                }
            }),
        ]
    }

    fn session(device: DeviceId, minutes_before: i64, zones: Vec<BodyZone>) -> NewSession {
        NewSession {
            plan: SessionPlan {
                device_id: device,
                zones,
                needle_length_mm: None,
                products: vec![],
                pre_checks: PreChecks::ALL_CLEAR,
            },
            at: end() - TimeDelta::minutes(minutes_before),
            passes: None,
            pain: None,
            notes: Some("kept out of the facts".into()),
        }
    }

    /// Records `new`, acknowledging whatever blocks it.
    fn record(store: &Store, new: NewSession) -> SessionId {
        let acknowledged = match store.check_session(&new.plan, new.at) {
            Ok(verdict) => verdict
                .to_acknowledge()
                .map(|f| f.code.code().to_owned())
                .collect(),
            Err(_) => vec![],
        };
        match store.record_session(new, &acknowledged, end()) {
            Ok(changed) => changed.value.session.id,
            Err(e) => panic!("recording failed: {e}"),
        }
    }

    /// The log the steps make, and the head changes made (the public API
    /// lists them only as text in a device's audit trail).
    fn build(steps: &[Step]) -> (Store, Vec<(DeviceId, Moment)>) {
        let Ok(store) = Store::open_in_memory() else {
            panic!("no in-memory store")
        };
        let start = end() - TimeDelta::minutes(LOG_MINUTES + 1);
        let devices: Vec<DeviceId> = [(DeviceKind::Roller, 0.25), (DeviceKind::Pen, 1.0)]
            .into_iter()
            .filter_map(|(kind, needle)| {
                let new = NewDevice::simple(kind, needle, "Device");
                store.add_device(new, start).ok().map(|d| d.value.id)
            })
            .collect();
        let mut sessions: Vec<SessionId> = Vec::new();
        let mut heads = Vec::new();
        for step in steps {
            match step.clone() {
                Step::Record {
                    device,
                    minutes_before,
                    zones,
                    retinoid_after,
                    checks,
                } => {
                    let mut new = session(devices[device], minutes_before, zones);
                    if retinoid_after {
                        new.plan.products.push(Product {
                            name: "Night cream".into(),
                            timing: ProductTiming::After,
                            categories: vec![ProductCategory::Retinoid],
                        });
                    }
                    new.plan.pre_checks = PreChecks {
                        device_cleaned: checks[0],
                        skin_clean: checks[1],
                        active_breakout: checks[2],
                        cold_sore: checks[3],
                        open_wound: checks[4],
                        sunburn: checks[5],
                    };
                    sessions.push(record(&store, new));
                }
                Step::Edit {
                    which,
                    device,
                    minutes_before,
                    zones,
                } => {
                    if let Some(id) = sessions.get(which % sessions.len().max(1)) {
                        let edit = session(devices[device], minutes_before, zones);
                        // Editing a deleted session is refused; that is fine here.
                        let _ = store.edit_session(*id, edit, end());
                    }
                }
                Step::Delete { which } => {
                    if let Some(id) = sessions.get(which % sessions.len().max(1)) {
                        let _ = store.delete_session(*id, end());
                    }
                }
                Step::Clean {
                    device,
                    minutes_before,
                } => {
                    let cleaning = NewCleaning {
                        device_id: devices[device],
                        at: end() - TimeDelta::minutes(minutes_before),
                        method: CleaningMethod::SoapAndWater,
                        soak_minutes: None,
                    };
                    if let Err(e) = store.record_cleaning(cleaning, end()) {
                        panic!("cleaning failed: {e}");
                    }
                }
                Step::HeadChange {
                    device,
                    minutes_before,
                } => {
                    let at = end() - TimeDelta::minutes(minutes_before);
                    if let Err(e) = store.record_head_change(devices[device], at, end()) {
                        panic!("head change failed: {e}");
                    }
                    heads.push((devices[device], at));
                }
            }
        }
        (store, heads)
    }

    /// The facts as the public log states them: the live sessions in the
    /// window and each device's cleanings.
    fn expected(
        store: &Store,
        heads: &[(DeviceId, Moment)],
        start: &Moment,
        end: &Moment,
    ) -> Vec<SessionFacts> {
        let (Ok(sessions), Ok(devices)) = (store.sessions(), store.devices()) else {
            panic!("the log cannot be listed")
        };
        let cleanings: Vec<(DeviceId, Moment)> = devices
            .iter()
            .flat_map(|d| store.cleanings(d.id).unwrap_or_default())
            .map(|c| (c.cleaning.device_id, c.cleaning.at))
            .collect();
        sessions
            .iter()
            .filter(|s| s.at >= *start && s.at <= *end)
            .map(|s| {
                let day_after = (s.at + TimeDelta::hours(24)).min(*end);
                let cleaned = cleanings
                    .iter()
                    .any(|(d, at)| *d == s.device_id && *at > s.at && *at <= day_after);
                let renewed = heads
                    .iter()
                    .any(|(d, at)| *d == s.device_id && *at > s.at && *at <= *end);
                SessionFacts::of(s, cleaned, renewed)
            })
            .collect()
    }

    /// Orders facts by time, then by their content, for sessions at the
    /// same moment.
    fn ordered(mut facts: Vec<SessionFacts>) -> Vec<SessionFacts> {
        crate::sorting::sort_by_key(&mut facts, |f| (time::unix_millis(&f.at), format!("{f:?}")));
        facts
    }

    #[test]
    fn no_statement_sorts_the_window() {
        let Ok(store) = Store::open_in_memory() else {
            panic!("no in-memory store")
        };
        for sql in [SESSIONS, ZONES, PRODUCTS, OVERRIDES] {
            let plan = store.read(|tx| {
                let mut stmt = tx.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let details = stmt
                    .query_map(params![0, 1], |r| r.get::<_, String>(3))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(details.join("; "))
            });
            let Ok(plan) = plan else {
                panic!("no plan for {sql}")
            };
            assert!(plan.contains("sessions_by_time"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn the_window_holds_the_facts_of_the_live_log(
            steps in prop::collection::vec(step(), 0..30),
            window_days in 1_i64..14,
            quarters_before_end in 0_i64..16,
        ) {
            let (store, heads) = build(&steps);
            let window_end = end() - TimeDelta::minutes(quarters_before_end * QUARTER_DAY);
            let start = window_end - TimeDelta::days(window_days);
            let read = store.read(|tx| {
                session_facts(tx, time::unix_millis(&start), time::unix_millis(&window_end))
            });
            let Ok(read) = read else { panic!("the window cannot be read: {read:?}") };
            let in_time_order = read.windows(2).all(|w| w[0].at <= w[1].at);
            prop_assert!(in_time_order);
            prop_assert_eq!(ordered(read), ordered(expected(&store, &heads, &start, &window_end)));
        }

        /// The list of sessions reads every session's child rows in one
        /// statement per table (`session_rows::children_of_live_sessions`);
        /// each session must come out as the read of that session alone
        /// gives it, however the log was edited (this builder's logs: edits
        /// that change zones, products after, overrides, deletions).
        #[test]
        fn the_list_gives_each_session_as_read_alone(
            steps in prop::collection::vec(step(), 0..30),
        ) {
            let (store, _) = build(&steps);
            let Ok(all) = store.sessions() else { panic!("the log cannot be listed") };
            for listed in &all {
                let alone = store.session(listed.id);
                prop_assert_eq!(alone.as_ref().ok(), Some(listed));
            }
        }
    }
}
