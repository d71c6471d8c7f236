// Shared by the demo logic tests: fixed moments in Paris (time is an input), a real log
// in a temporary file, one session logged through the holders, a recording notification
// sink (the one fake: it stands for the phone, not for the core), a dispatcher that counts
// the calls sent to it, and a bounded wait for what arrives through a Flow.
package app.rollsafe.demo.logic

import app.rollsafe.BodyZone
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.PreChecks
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.allClear
import app.rollsafe.ktx.toMoment
import com.google.gson.JsonObject
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertTrue

/** The phone's time zone in these tests. */
val PARIS: ZoneId = ZoneId.of("Europe/Paris")

/** The moment of local date-time [local] (ISO, e.g. `2026-03-02T20:00`) in Paris. */
fun paris(local: String): Moment = ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toMoment()

/** Opens a fresh log in a new temporary folder, runs [block], then closes and deletes it. */
suspend fun <T> withLog(block: suspend (RollSafe, Path) -> T): T {
    val dir = Files.createTempDirectory("rollsafe-demo")
    try {
        return RollSafe.open(dir.resolve("rollsafe.sqlite3").toString()).use { block(it, dir) }
    } finally {
        dir.toFile().deleteRecursively()
    }
}

/** Waits (at most [seconds]) until [condition] holds, letting other coroutines run. */
suspend fun eventually(what: String, seconds: Long = 10, condition: () -> Boolean) {
    try {
        withTimeout(seconds * 1000) {
            while (!condition()) delay(10)
        }
    } catch (e: kotlinx.coroutines.TimeoutCancellationException) {
        assertTrue(false, "still not true after $seconds s: $what")
    }
}

/** [value], failing the test with [message] when it is null. */
fun <T : Any> present(value: T?, message: String = "expected a value"): T {
    assertTrue(value != null, message)
    return value!!
}

/**
 * A roller, cleaned before and after one session on the cheeks (with [note]) on 2 March,
 * all through the holders.
 */
suspend fun aLoggedSession(rs: RollSafe, note: String) {
    rs.addDevice(NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller"), paris("2026-03-02T19:00"))
    CleanState(rs).apply { load(); record(paris("2026-03-02T19:30")) }
    val log = LogSessionState(rs)
    log.load()
    log.toggleZone(BodyZone.CHEEKS)
    log.setPreChecks(PreChecks.allClear())
    log.setDetails(passes = 4u, pain = 2u, notes = note)
    log.check(paris("2026-03-02T20:00"))
    assertTrue(log.state.value.verdict!!.allowed, "${log.state.value.verdict}")
    log.save(paris("2026-03-02T20:00"))
    present(log.state.value.saved, "${log.state.value.problem}")
    // Cleaned straight after use. (Left uncleaned, time alone raises the preventive risk;
    // a log not re-assessed since would get that rise on import, as of the import's now.)
    CleanState(rs).apply { load(); record(paris("2026-03-02T20:30")) }
}

/** The one file whose name ends with [suffix]. */
fun List<ExportedFile>.named(suffix: String): ExportedFile = single { it.name.endsWith(suffix) }

/** The resources of a FHIR bundle's entries, in order. */
fun resources(bundle: JsonObject): List<JsonObject> =
    bundle.getAsJsonArray("entry").map { it.asJsonObject.getAsJsonObject("resource") }

/** The first code of a FHIR Procedure: `home-microneedling` for a session, `device-cleaning` for a cleaning. */
fun procedureCode(procedure: JsonObject): String =
    procedure.getAsJsonObject("code").getAsJsonArray("coding")[0].asJsonObject["code"].asString

/**
 * [Dispatchers.IO], counting what is dispatched to it: a `RollSafe` on it shows whether a
 * holder called into the core at all.
 */
class CountingDispatcher : CoroutineDispatcher() {
    private val count = AtomicInteger()

    /** How many blocks were dispatched so far. */
    val dispatched: Int get() = count.get()

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        count.incrementAndGet()
        Dispatchers.IO.dispatch(context, block)
    }
}

/** Lets a just-launched collector register its listener with the core. */
suspend fun letCollectorsStart() = repeat(5) { kotlinx.coroutines.yield() }

/**
 * The phone's notifications, recorded: what is scheduled (by id), and every call made.
 * Thread-safe, as a real sink must be.
 */
class RecordingSink : NotificationSink {
    private val lock = Any()
    private val current = LinkedHashMap<String, ScheduledReminder>()
    private val scheduleCalls = mutableListOf<ScheduledReminder>()
    private val cancelCalls = mutableListOf<String>()
    private val shown = mutableListOf<AlertNotification>()

    override fun scheduled(): List<ScheduledReminder> = synchronized(lock) { current.values.toList() }

    override fun schedule(reminder: ScheduledReminder) = synchronized(lock) {
        current[reminder.id] = reminder
        scheduleCalls += reminder
    }

    override fun cancel(id: String) = synchronized(lock) {
        current.remove(id)
        cancelCalls += id
        Unit
    }

    override fun showAlert(alert: AlertNotification) = synchronized(lock) { shown += alert; Unit }

    /** Every [schedule] call so far. */
    fun scheduleCalls(): List<ScheduledReminder> = synchronized(lock) { scheduleCalls.toList() }

    /** Every [cancel] call so far. */
    fun cancelCalls(): List<String> = synchronized(lock) { cancelCalls.toList() }

    /** Every alert shown so far. */
    fun shown(): List<AlertNotification> = synchronized(lock) { shown.toList() }
}
