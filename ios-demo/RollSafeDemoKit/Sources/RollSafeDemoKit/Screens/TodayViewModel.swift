// Today: for each device in use, may I use it now on each body region, and
// when next; the current risk with its reasons; open alerts; upcoming
// reminders. One call, `RollSafeClient.today(now:)`, answers all of it: the
// core decides which regions a device is for, what it assumes about the skin
// checks (and says so in `skinChecksNote`), and every verdict.
import Foundation
import RollSafe

/// The state of the Today screen.
@MainActor
public final class TodayViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// The core's home screen as of the last refresh; nil until the first one succeeds.
    public private(set) var today: Today?
    /// The last failure, to show; cleared by the next successful refresh.
    public private(set) var failure: RollSafeFailure?

    /// A Today screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// The user's local date the answers are for.
    public var date: CalendarDate? { today?.date }
    /// Each device in use, oldest first, with its verdict per body region.
    public var devices: [DeviceToday] { today?.devices ?? [] }
    /// What every answer leaves to the moment of logging (the skin pre-checks), to show beside
    /// the answers; nil until known.
    public var skinChecksNote: String? { today?.skinChecksNote }
    /// The preventive risk and the symptom triage, with reasons, sources and the disclaimer.
    public var assessment: Assessment? { today?.assessment }
    /// Rises not yet acknowledged, oldest first.
    public var openAlerts: [Alert] { today?.openAlerts ?? [] }
    /// The upcoming reminders, soonest first.
    public var reminders: [Reminder] { today?.reminders ?? [] }
    /// The current preventive risk level.
    public var riskLevel: RiskLevel? { assessment?.preventive.level }
    /// The reasons behind the risk level.
    public var riskFactors: [RiskFactor] { assessment?.preventive.factors ?? [] }
    /// Risks other than infection (herpes reactivation, dark marks), shown apart from the level.
    public var otherRisks: [RiskFactor] { assessment?.preventive.otherRisks ?? [] }
    /// The triage of open symptom reports (green, amber: contact your dermatologist, red: seek
    /// urgent care) with its prompts.
    public var triage: Triage? { assessment?.triage }

    /// The device with `id` on Today, if it is in use.
    ///
    /// - Parameter id: the device's id.
    public func device(id: String) -> DeviceToday? {
        devices.first { $0.overview.device.id == id }
    }

    /// The verdict for a session now with the device `id` on `region`, if the device is in use
    /// and made for that region.
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - region: the body region.
    public func verdict(device id: String, region: BodyRegion) -> SessionVerdict? {
        device(id: id)?.regions.first { $0.region == region }?.verdict
    }

    /// Reloads everything as of `now`, in one call to the core.
    ///
    /// - Parameter now: the current moment (the app passes `Moment.now()`).
    public func refresh(now: Moment) async {
        do {
            today = try await client.today(now: now)
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Records that the user saw an alert, then reloads Today as of `now`.
    ///
    /// - Parameters:
    ///   - alert: the alert.
    ///   - now: the current moment.
    public func acknowledge(_ alert: Alert, now: Moment) async {
        do {
            try await client.acknowledgeAlert(id: alert.id, now: now)
        } catch {
            failure = .from(error)
            changes.send()
            return
        }
        await refresh(now: now)
    }
}
