// Devices: each device with what the log says about it now (uses, replacement,
// clean for next use), adding one, and the changes a user makes to one.
import Foundation
import RollSafe

/// The state of the Devices screen.
@MainActor
public final class DevicesViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// Every device with its overview as of the last refresh, oldest first (retired ones too).
    public private(set) var overviews: [DeviceOverview] = []
    /// The Add device form.
    public var draft = DeviceDraft() { didSet { changes.send() } }
    /// The alerts the last change raised (also delivered through the alert stream).
    public private(set) var lastAlerts: [Alert] = []
    /// The last failure, to show; `failure?.field` names the form field to mark.
    public private(set) var failure: RollSafeFailure?

    /// A Devices screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// Reloads every device's overview as of `now`.
    ///
    /// - Parameter now: the current moment.
    public func refresh(now: Moment) async {
        do {
            try await reload(now: now)
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Adds the device in `draft`; on success clears the form and returns the device.
    ///
    /// - Parameter now: the current moment.
    @discardableResult
    public func add(now: Moment) async -> Device? {
        await change(now: now) { client in
            let update = try await client.addDevice(self.draft.newDevice, now: now)
            self.draft = DeviceDraft()
            return update
        }?.device
    }

    /// Records that someone else uses the device too (or no longer does).
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - shared: true when shared.
    ///   - now: the current moment.
    public func setShared(id: String, _ shared: Bool, now: Moment) async {
        await change(now: now) { try await $0.setDeviceShared(id: id, shared: shared, now: now) }
    }

    /// Records that the needles look bent or the roll feels rough: the core then says to
    /// replace it before the next use.
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - now: the current moment.
    public func flagDamaged(id: String, now: Moment) async {
        await change(now: now) { client in try await client.run { try $0.flagDeviceDamaged(id: id, now: now) } }
    }

    /// Records that a new head or cartridge was fitted at `at`.
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - at: when it was fitted.
    ///   - now: the current moment.
    public func recordHeadChange(id: String, at: Moment, now: Moment) async {
        await change(now: now) { client in
            try await client.run { try $0.recordHeadChange(id: id, at: at, now: now) }
        }
    }

    /// Retires a device: it stays in the log and the history but is not offered again.
    ///
    /// - Parameters:
    ///   - id: the device's id.
    ///   - reason: why, in the user's words.
    ///   - now: the current moment.
    public func retire(id: String, reason: String, now: Moment) async {
        await change(now: now) { client in
            try await client.run { try $0.retireDevice(id: id, reason: reason, now: now) }
        }
    }

    @discardableResult
    private func change(
        now: Moment, _ body: @MainActor (RollSafeClient) async throws -> DeviceUpdate
    ) async -> DeviceUpdate? {
        do {
            let update = try await body(client)
            lastAlerts = update.alerts
            try await reload(now: now)
            failure = nil
            changes.send()
            return update
        } catch {
            failure = .from(error)
            changes.send()
            return nil
        }
    }

    private func reload(now: Moment) async throws {
        var overviews: [DeviceOverview] = []
        for device in try await client.devices() {
            overviews.append(try await client.run { try $0.deviceOverview(id: device.id, now: now) })
        }
        self.overviews = overviews
    }
}
