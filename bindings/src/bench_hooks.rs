//! Benchmark hooks, compiled only with the `bench-hooks` feature: the library
//! `tests/bench/run` builds into target/bench-lib. The release library that
//! apps ship and the size test measures never contains them.
//!
//! Issue 8 asks that the binding overhead of recording a session (Kotlin or
//! Swift minus Rust) stay under 10% of the total. Subtracting a criterion
//! median from a JVM or Swift median taken minutes later, under other load on
//! a shared machine, does not measure that. These exports do the same work as
//! a public call (same arguments, same conversions, same core call) and
//! return how long it took measured here, inside Rust, so a harness can
//! alternate public calls (timed by the harness) and hook calls (timed by
//! Rust) on the same store, in the same process, under the same load.
//!
//! The clock is read here, in the binding crate, never in the core.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::error::RollSafeError;
use crate::records::{NewSession, RecordedSession, Today};
use crate::store::RollSafeStore;
use crate::time::Moment;

/// How long a hook's work took, measured inside Rust with a monotonic clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Record)]
pub struct BenchTiming {
    /// The core call alone, the part criterion times, in nanoseconds.
    pub core_nanos: u64,
    /// The whole body of the public export, in nanoseconds: converting the
    /// arguments from their boundary records, the core call and converting
    /// the result to its boundary record. It leaves out only what UniFFI and
    /// the foreign side do around the call (lowering, lifting, crossing).
    pub export_nanos: u64,
}

impl BenchTiming {
    fn new(core: Duration, export: Duration) -> Self {
        Self {
            core_nanos: nanos(core),
            export_nanos: nanos(export),
        }
    }
}

#[uniffi::export]
impl RollSafeStore {
    /// Does what `record_session` does with the same arguments (the session
    /// is recorded) and returns the time it took in Rust instead of the
    /// recorded session. Present only in benchmark builds.
    pub fn bench_record_session(
        &self,
        session: NewSession,
        acknowledged_blockers: Vec<String>,
        now: Moment,
    ) -> Result<BenchTiming, RollSafeError> {
        let started = Instant::now();
        let now = now.to_core("now")?;
        let session = session.into_core()?;
        let core_started = Instant::now();
        let recorded = self
            .core()
            .record_session(session, &acknowledged_blockers, now)?;
        let core = core_started.elapsed();
        let recorded: RecordedSession = recorded.into();
        let export = started.elapsed();
        black_box(recorded);
        Ok(BenchTiming::new(core, export))
    }

    /// Does what `today` does with the same argument and returns the time it
    /// took in Rust instead of the home screen. Present only in benchmark
    /// builds.
    pub fn bench_today(&self, now: Moment) -> Result<BenchTiming, RollSafeError> {
        let started = Instant::now();
        let now = now.to_core("now")?;
        let core_started = Instant::now();
        let today = self.core().today(now)?;
        let core = core_started.elapsed();
        let today: Today = today.into();
        let export = started.elapsed();
        black_box(today);
        Ok(BenchTiming::new(core, export))
    }
}

/// Whole nanoseconds, saturating (a `u64` holds 584 years).
fn nanos(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX)
}
