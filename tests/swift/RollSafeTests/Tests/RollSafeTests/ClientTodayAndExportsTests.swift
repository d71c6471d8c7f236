// The Swift layer's additions for the home screen and the exports, against the
// real library: `RollSafeClient.today`, the export calls (backup, PDF report,
// FHIR, CSV) and the passphrase seal with their failures as `RollSafeFailure`,
// and the Foundation helpers for `DateRange`.
import Foundation
import RollSafe
import XCTest

final class ClientTodayAndExportsTests: XCTestCase {
    private let everything = ExportScope(
        period: nil, sections: .all, redactNotes: false, includePhotoReferences: false)

    /// A log with a face roller, cleaned, and one session on the cheeks with a note.
    private func loggedClient() async throws -> (RollSafeClient, Device) {
        let client = try await RollSafeClient.openInMemory()
        let roller = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.5, material: .titanium, nickname: "Face roller"),
            now: moment("2026-03-01T09:00:00+01:00")
        ).device
        _ = try await client.recordCleaning(
            NewCleaning(deviceId: roller.id, at: moment("2026-03-01T20:10:00+01:00"), method: .isopropylSoak,
                        soakMinutes: 20),
            now: moment("2026-03-01T20:40:00+01:00"))
        let plan = SessionPlan(deviceId: roller.id, zones: [.cheeks], preChecks: .allClear)
        _ = try await client.recordSession(
            NewSession(plan: plan, at: moment("2026-03-01T21:00:00+01:00"), notes: "Tingling on the left cheek"),
            now: moment("2026-03-01T21:05:00+01:00"))
        return (client, roller)
    }

    // MARK: Today

    func testTodayGivesEveryRegionOfTheDeviceWithTheRestAndTheSkinChecksNote() async throws {
        let (client, roller) = try await loggedClient()
        let now = moment("2026-03-03T08:00:00+01:00")
        let today = try await client.today(now: now)
        XCTAssertEqual(today, try client.store.today(now: now), "the client returns what the store does")
        XCTAssertEqual(today.date, CalendarDate(year: 2026, month: 3, day: 3))
        let device = try XCTUnwrap(today.devices.first)
        XCTAssertEqual(today.devices.count, 1)
        XCTAssertEqual(device.overview.device.id, roller.id)
        XCTAssertEqual(Set(device.regions.map(\.region)), [.face, .scalp, .body], "a roller is judged for every region")
        let face = try XCTUnwrap(device.regions.first { $0.region == .face }).verdict
        XCTAssertFalse(face.allowed, "the face rests after the session on the cheeks")
        XCTAssertNotNil(face.nextAllowedDate)
        XCTAssertTrue(face.findings.contains { $0.code == "interval_not_elapsed" }, "\(face.findings.map(\.code))")
        XCTAssertFalse(today.skinChecksNote.isEmpty, "the core says what it could not know")
        XCTAssertFalse(today.assessment.disclaimer.isEmpty)
    }

    func testTodayRefusesAnImplausibleNowAsInvalidInputNamingIt() async throws {
        let client = try await RollSafeClient.openInMemory()
        do {
            _ = try await client.today(now: moment("1901-01-01T00:00:00Z"))
            XCTFail("a moment in 1901 is refused")
        } catch let failure as RollSafeFailure {
            XCTAssertEqual(failure.field, "now")
        }
    }

    // MARK: Exports

    func testABackupImportedIntoAFreshLogGivesTheSameBackup() async throws {
        let (client, _) = try await loggedClient()
        let now = moment("2026-03-05T10:00:00+01:00")
        // As the app does at start: let the core record the level changes time alone caused
        // (here: no cleaning after the session), so the import's re-assessment finds none.
        _ = try await client.run { try $0.refreshAlerts(now: now) }
        let backup = try await client.exportBackup(now: now)
        XCTAssertTrue(backup.contains("missing_after_use_cleaning"), "the rise is in the backup")
        let fresh = try await RollSafeClient.openInMemory()
        let result = try await fresh.importBackup(Data(backup.utf8), now: now)
        XCTAssertEqual(result.devices.added, 1)
        XCTAssertEqual(result.sessions.added, 1)
        XCTAssertEqual(result.cleanings.added, 1)
        let again = try await fresh.exportBackup(now: now)
        XCTAssertEqual(again, backup)
        let twice = try await fresh.importBackup(Data(backup.utf8), now: now)
        XCTAssertEqual(twice.sessions, ImportCount(added: 0, updated: 0, unchanged: 1), "merging again adds nothing")
    }

    func testADamagedBackupIsImportRejectedWithItsPathAndChangesNothing() async throws {
        let (client, _) = try await loggedClient()
        let now = moment("2026-03-05T10:00:00+01:00")
        let backup = try await client.exportBackup(now: now)
        let target = try await RollSafeClient.openInMemory()
        let damaged = try XCTUnwrap(damagingTheFirstSession(backup))
        do {
            _ = try await target.importBackup(Data(damaged.utf8), now: now)
            XCTFail("a damaged backup is refused")
        } catch let failure as RollSafeFailure {
            guard case let .importRejected(path, reason) = failure else { return XCTFail("\(failure)") }
            XCTAssertTrue(path.hasPrefix("$.sessions[0]"), path)
            XCTAssertFalse(reason.isEmpty)
            XCTAssertEqual(failure.importPath, path)
            XCTAssertNil(failure.field)
            XCTAssertNotNil(failure.recoverySuggestion)
        }
        let devices = try await target.devices()
        XCTAssertEqual(devices, [], "nothing of the damaged document was kept")
    }

    func testTheFhirBundleAndCsvFilesComeThroughTheClient() async throws {
        let (client, _) = try await loggedClient()
        let now = moment("2026-03-05T10:00:00+01:00")
        _ = try await client.saveProfile(
            ProfileUpdate(skinType: nil, answers: [], identity: PatientIdentity(name: "Alex Example")), now: now)
        let named = ExportScope(
            period: nil, sections: .all, redactNotes: false, includePhotoReferences: false,
            identifyPatient: true)
        let bundle = try await client.exportFhir(scope: named, now: now)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bundle.utf8)) as? [String: Any])
        XCTAssertEqual(json["resourceType"] as? String, "Bundle")
        XCTAssertEqual(json["type"] as? String, "collection")
        XCTAssertEqual(bundle, try client.store.exportFhir(scope: named, reportPdf: nil, now: now))
        XCTAssertTrue(bundle.contains("Alex Example"))
        let pseudonymous = try await client.exportFhir(scope: everything, now: now)
        XCTAssertFalse(pseudonymous.contains("Alex Example"), "named only when asked")

        let files = try await client.exportCsv(scope: everything)
        XCTAssertFalse(files.isEmpty)
        XCTAssertEqual(Set(files.map(\.name)).count, files.count, "one file per kind")
        XCTAssertTrue(files.allSatisfy { $0.name.hasSuffix(".csv") })
        for file in files { XCTAssertEqual(file.data, Data(file.contents.utf8)) }
    }

    func testThePdfReportComesThroughTheClientAndTheBundleDescribesIt() async throws {
        let (client, _) = try await loggedClient()
        let now = moment("2026-03-05T10:00:00+01:00")
        let options = ReportOptions(scope: everything, paper: .a4)
        let pdf = try await client.reportPdf(options: options, now: now)
        XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8)), "a PDF file")
        XCTAssertEqual(pdf, try client.store.reportPdf(options: options, now: now), "the client returns what the store does")
        let letter = try await client.reportPdf(options: ReportOptions(scope: everything, paper: .usLetter), now: now)
        XCTAssertTrue(letter.starts(with: Data("%PDF-".utf8)))
        XCTAssertNotEqual(letter, pdf, "the paper size is laid out by the core")

        let bundle = try await client.exportFhir(scope: everything, reportPdf: pdf, now: now)
        let resources = try fhirResources(bundle)
        let documents = resources.filter { $0["resourceType"] as? String == "DocumentReference" }
        XCTAssertEqual(documents.count, 1, "the bundle describes the PDF shared alongside")
        let content = try XCTUnwrap((documents.first?["content"] as? [[String: Any]])?.first)
        let attachment = try XCTUnwrap(content["attachment"] as? [String: Any])
        XCTAssertEqual(attachment["contentType"] as? String, "application/pdf")
        XCTAssertEqual((attachment["size"] as? NSNumber)?.intValue, pdf.count)
        XCTAssertNil(attachment["data"], "described, not embedded")
        let without = try await client.exportFhir(scope: everything, now: now)
        XCTAssertFalse(try fhirResources(without).contains { $0["resourceType"] as? String == "DocumentReference" })
    }

    func testTheReportRefusesABackwardsPeriodNamingTheField() async throws {
        let (client, _) = try await loggedClient()
        let backwards = ExportScope(
            period: DateRange(from: CalendarDate(year: 2026, month: 3, day: 5), to: CalendarDate(year: 2026, month: 3, day: 1)),
            sections: .all, redactNotes: false, includePhotoReferences: false)
        do {
            _ = try await client.reportPdf(options: ReportOptions(scope: backwards, paper: .a4), now: moment("2026-03-05T10:00:00+01:00"))
            XCTFail("a backwards period is refused")
        } catch let failure as RollSafeFailure {
            XCTAssertEqual(failure.field, "period.to")
        }
    }

    func testWhatIsSealedOpensWithItsPassphraseOnly() async throws {
        let (client, _) = try await loggedClient()
        let backup = Data(try await client.exportBackup(now: moment("2026-03-05T10:00:00+01:00")).utf8)
        let passphrase = "correct horse battery"
        let sealed = try await client.seal(backup, passphrase: passphrase)
        XCTAssertTrue(sealed.starts(with: Data("age-encryption.org/v1\n".utf8)), "a standard age file")
        XCTAssertNil(sealed.range(of: Data("Face roller".utf8)), "nothing readable without the passphrase")
        let again = try await client.seal(backup, passphrase: passphrase)
        XCTAssertNotEqual(again, sealed, "sealing is random")
        let opened = try await client.openSealed(sealed, passphrase: passphrase)
        XCTAssertEqual(opened, backup)

        do {
            _ = try await client.openSealed(sealed, passphrase: "wrong horse battery")
            XCTFail("a wrong passphrase opens nothing")
        } catch let failure as RollSafeFailure {
            guard case let .importRejected(path, reason) = failure else { return XCTFail("\(failure)") }
            XCTAssertEqual(path, "$")
            XCTAssertTrue(reason.contains("passphrase"), reason)
        }
        var changed = sealed
        changed[changed.count - 1] ^= 0x01
        do {
            _ = try await client.openSealed(changed, passphrase: passphrase)
            XCTFail("a changed file opens nothing")
        } catch let failure as RollSafeFailure {
            XCTAssertNotNil(failure.importPath, "\(failure)")
        }
        do {
            _ = try await client.seal(backup, passphrase: "too short")
            XCTFail("the core's length rule applies")
        } catch let failure as RollSafeFailure {
            XCTAssertEqual(failure.field, "passphrase")
        }
    }

    func testAnEndBeforeItsStartIsRefusedNamingTheField() async throws {
        let client = try await RollSafeClient.openInMemory()
        let backwards = ExportScope(
            period: DateRange(from: CalendarDate(year: 2026, month: 3, day: 5), to: CalendarDate(year: 2026, month: 3, day: 1)),
            sections: .all, redactNotes: false, includePhotoReferences: false)
        do {
            _ = try await client.exportCsv(scope: backwards)
            XCTFail("a backwards period is refused")
        } catch let failure as RollSafeFailure {
            XCTAssertEqual(failure.field, "period.to")
        }
    }

    func testSectionsConvertToAndFromASetOfThem() {
        XCTAssertTrue(ExportSections.all.isAll)
        XCTAssertEqual(
            ExportSections.all,
            ExportSections(profile: true, devices: true, sessions: true, cleanings: true, symptoms: true, alerts: true,
                           carePlan: true))
        XCTAssertEqual(ExportSections.all.included, Set(ExportSection.allCases))
        let noAlerts = ExportSections.all.setting(.alerts, false)
        XCTAssertFalse(noAlerts.isAll)
        XCTAssertFalse(noAlerts.alerts)
        XCTAssertFalse(noAlerts.contains(.alerts))
        XCTAssertEqual(noAlerts.included, Set(ExportSection.allCases).subtracting([.alerts]))
        XCTAssertEqual(noAlerts.setting(.alerts, true), .all)
        XCTAssertEqual(ExportSections([.carePlan]), ExportSections(
            profile: false, devices: false, sessions: false, cleanings: false, symptoms: false, alerts: false,
            carePlan: true))
        for section in ExportSection.allCases {
            XCTAssertEqual(ExportSections([section]).included, [section], "\(section) maps to its own flag")
        }
    }

    // MARK: DateRange and Foundation

    func testADateRangeFromDatesUsesTheLocalDaysOfTheZone() throws {
        let paris = try XCTUnwrap(TimeZone(identifier: "Europe/Paris"))
        // 2026-03-28T23:30:00Z is already the 29th in Paris; 2026-04-02T21:59:59Z is still the 2nd.
        let range = DateRange(
            from: Date(timeIntervalSince1970: 1_774_740_600), to: Date(timeIntervalSince1970: 1_775_167_199), in: paris)
        XCTAssertEqual(range.from, CalendarDate(year: 2026, month: 3, day: 29))
        XCTAssertEqual(range.to, CalendarDate(year: 2026, month: 4, day: 2))
        let utc = DateRange(
            from: Date(timeIntervalSince1970: 1_774_740_600), to: Date(timeIntervalSince1970: 1_775_167_199),
            in: try XCTUnwrap(TimeZone(identifier: "UTC")))
        XCTAssertEqual(utc.from, CalendarDate(year: 2026, month: 3, day: 28))
    }

    func testADateRangeFromDateComponentsNeedsYearMonthAndDay() {
        let range = DateRange(
            from: DateComponents(year: 2026, month: 1, day: 1), to: DateComponents(year: 2026, month: 6, day: 30))
        XCTAssertEqual(range, DateRange(from: CalendarDate(year: 2026, month: 1, day: 1), to: CalendarDate(year: 2026, month: 6, day: 30)))
        XCTAssertNil(DateRange(from: DateComponents(year: 2026, month: 1), to: DateComponents(year: 2026, month: 6, day: 30)))
    }

    func testTheLastDaysEndWithTheDayOfNowAtItsOwnOffset() {
        // 00:30 at +02:00 is still the 30th in UTC; the range follows the moment's own offset.
        let now = moment("2026-03-31T00:30:00+02:00")
        XCTAssertEqual(
            DateRange.days(30, endingOn: now),
            DateRange(from: CalendarDate(year: 2026, month: 3, day: 2), to: CalendarDate(year: 2026, month: 3, day: 31)))
        XCTAssertEqual(
            DateRange.days(1, endingOn: now),
            DateRange(from: CalendarDate(year: 2026, month: 3, day: 31), to: CalendarDate(year: 2026, month: 3, day: 31)))
        XCTAssertNil(DateRange.days(0, endingOn: now))
    }

    /// The resources in a FHIR bundle's entries.
    private func fhirResources(_ bundle: String) throws -> [[String: Any]] {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bundle.utf8)) as? [String: Any])
        return (json["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
    }

    /// The backup with the first session's pain set out of range, or nil when it has none.
    private func damagingTheFirstSession(_ backup: String) throws -> String? {
        var document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(backup.utf8)) as? [String: Any])
        guard var sessions = document["sessions"] as? [[String: Any]], var first = sessions.first,
            var versions = first["versions"] as? [[String: Any]], !versions.isEmpty
        else { return nil }
        versions[0]["pain"] = 99
        first["versions"] = versions
        sessions[0] = first
        document["sessions"] = sessions
        return String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    }
}
