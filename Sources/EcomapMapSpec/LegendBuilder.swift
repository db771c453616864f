import EcomapModel

/// Builds the legend from what the map actually shows.
enum LegendBuilder {
    static func legend(nodes: [MapNode], edges: [MapEdge], colors: ThemeColors, labelTop: Int,
                       grouped: Bool, groupBy: GroupBy) -> Legend {
        var items: [LegendItem] = []
        let communities = nodes.filter { $0.kind == .community }
        if !communities.isEmpty {
            items.append(LegendItem(.sizes(stroke: colors.communityStroke), "Community: area = size score"))
            items.append(LegendItem(.scale(colors.focusScale), "Fill = focus score (low → high)"))
        }
        if communities.contains(where: \.dashed) {
            items.append(LegendItem(.shape(.ellipse, fill: colors.unknown, stroke: colors.communityStroke, dashed: true, double: false), "Dashed: size unknown"))
        }
        if communities.contains(where: { $0.badge != nil }) {
            items.append(LegendItem(.badge("#1"), "Focus rank (top \(labelTop))"))
        }
        if nodes.contains(where: { $0.kind == .influencer }) {
            items.append(LegendItem(.shape(.box, fill: colors.influencer, stroke: colors.communityStroke, dashed: false, double: false), "Influencer"))
        }
        let stakeholderFills = nodes.filter { $0.kind == .stakeholder }.map(\.fill)
        var seenRoles = Set<String>()
        for role in StakeholderRole.allCases {
            let fill = colors.stakeholderFill(role)
            guard stakeholderFills.contains(fill), seenRoles.insert(fill.hex).inserted else { continue }
            items.append(LegendItem(.shape(.hexagon, fill: fill, stroke: colors.communityStroke, dashed: false, double: false), "Stakeholder: \(rolesSharing(fill, colors))"))
        }
        if stakeholderFills.contains(colors.stakeholder), !seenRoles.contains(colors.stakeholder.hex) {
            items.append(LegendItem(.shape(.hexagon, fill: colors.stakeholder, stroke: colors.communityStroke, dashed: false, double: false), "Stakeholder"))
        }
        if let focus = nodes.first(where: \.emphasised) {
            items.append(LegendItem(.shape(focus.shape, fill: focus.fill, stroke: focus.stroke, dashed: false, double: true), "Focus of the map"))
        }
        if !edges.isEmpty {
            items.append(LegendItem(.lineWidths(colors.link), "Link width = tie weight"))
        }
        if grouped {
            items.append(LegendItem(.shape(.box, fill: colors.clusterFill, stroke: colors.clusterStroke, dashed: false, double: false), "Frame = \(groupBy.rawValue)"))
        }
        return Legend(items: items)
    }

    /// The roles drawn in one colour (the print theme shares greys), e.g. `competitor, media`.
    private static func rolesSharing(_ fill: RGB, _ colors: ThemeColors) -> String {
        let roles = StakeholderRole.allCases.filter { colors.stakeholderFill($0) == fill }.map(\.rawValue)
        return roles.count > 3 ? roles.prefix(3).joined(separator: ", ") + "…" : roles.joined(separator: ", ")
    }
}
