import EcomapModel

/// A community's dimension scores (model version 2) with the range its unknown figures allow.
///
/// Every scale is monotone in each figure, so the lowest value a dimension can take over all values of
/// its unknown figures is the value with each unknown figure at its worst extreme (0, or unbounded for
/// the figures that lower it), and the highest the value at the best extreme. Deleting a figure can
/// therefore never raise the pessimistic value nor lower the optimistic one.
struct CommunityFigures: Sendable, Hashable {
    /// Lowest value of each dimension the unknowns allow (never nil).
    var pessimistic: DimensionScores
    /// Highest value of each dimension the unknowns allow (never nil).
    var optimistic: DimensionScores
    /// The value of each dimension whose figures are known (pessimistic == optimistic), else nil.
    var dimensions: DimensionScores
    /// Missing figures by their file names, in a fixed order.
    var missing: [String]
    /// Weighted interactions (discussions + reactions / 4) per member per month.
    var socialDensity: Double?
    /// Members that count towards size, when exactly known.
    var countedMembers: Double?
    /// True when action is scored per member (an offline or event community).
    var actionPerMember: Bool
    /// Audience reached through links: sum of link weight x neighbour audience (informational).
    var networkAudience: Double
    /// Share (0...1) of the borrowed reach points earned from linked neighbours.
    var borrowedShare: Double

    /// True when action is scored on actions per member rather than per discussion.
    static func scoresActionPerMember(_ c: Community) -> Bool {
        c.presence == .offline || c.channel == .event
    }

    /// The members that count towards size: lowest and highest the unknowns allow.
    static func countedMembers(_ c: Community) -> (lo: Double, hi: Double) {
        let inf = Double.infinity
        let m = c.members.map(Double.init)
        let backingLo = (c.discussions ?? 0) + Scales.reactionWeight * (c.reactions ?? 0) + (c.actions ?? 0)
        let unknownBacking = c.discussions == nil || c.reactions == nil || c.actions == nil
        let backingHi = unknownBacking ? inf : backingLo
        return (Scales.countedMembers(members: m ?? 0, backing: backingLo),
                Scales.countedMembers(members: m ?? inf, backing: backingHi))
    }

    /// The audience a community lends its neighbours: counted members (pessimistic) plus known reach.
    static func lentAudience(_ c: Community) -> Double {
        countedMembers(c).lo + Double(c.reach ?? 0)
    }

    /// Scores one community. `networkAudience` and `borrowedShare` are the only inputs that depend on
    /// the rest of the graph.
    init(_ c: Community, networkAudience: Double, borrowedShare: Double) {
        let inf = Double.infinity
        var missing: [String] = []
        if c.members == nil { missing.append("members") }
        if c.discussions == nil { missing.append("activity.discussions") }
        if c.reactions == nil { missing.append("activity.reactions") }
        if c.reach == nil { missing.append("reach") }
        if c.actions == nil { missing.append("actions") }
        self.missing = missing
        self.networkAudience = Scales.sane(networkAudience)
        let borrowed = borrowedShare.isFinite ? min(1, max(0, borrowedShare)) : 0
        self.borrowedShare = borrowed

        let counted = Self.countedMembers(c)
        var lo = DimensionScores(), hi = DimensionScores()
        lo.size = Scales.size(countedMembers: counted.lo)
        hi.size = Scales.size(countedMembers: counted.hi)
        lo.activity = Scales.activity(discussions: c.discussions ?? 0, reactions: c.reactions ?? 0)
        hi.activity = Scales.activity(discussions: c.discussions ?? inf, reactions: c.reactions ?? inf)
        lo.reach = Scales.reach(ownReach: c.reach.map(Double.init) ?? 0, borrowedShare: borrowed)
        hi.reach = Scales.reach(ownReach: c.reach.map(Double.init) ?? inf, borrowedShare: borrowed)
        actionPerMember = Self.scoresActionPerMember(c)
        if actionPerMember {
            // The pessimistic end takes counted members at their lowest for both size and per-member
            // action: with the documented weight condition the composite grows with counted members, so
            // this is the composite's lowest value and it stays monotone in members.
            lo.action = Scales.actionPerMember(actions: c.actions ?? 0, countedMembers: counted.lo)
            hi.action = Scales.actionPerMember(actions: c.actions ?? inf, countedMembers: counted.lo)
        } else {
            lo.action = Scales.action(actions: c.actions ?? 0, discussions: c.discussions ?? inf)
            hi.action = Scales.action(actions: c.actions ?? inf, discussions: c.discussions ?? 0)
        }
        var known = DimensionScores()
        for d in Dimension.allCases {
            let l = lo[d] ?? 0, h = max(l, hi[d] ?? 0)
            hi[d] = h
            if h - l <= 1e-9 { known[d] = l }
        }
        pessimistic = lo
        optimistic = hi
        dimensions = known
        countedMembers = counted.hi - counted.lo <= 1e-9 ? counted.lo : nil

        if let m = c.members, m > 0, let disc = c.discussions, let reac = c.reactions {
            let density = Scales.interactions(discussions: disc, reactions: reac) / Double(m)
            socialDensity = density.isFinite ? density : nil
        } else {
            socialDensity = nil
        }
    }
}

/// Where a social density sits against the documented band.
public enum DensityBand: String, Sendable, Hashable, CaseIterable {
    /// Below `Scales.densityLow`: few members take part; activate the members you have.
    case low
    /// Within the band.
    case healthy
    /// Above `Scales.densityHigh`: so much activity that newcomers get lost; guidelines, split by topic.
    case high

    /// The band of a density.
    public init(density: Double) {
        if density < Scales.densityLow { self = .low } else if density > Scales.densityHigh { self = .high } else { self = .healthy }
    }
}

/// The reach a node lends to the nodes linked to it, and what each community borrows.
enum NetworkAudience {
    /// Own audience per node index of `graph`: a community's counted members (pessimistic) plus its known
    /// reach, an influencer's followers, nothing for a stakeholder.
    static func perNode(_ ecosystem: Ecosystem) -> [Double] {
        // Through buffer pointers: `map` over the arrays would copy each node (a retain per field).
        ecosystem.communities.withUnsafeBufferPointer { c in c.indices.map { i in CommunityFigures.lentAudience(c[i]) } }
            + ecosystem.influencers.withUnsafeBufferPointer { f in f.indices.map { i in Double(f[i].followers ?? 0) } }
            + [Double](repeating: 0, count: ecosystem.stakeholders.count)
    }

    /// For each node: the sum over its linked neighbours (either direction) of link weight x neighbour audience.
    static func reached(_ graph: Graph, audience: [Double]) -> [Double] {
        (0..<graph.nodeCount).map { v in
            var sum = 0.0
            for k in graph.neighborOffsets[v]..<graph.neighborOffsets[v + 1] where Int(graph.neighbors[k]) != v {
                sum += graph.neighborWeights[k] * audience[Int(graph.neighbors[k])]
            }
            return sum
        }
    }

    /// For each node, the borrowed share 0...1: `1 - prod(1 - weight x reachScale(audience) / 100)` over
    /// its linked neighbours. Audiences of several neighbours overlap, so each further one adds less; a
    /// node lends through every link that touches it, whatever the direction.
    static func borrowedShare(_ graph: Graph, audience: [Double]) -> [Double] {
        let lent = audience.map { Scales.logarithmic($0, ceiling: Scales.reachCeiling) / 100 }
        return (0..<graph.nodeCount).map { v in
            var keep = 1.0
            for k in graph.neighborOffsets[v]..<graph.neighborOffsets[v + 1] where Int(graph.neighbors[k]) != v {
                let w = graph.neighborWeights[k]
                keep *= 1 - (w.isFinite ? min(1, max(0, w)) : 0) * lent[Int(graph.neighbors[k])]
            }
            return min(1, max(0, 1 - keep))
        }
    }
}
