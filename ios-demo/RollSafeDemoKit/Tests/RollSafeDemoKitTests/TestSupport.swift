// Helpers shared by the tests: fixed moments from text (time is an input) and
// a notification sink that records what it is asked, standing in for the
// system's notification centre (the core is always the real library).
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

/// A `Moment` from RFC 3339 text with its offset, for example `2026-03-01T21:00:00+01:00`.
func moment(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Moment {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test moment \(text)") }
    let offsetText = text.hasSuffix("Z") ? "+00:00" : String(text.suffix(6))
    let sign: Int32 = offsetText.hasPrefix("-") ? -1 : 1
    let parts = offsetText.dropFirst().split(separator: ":").compactMap { Int32($0) }
    guard parts.count == 2 else { fatalError("bad test offset \(text)") }
    return Moment(instant: date, utcOffsetSeconds: sign * (parts[0] * 3600 + parts[1] * 60))
}

/// Records every request, keeping pending and delivered notifications the way the system's
/// centre does: an immediate request is delivered at once, a later one stays pending until
/// `deliverDue(at:)`; an add replaces the pending or delivered one with the same identifier.
actor RecordingSink: NotificationSink {
    /// Every request added, in order.
    private(set) var added: [NotificationRequest] = []
    /// Every removal asked, in order.
    private(set) var removed: [[String]] = []
    private var pendingRequests: [String: NotificationRequest] = [:]
    private var deliveredRequests: [String: NotificationRequest] = [:]

    func add(_ request: NotificationRequest) async throws {
        added.append(request)
        pendingRequests[request.id] = nil
        deliveredRequests[request.id] = nil
        if request.trigger == .immediately {
            deliveredRequests[request.id] = request
        } else {
            pendingRequests[request.id] = request
        }
    }

    func removePending(ids: [String]) async {
        removed.append(ids)
        for id in ids { pendingRequests[id] = nil }
    }

    func pending() async -> [ExistingNotification] {
        pendingRequests.values.map { ExistingNotification(id: $0.id, fingerprint: $0.fingerprint) }
            .sorted { $0.id < $1.id }
    }

    func delivered() async -> [ExistingNotification] {
        deliveredRequests.values.map { ExistingNotification(id: $0.id, fingerprint: $0.fingerprint) }
            .sorted { $0.id < $1.id }
    }

    /// The requests pending now, by identifier.
    var pendingByID: [String: NotificationRequest] { pendingRequests }
    /// The requests delivered (shown), by identifier.
    var deliveredByID: [String: NotificationRequest] { deliveredRequests }

    /// Delivers a pending notification, as the system does when its trigger fires.
    func deliver(id: String) {
        if let request = pendingRequests.removeValue(forKey: id) { deliveredRequests[id] = request }
    }

    /// Lets time pass up to `now`, as the system does: every pending notification whose trigger
    /// time has come is delivered. A wall-clock trigger is read at `now`'s UTC offset.
    func advance(to now: Moment) {
        let zone = TimeZone(secondsFromGMT: Int(now.utcOffsetSeconds)) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        for (id, request) in pendingRequests {
            let fireDate: Date?
            switch request.trigger {
            case .immediately: fireDate = now.instant
            case let .at(date): fireDate = date
            case let .wallClock(components):
                var parts = components
                parts.timeZone = zone
                fireDate = calendar.date(from: parts)
            }
            if let fireDate, fireDate <= now.instant { deliver(id: id) }
        }
    }

    /// Adds a pending notification that is not RollSafe's reminder (for example another part of
    /// the app), which the planner must leave alone.
    func addForeignPending(id: String) {
        pendingRequests[id] = NotificationRequest(id: id, title: "other", body: "", trigger: .at(Date()), fingerprint: "x")
    }
}

extension XCTestCase {
    /// Polls `condition` (on the main actor) until it holds or `seconds` pass.
    @MainActor
    func eventually(_ seconds: Double = 5, _ condition: @MainActor () async -> Bool) async -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while await !condition() {
            if Date() > deadline { return false }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return true
    }
}
