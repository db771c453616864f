import EcomapModel

/// What changed between two snapshots of the same ecosystem (usually two `as_of` dates).
///
/// Communities and other nodes are matched by id, links by their endpoints (an undirected link by the
/// unordered pair, a directed one by `from -> to`). Each snapshot is scored on its own, so a community's
/// scores move when its figures move and, for reach, when its network moves.
public struct EcosystemDiff: Sendable, Hashable {
    /// One side of the comparison.
    public struct Snapshot: Sendable, Hashable {
        public var title: String
        public var asOf: CalendarDate?
        public var sourceFile: String
        public var communityCount: Int
        public var weights: ScoringWeights
    }

    /// A community present on one side only.
    public struct CommunityEntry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var rank: Int
        public var score: Double
        public var tier: Tier
        public var nextStep: NextStep
        public var phase: Phase?
    }

    /// Old and new value of one dimension; `delta` only when both are known.
    public struct DimensionChange: Sendable, Hashable {
        public var old: Double?
        public var new: Double?

        public init(old: Double?, new: Double?) {
            self.old = old
            self.new = new
        }

        public var delta: Double? {
            guard let old, let new else { return nil }
            return new - old
        }
    }

    /// Old and new value of one figure of a community, by its file name.
    public struct FigureChange: Sendable, Hashable {
        public var name: String
        public var old: Double?
        public var new: Double?

        /// Relative change (`0.25` = +25 %); nil unless both are known and the old one is positive.
        public var relative: Double? {
            guard let old, let new, old > 0 else { return nil }
            return (new - old) / old
        }
    }

    /// Where a community's activity is heading between the snapshots.
    public enum Trend: String, Sendable, Hashable {
        /// Weighted interactions fell by more than `EcosystemDiff.deteriorationShare`.
        case deteriorating
        /// Weighted interactions grew by more than that share.
        case growing
        case steady
    }

    /// Activity falling by more than this share (30 %) is called deteriorating.
    public static let deteriorationShare = 0.3

    /// A community present in both snapshots.
    public struct CommunityChange: Sendable, Hashable {
        public var id: String
        /// The name in the new snapshot.
        public var name: String
        /// The old name when it changed.
        public var oldName: String?
        public var oldRank: Int
        public var newRank: Int
        public var oldScore: Double
        public var newScore: Double
        public var dimensions: [Dimension: DimensionChange]
        public var oldTier: Tier
        public var newTier: Tier
        public var oldNextStep: NextStep
        public var newNextStep: NextStep
        public var oldPhase: Phase?
        public var newPhase: Phase?
        public var oldSentiment: Sentiment?
        public var newSentiment: Sentiment?
        /// Rank among the communities present in both snapshots, old and new.
        public var oldCommonRank: Int = 0
        public var newCommonRank: Int = 0
        /// Communities new in this snapshot that rank above it.
        public var newcomersAbove: Int = 0
        /// Communities gone from this snapshot that ranked above it.
        public var leaversAbove: Int = 0
        /// Each figure, old and new (members, activity.discussions, activity.reactions, reach, actions).
        public var figures: [FigureChange] = []
        /// Relative change of weighted interactions (discussions + reactions / 4), when known on both sides.
        public var activityChange: Double?
        /// The activity trend, when known on both sides.
        public var trend: Trend?
        /// Set when the recorded phase contradicts the figures, e.g. `continuation` with activity down 67 %.
        public var phaseContradiction: String?

        /// Places moved in the whole ranking (positive up), newcomers and leavers included.
        public var rankMove: Int { oldRank - newRank }
        /// Places moved among the communities in both snapshots: the real move, without the places lost
        /// to newcomers or gained from leavers.
        public var realMove: Int { oldCommonRank - newCommonRank }
        public var scoreDelta: Double { newScore - oldScore }
        public var phaseChanged: Bool { oldPhase != newPhase }
        public var tierChanged: Bool { oldTier != newTier }
        public var sentimentChanged: Bool { oldSentiment != newSentiment }

        /// The change of one dimension (both `nil` when unknown on both sides).
        public func dimension(_ d: Dimension) -> DimensionChange {
            dimensions[d] ?? DimensionChange(old: nil, new: nil)
        }
    }

    /// A link present on one side only.
    public struct LinkEntry: Sendable, Hashable {
        public var from: String
        public var to: String
        public var weight: Double
        public var kind: String?
        public var directed: Bool
    }

    /// A link present on both sides whose weight or kind changed.
    public struct LinkChange: Sendable, Hashable {
        public var from: String
        public var to: String
        public var directed: Bool
        public var oldWeight: Double
        public var newWeight: Double
        public var oldKind: String?
        public var newKind: String?
        public var weightDelta: Double { newWeight - oldWeight }
    }

    /// An influencer or stakeholder present on one side only.
    public struct NodeEntry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: NodeKind
    }

    public var old: Snapshot
    public var new: Snapshot
    /// Communities only in the new snapshot, in new rank order.
    public var addedCommunities: [CommunityEntry]
    /// Communities only in the old snapshot, in old rank order.
    public var removedCommunities: [CommunityEntry]
    /// Communities in both, in new rank order.
    public var communities: [CommunityChange]
    public var addedLinks: [LinkEntry]
    public var removedLinks: [LinkEntry]
    /// Links whose weight (or kind) changed.
    public var reweightedLinks: [LinkChange]
    /// Influencers and stakeholders added / removed, file order of their snapshot.
    public var addedNodes: [NodeEntry]
    public var removedNodes: [NodeEntry]
    /// Things the reader should know before trusting the comparison (dates out of order, other weights).
    public var notes: [String]

    /// Communities in both snapshots whose Levinger phase changed.
    public var phaseChanges: [CommunityChange] { communities.filter(\.phaseChanged) }
    /// Communities that really moved up or down: among the communities in both snapshots (a community
    /// whose place changed only because newcomers entered above it did not move).
    public var movedUp: [CommunityChange] { communities.filter { $0.realMove > 0 } }
    public var movedDown: [CommunityChange] { communities.filter { $0.realMove < 0 } }
    /// Communities whose activity fell by more than `deteriorationShare`.
    public var deteriorating: [CommunityChange] { communities.filter { $0.trend == .deteriorating } }
    public var tierChanges: [CommunityChange] { communities.filter(\.tierChanged) }

    /// True when the two snapshots differ in nothing `diff` reports.
    public var isEmpty: Bool {
        addedCommunities.isEmpty && removedCommunities.isEmpty && addedLinks.isEmpty && removedLinks.isEmpty
            && reweightedLinks.isEmpty && addedNodes.isEmpty && removedNodes.isEmpty
            && communities.allSatisfy { c in
                c.rankMove == 0 && abs(c.scoreDelta) < EcosystemDiff.epsilon && !c.phaseChanged && !c.tierChanged
                    && !c.sentimentChanged && c.oldName == nil
                    && Dimension.allCases.allSatisfy { d in
                        let change = c.dimension(d)
                        return (change.old == nil) == (change.new == nil) && abs(change.delta ?? 0) < EcosystemDiff.epsilon
                    }
            }
    }

    /// Weight and score differences smaller than this are treated as equal (floating-point noise).
    public static let epsilon = 1e-9
}

/// Compares two analysed snapshots.
public enum Differ {
    /// The differences from `old` to `new`.
    public static func diff(old: Analysis, new: Analysis) -> EcosystemDiff {
        let oldEco = old.ecosystem, newEco = new.ecosystem
        let oldCommunities = Dictionary(oldEco.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newCommunities = Dictionary(newEco.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        func entry(_ s: CommunityScore, _ c: Community?) -> EcosystemDiff.CommunityEntry {
            .init(id: s.id, name: s.name, rank: s.rank, score: s.score, tier: s.tier, nextStep: s.nextStep,
                  phase: c?.phase)
        }
        let added = new.ranking.filter { oldCommunities[$0.id] == nil }.map { entry($0, newCommunities[$0.id]) }
        let removed = old.ranking.filter { newCommunities[$0.id] == nil }.map { entry($0, oldCommunities[$0.id]) }

        var changes: [EcosystemDiff.CommunityChange] = []
        for n in new.ranking {
            guard let o = old.score(for: n.id), let oc = oldCommunities[n.id], let nc = newCommunities[n.id] else { continue }
            var dims: [Dimension: EcosystemDiff.DimensionChange] = [:]
            for d in Dimension.allCases { dims[d] = .init(old: o.dimensions[d], new: n.dimensions[d]) }
            changes.append(.init(
                id: n.id, name: n.name, oldName: o.name == n.name ? nil : o.name,
                oldRank: o.rank, newRank: n.rank, oldScore: o.score, newScore: n.score, dimensions: dims,
                oldTier: o.tier, newTier: n.tier, oldNextStep: o.nextStep, newNextStep: n.nextStep,
                oldPhase: oc.phase, newPhase: nc.phase, oldSentiment: oc.sentiment, newSentiment: nc.sentiment))
        }

        // Ranks among the communities in both snapshots, and the newcomers and leavers above each.
        let oldCommon = old.ranking.filter { newCommunities[$0.id] != nil }.map(\.id)
        let newCommon = new.ranking.filter { oldCommunities[$0.id] != nil }.map(\.id)
        let oldCommonRank = Dictionary(oldCommon.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let newCommonRank = Dictionary(newCommon.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        for i in changes.indices {
            let id = changes[i].id
            changes[i].oldCommonRank = oldCommonRank[id] ?? changes[i].oldRank
            changes[i].newCommonRank = newCommonRank[id] ?? changes[i].newRank
            changes[i].newcomersAbove = added.filter { $0.rank < changes[i].newRank }.count
            changes[i].leaversAbove = removed.filter { $0.rank < changes[i].oldRank }.count
            if let oc = oldCommunities[id], let nc = newCommunities[id] { trend(&changes[i], oc, nc) }
        }

        let links = diffLinks(old: oldEco.links, new: newEco.links)
        let nodes = diffNodes(old: oldEco, new: newEco)

        var notes: [String] = []
        if let a = oldEco.asOf, let b = newEco.asOf {
            if b < a { notes.append("NEW (as of \(b)) is older than OLD (as of \(a)); the changes read backwards") }
            if a == b { notes.append("both snapshots are as of \(a)") }
        } else if oldEco.asOf == nil || newEco.asOf == nil {
            notes.append("as_of is missing in " + [oldEco.asOf == nil ? "OLD" : nil, newEco.asOf == nil ? "NEW" : nil]
                .compactMap { $0 }.joined(separator: " and ") + "; the order of the snapshots is not checked")
        }
        if oldEco.title != newEco.title {
            notes.append("the ecosystems have different titles (\(oldEco.title) / \(newEco.title))")
        }
        if old.weights != new.weights {
            notes.append("the snapshots were scored with different weights; score changes mix both effects")
        }
        // Where figures were measured from exports, say over which windows (docs/measure.md).
        let oldByID = Dictionary(oldEco.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for c in newEco.communities {
            let before = oldByID[c.id]?.measured, after = c.measured
            guard before != nil || after != nil else { continue }
            func side(_ m: MeasuredProvenance?) -> String {
                guard let m else { return "typed" }
                return "measured \(m.measurement.from)..\(m.measurement.to) (\(m.figures.joined(separator: ", ")))"
            }
            notes.append("`\(c.id)`: OLD figures \(side(before)), NEW figures \(side(after))")
        }

        return EcosystemDiff(
            old: snapshot(old), new: snapshot(new),
            addedCommunities: added, removedCommunities: removed, communities: changes,
            addedLinks: links.added, removedLinks: links.removed, reweightedLinks: links.changed,
            addedNodes: nodes.added, removedNodes: nodes.removed, notes: notes)
    }

    /// Figures, activity trend and whether the recorded phase contradicts them.
    private static func trend(_ change: inout EcosystemDiff.CommunityChange, _ o: Community, _ n: Community) {
        change.figures = [
            .init(name: "members", old: o.members.map(Double.init), new: n.members.map(Double.init)),
            .init(name: "activity.discussions", old: o.discussions, new: n.discussions),
            .init(name: "activity.reactions", old: o.reactions, new: n.reactions),
            .init(name: "reach", old: o.reach.map(Double.init), new: n.reach.map(Double.init)),
            .init(name: "actions", old: o.actions, new: n.actions),
        ]
        guard let od = o.discussions, let orx = o.reactions, let nd = n.discussions, let nrx = n.reactions else { return }
        let before = Scales.interactions(discussions: od, reactions: orx)
        let after = Scales.interactions(discussions: nd, reactions: nrx)
        guard before > 0 else { return }
        let relative = (after - before) / before
        change.activityChange = relative
        let share = EcosystemDiff.deteriorationShare
        change.trend = relative < -share ? .deteriorating : relative > share ? .growing : .steady
        let percent = "\(Int((abs(relative) * 100).rounded()))%"
        if change.trend == .deteriorating, let p = n.phase, p == .acquaintance || p == .buildUp || p == .continuation {
            change.phaseContradiction = "recorded phase \(p.rawValue) contradicts a \(percent) fall in activity"
        } else if change.trend == .growing, let p = n.phase, p == .deterioration || p == .termination {
            change.phaseContradiction = "recorded phase \(p.rawValue) contradicts a \(percent) rise in activity"
        }
    }

    private static func snapshot(_ a: Analysis) -> EcosystemDiff.Snapshot {
        .init(title: a.ecosystem.title, asOf: a.ecosystem.asOf, sourceFile: a.ecosystem.sourceFile,
              communityCount: a.ecosystem.communities.count, weights: a.weights)
    }

    /// The identity of a link: undirected links by their sorted endpoints, directed ones by direction.
    private struct LinkKey: Hashable {
        var a: String
        var b: String
        var directed: Bool

        init(_ link: Link) {
            directed = link.directed
            if link.directed || link.from.unicodeScalars.lexicographicallyPrecedes(link.to.unicodeScalars)
                || link.from == link.to {
                a = link.from; b = link.to
            } else {
                a = link.to; b = link.from
            }
        }
    }

    private static func diffLinks(old: [Link], new: [Link])
        -> (added: [EcosystemDiff.LinkEntry], removed: [EcosystemDiff.LinkEntry], changed: [EcosystemDiff.LinkChange]) {
        // The loader merges duplicates; keep the first of any that remain.
        var oldByKey: [LinkKey: Link] = [:]
        for l in old where oldByKey[LinkKey(l)] == nil { oldByKey[LinkKey(l)] = l }
        var newByKey: [LinkKey: Link] = [:]
        for l in new where newByKey[LinkKey(l)] == nil { newByKey[LinkKey(l)] = l }

        func entry(_ l: Link) -> EcosystemDiff.LinkEntry {
            .init(from: l.from, to: l.to, weight: l.weight, kind: l.kind, directed: l.directed)
        }
        var seen = Set<LinkKey>()
        var added: [EcosystemDiff.LinkEntry] = [], changed: [EcosystemDiff.LinkChange] = []
        for l in new {
            let key = LinkKey(l)
            guard seen.insert(key).inserted else { continue }
            guard let o = oldByKey[key] else { added.append(entry(l)); continue }
            if abs(o.weight - l.weight) > EcosystemDiff.epsilon || o.kind != l.kind {
                changed.append(.init(from: l.from, to: l.to, directed: l.directed, oldWeight: o.weight,
                                     newWeight: l.weight, oldKind: o.kind, newKind: l.kind))
            }
        }
        var removedSeen = Set<LinkKey>()
        let removed = old.filter { newByKey[LinkKey($0)] == nil && removedSeen.insert(LinkKey($0)).inserted }.map(entry)
        return (added, removed, changed)
    }

    private static func diffNodes(old: Ecosystem, new: Ecosystem)
        -> (added: [EcosystemDiff.NodeEntry], removed: [EcosystemDiff.NodeEntry]) {
        func others(_ e: Ecosystem) -> [NodeRef] { e.graphNodes.filter { $0.kind != .community } }
        // Matched by id and kind: an id that changed kind is removed as one kind and added as the other.
        let oldIDs = Set(others(old).map { "\($0.kind.rawValue):\($0.id)" })
        let newIDs = Set(others(new).map { "\($0.kind.rawValue):\($0.id)" })
        let added = others(new).filter { !oldIDs.contains("\($0.kind.rawValue):\($0.id)") }.map { EcosystemDiff.NodeEntry(id: $0.id, name: $0.name, kind: $0.kind) }
        let removed = others(old).filter { !newIDs.contains("\($0.kind.rawValue):\($0.id)") }.map { EcosystemDiff.NodeEntry(id: $0.id, name: $0.name, kind: $0.kind) }
        return (added, removed)
    }
}
