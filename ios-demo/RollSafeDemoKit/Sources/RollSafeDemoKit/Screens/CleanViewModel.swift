// Clean: the user picks the device and method, may start a soak timer (the
// core keeps it and plans the "soak finished" reminder), then logs the
// cleaning; the core says whether the device is now clean for its next use.
import Foundation
import RollSafe

/// The state of the Clean screen.
@MainActor
public final class CleanViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// The devices that can be chosen (not retired).
    public private(set) var devices: [Device] = []
    /// The chosen device's id.
    public var deviceId: String? { didSet { changes.send() } }
    /// How it is cleaned; an isopropyl soak by default.
    public var method: CleaningMethod = .isopropylSoak { didSet { changes.send() } }
    /// For soaks, the minutes soaked; set by `startSoak` or entered.
    public var soakMinutes: UInt32? { didSet { changes.send() } }
    /// When the running soak ends, as the core's "soak finished" reminder says; nil when no
    /// soak timer runs.
    public private(set) var soakEndsAt: Moment?
    /// The cleaning logged, with any alert it raised.
    public private(set) var recorded: RecordedCleaning?
    /// How the log places that cleaning (before or after use) and whether it counts as adequate.
    public private(set) var entry: CleaningEntry?
    /// The device as the log sees it after the cleaning: "clean for next use" or not (never
    /// "sterile").
    public private(set) var overview: DeviceOverview?
    /// The last failure, to show.
    public private(set) var failure: RollSafeFailure?

    /// A Clean screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// True when the chosen method is a soak, so soak minutes apply.
    public var isSoak: Bool { method == .isopropylSoak || method == .otherAlcoholSoak }

    /// The seconds left on the soak timer at `now` (0 once finished), or nil when none runs.
    ///
    /// - Parameter now: the current moment.
    public func soakSecondsLeft(now: Moment) -> TimeInterval? {
        soakEndsAt.map { max(0, $0.instant.timeIntervalSince(now.instant)) }
    }

    /// Loads the devices that can be chosen.
    public func load() async {
        do {
            devices = try await client.devices().filter { $0.retiredAt == nil }
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Starts a soak timer in the core for the chosen device (1 to 120 minutes; the core refuses
    /// other values, naming the field). Logging the cleaning stops it.
    ///
    /// - Parameters:
    ///   - minutes: the soak's length.
    ///   - now: the current moment: the timer starts now.
    public func startSoak(minutes: UInt32, now: Moment) async {
        guard let deviceId else {
            failure = .invalidInput(field: "device_id", reason: "choose a device")
            changes.send()
            return
        }
        do {
            try await client.run { try $0.startSoakTimer(deviceId: deviceId, startedAt: now, minutes: minutes, now: now) }
            soakMinutes = minutes
            soakEndsAt = try await client.reminders(now: now).first { $0.kind == .soakFinished }?.due
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Logs the cleaning, then reads back how the log sees the device.
    ///
    /// - Parameters:
    ///   - at: when it was cleaned.
    ///   - now: the current moment.
    /// - Returns: true when it was logged.
    @discardableResult
    public func save(at: Moment, now: Moment) async -> Bool {
        guard let deviceId else {
            failure = .invalidInput(field: "device_id", reason: "choose a device")
            changes.send()
            return false
        }
        do {
            let cleaning = NewCleaning(deviceId: deviceId, at: at, method: method, soakMinutes: isSoak ? soakMinutes : nil)
            let recorded = try await client.recordCleaning(cleaning, now: now)
            self.recorded = recorded
            entry = try await client.run { try $0.cleanings(deviceId: deviceId) }
                .first { $0.cleaning.id == recorded.cleaning.id }
            overview = try await client.run { try $0.deviceOverview(id: deviceId, now: now) }
            soakEndsAt = nil
            failure = nil
            changes.send()
            return true
        } catch {
            failure = .from(error)
            changes.send()
            return false
        }
    }
}
