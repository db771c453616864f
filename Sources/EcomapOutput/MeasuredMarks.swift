import EcomapModel

/// How every output says which figures were measured (from exports, `sources:`) and which were typed
/// (docs/measure.md). Outputs add these marks only when the ecosystem has measured communities, so files
/// without sources read exactly as before.
public enum MeasuredMarks {
    /// The figures whose origin is reported, by their file names.
    public static let figures = ["members", "activity.discussions", "activity.reactions", "reach", "actions", "sentiment"]

    /// Whether any community of the ecosystem was measured.
    public static func any(_ e: Ecosystem) -> Bool { e.communities.contains { $0.measured != nil } }

    /// The community of an id.
    static func community(_ e: Ecosystem, _ id: String) -> Community? { e.communities.first { $0.id == id } }

    /// `measured`, `typed` or `missing` for one figure of a community.
    public static func origin(_ c: Community, _ figure: String) -> String {
        if c.isMeasured(figure) { return "measured" }
        let known: Bool
        switch figure {
        case "members": known = c.members != nil
        case "activity.discussions": known = c.discussions != nil
        case "activity.reactions": known = c.reactions != nil
        case "reach": known = c.reach != nil
        case "actions": known = c.actions != nil
        default: known = c.sentiment != nil
        }
        return known ? "typed" : "missing"
    }

    /// One line for tables and tooltips: `measured 2026-01-01..2026-03-31 from a.json: activity.discussions, ...`.
    public static func line(_ c: Community) -> String? {
        guard let m = c.measured else { return nil }
        let what = m.figures.isEmpty ? "no figure" : m.figures.joined(separator: ", ")
        return "\(m.summary): \(what); other figures typed"
    }

    /// `{"members": "typed", "activity.discussions": "measured", ...}`: the origin of every figure (export JSON).
    static func origins(_ c: Community) -> JSONValue {
        .object(figures.map { .init($0, .string(origin(c, $0))) })
    }

    /// `members=typed;activity.discussions=measured;...`: the origin of every figure in one text (GraphML).
    static func originList(_ c: Community) -> String {
        figures.map { "\($0)=\(origin(c, $0))" }.joined(separator: ";")
    }

    /// The rank JSON's per-figure origins and the measurement window and sources.
    /// The per-figure origins go into the rank JSON's `figures` objects (`"origin"`); this adds the window.
    static func json(_ c: Community) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        if let m = c.measured {
            members.append(.init("measurement", .object([
                .init("window", .object([.init("from", .string(m.measurement.from.description)),
                                         .init("to", .string(m.measurement.to.description))])),
                .init("sources", .array(m.measurement.sources.map { .string($0) })),
            ])))
        } else {
            members.append(.init("measurement", .null))
        }
        return members
    }
}
