// The async front for what leaves the device and what comes back: the JSON
// backup and its import, the PDF report, the FHIR bundle, the CSV files, and
// the passphrase seal around any of them. The core makes every byte (Android
// and iOS share the same output); these only move the blocking calls off the
// caller's executor.
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

    /// The PDF report for a dermatologist, covering `options.scope` and laid out on
    /// `options.paper` (A4 or US Letter; `usualPaper(region:)` gives the region's). The core makes
    /// every byte: Android gets the same file for the same log, options and `now`.
    ///
    /// Share it alongside the FHIR bundle by passing the same bytes to
    /// `exportFhir(scope:reportPdf:now:)`: the bundle then carries a
    /// DocumentReference describing it.
    ///
    /// ```swift
    /// let options = ReportOptions(scope: scope, paper: .a4)
    /// let pdf = try await client.reportPdf(options: options, now: now)
    /// let bundle = try await client.exportFhir(scope: scope, reportPdf: pdf, now: now)
    /// ```
    ///
    /// - Parameters:
    ///   - options: the days, the sections, whether notes are withheld and photos named, and
    ///     the paper size.
    ///   - now: the current moment; it dates the report. `Moment.now()` by default.
    /// - Returns: the PDF's bytes (they start with `%PDF-`).
    public func reportPdf(options: ReportOptions, now: Moment = .now()) async throws -> Data {
        try await run { try $0.reportPdf(options: options, now: now) }
    }

    /// A FHIR R4 Bundle (type `collection`, JSON text) for a clinic's system, covering `scope`.
    ///
    /// - Parameters:
    ///   - scope: the days, the sections, whether notes are withheld and photos named, and
    ///     whether the Patient is named from the profile (`identifyPatient`; otherwise the
    ///     bundle's ids cannot be linked to a named bundle's).
    ///   - reportPdf: the PDF report shared alongside, if any: the bundle then carries a
    ///     DocumentReference describing it (its size and hash, not its bytes). Nil by default.
    ///   - now: the current moment; `Moment.now()` by default.
    public func exportFhir(
        scope: ExportScope, reportPdf: Data? = nil, now: Moment = .now()
    ) async throws -> String {
        try await run { try $0.exportFhir(scope: scope, reportPdf: reportPdf, now: now) }
    }

    /// One CSV file per kind of record (RFC 4180, UTF-8, with a header row), covering `scope`,
    /// then `data_dictionary.csv`.
    ///
    /// - Parameters:
    ///   - scope: the days, the sections, and whether notes are withheld and photos named.
    ///   - utf8Bom: start each file with a UTF-8 byte order mark, which Excel needs.
    public func exportCsv(scope: ExportScope, utf8Bom: Bool = false) async throws -> [CsvFile] {
        try await run { try $0.exportCsv(scope: scope, utf8Bom: utf8Bom) }
    }

    /// The files of `exportCsv(scope:utf8Bom:)` as one ZIP archive dated `now`: what a sealed
    /// share carries (`ShareKind.csvArchive`), so that one passphrase opens the set.
    ///
    /// - Parameters:
    ///   - scope: the days, the sections, and whether notes are withheld and photos named.
    ///   - now: the moment the entries are dated by; `Moment.now()` by default.
    ///   - utf8Bom: start each file with a UTF-8 byte order mark, which Excel needs.
    public func exportCsvArchive(
        scope: ExportScope, now: Moment = .now(), utf8Bom: Bool = false
    ) async throws -> Data {
        try await run { try $0.exportCsvArchive(scope: scope, now: now, utf8Bom: utf8Bom) }
    }

    // MARK: Sealing with a passphrase

    /// Seals an export (the bytes of a PDF, a FHIR bundle, a backup, a CSV file) with a
    /// passphrase, for sending it by email: the result is a standard age file
    /// (`age-encryption.org/v1`, scrypt), which RollSafe opens with `openSealed`, and anyone
    /// else with the `age` or `rage` tools. Tell the passphrase by another channel.
    ///
    /// The key derivation is slow on purpose (a noticeable moment on a phone); it runs on the
    /// client's queue, never on the caller's thread. Sealing is random: the same bytes sealed
    /// twice give different files.
    ///
    /// ```swift
    /// let sealed = try await client.seal(pdf, passphrase: passphrase)
    /// try sealed.write(to: folder.appendingPathComponent("rollsafe-2026-03-12-report.pdf.age"))
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: what to seal.
    ///   - passphrase: at least 10 characters (not counting spaces around them); the core
    ///     throws `RollSafeFailure.invalidInput(field: "passphrase", …)` otherwise.
    /// - Returns: the age file's bytes.
    public func seal(_ bytes: Data, passphrase: String) async throws -> Data {
        try await run { _ in try sealExport(bytes: bytes, passphrase: passphrase) }
    }

    /// Opens a file sealed with `seal` (or by the `age` tool with a passphrase). A wrong
    /// passphrase, a file changed after it was sealed, or bytes that are not an age file throw
    /// `RollSafeFailure.importRejected(path: "$", reason:)` saying which; nothing is returned
    /// then. Runs on the client's queue (the key derivation takes a moment).
    ///
    /// ```swift
    /// let backup = try await client.openSealed(pickedFileData, passphrase: typed)
    /// let result = try await client.importBackup(backup)
    /// ```
    ///
    /// - Parameters:
    ///   - sealed: the age file's bytes, as read.
    ///   - passphrase: the passphrase it was sealed with.
    /// - Returns: the bytes that were sealed.
    public func openSealed(_ sealed: Data, passphrase: String) async throws -> Data {
        try await run { _ in try openSealedExport(sealed: sealed, passphrase: passphrase) }
    }
}

extension CsvFile {
    /// The file's contents as UTF-8 bytes, ready to write.
    public var data: Data { Data(contents.utf8) }
}
