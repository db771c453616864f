import EcomapModel
import EcomapAnalysis

/// Turns a scored ecosystem into a `MapSpec`: the visual encoding documented in docs/map.md.
///
/// - Communities: ellipses whose area grows with the size score (dashed at the smallest size when
///   the size is unknown), filled by focus score on the theme's sequential scale, a `#rank` badge
///   on the top N.
/// - Influencers: rounded boxes. Stakeholders: hexagons coloured by role. The `focus` node: a double
///   outline and a heavier pen.
/// - Links: pen width grows with the weight; the kind and weight are in the tooltip.
/// - Optional clusters by topic (a community's first topic), scope, channel or presence.
public enum MapSpecBuilder {
    /// The spec and any warnings (ignored palette entries, clusters the engine cannot draw, links
    /// that were not made because the URL is not http/https/mailto).
    public static func build(_ analysis: Analysis, options: MapOptions = MapOptions()) -> (MapSpec, [Diagnostic]) {
        let ecosystem = analysis.ecosystem
        let style = ecosystem.style
        var warnings: [Diagnostic] = []
        let (colors, paletteWarnings) = ThemeColors.resolve(theme: options.theme ?? style.theme ?? .light, palette: style.palette)
        warnings += paletteWarnings.map { Diagnostic.warning($0) }

        let groupBy = options.groupBy ?? style.groupBy ?? GroupBy.none
        var grouping = Grouping(ecosystem: ecosystem, by: groupBy)
        if grouping.clusters.count > LayoutPlan.maxClusters {
            warnings.append(.warning("--group-by \(groupBy.rawValue): \(grouping.clusters.count) groups are more than \(LayoutPlan.maxClusters); drawing the map without groups"))
            grouping = Grouping(ecosystem: ecosystem, by: .none)
        }
        let nodeCount = ecosystem.nodeCount
        var plan = LayoutPlan.choose(option: options.engine, fileEngine: style.engine, nodeCount: nodeCount,
                                     grouped: !grouping.clusters.isEmpty)
        if options.keepOverlaps {
            plan.removesOverlaps = false
            if plan.engine != .dot { plan.reason += "; no overlap removal (--overlap keep)" }
        }
        if !grouping.clusters.isEmpty && !plan.drawsClusters {
            warnings.append(.warning("--group-by \(groupBy.rawValue): the \(plan.engine.rawValue) engine does not draw groups; use --engine dot (or fdp)"))
        }
        let labelTop = max(0, options.labelTop ?? style.labelTop ?? MapOptions.defaultLabelTop)
        let encoder = NodeEncoder(analysis: analysis, colors: colors, labelTop: labelTop,
                                  clusterOf: plan.drawsClusters ? grouping.clusterOf : [:])

        var nodes: [MapNode] = []
        for community in ecosystem.communities { nodes.append(encoder.community(community)) }
        for influencer in ecosystem.influencers { nodes.append(encoder.influencer(influencer)) }
        for stakeholder in ecosystem.stakeholders { nodes.append(encoder.stakeholder(stakeholder)) }
        for (node, url) in encoder.rejectedURLs(ecosystem) {
            warnings.append(.warning("\(node.id): url \"\(url.prefix(80))\" is not an http, https or mailto link; shown without a link", at: node.location))
        }

        let names = Dictionary(ecosystem.graphNodes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let edges = Self.edges(ecosystem.links, colors: colors, names: names)

        let spec = MapSpec(
            title: title(ecosystem),
            nodes: nodes, edges: edges,
            clusters: plan.drawsClusters ? grouping.clusters : [],
            legend: LegendBuilder.legend(nodes: nodes, edges: edges, colors: colors, labelTop: labelTop,
                                         grouped: plan.drawsClusters && !grouping.clusters.isEmpty, groupBy: groupBy,
                                         roles: ecosystem.stakeholders.map(\.role)),
            colors: colors, layout: plan, aspect: options.aspect)
        return (spec, warnings)
    }

    /// One map edge per link, except that a pair linked by directed links both ways is one edge with
    /// arrowheads at both ends (pen width of the heavier link, both tooltips). Two parallel spline
    /// edges between the same nodes make Graphviz's neato crash (an invalid free in makeMultiSpline) on
    /// dense maps, such as 20 communities each linked both ways with every other.
    static func edges(_ links: [Link], colors: ThemeColors, names: [String: String]) -> [MapEdge] {
        var edges: [MapEdge] = []
        edges.reserveCapacity(links.count)
        var directedIndex: [String: Int] = [:]
        func key(_ from: String, _ to: String) -> String { from + "\u{0}" + to }
        for link in links {
            if link.directed, let i = directedIndex[key(link.to, link.from)], edges[i].reverseWeight == nil {
                edges[i].reverseWeight = link.weight
                edges[i].penWidth = NodeEncoding.linkWidth(weight: max(edges[i].weight, link.weight))
                edges[i].tooltip = MapSpec.boundedTooltip(edges[i].tooltip + "\n" + edgeTooltip(link, names: names))
                continue
            }
            if link.directed { directedIndex[key(link.from, link.to)] = edges.count }
            edges.append(MapEdge(from: link.from, to: link.to, weight: link.weight,
                                 penWidth: NodeEncoding.linkWidth(weight: link.weight), color: colors.link,
                                 directed: link.directed, tooltip: edgeTooltip(link, names: names)))
        }
        return edges
    }

    static func title(_ ecosystem: Ecosystem) -> MapTitle {
        MapTitle(name: LabelText.title.lines(ecosystem.title)[0],
                 asOf: ecosystem.asOf?.description,
                 descriptionLines: ecosystem.description.map { LabelText.description.lines($0) } ?? [])
    }

    static func edgeTooltip(_ link: Link, names: [String: String]) -> String {
        let from = names[link.from] ?? link.from, to = names[link.to] ?? link.to
        var lines = ["\(from) \(link.directed ? "→" : "—") \(to)"]
        if let kind = link.kind, !kind.isEmpty { lines.append("kind: \(kind)") }
        lines.append("weight: \(TextFormat.decimal(link.weight))")
        return lines.joined(separator: "\n")
    }
}
