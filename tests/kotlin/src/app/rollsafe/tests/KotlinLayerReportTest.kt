// The Kotlin layer's PDF report and passphrase seal, against the real Rust library:
// `reportPdf`, `seal` and `openSealed` are suspend functions that run on the dispatcher
// given and give exactly the core's answers, with its errors unchanged.
package app.rollsafe.tests

import app.rollsafe.DeviceKind
import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.Paper
import app.rollsafe.ReportOptions
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.all
import app.rollsafe.ktx.openSealed
import app.rollsafe.ktx.seal
import app.rollsafe.ktx.toMoment
import app.rollsafe.openSealedExport
import app.rollsafe.sealExport
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class KotlinLayerReportTest {
    private fun paris(local: String): Moment = ZonedDateTime.of(LocalDateTime.parse(local), ZoneId.of("Europe/Paris")).toMoment()

    private val passphrase = "correct horse battery staple"

    /** A single named thread, counting what is dispatched to it. */
    private class CountingDispatcher(private val inner: CoroutineDispatcher) : CoroutineDispatcher() {
        val dispatched = AtomicInteger()
        @Volatile var lastThread: String? = null

        override fun dispatch(context: CoroutineContext, block: Runnable) {
            dispatched.incrementAndGet()
            inner.dispatch(context) {
                lastThread = Thread.currentThread().name
                block.run()
            }
        }
    }

    private fun withDispatcher(block: suspend (CountingDispatcher) -> Unit) {
        val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "rollsafe-report-dispatcher") }
        try {
            executor.asCoroutineDispatcher().use { runBlocking { block(CountingDispatcher(it)) } }
        } finally {
            executor.shutdownNow()
        }
    }

    /** Runs [call] and checks it went through [dispatcher] (on its thread). */
    private suspend fun <T> on(dispatcher: CountingDispatcher, call: suspend () -> T): T {
        val before = dispatcher.dispatched.get()
        val result = call()
        assertTrue(dispatcher.dispatched.get() > before, "the call ran on the dispatcher given")
        assertEquals("rollsafe-report-dispatcher", dispatcher.lastThread)
        return result
    }

    @Test
    fun `reportPdf is the store's PDF, made on the dispatcher`() = withDispatcher { dispatcher ->
        val store = RollSafeStore.openInMemory()
        RollSafe(store, dispatcher).use { rs ->
            val now = paris("2026-03-05T10:00")
            rs.addDevice(NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller"), paris("2026-03-02T19:00"))
            val scope = ExportScope(null, ExportSections.all(), redactNotes = true, includePhotoReferences = false)
            for (paper in Paper.entries) {
                val options = ReportOptions(scope, paper)
                val pdf = on(dispatcher) { rs.reportPdf(options, now) }
                assertEquals("%PDF-", String(pdf.copyOfRange(0, 5), Charsets.US_ASCII))
                assertArrayEquals(store.reportPdf(options, now), pdf, "$paper")
            }
            // The core's error comes through unchanged.
            val reversed = scope.copy(period = app.rollsafe.DateRange(app.rollsafe.CalendarDate(2026, 3u, 31u), app.rollsafe.CalendarDate(2026, 3u, 1u)))
            val invalid = assertThrows(RollSafeException.InvalidInput::class.java) {
                runBlocking { rs.reportPdf(ReportOptions(reversed, Paper.A4), now) }
            }
            assertEquals("period.to", invalid.field)
        }
    }

    @Test
    fun `seal and openSealed are the core's age seal, on the dispatcher, errors unchanged`() = withDispatcher { dispatcher ->
        val bytes = "a FHIR bundle, or a PDF, or a backup".toByteArray()
        // The top-level functions, on the dispatcher given.
        val sealed = on(dispatcher) { seal(bytes, passphrase, dispatcher) }
        assertEquals("age-encryption.org/v1", String(sealed.copyOfRange(0, 21), Charsets.US_ASCII))
        assertArrayEquals(bytes, on(dispatcher) { openSealed(sealed, passphrase, dispatcher) })
        assertArrayEquals(bytes, openSealedExport(sealed, passphrase), "a file the generated binding opens")
        assertArrayEquals(bytes, openSealed(sealExport(bytes, passphrase), passphrase, dispatcher), "and the other way round")
        assertFalse(sealed.contentEquals(seal(bytes, passphrase, dispatcher)), "each seal uses a fresh key")

        // The members of RollSafe use its dispatcher.
        RollSafe(RollSafeStore.openInMemory(), dispatcher).use { rs ->
            val again = on(dispatcher) { rs.seal(bytes, passphrase) }
            assertArrayEquals(bytes, on(dispatcher) { rs.openSealed(again, passphrase) })

            // A wrong passphrase and a short one: the core's errors, unchanged.
            val wrong = assertThrows(RollSafeException.ImportRejected::class.java) {
                runBlocking { rs.openSealed(again, "correct horse battery stable") }
            }
            val direct = assertThrows(RollSafeException.ImportRejected::class.java) { openSealedExport(again, "correct horse battery stable") }
            assertEquals(direct.reason, wrong.reason)
            assertEquals(direct.path, wrong.path)
            assertTrue(wrong.reason.contains("passphrase"), wrong.reason)
            val short = assertThrows(RollSafeException.InvalidInput::class.java) {
                runBlocking { rs.seal(bytes, "too short") }
            }
            assertEquals("passphrase", short.field)
        }
    }
}
