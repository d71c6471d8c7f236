// The app's state in one place: the client, a view model per screen, the
// alert notifier and the reminder scheduler, and what to refresh after a
// change. The App target creates one with the real store and the
// UNUserNotificationCenter sink; tests create one with an in-memory store and
// a recording sink.
import Foundation
import RollSafe

/// Every screen's view model over one log, and the notifications that follow its changes.
@MainActor
public final class AppModel {
    /// The log.
    public let client: RollSafeClient
    /// Today.
    public let today: TodayViewModel
    /// Log a session.
    public let logSession: LogSessionViewModel
    /// Clean.
    public let clean: CleanViewModel
    /// Report symptoms.
    public let report: SymptomReportViewModel
    /// History.
    public let history: HistoryViewModel
    /// Devices.
    public let devices: DevicesViewModel
    /// Settings.
    public let settings: SettingsViewModel
    /// Share: exports for a dermatologist, the backup and its import.
    public let share: ShareViewModel
    /// Posts alerts as notifications as they arrive.
    public let alertNotifier: AlertNotifier
    /// Keeps reminder notifications equal to the core's reminders.
    public let reminderScheduler: ReminderScheduler
    /// The last failure of a reconciliation of notifications, if any.
    public private(set) var notificationFailure: (any Error)?

    /// The app's state over `client`, sending notifications to `sink`.
    ///
    /// - Parameters:
    ///   - client: the log.
    ///   - sink: the notification centre.
    public init(client: RollSafeClient, sink: any NotificationSink) {
        self.client = client
        today = TodayViewModel(client: client)
        logSession = LogSessionViewModel(client: client)
        clean = CleanViewModel(client: client)
        report = SymptomReportViewModel(client: client)
        history = HistoryViewModel(client: client)
        devices = DevicesViewModel(client: client)
        settings = SettingsViewModel(client: client)
        share = ShareViewModel(client: client)
        alertNotifier = AlertNotifier(client: client, sink: sink)
        reminderScheduler = ReminderScheduler(client: client, sink: sink)
    }

    /// At app start (and on return to the foreground): listens to alerts, lets the core record
    /// any level change that time alone caused (heard through the stream), and refreshes.
    ///
    /// - Parameter now: the current moment.
    public func start(now: Moment) async {
        alertNotifier.start()
        _ = try? await client.run { try $0.refreshAlerts(now: now) }
        await reloadAll(now: now)
    }

    /// As the app goes to the background: the core folds the log's WAL into its main file, so
    /// a backup of that file alone (as the system may take) holds every change.
    ///
    /// - Returns: whether the main file now holds the whole log; false when another reader kept
    ///   the core from finishing or the log could not be written (nothing is lost either way).
    @discardableResult
    public func enterBackground() async -> Bool {
        (try? await client.checkpoint()) ?? false
    }

    /// Imports a backup the user picked (see `ShareViewModel.importBackup`; a sealed one waits
    /// for `openSealedBackup`); when it was imported, every screen reloads, since profile, care plan, devices and the log may all
    /// have changed. A rejected document changes nothing and reloads nothing.
    ///
    /// - Parameters:
    ///   - document: the file's bytes.
    ///   - now: the current moment.
    /// - Returns: true when it was imported.
    @discardableResult
    public func importBackup(_ document: Data, now: Moment) async -> Bool {
        guard await share.importBackup(document, now: now) else { return false }
        await reloadAll(now: now)
        return true
    }

    /// Opens the sealed backup waiting for its passphrase and imports it (see
    /// `ShareViewModel.openSealedBackup`); when it was imported, every screen reloads. A
    /// passphrase that does not open it changes nothing and reloads nothing.
    ///
    /// - Parameters:
    ///   - passphrase: what the user typed.
    ///   - now: the current moment.
    /// - Returns: true when it was opened and imported.
    @discardableResult
    public func openSealedBackup(passphrase: String, now: Moment) async -> Bool {
        guard await share.openSealedBackup(passphrase: passphrase, now: now) else { return false }
        await reloadAll(now: now)
        return true
    }

    /// Every screen's lists and drafts reloaded, then what follows any change.
    private func reloadAll(now: Moment) async {
        await settings.load()
        await logSession.load()
        await clean.load()
        await afterChange(now: now)
    }

    /// After any change: Today, Devices and History are reloaded and the reminder notifications
    /// reconciled with the core's reminders.
    ///
    /// - Parameter now: the current moment.
    public func afterChange(now: Moment) async {
        await today.refresh(now: now)
        await devices.refresh(now: now)
        await history.refresh()
        do {
            try await reminderScheduler.reconcile(now: now)
            notificationFailure = nil
        } catch {
            notificationFailure = error
        }
    }
}
