// The Settings screen: the profile answers (skin type, conditions and medications, and
// who the user is, for the files they choose to sign),
// quiet hours for reminders, and the care plan from the user's dermatologist. Saved
// as the user enters them; the core checks them and decides what they change.
package app.rollsafe.demo.logic

import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.CalendarDate
import app.rollsafe.CarePlan
import app.rollsafe.CarePlanNeedleLimit
import app.rollsafe.CarePlanRest
import app.rollsafe.Condition
import app.rollsafe.ConditionAnswer
import app.rollsafe.Moment
import app.rollsafe.PatientIdentity
import app.rollsafe.Profile
import app.rollsafe.ProfileUpdate
import app.rollsafe.ProductCategory
import app.rollsafe.QuietHours
import app.rollsafe.SkinType
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.toCalendarDate
import app.rollsafe.ktx.toLocalDate
import java.time.LocalDate
import java.time.format.DateTimeParseException
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * The user's answer about one condition on the profile form.
 *
 * @property present whether it applies.
 * @property stoppedOn for isotretinoin: the local date it was stopped (`null` while taken).
 */
data class Answer(val present: Boolean, val stoppedOn: CalendarDate? = null)

/**
 * Who the user is, as typed on the profile form; blank parts are not given. No rule reads
 * it: the files name the user only when the Share screen says so.
 *
 * @property name the name as the user wants it on a report.
 * @property birthDate the date of birth as typed, `YYYY-MM-DD`.
 * @property identifier a patient number given by a clinic.
 * @property issuer who gave the patient number.
 */
data class IdentityForm(
    val name: String = "",
    val birthDate: String = "",
    val identifier: String = "",
    val issuer: String = "",
) {
    /** The identity to save, or `null` when the date of birth is not a date. */
    fun toIdentity(): PatientIdentity? {
        val born = birthDate.trim().ifEmpty { null }?.let {
            try {
                LocalDate.parse(it).toCalendarDate()
            } catch (_: DateTimeParseException) {
                return null
            }
        }
        return PatientIdentity(
            name = name.trim().ifEmpty { null },
            birthDate = born,
            identifier = identifier.trim().ifEmpty { null },
            identifierIssuer = issuer.trim().ifEmpty { null },
        )
    }

    companion object {
        /** The form showing [identity] as saved. */
        fun of(identity: PatientIdentity): IdentityForm = IdentityForm(
            name = identity.name.orEmpty(),
            birthDate = identity.birthDate?.toLocalDate()?.toString().orEmpty(),
            identifier = identity.identifier.orEmpty(),
            issuer = identity.identifierIssuer.orEmpty(),
        )
    }
}

/**
 * The care plan form, as the user copies it from their dermatologist.
 *
 * @property setBy who set it, for example "Dr Amara Osei, dermatologist".
 * @property rest minimum rests in days replacing the defaults, per region.
 * @property maxNeedle the longest needle allowed in millimetres, per region; a region left
 *   out has no limit from the plan.
 * @property allowedZones the only zones allowed; empty means every zone.
 * @property avoidProducts product categories to keep off needled skin.
 * @property clearedConditions profile conditions the clinician reviewed and cleared.
 */
data class CarePlanForm(
    val setBy: String = "",
    val rest: Map<BodyRegion, UInt> = emptyMap(),
    val maxNeedle: Map<BodyRegion, Double> = emptyMap(),
    val allowedZones: List<BodyZone> = emptyList(),
    val avoidProducts: List<ProductCategory> = emptyList(),
    val clearedConditions: List<Condition> = emptyList(),
) {
    /** The core's record for this form, set at [setAt]. */
    fun toCarePlan(setAt: Moment): CarePlan = CarePlan(
        setBy = setBy.trim(),
        setAt = setAt,
        rest = rest.map { (region, days) -> CarePlanRest(region, days) },
        maxNeedle = maxNeedle.map { (region, mm) -> CarePlanNeedleLimit(region, mm) },
        allowedZones = allowedZones,
        avoidProducts = avoidProducts,
        clearedConditions = clearedConditions,
    )

    /** Factories. */
    companion object {
        /** The form showing a saved [plan]. */
        fun of(plan: CarePlan): CarePlanForm = CarePlanForm(
            setBy = plan.setBy,
            rest = plan.rest.associate { it.region to it.minRestDays },
            maxNeedle = plan.maxNeedle.associate { it.region to it.maxNeedleLengthMm },
            allowedZones = plan.allowedZones,
            avoidProducts = plan.avoidProducts,
            clearedConditions = plan.clearedConditions,
        )
    }
}

/**
 * What the Settings screen shows.
 *
 * @property skinType the Fitzpatrick skin type chosen, if any.
 * @property answers the conditions answered so far.
 * @property identity the name, date of birth and patient number form.
 * @property savedProfile the profile as last saved.
 * @property quietHours the quiet hours in force (`null`: none).
 * @property carePlan the care plan form.
 * @property savedCarePlan the care plan in force, if any.
 * @property problem what went wrong on the last call, if anything.
 */
data class SettingsUi(
    val skinType: SkinType? = null,
    val answers: Map<Condition, Answer> = emptyMap(),
    val identity: IdentityForm = IdentityForm(),
    val savedProfile: Profile? = null,
    val quietHours: QuietHours? = null,
    val carePlan: CarePlanForm = CarePlanForm(),
    val savedCarePlan: CarePlan? = null,
    val problem: Problem? = null,
)

/** State holder of the Settings screen. */
class SettingsState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(SettingsUi())

    /** What the screen shows. */
    val state: StateFlow<SettingsUi> = _state.asStateFlow()

    /** Reads the saved profile, quiet hours and care plan into the forms. */
    suspend fun load() {
        val outcome = attempt {
            Triple(
                rollSafe.withStore { it.profile() },
                rollSafe.withStore { it.quietHours() },
                rollSafe.withStore { it.carePlan() },
            )
        }
        when (outcome) {
            is Outcome.Done -> {
                val (profile, quiet, plan) = outcome.value
                _state.value = SettingsUi(
                    skinType = profile?.skinType,
                    answers = profile?.answers.orEmpty().associate { it.condition to Answer(it.present, it.stoppedOn) },
                    identity = profile?.identity?.let(IdentityForm::of) ?: IdentityForm(),
                    savedProfile = profile,
                    quietHours = quiet,
                    carePlan = plan?.let(CarePlanForm::of) ?: CarePlanForm(),
                    savedCarePlan = plan,
                )
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Chooses the skin type (`null`: not known). */
    fun setSkinType(type: SkinType?) = _state.update { it.copy(skinType = type, problem = null) }

    /** Answers about [condition]. */
    fun answer(condition: Condition, answer: Answer) =
        _state.update { it.copy(answers = it.answers + (condition to answer), problem = null) }

    /** Edits the name, date of birth and patient number form. */
    fun editIdentity(change: (IdentityForm) -> IdentityForm) =
        _state.update { it.copy(identity = change(it.identity), problem = null) }

    /** Edits the care plan form. */
    fun editCarePlan(change: (CarePlanForm) -> CarePlanForm) =
        _state.update { it.copy(carePlan = change(it.carePlan), problem = null) }

    /**
     * Saves the profile form as a new revision; every answer is confirmed at [now]. A date of
     * birth that is not a date (`identity.birth_date`) saves nothing; the core checks the rest.
     */
    suspend fun saveProfile(now: Moment) {
        val ui = _state.value
        val identity = ui.identity.toIdentity()
        if (identity == null) {
            _state.update { it.copy(problem = Problem("Write the date of birth as YYYY-MM-DD.", "identity.birth_date")) }
            return
        }
        val update = ProfileUpdate(
            skinType = ui.skinType,
            answers = ui.answers.map { (condition, a) -> ConditionAnswer(condition, a.present, a.stoppedOn, now) },
            identity = identity,
        )
        when (val outcome = attempt { rollSafe.saveProfile(update, now) }) {
            is Outcome.Done -> {
                _state.update { it.copy(savedProfile = outcome.value.profile, problem = null) }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /**
     * Sets the quiet hours, in minutes after local midnight (`null`: none); a start after
     * the end spans midnight. Reminders are reconciled at [now] afterwards.
     */
    suspend fun setQuietHours(quiet: QuietHours?, now: Moment) {
        when (val outcome = attempt { rollSafe.withStore { it.setQuietHours(quiet); it.quietHours() } }) {
            is Outcome.Done -> {
                _state.update { it.copy(quietHours = outcome.value, problem = null) }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Records the care plan form as set at [setAt] (by default [now]), in force from [now]. */
    suspend fun saveCarePlan(now: Moment, setAt: Moment = now) {
        when (val outcome = attempt { rollSafe.setCarePlan(_state.value.carePlan.toCarePlan(setAt), now) }) {
            is Outcome.Done -> {
                _state.update { it.copy(savedCarePlan = outcome.value.plan, carePlan = CarePlanForm.of(outcome.value.plan), problem = null) }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }
}
