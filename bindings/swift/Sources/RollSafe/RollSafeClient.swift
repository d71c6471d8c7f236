// An async front for `RollSafeStore`: every call blocks on disk, so each one
// runs on the client's own dispatch queue and the caller awaits it, never
// blocking the main actor or a cooperative-pool thread.
import Dispatch
import Foundation

/// The RollSafe log, with `async` calls that run off the caller's executor.
///
/// Each call runs the blocking `RollSafeStore` call on the client's `DispatchQueue` and resumes
/// the caller when it returns; failures are thrown as `RollSafeFailure`. A call that has started
/// runs to the end even if the awaiting task is cancelled (a change is never half made).
/// Calls not wrapped here are on `store`, the underlying generated object.
///
/// ```swift
/// let client = try await RollSafeClient.open(path: url.path)
/// let roller = try await client.addDevice(NewDevice(
///     kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller")).device
/// let verdict = try await client.checkSession(
///     SessionPlan(deviceId: roller.id, zones: [.cheeks], preChecks: .allClear))
/// ```
public final class RollSafeClient: Sendable {
    /// The generated store every call goes to; thread-safe, usable directly (blocking).
    public let store: RollSafeStore
    /// The queue the blocking calls run on.
    public let queue: DispatchQueue

    /// Wraps an open store.
    ///
    /// - Parameters:
    ///   - store: the store to call.
    ///   - queue: where its blocking calls run; a new concurrent queue by default (the store is
    ///     safe to call from many threads at once).
    public init(store: RollSafeStore, queue: DispatchQueue? = nil) {
        self.store = store
        self.queue = queue ?? DispatchQueue(label: "app.rollsafe.store", qos: .userInitiated, attributes: .concurrent)
    }

    /// Opens the log at `path`, creating it if missing; see `RollSafeStore.open(path:)`.
    ///
    /// - Parameters:
    ///   - path: the SQLite file, for example in Application Support.
    ///   - queue: where the blocking calls run; a new concurrent queue by default.
    public static func open(path: String, queue: DispatchQueue? = nil) async throws -> RollSafeClient {
        let queue = queue ?? DispatchQueue(label: "app.rollsafe.store", qos: .userInitiated, attributes: .concurrent)
        let store = try await perform(on: queue) { try RollSafeStore.open(path: path) }
        return RollSafeClient(store: store, queue: queue)
    }

    /// Opens a fresh log that lives only in memory, for previews and tests.
    public static func openInMemory() async throws -> RollSafeClient {
        let queue = DispatchQueue(label: "app.rollsafe.store", qos: .userInitiated, attributes: .concurrent)
        let store = try await perform(on: queue) { try RollSafeStore.openInMemory() }
        return RollSafeClient(store: store, queue: queue)
    }

    /// Runs `body` with the store on the client's queue and returns what it returned; a
    /// `RollSafeError` is rethrown as `RollSafeFailure`. For calls not wrapped here.
    ///
    /// - Parameter body: the blocking work.
    public func run<T: Sendable>(_ body: @escaping @Sendable (RollSafeStore) throws -> T) async throws -> T {
        let store = self.store
        return try await Self.perform(on: queue) { try body(store) }
    }

    private static func perform<T: Sendable>(
        on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            queue.async {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: RollSafeFailure(converting: error) ?? error)
                }
            }
        }
    }

    // MARK: Devices

    /// Adds a device, stamped with `now`; returns it with any alert the change raised.
    ///
    /// - Parameters:
    ///   - device: what the user entered.
    ///   - now: the current moment; `Moment.now()` by default.
    public func addDevice(_ device: NewDevice, now: Moment = .now()) async throws -> DeviceUpdate {
        try await run { try $0.addDevice(device: device, now: now) }
    }

    /// Every device, retired ones included.
    public func devices() async throws -> [Device] {
        try await run { try $0.devices() }
    }

    /// One device by id.
    ///
    /// - Parameter id: the device's id.
    public func device(id: String) async throws -> Device {
        try await run { try $0.device(id: id) }
    }

    /// Marks a device shared (or not); returns it with any alert the change raised.
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - shared: true when someone else uses it too.
    ///   - now: the current moment; `Moment.now()` by default.
    public func setDeviceShared(id: String, shared: Bool, now: Moment = .now()) async throws -> DeviceUpdate {
        try await run { try $0.setDeviceShared(id: id, shared: shared, now: now) }
    }

    /// Logs a cleaning of a device.
    ///
    /// - Parameters:
    ///   - cleaning: how and when it was cleaned.
    ///   - now: the current moment; `Moment.now()` by default.
    public func recordCleaning(_ cleaning: NewCleaning, now: Moment = .now()) async throws -> RecordedCleaning {
        try await run { try $0.recordCleaning(cleaning: cleaning, now: now) }
    }

    // MARK: Sessions

    /// The verdict on a planned session: whether it may go ahead now, and why (with sources).
    ///
    /// - Parameters:
    ///   - plan: the device, zones and pre-check answers.
    ///   - now: the current moment; `Moment.now()` by default.
    public func checkSession(_ plan: SessionPlan, now: Moment = .now()) async throws -> SessionVerdict {
        try await run { try $0.checkSession(plan: plan, now: now) }
    }

    /// Records a session. Throws `RollSafeFailure.sessionBlocked` when a blocker is not among
    /// `acknowledgedBlockers`; nothing is recorded then.
    ///
    /// - Parameters:
    ///   - session: the session as it happened.
    ///   - acknowledgedBlockers: codes of blockers the user chose to override; none by default.
    ///   - now: the current moment; `Moment.now()` by default.
    public func recordSession(
        _ session: NewSession, acknowledgedBlockers: [String] = [], now: Moment = .now()
    ) async throws -> RecordedSession {
        try await run {
            try $0.recordSession(session: session, acknowledgedBlockers: acknowledgedBlockers, now: now)
        }
    }

    /// Every recorded session.
    public func sessions() async throws -> [Session] {
        try await run { try $0.sessions() }
    }

    // MARK: Today

    /// The home screen in one call, read in one snapshot: for each device in use (oldest
    /// first), may a session start now on each body region it is for, and if not the earliest
    /// day one may; the risk with its reasons; open alerts; upcoming reminders; and
    /// `skinChecksNote`, to show beside the answers: the skin pre-checks are asked when the
    /// session is logged and can still block it then.
    ///
    /// ```swift
    /// let today = try await client.today(now: .now())
    /// for device in today.devices where !device.mayUseNow {
    ///     print(device.overview.device.nickname, device.nextAllowedDate as Any)
    /// }
    /// ```
    ///
    /// - Parameter now: the current moment; `Moment.now()` by default.
    public func today(now: Moment = .now()) async throws -> Today {
        try await run { try $0.today(now: now) }
    }

    // MARK: Symptoms, risk, reminders, alerts

    /// Records a symptom report (or a 24 h / 72 h check-in); returns it with its triage and alerts.
    ///
    /// - Parameters:
    ///   - report: what the user saw.
    ///   - now: the current moment; `Moment.now()` by default.
    public func recordSymptomReport(_ report: NewSymptomReport, now: Moment = .now()) async throws -> ReportUpdate {
        try await run { try $0.recordSymptomReport(report: report, now: now) }
    }

    /// Folds every committed change into the main database file, so that an operating-system
    /// backup of that file alone holds the whole log. Call it when the scene phase becomes
    /// `.background`; releasing the store does it too. It then reads every page of the file:
    /// damage found there throws `RollSafeError.FileInUse`, and the next open moves the file
    /// aside (`FileDamaged`).
    ///
    /// - Returns: `false` when another reader kept it from finishing (nothing is lost).
    @discardableResult
    public func checkpoint() async throws -> Bool {
        try await run { try $0.checkpoint() }
    }

    /// Where opening kept a complete copy of the log as it was before upgrading it, or nil when
    /// nothing was upgraded; tell the user once.
    public func migrationCopy() async throws -> String? {
        try await run { $0.migrationCopy() }
    }

    /// The infection risk with its factors, and the symptom triage, at `now`.
    ///
    /// - Parameter now: the current moment; `Moment.now()` by default.
    public func assess(now: Moment = .now()) async throws -> Assessment {
        try await run { try $0.assess(now: now) }
    }

    /// The reminders the app should have scheduled at `now`.
    ///
    /// - Parameter now: the current moment; `Moment.now()` by default.
    public func reminders(now: Moment = .now()) async throws -> [Reminder] {
        try await run { try $0.reminders(now: now) }
    }

    /// The alerts not yet acknowledged.
    public func openAlerts() async throws -> [Alert] {
        try await run { try $0.openAlerts() }
    }

    /// Marks an alert acknowledged; returns it.
    ///
    /// - Parameters:
    ///   - id: the alert's id.
    ///   - now: the current moment; `Moment.now()` by default.
    @discardableResult
    public func acknowledgeAlert(id: String, now: Moment = .now()) async throws -> Alert {
        try await run { try $0.acknowledgeAlert(id: id, now: now) }
    }

    // MARK: Profile and care plan

    /// Saves the user's skin type and condition answers.
    ///
    /// - Parameters:
    ///   - profile: the answers.
    ///   - now: the current moment; `Moment.now()` by default.
    public func saveProfile(_ profile: ProfileUpdate, now: Moment = .now()) async throws -> SavedProfile {
        try await run { try $0.saveProfile(profile: profile, now: now) }
    }

    /// Sets the care plan a clinician gave.
    ///
    /// - Parameters:
    ///   - plan: the plan.
    ///   - now: the current moment; `Moment.now()` by default.
    public func setCarePlan(_ plan: CarePlan, now: Moment = .now()) async throws -> SavedCarePlan {
        try await run { try $0.setCarePlan(plan: plan, now: now) }
    }
}
