// "Share with my dermatologist" and "Import a backup", against the real library: the
// files are the core's (a FHIR Bundle, its CSV files, its backup), the form's choices
// reach it (sections, notes withheld, period), a backup restores into a fresh log exactly,
// and a damaged backup is rejected with the place in it that is wrong, changing nothing.
package app.rollsafe.demo.logic

import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Paper
import app.rollsafe.PatientIdentity
import app.rollsafe.ProfileUpdate
import app.rollsafe.ReportOptions
import app.rollsafe.RollSafeStore
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.all
import com.google.gson.Gson
import com.google.gson.JsonParser
import java.time.LocalDate
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ShareAndImportTest {
    /** What the user typed about the session: it must not leave when notes are withheld. */
    private val note = "Tingling near my left ear, gone by morning"

    /** The moment of every export here, and the prefix of its file names. */
    private val now = paris("2026-03-05T10:00")
    private val prefix = "rollsafe-2026-03-05-"

    private val everything = ExportScope(null, ExportSections.all(), redactNotes = false, includePhotoReferences = false)

    @Test
    fun `the files are the core's - a FHIR Bundle, its CSV files and a backup that restores exactly`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val share = ShareState(rs, Paper.A4)
            share.toggleFormat(ShareFormat.BACKUP)
            rs.saveProfile(ProfileUpdate(null, emptyList(), PatientIdentity(name = "  Camille Martin ")), now)
            share.setIdentifyPatient(true)
            share.export(now)
            val ui = share.state.value
            assertNull(ui.problem, "${ui.problem}")
            assertFalse(ui.exporting)

            // The PDF report first: the core's, for the form's scope, on the paper given.
            val pdf = ui.files.first()
            assertEquals("${prefix}report.pdf", pdf.name)
            assertEquals("application/pdf", pdf.mimeType)
            val named = everything.copy(identifyPatient = true)
            assertArrayEquals(rs.reportPdf(ReportOptions(named, Paper.A4), now), pdf.bytes)
            assertFalse(rs.reportPdf(ReportOptions(everything, Paper.A4), now).contentEquals(pdf.bytes), "the report names the patient")

            // The FHIR bundle: a Bundle of type collection, with the patient and the session.
            val fhir = ui.files.named("fhir.json")
            assertEquals("${prefix}fhir.json", fhir.name)
            assertEquals("application/fhir+json", fhir.mimeType)
            val bundle = JsonParser.parseString(fhir.text()).asJsonObject
            assertEquals("Bundle", bundle["resourceType"].asString)
            assertEquals("collection", bundle["type"].asString)
            val types = resources(bundle).map { it["resourceType"].asString }
            assertTrue("Patient" in types && "Procedure" in types, "$types")
            val patient = resources(bundle).single { it["resourceType"].asString == "Patient" }
            assertTrue(patient.toString().contains("\"Camille Martin\""), "the trimmed name is on the Patient: $patient")
            assertTrue(fhir.text().contains(note), "notes are shared unless withheld")
            // Exactly what the core makes for the form's scope, describing the PDF it travels
            // with: the holder decides nothing.
            assertEquals(rs.exportFhir(named, pdf.bytes, now), fhir.text())

            // The CSV files: the core's, in its order, named after the date of the export.
            val csv = ui.files.filter { it.mimeType == "text/csv" }
            assertEquals(rs.exportCsv(everything).map { prefix + it.name }, csv.map { it.name })
            assertTrue(
                csv.map { it.name }.containsAll(listOf("devices.csv", "sessions.csv", "cleanings.csv").map { prefix + it }),
                "${csv.map { it.name }}",
            )
            assertEquals(rs.exportCsv(everything).map { it.contents }, csv.map { it.text() })

            // The backup, last; then the files are handed over and forgotten.
            val backup = ui.files.last()
            assertEquals("${prefix}backup.json", backup.name)
            assertEquals("application/json", backup.mimeType)
            assertEquals(1 + 1 + csv.size + 1, ui.files.size)
            assertEquals(rs.exportBackup(null, now), backup.text())
            share.handedOver()
            assertTrue(share.state.value.files.isEmpty())

            // The backup, imported into a fresh log, gives back the same backup.
            RollSafe(RollSafeStore.openInMemory()).use { fresh ->
                var told = 0
                val importer = BackupImportState(fresh, LogChanged { told++ })
                importer.import(backup.bytes, now)
                val result = present(importer.state.value.result, "${importer.state.value.problem}")
                assertNull(importer.state.value.problem)
                assertEquals(1u, result.devices.added)
                assertEquals(1u, result.sessions.added)
                assertEquals(2u, result.cleanings.added)
                assertEquals(1, told, "the app is told the log changed")
                assertEquals(backup.text(), fresh.exportBackup(null, now))
                assertEquals(
                    listOf("Devices", "Sessions", "Cleanings", "Symptom reports", "Alerts", "Profile revisions", "Care plans"),
                    result.rows().map { it.what },
                )
                // Importing it again adds nothing: merged by stable ids.
                importer.import(backup.bytes, now)
                val again = present(importer.state.value.result)
                assertEquals(0u, again.sessions.added)
                assertEquals(1u, again.sessions.unchanged)
                assertEquals(backup.text(), fresh.exportBackup(null, now))
            }
        }
    }

    @Test
    fun `withheld notes leave in no shared file but the backup, which the screen says keeps them`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val share = ShareState(rs, Paper.A4)
            share.setPrivacy(redactNotes = true, includePhotoReferences = false)
            share.toggleFormat(ShareFormat.BACKUP)
            share.export(now)
            val files = share.state.value.files
            assertNull(share.state.value.problem)
            val (backups, shared) = files.partition { it.name.endsWith("backup.json") }
            for (file in shared) assertFalse(file.text().contains(note), "${file.name} holds the note")
            val withheld = "[note withheld by the user]"
            assertTrue(shared.single { it.name.endsWith("fhir.json") }.text().contains(withheld))
            assertTrue(shared.single { it.name.endsWith("-sessions.csv") }.text().contains(withheld))
            // A backup is a complete copy: it keeps the note (ShareFormat.BACKUP says so).
            assertTrue(backups.single().text().contains(note))
        }
    }

    @Test
    fun `the sections and the period reach the core, which checks them`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val share = ShareState(rs, Paper.A4)
            share.setSections { it.copy(sessions = false) }
            share.export(now)
            val files = share.state.value.files
            assertTrue(files.none { it.name.endsWith("-sessions.csv") }, "${files.map { it.name }}")
            // The cleanings stay (their section is on): Procedures too, but none of a session.
            val sessions = resources(JsonParser.parseString(files.named("fhir.json").text()).asJsonObject)
                .filter { it["resourceType"].asString == "Procedure" && procedureCode(it) == "home-microneedling" }
            assertTrue(sessions.isEmpty(), "no session in the bundle: $sessions")

            // Any edit drops the files made from the old form.
            share.setSections { it.copy(sessions = true) }
            assertTrue(share.state.value.files.isEmpty())

            // Half a period is an unfinished form; a reversed one the core refuses, by name.
            share.setPeriod(LocalDate.parse("2026-03-01"), null)
            share.export(now)
            assertEquals("period.to", share.state.value.problem?.field)
            assertTrue(share.state.value.files.isEmpty())
            share.setPeriod(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-01"))
            share.export(now)
            assertEquals("period.to", share.state.value.problem?.field, "${share.state.value.problem}")
            assertTrue(share.state.value.files.isEmpty())
            assertFalse(share.state.value.exporting)

            // A period without the session: the bundle has no Procedure, the backup no session.
            share.setPeriod(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-05"))
            share.toggleFormat(ShareFormat.BACKUP)
            share.export(now)
            val inPeriod = share.state.value.files
            assertNull(share.state.value.problem)
            val periodTypes = resources(JsonParser.parseString(inPeriod.named("fhir.json").text()).asJsonObject).map { it["resourceType"].asString }
            assertFalse("Procedure" in periodTypes, "$periodTypes")
            val backup = JsonParser.parseString(inPeriod.last().text()).asJsonObject
            assertEquals(0, backup.getAsJsonArray("sessions").size())

            // No format: nothing to ask the core for.
            ShareFormat.entries.filter { it in share.state.value.formats }.forEach(share::toggleFormat)
            share.export(now)
            assertEquals("formats", share.state.value.problem?.field)
        }
    }

    @Test
    fun `a damaged backup is rejected with its place in the file, and nothing changes`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val backup = rs.exportBackup(null, now)
            val doc = JsonParser.parseString(backup).asJsonObject
            doc.getAsJsonArray("sessions")[0].asJsonObject
                .getAsJsonArray("versions")[0].asJsonObject
                .addProperty("pain", "a lot")
            val damaged = Gson().toJson(doc).toByteArray(Charsets.UTF_8)
            val where = "$.sessions[0].versions[0].pain"

            // Into a fresh log: rejected, named, and the log stays empty.
            RollSafe(RollSafeStore.openInMemory()).use { fresh ->
                var told = 0
                val importer = BackupImportState(fresh, LogChanged { told++ })
                val before = fresh.exportBackup(null, now)
                importer.import(damaged, now)
                val ui = importer.state.value
                assertNull(ui.result)
                assertFalse(ui.importing)
                val problem = present(ui.problem, "the import was refused")
                assertEquals(where, problem.field)
                assertTrue(problem.message.contains(where) && problem.message.contains("Nothing was changed"), problem.message)
                assertEquals(before, fresh.exportBackup(null, now))
                assertTrue(fresh.devices().isEmpty() && fresh.sessions().isEmpty())
                assertEquals(0, told, "nothing changed, so the app is not told")
                importer.dismiss()
                assertEquals(ImportUi(), importer.state.value)
            }

            // Into the log it came from: the same refusal, and the log is as it was.
            val importer = BackupImportState(rs)
            importer.import(damaged, paris("2026-03-05T10:01"))
            assertEquals(where, importer.state.value.problem?.field)
            assertEquals(backup, rs.exportBackup(null, now))

            // Bytes that are not JSON at all are refused too, with a place.
            importer.import("not a backup".toByteArray(), paris("2026-03-05T10:02"))
            val notJson = present(importer.state.value.problem)
            assertTrue(notJson.field?.startsWith("$") == true, "$notJson")
            assertEquals(backup, rs.exportBackup(null, now))
        }
    }
}
