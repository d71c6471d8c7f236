// Conversions between java.time and the core's time records. Pure adaptation:
// the core decides what a moment or a date means; these only change shape.
package app.rollsafe.ktx

import app.rollsafe.CalendarDate
import app.rollsafe.DateRange
import app.rollsafe.Moment
import app.rollsafe.WallClock
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

/**
 * This instant as a [Moment], with the UTC offset that [zone] had at this instant
 * (so a zone with daylight saving time gives the right offset on either side of a change).
 */
fun Instant.toMoment(zone: ZoneId = ZoneId.systemDefault()): Moment =
    Moment(instant = this, utcOffsetSeconds = zone.rules.getOffset(this).totalSeconds)

/** This date-time as a [Moment]: its instant and the offset in force at it. */
fun ZonedDateTime.toMoment(): Moment =
    Moment(instant = toInstant(), utcOffsetSeconds = offset.totalSeconds)

/** This date-time as a [Moment]: its instant and its offset. */
fun OffsetDateTime.toMoment(): Moment =
    Moment(instant = toInstant(), utcOffsetSeconds = offset.totalSeconds)

/** This moment as the local date-time it was where it was recorded, with its offset. */
fun Moment.toOffsetDateTime(): OffsetDateTime =
    OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(utcOffsetSeconds))

/**
 * This calendar date as a [LocalDate].
 *
 * @throws java.time.DateTimeException if the record does not name a real date.
 */
fun CalendarDate.toLocalDate(): LocalDate =
    LocalDate.of(year, month.toInt(), day.toInt())

/** This date as the core's [CalendarDate]. */
fun LocalDate.toCalendarDate(): CalendarDate =
    CalendarDate(year = year, month = monthValue.toUInt(), day = dayOfMonth.toUInt())

/**
 * The local days from [from] to [to], both included, as the core's [DateRange] (an export's
 * period). The core checks it: a [to] before [from] is refused, naming `period`.
 */
fun DateRange.Companion.of(from: LocalDate, to: LocalDate): DateRange =
    DateRange(from = from.toCalendarDate(), to = to.toCalendarDate())

/**
 * This wall-clock time (a local date, hour and minute, as the core gives for reminders)
 * as a [LocalDateTime].
 *
 * @throws java.time.DateTimeException if the record does not name a real date and time.
 */
fun WallClock.toLocalDateTime(): LocalDateTime =
    LocalDateTime.of(date.toLocalDate(), java.time.LocalTime.of(hour.toInt(), minute.toInt()))

/** The current instant of this clock as a [Moment], with this clock's zone's offset. */
fun Clock.nowMoment(): Moment = instant().toMoment(zone)
