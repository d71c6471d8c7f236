// The Swift harness of tests/bench/run: the same operations as the Rust
// benchmarks (core/benches) and the Kotlin harness (tests/bench/kotlin),
// through the generated Swift bindings, against the benchmark library
// (target/bench-lib: the release build plus the `bench-hooks` exports). Each
// operation is warmed up, then timed call by call (or, for the
// nanosecond-scale FFI floor, in batches whose mean per call is one sample);
// prints one line per operation:
//   RESULT <tab> swift <tab> <operation> <tab> <median ns> <tab> <p99 ns> <tab> <samples> <tab> <mean ns>
//
// The home screen and the recording alternate, call by call on the same
// store, the public call (timed here) with its bench hook (bindings/src/
// bench_hooks.rs: the same work, timed inside Rust), and also print
// `<operation>/rust-core` and `<operation>/rust-export` lines (Rust's own
// times of the same work), the samples in pair order for the table's
// confidence interval
//   SAMPLES <tab> swift <tab> <operation> <tab> call|core|export <tab> <ns>,<ns>,...
// and one line
//   OVERHEAD <tab> swift <tab> <operation> <tab> <call median ns> <tab> <Rust core median ns> <tab> <overhead ns> <tab> <% of the call>
// where the overhead is the median of the pairs' differences (each public
// call minus Rust's time of the hook call next to it).
//
// Use: Bench <ten-year fixture> <its now> <one-year fixture> <its now> <scratch dir>
import Foundation
import RollSafe

#if canImport(Glibc)
    import Glibc
#endif

/// Monotonic nanoseconds.
func nanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Parses RFC 3339 text such as `2026-01-01T22:00:00+01:00`, keeping its offset.
func moment(_ text: String) -> Moment {
    guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("not a moment: \(text)") }
    let sign: Int32 = text.suffix(6).hasPrefix("-") ? -1 : 1
    let offset = text.suffix(5).split(separator: ":").compactMap { Int32($0) }
    guard offset.count == 2 else { fatalError("no offset in \(text)") }
    return Moment(instant: date, utcOffsetSeconds: sign * (offset[0] * 3600 + offset[1] * 60))
}

/// The fixtures' first day (core/benches/support): the benchmarks' device is added then.
let start = moment("2016-01-01T09:00:00+01:00")

/// The same moment `days` days later (the offset does not change).
func day(_ days: Int) -> Moment {
    Moment(instant: start.instant.addingTimeInterval(Double(days) * 86_400), utcOffsetSeconds: start.utcOffsetSeconds)
}

let allClear = PreChecks(
    deviceCleaned: true, skinClean: true, activeBreakout: false, coldSore: false, openWound: false, sunburn: false)

/// The codes acknowledged with every recorded session, as in core/benches/support/session.rs.
let acknowledged = ["interval_not_elapsed", "device_not_cleaned", "device_due_for_replacement"]

var sink: Any?

/// The median and the 99th percentile of `times`.
func quantiles(_ times: [UInt64]) -> (median: UInt64, p99: UInt64) {
    let sorted = times.sorted()
    let n = sorted.count
    let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    return (median, sorted[min(n - 1, Int((Double(n) * 0.99).rounded(.up)) - 1)])
}

func report(_ name: String, _ times: [UInt64]) {
    let (median, p99) = quantiles(times)
    let mean = times.reduce(0, +) / UInt64(times.count)
    print("RESULT\tswift\t\(name)\t\(median)\t\(p99)\t\(times.count)\t\(mean)")
    fflush(stdout)
}

/// Times `warmup` then `samples` runs of `batch` calls each; reports ns per call.
func measure(_ name: String, warmup: Int, samples: Int, batch: Int = 1, _ call: () throws -> Any) rethrows {
    for _ in 0..<warmup { for _ in 0..<batch { sink = try call() } }
    var times = [UInt64](repeating: 0, count: samples)
    for i in 0..<samples {
        let started = nanos()
        for _ in 0..<batch { sink = try call() }
        times[i] = (nanos() - started) / UInt64(batch)
    }
    report(name, times)
}

/// Alternates a public call (timed here) with its bench hook (the same work on
/// the same store, timed inside Rust), `warmup` then `pairs` pairs, the public
/// call first in even pairs and the hook first in odd ones so that neither
/// always follows the other. Each call gets its own arguments from `next`,
/// made before the clock starts. Reports the public call, Rust's core and
/// export times, and the binding overhead: the median of the pairs'
/// differences (public call minus Rust's core time of the hook call next to
/// it), both measured in this process under the same load.
func interleaved<T>(
    _ name: String, warmup: Int, pairs: Int, next: () -> T, publicCall: (T) throws -> Any,
    hook: (T) throws -> BenchTiming
) throws {
    for _ in 0..<warmup {
        sink = try publicCall(next())
        sink = try hook(next())
    }
    var call = [UInt64](repeating: 0, count: pairs)
    var core = [UInt64](repeating: 0, count: pairs)
    var export = [UInt64](repeating: 0, count: pairs)
    for i in 0..<pairs {
        func rust() throws {
            let timing = try hook(next())
            core[i] = timing.coreNanos
            export[i] = timing.exportNanos
        }
        if i % 2 == 1 { try rust() }
        let arguments = next()
        let started = nanos()
        sink = try publicCall(arguments)
        call[i] = nanos() - started
        if i % 2 == 0 { try rust() }
    }
    for (what, times) in [("call", call), ("core", core), ("export", export)] {
        print("SAMPLES\tswift\t\(name)\t\(what)\t\(times.map(String.init).joined(separator: ","))")
    }
    report(name, call)
    report("\(name)/rust-core", core)
    report("\(name)/rust-export", export)
    let callMedian = quantiles(call).median
    let coreMedian = quantiles(core).median
    let differences = zip(call, core).map { Int64($0) - Int64($1) }.sorted()
    let n = differences.count
    let overhead = n % 2 == 1 ? differences[n / 2] : (differences[n / 2 - 1] + differences[n / 2]) / 2
    let share = String(format: "%.1f", 100 * Double(overhead) / Double(callMedian))
    print("OVERHEAD\tswift\t\(name)\t\(callMedian)\t\(coreMedian)\t\(overhead)\t\(share)")
    fflush(stdout)
}

func roller(_ store: RollSafeStore) throws -> String {
    try store.addDevice(
        device: NewDevice(kind: .roller, needleLengthMm: 0.25, material: .unknown, nickname: "Roller"), now: start
    ).device.id
}

func plan(_ device: String) -> SessionPlan {
    SessionPlan(deviceId: device, zones: [.thighs], preChecks: allClear)
}

func main() throws {
    let args = CommandLine.arguments
    guard args.count == 6 else {
        fatalError("usage: Bench <ten-year fixture> <now> <one-year fixture> <now> <scratch dir>")
    }
    let (tenYears, tenYearsNow, oneYear, oneYearNow, scratch) =
        (args[1], moment(args[2]), args[3], moment(args[4]), args[5])

    measure("library_version", warmup: 50, samples: 200, batch: 10_000) { libraryVersion() }
    do {
        let store = try RollSafeStore.openInMemory()
        let plan = plan(try roller(store))
        try measure("check_session", warmup: 50, samples: 200, batch: 50) {
            try store.checkSession(plan: plan, now: start)
        }
    }
    // Each sample opens one store and closes the one before (released when `sink` moves on).
    try measure("open", warmup: 30, samples: 200) { try RollSafeStore.open(path: tenYears) }
    for (days, fixture, now) in [(365, oneYear, oneYearNow), (3650, tenYears, tenYearsNow)] {
        let store = try RollSafeStore.open(path: fixture)
        try interleaved(
            "today/\(days)", warmup: 25, pairs: 500, next: { now },
            publicCall: { try store.today(now: $0) }, hook: { try store.benchToday(now: $0) })
    }
    do {
        let path = scratch + "/swift-record.sqlite3"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try RollSafeStore.open(path: path)
        let device = try roller(store)
        var days = 0
        try interleaved(
            "record_session", warmup: 25, pairs: 500,
            // One session a day, whichever call records it.
            next: {
                days += 1
                return NewSession(plan: plan(device), at: day(days))
            },
            publicCall: { try store.recordSession(session: $0, acknowledgedBlockers: acknowledged, now: $0.at) },
            hook: { try store.benchRecordSession(session: $0, acknowledgedBlockers: acknowledged, now: $0.at) })
    }
}

try main()
