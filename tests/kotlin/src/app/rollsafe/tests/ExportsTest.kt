// The exports are made by the core, so Kotlin must get exactly the bytes Rust
// gets: the fixed log of tests/exports/input.backup.json is restored here and
// every export compared byte for byte with tests/exports/expected (written by
// the Rust suite core/tests/golden_exports.rs).
package app.rollsafe.tests

import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Moment
import app.rollsafe.Paper
import app.rollsafe.ReportOptions
import app.rollsafe.openSealedExport
import app.rollsafe.sealExport
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.time.Instant

class ExportsTest {
    /** tests/exports, beside the scenarios directory the runner names. */
    private val exports: File = File(
        System.getProperty("rollsafe.scenarios") ?: error("the system property rollsafe.scenarios is not set"),
    ).absoluteFile.parentFile.resolve("exports")

    /** The moment every golden export is made at: 2026-11-22T10:00:00+01:00. */
    private val now = Moment(instant = Instant.parse("2026-11-22T09:00:00Z"), utcOffsetSeconds = 3600)

    private val everything = ExportScope(
        period = null,
        sections = ExportSections(
            profile = true, devices = true, sessions = true, cleanings = true,
            symptoms = true, alerts = true, carePlan = true,
        ),
        redactNotes = false,
        includePhotoReferences = false,
    )

    private fun restored(): RollSafeStore {
        val store = RollSafeStore.openInMemory()
        val result = store.importBackup(exports.resolve("input.backup.json").readBytes(), now)
        assertTrue(result.sessions.added > 0u, "the input holds sessions")
        return store
    }

    @Test
    fun `the backup of the restored log is the input, byte for byte`() {
        restored().use { store ->
            assertArrayEquals(
                exports.resolve("input.backup.json").readBytes(),
                store.exportBackup(null, now).toByteArray(Charsets.UTF_8),
            )
        }
    }

    @Test
    fun `the FHIR bundle is the one Rust makes`() {
        restored().use { store ->
            assertArrayEquals(
                exports.resolve("expected/fhir.json").readBytes(),
                store.exportFhir(everything, null, now).toByteArray(Charsets.UTF_8),
            )
        }
    }

    @Test
    fun `the CSV files are the ones Rust makes`() {
        restored().use { store ->
            val files = store.exportCsv(everything)
            val expected = exports.resolve("expected/csv").listFiles().orEmpty().map { it.name }.sorted()
            assertEquals(expected, files.map { it.name }.sorted())
            for (file in files) {
                assertArrayEquals(
                    exports.resolve("expected/csv/${file.name}").readBytes(),
                    file.contents.toByteArray(Charsets.UTF_8),
                    file.name,
                )
            }
        }
    }

    @Test
    fun `the PDF report is the one Rust makes`() {
        restored().use { store ->
            assertArrayEquals(
                exports.resolve("expected/report.pdf").readBytes(),
                store.reportPdf(ReportOptions(scope = everything, paper = Paper.A4), now),
            )
        }
    }

    @Test
    fun `a sealed export opens with its passphrase only`() {
        val pdf = exports.resolve("expected/report.pdf").readBytes()
        val sealed = sealExport(pdf, "correct horse battery")
        assertTrue(String(sealed.copyOfRange(0, 21), Charsets.US_ASCII) == "age-encryption.org/v1")
        assertArrayEquals(pdf, openSealedExport(sealed, "correct horse battery"))
        assertThrows(RollSafeException.ImportRejected::class.java) { openSealedExport(sealed, "wrong horse battery") }
        assertThrows(RollSafeException.InvalidInput::class.java) { sealExport(pdf, "short") }
    }

    @Test
    fun `a damaged backup is refused with its place and nothing changes`() {
        restored().use { store ->
            val before = store.exportBackup(null, now)
            val text = exports.resolve("input.backup.json").readText().replaceFirst("\"pain\": ", "\"pain\": 99, \"was\": ")
            val error = assertThrows(RollSafeException.ImportRejected::class.java) {
                store.importBackup(text.toByteArray(Charsets.UTF_8), now)
            }
            assertTrue(error.path.startsWith("$.sessions["), error.path)
            assertEquals(before, store.exportBackup(null, now))
        }
    }
}
