/// The documented limits on input. Input over a limit is an error that names the limit.
public struct Limits: Sendable, Hashable {
    /// Largest input file, checked before parsing.
    public var maxFileBytes: Int = 64 * 1024 * 1024
    /// Longest single text (name, notes, description, ...), in bytes.
    public var maxTextBytes: Int = 64 * 1024
    /// Deepest nesting of YAML collections.
    public var maxDepth: Int = 64
    /// Most YAML nodes an alias may expand to, summed over all aliases.
    public var maxAliasExpansion: Int = 1_000_000
    /// Most text bytes that aliases may repeat, summed over all aliases: the text after alias expansion
    /// is at most the file's own text plus this.
    public var maxAliasTextBytes: Int = 4 * 1024 * 1024
    /// Most graph nodes (communities + influencers + stakeholders) plus topics.
    public var maxNodes: Int = 250_000
    /// Most links.
    public var maxLinks: Int = 2_000_000
    /// Largest count (members, reach, followers) and largest per-month figure.
    public var maxCount: Double = 1e12
    /// Largest output ecomap writes (a file, or a command's output on stdout).
    public var maxOutputBytes: Int = 256 * 1024 * 1024
    /// Most diagnostics printed; the rest are counted in one closing line.
    public var maxDiagnosticsShown: Int = 100
    /// Longest value quoted in a diagnostic, in characters; a longer one is cut, its length shown.
    public var maxQuotedCharacters: Int = 64

    public init() {}

    public static let standard = Limits()
}
