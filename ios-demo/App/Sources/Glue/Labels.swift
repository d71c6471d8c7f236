// Display text for the core's enums and dates. English only in the demo; a
// shipping app would localise these.
import Foundation
import RollSafe

/// "upperLip" → "Upper lip": a readable name for a generated enum case.
func label(_ value: Any) -> String {
    let name = String(describing: value)
    var words = ""
    for character in name {
        if character.isUppercase, !words.isEmpty { words.append(" ") }
        words.append(words.isEmpty ? Character(character.uppercased()) : Character(character.lowercased()))
    }
    return words
}

extension CalendarDate {
    /// The date in the user's format, for example "8 Mar 2026".
    var text: String {
        guard let date = startOfDay(in: .current) else { return "\(year)-\(month)-\(day)" }
        return date.formatted(date: .abbreviated, time: .omitted)
    }
}

extension Moment {
    /// The moment as the user's clock shows it.
    var text: String { date.formatted(date: .abbreviated, time: .shortened) }
}
