// The Settings screen: the profile answers (skin type, conditions and medications),
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
import app.rollsafe.Profile
import app.rollsafe.ProfileUpdate
import app.rollsafe.ProductCategory
import app.rollsafe.QuietHours
import app.rollsafe.SkinType
import app.rollsafe.ktx.RollSafe
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
 * @property savedProfile the profile as last saved.
 * @property quietHours the quiet hours in force (`null`: none).
 * @property carePlan the care plan form.
 * @property savedCarePlan the care plan in force, if any.
 * @property problem what went wrong on the last call, if anything.
 */
data class SettingsUi(
    val skinType: SkinType? = null,
    val answers: Map<Condition, Answer> = emptyMap(),
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

    /** Edits the care plan form. */
    fun editCarePlan(change: (CarePlanForm) -> CarePlanForm) =
        _state.update { it.copy(carePlan = change(it.carePlan), problem = null) }

    /** Saves the profile form as a new revision; every answer is confirmed at [now]. */
    suspend fun saveProfile(now: Moment) {
        val ui = _state.value
        val update = ProfileUpdate(
            skinType = ui.skinType,
            answers = ui.answers.map { (condition, a) -> ConditionAnswer(condition, a.present, a.stoppedOn, now) },
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
