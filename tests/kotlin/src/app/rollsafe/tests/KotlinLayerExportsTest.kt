// The Kotlin layer's additions for the home screen and the exports, against the real Rust
// library: `today`, `exportBackup`, `importBackup`, `exportFhir` and `exportCsv` as suspend
// functions give exactly the generated store's answers, with the core's errors unchanged; and the java.time and section factories build what they say.
package app.rollsafe.tests

import app.rollsafe.CalendarDate
import app.rollsafe.DateRange
import app.rollsafe.DeviceKind
import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.all
import app.rollsafe.ktx.of
import app.rollsafe.ktx.toMoment
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.concurrent.Executors
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class KotlinLayerExportsTest {
    private fun paris(local: String): Moment = ZonedDateTime.of(LocalDateTime.parse(local), ZoneId.of("Europe/Paris")).toMoment()

    @Test
    fun `DateRange of local dates and every section`() {
        assertEquals(
            DateRange(CalendarDate(2026, 3u, 1u), CalendarDate(2026, 3u, 31u)),
            DateRange.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
        )
        assertEquals(ExportSections(true, true, true, true, true, true, true), ExportSections.all())
    }

    @Test
    fun `today and the exports give the store's answers, and its errors unchanged`() = runBlocking {
        val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "rollsafe-exports-dispatcher") }
        try {
            executor.asCoroutineDispatcher().use { dispatcher ->
                val store = RollSafeStore.openInMemory()
                RollSafe(store, dispatcher).use { rs ->
                    val now = paris("2026-03-05T10:00")
                    val device = NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller")
                    rs.addDevice(device, paris("2026-03-02T19:00"))

                    val today = rs.today(now)
                    assertEquals(store.today(now), today)
                    assertEquals(CalendarDate(2026, 3u, 5u), today.date)
                    assertEquals(1, today.devices.size)
                    assertTrue(today.skinChecksNote.isNotBlank())

                    val scope = ExportScope(
                        period = DateRange.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
                        sections = ExportSections.all(),
                        redactNotes = true,
                        includePhotoReferences = false,
                    )
                    assertEquals(store.exportFhir(scope, null, now), rs.exportFhir(scope, now = now))
                    assertEquals(store.exportCsv(scope), rs.exportCsv(scope))
                    val backup = rs.exportBackup(now = now)
                    assertEquals(store.exportBackup(null, now), backup)

                    // Into a fresh log, through the same wrappers, on the same dispatcher.
                    RollSafe(RollSafeStore.openInMemory(), dispatcher).use { fresh ->
                        val result = fresh.importBackup(backup.toByteArray(), now)
                        assertEquals(1u, result.devices.added)
                        assertEquals(backup, fresh.exportBackup(now = now))
                        // The core's errors come through unchanged.
                        val rejected = assertThrows(RollSafeException.ImportRejected::class.java) {
                            runBlocking { fresh.importBackup("{}".toByteArray(), now) }
                        }
                        assertTrue(rejected.path.startsWith("$"), rejected.path)
                    }
                    val reversed = scope.copy(period = DateRange.of(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-01")))
                    val invalid = assertThrows(RollSafeException.InvalidInput::class.java) {
                        runBlocking { rs.exportCsv(reversed) }
                    }
                    assertEquals("period.to", invalid.field)
                }
            }
        } finally {
            executor.shutdownNow()
        }
    }
}
