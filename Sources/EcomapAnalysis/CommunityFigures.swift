import EcomapModel

/// A community's dimension scores before weighting, with what was missing.
struct CommunityFigures: Sendable, Hashable {
    var dimensions: DimensionScores
    /// Missing figures by their file names, in a fixed order.
    var missing: [String]
    /// Interactions (discussions + reactions) per member per month.
    var socialDensity: Double?
    /// Members + reach, when `reach` is known.
    var ownAudience: Double?
    /// Audience reached through links (see `NetworkAudience`).
    var networkAudience: Double

    /// Scores one community. `networkAudience` is the only input that depends on the rest of the graph.
    init(_ c: Community, networkAudience: Double) {
        var missing: [String] = []
        if c.members == nil { missing.append("members") }
        if c.discussions == nil { missing.append("activity.discussions") }
        if c.reactions == nil { missing.append("activity.reactions") }
        if c.reach == nil { missing.append("reach") }
        if c.actions == nil { missing.append("actions") }
        self.missing = missing
        self.networkAudience = Scales.sane(networkAudience)

        var d = DimensionScores()
        if let m = c.members { d.size = Scales.size(members: Double(m)) }
        if let disc = c.discussions, let reac = c.reactions {
            d.activity = Scales.activity(discussions: disc, reactions: reac)
            if let m = c.members, m > 0 {
                let density = (Scales.sane(disc) + Scales.sane(reac)) / Double(m)
                socialDensity = density.isFinite ? density : nil
            }
        }
        if let r = c.reach {
            let own = Double(r) + Double(c.members ?? 0)
            ownAudience = own
            d.reach = Scales.reach(audience: own + self.networkAudience)
        }
        if let a = c.actions, let disc = c.discussions {
            d.action = Scales.action(actions: a, discussions: disc)
        }
        dimensions = d
    }
}

/// The audience a node brings to the nodes linked to it: an influencer's followers, a community's
/// members + reach, nothing for a stakeholder.
enum NetworkAudience {
    /// Own audience per node index of `graph`.
    static func perNode(_ ecosystem: Ecosystem) -> [Double] {
        ecosystem.communities.map { Double($0.members ?? 0) + Double($0.reach ?? 0) }
            + ecosystem.influencers.map { Double($0.followers ?? 0) }
            + ecosystem.stakeholders.map { _ in 0 }
    }

    /// For each node: the sum over its linked neighbours (either direction) of link weight x neighbour audience.
    static func reached(_ graph: Graph, audience: [Double]) -> [Double] {
        (0..<graph.nodeCount).map { v in
            var sum = 0.0
            for k in graph.neighborOffsets[v]..<graph.neighborOffsets[v + 1] {
                sum += graph.neighborWeights[k] * audience[Int(graph.neighbors[k])]
            }
            return sum
        }
    }
}
