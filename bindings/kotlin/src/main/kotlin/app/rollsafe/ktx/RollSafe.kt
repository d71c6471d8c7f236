// A coroutine-friendly face for the generated RollSafeStore. Thin on purpose:
// every function only moves one blocking core call onto the dispatcher.
package app.rollsafe.ktx

import app.rollsafe.Alert
import app.rollsafe.Assessment
import app.rollsafe.CarePlan
import app.rollsafe.CsvFile
import app.rollsafe.DateRange
import app.rollsafe.Device
import app.rollsafe.DeviceOverview
import app.rollsafe.DeviceUpdate
import app.rollsafe.ExportScope
import app.rollsafe.ImportResult
import app.rollsafe.Moment
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.NewSymptomReport
import app.rollsafe.ProfileUpdate
import app.rollsafe.RecordedCleaning
import app.rollsafe.RecordedSession
import app.rollsafe.Reminder
import app.rollsafe.ReportOptions
import app.rollsafe.ReportUpdate
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.ShareKind
import app.rollsafe.SavedCarePlan
import app.rollsafe.SavedProfile
import app.rollsafe.Session
import app.rollsafe.SessionPlan
import app.rollsafe.SessionVerdict
import app.rollsafe.Today
import java.io.Closeable
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.withContext

/**
 * The RollSafe log, with each blocking core call made a `suspend` function that runs on
 * [dispatcher] (by default [Dispatchers.IO]), so it is safe to call from the main thread.
 *
 * Nothing is decided here: every function passes its arguments to the same-named
 * [RollSafeStore] function and returns its result; errors are the core's
 * [RollSafeException]s, unchanged. Close it (or use `use {}`) to close the store.
 *
 * @property store the generated store this wraps; it is closed with this object.
 * @property dispatcher where the blocking calls run.
 */
class RollSafe(
    private val store: RollSafeStore,
    private val dispatcher: CoroutineDispatcher = Dispatchers.IO,
) : Closeable {

    /** Opening a log file. */
    companion object {
        /**
         * Opens (creating if needed) the log at [path] on [dispatcher].
         *
         * @throws RollSafeException if the file cannot be opened or is not a RollSafe log.
         */
        suspend fun open(path: String, dispatcher: CoroutineDispatcher = Dispatchers.IO): RollSafe =
            withContext(dispatcher) { RollSafe(RollSafeStore.open(path), dispatcher) }
    }

    /**
     * Every alert raised from the moment collection starts, as the store raises it.
     * Each collector has its own listener, cancelled when its collection ends.
     */
    val alerts: Flow<Alert>
        get() = alertFlow(store)

    /** Adds a device, stamped with [now]; see [RollSafeStore.addDevice]. */
    suspend fun addDevice(device: NewDevice, now: Moment): DeviceUpdate =
        withContext(dispatcher) { store.addDevice(device, now) }

    /** Every device, retired ones included, oldest first; see [RollSafeStore.devices]. */
    suspend fun devices(): List<Device> =
        withContext(dispatcher) { store.devices() }

    /** What the log says about device [id] as of [now]; see [RollSafeStore.deviceOverview]. */
    suspend fun deviceOverview(id: String, now: Moment): DeviceOverview =
        withContext(dispatcher) { store.deviceOverview(id, now) }

    /** Whether [plan] may go ahead at [now], and why; see [RollSafeStore.checkSession]. */
    suspend fun checkSession(plan: SessionPlan, now: Moment): SessionVerdict =
        withContext(dispatcher) { store.checkSession(plan, now) }

    /**
     * Records [session], overriding the blockers whose codes are in [acknowledgedBlockers];
     * see [RollSafeStore.recordSession].
     */
    suspend fun recordSession(
        session: NewSession,
        acknowledgedBlockers: List<String> = emptyList(),
        now: Moment,
    ): RecordedSession =
        withContext(dispatcher) { store.recordSession(session, acknowledgedBlockers, now) }

    /** Records a cleaning, stamped with [now]; see [RollSafeStore.recordCleaning]. */
    suspend fun recordCleaning(cleaning: NewCleaning, now: Moment): RecordedCleaning =
        withContext(dispatcher) { store.recordCleaning(cleaning, now) }

    /** Records a symptom report, stamped with [now]; see [RollSafeStore.recordSymptomReport]. */
    suspend fun recordSymptomReport(report: NewSymptomReport, now: Moment): ReportUpdate =
        withContext(dispatcher) { store.recordSymptomReport(report, now) }

    /**
     * The home screen as of [now], read in one snapshot: per device in use and per body
     * region, may a session start now and when next; the risk; the open alerts; the
     * upcoming reminders. The answers assume the skin checks will pass: show
     * [Today.skinChecksNote] beside them. See [RollSafeStore.today].
     */
    suspend fun today(now: Moment): Today =
        withContext(dispatcher) { store.today(now) }

    /** The infection risk and symptom triage as of [now]; see [RollSafeStore.assess]. */
    suspend fun assess(now: Moment): Assessment =
        withContext(dispatcher) { store.assess(now) }

    /** The reminders the phone should post as of [now]; see [RollSafeStore.reminders]. */
    suspend fun reminders(now: Moment): List<Reminder> =
        withContext(dispatcher) { store.reminders(now) }

    /** The alerts not yet acknowledged; see [RollSafeStore.openAlerts]. */
    suspend fun openAlerts(): List<Alert> =
        withContext(dispatcher) { store.openAlerts() }

    /** Acknowledges alert [id] at [now]; see [RollSafeStore.acknowledgeAlert]. */
    suspend fun acknowledgeAlert(id: String, now: Moment): Alert =
        withContext(dispatcher) { store.acknowledgeAlert(id, now) }

    /** Saves the user's profile, stamped with [now]; see [RollSafeStore.saveProfile]. */
    suspend fun saveProfile(profile: ProfileUpdate, now: Moment): SavedProfile =
        withContext(dispatcher) { store.saveProfile(profile, now) }

    /** Sets the care plan, stamped with [now]; see [RollSafeStore.setCarePlan]. */
    suspend fun setCarePlan(plan: CarePlan, now: Moment): SavedCarePlan =
        withContext(dispatcher) { store.setCarePlan(plan, now) }

    /** Every recorded session; see [RollSafeStore.sessions]. */
    suspend fun sessions(): List<Session> =
        withContext(dispatcher) { store.sessions() }

    /**
     * The log as a backup document (JSON text, format `rollsafe-backup`), or only the days
     * in [period] (`null`: the whole log) with what they refer to. A backup is a complete,
     * restorable copy: it has no sections and withholds no notes. See
     * [RollSafeStore.exportBackup].
     */
    suspend fun exportBackup(period: DateRange? = null, now: Moment): String =
        withContext(dispatcher) { store.exportBackup(period, now) }

    /**
     * Imports a backup from the bytes of the file the user picked: restores into an empty
     * log or merges by stable ids, without duplicates. See [RollSafeStore.importBackup].
     *
     * @throws RollSafeException.ImportRejected naming the place in the document (`path`)
     *   when it is not a backup this version can take; nothing changes then.
     */
    suspend fun importBackup(document: ByteArray, now: Moment): ImportResult =
        withContext(dispatcher) { store.importBackup(document, now) }

    /**
     * A FHIR R4 Bundle (JSON text) of what [scope] covers, for a clinic's system. The
     * Patient is named from the profile only when [ExportScope.identifyPatient] is set;
     * [reportPdf], the PDF report shared alongside, adds a DocumentReference describing it
     * (its size and hash, not its bytes). See [RollSafeStore.exportFhir].
     */
    suspend fun exportFhir(
        scope: ExportScope,
        reportPdf: ByteArray? = null,
        now: Moment,
    ): String =
        withContext(dispatcher) { store.exportFhir(scope, reportPdf, now) }

    /**
     * One CSV file (name and UTF-8 text, with a header row) per kind of record [scope]
     * covers, then `data_dictionary.csv`, for spreadsheets; [utf8Bom] starts each with a
     * byte order mark, which Excel needs. See [RollSafeStore.exportCsv].
     */
    suspend fun exportCsv(scope: ExportScope, utf8Bom: Boolean = false): List<CsvFile> =
        withContext(dispatcher) { store.exportCsv(scope, utf8Bom) }

    /**
     * The files of [exportCsv] as one ZIP archive dated [now]: what a sealed share carries
     * ([ShareKind.CSV_ARCHIVE]), so one passphrase opens the set. See
     * [RollSafeStore.exportCsvArchive].
     */
    suspend fun exportCsvArchive(scope: ExportScope, now: Moment, utf8Bom: Boolean = false): ByteArray =
        withContext(dispatcher) { store.exportCsvArchive(scope, now, utf8Bom) }

    /**
     * The dermatologist's PDF report (the bytes of a `%PDF-` file): one to two pages of
     * summary and charts, then the detail, over [options]' scope (days, sections, privacy)
     * on its paper (A4 or US Letter). The same log, options and [now] give the same bytes
     * on every platform. Pass these bytes to [exportFhir] as `reportPdf` when the bundle
     * travels with the PDF. See [RollSafeStore.reportPdf].
     *
     * @throws RollSafeException.InvalidInput naming the field (for example `period.to`)
     *   when the scope is not one the core accepts.
     */
    suspend fun reportPdf(options: ReportOptions, now: Moment): ByteArray =
        withContext(dispatcher) { store.reportPdf(options, now) }

    /**
     * Seals [bytes] (an export: the PDF, the FHIR bundle, a backup) with [passphrase], on
     * this object's dispatcher: the top-level [seal] with [dispatcher]. The result is a
     * standard age file.
     *
     * @throws RollSafeException.InvalidInput with field `passphrase` when the core finds
     *   the passphrase too short.
     */
    suspend fun seal(bytes: ByteArray, passphrase: String): ByteArray = app.rollsafe.ktx.seal(bytes, passphrase, dispatcher)

    /**
     * Opens a file sealed with [passphrase], on this object's dispatcher: the top-level
     * [openSealed] with [dispatcher].
     *
     * @throws RollSafeException.ImportRejected (saying which) when the passphrase is wrong or
     *   the file was changed after it was sealed; nothing is returned then.
     */
    suspend fun openSealed(sealed: ByteArray, passphrase: String): ByteArray = app.rollsafe.ktx.openSealed(sealed, passphrase, dispatcher)

    /**
     * Runs [block] with the underlying store on [dispatcher], for the calls this class
     * does not wrap (for example `setDeviceShared` or `cleanings`).
     */
    suspend fun <T> withStore(block: (RollSafeStore) -> T): T =
        withContext(dispatcher) { block(store) }

    /**
     * Folds every committed change into the main database file, so that an operating-system
     * backup of that file alone holds the whole log. Call it when the app goes to the
     * background (for example from `onStop`); closing does it too. `false` when another
     * reader kept it from finishing (nothing is lost). It then reads every page of the file:
     * damage found there throws `RollSafeException.FileInUse`, and the next open moves the file
     * aside (`FileDamaged`). See [RollSafeStore.checkpoint].
     */
    suspend fun checkpoint(): Boolean =
        withContext(dispatcher) { store.checkpoint() }

    /**
     * Where opening kept a complete copy of the log as it was before upgrading it, or `null`
     * when nothing was upgraded; tell the user once. See [RollSafeStore.migrationCopy].
     */
    val migrationCopy: String?
        get() = store.migrationCopy()

    /** Closes the underlying store; the object must not be used afterwards. */
    override fun close() = store.close()
}
