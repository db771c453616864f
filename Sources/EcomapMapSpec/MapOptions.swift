import EcomapModel

/// The map choices a user can make on the command line; `nil` means "the file's style, else the
/// default". The CLI flag always wins over `style:` in the file.
public struct MapOptions: Sendable, Hashable {
    public var engine: EngineOption
    public var theme: Theme?
    public var groupBy: GroupBy?
    /// Rank badges on the top N communities.
    public var labelTop: Int?
    public var aspect: Aspect?
    /// `--overlap keep`: lay out without overlap removal (large maps finish in time; shapes may overlap).
    public var keepOverlaps: Bool

    public init(engine: EngineOption = .auto, theme: Theme? = nil, groupBy: GroupBy? = nil,
                labelTop: Int? = nil, aspect: Aspect? = nil, keepOverlaps: Bool = false) {
        self.keepOverlaps = keepOverlaps
        self.engine = engine
        self.theme = theme
        self.groupBy = groupBy
        self.labelTop = labelTop
        self.aspect = aspect
    }

    /// Rank badges when neither the flag nor the file says.
    public static let defaultLabelTop = 10
}
