// Foundation conversions for the generated time types: `Moment` to and from
// `Date` + `TimeZone`, and `CalendarDate` / `WallClock` to and from
// `DateComponents`. The core decides what a local day is; these only adapt.
import Foundation

/// A Gregorian calendar fixed to `timeZone`: the calendar every conversion here uses, so the
/// user's own calendar setting (Buddhist, Japanese…) never changes what a date means.
private func gregorian(in timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
}

extension Moment {
    /// The moment `date` as seen in `timeZone`: the instant, with the zone's UTC offset at that
    /// instant (so Europe/Paris gives +01:00 in winter and +02:00 in summer).
    ///
    /// - Parameters:
    ///   - date: the instant.
    ///   - timeZone: the zone whose offset at `date` the moment keeps.
    public init(date: Date, timeZone: TimeZone) {
        self.init(instant: date, utcOffsetSeconds: Int32(timeZone.secondsFromGMT(for: date)))
    }

    /// The current moment (or `date`) in `timeZone`, as an app passes it as `now`.
    ///
    /// - Parameters:
    ///   - timeZone: the user's zone; the device's current zone by default.
    ///   - date: the instant; the clock's current time by default.
    public static func now(in timeZone: TimeZone = .current, at date: Date = Date()) -> Moment {
        Moment(date: date, timeZone: timeZone)
    }

    /// The instant, as a Foundation `Date` (the offset is dropped).
    public var date: Date { instant }

    /// A fixed-offset zone for the moment's UTC offset (not the named zone it came from:
    /// a `Moment` keeps only the offset). Nil only for an offset Foundation refuses.
    public var fixedOffsetTimeZone: TimeZone? { TimeZone(secondsFromGMT: Int(utcOffsetSeconds)) }

    /// The local wall-clock reading of the moment at its own offset: era-free Gregorian
    /// year, month, day, hour, minute, second and nanosecond, with `timeZone` set to the
    /// fixed offset.
    public var dateComponents: DateComponents {
        let zone = fixedOffsetTimeZone ?? TimeZone(identifier: "UTC")!
        return gregorian(in: zone).dateComponents(
            [.calendar, .timeZone, .year, .month, .day, .hour, .minute, .second, .nanosecond], from: instant)
    }

    /// The local calendar date of the moment at its own offset.
    public var calendarDate: CalendarDate {
        let parts = dateComponents
        return CalendarDate(
            year: Int32(parts.year ?? 0), month: UInt32(parts.month ?? 1), day: UInt32(parts.day ?? 1))
    }
}

extension CalendarDate {
    /// The calendar date in `components`, read as Gregorian `year`, `month` and `day`; nil when
    /// one of them is missing or out of range for the generated type. The date itself is not
    /// checked against the calendar (February 30 passes): the library refuses it with a
    /// `RollSafeError.InvalidInput` naming the field.
    ///
    /// - Parameter components: at least `year`, `month` and `day`; other fields are ignored.
    public init?(_ components: DateComponents) {
        guard let year = components.year, let month = components.month, let day = components.day,
            let year32 = Int32(exactly: year), let month32 = UInt32(exactly: month), let day32 = UInt32(exactly: day)
        else { return nil }
        self.init(year: year32, month: month32, day: day32)
    }

    /// The local calendar date of `date` in `timeZone` (Gregorian).
    ///
    /// - Parameters:
    ///   - date: the instant.
    ///   - timeZone: the zone whose local day is wanted; the device's current zone by default.
    public init(date: Date, timeZone: TimeZone = .current) {
        let parts = gregorian(in: timeZone).dateComponents([.year, .month, .day], from: date)
        self.init(year: Int32(parts.year ?? 0), month: UInt32(parts.month ?? 1), day: UInt32(parts.day ?? 1))
    }

    /// The date as Gregorian `DateComponents` (`calendar`, `year`, `month`, `day`), ready for
    /// `Calendar.date(from:)` or a `UNCalendarNotificationTrigger`.
    public var dateComponents: DateComponents {
        DateComponents(
            calendar: Calendar(identifier: .gregorian), year: Int(year), month: Int(month), day: Int(day))
    }

    /// The start of this local day in `timeZone`, or nil when the date does not exist.
    ///
    /// - Parameter timeZone: the zone whose midnight (or first instant after a skipped one) is wanted.
    public func startOfDay(in timeZone: TimeZone = .current) -> Date? {
        var parts = dateComponents
        parts.timeZone = timeZone
        return gregorian(in: timeZone).date(from: parts)
    }
}

extension WallClock {
    /// The local wall-clock time as Gregorian `DateComponents` (`year`, `month`, `day`, `hour`,
    /// `minute`) with no time zone: it means "at this reading of the user's clock", which is what a
    /// calendar notification trigger expects.
    public var dateComponents: DateComponents {
        DateComponents(
            calendar: Calendar(identifier: .gregorian), year: Int(date.year), month: Int(date.month),
            day: Int(date.day), hour: Int(hour), minute: Int(minute))
    }

    /// The first instant at which a clock in `timeZone` reads this time, or nil when it never does.
    ///
    /// - Parameter timeZone: the user's zone.
    public func date(in timeZone: TimeZone = .current) -> Date? {
        var parts = dateComponents
        parts.timeZone = timeZone
        return gregorian(in: timeZone).date(from: parts)
    }
}
