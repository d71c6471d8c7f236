// The exports are made by the core, so Swift must get exactly the bytes Rust
// gets: the fixed log of tests/exports/input.backup.json is restored here and
// every export compared byte for byte with tests/exports/expected (written by
// the Rust suite core/tests/golden_exports.rs).
import Foundation
import RollSafe
import XCTest

final class ExportsTests: XCTestCase {
    /// The moment every golden export is made at.
    private let now = moment("2026-11-22T10:00:00+01:00")

    private let everything = ExportScope(
        period: nil,
        sections: ExportSections(
            profile: true, devices: true, sessions: true, cleanings: true, symptoms: true, alerts: true,
            carePlan: true),
        redactNotes: false,
        includePhotoReferences: false)

    /// tests/exports, beside the scenarios directory the runner names.
    private func exports() throws -> URL {
        guard let path = ProcessInfo.processInfo.environment["ROLLSAFE_SCENARIOS"], !path.isEmpty else {
            throw MissingSetting(name: "ROLLSAFE_SCENARIOS")
        }
        return URL(fileURLWithPath: path, isDirectory: true).deletingLastPathComponent()
            .appendingPathComponent("exports", isDirectory: true)
    }

    private func restored() throws -> RollSafeStore {
        let store = try RollSafeStore.openInMemory()
        let input = try Data(contentsOf: try exports().appendingPathComponent("input.backup.json"))
        let result = try store.importBackup(document: input, now: now)
        XCTAssertGreaterThan(result.sessions.added, 0, "the input holds sessions")
        return store
    }

    func testTheBackupOfTheRestoredLogIsTheInputByteForByte() throws {
        let store = try restored()
        let input = try Data(contentsOf: try exports().appendingPathComponent("input.backup.json"))
        XCTAssertEqual(Data(try store.exportBackup(period: nil, now: now).utf8), input)
    }

    func testTheFhirBundleIsTheOneRustMakes() throws {
        let store = try restored()
        let expected = try Data(contentsOf: try exports().appendingPathComponent("expected/fhir.json"))
        let bundle = try store.exportFhir(scope: everything, reportPdf: nil, now: now)
        XCTAssertEqual(Data(bundle.utf8), expected)
    }

    func testTheCsvFilesAreTheOnesRustMakes() throws {
        let store = try restored()
        let dir = try exports().appendingPathComponent("expected/csv", isDirectory: true)
        let files = try store.exportCsv(scope: everything)
        let expectedNames = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files.map(\.name).sorted(), expectedNames)
        for file in files {
            let expected = try Data(contentsOf: dir.appendingPathComponent(file.name))
            XCTAssertEqual(Data(file.contents.utf8), expected, file.name)
        }
    }

    func testThePdfReportIsTheOneRustMakes() throws {
        let store = try restored()
        let expected = try Data(contentsOf: try exports().appendingPathComponent("expected/report.pdf"))
        XCTAssertEqual(try store.reportPdf(options: ReportOptions(scope: everything, paper: .a4), now: now), expected)
    }

    func testASealedExportOpensWithItsPassphraseOnly() throws {
        let pdf = try Data(contentsOf: try exports().appendingPathComponent("expected/report.pdf"))
        let sealed = try sealExport(bytes: pdf, passphrase: "correct horse battery")
        XCTAssertEqual(String(decoding: sealed.prefix(21), as: UTF8.self), "age-encryption.org/v1")
        XCTAssertEqual(try openSealedExport(sealed: sealed, passphrase: "correct horse battery"), pdf)
        XCTAssertThrowsError(try openSealedExport(sealed: sealed, passphrase: "wrong horse battery")) { error in
            guard case RollSafeError.ImportRejected = error else { return XCTFail("expected ImportRejected, got \(error)") }
        }
    }

    func testADamagedBackupIsRefusedWithItsPlaceAndNothingChanges() throws {
        let store = try restored()
        let before = try store.exportBackup(period: nil, now: now)
        var text = try String(contentsOf: try exports().appendingPathComponent("input.backup.json"), encoding: .utf8)
        if let range = text.range(of: "\"pain\": ") {
            text.replaceSubrange(range, with: "\"pain\": 99, \"was\": ")
        }
        XCTAssertThrowsError(try store.importBackup(document: Data(text.utf8), now: now)) { error in
            guard case RollSafeError.ImportRejected(let path, _) = error else {
                return XCTFail("expected ImportRejected, got \(error)")
            }
            XCTAssertTrue(path.hasPrefix("$.sessions["), path)
        }
        XCTAssertEqual(try store.exportBackup(period: nil, now: now), before)
    }
}

/// A setting the runner (tests/swift/run.sh) must give; its absence fails the test.
private struct MissingSetting: Error, CustomStringConvertible {
    let name: String
    var description: String { "the environment variable \(name) is not set" }
}
