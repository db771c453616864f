/// The only Graphviz attributes ecomap ever sets. Nothing from the input can name an attribute, so
/// `image`, `shapefile`, `fontpath`, `stylesheet`, `imagepath` and friends can never be set; `fontname`
/// is set only to `GraphvizAttribute.font`.
enum GraphvizAttribute: String, CaseIterable {
    // Graph
    case bgcolor, outputorder, overlap, sep, esep, splines, pack, packmode, ratio, pad
    case nodesep, ranksep, rankdir, label, labelloc, labeljust, start, mode, model
    // Nodes, edges, clusters
    case id, shape, style, fillcolor, color, fontcolor, fontname, fontsize, penwidth, peripheries
    case width, height, fixedsize, margin, dir, arrowhead, arrowsize
    // Pinned layouts (the strategy matrix)
    case pos, inputscale, forcelabels, xlabel

    /// The font Graphviz measures labels with (fontconfig resolves it to a metric-compatible face
    /// such as Liberation Sans). Never taken from input.
    static let font = "Arial"

    /// Arrowheads are 0.7 of Graphviz's 10 pt default.
    static let arrowSize = "0.7"
}
