// The JVM harness of tests/bench/run: the same operations as the Rust
// benchmarks (core/benches), through the generated Kotlin bindings and JNA,
// against the benchmark library (target/bench-lib: the release build plus the
// `bench-hooks` exports). Each operation is warmed up, then timed call by
// call (`check_session` in batches of 50 whose mean per call is one sample);
// prints one line per operation:
//   RESULT <tab> kotlin <tab> <operation> <tab> <median ns> <tab> <p99 ns> <tab> <samples> <tab> <mean ns>
//
// The home screen and the recording alternate, call by call on the same
// store, the public call (timed here) with its bench hook (bindings/src/
// bench_hooks.rs: the same work, timed inside Rust), and also print
// `<operation>/rust-core` and `<operation>/rust-export` lines (Rust's own
// times of the same work), the samples in pair order for the table's
// confidence interval
//   SAMPLES <tab> kotlin <tab> <operation> <tab> call|core|export <tab> <ns>,<ns>,...
// and one line
//   OVERHEAD <tab> kotlin <tab> <operation> <tab> <call median ns> <tab> <Rust core median ns> <tab> <overhead ns> <tab> <% of the call>
// where the overhead is the median of the pairs' differences (each public
// call minus Rust's time of the hook call next to it).
//
// Use: Bench <ten-year fixture> <its now> <one-year fixture> <its now> <scratch dir>
package app.rollsafe.bench

import app.rollsafe.BenchTiming
import app.rollsafe.BodyZone
import app.rollsafe.DeviceKind
import app.rollsafe.IntegrityCheckingUniffiLib
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.PreChecks
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import app.rollsafe.UniffiRustCallStatus
import app.rollsafe.libraryVersion
import java.io.File
import java.time.OffsetDateTime

fun moment(time: OffsetDateTime) = Moment(instant = time.toInstant(), utcOffsetSeconds = time.offset.totalSeconds)

/** The fixtures' first day (core/benches/support): the benchmarks' device is added then. */
val START: OffsetDateTime = OffsetDateTime.parse("2016-01-01T09:00:00+01:00")

val ALL_CLEAR = PreChecks(
    deviceCleaned = true, skinClean = true, activeBreakout = false, coldSore = false, openWound = false, sunburn = false,
)

/** The codes acknowledged with every recorded session, as in core/benches/support/session.rs. */
val ACKNOWLEDGED = listOf("interval_not_elapsed", "device_not_cleaned", "device_due_for_replacement")

var sink: Any? = null

/** The median and the 99th percentile of `times`. */
fun quantiles(times: LongArray): Pair<Long, Long> {
    val sorted = times.sortedArray()
    val n = sorted.size
    val median = if (n % 2 == 1) sorted[n / 2] else (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    return median to sorted[minOf(n - 1, Math.ceil(n * 0.99).toInt() - 1)]
}

fun report(name: String, times: LongArray) {
    val mean = times.sum() / times.size
    val (median, p99) = quantiles(times)
    println("RESULT\tkotlin\t$name\t$median\t$p99\t${times.size}\t$mean")
    System.out.flush()
}

/** Times `warmup` then `samples` runs of `batch` calls each; reports ns per call. */
fun measure(name: String, warmup: Int, samples: Int, batch: Int = 1, call: () -> Any?) {
    repeat(warmup) { repeat(batch) { sink = call() } }
    val times = LongArray(samples)
    for (i in 0 until samples) {
        val started = System.nanoTime()
        repeat(batch) { sink = call() }
        times[i] = (System.nanoTime() - started) / batch
    }
    report(name, times)
}

/**
 * Alternates a public call (timed here) with its bench hook (the same work on
 * the same store, timed inside Rust), `warmup` then `pairs` pairs, the public
 * call first in even pairs and the hook first in odd ones so that neither
 * always follows the other. Each call gets its own arguments from `next`,
 * made before the clock starts. Reports the public call, Rust's core and
 * export times, and the binding overhead: the median of the pairs'
 * differences (public call minus Rust's core time of the hook call next to
 * it), both measured in this process under the same load.
 */
fun <T> interleaved(
    name: String, warmup: Int, pairs: Int, next: () -> T, publicCall: (T) -> Any?, hook: (T) -> BenchTiming,
) {
    repeat(warmup) {
        sink = publicCall(next())
        sink = hook(next())
    }
    val call = LongArray(pairs)
    val core = LongArray(pairs)
    val export = LongArray(pairs)
    for (i in 0 until pairs) {
        fun rust() {
            val timing = hook(next())
            core[i] = timing.coreNanos.toLong()
            export[i] = timing.exportNanos.toLong()
        }
        if (i % 2 == 1) rust()
        val arguments = next()
        val started = System.nanoTime()
        sink = publicCall(arguments)
        call[i] = System.nanoTime() - started
        if (i % 2 == 0) rust()
    }
    for ((what, times) in listOf("call" to call, "core" to core, "export" to export)) {
        println("SAMPLES\tkotlin\t$name\t$what\t${times.joinToString(",")}")
    }
    report(name, call)
    report("$name/rust-core", core)
    report("$name/rust-export", export)
    val callMedian = quantiles(call).first
    val coreMedian = quantiles(core).first
    val overhead = quantiles(LongArray(pairs) { call[it] - core[it] }).first
    println("OVERHEAD\tkotlin\t$name\t$callMedian\t$coreMedian\t$overhead\t${"%.1f".format(100.0 * overhead / callMedian)}")
    System.out.flush()
}

fun roller(store: RollSafeStore): String =
    store.addDevice(
        NewDevice(kind = DeviceKind.ROLLER, needleLengthMm = 0.25, material = NeedleMaterial.UNKNOWN, nickname = "Roller"),
        moment(START),
    ).device.id

fun plan(device: String) = SessionPlan(deviceId = device, zones = listOf(BodyZone.THIGHS), preChecks = ALL_CLEAR)

fun main(args: Array<String>) {
    require(args.size == 5) { "usage: Bench <ten-year fixture> <now> <one-year fixture> <now> <scratch dir>" }
    val (tenYears, tenNow, oneYear, oneNow, scratch) = args
    val tenYearsNow = moment(OffsetDateTime.parse(tenNow))
    val oneYearNow = moment(OffsetDateTime.parse(oneNow))

    RollSafeStore.openInMemory().use { store ->
        val plan = plan(roller(store))
        val now = moment(START)
        measure("check_session", warmup = 50, samples = 200, batch = 50) { store.checkSession(plan, now) }
    }
    measure("open", warmup = 30, samples = 200) { RollSafeStore.open(tenYears).close() }
    for ((days, fixture, now) in listOf(Triple(365, oneYear, oneYearNow), Triple(3650, tenYears, tenYearsNow))) {
        RollSafeStore.open(fixture).use { store ->
            interleaved("today/$days", warmup = 25, pairs = 500, { now }, { store.today(it) }, { store.benchToday(it) })
        }
    }
    val path = File(scratch, "kotlin-record.sqlite3")
    for (suffix in listOf("", "-wal", "-shm")) File(path.path + suffix).delete()
    RollSafeStore.open(path.path).use { store ->
        val device = roller(store)
        var day = 0L
        interleaved(
            "record_session", warmup = 25, pairs = 500,
            // One session a day, whichever call records it.
            next = {
                day += 1
                NewSession(plan = plan(device), at = moment(START.plusDays(day)))
            },
            publicCall = { store.recordSession(it, ACKNOWLEDGED, it.at) },
            hook = { store.benchRecordSession(it, ACKNOWLEDGED, it.at) },
        )
    }
    // The FFI floor, last: its calls allocate some two million JNA Structures
    // and over a million native blocks, which leave the heap and JNA's table of
    // allocations larger for anything measured after them. Call by call (a
    // call costs microseconds through JNA, far above the clock's resolution).
    // Its parts: a direct-mapped JNA call with no Structure (the checksum
    // UniFFI checks at load time) and the JNA Structure UniFFI allocates for
    // the status of every call (both internal to the generated bindings,
    // compiled in the same module).
    measure("jna_call_without_structures", warmup = 100_000, samples = 100_000) {
        IntegrityCheckingUniffiLib.uniffi_rollsafe_ffi_checksum_func_library_version()
    }
    measure("call_status_structure", warmup = 100_000, samples = 100_000) { UniffiRustCallStatus() }
    measure("library_version", warmup = 100_000, samples = 100_000) { libraryVersion() }
}
