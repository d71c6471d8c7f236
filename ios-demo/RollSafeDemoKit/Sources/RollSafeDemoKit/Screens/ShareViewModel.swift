// Share: the files to hand to a dermatologist or keep as a backup, made by
// the core from a form (period, sections, redaction, paper, formats, an
// optional passphrase seal), and the import of a backup the user picked,
// sealed or not. Which files, in which order, under which names and media
// types, and which are sealed, is the core's decision (`shareFiles`); this model
// only makes each file's bytes with the export the core names. The files are
// (name, bytes) pairs; the app writes them to a temporary folder (ShareFolder)
// and offers the share sheet.
import Foundation
import RollSafe

/// A kind of file the Share screen makes.
public enum ShareFormat: String, CaseIterable, Hashable, Sendable {
    /// The PDF report for a dermatologist, to read.
    case pdf
    /// A FHIR R4 Bundle (JSON), for a clinic's system. Made with the PDF, it carries a
    /// DocumentReference describing it.
    case fhir
    /// One CSV file per kind of record, for a spreadsheet.
    case csv
    /// The RollSafe backup (JSON): every section and every note in the period, for restoring
    /// RollSafe; sections and redaction do not apply to it.
    case backup
}

/// One file to share: a plain file name, its bytes and its media type, as the core named and
/// typed it.
public struct SharedFile: Equatable, Sendable {
    /// The file name, without folders, for example `rollsafe-2026-03-12-sessions.csv`.
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
    /// Put the name, date of birth and patient number from the profile on the PDF and the FHIR
    /// Patient; off, the files name no one and the FHIR ids cannot be linked to a named export's.
    public var identifyPatient = false {
        didSet { formChanged() }
    }
    /// The files to make; the PDF report, FHIR and CSV by default.
    public var formats: Set<ShareFormat> = [.pdf, .fhir, .csv] {
        didSet { formChanged() }
    }
    /// The PDF report's paper; A4 unless the app sets it from the user's region (the core's
    /// `usualPaper(region:)`) or the user picks another.
    public var paper: Paper = .a4 {
        didSet { formChanged() }
    }
    /// Seal every file with `passphrase` (a standard age file, which the core names
    /// `<name>.age`), for sending by email; off by default.
    public var sealWithPassphrase = false {
        didSet { formChanged() }
    }
    /// The passphrase to seal with. Its length rule is the core's: a short one is refused by
    /// `prepare` with the core's `invalidInput(field: "passphrase", …)`.
    public var passphrase = "" {
        didSet { formChanged() }
    }
    /// The passphrase typed a second time; `prepare` refuses to seal unless it equals
    /// `passphrase`.
    public var passphraseConfirmation = "" {
        didSet { formChanged() }
    }

    /// The files made by the last `prepare`, in the core's order (PDF, FHIR, CSV, backup) and
    /// under its names (`rollsafe-<day>-report.pdf`, each ending in `.age` when sealed); emptied
    /// when the form changes, so what is shared always matches it.
    public private(set) var files: [SharedFile] = []
    /// The last failure of `prepare`, to show.
    public private(set) var failure: RollSafeFailure?
    /// What the last import did; nil until one succeeds.
    public private(set) var importResult: ImportResult?
    /// The last import's failure, to show: `importRejected` names the place in the document,
    /// or (for a sealed backup) says the passphrase does not open it.
    public private(set) var importFailure: RollSafeFailure?
    /// True while `prepare` makes the files (sealing takes a moment per file).
    public private(set) var isPreparing = false
    /// A sealed backup picked for import, kept until its passphrase opens it or the import is
    /// cancelled.
    private var sealedBackup: Data?
    /// Counts changes to the form, so that `prepare` drops files made from an older form.
    private var formVersion = 0

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
            includePhotoReferences: includePhotoReferences, identifyPatient: identifyPatient)
    }

    /// The PDF report's options: the scope and the paper.
    public var reportOptions: ReportOptions {
        ReportOptions(scope: scope, paper: paper)
    }

    /// True when sealing is chosen and the two passphrases differ: `prepare` refuses, without
    /// calling the core, until they match.
    public var passphrasesDiffer: Bool {
        sealWithPassphrase && passphrase != passphraseConfirmation
    }

    /// True when at least one format is chosen and, when sealing, the passphrase was typed the
    /// same twice.
    public var canPrepare: Bool { !formats.isEmpty && !passphrasesDiffer }

    /// True when a backup is chosen while the form withholds something (a section, the notes):
    /// the backup still carries everything in the period, and the screen must say so.
    public var backupIgnoresChoices: Bool {
        formats.contains(.backup) && (redactNotes || !sections.isAll)
    }

    /// Makes the chosen files as of `now`; all or none: on a failure `files` stays empty. The
    /// core says which files they are, their names (for the local day of `now`), media types
    /// and sealing (`shareFiles`); this makes each one's bytes. With both the PDF and FHIR chosen, the bundle carries a DocumentReference describing the PDF
    /// (its size and hash). When sealing, every file is sealed with the passphrase (which takes
    /// a moment per file); nothing is made while the two passphrases differ.
    ///
    /// The form is read once, at the start; if it changes before the files are made, they are
    /// dropped (and false returned), so what is shared always matches the form on screen.
    ///
    /// - Parameter now: the current moment; it dates the exports and, through the core, the file
    ///   names.
    /// - Returns: true when the files are ready.
    @discardableResult
    public func prepare(now: Moment) async -> Bool {
        files = []
        guard canPrepare, !isPreparing else {
            changes.send()
            return false
        }
        isPreparing = true
        defer { isPreparing = false }
        changes.send()
        let form = formVersion
        let (scope, reportOptions, formats, period) = (scope, reportOptions, formats, period)
        let seal = sealWithPassphrase ? passphrase : nil
        let options = ShareOptions(
            report: formats.contains(.pdf), fhir: formats.contains(.fhir), csv: formats.contains(.csv),
            backup: formats.contains(.backup), sections: scope.sections, sealed: seal != nil)
        var made: [SharedFile] = []
        do {
            let planned = try shareFiles(options: options, now: now)
            func wanted(_ kind: ShareKind) -> Bool { planned.contains { $0.kind == kind } }
            // The PDF first: the FHIR bundle describes it (size and hash) when both go.
            var pdf: Data?
            if wanted(.report) {
                pdf = try await client.reportPdf(options: reportOptions, now: now)
            }
            var bundle: String?
            if wanted(.fhir) {
                bundle = try await client.exportFhir(scope: scope, reportPdf: pdf, now: now)
            }
            var csv: [String: Data] = [:]
            if wanted(.csv) {
                for file in try await client.exportCsv(scope: scope) {
                    csv[file.name] = file.data
                }
            }
            // Sealed, the CSV set travels as one archive: one passphrase opens every file.
            var csvArchive: Data?
            if wanted(.csvArchive) {
                csvArchive = try await client.exportCsvArchive(scope: scope, now: now)
            }
            var backup: String?
            if wanted(.backup) {
                backup = try await client.exportBackup(period: period, now: now)
            }
            for file in planned {
                let plain: Data?
                switch file.kind {
                case .report: plain = pdf
                case .fhir: plain = bundle.map { Data($0.utf8) }
                case .csv: plain = file.csvName.flatMap { csv[$0] }
                case .csvArchive: plain = csvArchive
                case .backup: plain = backup.map { Data($0.utf8) }
                }
                // The core plans only what its exports make; a gap is a bug, not a refusal.
                guard let plain else { preconditionFailure("the core planned \(file.name) but made no such file") }
                var data = plain
                if file.sealed, let seal {
                    data = try await client.seal(plain, passphrase: seal)
                }
                made.append(SharedFile(name: file.name, data: data, mediaType: file.mediaType))
            }
            guard form == formVersion else {
                changes.send()
                return false
            }
            files = made
            failure = nil
        } catch {
            failure = form == formVersion ? .from(error) : nil
        }
        changes.send()
        return !files.isEmpty
    }

    /// Imports a backup the user picked: restores into an empty log or merges by stable ids.
    /// A document that is not a valid backup changes nothing and leaves `importFailure` set to
    /// `importRejected` with its place in the document. A sealed backup (an age file, which
    /// the core's `isSealed(bytes:)` tells by its bytes, whatever its name) is kept and
    /// `needsPassphrase` becomes true: nothing is imported until `openSealedBackup` opens
    /// it. Most callers want `AppModel.importBackup`, which also reloads every screen.
    ///
    /// - Parameters:
    ///   - document: the file's bytes.
    ///   - now: the current moment.
    /// - Returns: true when it was imported.
    @discardableResult
    public func importBackup(_ document: Data, now: Moment) async -> Bool {
        importResult = nil
        importFailure = nil
        if isSealed(bytes: document) {
            sealedBackup = document
            changes.send()
            return false
        }
        sealedBackup = nil
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

    /// True while a sealed backup waits for its passphrase (see `openSealedBackup`).
    public var needsPassphrase: Bool { sealedBackup != nil }

    /// Opens the sealed backup waiting for its passphrase, then imports it as `importBackup`
    /// does. A passphrase that does not open it (or a file changed since it was sealed) leaves
    /// the core's `importRejected` in `importFailure`, imports nothing, and keeps the file so
    /// the user can try again. Most callers want `AppModel.openSealedBackup`, which also
    /// reloads every screen.
    ///
    /// - Parameters:
    ///   - passphrase: what the user typed.
    ///   - now: the current moment.
    /// - Returns: true when it was opened and imported.
    @discardableResult
    public func openSealedBackup(passphrase: String, now: Moment) async -> Bool {
        guard let sealed = sealedBackup else { return false }
        let opened: Data
        do {
            opened = try await client.openSealed(sealed, passphrase: passphrase)
        } catch {
            importResult = nil
            importFailure = .from(error)
            changes.send()
            return false
        }
        return await importBackup(opened, now: now)
    }

    /// Drops the sealed backup waiting for its passphrase; nothing is imported.
    public func cancelSealedImport() {
        sealedBackup = nil
        importFailure = nil
        changes.send()
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
        formVersion &+= 1
        files = []
        changes.send()
    }
}
