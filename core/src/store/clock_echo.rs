//! Clocks that disagree with the log: the rule that keeps a clock moving back
//! and forth from announcing the same rise again.
//!
//! Every change re-assesses the log as of the caller's `now` and records a
//! level change when the result differs from the stored level. When `now`
//! moves back and forth (a phone whose clock is corrected, a restored backup
//! written by another phone, two processes with different clocks writing one
//! log), time alone makes the level swing: a session's missed cleaning
//! counts once a day has passed, and stops counting once it leaves the
//! lookback. Left alone, each swing back announces the same rise again, and
//! the user learns to ignore alerts.
//!
//! The rule looks only at the latest recorded change of the same kind (by
//! insertion order; it is the one that set the stored level), and only when
//! the caller's `now` is *earlier* than that change, that is, when the caller's
//! clock is behind a clock the log has already seen:
//!
//! - a **fall** is not recorded: the level set at the later time stands until
//!   a clock at or past that time says otherwise;
//! - a **rise** is not recorded if it repeats the rise that the latest change
//!   (a fall) undid: same kind, same level, same reasons word for word.
//!
//! Anything else is recorded as before, so a real new rise is still
//! announced while a clock is behind: a new symptom, a device newly shared, a
//! rise to another level, or for other reasons (reasons name the sessions'
//! dates and the devices, so a different cause reads differently). The
//! alternatives were worse: assessing at the latest `now` ever seen would
//! hide a report recorded by a clock that was later corrected (it would lie
//! outside the window looking back from the future), and comparing reason
//! codes only would swallow a real second cause of the same kind.
//!
//! Because the rule reads the alert history itself, two processes sharing a
//! log agree without any further state, and it costs two indexed lookups,
//! made only when a change of level is about to be recorded.

use rusqlite::Connection;

use super::alerts::pack_reasons;
use super::conn_ext::ConnExt;
use crate::alert::{AlertKind, AlertReason};
use crate::error::Result;
use crate::time::{self, Moment};

/// A change of level about to be recorded.
pub(super) struct Candidate<'a> {
    /// Which assessment.
    pub kind: AlertKind,
    /// The stored level (its code).
    pub from: &'a str,
    /// The new level (its code).
    pub to: &'a str,
    /// True for a rise.
    pub rising: bool,
    /// The reasons at the new level.
    pub reasons: &'a [AlertReason],
}

/// True when `candidate`, seen at `now`, only echoes a clock that was ahead
/// (see the module documentation) and must not be recorded.
pub(super) fn is_clock_echo(
    conn: &Connection,
    candidate: &Candidate<'_>,
    now: &Moment,
) -> Result<bool> {
    let last: Option<(i64, i64, String, bool)> = conn.query_optional(
        "SELECT rowid, at_ms, to_level, rising FROM alerts WHERE kind = ?1
          ORDER BY rowid DESC LIMIT 1",
        [candidate.kind.code()],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let Some((rowid, at_ms, to_level, last_rising)) = last else {
        return Ok(false);
    };
    if to_level != candidate.from || time::unix_millis(now) >= at_ms {
        return Ok(false);
    }
    if !candidate.rising {
        return Ok(true);
    }
    if last_rising {
        return Ok(false);
    }
    let undone: Option<(String, String)> = conn.query_optional(
        "SELECT to_level, reasons FROM alerts WHERE kind = ?1 AND rising = 1 AND rowid < ?2
          ORDER BY rowid DESC LIMIT 1",
        rusqlite::params![candidate.kind.code(), rowid],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?)),
    )?;
    Ok(undone.is_some_and(|(level, reasons)| {
        level == candidate.to && reasons == pack_reasons(candidate.reasons)
    }))
}
