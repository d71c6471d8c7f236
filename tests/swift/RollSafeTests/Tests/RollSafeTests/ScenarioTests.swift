// Runs the shared scenarios of tests/scenarios (format: tests/scenarios/README.md)
// through the generated Swift bindings, against the real Rust library: every
// scenario file, by file name, each on a fresh in-memory store. The directory
// comes from the environment variable ROLLSAFE_SCENARIOS (tests/swift/run.sh
// sets it).
//
// The runner is strict: an unknown `do`, an unknown key (in a step, in its
// inputs or in its expectations), a value of the wrong type or an unknown
// code fails the scenario; nothing is ignored.
import Foundation
import RollSafe
import XCTest

final class ScenarioTests: XCTestCase {
    func testEverySharedScenarioHolds() throws {
        guard let path = ProcessInfo.processInfo.environment["ROLLSAFE_SCENARIOS"], !path.isEmpty else {
            return XCTFail("scenarios: the environment variable ROLLSAFE_SCENARIOS is not set")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return XCTFail("scenarios: no scenarios directory at \(path)")
        }
        let dir = URL(fileURLWithPath: path, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { name in
                var isDir: ObjCBool = false
                return name.hasSuffix(".json")
                    && FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir)
                    && !isDir.boolValue
            }
            .sorted()
        guard !names.isEmpty else {
            return XCTFail("scenarios: no *.json scenario in \(path)")
        }
        var failed: [String] = []
        for name in names {
            let problems = ScenarioRun(file: dir.appendingPathComponent(name)).run()
            if !problems.isEmpty { failed.append(name) }
            for problem in problems {
                XCTFail(problem)
            }
        }
        print("scenarios: \(names.count) run, \(names.count - failed.count) passed, \(failed.count) failed"
            + (failed.isEmpty ? "" : ": " + failed.joined(separator: ", ")))
    }
}

// MARK: - Reading JSON strictly

/// The scenario is malformed, or a step went so wrong that later steps cannot be trusted.
private struct StopScenario: Error {
    let message: String
}

private func bad(_ message: String) -> StopScenario { StopScenario(message: message) }

/// A JSON object whose keys must all be read: `done()` fails on any key nobody asked for.
private final class Obj {
    let dict: [String: Any]
    let path: String
    private var read = Set<String>()

    init(_ dict: [String: Any], _ path: String) {
        self.dict = dict
        self.path = path
    }

    func has(_ key: String) -> Bool {
        read.insert(key)
        return dict[key] != nil
    }

    /// The value of `key`; absent and JSON null are both nil.
    func opt(_ key: String) -> Any? {
        read.insert(key)
        guard let value = dict[key], !(value is NSNull) else { return nil }
        return value
    }

    func req(_ key: String) throws -> Any {
        guard let value = opt(key) else { throw bad("\(path): `\(key)` is required") }
        return value
    }

    func done() throws {
        let unknown = Set(dict.keys).subtracting(read)
        if !unknown.isEmpty { throw bad("\(path): unknown key(s) \(unknown.sorted())") }
    }

    func str(_ key: String) throws -> String { try asString(try req(key), "\(path).\(key)") }
    func optStr(_ key: String) throws -> String? { try opt(key).map { try asString($0, "\(path).\(key)") } }
    func bool(_ key: String) throws -> Bool { try asBool(try req(key), "\(path).\(key)") }
    func optBool(_ key: String) throws -> Bool? { try opt(key).map { try asBool($0, "\(path).\(key)") } }
    func double(_ key: String) throws -> Double { try asDouble(try req(key), "\(path).\(key)") }
    func optDouble(_ key: String) throws -> Double? { try opt(key).map { try asDouble($0, "\(path).\(key)") } }
    func optUInt32(_ key: String) throws -> UInt32? { try opt(key).map { try asUInt32($0, "\(path).\(key)") } }
    func obj(_ key: String) throws -> Obj { try asObj(try req(key), "\(path).\(key)") }
    func optObj(_ key: String) throws -> Obj? { try opt(key).map { try asObj($0, "\(path).\(key)") } }
    func arr(_ key: String) throws -> [Any] { try asArr(try req(key), "\(path).\(key)") }
    func optArr(_ key: String) throws -> [Any]? { try opt(key).map { try asArr($0, "\(path).\(key)") } }

    func strings(_ key: String) throws -> [String] {
        try arr(key).enumerated().map { try asString($0.element, "\(path).\(key)[\($0.offset)]") }
    }

    func optStrings(_ key: String) throws -> [String]? {
        guard let items = try optArr(key) else { return nil }
        return try items.enumerated().map { try asString($0.element, "\(path).\(key)[\($0.offset)]") }
    }

    func moment(_ key: String) throws -> Moment { try asMoment(try str(key), "\(path).\(key)") }
    func optMoment(_ key: String) throws -> Moment? { try optStr(key).map { try asMoment($0, "\(path).\(key)") } }
    func optDate(_ key: String) throws -> CalendarDate? { try optStr(key).map { try asDate($0, "\(path).\(key)") } }

    /// `key`'s codes through `table`; an empty list when absent, unless `required`.
    func codes<E>(_ key: String, _ table: [String: E], _ kind: String, required: Bool = false) throws -> [E] {
        guard let items = required ? try arr(key) : try optArr(key) else { return [] }
        return try items.enumerated().map { item in
            let where_ = "\(path).\(key)[\(item.offset)]"
            return try code(table, try asString(item.element, where_), kind, where_)
        }
    }
}

/// JSON booleans arrive as NSNumber too; only they have the `char` Objective-C type.
private func isJSONBool(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
}

private func asObj(_ value: Any, _ path: String) throws -> Obj {
    guard let dict = value as? [String: Any] else { throw bad("\(path): expected an object, got \(String(reflecting: value))") }
    return Obj(dict, path)
}

private func asArr(_ value: Any, _ path: String) throws -> [Any] {
    guard let array = value as? [Any] else { throw bad("\(path): expected an array, got \(String(reflecting: value))") }
    return array
}

private func asString(_ value: Any, _ path: String) throws -> String {
    guard let text = value as? String else { throw bad("\(path): expected a string, got \(String(reflecting: value))") }
    return text
}

private func asBool(_ value: Any, _ path: String) throws -> Bool {
    guard isJSONBool(value), let flag = value as? Bool else {
        throw bad("\(path): expected true or false, got \(String(reflecting: value))")
    }
    return flag
}

private func asDouble(_ value: Any, _ path: String) throws -> Double {
    guard !isJSONBool(value), let number = value as? NSNumber else {
        throw bad("\(path): expected a number, got \(String(reflecting: value))")
    }
    return number.doubleValue
}

private func asUInt32(_ value: Any, _ path: String) throws -> UInt32 {
    guard !isJSONBool(value), let number = value as? NSNumber, let whole = UInt32(exactly: number.doubleValue) else {
        throw bad("\(path): expected a whole number from 0 to \(UInt32.max), got \(String(reflecting: value))")
    }
    return whole
}

private func asUInt8(_ value: Any, _ path: String) throws -> UInt8 {
    guard !isJSONBool(value), let number = value as? NSNumber, let whole = UInt8(exactly: number.doubleValue) else {
        throw bad("\(path): expected a whole number from 0 to \(UInt8.max), got \(String(reflecting: value))")
    }
    return whole
}

private func asMoment(_ text: String, _ path: String) throws -> Moment {
    guard let parsed = parseMoment(text) else {
        throw bad("\(path): `\(text)` is not an RFC 3339 moment with an offset")
    }
    return parsed
}

private func asDate(_ text: String, _ path: String) throws -> CalendarDate {
    guard let parsed = parseDate(text) else { throw bad("\(path): `\(text)` is not a YYYY-MM-DD date") }
    return parsed
}

// MARK: - Codes (UniFFI enums are not CaseIterable, so each table lists every case)

private func code<E>(_ table: [String: E], _ text: String, _ kind: String, _ path: String) throws -> E {
    guard let value = table[text] else { throw bad("\(path): unknown \(kind) code \"\(text)\"") }
    return value
}

private func codeOf<E: Equatable>(_ table: [String: E], _ value: E) -> String {
    table.first { $0.value == value }?.key ?? "\(value)"
}

private let deviceKinds: [String: DeviceKind] = [
    "roller": .roller, "stamp": .stamp, "pen": .pen, "scalp_roller": .scalpRoller, "other": .other,
]

private let needleMaterials: [String: NeedleMaterial] = [
    "titanium": .titanium, "stainless_steel": .stainlessSteel, "unknown": .unknown,
]

private let bodyZones: [String: BodyZone] = [
    "forehead": .forehead, "cheeks": .cheeks, "nose": .nose, "chin": .chin, "upper_lip": .upperLip,
    "jawline": .jawline, "neck": .neck, "scalp": .scalp, "decolletage": .decolletage,
    "abdomen": .abdomen, "back": .back, "arms": .arms, "buttocks": .buttocks, "thighs": .thighs,
    "legs": .legs,
]

private let bodyRegions: [String: BodyRegion] = ["face": .face, "scalp": .scalp, "body": .body]

private let cleaningMethods: [String: CleaningMethod] = [
    "isopropyl_soak": .isopropylSoak, "other_alcohol_soak": .otherAlcoholSoak,
    "soap_and_water": .soapAndWater, "other": .other,
]

private let productTimings: [String: ProductTiming] = ["before": .before, "after": .after]

private let productCategories: [String: ProductCategory] = [
    "hyaluronic_acid": .hyaluronicAcid, "peptides": .peptides, "growth_factors": .growthFactors,
    "minoxidil": .minoxidil, "retinoid": .retinoid, "vitamin_c": .vitaminC, "aha_bha": .ahaBha,
    "numbing_cream": .numbingCream, "fragrance": .fragrance, "other": .other,
]

private let conditions: [String: Condition] = [
    "keloid_scarring": .keloidScarring, "cold_sores": .coldSores,
    "inflammatory_skin_disease": .inflammatorySkinDisease, "diabetes": .diabetes,
    "immunosuppression": .immunosuppression, "bleeding_risk": .bleedingRisk,
    "isotretinoin": .isotretinoin, "pregnancy": .pregnancy, "nickel_allergy": .nickelAllergy,
]

private let skinTypes: [String: SkinType] = [
    "I": .i, "II": .ii, "III": .iii, "IV": .iv, "V": .v, "VI": .vi,
]

private let alertKinds: [String: AlertKind] = ["preventive": .preventive, "triage": .triage]

private let reportKinds: [String: ReportKind] = [
    "report": .report, "check_in_24h": .checkIn24h, "check_in_72h": .checkIn72h,
]

private let symptomTrends: [String: SymptomTrend] = [
    "worse": .worse, "same": .same, "better": .better,
]

private let reminderKinds: [String: ReminderKind] = [
    "clean_after_session": .cleanAfterSession, "soak_finished": .soakFinished,
    "next_session_allowed": .nextSessionAllowed, "replace_device": .replaceDevice,
    "check_in_24h": .checkIn24h, "check_in_72h": .checkIn72h, "triage_follow_up": .triageFollowUp,
]

private let symptoms: [String: Symptom] = [
    "redness": .redness, "swelling": .swelling, "pain": .pain, "itching": .itching, "burning": .burning,
    "warmth": .warmth, "peeling": .peeling, "crusting": .crusting, "bumps": .bumps, "pus": .pus,
    "spreading_redness": .spreadingRedness, "blisters": .blisters, "darkening": .darkening,
    "fever": .fever, "feeling_unwell": .feelingUnwell, "vision_change": .visionChange,
]

private let pusColours: [String: PusColour] = [
    "clear": .clear, "white": .white, "yellow": .yellow, "green": .green, "other": .other,
]

private let pusConsistencies: [String: PusConsistency] = [
    "watery": .watery, "milky": .milky, "thick": .thick, "creamy": .creamy, "opaque": .opaque,
    "viscous": .viscous,
]

private let riskLevels: [String: RiskLevel] = ["low": .low, "moderate": .moderate, "high": .high]

private let triageLevels: [String: TriageLevel] = ["green": .green, "amber": .amber, "red": .red]

/// An alert as scenarios write it: `kind:from->to`.
private func signature(_ alert: Alert) -> String {
    "\(codeOf(alertKinds, alert.kind)):\(alert.fromLevel)->\(alert.toLevel)"
}

/// Two digits, zero-padded.
private func twoDigits(_ value: UInt32) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// A reminder as scenarios write it, `kind@moment`, in the offset it carries.
private func reminderText(_ reminder: Reminder) -> String {
    let offset = Int(reminder.due.utcOffsetSeconds)
    let local = reminder.due.instant.addingTimeInterval(TimeInterval(offset))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
    let sign = offset < 0 ? "-" : "+"
    let date = dateText(CalendarDate(year: Int32(c.year!), month: UInt32(c.month!), day: UInt32(c.day!)))!
    return "\(codeOf(reminderKinds, reminder.kind))@\(date)T\(twoDigits(UInt32(c.hour!))):\(twoDigits(UInt32(c.minute!)))"
        + ":\(twoDigits(UInt32(c.second!)))\(sign)\(twoDigits(UInt32(abs(offset) / 3600))):\(twoDigits(UInt32(abs(offset) % 3600 / 60)))"
}

/// Hears alerts through the public listener, as an app would.
private final class HeardAlerts: AlertListener, @unchecked Sendable {
    private let lock = NSLock()
    private var heard: [String] = []

    func onAlert(alert: Alert) {
        lock.lock()
        heard.append(signature(alert))
        lock.unlock()
    }

    /// The alerts heard since the last call.
    func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let drained = heard
        heard = []
        return drained
    }
}

private let cleaningStates = [
    "clean_for_next_use", "not_cleaned_before_first_use", "not_cleaned_since_last_use", "inadequate",
]

private func cleaningCode(_ state: CleaningState) -> String {
    switch state {
    case .cleanForNextUse: return "clean_for_next_use"
    case .notCleanedBeforeFirstUse: return "not_cleaned_before_first_use"
    case .notCleanedSinceLastUse: return "not_cleaned_since_last_use"
    case .inadequate: return "inadequate"
    }
}

// MARK: - Running a scenario

/// What an `expect.error` asks for.
private struct ExpectedError: CustomStringConvertible {
    let kind: String
    let field: String?
    let entity: String?

    var description: String {
        kind + (field.map { " (field \($0))" } ?? "") + (entity.map { " (entity \($0))" } ?? "")
    }
}

/// Everything the store holds that a scenario can reach, to show a failed step changed nothing.
private struct Snapshot: Equatable {
    var devices: [Device] = []
    var sessions: [Session] = []
    var profiles: [Profile] = []
    var carePlans: [CarePlan] = []
    var alerts: [Alert] = []
    var reports: [SymptomReport] = []
    var quietHours: QuietHours?
    var cleanings: [[CleaningEntry]] = []
    var deviceChanges: [[DeviceChange]] = []
    var histories: [SessionHistory] = []
}

/// The verdict expectations shared by `check` and `record`, read before the call.
private struct VerdictExpectation {
    var allowed: Bool?
    var blockers: [String]?
    var cautions: [String]?
    var warnings: [String]?
    var checksNext = false
    var next: String?
    var rest: [String: UInt32]?

    init(_ expect: Obj?) throws {
        guard let expect else { return }
        allowed = try expect.optBool("allowed")
        blockers = try expect.optStrings("blockers")
        cautions = try expect.optStrings("cautions")
        warnings = try expect.optStrings("warnings")
        checksNext = expect.has("next_allowed_date")
        next = try expect.optStr("next_allowed_date")
        if let next { _ = try asDate(next, "\(expect.path).next_allowed_date") }
        if let restObj = try expect.optObj("rest") {
            var map: [String: UInt32] = [:]
            for key in restObj.dict.keys {
                _ = try code(bodyRegions, key, "region", "\(restObj.path).\(key)")
                map[key] = try asUInt32(try restObj.req(key), "\(restObj.path).\(key)")
            }
            try restObj.done()
            rest = map
        }
        try expect.done()
    }
}

private final class ScenarioRun {
    private let file: URL
    private var label: String
    private var deviceIds: [String: String] = [:]
    private var sessionIds: [String: String] = [:]
    private var reportIds: [String: String] = [:]
    private let heard = HeardAlerts()
    private var recordedSessions: [String] = []
    private var problems: [String] = []
    private var store: RollSafeStore!

    init(file: URL) {
        self.file = file
        label = file.lastPathComponent
    }

    /// Runs the scenario; returns every problem found (empty when it holds).
    func run() -> [String] {
        do {
            try runScenario()
        } catch let stop as StopScenario {
            problems.append(stop.message)
        } catch {
            problems.append("\(label): unexpected \(error)")
        }
        store = nil
        return problems
    }

    private func runScenario() throws {
        let fileName = file.lastPathComponent
        let data: Data
        let json: Any
        do {
            data = try Data(contentsOf: file)
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw bad("\(fileName): not valid JSON: \(error)")
        }
        let scenario = try asObj(json, fileName)
        let name = try scenario.str("name")
        label = "scenario \(name) (\(fileName))"
        guard name + ".json" == fileName else { throw bad("\(label): `name` does not match the file name") }
        _ = try scenario.str("description")
        let steps = try scenario.arr("steps")
        try scenario.done()
        guard !steps.isEmpty else { throw bad("\(label): no steps") }
        store = try RollSafeStore.openInMemory()
        // One alert listener on the store before the first step, as the README asks.
        let subscription = store.addAlertListener(listener: heard)
        defer { subscription.cancel() }
        for (index, element) in steps.enumerated() {
            let action = try asObj(element, "\(label), steps[\(index)]").str("do")
            let where_ = "\(label), steps[\(index)] (do: \(action))"
            let step = try asObj(element, where_)
            _ = try step.str("do")
            do {
                try runStep(action, step, where_)
            } catch let stop as StopScenario {
                throw stop
            } catch {
                throw bad("\(where_): unexpected \(error)")
            }
        }
    }

    private func mismatch<T: Equatable>(_ where_: String, _ what: String, _ expected: T, _ actual: T) {
        if expected != actual {
            problems.append("\(where_): \(what): expected <\(show(expected))> but was <\(show(actual))>")
        }
    }

    /// A value for a message, optionals unwrapped (nil shows as null).
    private func show(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { show($0.value) } ?? "null"
        }
        return "\(value)"
    }

    private func runStep(_ action: String, _ step: Obj, _ where_: String) throws {
        switch action {
        case "add_device": try addDevice(step, where_)
        case "save_profile": try saveProfile(step, where_)
        case "set_care_plan": try setCarePlan(step, where_)
        case "clean": try clean(step, where_)
        case "check": try check(step, where_)
        case "record": try record(step, where_)
        case "edit":
            let id = try session(step)
            let now = try step.moment("now")
            let edited = try newSession(step, now: now)
            try change(step, where_) { try self.store.editSession(id: id, session: edited, now: now).alerts }
        case "delete":
            let id = try session(step)
            let now = try step.moment("now")
            try change(step, where_) { try self.store.deleteSession(id: id, now: now) }
        case "flag_damaged":
            let id = try device(step, "device")
            let now = try step.moment("now")
            try change(step, where_) { try self.store.flagDeviceDamaged(id: id, now: now).alerts }
        case "set_shared":
            let id = try device(step, "device")
            let shared = try step.bool("shared")
            let now = try step.moment("now")
            try change(step, where_) { try self.store.setDeviceShared(id: id, shared: shared, now: now).alerts }
        case "retire":
            let id = try device(step, "device")
            let reason = try step.str("reason")
            let now = try step.moment("now")
            try change(step, where_) { try self.store.retireDevice(id: id, reason: reason, now: now).alerts }
        case "set_replacement_limits":
            let id = try device(step, "device")
            let maxUses = try step.optUInt32("max_uses")
            let maxDays = try step.optUInt32("max_days")
            let now = try step.moment("now")
            try change(step, where_) {
                try self.store.setReplacementLimits(id: id, maxUses: maxUses, maxDays: maxDays, now: now).alerts
            }
        case "head_change":
            let id = try device(step, "device")
            let at = try step.moment("at")
            let now = try step.optMoment("now") ?? at
            try change(step, where_) { try self.store.recordHeadChange(id: id, at: at, now: now).alerts }
        case "overview": try overview(step, where_)
        case "history": try history(step, where_)
        case "count_sessions": try countSessions(step, where_)
        case "report": try report(step, where_)
        case "resolve":
            let id = try reportId(step)
            let at = try step.moment("at")
            let now = try step.moment("now")
            try change(step, where_) { try self.store.resolveReport(id: id, at: at, now: now).alerts }
        case "clinician_seen":
            let id = try reportId(step)
            let at = try step.moment("at")
            let now = try step.moment("now")
            try change(step, where_) { try self.store.recordClinicianSeen(id: id, at: at, now: now).alerts }
        case "today": try today(step, where_)
        case "link":
            let id = try reportId(step)
            let session = try step.optStr("session").map { sessionIds[$0] ?? $0 }
            let now = try step.moment("now")
            try change(step, where_) { try self.store.linkReport(id: id, sessionId: session, now: now).alerts }
        case "assess": try assess(step, where_)
        case "refresh":
            let now = try step.moment("now")
            try change(step, where_) { try self.store.refreshAlerts(now: now) }
        case "open_alerts": try openAlerts(step, where_)
        case "acknowledge_all":
            let now = try step.moment("now")
            try simple(step, where_) {
                for alert in try self.store.openAlerts() {
                    _ = try self.store.acknowledgeAlert(id: alert.id, now: now)
                }
            }
        case "heard":
            let expect = try expectOf(step, where_, required: true)!
            let expected = try expect.strings("heard")
            try expect.done()
            mismatch(where_, "heard", expected, heard.drain())
        case "quiet_hours":
            let start = try step.optStr("start").map { try minuteOfDay($0, "\(step.path).start") }
            let end = try step.optStr("end").map { try minuteOfDay($0, "\(step.path).end") }
            guard (start == nil) == (end == nil) else { throw bad("\(where_): give both `start` and `end`, or neither") }
            let quiet = start.flatMap { start in end.map { QuietHours(startMinute: start, endMinute: $0) } }
            try simple(step, where_) { try self.store.setQuietHours(quiet: quiet) }
        case "start_soak":
            let id = try device(step, "device")
            let at = try step.moment("at")
            let now = try step.optMoment("now") ?? at
            let minutes = try asUInt32(try step.req("minutes"), "\(step.path).minutes")
            try simple(step, where_) { try self.store.startSoakTimer(deviceId: id, startedAt: at, minutes: minutes, now: now) }
        case "reminders": try reminders(step, where_)
        default: throw bad("\(where_): unknown `do` \"\(action)\"")
        }
    }

    // MARK: names

    // A name given with `as` stands for its id; any other text is passed to the API as the id
    // itself, so a scenario can name a malformed id ("not-a-uuid") or an unknown one (a UUID).
    // The Rust runner does the same. A misspelt name then fails at the API, never silently.

    private func device(_ obj: Obj, _ key: String) throws -> String {
        let name = try obj.str(key)
        return deviceIds[name] ?? name
    }

    private func session(_ step: Obj) throws -> String {
        let name = try step.str("session")
        return sessionIds[name] ?? name
    }

    private func reportId(_ step: Obj) throws -> String {
        let name = try step.str("report")
        return reportIds[name] ?? name
    }

    /// The alias of the session `id`, or a description of an unnamed one; nil for none.
    private func sessionAlias(_ id: String?) -> String? {
        guard let id else { return nil }
        return sessionIds.first { $0.value == id }?.key ?? "(unnamed session \(id))"
    }

    private func bind(_ names: inout [String: String], _ name: String?, _ id: String, _ where_: String) throws {
        guard let name else { return }
        guard names[name] == nil else { throw bad("\(where_): the name \"\(name)\" is already taken") }
        names[name] = id
    }

    // MARK: expectations

    /// The step's `expect` object, if any; `required` for the actions whose point is to look.
    private func expectOf(_ step: Obj, _ where_: String, required: Bool = false) throws -> Obj? {
        let expect = required ? try step.obj("expect") : try step.optObj("expect")
        try step.done()
        return expect.map { Obj($0.dict, "\(where_): expect") }
    }

    /// Reads `expect.error`, if present; it must then be the only expectation.
    private func expectedError(_ expect: Obj?) throws -> ExpectedError? {
        guard let expect, let error = try expect.optObj("error") else { return nil }
        let kind = try error.str("kind")
        let expected: ExpectedError
        switch kind {
        case "invalid_input": expected = ExpectedError(kind: kind, field: try error.optStr("field"), entity: nil)
        case "not_found": expected = ExpectedError(kind: kind, field: nil, entity: try error.optStr("entity"))
        default: throw bad("\(error.path): unknown error kind \"\(kind)\" (invalid_input or not_found)")
        }
        try error.done()
        try expect.done()
        return expected
    }

    /// The `expect` of an action whose only possible expectation is an error.
    private func onlyError(_ step: Obj, _ where_: String) throws -> ExpectedError? {
        let expect = try expectOf(step, where_)
        let expected = try expectedError(expect)
        try expect?.done()
        return expected
    }

    private func snapshot() throws -> Snapshot {
        var snapshot = Snapshot()
        snapshot.devices = try store.devices()
        snapshot.sessions = try store.sessions()
        snapshot.profiles = try store.profileHistory()
        snapshot.carePlans = try store.carePlanHistory()
        snapshot.alerts = try store.alertHistory()
        snapshot.reports = try store.symptomReports()
        snapshot.quietHours = try store.quietHours()
        for device in snapshot.devices {
            snapshot.cleanings.append(try store.cleanings(deviceId: device.id))
            snapshot.deviceChanges.append(try store.deviceChanges(id: device.id))
        }
        for id in recordedSessions {
            snapshot.histories.append(try store.sessionHistory(id: id))
        }
        return snapshot
    }

    /// Runs `call`. With an expected error, the call must fail with it and leave the store as it
    /// was; returns nil then. Without one, any error stops the scenario.
    private func attempt<T>(_ where_: String, _ expected: ExpectedError?, _ call: () throws -> T) throws -> T? {
        let before = expected == nil ? nil : try snapshot()
        let result: T
        do {
            result = try call()
        } catch let error as RollSafeError {
            guard let expected else { throw bad("\(where_): unexpected error \(error)") }
            switch (expected.kind, error) {
            case ("invalid_input", .InvalidInput(let field, _)):
                if let want = expected.field { mismatch(where_, "error field", want, field) }
            case ("not_found", .NotFound(let entity, _)):
                if let want = expected.entity { mismatch(where_, "error entity", want, entity) }
            default:
                throw bad("\(where_): expected error \(expected), got \(error)")
            }
            if try snapshot() != before { throw bad("\(where_): the failed call changed the store") }
            return nil
        }
        if let expected { throw bad("\(where_): expected error \(expected), but the call succeeded") }
        return result
    }

    /// An action whose only possible expectation is an error.
    private func simple(_ step: Obj, _ where_: String, _ call: () throws -> Void) throws {
        _ = try attempt(where_, try onlyError(step, where_), call)
    }

    /// The `expect` of a changing action, before the call: an error, or else the `alerts` the
    /// call must return (the exact ordered list of `kind:from->to`). Other keys are read by the
    /// caller, which then calls `done()`.
    private func changeExpectation(_ expect: Obj?) throws -> (error: ExpectedError?, alerts: [String]?) {
        let error = expect?.dict["error"] != nil ? try expectedError(expect) : nil
        return (error, error == nil ? try expect?.optStrings("alerts") : nil)
    }

    private func compareAlerts(_ where_: String, _ expected: [String]?, _ alerts: [Alert]) {
        if let expected { mismatch(where_, "alerts", expected, alerts.map(signature)) }
    }

    /// A changing action whose call returns alerts; `expect` may hold `error` or `alerts`.
    private func change(_ step: Obj, _ where_: String, _ call: () throws -> [Alert]) throws {
        let expect = try expectOf(step, where_)
        let (error, alerts) = try changeExpectation(expect)
        try expect?.done()
        guard let returned = try attempt(where_, error, call) else { return }
        compareAlerts(where_, alerts, returned)
    }

    // MARK: inputs

    private func newDevice(_ o: Obj) throws -> NewDevice {
        let device = NewDevice(
            kind: try code(deviceKinds, try o.str("kind"), "device kind", "\(o.path).kind"),
            needleLengthMm: try o.double("needle_length_mm"),
            needleLengthMaxMm: try o.optDouble("needle_length_max_mm"),
            needleCount: try o.optUInt32("needle_count"),
            material: try o.optStr("material").map { try code(needleMaterials, $0, "material", "\(o.path).material") }
                ?? .unknown,
            nickname: try o.str("nickname"),
            brand: try o.optStr("brand"),
            firstUseDate: try o.optDate("first_use_date"),
            shared: try o.optBool("shared") ?? false
        )
        try o.done()
        return device
    }

    private func plan(_ step: Obj) throws -> SessionPlan {
        let o = try step.obj("plan")
        let deviceId = try device(o, "device")
        let zones = try o.codes("zones", bodyZones, "zone", required: true)
        let needle = try o.optDouble("needle_length_mm")
        let products = try (o.optArr("products") ?? []).enumerated().map { item -> Product in
            let p = try asObj(item.element, "\(o.path).products[\(item.offset)]")
            let product = Product(
                name: try p.str("name"),
                timing: try code(productTimings, try p.str("timing"), "product timing", "\(p.path).timing"),
                categories: try p.codes("categories", productCategories, "product category", required: true)
            )
            try p.done()
            return product
        }
        let checks = try o.optObj("pre_checks")
        let preChecks = PreChecks(
            deviceCleaned: try checks?.optBool("device_cleaned") ?? true,
            skinClean: try checks?.optBool("skin_clean") ?? true,
            activeBreakout: try checks?.optBool("active_breakout") ?? false,
            coldSore: try checks?.optBool("cold_sore") ?? false,
            openWound: try checks?.optBool("open_wound") ?? false,
            sunburn: try checks?.optBool("sunburn") ?? false
        )
        try checks?.done()
        try o.done()
        return SessionPlan(deviceId: deviceId, zones: zones, needleLengthMm: needle, products: products, preChecks: preChecks)
    }

    private func newSession(_ step: Obj, now: Moment) throws -> NewSession {
        NewSession(
            plan: try plan(step),
            at: try step.optMoment("at") ?? now,
            passes: try step.optUInt32("passes"),
            pain: try step.opt("pain").map { try asUInt8($0, "\(step.path).pain") },
            notes: try step.optStr("notes")
        )
    }

    // MARK: actions

    private func addDevice(_ step: Obj, _ where_: String) throws {
        let name = try step.str("as")
        let now = try step.moment("now")
        let newDevice = try newDevice(try step.obj("device"))
        let expect = try expectOf(step, where_)
        let (error, alerts) = try changeExpectation(expect)
        try expect?.done()
        guard let added = try attempt(where_, error, { try store.addDevice(device: newDevice, now: now) }) else {
            return
        }
        try bind(&deviceIds, name, added.device.id, where_)
        compareAlerts(where_, alerts, added.alerts)
    }

    private func saveProfile(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let skinType = try step.optStr("skin_type").map { try code(skinTypes, $0, "skin type", "\(step.path).skin_type") }
        let answers = try step.arr("answers").enumerated().map { item -> ConditionAnswer in
            let a = try asObj(item.element, "\(step.path).answers[\(item.offset)]")
            let answer = ConditionAnswer(
                condition: try code(conditions, try a.str("condition"), "condition", "\(a.path).condition"),
                present: try a.bool("present"),
                stoppedOn: try a.optDate("stopped_on"),
                confirmedAt: now
            )
            try a.done()
            return answer
        }
        try change(step, where_) {
            try self.store.saveProfile(profile: ProfileUpdate(skinType: skinType, answers: answers), now: now).alerts
        }
    }

    private func setCarePlan(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let o = try step.obj("plan")
        var rests: [CarePlanRest] = []
        if let rest = try o.optObj("rest") {
            for region in ["face", "scalp", "body"] {
                if let days = try rest.optUInt32(region) {
                    rests.append(CarePlanRest(region: bodyRegions[region]!, minRestDays: days))
                }
            }
            try rest.done()
        }
        var limits: [CarePlanNeedleLimit] = []
        if let maxNeedle = try o.optObj("max_needle") {
            for region in ["face", "scalp", "body"] {
                if let mm = try maxNeedle.optDouble(region) {
                    limits.append(CarePlanNeedleLimit(region: bodyRegions[region]!, maxNeedleLengthMm: mm))
                }
            }
            try maxNeedle.done()
        }
        let plan = CarePlan(
            setBy: try o.str("set_by"),
            setAt: try o.optMoment("set_at") ?? now,
            rest: rests,
            maxNeedle: limits,
            allowedZones: try o.codes("allowed_zones", bodyZones, "zone"),
            avoidProducts: try o.codes("avoid_products", productCategories, "product category"),
            clearedConditions: try o.codes("cleared_conditions", conditions, "condition")
        )
        try o.done()
        try change(step, where_) { try self.store.setCarePlan(plan: plan, now: now).alerts }
    }

    private func clean(_ step: Obj, _ where_: String) throws {
        let id = try device(step, "device")
        let at = try step.moment("at")
        let now = try step.optMoment("now") ?? at
        let cleaning = NewCleaning(
            deviceId: id,
            at: at,
            method: try code(cleaningMethods, try step.str("method"), "cleaning method", "\(step.path).method"),
            soakMinutes: try step.optUInt32("soak_minutes")
        )
        try change(step, where_) { try self.store.recordCleaning(cleaning: cleaning, now: now).alerts }
    }

    private func compareVerdict(_ where_: String, _ e: VerdictExpectation, _ v: SessionVerdict) {
        if let allowed = e.allowed { mismatch(where_, "allowed", allowed, v.allowed) }
        if let blockers = e.blockers {
            mismatch(where_, "blockers", blockers, v.findings.filter { $0.severity == .blocker }.map(\.code))
        }
        if let cautions = e.cautions {
            mismatch(where_, "cautions", cautions, v.findings.filter { $0.severity == .caution }.map(\.code))
        }
        if let warnings = e.warnings {
            mismatch(where_, "warnings", warnings, v.findings.filter { $0.severity == .warning }.map(\.code))
        }
        if e.checksNext { mismatch(where_, "next_allowed_date", e.next, dateText(v.nextAllowedDate)) }
        if let rest = e.rest {
            var actual: [String: UInt32] = [:]
            for region in v.rest {
                let key = codeOf(bodyRegions, region.region)
                if actual[key] != nil { problems.append("\(where_): rest: \(key) appears twice in \(v.rest)") }
                actual[key] = region.minRestDays
            }
            mismatch(where_, "rest", sorted(rest), sorted(actual))
        }
    }

    private func sorted(_ map: [String: UInt32]) -> String {
        "{" + map.keys.sorted().map { "\($0): \(map[$0]!)" }.joined(separator: ", ") + "}"
    }

    private func check(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let plan = try plan(step)
        let expect = try expectOf(step, where_)
        let expected = expect?.dict["error"] != nil ? try expectedError(expect) : nil
        let verdictExpectation = expected == nil ? try VerdictExpectation(expect) : nil
        guard let verdict = try attempt(where_, expected, { try store.checkSession(plan: plan, now: now) }) else {
            return
        }
        compareVerdict(where_, verdictExpectation!, verdict)
    }

    private func record(_ step: Obj, _ where_: String) throws {
        let name = try step.optStr("as")
        let now = try step.moment("now")
        let session = try newSession(step, now: now)
        let acknowledge = try step.optStrings("acknowledge") ?? []
        let expect = try expectOf(step, where_)
        if let expect, expect.dict["refused"] != nil {
            let refused = try expect.strings("refused")
            try expect.done()
            let before = try snapshot()
            do {
                _ = try store.recordSession(session: session, acknowledgedBlockers: acknowledge, now: now)
                throw bad("\(where_): expected SessionBlocked \(refused), but the session was recorded")
            } catch RollSafeError.SessionBlocked(let blockers) {
                mismatch(where_, "refused (SessionBlocked blockers)", refused, blockers.map(\.code))
            } catch let error as RollSafeError {
                throw bad("\(where_): expected SessionBlocked \(refused), got \(error)")
            }
            if try snapshot() != before { throw bad("\(where_): the refused session changed the store") }
            return
        }
        let (expected, alerts) = try changeExpectation(expect)
        let verdictExpectation = expected == nil ? try VerdictExpectation(expect) : nil
        guard let recorded = try attempt(where_, expected, {
            try store.recordSession(session: session, acknowledgedBlockers: acknowledge, now: now)
        }) else { return }
        recordedSessions.append(recorded.session.id)
        try bind(&sessionIds, name, recorded.session.id, where_)
        compareVerdict(where_, verdictExpectation!, recorded.verdict)
        compareAlerts(where_, alerts, recorded.alerts)
    }

    private func overview(_ step: Obj, _ where_: String) throws {
        let id = try device(step, "device")
        let now = try step.moment("now")
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var checks: [(DeviceOverview) -> Void] = []
        if expected == nil {
            if let e = try expect.optUInt32("uses") { checks.append { self.mismatch(where_, "uses", e, $0.uses) } }
            if let e = try expect.optUInt32("total_uses") {
                checks.append { self.mismatch(where_, "total_uses", e, $0.totalUses) }
            }
            if let e = try expect.optBool("clean_for_next_use") {
                checks.append { self.mismatch(where_, "clean_for_next_use", e, $0.cleanForNextUse) }
            }
            if let e = try expect.optStr("cleaning") {
                guard cleaningStates.contains(e) else {
                    throw bad("\(expect.path).cleaning: unknown cleaning state \"\(e)\"")
                }
                checks.append { self.mismatch(where_, "cleaning", e, cleaningCode($0.cleaning)) }
            }
            if let e = try expect.optBool("replacement_due") {
                checks.append { self.mismatch(where_, "replacement_due", e, $0.replacement.due) }
            }
            if let e = try expect.optUInt32("uses_left") {
                checks.append { self.mismatch(where_, "uses_left", e, $0.replacement.usesLeft) }
            }
            if expect.has("due_by") {
                let e = try expect.optStr("due_by")
                if let e { _ = try asDate(e, "\(expect.path).due_by") }
                checks.append { self.mismatch(where_, "due_by", e, dateText($0.replacement.dueBy)) }
            }
            try expect.done()
        }
        guard let overview = try attempt(where_, expected, { try store.deviceOverview(id: id, now: now) }) else {
            return
        }
        checks.forEach { $0(overview) }
    }

    private func history(_ step: Obj, _ where_: String) throws {
        let id = try session(step)
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var versions: UInt32?
        var deleted: Bool?
        var acknowledged: [String]?
        if expected == nil {
            versions = try expect.optUInt32("versions")
            deleted = try expect.optBool("deleted")
            acknowledged = try expect.optStrings("acknowledged")
            try expect.done()
        }
        guard let history = try attempt(where_, expected, { try store.sessionHistory(id: id) }) else { return }
        if let versions { mismatch(where_, "versions", Int(versions), history.versions.count) }
        if let deleted { mismatch(where_, "deleted", deleted, history.deletedAt != nil) }
        if let acknowledged {
            mismatch(where_, "acknowledged", acknowledged, (history.versions.last?.overrides ?? []).map(\.code))
        }
    }

    /// The home screen: per device alias, `may_use_now` and the blocker codes per region.
    private func today(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var wanted: [(alias: String, mayUse: Bool?, blockers: [String: [String]]?)] = []
        if expected == nil {
            let devices = try expect.obj("devices")
            for alias in devices.dict.keys.sorted() {
                let d = try devices.obj(alias)
                let mayUse = try d.optBool("may_use_now")
                var blockers: [String: [String]]?
                if let b = try d.optObj("blockers") {
                    var map: [String: [String]] = [:]
                    for region in b.dict.keys {
                        _ = try code(bodyRegions, region, "region", "\(b.path).\(region)")
                        map[region] = try b.strings(region)
                    }
                    try b.done()
                    blockers = map
                }
                try d.done()
                wanted.append((alias, mayUse, blockers))
            }
            try devices.done()
            try expect.done()
        }
        guard let today = try attempt(where_, expected, { try store.today(now: now) }) else { return }
        for want in wanted {
            guard let id = deviceIds[want.alias] else { throw bad("\(where_): unknown device \(want.alias)") }
            guard let device = today.devices.first(where: { $0.overview.device.id == id }) else {
                problems.append("\(where_): \(want.alias) is not on the home screen")
                continue
            }
            if let mayUse = want.mayUse { mismatch(where_, "\(want.alias).may_use_now", mayUse, device.mayUseNow) }
            if let blockers = want.blockers {
                var actual: [String: [String]] = [:]
                for region in device.regions {
                    actual[codeOf(bodyRegions, region.region)] =
                        region.verdict.findings.filter { $0.severity == .blocker }.map(\.code)
                }
                mismatch(where_, "\(want.alias).blockers", blockers, actual)
            }
        }
    }

    private func countSessions(_ step: Obj, _ where_: String) throws {
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var count: UInt32?
        if expected == nil {
            count = try expect.optUInt32("sessions")
            try expect.done()
        }
        guard let sessions = try attempt(where_, expected, { try store.sessions() }) else { return }
        if let count { mismatch(where_, "sessions", Int(count), sessions.count) }
    }

    private func report(_ step: Obj, _ where_: String) throws {
        let name = try step.optStr("as")
        let now = try step.moment("now")
        let reported = try step.arr("symptoms").enumerated().map { item -> ReportedSymptom in
            let o = try asObj(item.element, "\(step.path).symptoms[\(item.offset)]")
            let symptom = ReportedSymptom(
                symptom: try code(symptoms, try o.str("symptom"), "symptom", "\(o.path).symptom"),
                severity: try o.opt("severity").map { try asUInt8($0, "\(o.path).severity") }
            )
            try o.done()
            return symptom
        }
        let pus = try step.optObj("pus").map { o -> PusDescription in
            let pus = PusDescription(
                colour: try code(pusColours, try o.str("colour"), "pus colour", "\(o.path).colour"),
                consistency: try code(pusConsistencies, try o.str("consistency"), "pus consistency", "\(o.path).consistency")
            )
            try o.done()
            return pus
        }
        let report = NewSymptomReport(
            at: try step.optMoment("at") ?? now,
            kind: try step.optStr("kind").map { try code(reportKinds, $0, "report kind", "\(step.path).kind") } ?? .report,
            zones: try step.codes("zones", bodyZones, "zone", required: true),
            aroundEye: try step.optBool("around_eye") ?? false,
            symptoms: reported,
            overallSeverity: try asUInt8(try step.req("overall_severity"), "\(step.path).overall_severity"),
            pus: pus,
            temperatureC: try step.optDouble("temperature_c"),
            trend: try step.optStr("trend").map { try code(symptomTrends, $0, "symptom trend", "\(step.path).trend") },
            notes: try step.optStr("notes"),
            photos: [],
            sessionId: try step.optStr("session").map { sessionIds[$0] ?? $0 }
        )
        let expect = try expectOf(step, where_)
        let (error, alerts) = try changeExpectation(expect)
        let checksLink = error == nil && expect?.has("linked_to") == true
        let linkedTo = checksLink ? try expect?.optStr("linked_to") : nil
        let checksTrend = error == nil && expect?.has("trend") == true
        let trend = checksTrend ? try expect?.optStr("trend") : nil
        try expect?.done()
        guard let update = try attempt(where_, error, { try store.recordSymptomReport(report: report, now: now) }) else {
            return
        }
        try bind(&reportIds, name, update.report.id, where_)
        compareAlerts(where_, alerts, update.alerts)
        if checksLink { mismatch(where_, "linked_to", linkedTo, sessionAlias(update.report.sessionId)) }
        if checksTrend { mismatch(where_, "trend", trend, update.report.trend.map { codeOf(symptomTrends, $0) }) }
    }

    private func assess(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var preventive: String?
        var factors: [String]?
        var score: UInt32?
        var otherRisks: [String]?
        var agesOut: [String]?
        var triage: String?
        var prompts: [String]?
        if expected == nil {
            preventive = try expect.optStr("preventive")
            if let preventive { _ = try code(riskLevels, preventive, "risk level", "\(expect.path).preventive") }
            factors = try expect.optStrings("factors")
            score = try expect.optUInt32("score")
            otherRisks = try expect.optStrings("other_risks")
            agesOut = try expect.optStrings("ages_out")
            triage = try expect.optStr("triage")
            if let triage { _ = try code(triageLevels, triage, "triage level", "\(expect.path).triage") }
            prompts = try expect.optStrings("prompts")
            try expect.done()
        }
        guard let assessment = try attempt(where_, expected, { try store.assess(now: now) }) else { return }
        if let preventive { mismatch(where_, "preventive", preventive, codeOf(riskLevels, assessment.preventive.level)) }
        if let factors { mismatch(where_, "factors", factors, assessment.preventive.factors.map(\.code)) }
        if let score { mismatch(where_, "score", score, assessment.preventive.score) }
        if let otherRisks { mismatch(where_, "other_risks", otherRisks, assessment.preventive.otherRisks.map(\.code)) }
        if let agesOut {
            let got = assessment.preventive.factors.map { f in f.agesOutOn.map { "\(f.code)@\(dateText($0)!)" } ?? f.code }
            mismatch(where_, "ages_out", agesOut, got)
        }
        if let triage { mismatch(where_, "triage", triage, codeOf(triageLevels, assessment.triage.level)) }
        if let prompts { mismatch(where_, "prompts", prompts, assessment.triage.prompts.map(\.code)) }
    }

    private func openAlerts(_ step: Obj, _ where_: String) throws {
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var open: [String]?
        if expected == nil {
            open = try expect.strings("open")
            try expect.done()
        }
        guard let alerts = try attempt(where_, expected, { try store.openAlerts() }) else { return }
        if let open { mismatch(where_, "open", open, alerts.map(signature)) }
    }

    /// `HH:MM` into minutes after midnight; the range is left to the API.
    private func minuteOfDay(_ text: String, _ path: String) throws -> UInt16 {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let hours = UInt16(parts[0]), let minutes = UInt16(parts[1])
        else { throw bad("\(path): `\(text)` is not HH:MM") }
        return hours * 60 + minutes
    }

    private func reminders(_ step: Obj, _ where_: String) throws {
        let now = try step.moment("now")
        let expect = try expectOf(step, where_, required: true)!
        let expected = expect.dict["error"] != nil ? try expectedError(expect) : nil
        var wanted: [String]?
        var wantedKeys: [(kind: ReminderKind, instant: Date)]?
        var wallClocks: [String]?
        if expected == nil {
            let texts = try expect.strings("reminders")
            wanted = texts
            wantedKeys = try texts.enumerated().map { item in
                let path = "\(expect.path).reminders[\(item.offset)]"
                guard let at = item.element.firstIndex(of: "@") else { throw bad("\(path): `\(item.element)` is not kind@moment") }
                let kind = try code(reminderKinds, String(item.element[..<at]), "reminder kind", path)
                return (kind, try asMoment(String(item.element[item.element.index(after: at)...]), path).instant)
            }
            wallClocks = try expect.optStrings("wall_clocks")
            for (offset, text) in (wallClocks ?? []).enumerated() {
                let path = "\(expect.path).wall_clocks[\(offset)]"
                let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[1].count == 16, parseMoment(parts[1] + ":00Z") != nil else {
                    throw bad("\(path): `\(text)` is not kind@YYYY-MM-DDTHH:MM")
                }
                _ = try code(reminderKinds, String(parts[0]), "reminder kind", path)
            }
            try expect.done()
        }
        guard let reminders = try attempt(where_, expected, { try store.reminders(now: now) }) else { return }
        // Compared by instant: a reminder keeps the offset of the event it follows.
        if let wantedKeys {
            let same = wantedKeys.count == reminders.count
                && zip(wantedKeys, reminders).allSatisfy { $0.kind == $1.kind && $0.instant == $1.due.instant }
            if !same {
                problems.append(
                    "\(where_): reminders (by instant): expected <\(wanted!)> but was <\(reminders.map(reminderText))>")
            }
        }
        if let wallClocks {
            let actual = reminders.compactMap { r -> String? in
                guard let w = r.wallClock else { return nil }
                return "\(codeOf(reminderKinds, r.kind))@\(dateText(w.date)!)T\(twoDigits(w.hour)):\(twoDigits(w.minute))"
            }
            mismatch(where_, "wall_clocks", wallClocks, actual)
        }
    }
}
