// Report symptoms: chips for what the user sees, an overall severity, where,
// an optional photo reference; after saving, the core's triage says what to
// do (expected, contact your dermatologist, or seek urgent care).
import Foundation
import RollSafe

/// The state of the Report symptoms screen.
@MainActor
public final class SymptomReportViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// A full report or a 24 h / 72 h check-in.
    public var kind: ReportKind = .report { didSet { changes.send() } }
    /// The zones affected, in the order chosen.
    public private(set) var zones: [BodyZone] = []
    /// True when the area around an eye is affected.
    public var aroundEye = false { didSet { changes.send() } }
    /// The symptom chips selected, each with its own severity (0 to 10) when rated.
    public private(set) var symptoms: [ReportedSymptom] = []
    /// Overall severity, 0 to 10.
    public var overallSeverity: UInt8 = 0 { didSet { changes.send() } }
    /// For pus: its colour and consistency.
    public var pus: PusDescription? { didSet { changes.send() } }
    /// Measured temperature in °C, if taken.
    public var temperatureC: Double? { didSet { changes.send() } }
    /// Worse, the same or better than before, if the user said; the core reads "worse" as a
    /// worsening even when there is no earlier report to compare with.
    public var trend: SymptomTrend? { didSet { changes.send() } }
    /// Free-text notes.
    public var notes = "" { didSet { changes.send() } }
    /// The photo kept by the app, if one was taken: its file reference and the SHA-256 of its
    /// bytes (the app stores the photo and computes the hash).
    public private(set) var photo: PhotoRef?
    /// The session the user says caused it; nil lets the core link it.
    public var sessionId: String? { didSet { changes.send() } }

    /// The report saved, with any alert it raised.
    public private(set) var saved: ReportUpdate?
    /// The triage after saving: its level, prompts with advice and sources, and the disclaimer.
    public private(set) var assessment: Assessment?
    /// The last failure, to show.
    public private(set) var failure: RollSafeFailure?

    /// A Report symptoms screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// The chips to offer, in display order.
    public var chips: [Symptom] { Choices.symptoms }

    /// True when `symptom` is selected.
    ///
    /// - Parameter symptom: a chip.
    public func isSelected(_ symptom: Symptom) -> Bool { symptoms.contains { $0.symptom == symptom } }

    /// Selects or deselects a chip.
    ///
    /// - Parameter symptom: the chip tapped.
    public func toggle(_ symptom: Symptom) {
        if let index = symptoms.firstIndex(where: { $0.symptom == symptom }) {
            symptoms.remove(at: index)
            if symptom == .pus { pus = nil }
        } else {
            symptoms.append(ReportedSymptom(symptom: symptom, severity: nil))
        }
        changes.send()
    }

    /// Rates a selected symptom (0 to 10; the core refuses other values), or clears the rating.
    ///
    /// - Parameters:
    ///   - symptom: a selected chip.
    ///   - severity: its severity, or nil.
    public func rate(_ symptom: Symptom, _ severity: UInt8?) {
        guard let index = symptoms.firstIndex(where: { $0.symptom == symptom }) else { return }
        symptoms[index] = ReportedSymptom(symptom: symptom, severity: severity)
        changes.send()
    }

    /// Adds or removes an affected zone.
    ///
    /// - Parameter zone: the zone tapped.
    public func toggle(_ zone: BodyZone) {
        if let index = zones.firstIndex(of: zone) { zones.remove(at: index) } else { zones.append(zone) }
        changes.send()
    }

    /// Attaches the photo the app stored (replacing any earlier one).
    ///
    /// - Parameters:
    ///   - file: the app's reference to the stored file.
    ///   - sha256: the hex SHA-256 of its bytes.
    public func attachPhoto(file: String, sha256: String) {
        photo = PhotoRef(file: file, sha256: sha256)
        changes.send()
    }

    /// Removes the photo reference.
    public func removePhoto() {
        photo = nil
        changes.send()
    }

    /// Saves the report, then reads the assessment to show its triage.
    ///
    /// - Parameters:
    ///   - at: when the user looked.
    ///   - now: the current moment.
    /// - Returns: true when it was saved.
    @discardableResult
    public func submit(at: Moment, now: Moment) async -> Bool {
        let report = NewSymptomReport(
            at: at, kind: kind, zones: zones, aroundEye: aroundEye, symptoms: symptoms,
            overallSeverity: overallSeverity, pus: pus, temperatureC: temperatureC, trend: trend,
            notes: notes.isEmpty ? nil : notes, photos: photo.map { [$0] } ?? [], sessionId: sessionId)
        do {
            saved = try await client.recordSymptomReport(report, now: now)
            assessment = try await client.assess(now: now)
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
