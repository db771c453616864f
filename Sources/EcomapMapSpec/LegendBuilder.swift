import EcomapModel

/// Builds the legend from what the map actually shows.
enum LegendBuilder {
    static func legend(nodes: [MapNode], edges: [MapEdge], colors: ThemeColors, labelTop: Int,
                       grouped: Bool, groupBy: GroupBy, roles: [StakeholderRole?]) -> Legend {
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
        // One row per stakeholder colour in use, naming the roles drawn in it.
        var rows: [(fill: RGB, names: [String])] = []
        for role in StakeholderRole.allCases.map(Optional.some) + [nil] where roles.contains(role) {
            let fill = colors.stakeholderFill(role)
            let name = role?.rawValue ?? "no role"
            if let i = rows.firstIndex(where: { $0.fill == fill }) { rows[i].names.append(name) } else { rows.append((fill, [name])) }
        }
        for row in rows {
            let names = row.names.count > 3 ? row.names.prefix(3).joined(separator: ", ") + ", …" : row.names.joined(separator: ", ")
            items.append(LegendItem(.shape(.hexagon, fill: row.fill, stroke: colors.communityStroke, dashed: false, double: false), "Stakeholder: \(names)"))
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
}
