// Share: the files to hand to a dermatologist or keep as a backup, made by
// the core from a form (period, sections, redaction, formats), and the import
// of a backup the user picked. The files are (name, bytes) pairs; the app
// writes them to a temporary folder (ShareFolder) and offers the share sheet.
//
// The PDF report for a dermatologist is being added to the core and bindings
// in parallel; it is not here yet, and nothing stands in for it (see
// `ShareFormat` and ios-demo/README.md).
import Foundation
import RollSafe

/// A kind of file the Share screen makes.
public enum ShareFormat: String, CaseIterable, Hashable, Sendable {
    /// A FHIR R4 Bundle (JSON), for a clinic's system.
    case fhir
    /// One CSV file per kind of record, for a spreadsheet.
    case csv
    /// The RollSafe backup (JSON): every section and every note in the period, for restoring
    /// RollSafe; sections and redaction do not apply to it.
    case backup
    // The PDF report joins here once `RollSafeStore` has its call; its bytes then also go to
    // `exportFhir(reportPdf:)` so that the bundle describes it.
}

/// One file to share: a plain file name, its bytes and its media type.
public struct SharedFile: Equatable, Sendable {
    /// The file name, without folders, for example `sessions.csv`.
    public let name: String
    /// The contents.
    public let data: Data
    /// The media type, for example `application/fhir+json`.
    public let mediaType: String

    /// A file.
    ///
    /// - Parameters:
    ///   - name: the file name, without folders.
    ///   - data: the contents.
    ///   - mediaType: the media type.
    public init(name: String, data: Data, mediaType: String) {
        self.name = name
        self.data = data
        self.mediaType = mediaType
    }
}

/// A kind of record an import counts.
public enum ImportedKind: String, CaseIterable, Hashable, Sendable {
    /// Devices.
    case devices
    /// Sessions.
    case sessions
    /// Cleanings.
    case cleanings
    /// Symptom reports.
    case symptomReports
    /// Alerts.
    case alerts
    /// Profile revisions.
    case profileRevisions
    /// Care plans.
    case carePlans
}

/// One line of an import's summary: a kind of record and what happened to those records.
public struct ImportLine: Identifiable, Equatable, Sendable {
    /// The kind of record.
    public let kind: ImportedKind
    /// How many were added, updated, or already there.
    public let count: ImportCount

    /// The kind, which is unique within a summary.
    public var id: ImportedKind { kind }
}

/// The state of the Share screen.
@MainActor
public final class ShareViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// The days covered; nil for the whole log. Applies to every format.
    public var period: DateRange? {
        didSet { formChanged() }
    }
    /// The sections the FHIR bundle and the CSV files carry; all by default.
    public var sections: ExportSections = .all {
        didSet { formChanged() }
    }
    /// Replace every free-text note with a mark saying it was withheld (FHIR and CSV).
    public var redactNotes = false {
        didSet { formChanged() }
    }
    /// Name the photos attached to reports, never the images themselves (FHIR and CSV).
    public var includePhotoReferences = false {
        didSet { formChanged() }
    }
    /// A name to put on the FHIR Patient; empty keeps it pseudonymous.
    public var patientName = "" {
        didSet { formChanged() }
    }
    /// The files to make; FHIR and CSV by default.
    public var formats: Set<ShareFormat> = [.fhir, .csv] {
        didSet { formChanged() }
    }

    /// The files made by the last `prepare`, in the order FHIR, CSV, backup; emptied when the
    /// form changes, so what is shared always matches the form.
    public private(set) var files: [SharedFile] = []
    /// The last failure of `prepare`, to show.
    public private(set) var failure: RollSafeFailure?
    /// What the last import did; nil until one succeeds.
    public private(set) var importResult: ImportResult?
    /// The last import's failure, to show: `importRejected` names the place in the document.
    public private(set) var importFailure: RollSafeFailure?

    /// A Share screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// The days, sections and privacy choices as the core takes them.
    public var scope: ExportScope {
        ExportScope(
            period: period, sections: sections, redactNotes: redactNotes,
            includePhotoReferences: includePhotoReferences)
    }

    /// True when at least one format is chosen.
    public var canPrepare: Bool { !formats.isEmpty }

    /// True when a backup is chosen while the form withholds something (a section, the notes):
    /// the backup still carries everything in the period, and the screen must say so.
    public var backupIgnoresChoices: Bool {
        formats.contains(.backup) && (redactNotes || !sections.isAll)
    }

    /// Makes the chosen files as of `now`; all or none: on a failure `files` stays empty.
    ///
    /// - Parameter now: the current moment; it dates the exports and the file names.
    /// - Returns: true when the files are ready.
    @discardableResult
    public func prepare(now: Moment) async -> Bool {
        files = []
        guard canPrepare else {
            changes.send()
            return false
        }
        let scope = scope
        let day = Self.dayText(now.calendarDate)
        var made: [SharedFile] = []
        do {
            if formats.contains(.fhir) {
                let name = patientName.trimmingCharacters(in: .whitespacesAndNewlines)
                // reportPdf: the PDF report's bytes, once the core makes it (not yet in the
                // bindings), so that the bundle carries a DocumentReference describing it.
                let bundle = try await client.exportFhir(
                    scope: scope, patientName: name.isEmpty ? nil : name, reportPdf: nil, now: now)
                made.append(SharedFile(name: "rollsafe-fhir-\(day).json", data: Data(bundle.utf8), mediaType: "application/fhir+json"))
            }
            if formats.contains(.csv) {
                for file in try await client.exportCsv(scope: scope) {
                    made.append(SharedFile(name: file.name, data: file.data, mediaType: "text/csv"))
                }
            }
            if formats.contains(.backup) {
                let backup = try await client.exportBackup(period: period, now: now)
                made.append(SharedFile(name: "rollsafe-backup-\(day).json", data: Data(backup.utf8), mediaType: "application/json"))
            }
            files = made
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
        return !files.isEmpty
    }

    /// Imports a backup the user picked: restores into an empty log or merges by stable ids.
    /// A document that is not a valid backup changes nothing and leaves `importFailure` set to
    /// `importRejected` with its place in the document. Most callers want
    /// `AppModel.importBackup`, which also reloads every screen.
    ///
    /// - Parameters:
    ///   - document: the file's bytes.
    ///   - now: the current moment.
    /// - Returns: true when it was imported.
    @discardableResult
    public func importBackup(_ document: Data, now: Moment) async -> Bool {
        do {
            importResult = try await client.importBackup(document, now: now)
            importFailure = nil
        } catch {
            importResult = nil
            importFailure = .from(error)
        }
        changes.send()
        return importResult != nil
    }

    /// What the last import did, per kind of record, in a fixed order; empty until one succeeds.
    public var importSummary: [ImportLine] {
        guard let result = importResult else { return [] }
        return [
            ImportLine(kind: .devices, count: result.devices),
            ImportLine(kind: .sessions, count: result.sessions),
            ImportLine(kind: .cleanings, count: result.cleanings),
            ImportLine(kind: .symptomReports, count: result.symptomReports),
            ImportLine(kind: .alerts, count: result.alertsImported),
            ImportLine(kind: .profileRevisions, count: result.profileRevisions),
            ImportLine(kind: .carePlans, count: result.carePlans),
        ]
    }

    private func formChanged() {
        files = []
        changes.send()
    }

    /// `YYYY-MM-DD`, for file names.
    private static func dayText(_ date: CalendarDate) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(Int(date.year), 4))-\(padded(Int(date.month), 2))-\(padded(Int(date.day), 2))"
    }
}
