// Foundation conversions for the generated `DateRange` (a run of local
// calendar days, both ends included), as a date picker gives them. The core
// checks the range (an end before its start is refused, naming the field);
// these only adapt.
import Foundation

extension DateRange {
    /// The local days from the day of `start` to the day of `end`, both included, as read in
    /// `timeZone` (Gregorian), which is what two date pickers mean.
    ///
    /// - Parameters:
    ///   - start: any instant on the first day.
    ///   - end: any instant on the last day.
    ///   - timeZone: the zone whose local days are meant; the device's current zone by default.
    public init(from start: Date, to end: Date, in timeZone: TimeZone = .current) {
        self.init(from: CalendarDate(date: start, timeZone: timeZone), to: CalendarDate(date: end, timeZone: timeZone))
    }

    /// The days from `start` to `end`, both included, read as Gregorian `year`, `month` and
    /// `day`; nil when either lacks one of them (see `CalendarDate.init?(_:)`).
    ///
    /// - Parameters:
    ///   - start: the first day.
    ///   - end: the last day.
    public init?(from start: DateComponents, to end: DateComponents) {
        guard let first = CalendarDate(start), let last = CalendarDate(end) else { return nil }
        self.init(from: first, to: last)
    }

    /// The `count` local days that end with the day of `now` at its own offset: `count` 30
    /// on 2026-03-31 gives 2026-03-02 … 2026-03-31. Nil when `count` is less than 1.
    ///
    /// - Parameters:
    ///   - count: how many days, today included.
    ///   - now: the current moment; its offset decides what "today" is.
    public static func days(_ count: Int, endingOn now: Moment) -> DateRange? {
        guard count >= 1, let zone = now.fixedOffsetTimeZone else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let first = calendar.date(byAdding: .day, value: -(count - 1), to: now.instant) else { return nil }
        return DateRange(from: CalendarDate(date: first, timeZone: zone), to: now.calendarDate)
    }
}
