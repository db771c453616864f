/// Where each figure of a community was written, keyed by the figure's name in the file (`members`,
/// `activity.discussions`, ...), so that warnings raised after loading can point at the value.
///
/// Loading records a handful of these per community, so the figures of a YAML file are held inline
/// as line and column numbers (no hashing and no allocation per community); a location that names a
/// table column or a workbook cell, one in another file, or a name outside `Figure` is kept whole in a
/// dictionary. Either way a look-up gives back the `SourceLocation` that was stored.
public struct FieldLocations: Hashable, Sendable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The figures held inline: the community fields that warnings point at.
    public enum Figure: Int, CaseIterable, Sendable {
        case members, reach, actions, channel, presence, phase, sentiment, funnelStep
        case activity, activityDiscussions, activityReactions

        /// The figure's name in the file.
        public var name: String {
            switch self {
            case .members: return "members"
            case .reach: return "reach"
            case .actions: return "actions"
            case .channel: return "channel"
            case .presence: return "presence"
            case .phase: return "phase"
            case .sentiment: return "sentiment"
            case .funnelStep: return "funnel_step"
            case .activity: return "activity"
            case .activityDiscussions: return "activity.discussions"
            case .activityReactions: return "activity.reactions"
            }
        }

        /// The figure named `name` in the file, or nil.
        public init?(name: String) {
            guard let figure = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = figure
        }
    }

    /// The file of every inline location (set by the first one stored).
    private var file: String?
    /// Line and column of each figure by `Figure.rawValue`; line 0: not held inline.
    private var lines = SIMD16<UInt32>()
    private var columns = SIMD16<UInt32>()
    /// Locations not held inline.
    private var others: [String: SourceLocation] = [:]

    /// No locations.
    public init() {}

    public init(dictionaryLiteral elements: (String, SourceLocation)...) {
        for (name, location) in elements { self[name] = location }
    }

    /// Records that `figure` was written at `line`:`column` of `file` (the common case, without
    /// building a `SourceLocation`).
    public mutating func set(_ figure: Figure, file: String, line: Int, column: Int) {
        guard line > 0, line <= Int(UInt32.max), column >= 0, column <= Int(UInt32.max),
              self.file == nil || self.file == file else {
            lines[figure.rawValue] = 0
            columns[figure.rawValue] = 0
            others[figure.name] = SourceLocation(file: file, line: line, column: column)
            return
        }
        if self.file == nil { self.file = file }
        if !others.isEmpty { others[figure.name] = nil }
        lines[figure.rawValue] = UInt32(line)
        columns[figure.rawValue] = UInt32(column)
    }

    /// Where `figure` was written, if recorded.
    public subscript(figure: Figure) -> SourceLocation? {
        let line = lines[figure.rawValue]
        if line > 0, let file { return SourceLocation(file: file, line: Int(line), column: Int(columns[figure.rawValue])) }
        return others.isEmpty ? nil : others[figure.name]
    }

    /// Where the field `name` was written, if recorded; setting nil removes it.
    public subscript(name: String) -> SourceLocation? {
        get {
            if let figure = Figure(name: name) { return self[figure] }
            return others[name]
        }
        set {
            let figure = Figure(name: name)
            if let figure {
                lines[figure.rawValue] = 0
                columns[figure.rawValue] = 0
            }
            guard let newValue else {
                others[name] = nil
                return
            }
            if let figure, newValue.columnName == nil, newValue.cell == nil {
                set(figure, file: newValue.file, line: newValue.line, column: newValue.column)
            } else {
                others[name] = newValue
            }
        }
    }

    /// Every recorded location by field name.
    public var all: [String: SourceLocation] {
        var result = others
        for figure in Figure.allCases { if let location = self[figure] { result[figure.name] = location } }
        return result
    }

    /// The number of recorded locations.
    public var count: Int {
        var inline = 0
        for figure in Figure.allCases where lines[figure.rawValue] > 0 { inline += 1 }
        return inline + others.count
    }

    public var isEmpty: Bool { count == 0 }

    public var description: String { all.description }

    /// Equal when the same names have the same locations, however they are held.
    public static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool {
        if lhs.file == rhs.file && lhs.lines == rhs.lines && lhs.columns == rhs.columns && lhs.others == rhs.others {
            return true
        }
        return lhs.all == rhs.all
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for figure in Figure.allCases { hasher.combine(self[figure]) }
    }
}
