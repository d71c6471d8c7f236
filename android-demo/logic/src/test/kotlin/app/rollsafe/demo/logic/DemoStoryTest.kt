// One user's first days, driven through the demo's state holders exactly as its screens
// would drive them, against the real Rust library: profile and settings, a device, a
// soak and a cleaning, a session, a blocked session (rest interval) overridden only
// after explicit acknowledgement, a symptom report, risk rises arriving through the
// alert Flow as notifications, reminders reconciled by id, the device replaced, and the
// log shared with the dermatologist as the core's PDF report with its FHIR bundle.
package app.rollsafe.demo.logic

import app.rollsafe.AlertKind
import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.Condition
import app.rollsafe.DeviceKind
import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.NeedleMaterial
import app.rollsafe.Paper
import app.rollsafe.PreChecks
import app.rollsafe.Product
import app.rollsafe.ProductCategory
import app.rollsafe.ProductTiming
import app.rollsafe.QuietHours
import app.rollsafe.ReminderKind
import app.rollsafe.ReportOptions
import app.rollsafe.RiskLevel
import app.rollsafe.SkinType
import app.rollsafe.Symptom
import app.rollsafe.SymptomTrend
import app.rollsafe.TriageLevel
import app.rollsafe.ktx.all
import app.rollsafe.ktx.allClear
import app.rollsafe.ktx.source
import app.rollsafe.ktx.toLocalDate
import com.google.gson.JsonParser
import java.time.LocalDate
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class DemoStoryTest {
    private fun app.rollsafe.Moment.plusSeconds(s: Long) = app.rollsafe.Moment(instant.plusSeconds(s), utcOffsetSeconds)

    @Test
    fun `a user's first days through every screen`() = runBlocking {
        withLog { rs, _ ->
            val sink = RecordingSink()
            val notifications = Notifications(rs, sink)
            // As the app wires it: every change reconciles the notifications at once.
            val changes = mutableListOf<app.rollsafe.Moment>()
            // The app reconciles at its clock's reading just after the change; the core counts
            // what happened strictly before the moment asked about, so here: a second later.
            val changed = LogChanged { now -> changes += now; notifications.reconcile(now.plusSeconds(1), PARIS) }
            val today = TodayState(rs, changed)
            val settings = SettingsState(rs, changed)
            val devices = DevicesState(rs, changed)
            val clean = CleanState(rs, changed)
            val log = LogSessionState(rs, changed)
            val report = ReportSymptomsState(rs, changed)
            val history = HistoryState(rs)

            // The app's alert collectors, running for the whole story.
            val shower = launch(start = CoroutineStart.UNDISPATCHED) { notifications.showAlerts() }
            val watcher = launch(start = CoroutineStart.UNDISPATCHED) { today.watchAlerts() }
            letCollectorsStart()

            // --- Monday 2 March, evening: settings, profile and care plan.
            settings.load()
            assertNull(settings.state.value.savedProfile)
            settings.setSkinType(SkinType.III)
            settings.answer(Condition.COLD_SORES, Answer(present = false))
            settings.answer(Condition.ISOTRETINOIN, Answer(present = false))
            settings.saveProfile(paris("2026-03-02T19:00"))
            assertNull(settings.state.value.problem)
            assertEquals(SkinType.III, settings.state.value.savedProfile?.skinType)
            settings.setQuietHours(QuietHours(startMinute = (22 * 60).toUShort(), endMinute = (7 * 60).toUShort()), paris("2026-03-02T19:01"))
            settings.editCarePlan {
                it.copy(setBy = "Dr Amara Osei, dermatologist", rest = mapOf(BodyRegion.FACE to 7u), avoidProducts = listOf(ProductCategory.RETINOID))
            }
            settings.saveCarePlan(paris("2026-03-02T19:02"))
            assertNull(settings.state.value.problem, "${settings.state.value.problem}")
            assertEquals("Dr Amara Osei, dermatologist", settings.state.value.savedCarePlan?.setBy)

            // --- A new face roller.
            devices.editForm { it.copy(kind = DeviceKind.ROLLER, needleLengthMm = 0.25, material = NeedleMaterial.TITANIUM, nickname = " Face roller ") }
            val added = devices.add(paris("2026-03-02T19:05"))
            assertNotNull(added)
            val faceId = added!!.device.id
            assertEquals("Face roller", added.device.nickname)
            assertEquals(listOf(faceId), devices.state.value.active.map { it.device.id })

            // --- Clean: a 20-minute soak whose end the core turns into a reminder.
            clean.load()
            assertEquals(faceId, clean.state.value.deviceId, "the only device is chosen")
            clean.startSoak(paris("2026-03-02T19:10"))
            val soak = clean.state.value.soak
            assertNotNull(soak, "${clean.state.value.problem}")
            val soakReminder = present(soak!!.finished, "the core gave the soak's reminder")
            assertEquals(ReminderKind.SOAK_FINISHED, soakReminder.kind)
            assertEquals(paris("2026-03-02T19:30").instant, soakReminder.due.instant)
            assertTrue(sink.scheduled().any { it.id == soakReminder.id }, "the soak's end is scheduled: ${sink.scheduled()}")
            clean.record(paris("2026-03-02T19:32"))
            assertNull(clean.state.value.problem)
            assertTrue(clean.state.value.recorded!!.adequate, "a 20-minute isopropyl soak counts")
            assertEquals(paris("2026-03-02T19:10"), clean.state.value.recorded!!.cleaning.at, "the soak began with the timer")
            assertNull(clean.state.value.soak)
            assertTrue(soakReminder.id in sink.cancelCalls(), "logging the cleaning stopped the timer and its notification")

            // --- Today, before the first session: one call, and the core answers per region.
            today.refresh(paris("2026-03-02T19:45"))
            today.state.value.let { ui ->
                assertEquals(LocalDate.parse("2026-03-02"), present(ui.date).toLocalDate())
                val face = ui.devices.single()
                assertEquals(faceId, face.overview.device.id)
                // A roller is for every region; never used, so each is free (as far as the log knows).
                assertEquals(BodyRegion.entries.toSet(), face.regions.map { it.region }.toSet())
                assertTrue(face.regions.all { it.verdict.allowed }, "${face.regions}")
                assertTrue(face.mayUseNow)
                assertNull(face.nextAllowedDate)
                // The skin checks come when logging, and the screen says so beside the answers.
                assertTrue(ui.skinChecksNote.contains("skin"), ui.skinChecksNote)
                val assessment = present(ui.assessment)
                assertEquals(RiskLevel.LOW, assessment.preventive.level)
                assertTrue(assessment.disclaimer.isNotBlank())
            }

            // --- Log a session: the verdict comes before anything is saved.
            log.load()
            assertEquals(faceId, log.state.value.form.deviceId)
            log.toggleZone(BodyZone.CHEEKS)
            log.toggleZone(BodyZone.FOREHEAD)
            log.setPreChecks(PreChecks.allClear())
            log.addProduct(Product("Hyaluronic acid serum", ProductTiming.AFTER, listOf(ProductCategory.HYALURONIC_ACID)))
            log.save(paris("2026-03-02T20:00"))
            assertNull(log.state.value.saved, "the first save only shows the verdict")
            assertTrue(log.state.value.verdict!!.allowed, "${log.state.value.verdict}")
            assertTrue(log.state.value.canSave)
            log.save(paris("2026-03-02T20:00"))
            val first = present(log.state.value.saved, "${log.state.value.problem}")
            assertEquals(listOf(BodyZone.CHEEKS, BodyZone.FOREHEAD).sorted(), first.session.zones.sorted())
            assertTrue(first.session.overrides.isEmpty())
            val afterSession = sink.scheduled().map { it.kind }
            assertTrue(ReminderKind.CLEAN_AFTER_SESSION in afterSession, "$afterSession")
            assertTrue(ReminderKind.CHECK_IN24H in afterSession, "$afterSession")

            clean.record(paris("2026-03-02T20:30"))
            assertTrue(sink.scheduled().none { it.kind == ReminderKind.CLEAN_AFTER_SESSION }, "cleaned: ${sink.scheduled()}")

            // --- Today after it: the face rests (the care plan's 7 days); the core says until
            // when, and that the scalp and the body, not needled, are free.
            today.refresh(paris("2026-03-02T20:35"))
            val rest = today.state.value.devices.single()
            val faceVerdict = rest.regions.single { it.region == BodyRegion.FACE }.verdict
            assertFalse(faceVerdict.allowed)
            assertTrue(faceVerdict.findings.any { it.code == "interval_not_elapsed" }, "${faceVerdict.findings}")
            val nextAllowed = present(faceVerdict.nextAllowedDate).toLocalDate()
            assertEquals(LocalDate.parse("2026-03-09"), nextAllowed, "the care plan's 7 days on the face")
            assertTrue(rest.regions.filter { it.region != BodyRegion.FACE }.all { it.verdict.allowed }, "${rest.regions}")
            assertTrue(rest.mayUseNow)
            assertNull(rest.nextAllowedDate, "a region is free now, so no device-wide next day")

            // --- Tuesday: a blocked session. Nothing is saved until each blocker is acknowledged.
            val tuesday = paris("2026-03-03T20:00")
            log.toggleZone(BodyZone.CHEEKS)
            log.setPreChecks(PreChecks.allClear())
            log.check(tuesday)
            val blocked = log.state.value
            assertFalse(blocked.verdict!!.allowed)
            assertTrue(blocked.blockers.any { it.code == "interval_not_elapsed" }, "${blocked.blockers}")
            assertTrue(blocked.blockers.all { it.message.isNotBlank() && it.source.citation.isNotBlank() })
            assertFalse(blocked.canSave)
            log.save(tuesday)
            assertNull(log.state.value.saved, "refused without acknowledgement")
            assertNotNull(log.state.value.problem)
            assertEquals(1, rs.sessions().size, "the core recorded nothing")
            log.acknowledge("not_a_blocker_code", true)
            assertTrue(log.state.value.acknowledged.isEmpty(), "only the verdict's blockers can be acknowledged")
            log.state.value.blockers.forEach { log.acknowledge(it.code, true) }
            assertTrue(log.state.value.canSave)
            log.save(tuesday)
            val overridden = present(log.state.value.saved, "${log.state.value.problem}")
            assertEquals(blocked.blockers.map { it.code }.toSet(), overridden.session.overrides.map { it.code }.toSet())
            assertEquals(2, rs.sessions().size)
            clean.record(paris("2026-03-03T20:40"))

            // --- The user lends the roller: the core raises the preventive risk, the alert
            // arrives through the Flow as a notification and on Today.
            val shared = devices.setShared(faceId, true, paris("2026-03-03T21:00"))
            val preventiveRise = shared!!.alerts.single { it.rising && it.kind == AlertKind.PREVENTIVE }
            eventually("the preventive rise is shown") { sink.shown().any { it.alertId == preventiveRise.id } }
            sink.shown().single { it.alertId == preventiveRise.id }.let {
                assertEquals(preventiveRise.title, it.title)
                assertEquals(preventiveRise.toLevel, it.level)
                assertEquals(preventiveRise.reasons.joinToString("\n") { r -> r.text }, it.text)
            }
            eventually("Today's banner shows the rise") { today.state.value.latestAlert?.id == preventiveRise.id }
            assertTrue(today.state.value.openAlerts.any { it.id == preventiveRise.id })

            // --- Wednesday morning: redness and small blisters on the cheeks, with a photo.
            val wednesday = paris("2026-03-04T09:00")
            report.toggleZone(BodyZone.CHEEKS)
            report.toggleSymptom(Symptom.REDNESS)
            report.rateSymptom(Symptom.BLISTERS, 4u)
            report.submit(wednesday)
            assertEquals("overall_severity", report.state.value.problem?.field, "the overall severity is asked for")
            report.setOverallSeverity(6u)
            report.setTrend(SymptomTrend.SAME)
            report.setPhoto(photoRefOf("photos/2026-03-04-cheeks.jpg", "not really a jpeg".byteInputStream()))
            report.submit(wednesday)
            val saved = present(report.state.value.saved, "${report.state.value.problem}")
            assertEquals(overridden.session.id, saved.sessionId, "linked to Tuesday's session")
            assertEquals("photos/2026-03-04-cheeks.jpg", saved.photos.single().file)
            assertEquals(SymptomTrend.SAME, saved.trend, "the user's own comparison is kept")
            val triage = report.state.value.assessment!!.triage
            assertEquals(TriageLevel.AMBER, triage.level, "blisters: possible cold sore signs: $triage")
            assertTrue(triage.prompts.all { it.advice.isNotBlank() })
            val triageRise = rs.withStore { it.alertHistory() }.last { it.rising && it.kind == AlertKind.TRIAGE }
            eventually("the triage rise is shown") { sink.shown().any { it.alertId == triageRise.id } }

            // Every rise in the log was shown once, and nothing else.
            val rises = rs.withStore { it.alertHistory() }.filter { it.rising }.map { it.id }
            assertEquals(rises.sorted(), sink.shown().map { it.alertId }.sorted())

            // --- Today on Wednesday: the risk with its reasons, the open alerts, acknowledged.
            today.refresh(paris("2026-03-04T09:05"))
            today.state.value.let { ui ->
                val assessment = present(ui.assessment)
                assertTrue(assessment.preventive.level != RiskLevel.LOW)
                assertTrue(assessment.preventive.factors.isNotEmpty())
                assertEquals(triage.level, assessment.triage.level)
                assertEquals(rs.openAlerts().map { it.id }, ui.openAlerts.map { it.id })
                assertTrue(ui.reminders.isNotEmpty())
            }
            for (alert in today.state.value.openAlerts) today.acknowledge(alert.id, paris("2026-03-04T09:06"))
            assertTrue(today.state.value.openAlerts.isEmpty())
            assertNull(today.state.value.latestAlert)

            // --- Devices: the needles look bent; the roller is replaced.
            devices.setShared(faceId, false, paris("2026-03-04T09:10"))
            val damaged = devices.flagDamaged(faceId, paris("2026-03-04T09:11"))
            assertTrue(damaged!!.device.damaged)
            assertTrue(devices.state.value.active.single().replacement.due)
            devices.editForm { it.copy(nickname = "Face roller 2", material = NeedleMaterial.TITANIUM) }
            val replacement = devices.replace(faceId, paris("2026-03-04T09:12"))!!
            devices.state.value.let { ui ->
                assertEquals(listOf(replacement.device.id), ui.active.map { it.device.id })
                assertEquals(listOf(faceId), ui.retired.map { it.device.id })
                assertEquals("Replaced by Face roller 2", ui.retired.single().device.retiredReason)
            }
            today.refresh(paris("2026-03-04T09:15"))
            assertEquals(listOf(replacement.device.id), today.state.value.devices.map { it.overview.device.id })

            // --- History holds it all.
            history.refresh()
            history.state.value.let { ui ->
                assertEquals(2, ui.sessions.size)
                assertEquals(3, ui.cleanings[faceId]!!.size)
                assertTrue(ui.cleanings[replacement.device.id]!!.isEmpty())
                assertEquals(listOf(saved.id), ui.reports.map { it.id })
                assertTrue(ui.alerts.count { it.rising } >= 2)
                assertEquals("Face roller", ui.deviceName(faceId))
            }

            // --- The phone's notifications match the core's reminders, by id.
            val end = paris("2026-03-04T09:20")
            notifications.reconcile(end, PARIS)
            assertEquals(rs.reminders(end).map { it.id }.sorted(), sink.scheduled().map { it.id }.sorted())
            val again = notifications.reconcile(end, PARIS)
            assertTrue(again.isEmpty, "a second reconcile changes nothing: $again")
            assertTrue(changes.size >= 10, "every change told the app: ${changes.size}")

            // --- Share with the dermatologist: the PDF report (on by default, on the paper the
            // app chose from the phone's region), and the FHIR bundle that describes it.
            val share = ShareState(rs, Paper.A4)
            share.export(end)
            val sharedFiles = share.state.value.files
            assertNull(share.state.value.problem, "${share.state.value.problem}")
            val pdf = sharedFiles.named("report.pdf")
            assertEquals("rollsafe-2026-03-04-report.pdf", pdf.name)
            assertEquals("%PDF-", String(pdf.bytes.copyOfRange(0, 5), Charsets.US_ASCII))
            val everything = ExportScope(null, ExportSections.all(), redactNotes = false, includePhotoReferences = false)
            assertArrayEquals(rs.reportPdf(ReportOptions(everything, Paper.A4), end), pdf.bytes, "the core decides every byte")
            val bundle = JsonParser.parseString(sharedFiles.named("fhir.json").text()).asJsonObject
            val document = resources(bundle).single { it["resourceType"].asString == "DocumentReference" }
            val attachment = document.getAsJsonArray("content")[0].asJsonObject.getAsJsonObject("attachment")
            assertEquals(pdf.bytes.size.toLong(), attachment["size"].asLong)
            share.handedOver()
            assertTrue(share.state.value.files.isEmpty())

            shower.cancelAndJoin()
            watcher.cancelAndJoin()
        }
    }
}
