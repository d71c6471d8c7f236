// A whole user story through the view models, against the real Rust library:
// profile, device, cleaning with a soak timer, a session, Today's answer per
// device and body region (one call to the core), a session blocked by the
// rest interval and its override, the risk rise and its alert arriving
// through the AsyncStream as a notification, a symptom report, reminders
// planned, the history, and the week shared with a dermatologist as the PDF
// report, a FHIR bundle describing it and CSV files. Time is fixed: every
// step passes its own `now`.
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

@MainActor
final class UserStoryTests: XCTestCase {
    func testAFirstWeekWithRollSafe() async throws {
        let sink = RecordingSink()
        let app = AppModel(client: try await RollSafeClient.openInMemory(), sink: sink)
        var heardAlerts: [Alert] = []
        app.alertNotifier.onAlert = { heardAlerts.append($0) }
        await app.start(now: moment("2026-03-01T09:55:00+01:00"))
        XCTAssertTrue(app.alertNotifier.isListening)
        XCTAssertEqual(app.today.riskLevel, .low)
        XCTAssertFalse(app.today.assessment?.disclaimer.isEmpty ?? true, "the assessment says it is no diagnosis")

        // Settings: the profile.
        let settings = app.settings
        settings.skinType = .iii
        for condition in Choices.conditions { settings.answer(condition, present: false) }
        await settings.saveProfile(now: moment("2026-03-01T10:00:00+01:00"))
        XCTAssertNil(settings.failure)
        XCTAssertEqual(settings.profile?.skinType, .iii)
        XCTAssertEqual(settings.profile?.answers.count, Choices.conditions.count)

        // Devices: a face roller.
        app.devices.draft.nickname = "Face roller"
        let added = await app.devices.add(now: moment("2026-03-01T10:05:00+01:00"))
        let roller = try XCTUnwrap(added)
        XCTAssertNil(app.devices.failure)
        XCTAssertEqual(app.devices.overviews.map(\.device.nickname), ["Face roller"])
        XCTAssertFalse(app.devices.overviews[0].cleanForNextUse, "a new device is not clean until a cleaning is logged")

        // Today: the new device must be cleaned first; the core judges every region it is for.
        await app.today.refresh(now: moment("2026-03-01T10:10:00+01:00"))
        XCTAssertNil(app.today.failure)
        XCTAssertEqual(app.today.date, CalendarDate(year: 2026, month: 3, day: 1))
        let newRoller = try XCTUnwrap(app.today.device(id: roller.id))
        XCTAssertEqual(app.today.devices.count, 1)
        XCTAssertEqual(newRoller.regions.map(\.region), [.face, .scalp, .body])
        XCTAssertFalse(newRoller.mayUseNow)
        XCTAssertNil(newRoller.nextAllowedDate, "nothing to wait for: cleaning it is what is missing")
        let uncleaned = try XCTUnwrap(app.today.verdict(device: roller.id, region: .face))
        XCTAssertFalse(uncleaned.findings.filter { $0.severity == .blocker }.isEmpty)
        XCTAssertTrue(uncleaned.findings.allSatisfy { !$0.source.citation.isEmpty }, "every finding shows its source")
        XCTAssertFalse(app.today.skinChecksNote?.isEmpty ?? true, "Today says the skin checks come when logging")

        // Clean: a 20-minute soak timer, its reminder scheduled, then the cleaning logged.
        let clean = app.clean
        await clean.load()
        clean.deviceId = roller.id
        await clean.startSoak(minutes: 20, now: moment("2026-03-01T20:30:00+01:00"))
        XCTAssertNil(clean.failure)
        XCTAssertEqual(clean.soakEndsAt?.instant, moment("2026-03-01T20:50:00+01:00").instant)
        XCTAssertEqual(clean.soakSecondsLeft(now: moment("2026-03-01T20:40:00+01:00")), 600)
        await passTime(app, sink, to: moment("2026-03-01T20:31:00+01:00"))
        let remindersDuringSoak = try await app.client.reminders(now: moment("2026-03-01T20:31:00+01:00"))
        let soakReminder = try XCTUnwrap(remindersDuringSoak.first { $0.kind == .soakFinished })
        let pendingSoak = await sink.pendingByID["rollsafe.reminder." + soakReminder.id]
        XCTAssertEqual(pendingSoak?.trigger, .at(moment("2026-03-01T20:50:00+01:00").instant))
        let cleaned = await clean.save(at: moment("2026-03-01T20:50:00+01:00"), now: moment("2026-03-01T20:51:00+01:00"))
        XCTAssertTrue(cleaned)
        XCTAssertEqual(clean.entry?.adequate, true)
        XCTAssertEqual(clean.overview?.cleanForNextUse, true)
        XCTAssertNil(clean.soakEndsAt)
        await passTime(app, sink, to: moment("2026-03-01T20:51:00+01:00"))
        let soakStillPending = await sink.pendingByID["rollsafe.reminder." + soakReminder.id]
        XCTAssertNil(soakStillPending, "logging the cleaning stopped the timer; its notification was removed")
        XCTAssertEqual(app.today.device(id: roller.id)?.mayUseNow, true)
        XCTAssertEqual(app.today.verdict(device: roller.id, region: .face)?.allowed, true,
                       "\(app.today.verdict(device: roller.id, region: .face)?.findings.map(\.code) ?? [])")

        // Log a session: no verdict before every pre-check is answered; then allowed and saved.
        let log = app.logSession
        await log.load()
        log.deviceId = roller.id
        log.toggle(.cheeks)
        log.toggle(.forehead)
        await log.check(at: moment("2026-03-01T21:00:00+01:00"))
        XCTAssertEqual(log.failure?.field, "plan")
        XCTAssertNil(log.verdict)
        log.preChecks = answeredAllClear()
        await log.check(at: moment("2026-03-01T21:00:00+01:00"))
        XCTAssertEqual(log.verdict?.allowed, true, "\(log.verdict?.findings.map(\.code) ?? [])")
        XCTAssertTrue(log.canSave)
        XCTAssertFalse(log.isOverride)
        let firstSaved = await log.save(at: moment("2026-03-01T21:00:00+01:00"), now: moment("2026-03-01T21:10:00+01:00"))
        XCTAssertTrue(firstSaved)
        let first = try XCTUnwrap(log.recorded?.session)
        XCTAssertEqual(first.overrides, [])

        // Today after the session: the face rests until the date the core gives; reminders
        // scheduled.
        await passTime(app, sink, to: moment("2026-03-01T21:10:00+01:00"))
        XCTAssertEqual(Set(first.zones), [.cheeks, .forehead])
        let resting = try XCTUnwrap(app.today.verdict(device: roller.id, region: .face))
        XCTAssertFalse(resting.allowed)
        XCTAssertEqual(resting.findings.first?.code, "interval_not_elapsed")
        XCTAssertEqual(resting.nextAllowedDate, CalendarDate(year: 2026, month: 3, day: 8))
        XCTAssertEqual(app.today.device(id: roller.id)?.mayUseNow, false, "used and not yet cleaned again")
        XCTAssertFalse(app.today.reminders.isEmpty)
        let pendingIDs = Set(await sink.pendingByID.keys)
        let expected = Set(app.today.reminders.filter { $0.due.instant > moment("2026-03-01T21:10:00+01:00").instant }
            .map { "rollsafe.reminder." + $0.id })
        XCTAssertEqual(pendingIDs, expected)
        XCTAssertTrue(app.today.reminders.contains { $0.kind == .cleanAfterSession })
        _ = await clean.save(at: moment("2026-03-01T21:30:00+01:00"), now: moment("2026-03-01T21:31:00+01:00"))
        await passTime(app, sink, to: moment("2026-03-01T21:31:00+01:00"))
        let cleanedAgain = try XCTUnwrap(app.today.device(id: roller.id))
        XCTAssertEqual(app.today.verdict(device: roller.id, region: .face)?.allowed, false, "the face still rests")
        XCTAssertEqual(app.today.verdict(device: roller.id, region: .body)?.allowed, true, "the body was not needled")
        XCTAssertTrue(cleanedAgain.mayUseNow)
        XCTAssertNil(cleanedAgain.nextAllowedDate, "a region is free now")

        // Three days later: blocked by the rest interval; saving needs an explicit acknowledgement.
        log.reset()
        log.deviceId = roller.id
        log.toggle(.cheeks)
        log.toggle(.forehead)
        log.preChecks = answeredAllClear()
        let early = moment("2026-03-04T21:00:00+01:00")
        await log.check(at: early)
        XCTAssertEqual(log.verdict?.allowed, false)
        XCTAssertEqual(log.blockers.map(\.code), ["interval_not_elapsed"])
        XCTAssertFalse(log.blockers[0].source.citation.isEmpty, "every finding shows its source")
        XCTAssertFalse(log.canSave)
        let refused = await log.save(at: early, now: moment("2026-03-04T21:05:00+01:00"))
        XCTAssertFalse(refused, "nothing is saved without the acknowledgement")
        let sessionsAfterRefusal = try await app.client.sessions()
        XCTAssertEqual(sessionsAfterRefusal.count, 1)
        log.setAcknowledged("interval_not_elapsed", true)
        XCTAssertTrue(log.canSave)
        XCTAssertTrue(log.isOverride)
        let overridden = await log.save(at: early, now: moment("2026-03-04T21:05:00+01:00"))
        XCTAssertTrue(overridden)
        let second = try XCTUnwrap(log.recorded?.session)
        XCTAssertEqual(second.overrides.map(\.code), ["interval_not_elapsed"])

        // The override raised the risk: the alert arrives through the stream as a notification.
        let rise = try XCTUnwrap(log.recorded?.alerts.first { $0.rising }, "the core reports the rise with the change")
        let alertID = "rollsafe.alert." + rise.id
        let delivered = await eventually { await sink.deliveredByID[alertID] != nil }
        XCTAssertTrue(delivered, "the alert became a notification at once")
        let notification = await sink.deliveredByID[alertID]
        XCTAssertEqual(notification?.title, rise.title)
        XCTAssertEqual(notification?.body, rise.reasons.map(\.text).joined(separator: "\n"))
        let heard = await eventually { heardAlerts.map(\.id).contains(rise.id) }
        XCTAssertTrue(heard, "the app was told, to refresh Today")

        await passTime(app, sink, to: moment("2026-03-04T21:06:00+01:00"))
        XCTAssertNotEqual(app.today.riskLevel, .low)
        XCTAssertTrue(app.today.riskFactors.map(\.code).contains("interval_not_respected"), "\(app.today.riskFactors.map(\.code))")
        XCTAssertEqual(app.today.openAlerts.map(\.id), [rise.id])
        await app.today.acknowledge(rise, now: moment("2026-03-04T21:10:00+01:00"))
        XCTAssertEqual(app.today.openAlerts, [])

        // The next morning: a symptom report with a photo reference; the triage comes back.
        let report = app.report
        report.toggle(.redness)
        report.toggle(.swelling)
        report.rate(.redness, 3)
        report.toggle(.cheeks)
        report.overallSeverity = 3
        report.trend = .same
        report.attachPhoto(file: "photos/2026-03-05-cheeks.heic", sha256: String(repeating: "ab", count: 32))
        let submitted = await report.submit(at: moment("2026-03-05T09:00:00+01:00"), now: moment("2026-03-05T09:05:00+01:00"))
        XCTAssertTrue(submitted, "\(String(describing: report.failure))")
        let saved = try XCTUnwrap(report.saved?.report)
        XCTAssertEqual(saved.sessionId, second.id, "linked by the core to the latest session on the zone")
        XCTAssertEqual(saved.symptoms, [ReportedSymptom(symptom: .redness, severity: 3), ReportedSymptom(symptom: .swelling, severity: nil)])
        XCTAssertEqual(saved.photos.map(\.file), ["photos/2026-03-05-cheeks.heic"])
        XCTAssertEqual(saved.trend, .same, "the user's own comparison is kept")
        XCTAssertNotNil(report.assessment?.triage)
        XCTAssertEqual(report.assessment?.triage.prompts.allSatisfy { $0.reportId == saved.id }, true)

        // Reminders planned: the system holds exactly the core's future reminders; planning
        // again changes nothing.
        let morning = moment("2026-03-05T09:05:00+01:00")
        await passTime(app, sink, to: morning)
        XCTAssertNil(app.notificationFailure)
        let reminders = try await app.client.reminders(now: morning)
        let future = Set(reminders.filter { $0.due.instant > morning.instant }.map { "rollsafe.reminder." + $0.id })
        let pendingNow = Set(await sink.pendingByID.keys.filter { $0.hasPrefix("rollsafe.reminder.") })
        XCTAssertEqual(pendingNow, future)
        let again = try await app.reminderScheduler.reconcile(now: morning)
        XCTAssertTrue(again.isEmpty, "\(again)")

        // History: everything, newest first.
        let kinds = app.history.entries.map { entry -> String in
            switch entry {
            case .session: return "session"
            case .cleaning: return "cleaning"
            case .report: return "report"
            case .alert: return "alert"
            }
        }
        XCTAssertEqual(kinds.first, "report")
        XCTAssertEqual(kinds.filter { $0 == "session" }.count, 2)
        XCTAssertEqual(kinds.filter { $0 == "cleaning" }.count, 2)
        XCTAssertTrue(kinds.contains("alert"))
        let times = app.history.entries.map(\.at.instant)
        XCTAssertEqual(times, times.sorted(by: >))

        // Share: the week as the PDF report (the default), a FHIR bundle describing it, and CSV
        // files, for the dermatologist.
        app.share.period = DateRange(from: CalendarDate(year: 2026, month: 3, day: 1), to: CalendarDate(year: 2026, month: 3, day: 7))
        XCTAssertTrue(app.share.formats.contains(.pdf), "the PDF report is made unless the user turns it off")
        app.share.paper = usualPaper(region: "CA")
        XCTAssertEqual(app.share.paper, .usLetter)
        let shareNow = moment("2026-03-05T09:30:00+01:00")
        let shared = await app.share.prepare(now: shareNow)
        XCTAssertTrue(shared, "\(String(describing: app.share.failure))")
        XCTAssertEqual(app.share.files.map(\.mediaType).prefix(2), ["application/pdf", "application/fhir+json"])
        let bundleFile = app.share.files[1]
        XCTAssertEqual(bundleFile.name, "rollsafe-2026-03-05-fhir.json")
        let bundle = try XCTUnwrap(try JSONSerialization.jsonObject(with: bundleFile.data) as? [String: Any])
        XCTAssertEqual(bundle["resourceType"] as? String, "Bundle")
        let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        // Sessions and cleanings are both Procedures; a session's code is home-microneedling.
        let sessions = resources.filter { resource in
            let coding = (resource["code"] as? [String: Any])?["coding"] as? [[String: Any]]
            return resource["resourceType"] as? String == "Procedure"
                && coding?.first?["code"] as? String == "home-microneedling"
        }
        XCTAssertEqual(sessions.count, 2, "both sessions")
        XCTAssertTrue(app.share.files.dropFirst(2).allSatisfy { $0.mediaType == "text/csv" })

        let pdfFile = app.share.files[0]
        XCTAssertEqual(pdfFile.name, "rollsafe-2026-03-05-report.pdf")
        XCTAssertTrue(pdfFile.data.starts(with: Data("%PDF-".utf8)))
        let clientPdf = try await app.client.reportPdf(
            options: ReportOptions(scope: app.share.scope, paper: .usLetter), now: shareNow)
        XCTAssertEqual(pdfFile.data, clientPdf, "the core's PDF, byte for byte, for the same options")
        let document = try XCTUnwrap(resources.first { $0["resourceType"] as? String == "DocumentReference" })
        let attachment = try XCTUnwrap(((document["content"] as? [[String: Any]])?.first)?["attachment"] as? [String: Any])
        XCTAssertEqual((attachment["size"] as? NSNumber)?.intValue, pdfFile.data.count, "the bundle describes this PDF")

        app.alertNotifier.stop()
        XCTAssertFalse(app.alertNotifier.isListening)
    }

    /// Time passes up to `now` (the system delivers what fell due), then the app refreshes after
    /// a change, as it does on every screen.
    private func passTime(_ app: AppModel, _ sink: RecordingSink, to now: Moment) async {
        await sink.advance(to: now)
        await app.afterChange(now: now)
    }

    private func answeredAllClear() -> PreCheckAnswers {
        var answers = PreCheckAnswers()
        answers.deviceCleaned = true
        answers.skinClean = true
        answers.activeBreakout = false
        answers.coldSore = false
        answers.openWound = false
        answers.sunburn = false
        return answers
    }
}
