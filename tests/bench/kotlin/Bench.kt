// The JVM harness of tests/bench/run: the same operations as the Rust
// benchmarks (core/benches), through the generated Kotlin bindings and JNA,
// against the release library. Each operation is warmed up, then timed call
// by call (or, for the nanosecond-scale FFI floor, in batches whose mean per
// call is one sample); prints one line per operation:
//   RESULT <tab> kotlin <tab> <operation> <tab> <median ns> <tab> <p99 ns> <tab> <samples>
//
// Use: Bench <ten-year fixture> <its now> <one-year fixture> <its now> <scratch dir>
package app.rollsafe.bench

import app.rollsafe.BodyZone
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.PreChecks
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
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

/** Times `warmup` then `samples` runs of `batch` calls each; reports ns per call. */
fun measure(name: String, warmup: Int, samples: Int, batch: Int = 1, call: () -> Any?) {
    repeat(warmup) { repeat(batch) { sink = call() } }
    val times = LongArray(samples)
    for (i in 0 until samples) {
        val started = System.nanoTime()
        repeat(batch) { sink = call() }
        times[i] = (System.nanoTime() - started) / batch
    }
    times.sort()
    val median = if (samples % 2 == 1) times[samples / 2].toDouble() else (times[samples / 2 - 1] + times[samples / 2]) / 2.0
    val p99 = times[minOf(samples - 1, Math.ceil(samples * 0.99).toInt() - 1)]
    println("RESULT\tkotlin\t$name\t${median.toLong()}\t$p99\t$samples")
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

    measure("library_version", warmup = 50, samples = 200, batch = 10_000) { libraryVersion() }
    RollSafeStore.openInMemory().use { store ->
        val plan = plan(roller(store))
        val now = moment(START)
        measure("check_session", warmup = 50, samples = 200, batch = 50) { store.checkSession(plan, now) }
    }
    measure("open", warmup = 30, samples = 200) { RollSafeStore.open(tenYears).close() }
    RollSafeStore.open(oneYear).use { store ->
        measure("today/365", warmup = 50, samples = 300) { store.today(oneYearNow) }
    }
    RollSafeStore.open(tenYears).use { store ->
        measure("today/3650", warmup = 50, samples = 300) { store.today(tenYearsNow) }
    }
    val path = File(scratch, "kotlin-record.sqlite3")
    for (suffix in listOf("", "-wal", "-shm")) File(path.path + suffix).delete()
    RollSafeStore.open(path.path).use { store ->
        val device = roller(store)
        var day = 0L
        measure("record_session", warmup = 50, samples = 300) {
            day += 1
            val now = moment(START.plusDays(day))
            store.recordSession(NewSession(plan = plan(device), at = now), ACKNOWLEDGED, now)
        }
    }
}
