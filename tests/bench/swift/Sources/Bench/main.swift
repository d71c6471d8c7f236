// The Swift harness of tests/bench/run: the same operations as the Rust
// benchmarks (core/benches) and the Kotlin harness (tests/bench/kotlin),
// through the generated Swift bindings, against the release library. Each
// operation is warmed up, then timed call by call (or, for the
// nanosecond-scale FFI floor, in batches whose mean per call is one sample);
// prints one line per operation:
//   RESULT <tab> swift <tab> <operation> <tab> <median ns> <tab> <p99 ns> <tab> <samples>
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

/// Times `warmup` then `samples` runs of `batch` calls each; reports ns per call.
func measure(_ name: String, warmup: Int, samples: Int, batch: Int = 1, _ call: () throws -> Any) rethrows {
    for _ in 0..<warmup { for _ in 0..<batch { sink = try call() } }
    var times = [UInt64](repeating: 0, count: samples)
    for i in 0..<samples {
        let started = nanos()
        for _ in 0..<batch { sink = try call() }
        times[i] = (nanos() - started) / UInt64(batch)
    }
    times.sort()
    let median = samples % 2 == 1 ? times[samples / 2] : (times[samples / 2 - 1] + times[samples / 2]) / 2
    let p99 = times[min(samples - 1, Int((Double(samples) * 0.99).rounded(.up)) - 1)]
    print("RESULT\tswift\t\(name)\t\(median)\t\(p99)\t\(samples)")
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
    do {
        let store = try RollSafeStore.open(path: oneYear)
        try measure("today/365", warmup: 50, samples: 300) { try store.today(now: oneYearNow) }
    }
    do {
        let store = try RollSafeStore.open(path: tenYears)
        try measure("today/3650", warmup: 50, samples: 300) { try store.today(now: tenYearsNow) }
    }
    do {
        let path = scratch + "/swift-record.sqlite3"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try RollSafeStore.open(path: path)
        let device = try roller(store)
        var days = 0
        try measure("record_session", warmup: 50, samples: 300) {
            days += 1
            let now = day(days)
            return try store.recordSession(
                session: NewSession(plan: plan(device), at: now), acknowledgedBlockers: acknowledged, now: now)
        }
    }
}

try main()
