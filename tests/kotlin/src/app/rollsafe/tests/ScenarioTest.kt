// Runs the shared scenarios of tests/scenarios (format: tests/scenarios/README.md)
// through the generated Kotlin bindings, against the real Rust library loaded
// by JNA: one dynamic test per scenario file, each on a fresh in-memory store.
//
// The runner is strict: an unknown `do`, an unknown key (in a step, in its
// inputs or in its expectations), a value of the wrong type or an unknown
// enum code fails the scenario; nothing is ignored.
package app.rollsafe.tests

import app.rollsafe.Alert
import app.rollsafe.AlertListener
import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.CalendarDate
import app.rollsafe.CarePlan
import app.rollsafe.CarePlanNeedleLimit
import app.rollsafe.CarePlanRest
import app.rollsafe.CleaningMethod
import app.rollsafe.CleaningState
import app.rollsafe.Condition
import app.rollsafe.ConditionAnswer
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.NewSymptomReport
import app.rollsafe.PreChecks
import app.rollsafe.Product
import app.rollsafe.ProductCategory
import app.rollsafe.ProductTiming
import app.rollsafe.ProfileUpdate
import app.rollsafe.PusColour
import app.rollsafe.PusConsistency
import app.rollsafe.PusDescription
import app.rollsafe.QuietHours
import app.rollsafe.Reminder
import app.rollsafe.ReminderKind
import app.rollsafe.ReportKind
import app.rollsafe.ReportedSymptom
import app.rollsafe.RiskLevel
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import app.rollsafe.SessionVerdict
import app.rollsafe.Severity
import app.rollsafe.SkinType
import app.rollsafe.Symptom
import app.rollsafe.SymptomTrend
import app.rollsafe.TriageLevel
import com.google.gson.Gson
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonPrimitive
import com.google.gson.stream.JsonReader
import com.google.gson.stream.JsonToken
import java.io.File
import java.io.StringReader
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDateTime
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

class ScenarioTest {
    /** One test per `*.json` file in the directory named by `-Drollsafe.scenarios`, by file name. */
    @TestFactory
    fun scenarios(): List<DynamicTest> {
        val dirName = System.getProperty("rollsafe.scenarios")
        if (dirName.isNullOrBlank()) {
            return listOf(failing("the system property rollsafe.scenarios is not set"))
        }
        val dir = File(dirName)
        if (!dir.isDirectory) return listOf(failing("no scenarios directory at $dir"))
        val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
        if (files.isEmpty()) return listOf(failing("no *.json scenario in $dir"))
        return files.map { file ->
            DynamicTest.dynamicTest(file.name.removeSuffix(".json"), file.toURI()) { ScenarioRun(file).run() }
        }
    }

    private fun failing(why: String): DynamicTest =
        DynamicTest.dynamicTest("scenarios directory") { fail<Unit>("scenarios: $why") }
}

/** The scenario is malformed, or a step went so wrong that later steps cannot be trusted. */
private class StopScenario(message: String) : Exception(message)

/** A JSON object whose keys must all be read: [done] fails on any key nobody asked for. */
private class Obj(val json: JsonObject, val where: String) {
    private val read = mutableSetOf<String>()

    fun has(key: String): Boolean {
        read += key
        return json.has(key)
    }

    /** The value of `key`; absent and JSON null are both null. */
    fun opt(key: String): JsonElement? {
        read += key
        val value = json.get(key)
        return if (value == null || value.isJsonNull) null else value
    }

    fun req(key: String): JsonElement = opt(key) ?: bad("$where: `$key` is required")

    fun done() {
        val unknown = json.keySet() - read
        if (unknown.isNotEmpty()) bad("$where: unknown key(s) ${unknown.sorted()}")
    }

    fun str(key: String) = asString(req(key), "$where.$key")
    fun optStr(key: String) = opt(key)?.let { asString(it, "$where.$key") }
    fun bool(key: String) = asBool(req(key), "$where.$key")
    fun optBool(key: String) = opt(key)?.let { asBool(it, "$where.$key") }
    fun optDouble(key: String) = opt(key)?.let { asDouble(it, "$where.$key") }
    fun double(key: String) = asDouble(req(key), "$where.$key")
    fun optUInt(key: String) = opt(key)?.let { asUInt(it, "$where.$key") }
    fun obj(key: String) = asObj(req(key), "$where.$key")
    fun optObj(key: String) = opt(key)?.let { asObj(it, "$where.$key") }
    fun arr(key: String) = asArr(req(key), "$where.$key")
    fun optArr(key: String) = opt(key)?.let { asArr(it, "$where.$key") }
    fun strings(key: String) = arr(key).mapIndexed { i, e -> asString(e, "$where.$key[$i]") }
    fun optStrings(key: String) = optArr(key)?.mapIndexed { i, e -> asString(e, "$where.$key[$i]") }
    fun moment(key: String) = parseMoment(str(key), "$where.$key")
    fun optMoment(key: String) = optStr(key)?.let { parseMoment(it, "$where.$key") }
}

private fun bad(message: String): Nothing = throw StopScenario(message)

private fun asObj(e: JsonElement, where: String) =
    if (e.isJsonObject) Obj(e.asJsonObject, where) else bad("$where: expected an object, got $e")

private fun asArr(e: JsonElement, where: String): JsonArray =
    if (e.isJsonArray) e.asJsonArray else bad("$where: expected an array, got $e")

private fun asString(e: JsonElement, where: String): String =
    if (e is JsonPrimitive && e.isString) e.asString else bad("$where: expected a string, got $e")

private fun asBool(e: JsonElement, where: String): Boolean =
    if (e is JsonPrimitive && e.isBoolean) e.asBoolean else bad("$where: expected true or false, got $e")

private fun asDouble(e: JsonElement, where: String): Double =
    if (e is JsonPrimitive && e.isNumber) e.asDouble else bad("$where: expected a number, got $e")

private fun asLong(e: JsonElement, where: String, range: LongRange): Long {
    if (e !is JsonPrimitive || !e.isNumber) bad("$where: expected a whole number, got $e")
    val exact = try {
        BigDecimal(e.asString).longValueExact()
    } catch (_: ArithmeticException) {
        bad("$where: expected a whole number, got $e")
    } catch (_: NumberFormatException) {
        bad("$where: expected a whole number, got $e")
    }
    if (exact !in range) bad("$where: $exact is outside $range")
    return exact
}

private fun asUInt(e: JsonElement, where: String): UInt = asLong(e, where, 0L..UInt.MAX_VALUE.toLong()).toUInt()

private fun asUByte(e: JsonElement, where: String): UByte = asLong(e, where, 0L..UByte.MAX_VALUE.toLong()).toUInt().toUByte()

/** RFC 3339 text with its offset -> [Moment]; offsets outside ±18 h are kept so the API can refuse them. */
private val MOMENT = Regex("""(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(?:([Zz])|([+-])(\d{2}):(\d{2}))""")

private fun parseMoment(text: String, where: String): Moment {
    val m = MOMENT.matchEntire(text) ?: bad("$where: `$text` is not an RFC 3339 moment with an offset")
    val (date, time, zulu, sign, hours, minutes) = m.destructured
    val local = try {
        LocalDateTime.parse("${date}T$time")
    } catch (e: java.time.DateTimeException) {
        bad("$where: `$text` is not a valid moment: ${e.message}")
    }
    val offset = if (zulu.isNotEmpty()) 0 else (if (sign == "-") -1 else 1) * (hours.toInt() * 3600 + minutes.toInt() * 60)
    val instant = Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offset, local.nano.toLong())
    return Moment(instant = instant, utcOffsetSeconds = offset)
}

private val DATE = Regex("""(\d{4})-(\d{2})-(\d{2})""")

/** `YYYY-MM-DD` -> [CalendarDate], not checked against the calendar (the API does that). */
private fun parseDate(text: String, where: String): CalendarDate {
    val m = DATE.matchEntire(text) ?: bad("$where: `$text` is not a YYYY-MM-DD date")
    val (y, mo, d) = m.destructured
    return CalendarDate(year = y.toInt(), month = mo.toUInt(), day = d.toUInt())
}

private fun dateText(d: CalendarDate?): String? =
    d?.let { "%04d-%02d-%02d".format(it.year, it.month.toInt(), it.day.toInt()) }

/**
 * A snake_case code -> the Kotlin enum constant: `valueOf(code.uppercase())` (`scalp_roller` ->
 * `SCALP_ROLLER`), except that UniFFI drops the underscore before a digit (`check_in_24h` ->
 * `CHECK_IN24H`). Only the exact code is accepted (not `Roller`), as in the other runners.
 */
private inline fun <reified E : Enum<E>> code(text: String, where: String): E =
    enumValues<E>().firstOrNull { it.code() == text }
        ?: bad("$where: unknown ${E::class.simpleName} code `$text`")

private inline fun <reified E : Enum<E>> codes(array: JsonArray, where: String): List<E> =
    array.mapIndexed { i, e -> code<E>(asString(e, "$where[$i]"), "$where[$i]") }

/** The scenario code of an enum constant; skin types keep their roman numerals (`IV`). */
private fun Enum<*>.code() =
    if (this is SkinType) name else name.lowercase().replace(Regex("(?<=[a-z])(?=[0-9])"), "_")

/** An alert as scenarios write it: `kind:from->to`. */
private fun Alert.signature() = "${kind.code()}:$fromLevel->$toLevel"

/** A reminder as scenarios write it, `kind@moment`, in the offset it carries. */
private fun Reminder.text() =
    "${kind.code()}@" + DateTimeFormatter.ISO_OFFSET_DATE_TIME
        .format(OffsetDateTime.ofInstant(due.instant, ZoneOffset.ofTotalSeconds(due.utcOffsetSeconds)))

/** Hears alerts through the public listener, as an app would. */
private class HeardAlerts : AlertListener {
    private val heard = mutableListOf<String>()

    override fun onAlert(alert: Alert) {
        synchronized(heard) { heard += alert.signature() }
    }

    /** The alerts heard since the last call. */
    fun drain(): List<String> = synchronized(heard) { heard.toList().also { heard.clear() } }
}

private fun CleaningState.code() = when (this) {
    is CleaningState.CleanForNextUse -> "clean_for_next_use"
    is CleaningState.NotCleanedBeforeFirstUse -> "not_cleaned_before_first_use"
    is CleaningState.NotCleanedSinceLastUse -> "not_cleaned_since_last_use"
    is CleaningState.Inadequate -> "inadequate"
}

private val CLEANING_STATES =
    setOf("clean_for_next_use", "not_cleaned_before_first_use", "not_cleaned_since_last_use", "inadequate")

/** What an `expect.error` asks for. */
private data class ExpectedError(val kind: String, val field: String?, val entity: String?) {
    override fun toString() = buildString {
        append(kind)
        field?.let { append(" (field $it)") }
        entity?.let { append(" (entity $it)") }
    }
}

/** Everything the store holds that a scenario can reach, to show a failed step changed nothing. */
private data class Snapshot(val parts: Map<String, Any?>)

private class ScenarioRun(private val file: File) {
    private var label = file.name
    private val deviceIds = linkedMapOf<String, String>()
    private val sessionIds = linkedMapOf<String, String>()
    private val reportIds = linkedMapOf<String, String>()
    private val heard = HeardAlerts()
    private val recordedSessions = mutableListOf<String>()
    private val mismatches = mutableListOf<String>()
    private lateinit var store: RollSafeStore

    fun run() {
        try {
            val scenario = asObj(parse(file.readText()), file.name)
            val name = scenario.str("name")
            label = "scenario $name (${file.name})"
            if (name != file.name.removeSuffix(".json")) {
                bad("$label: `name` does not match the file name")
            }
            scenario.str("description")
            val steps = scenario.arr("steps")
            scenario.done()
            if (steps.isEmpty) bad("$label: no steps")
            RollSafeStore.openInMemory().use { opened ->
                store = opened
                // One alert listener on the store before the first step, as the README asks.
                opened.addAlertListener(heard).use { subscription ->
                    runSteps(steps)
                    subscription.cancel()
                }
            }
        } catch (stop: StopScenario) {
            mismatches += stop.message!!
        }
        if (mismatches.isNotEmpty()) {
            fail<Unit>(mismatches.joinToString("\n", prefix = "${mismatches.size} problem(s):\n"))
        }
    }

    private fun runSteps(steps: JsonArray) {
        steps.forEachIndexed { index, element ->
            val action = asObj(element, "$label, steps[$index]").str("do")
            val where = "$label, steps[$index] (do: $action)"
            val step = asObj(element, where).also { it.str("do") }
            try {
                runStep(action, step, where)
            } catch (stop: StopScenario) {
                throw stop
            } catch (e: Exception) {
                throw StopScenario("$where: unexpected $e")
            }
        }
    }

    /** Strict JSON: no comments, no trailing garbage, no unquoted names. */
    private fun parse(text: String): JsonElement {
        val reader = JsonReader(StringReader(text))
        reader.isLenient = false
        return try {
            val root = Gson().getAdapter(JsonElement::class.java).read(reader)
            if (reader.peek() != JsonToken.END_DOCUMENT) bad("${file.name}: content after the JSON value")
            root
        } catch (e: java.io.IOException) {
            bad("${file.name}: not valid JSON: ${e.message}")
        } catch (e: com.google.gson.JsonParseException) {
            bad("${file.name}: not valid JSON: ${e.message}")
        } catch (e: IllegalStateException) {
            bad("${file.name}: not valid JSON: ${e.message}")
        }
    }

    private fun mismatch(where: String, what: String, expected: Any?, actual: Any?) {
        if (expected != actual) mismatches += "$where: $what: expected <$expected> but was <$actual>"
    }

    private fun runStep(action: String, step: Obj, where: String) {
        when (action) {
            "add_device" -> addDevice(step, where)
            "save_profile" -> saveProfile(step, where)
            "set_care_plan" -> setCarePlan(step, where)
            "clean" -> clean(step, where)
            "check" -> check(step, where)
            "record" -> record(step, where)
            "edit" -> edit(step, where)
            "delete" -> delete(step, where)
            "flag_damaged" -> {
                val id = device(step, "device", where)
                val now = step.moment("now")
                change(step, where) { store.flagDeviceDamaged(id, now).alerts }
            }
            "set_shared" -> {
                val id = device(step, "device", where)
                val shared = step.bool("shared")
                val now = step.moment("now")
                change(step, where) { store.setDeviceShared(id, shared, now).alerts }
            }
            "retire" -> {
                val id = device(step, "device", where)
                val reason = step.str("reason")
                val now = step.moment("now")
                change(step, where) { store.retireDevice(id, reason, now).alerts }
            }
            "set_replacement_limits" -> {
                val id = device(step, "device", where)
                val maxUses = step.optUInt("max_uses")
                val maxDays = step.optUInt("max_days")
                val now = step.moment("now")
                change(step, where) { store.setReplacementLimits(id, maxUses, maxDays, now).alerts }
            }
            "head_change" -> {
                val id = device(step, "device", where)
                val at = step.moment("at")
                val now = step.optMoment("now") ?: at
                change(step, where) { store.recordHeadChange(id, at, now).alerts }
            }
            "overview" -> overview(step, where)
            "history" -> history(step, where)
            "count_sessions" -> countSessions(step, where)
            "report" -> report(step, where)
            "resolve" -> {
                val id = reportId(step)
                val at = step.moment("at")
                val now = step.moment("now")
                change(step, where) { store.resolveReport(id, at, now).alerts }
            }
            "clinician_seen" -> {
                val id = reportId(step)
                val at = step.moment("at")
                val now = step.moment("now")
                change(step, where) { store.recordClinicianSeen(id, at, now).alerts }
            }
            "today" -> today(step, where)
            "link" -> {
                val id = reportId(step)
                val session = step.optStr("session")?.let { sessionIds[it] ?: it }
                val now = step.moment("now")
                change(step, where) { store.linkReport(id, session, now).alerts }
            }
            "assess" -> assess(step, where)
            "refresh" -> {
                val now = step.moment("now")
                change(step, where) { store.refreshAlerts(now) }
            }
            "open_alerts" -> openAlerts(step, where)
            "acknowledge_all" -> {
                val now = step.moment("now")
                simple(step, where) { store.openAlerts().forEach { store.acknowledgeAlert(it.id, now) } }
            }
            "heard" -> {
                val expect = expectOf(step, where, required = true)!!
                val expected = expect.strings("heard")
                expect.done()
                mismatch(where, "heard", expected, heard.drain())
            }
            "quiet_hours" -> {
                val start = step.optStr("start")?.let { minuteOfDay(it, "${step.where}.start") }
                val end = step.optStr("end")?.let { minuteOfDay(it, "${step.where}.end") }
                if ((start == null) != (end == null)) bad("$where: give both `start` and `end`, or neither")
                val quiet = if (start != null && end != null) QuietHours(start, end) else null
                simple(step, where) { store.setQuietHours(quiet) }
            }
            "start_soak" -> {
                val id = device(step, "device", where)
                val at = step.moment("at")
                val now = step.optMoment("now") ?: at
                val minutes = asUInt(step.req("minutes"), "${step.where}.minutes")
                simple(step, where) { store.startSoakTimer(id, at, minutes, now) }
            }
            "reminders" -> reminders(step, where)
            else -> bad("$where: unknown `do` \"$action\"")
        }
    }

    // --- names ---------------------------------------------------------------------------

    // A name given with `as` stands for its id; any other text is passed to the API as the id
    // itself, so a scenario can name a malformed id ("not-a-uuid") or an unknown one (a UUID).
    // The Rust runner does the same. A misspelt name then fails at the API, never silently.

    @Suppress("UNUSED_PARAMETER")
    private fun device(step: Obj, key: String, where: String): String {
        val name = step.str(key)
        return deviceIds[name] ?: name
    }

    @Suppress("UNUSED_PARAMETER")
    private fun session(step: Obj, where: String): String {
        val name = step.str("session")
        return sessionIds[name] ?: name
    }

    private fun reportId(step: Obj): String {
        val name = step.str("report")
        return reportIds[name] ?: name
    }

    /** The alias of the session `id`, or a description of an unnamed one; null for none. */
    private fun sessionAlias(id: String?): String? =
        id?.let { sessionIds.entries.firstOrNull { it.value == id }?.key ?: "(unnamed session $id)" }

    private fun bind(names: MutableMap<String, String>, name: String?, id: String, where: String) {
        if (name == null) return
        if (name in names) bad("$where: the name \"$name\" is already taken")
        names[name] = id
    }

    // --- expectations --------------------------------------------------------------------

    /** The step's `expect` object, if any; `required` for the actions whose point is to look. */
    private fun expectOf(step: Obj, where: String, required: Boolean = false): Obj? {
        val expect = if (required) step.obj("expect") else step.optObj("expect")
        step.done()
        return expect?.let { Obj(it.json, "$where: expect") }
    }

    /** Reads `expect.error`, if present; it must then be the only expectation. */
    private fun expectedError(expect: Obj?): ExpectedError? {
        val error = expect?.optObj("error") ?: return null
        val kind = error.str("kind")
        val expected = when (kind) {
            "invalid_input" -> ExpectedError(kind, field = error.optStr("field"), entity = null)
            "not_found" -> ExpectedError(kind, field = null, entity = error.optStr("entity"))
            else -> bad("${error.where}: unknown error kind \"$kind\" (invalid_input or not_found)")
        }
        error.done()
        expect.done()
        return expected
    }

    private fun snapshot(): Snapshot {
        val parts = linkedMapOf<String, Any?>()
        val devices = store.devices()
        parts["devices"] = devices
        parts["sessions"] = store.sessions()
        parts["profile_history"] = store.profileHistory()
        parts["care_plan_history"] = store.carePlanHistory()
        parts["alert_history"] = store.alertHistory()
        parts["symptom_reports"] = store.symptomReports()
        parts["quiet_hours"] = store.quietHours()
        for (d in devices) {
            parts["cleanings ${d.id}"] = store.cleanings(d.id)
            parts["device_changes ${d.id}"] = store.deviceChanges(d.id)
        }
        for (id in recordedSessions) parts["session_history $id"] = store.sessionHistory(id)
        return Snapshot(parts)
    }

    private fun describe(e: RollSafeException) = "${e::class.simpleName}(${e.message})"

    /**
     * Runs [call]. With an expected error, the call must fail with it and leave the store as it
     * was; returns null then. Without one, any error stops the scenario.
     */
    private fun <T> attempt(where: String, expected: ExpectedError?, call: () -> T): T? {
        val before = if (expected != null) snapshot() else null
        try {
            val result = call()
            if (expected != null) bad("$where: expected error $expected, but the call succeeded")
            return result
        } catch (e: RollSafeException) {
            if (expected == null) bad("$where: unexpected error ${describe(e)}")
            when {
                expected.kind == "invalid_input" && e is RollSafeException.InvalidInput ->
                    expected.field?.let { mismatch(where, "error field", it, e.field) }
                expected.kind == "not_found" && e is RollSafeException.NotFound ->
                    expected.entity?.let { mismatch(where, "error entity", it, e.entity) }
                else -> bad("$where: expected error $expected, got ${describe(e)}")
            }
            if (snapshot() != before) bad("$where: the failed call changed the store")
            return null
        }
    }

    /** The `expect` of an action whose only possible expectation is an error. */
    private fun onlyError(step: Obj, where: String): ExpectedError? {
        val expect = expectOf(step, where)
        val expected = expectedError(expect)
        expect?.done()
        return expected
    }

    /** An action whose only possible expectation is an error. */
    private fun simple(step: Obj, where: String, call: () -> Unit) {
        attempt(where, onlyError(step, where), call)
    }

    /**
     * The `expect` of a changing action, before the call: an error, or else the `alerts` the
     * call must return (the exact ordered list of `kind:from->to`). Other keys are read by the
     * caller, which then calls `done()`.
     */
    private fun changeExpectation(expect: Obj?): Pair<ExpectedError?, List<String>?> {
        val error = expectedError(expect?.takeIf { it.json.has("error") })
        return error to if (error == null) expect?.optStrings("alerts") else null
    }

    private fun compareAlerts(where: String, expected: List<String>?, alerts: List<Alert>) {
        expected?.let { mismatch(where, "alerts", it, alerts.map { a -> a.signature() }) }
    }

    /** A changing action whose call returns alerts; `expect` may hold `error` or `alerts`. */
    private fun change(step: Obj, where: String, call: () -> List<Alert>) {
        val expect = expectOf(step, where)
        val (error, alerts) = changeExpectation(expect)
        expect?.done()
        val returned = attempt(where, error, call) ?: return
        compareAlerts(where, alerts, returned)
    }

    // --- inputs --------------------------------------------------------------------------

    private fun newDevice(o: Obj): NewDevice {
        val device = NewDevice(
            kind = code(o.str("kind"), "${o.where}.kind"),
            needleLengthMm = o.double("needle_length_mm"),
            needleLengthMaxMm = o.optDouble("needle_length_max_mm"),
            needleCount = o.optUInt("needle_count"),
            material = o.optStr("material")?.let { code<NeedleMaterial>(it, "${o.where}.material") }
                ?: NeedleMaterial.UNKNOWN,
            nickname = o.str("nickname"),
            brand = o.optStr("brand"),
            firstUseDate = o.optStr("first_use_date")?.let { parseDate(it, "${o.where}.first_use_date") },
            shared = o.optBool("shared") ?: false,
        )
        o.done()
        return device
    }

    private fun plan(step: Obj, where: String): SessionPlan {
        val o = step.obj("plan")
        val deviceId = device(o, "device", where)
        val zones = codes<BodyZone>(o.arr("zones"), "${o.where}.zones")
        val needle = o.optDouble("needle_length_mm")
        val products = o.optArr("products")?.mapIndexed { i, e ->
            val p = asObj(e, "${o.where}.products[$i]")
            val product = Product(
                name = p.str("name"),
                timing = code<ProductTiming>(p.str("timing"), "${p.where}.timing"),
                categories = codes(p.arr("categories"), "${p.where}.categories"),
            )
            p.done()
            product
        } ?: emptyList()
        val checks = o.optObj("pre_checks")
        val preChecks = PreChecks(
            deviceCleaned = checks?.optBool("device_cleaned") ?: true,
            skinClean = checks?.optBool("skin_clean") ?: true,
            activeBreakout = checks?.optBool("active_breakout") ?: false,
            coldSore = checks?.optBool("cold_sore") ?: false,
            openWound = checks?.optBool("open_wound") ?: false,
            sunburn = checks?.optBool("sunburn") ?: false,
        )
        checks?.done()
        o.done()
        return SessionPlan(deviceId, zones, needle, products, preChecks)
    }

    private fun newSession(step: Obj, where: String, now: Moment) = NewSession(
        plan = plan(step, where),
        at = step.optMoment("at") ?: now,
        passes = step.optUInt("passes"),
        pain = step.opt("pain")?.let { asUByte(it, "${step.where}.pain") },
        notes = step.optStr("notes"),
    )

    // --- actions -------------------------------------------------------------------------

    private fun addDevice(step: Obj, where: String) {
        val name = step.str("as")
        val now = step.moment("now")
        val device = newDevice(step.obj("device"))
        val expect = expectOf(step, where)
        val (error, alerts) = changeExpectation(expect)
        expect?.done()
        val added = attempt(where, error) { store.addDevice(device, now) } ?: return
        bind(deviceIds, name, added.device.id, where)
        compareAlerts(where, alerts, added.alerts)
    }

    private fun saveProfile(step: Obj, where: String) {
        val now = step.moment("now")
        val skinType = step.optStr("skin_type")?.let { code<SkinType>(it, "${step.where}.skin_type") }
        val answers = step.arr("answers").mapIndexed { i, e ->
            val a = asObj(e, "${step.where}.answers[$i]")
            val answer = ConditionAnswer(
                condition = code(a.str("condition"), "${a.where}.condition"),
                present = a.bool("present"),
                stoppedOn = a.optStr("stopped_on")?.let { parseDate(it, "${a.where}.stopped_on") },
                confirmedAt = now,
            )
            a.done()
            answer
        }
        change(step, where) { store.saveProfile(ProfileUpdate(skinType, answers), now).alerts }
    }

    private fun setCarePlan(step: Obj, where: String) {
        val now = step.moment("now")
        val o = step.obj("plan")
        val rest = o.optObj("rest")
        val rests = listOf(BodyRegion.FACE, BodyRegion.SCALP, BodyRegion.BODY).mapNotNull { region ->
            rest?.optUInt(region.code())?.let { CarePlanRest(region, it) }
        }
        rest?.done()
        val maxNeedle = o.optObj("max_needle")
        val limits = listOf(BodyRegion.FACE, BodyRegion.SCALP, BodyRegion.BODY).mapNotNull { region ->
            maxNeedle?.optDouble(region.code())?.let { CarePlanNeedleLimit(region, it) }
        }
        maxNeedle?.done()
        val plan = CarePlan(
            setBy = o.str("set_by"),
            setAt = o.optMoment("set_at") ?: now,
            rest = rests,
            maxNeedle = limits,
            allowedZones = o.optArr("allowed_zones")?.let { codes<BodyZone>(it, "${o.where}.allowed_zones") }
                ?: emptyList(),
            avoidProducts = o.optArr("avoid_products")
                ?.let { codes<ProductCategory>(it, "${o.where}.avoid_products") } ?: emptyList(),
            clearedConditions = o.optArr("cleared_conditions")
                ?.let { codes<Condition>(it, "${o.where}.cleared_conditions") } ?: emptyList(),
        )
        o.done()
        change(step, where) { store.setCarePlan(plan, now).alerts }
    }

    private fun clean(step: Obj, where: String) {
        val id = device(step, "device", where)
        val at = step.moment("at")
        val now = step.optMoment("now") ?: at
        val cleaning = NewCleaning(
            deviceId = id,
            at = at,
            method = code<CleaningMethod>(step.str("method"), "${step.where}.method"),
            soakMinutes = step.optUInt("soak_minutes"),
        )
        change(step, where) { store.recordCleaning(cleaning, now).alerts }
    }

    /** The verdict expectations shared by `check` and `record`, read up front. */
    private class VerdictExpectation(expect: Obj?) {
        val allowed = expect?.optBool("allowed")
        val blockers = expect?.optStrings("blockers")
        val cautions = expect?.optStrings("cautions")
        val warnings = expect?.optStrings("warnings")
        val hasNext = expect?.has("next_allowed_date") ?: false
        val next = expect?.opt("next_allowed_date")?.let { asString(it, "${expect.where}.next_allowed_date") }
        val rest: Map<String, UInt>? = expect?.optObj("rest")?.let { r ->
            r.json.keySet().associateWith { key ->
                code<BodyRegion>(key, "${r.where}.$key")
                asUInt(r.req(key), "${r.where}.$key")
            }.also { r.done() }
        }

        init {
            next?.let { parseDate(it, "${expect!!.where}.next_allowed_date") }
        }
    }

    private fun compareVerdict(where: String, e: VerdictExpectation, v: SessionVerdict) {
        e.allowed?.let { mismatch(where, "allowed", it, v.allowed) }
        e.blockers?.let { mismatch(where, "blockers", it, v.findings.filter { f -> f.severity == Severity.BLOCKER }.map { f -> f.code }) }
        e.cautions?.let { mismatch(where, "cautions", it, v.findings.filter { f -> f.severity == Severity.CAUTION }.map { f -> f.code }) }
        e.warnings?.let { mismatch(where, "warnings", it, v.findings.filter { f -> f.severity == Severity.WARNING }.map { f -> f.code }) }
        if (e.hasNext) mismatch(where, "next_allowed_date", e.next, dateText(v.nextAllowedDate))
        e.rest?.let { expected ->
            val actual = v.rest.associate { it.region.code() to it.minRestDays }
            if (v.rest.size != actual.size) mismatches += "$where: rest: a region appears twice in ${v.rest}"
            mismatch(where, "rest", expected.toSortedMap(), actual.toSortedMap())
        }
    }

    private fun check(step: Obj, where: String) {
        val now = step.moment("now")
        val plan = plan(step, where)
        val expect = expectOf(step, where)
        val expected = expectedError(expect?.takeIf { it.json.has("error") })
        val verdictExpectation = if (expected == null) VerdictExpectation(expect).also { expect?.done() } else null
        val verdict = attempt(where, expected) { store.checkSession(plan, now) } ?: return
        compareVerdict(where, verdictExpectation!!, verdict)
    }

    private fun record(step: Obj, where: String) {
        val name = step.optStr("as")
        val now = step.moment("now")
        val session = newSession(step, where, now)
        val acknowledge = step.optStrings("acknowledge") ?: emptyList()
        val expect = expectOf(step, where)
        if (expect != null && expect.json.has("refused")) {
            val refused = expect.strings("refused")
            expect.done()
            val before = snapshot()
            try {
                store.recordSession(session, acknowledge, now)
                bad("$where: expected SessionBlocked $refused, but the session was recorded")
            } catch (e: RollSafeException.SessionBlocked) {
                mismatch(where, "refused (SessionBlocked blockers)", refused, e.blockers.map { it.code })
            } catch (e: RollSafeException) {
                bad("$where: expected SessionBlocked $refused, got ${describe(e)}")
            }
            if (snapshot() != before) bad("$where: the refused session changed the store")
            return
        }
        val (expected, alerts) = changeExpectation(expect)
        val verdictExpectation = if (expected == null) VerdictExpectation(expect).also { expect?.done() } else null
        val recorded = attempt(where, expected) { store.recordSession(session, acknowledge, now) } ?: return
        recordedSessions += recorded.session.id
        bind(sessionIds, name, recorded.session.id, where)
        compareVerdict(where, verdictExpectation!!, recorded.verdict)
        compareAlerts(where, alerts, recorded.alerts)
    }

    private fun edit(step: Obj, where: String) {
        val id = session(step, where)
        val now = step.moment("now")
        val session = newSession(step, where, now)
        change(step, where) { store.editSession(id, session, now).alerts }
    }

    private fun delete(step: Obj, where: String) {
        val id = session(step, where)
        val now = step.moment("now")
        change(step, where) { store.deleteSession(id, now) }
    }

    private fun overview(step: Obj, where: String) {
        val id = device(step, "device", where)
        val now = step.moment("now")
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        val checks = mutableListOf<(app.rollsafe.DeviceOverview) -> Unit>()
        if (expected == null) {
            expect.optUInt("uses")?.let { e -> checks += { mismatch(where, "uses", e, it.uses) } }
            expect.optUInt("total_uses")?.let { e -> checks += { mismatch(where, "total_uses", e, it.totalUses) } }
            expect.optBool("clean_for_next_use")
                ?.let { e -> checks += { mismatch(where, "clean_for_next_use", e, it.cleanForNextUse) } }
            expect.optStr("cleaning")?.let { e ->
                if (e !in CLEANING_STATES) bad("${expect.where}.cleaning: unknown cleaning state \"$e\"")
                checks += { mismatch(where, "cleaning", e, it.cleaning.code()) }
            }
            expect.optBool("replacement_due")
                ?.let { e -> checks += { mismatch(where, "replacement_due", e, it.replacement.due) } }
            expect.optUInt("uses_left")
                ?.let { e -> checks += { mismatch(where, "uses_left", e, it.replacement.usesLeft) } }
            if (expect.has("due_by")) {
                val e = expect.optStr("due_by")
                e?.let { parseDate(it, "${expect.where}.due_by") }
                checks += { mismatch(where, "due_by", e, dateText(it.replacement.dueBy)) }
            }
            expect.done()
        }
        val overview = attempt(where, expected) { store.deviceOverview(id, now) } ?: return
        checks.forEach { it(overview) }
    }

    private fun history(step: Obj, where: String) {
        val id = session(step, where)
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        var versions: UInt? = null
        var deleted: Boolean? = null
        var acknowledged: List<String>? = null
        if (expected == null) {
            versions = expect.optUInt("versions")
            deleted = expect.optBool("deleted")
            acknowledged = expect.optStrings("acknowledged")
            expect.done()
        }
        val history = attempt(where, expected) { store.sessionHistory(id) } ?: return
        versions?.let { mismatch(where, "versions", it.toInt(), history.versions.size) }
        deleted?.let { mismatch(where, "deleted", it, history.deletedAt != null) }
        acknowledged?.let {
            mismatch(where, "acknowledged", it, history.versions.lastOrNull()?.overrides.orEmpty().map { o -> o.code })
        }
    }

    /** The home screen: per device alias, `may_use_now` and the blocker codes per region. */
    private fun today(step: Obj, where: String) {
        val now = step.moment("now")
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        val wanted = mutableListOf<Triple<String, Boolean?, Map<String, List<String>>?>>()
        if (expected == null) {
            val devices = expect.obj("devices")
            for (alias in devices.json.keySet()) {
                val d = devices.obj(alias)
                val mayUse = d.optBool("may_use_now")
                val blockers = d.optObj("blockers")?.let { b ->
                    b.json.keySet().associateWith { region ->
                        code<BodyRegion>(region, "${b.where}.$region")
                        b.strings(region)
                    }.also { b.done() }
                }
                d.done()
                wanted += Triple(alias, mayUse, blockers)
            }
            devices.done()
            expect.done()
        }
        val today = attempt(where, expected) { store.today(now) } ?: return
        for ((alias, mayUse, blockers) in wanted) {
            val id = deviceIds[alias] ?: bad("$where: unknown device $alias")
            val device = today.devices.firstOrNull { it.overview.device.id == id }
            if (device == null) {
                mismatches += "$where: $alias is not on the home screen"
                continue
            }
            mayUse?.let { mismatch(where, "$alias.may_use_now", it, device.mayUseNow) }
            blockers?.let { b ->
                val actual = device.regions.associate { r ->
                    r.region.code() to r.verdict.findings.filter { f -> f.severity == Severity.BLOCKER }.map { f -> f.code }
                }
                mismatch(where, "$alias.blockers", b.toSortedMap(), actual.toSortedMap())
            }
        }
    }

    private fun countSessions(step: Obj, where: String) {
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        var count: UInt? = null
        if (expected == null) {
            count = expect.optUInt("sessions")
            expect.done()
        }
        val sessions = attempt(where, expected) { store.sessions() } ?: return
        count?.let { mismatch(where, "sessions", it.toInt(), sessions.size) }
    }

    private fun report(step: Obj, where: String) {
        val name = step.optStr("as")
        val now = step.moment("now")
        val symptoms = step.arr("symptoms").mapIndexed { i, e ->
            val o = asObj(e, "${step.where}.symptoms[$i]")
            ReportedSymptom(
                symptom = code<Symptom>(o.str("symptom"), "${o.where}.symptom"),
                severity = o.opt("severity")?.let { asUByte(it, "${o.where}.severity") },
            ).also { o.done() }
        }
        val pus = step.optObj("pus")?.let { o ->
            PusDescription(
                colour = code<PusColour>(o.str("colour"), "${o.where}.colour"),
                consistency = code<PusConsistency>(o.str("consistency"), "${o.where}.consistency"),
            ).also { o.done() }
        }
        val report = NewSymptomReport(
            at = step.optMoment("at") ?: now,
            kind = step.optStr("kind")?.let { code<ReportKind>(it, "${step.where}.kind") } ?: ReportKind.REPORT,
            zones = codes(step.arr("zones"), "${step.where}.zones"),
            aroundEye = step.optBool("around_eye") ?: false,
            symptoms = symptoms,
            overallSeverity = asUByte(step.req("overall_severity"), "${step.where}.overall_severity"),
            pus = pus,
            temperatureC = step.optDouble("temperature_c"),
            trend = step.optStr("trend")?.let { code<SymptomTrend>(it, "${step.where}.trend") },
            notes = step.optStr("notes"),
            sessionId = step.optStr("session")?.let { sessionIds[it] ?: it },
        )
        val expect = expectOf(step, where)
        val (error, alerts) = changeExpectation(expect)
        val checksLink = error == null && expect?.has("linked_to") == true
        val linkedTo = if (checksLink) expect?.optStr("linked_to") else null
        val checksTrend = error == null && expect?.has("trend") == true
        val trend = if (checksTrend) expect?.optStr("trend") else null
        expect?.done()
        val update = attempt(where, error) { store.recordSymptomReport(report, now) } ?: return
        bind(reportIds, name, update.report.id, where)
        compareAlerts(where, alerts, update.alerts)
        if (checksLink) mismatch(where, "linked_to", linkedTo, sessionAlias(update.report.sessionId))
        if (checksTrend) mismatch(where, "trend", trend, update.report.trend?.code())
    }

    private fun assess(step: Obj, where: String) {
        val now = step.moment("now")
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        var preventive: RiskLevel? = null
        var factors: List<String>? = null
        var score: UInt? = null
        var otherRisks: List<String>? = null
        var agesOut: List<String>? = null
        var triage: TriageLevel? = null
        var prompts: List<String>? = null
        if (expected == null) {
            preventive = expect.optStr("preventive")?.let { code<RiskLevel>(it, "${expect.where}.preventive") }
            factors = expect.optStrings("factors")
            score = expect.optUInt("score")
            otherRisks = expect.optStrings("other_risks")
            agesOut = expect.optStrings("ages_out")
            triage = expect.optStr("triage")?.let { code<TriageLevel>(it, "${expect.where}.triage") }
            prompts = expect.optStrings("prompts")
            expect.done()
        }
        val assessment = attempt(where, expected) { store.assess(now) } ?: return
        preventive?.let { mismatch(where, "preventive", it.code(), assessment.preventive.level.code()) }
        factors?.let { mismatch(where, "factors", it, assessment.preventive.factors.map { f -> f.code }) }
        score?.let { mismatch(where, "score", it, assessment.preventive.score) }
        otherRisks?.let { mismatch(where, "other_risks", it, assessment.preventive.otherRisks.map { f -> f.code }) }
        agesOut?.let {
            val got = assessment.preventive.factors.map { f -> f.agesOutOn?.let { d -> "${f.code}@${dateText(d)}" } ?: f.code }
            mismatch(where, "ages_out", it, got)
        }
        triage?.let { mismatch(where, "triage", it.code(), assessment.triage.level.code()) }
        prompts?.let { mismatch(where, "prompts", it, assessment.triage.prompts.map { p -> p.code }) }
    }

    private fun openAlerts(step: Obj, where: String) {
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        var open: List<String>? = null
        if (expected == null) {
            open = expect.strings("open")
            expect.done()
        }
        val alerts = attempt(where, expected) { store.openAlerts() } ?: return
        open?.let { mismatch(where, "open", it, alerts.map { a -> a.signature() }) }
    }

    /** `HH:MM` -> minutes after midnight; the range is left to the API. */
    private fun minuteOfDay(text: String, where: String): UShort {
        val m = Regex("""(\d{2}):(\d{2})""").matchEntire(text) ?: bad("$where: `$text` is not HH:MM")
        return (m.groupValues[1].toInt() * 60 + m.groupValues[2].toInt()).toUShort()
    }

    private fun reminders(step: Obj, where: String) {
        val now = step.moment("now")
        val expect = expectOf(step, where, required = true)!!
        val expected = expectedError(expect.takeIf { it.json.has("error") })
        var wanted: List<String>? = null
        var wantedKeys: List<Pair<ReminderKind, Instant>>? = null
        var wallClocks: List<String>? = null
        if (expected == null) {
            wanted = expect.strings("reminders")
            wantedKeys = wanted.mapIndexed { i, text ->
                val at = "${expect.where}.reminders[$i]"
                val parts = text.split("@", limit = 2)
                if (parts.size != 2) bad("$at: `$text` is not kind@moment")
                code<ReminderKind>(parts[0], at) to parseMoment(parts[1], at).instant
            }
            wallClocks = expect.optStrings("wall_clocks")
            wallClocks?.forEachIndexed { i, text ->
                val at = "${expect.where}.wall_clocks[$i]"
                val m = Regex("""([a-z0-9_]+)@\d{4}-\d{2}-\d{2}T\d{2}:\d{2}""").matchEntire(text)
                    ?: bad("$at: `$text` is not kind@YYYY-MM-DDTHH:MM")
                code<ReminderKind>(m.groupValues[1], at)
            }
            expect.done()
        }
        val reminders = attempt(where, expected) { store.reminders(now) } ?: return
        // Compared by instant: a reminder keeps the offset of the event it follows.
        if (wantedKeys != null && wantedKeys != reminders.map { it.kind to it.due.instant }) {
            mismatches += "$where: reminders (by instant): expected <$wanted> but was <${reminders.map { it.text() }}>"
        }
        wallClocks?.let { expectedClocks ->
            val actual = reminders.mapNotNull { r ->
                r.wallClock?.let { w ->
                    "${r.kind.code()}@${dateText(w.date)}T%02d:%02d".format(w.hour.toInt(), w.minute.toInt())
                }
            }
            mismatch(where, "wall_clocks", expectedClocks, actual)
        }
    }
}
