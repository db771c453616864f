import EcomapModel
import EcomapAnalysis
import EcomapText

/// The output formats of `ecomap rank`.
public enum RankFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

/// How `rank --format csv` writes its cells, for the spreadsheet that opens them: Excel and Calc in
/// Dutch or German expect `;` between cells and a decimal comma.
public struct CSVStyle: Sendable, Hashable {
    /// `,`, `;` or tab.
    public var delimiter: Character
    /// Numbers written `62,10` instead of `62.10`.
    public var decimalComma: Bool

    public init(delimiter: Character = ",", decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
    }

    /// `,` and a decimal point: what every program reads without settings.
    public static let standard = CSVStyle()
}

/// What `ecomap rank` prints: the analysis, how many communities, and the optional extras.
public struct RankReport: Sendable {
    public var analysis: Analysis
    /// Communities shown (all when `nil`); `nodes` in JSON always lists every node.
    public var top: Int?
    /// Adds each dimension's contribution to the score.
    public var explain: Bool
    /// Adds best rank, worst rank and top-N share per community.
    public var sensitivity: Sensitivity.Report?
    /// Delimiter and decimal mark of the CSV format.
    public var csvStyle: CSVStyle
    /// How the table and Markdown formats write numbers (`--locale`; English by default).
    public var locale: NumberLocale {
        didSet { keptNames = locale.namesToKeep(analysis.ecosystem.graphNodes.map(\.name)) }
    }
    /// Names that contain what reads as a number (`Mom 2.0`): kept literal inside sentences.
    private var keptNames: [String] = []

    public init(analysis: Analysis, top: Int? = nil, explain: Bool = false, sensitivity: Sensitivity.Report? = nil,
                csvStyle: CSVStyle = .standard, locale: NumberLocale = .en) {
        self.csvStyle = csvStyle
        self.locale = locale
        self.keptNames = locale.namesToKeep(analysis.ecosystem.graphNodes.map(\.name))
        self.analysis = analysis
        self.top = top
        self.explain = explain
        self.sensitivity = sensitivity
    }

    /// The communities shown, in rank order.
    public var shown: [CommunityScore] {
        guard let top else { return analysis.ranking }
        return Array(analysis.ranking.prefix(max(0, top)))
    }

    /// A generated cell or sentence (no user text but quoted names) with its numbers in `locale`.
    func numbers(_ text: String) -> String {
        locale == .en ? text : locale.localize(text, keeping: keptNames)
    }

    /// The sensitivity row of a community.
    func sensitivityRow(_ id: String) -> Sensitivity.Row? {
        sensitivity?.rows.first { $0.id == id }
    }

    /// Renders the report in `format`; every format ends with a newline.
    public func rendered(as format: RankFormat) -> String {
        switch format {
        case .table: RankTable.render(self)
        case .csv: RankCSV.render(self)
        case .json: RankJSON.render(self)
        case .markdown: RankMarkdown.render(self)
        }
    }
}

/// Shared cell texts so the four formats agree.
enum RankCells {
    /// A dimension score rounded to whole points, or `fallback` when unknown.
    static func dimension(_ value: Double?, fallback: String) -> String {
        value.map { NumberText.fixed($0.rounded(), 0) } ?? fallback
    }

    /// Headers of `dimensionCells`: the four dimensions with social density beside activity.
    static let dimensionHeaders = ["Size", "Activity", "Density", "Reach", "Action"]

    /// Size, activity, social density (weighted interactions per member per month), reach and action; a
    /// dimension an unknown figure leaves open shows its range (`0–85`), a density its band when it is
    /// outside it (`0.01 low`).
    static func dimensionCells(_ s: CommunityScore, fallback: String) -> [String] {
        func cell(_ d: Dimension) -> String {
            if let v = s.dimensions[d] { return dimension(v, fallback: fallback) }
            guard let lo = s.pessimisticDimensions[d], let hi = s.optimisticDimensions[d] else { return fallback }
            return NumberText.fixed(lo.rounded(), 0) + "–" + NumberText.fixed(hi.rounded(), 0)
        }
        let density = s.socialDensity.map { value -> String in
            let text = NumberText.padded(value, 3)
            switch s.densityBand {
            case .low?: return text + " low"
            case .high?: return text + " high"
            default: return text
            }
        } ?? fallback
        return [cell(.size), cell(.activity), density, cell(.reach), cell(.action)]
    }

    /// `38.2–63.0`: the conservative (pessimistic) and the optimistic score; `exact` when every figure is known.
    static func range(_ s: CommunityScore) -> String {
        if s.optimistic - s.pessimistic < 0.05 { return "exact" }
        return NumberText.padded(s.pessimistic, 1) + "–" + NumberText.padded(s.optimistic, 1)
    }

    /// The tier, with `*` when it is borderline and `(held)` when the previous snapshot's tier was kept.
    static func tier(_ s: CommunityScore) -> String {
        s.tier.rawValue + (s.tierHeld ? " (held)" : s.borderline ? "*" : "")
    }

    /// `Goal: support (actions count questions answered or solved by members).` or nil.
    static func goal(_ a: Analysis) -> String? {
        a.goal.map { "Goal: \($0.rawValue) (actions count \(GoalPreset.actionMeaning($0)))" }
    }

    /// `size 1, activity 1, reach 1, action 1`.
    static func weights(_ w: ScoringWeights) -> String {
        Dimension.allCases.map { "\($0.rawValue) \(NumberText.fixed(w[$0], 4))" }.joined(separator: ", ")
    }

    /// `size 14.6 + activity 14.2 + reach 0.0 + action 12.3 = 41.1`: each dimension's part of the
    /// conservative score.
    static func contributions(_ s: CommunityScore) -> String {
        Dimension.allCases.map { d in
            "\(d.rawValue) " + (s.contributions[d].map { NumberText.padded($0, 1) } ?? "-")
        }.joined(separator: " + ") + " = \(NumberText.padded(s.score, 1))"
    }
}
