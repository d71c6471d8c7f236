// The async front for what leaves the device and what comes back: the JSON
// backup and its import, the FHIR bundle and the CSV files. The core makes
// every byte (Android and iOS share the same output); these only move the
// blocking calls off the caller's executor.
import Foundation

extension RollSafeClient {
    // MARK: Backup

    /// The log as a backup document (JSON text, format `rollsafe-backup` version 1), or the
    /// part of it in `period` with what that part refers to. It holds the user's health data,
    /// every section and every note: it is for restoring RollSafe, not for a clinic.
    ///
    /// ```swift
    /// let backup = try await client.exportBackup(now: .now())
    /// try Data(backup.utf8).write(to: url, options: .completeFileProtection)
    /// ```
    ///
    /// - Parameters:
    ///   - period: the local days to keep; nil (the default) for the whole log.
    ///   - now: the current moment; `Moment.now()` by default.
    public func exportBackup(period: DateRange? = nil, now: Moment = .now()) async throws -> String {
        try await run { try $0.exportBackup(period: period, now: now) }
    }

    /// Imports a backup (the bytes of the file the user picked): restores into an empty log,
    /// or merges into this one by stable ids without duplicates. Throws
    /// `RollSafeFailure.importRejected(path:reason:)` for a document that is not a valid
    /// backup or clashes with the log, with `path` pointing into the document (for example
    /// `$.sessions[3].versions[0].pain`); nothing changes then.
    ///
    /// - Parameters:
    ///   - document: the file's bytes, as read.
    ///   - now: the current moment; `Moment.now()` by default.
    /// - Returns: how many records of each kind were added, updated or already there, and the
    ///   alerts the re-assessment raised (also heard on `alerts`).
    public func importBackup(_ document: Data, now: Moment = .now()) async throws -> ImportResult {
        try await run { try $0.importBackup(document: document, now: now) }
    }

    // MARK: For a clinic

    /// A FHIR R4 Bundle (type `collection`, JSON text) for a clinic's system, covering `scope`.
    ///
    /// - Parameters:
    ///   - scope: the days, the sections, and whether notes are withheld and photos named.
    ///   - patientName: a name to put on the Patient; nil (the default) keeps it pseudonymous.
    ///   - reportPdf: the PDF report shared alongside, if any: the bundle then carries a
    ///     DocumentReference describing it (its size and hash, not its bytes). Nil by default.
    ///   - now: the current moment; `Moment.now()` by default.
    public func exportFhir(
        scope: ExportScope, patientName: String? = nil, reportPdf: Data? = nil, now: Moment = .now()
    ) async throws -> String {
        try await run { try $0.exportFhir(scope: scope, patientName: patientName, reportPdf: reportPdf, now: now) }
    }

    /// One CSV file per kind of record (RFC 4180, UTF-8, with a header row), covering `scope`.
    ///
    /// - Parameter scope: the days, the sections, and whether notes are withheld and photos named.
    public func exportCsv(scope: ExportScope) async throws -> [CsvFile] {
        try await run { try $0.exportCsv(scope: scope) }
    }

    // The PDF report for a dermatologist is being added to the core and bindings; its wrapper
    // joins here, beside `exportFhir` (whose `reportPdf` then takes its bytes), once
    // `RollSafeStore` has the call. Nothing stands in for it until then.
}

extension CsvFile {
    /// The file's contents as UTF-8 bytes, ready to write.
    public var data: Data { Data(contents.utf8) }
}
