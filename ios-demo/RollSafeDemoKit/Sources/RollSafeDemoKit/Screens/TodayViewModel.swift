// Today: may I use my device today, and when next; the current risk with its
// reasons; open alerts; upcoming reminders. Every answer is the core's; this
// only gathers them for one screen.
import Foundation
import RollSafe

/// The device and zones Today asks about: by default those of the latest session.
public struct TodayFocus: Equatable, Sendable {
    /// The device's id.
    public var deviceId: String
    /// The zones, at least one.
    public var zones: [BodyZone]

    /// A focus.
    ///
    /// - Parameters:
    ///   - deviceId: the device's id.
    ///   - zones: the zones.
    public init(deviceId: String, zones: [BodyZone]) {
        self.deviceId = deviceId
        self.zones = zones
    }
}

/// The state of the Today screen.
@MainActor
public final class TodayViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// The device and zones the verdict is about; set by the user, or by `refresh` from the
    /// latest session when nil.
    public var focus: TodayFocus? {
        didSet { changes.send() }
    }
    /// The core's verdict for `focus` today, before the skin questions (see `logOnlyPreChecks`).
    public private(set) var verdict: SessionVerdict?
    /// The preventive risk and the symptom triage, with reasons, sources and the disclaimer.
    public private(set) var assessment: Assessment?
    /// Rises not yet acknowledged, oldest first.
    public private(set) var openAlerts: [Alert] = []
    /// The upcoming reminders, soonest first.
    public private(set) var reminders: [Reminder] = []
    /// The devices not retired, for choosing the focus.
    public private(set) var activeDevices: [Device] = []
    /// The last failure, to show; cleared by the next successful refresh.
    public private(set) var failure: RollSafeFailure?

    /// The pre-check answers Today's verdict is computed with: "nothing reported yet". Today
    /// answers what the log allows (rest, device, cleaning, replacement, profile, care plan);
    /// the skin questions are asked on Log a session, where the verdict is computed again from
    /// the user's real answers. Used for nothing else.
    public static let logOnlyPreChecks = PreChecks.allClear

    /// A Today screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// May the focused device be used today, as far as the log says; nil until known.
    public var mayUseToday: Bool? { verdict?.allowed }
    /// The first local date every rest interval has passed, when it has not yet.
    public var nextAllowedDate: CalendarDate? { verdict?.nextAllowedDate }
    /// The verdict's blockers and warnings, blockers first, each with its source.
    public var findings: [Finding] { verdict?.findings ?? [] }
    /// The current preventive risk level.
    public var riskLevel: RiskLevel? { assessment?.preventive.level }
    /// The reasons behind the risk level.
    public var riskFactors: [RiskFactor] { assessment?.preventive.factors ?? [] }
    /// The triage of open symptom reports (green, amber: contact your dermatologist, red: seek
    /// urgent care) with its prompts.
    public var triage: Triage? { assessment?.triage }

    /// Reloads everything as of `now`.
    ///
    /// - Parameter now: the current moment (the app passes `Moment.now()`).
    public func refresh(now: Moment) async {
        do {
            let devices = try await client.devices().filter { $0.retiredAt == nil }
            if focus == nil || !devices.contains(where: { $0.id == focus?.deviceId }) {
                focus = try await defaultFocus(among: devices)
            }
            activeDevices = devices
            if let focus, !focus.zones.isEmpty {
                verdict = try await client.checkSession(
                    SessionPlan(deviceId: focus.deviceId, zones: focus.zones, preChecks: Self.logOnlyPreChecks),
                    now: now)
            } else {
                verdict = nil
            }
            assessment = try await client.assess(now: now)
            openAlerts = try await client.openAlerts()
            reminders = try await client.reminders(now: now)
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Records that the user saw an alert, then reloads the open alerts.
    ///
    /// - Parameters:
    ///   - alert: the alert.
    ///   - now: the current moment.
    public func acknowledge(_ alert: Alert, now: Moment) async {
        do {
            try await client.acknowledgeAlert(id: alert.id, now: now)
            openAlerts = try await client.openAlerts()
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// The latest session's device and zones when the device is still active; else the first
    /// active device with no zone (the user picks them).
    private func defaultFocus(among devices: [Device]) async throws -> TodayFocus? {
        let sessions = try await client.sessions()
        if let latest = sessions.first, devices.contains(where: { $0.id == latest.deviceId }) {
            return TodayFocus(deviceId: latest.deviceId, zones: latest.zones)
        }
        return devices.first.map { TodayFocus(deviceId: $0.id, zones: []) }
    }
}
