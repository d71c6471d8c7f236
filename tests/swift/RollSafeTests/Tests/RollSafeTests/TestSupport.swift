// Helpers shared by the XCTest cases: moments and dates from text.
import Foundation
import RollSafe

/// Parses RFC 3339 text with its offset (`2026-03-01T21:00:00+01:00`, `…Z`, optional fraction)
/// into a `Moment` that keeps the offset; nil when the text is not such a moment. The offset is
/// not range-checked, so the API can be shown one it must refuse.
func parseMoment(_ text: String) -> Moment? {
    let chars = Array(text.utf8)
    var index = 0

    func number(_ count: Int) -> Int? {
        guard index + count <= chars.count else { return nil }
        var value = 0
        for position in index..<(index + count) {
            let digit = Int(chars[position]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        index += count
        return value
    }

    func take(_ allowed: String) -> UInt8? {
        guard index < chars.count, allowed.utf8.contains(chars[index]) else { return nil }
        index += 1
        return chars[index - 1]
    }

    guard let year = number(4), take("-") != nil, let month = number(2), take("-") != nil,
        let day = number(2), take("Tt") != nil, let hour = number(2), take(":") != nil,
        let minute = number(2), take(":") != nil, let second = number(2)
    else { return nil }
    var nanos = 0
    if take(".") != nil {
        var digits = 0
        while index < chars.count, (48...57).contains(chars[index]), digits < 9 {
            nanos = nanos * 10 + Int(chars[index]) - 48
            index += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { nanos *= 10 }
    }
    var offset = 0
    if take("Zz") == nil {
        guard let sign = take("+-"), let offsetHours = number(2), take(":") != nil,
            let offsetMinutes = number(2)
        else { return nil }
        offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
    }
    guard index == chars.count, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
        (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
    else { return nil }
    let local = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    let instant = Date(timeIntervalSince1970: TimeInterval(local - offset) + TimeInterval(nanos) / 1e9)
    return Moment(instant: instant, utcOffsetSeconds: Int32(offset))
}

/// Builds a `Moment` from an ISO-8601 text with its offset, as an app would from the clock.
func moment(_ text: String) -> Moment {
    guard let parsed = parseMoment(text) else { fatalError("bad test moment \(text)") }
    return parsed
}

/// `YYYY-MM-DD` into a `CalendarDate`, not checked against the calendar (the API does that).
func parseDate(_ text: String) -> CalendarDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
        let year = Int32(parts[0]), let month = UInt32(parts[1]), let day = UInt32(parts[2])
    else { return nil }
    return CalendarDate(year: year, month: month, day: day)
}

/// A `CalendarDate` as `YYYY-MM-DD`.
func dateText(_ date: CalendarDate?) -> String? {
    guard let date else { return nil }
    let text = { (value: Int, width: Int) -> String in
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(text(Int(date.year), 4))-\(text(Int(date.month), 2))-\(text(Int(date.day), 2))"
}

private func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

private func daysIn(_ month: Int, of year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
private func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}
