// The PDF report and the passphrase seal on the Share screen and in "Import a backup",
// against the real library: the PDF is the core's for the form's scope and paper, the FHIR
// bundle made with it describes it, a sealed export opens with its passphrase and imports,
// and what the core refuses (a wrong passphrase, a changed file, a short passphrase) is
// shown in its words with nothing imported. A confirmation that differs is refused here,
// before the core is asked anything. A sealed file is told by its bytes, not its name.
package app.rollsafe.demo.logic

import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Paper
import app.rollsafe.ReportOptions
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.ktx.RollSafe
import app.rollsafe.isSealed
import app.rollsafe.ktx.all
import app.rollsafe.openSealedExport
import app.rollsafe.sealExport
import com.google.gson.JsonParser
import java.security.MessageDigest
import java.util.Base64
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ShareReportAndSealTest {
    private val note = "Slight redness on the left cheek"
    private val now = paris("2026-03-05T10:00")
    private val prefix = "rollsafe-2026-03-05-"
    private val everything = ExportScope(null, ExportSections.all(), redactNotes = false, includePhotoReferences = false)
    private val passphrase = "plum tree at the clinic door"

    private fun String.startsWithAscii(bytes: ByteArray) = bytes.size >= length && String(bytes.copyOfRange(0, length), Charsets.US_ASCII) == this

    @Test
    fun `the PDF is the core's on the paper chosen, and the FHIR bundle describes it`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            // The app gives the paper from the phone's region; the PDF is on by default.
            val share = ShareState(rs, Paper.US_LETTER)
            assertEquals(Paper.US_LETTER, share.state.value.paper)
            assertTrue(ShareFormat.PDF in share.state.value.formats)
            share.toggleFormat(ShareFormat.CSV)
            share.export(now)
            val files = share.state.value.files
            assertNull(share.state.value.problem, "${share.state.value.problem}")
            assertEquals(listOf("${prefix}report.pdf", "${prefix}fhir.json"), files.map { it.name })

            val pdf = files.named("report.pdf")
            assertEquals("application/pdf", pdf.mimeType)
            assertTrue("%PDF-".startsWithAscii(pdf.bytes), "a PDF file")
            val letter = rs.reportPdf(ReportOptions(everything, Paper.US_LETTER), now)
            assertArrayEquals(letter, pdf.bytes, "the core's PDF for the form's scope and paper")

            // The bundle holds a DocumentReference describing that PDF: its size and SHA-1.
            val bundle = JsonParser.parseString(files.named("fhir.json").text()).asJsonObject
            val document = resources(bundle).single { it["resourceType"].asString == "DocumentReference" }
            val attachment = document.getAsJsonArray("content")[0].asJsonObject.getAsJsonObject("attachment")
            assertEquals(pdf.bytes.size.toLong(), attachment["size"].asLong)
            assertEquals("application/pdf", attachment["contentType"].asString)
            val sha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(pdf.bytes))
            assertEquals(sha1, attachment["hash"].asString)
            assertEquals(rs.exportFhir(everything, pdf.bytes, now), files.named("fhir.json").text())

            // Another paper reaches the core, and makes another PDF.
            share.setPaper(Paper.A4)
            assertTrue(share.state.value.files.isEmpty(), "an edit drops the old files")
            share.export(now)
            val a4 = share.state.value.files.named("report.pdf").bytes
            assertArrayEquals(rs.reportPdf(ReportOptions(everything, Paper.A4), now), a4)
            assertFalse(a4.contentEquals(letter), "A4 and US Letter differ")

            // Without the PDF, the bundle has no DocumentReference; and no PDF is made.
            share.toggleFormat(ShareFormat.PDF)
            share.export(now)
            val alone = share.state.value.files
            assertEquals(listOf("${prefix}fhir.json"), alone.map { it.name })
            val types = resources(JsonParser.parseString(alone.single().text()).asJsonObject).map { it["resourceType"].asString }
            assertFalse("DocumentReference" in types, "$types")

            // The PDF takes the form's privacy too: with notes withheld it is the core's PDF for
            // a withholding scope, not the one with the note.
            share.toggleFormat(ShareFormat.PDF)
            share.setPrivacy(redactNotes = true, includePhotoReferences = false)
            share.export(now)
            val redacted = everything.copy(redactNotes = true)
            assertArrayEquals(rs.reportPdf(ReportOptions(redacted, Paper.A4), now), share.state.value.files.named("report.pdf").bytes)
            assertFalse(share.state.value.files.named("report.pdf").bytes.contentEquals(a4))
        }
    }

    @Test
    fun `a sealed export opens with its passphrase and imports, and a wrong one imports nothing`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val share = ShareState(rs, Paper.A4)
            share.toggleFormat(ShareFormat.CSV)
            share.toggleFormat(ShareFormat.BACKUP)
            share.setSealed(true)
            share.setPassphrase(passphrase, passphrase)
            assertFalse(share.state.value.toString().contains(passphrase), "the passphrase is never in the state's text")
            share.export(now)
            val files = share.state.value.files
            assertNull(share.state.value.problem, "${share.state.value.problem}")
            assertEquals(
                listOf("report.pdf", "fhir.json", "backup.json").map { "$prefix$it.age" },
                files.map { it.name },
            )
            for (file in files) {
                assertEquals("application/octet-stream", file.mimeType, "the core's type for a sealed file")
                assertTrue("age-encryption.org/v1".startsWithAscii(file.bytes), "${file.name} is an age file")
                assertFalse(String(file.bytes, Charsets.ISO_8859_1).contains(note), "${file.name} shows the note")
            }
            // Inside: the very files an unsealed export makes (the PDF is deterministic).
            val pdf = openSealedExport(files.named("report.pdf.age").bytes, passphrase)
            assertArrayEquals(rs.reportPdf(ReportOptions(everything, Paper.A4), now), pdf)
            assertEquals(rs.exportFhir(everything, pdf, now), String(openSealedExport(files.named("fhir.json.age").bytes, passphrase), Charsets.UTF_8))
            val backup = rs.exportBackup(null, now)
            val sealedBackup = files.named("backup.json.age")

            RollSafe(RollSafeStore.openInMemory()).use { fresh ->
                var told = 0
                val importer = BackupImportState(fresh, LogChanged { told++ })
                // Picked: it waits for its passphrase; nothing is imported yet.
                importer.picked(sealedBackup.bytes, sealedBackup.name, now)
                assertEquals(sealedBackup.name, importer.state.value.sealedFile)
                assertNull(importer.state.value.result)
                assertTrue(fresh.devices().isEmpty())

                // A wrong passphrase: the core's reason, nothing imported, the file still waits.
                val wrong = "plum tree at the clinic gate"
                val coreSays = assertThrows(RollSafeException.ImportRejected::class.java) { openSealedExport(sealedBackup.bytes, wrong) }
                importer.setPassphrase(wrong)
                importer.openAndImport(now)
                importer.state.value.let { ui ->
                    val problem = present(ui.problem, "a wrong passphrase is refused")
                    assertTrue(problem.message.contains(coreSays.reason), "the core's words: ${problem.message}")
                    assertEquals("passphrase", problem.field)
                    assertNull(ui.result)
                    assertFalse(ui.importing)
                    assertEquals(sealedBackup.name, ui.sealedFile, "still waiting for the right passphrase")
                    assertFalse(ui.toString().contains(wrong))
                }
                assertTrue(fresh.devices().isEmpty() && fresh.sessions().isEmpty(), "nothing imported")
                assertEquals(0, told)

                // A file changed after sealing: refused too, in the core's words.
                val tampered = sealedBackup.bytes.copyOf().also { it[it.size - 20] = (it[it.size - 20].toInt() xor 1).toByte() }
                val changedSays = assertThrows(RollSafeException.ImportRejected::class.java) { openSealedExport(tampered, passphrase) }
                val other = BackupImportState(fresh)
                other.picked(tampered, "backup.json.AGE", now)
                other.setPassphrase(passphrase)
                other.openAndImport(now)
                assertTrue(present(other.state.value.problem).message.contains(changedSays.reason), "${other.state.value.problem}")
                assertTrue(fresh.devices().isEmpty(), "nothing imported")
                other.dismiss()
                assertEquals(ImportUi(), other.state.value)

                // The right passphrase: opened, imported, the same log.
                importer.setPassphrase(passphrase)
                assertNull(importer.state.value.problem, "typing drops the old problem")
                importer.openAndImport(now)
                importer.state.value.let { ui ->
                    assertNull(ui.problem, "${ui.problem}")
                    assertNull(ui.sealedFile)
                    assertEquals("", ui.passphrase, "the passphrase is forgotten once used")
                    assertEquals(1u, present(ui.result).sessions.added)
                }
                assertEquals(1, told, "the app is told the log changed")
                assertEquals(backup, fresh.exportBackup(null, now))
            }
        }
    }

    @Test
    fun `a sealed share carries the CSV set as one archive`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val share = ShareState(rs, Paper.A4)
            share.toggleFormat(ShareFormat.PDF)
            share.toggleFormat(ShareFormat.FHIR)
            share.setSealed(true)
            share.setPassphrase(passphrase, passphrase)
            share.export(now)
            val files = share.state.value.files
            assertNull(share.state.value.problem, "${share.state.value.problem}")
            assertEquals(listOf("${prefix}csv.zip.age"), files.map { it.name }, "one file, one passphrase")
            val opened = openSealedExport(files.single().bytes, passphrase)
            assertArrayEquals(rs.exportCsvArchive(everything, now), opened, "the core's archive of the CSV set")
            assertArrayEquals(byteArrayOf(0x50, 0x4b, 0x03, 0x04), opened.copyOf(4), "a ZIP file")
        }
    }

    @Test
    fun `a sealed file is told by its bytes, whatever its name`() = runBlocking {
        withLog { rs, _ ->
            aLoggedSession(rs, note)
            val backup = rs.exportBackup(null, now).toByteArray(Charsets.UTF_8)
            val sealed = sealExport(backup, passphrase)
            assertTrue(isSealed(sealed))
            assertFalse(isSealed(backup))

            RollSafe(RollSafeStore.openInMemory()).use { fresh ->
                // Renamed on the way (a mail app dropped `.age`): it still waits for its passphrase.
                val importer = BackupImportState(fresh)
                importer.picked(sealed, "backup.json", now)
                assertEquals("backup.json", importer.state.value.sealedFile)
                assertNull(importer.state.value.result)
                assertNull(importer.state.value.problem, "not handed to the import as a document")
                assertTrue(fresh.devices().isEmpty())
                importer.dismiss()

                // No name at all: the same, and the right passphrase imports it.
                importer.picked(sealed, null, now)
                assertEquals("This file", importer.state.value.sealedFile)
                importer.setPassphrase(passphrase)
                importer.openAndImport(now)
                assertNull(importer.state.value.problem, "${importer.state.value.problem}")
                assertEquals(1u, present(importer.state.value.result).sessions.added)
            }

            RollSafe(RollSafeStore.openInMemory()).use { fresh ->
                // A plain backup named `….age` is imported as it is: the name decides nothing.
                val importer = BackupImportState(fresh)
                importer.picked(backup, "backup.json.age", now)
                assertNull(importer.state.value.sealedFile)
                assertEquals(1u, present(importer.state.value.result).sessions.added)
            }
        }
    }

    @Test
    fun `passphrases that differ are refused before the core is asked, the length rule is the core's`() = runBlocking {
        val dispatcher = CountingDispatcher()
        RollSafe(RollSafeStore.openInMemory(), dispatcher).use { rs ->
            val share = ShareState(rs, Paper.A4)
            share.setSealed(true)
            share.setPassphrase(passphrase, "plum tree at the clinic").also { assertEquals(0, dispatcher.dispatched) }
            share.export(now)
            share.state.value.let { ui ->
                assertEquals("passphraseConfirmation", ui.problem?.field, "${ui.problem}")
                assertTrue(ui.files.isEmpty())
                assertFalse(ui.exporting)
            }
            assertEquals(0, dispatcher.dispatched, "the core was not asked anything")

            // Matching but short: the core refuses it, naming `passphrase`, in its words.
            val coreSays = assertThrows(RollSafeException.InvalidInput::class.java) { sealExport(ByteArray(1), "short") }
            share.setPassphrase("short", "short")
            share.export(now)
            share.state.value.let { ui ->
                assertEquals(coreSays.field, ui.problem?.field)
                assertEquals("passphrase", ui.problem?.field)
                assertEquals(coreSays.reason, ui.problem?.message)
                assertTrue(ui.files.isEmpty(), "no file leaves unsealed")
            }
            assertTrue(dispatcher.dispatched > 0, "this time the core was asked")

            // Sealing off: the passphrases no longer matter.
            share.setPassphrase("one", "another")
            share.setSealed(false)
            share.export(now)
            assertNull(share.state.value.problem, "${share.state.value.problem}")
            assertTrue(share.state.value.files.none { it.name.endsWith(".age") })
        }
    }
}
