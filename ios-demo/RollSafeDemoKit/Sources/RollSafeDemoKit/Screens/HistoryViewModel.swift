// History: everything the log holds, newest first, in one timeline: sessions
// (with any override), cleanings, symptom reports and risk-level changes.
import Foundation
import RollSafe

/// One line of the history.
public enum HistoryEntry: Equatable, Sendable {
    /// A session, with the device's nickname.
    case session(Session, deviceName: String)
    /// A cleaning, with the device's nickname and where the log places it.
    case cleaning(CleaningEntry, deviceName: String)
    /// A symptom report.
    case report(SymptomReport)
    /// A change of risk level (a rise or a fall).
    case alert(Alert)

    /// When it happened: the session, cleaning or look; for an alert, the change that caused it.
    public var at: Moment {
        switch self {
        case let .session(session, _): return session.at
        case let .cleaning(entry, _): return entry.cleaning.at
        case let .report(report): return report.at
        case let .alert(alert): return alert.at
        }
    }

    /// The record's stable id.
    public var id: String {
        switch self {
        case let .session(session, _): return "session." + session.id
        case let .cleaning(entry, _): return "cleaning." + entry.cleaning.id
        case let .report(report): return "report." + report.id
        case let .alert(alert): return "alert." + alert.id
        }
    }
}

/// The state of the History screen.
@MainActor
public final class HistoryViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// Every entry, newest first (ties keep sessions, cleanings, reports, alerts in that order).
    public private(set) var entries: [HistoryEntry] = []
    /// The last failure, to show.
    public private(set) var failure: RollSafeFailure?

    /// A History screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// Reloads the whole history.
    public func refresh() async {
        do {
            let devices = try await client.devices()
            let names = Dictionary(devices.map { ($0.id, $0.nickname) }, uniquingKeysWith: { first, _ in first })
            var all: [HistoryEntry] = try await client.sessions().map {
                .session($0, deviceName: names[$0.deviceId] ?? "")
            }
            for device in devices {
                let cleanings = try await client.run { try $0.cleanings(deviceId: device.id) }
                all += cleanings.map { .cleaning($0, deviceName: device.nickname) }
            }
            all += try await client.run { try $0.symptomReports() }.map(HistoryEntry.report)
            all += try await client.run { try $0.alertHistory() }.map(HistoryEntry.alert)
            entries = all.enumerated()
                .sorted { lhs, rhs in
                    lhs.element.at.instant != rhs.element.at.instant
                        ? lhs.element.at.instant > rhs.element.at.instant : lhs.offset < rhs.offset
                }
                .map(\.element)
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }
}
