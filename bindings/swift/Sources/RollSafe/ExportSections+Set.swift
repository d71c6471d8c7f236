// The generated `ExportSections` is a record of seven flags with `let`
// fields; a form wants to switch one section at a time. This names the
// sections and converts to and from a set of them.

/// One part of the log an export can carry.
public enum ExportSection: String, CaseIterable, Hashable, Sendable {
    /// Profile answers with their dates.
    case profile
    /// Devices, wear, replacement and cleaning adherence.
    case devices
    /// The session timeline.
    case sessions
    /// Cleanings.
    case cleanings
    /// Symptom reports and triage prompts.
    case symptoms
    /// Alerts.
    case alerts
    /// The care plan.
    case carePlan
}

extension ExportSections {
    /// Every section.
    public static let all = ExportSections(Set(ExportSection.allCases))

    /// The sections in `included`, and no other.
    ///
    /// - Parameter included: the sections to carry.
    public init(_ included: Set<ExportSection>) {
        self.init(
            profile: included.contains(.profile), devices: included.contains(.devices),
            sessions: included.contains(.sessions), cleanings: included.contains(.cleanings),
            symptoms: included.contains(.symptoms), alerts: included.contains(.alerts),
            carePlan: included.contains(.carePlan))
    }

    /// The sections included.
    public var included: Set<ExportSection> {
        Set(ExportSection.allCases.filter(contains))
    }

    /// True when `section` is included.
    ///
    /// - Parameter section: the section.
    public func contains(_ section: ExportSection) -> Bool {
        switch section {
        case .profile: return profile
        case .devices: return devices
        case .sessions: return sessions
        case .cleanings: return cleanings
        case .symptoms: return symptoms
        case .alerts: return alerts
        case .carePlan: return carePlan
        }
    }

    /// These sections with `section` included or left out.
    ///
    /// - Parameters:
    ///   - section: the section.
    ///   - include: true to include it.
    public func setting(_ section: ExportSection, _ include: Bool) -> ExportSections {
        var sections = included
        if include { sections.insert(section) } else { sections.remove(section) }
        return ExportSections(sections)
    }

    /// True when every section is included.
    public var isAll: Bool { self == .all }
}
