import EcomapModel
import EcomapText

/// One gap in an ecosystem: something missing, weak or fragile, with a one-line suggestion.
public struct GapFinding: Sendable, Hashable {
    /// What kind of gap; the raw values are the JSON `kind` and the order in which kinds are reported.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// No focus node: the brand checks cannot run.
        case noFocusNode = "no-focus-node"
        /// A topic no community covers.
        case uncoveredTopic = "uncovered-topic"
        /// A topic covered only by weak communities (monitor tier, or deteriorating / terminating).
        case weakTopic = "weak-topic"
        /// A SPACE goal no focus or nurture community serves.
        case uncoveredGoal = "uncovered-goal"
        /// A focus-tier community with no route at all to the focus node.
        case noRouteToFocus = "no-route-to-focus"
        /// A focus-tier community that reaches the focus node only through one bridge node.
        case singleBridgeToFocus = "single-bridge-to-focus"
        /// A focus-tier community reached over several routes but with no direct link to the focus node.
        case noDirectLink = "no-direct-link"
        /// An influencer with no focus-tier community within two links.
        case influencerWithoutRoute = "influencer-without-route"
        /// A community that bridges otherwise separate parts of the map (cut vertex or high betweenness).
        case bridgeCommunity = "bridge-community"

        /// Section heading for tables and Markdown.
        public var title: String {
            switch self {
            case .noFocusNode: "No focus node"
            case .uncoveredTopic: "Topics no community covers"
            case .weakTopic: "Topics covered only by weak communities"
            case .uncoveredGoal: "SPACE goals no strong community serves"
            case .noRouteToFocus: "Focus communities with no route to the focus node"
            case .singleBridgeToFocus: "Focus communities reached only through one bridge"
            case .noDirectLink: "Focus communities without a direct link to the focus node"
            case .influencerWithoutRoute: "Influencers with no route into a focus community"
            case .bridgeCommunity: "Bridge communities"
            }
        }
    }

    /// How urgent the gap is.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case high, medium, low
    }

    public var kind: Kind
    public var severity: Severity
    /// The topic, goal or node the finding is about (`nil` for `no-focus-node`).
    public var subject: Subject?
    /// One line: what is missing or fragile.
    public var detail: String
    /// One line: what to do about it.
    public var suggestion: String
    /// Ids of the nodes involved (covering communities, bridge nodes, nearest community, ...).
    public var related: [String]

    /// What a finding is about.
    public struct Subject: Sendable, Hashable {
        public var id: String
        public var name: String
        /// `topic`, `goal`, `community`, `influencer` or `stakeholder`.
        public var kind: String
    }
}

/// The gaps found in one ecosystem.
public struct GapReport: Sendable {
    public var analysis: Analysis
    /// The node the brand checks ran against: the file's `focus`, else its first `brand` stakeholder.
    public var focus: NodeRef?
    /// Findings in `GapFinding.Kind` order, then rank or file order within a kind.
    public var findings: [GapFinding]

    /// Findings of one kind.
    public func findings(_ kind: GapFinding.Kind) -> [GapFinding] { findings.filter { $0.kind == kind } }
}

/// Looks for the communities that do not exist yet (seed step 1) and the fragile ties around the brand.
///
/// Routes are taken over the undirected link graph (direction and weight ignored), as for betweenness.
public enum Gaps {
    /// A community with at least this normalised betweenness is reported as a bridge even when it is no
    /// cut vertex.
    public static let bridgeBetweenness = 0.15
    /// An influencer reaches a focus community when linked to it directly or through one community.
    public static let influencerHops = 2

    /// Finds every gap in `analysis`.
    public static func find(_ analysis: Analysis) -> GapReport {
        let eco = analysis.ecosystem
        let graph = Graph(eco)
        let focus = focusNode(eco)
        var findings: [GapFinding] = []
        if focus == nil {
            findings.append(.init(
                kind: .noFocusNode, severity: .medium, subject: nil,
                detail: "the file names no `focus` node and has no stakeholder with role `brand`",
                suggestion: "Add the brand as a stakeholder with role brand and set `focus:` to its id to check its ties",
                related: []))
        }
        findings += topicGaps(analysis)
        findings += goalGaps(analysis)
        if let focus, let target = graph.index(of: focus.id) {
            findings += focusGaps(analysis, graph: graph, focus: focus, target: target)
        }
        findings += influencerGaps(analysis, graph: graph)
        findings += bridgeGaps(analysis, graph: graph)
        // Kind order, then severity (high first), then the order each rule found them in (rank or file order).
        let ordered = findings.enumerated().sorted { x, y in
            let kx = GapFinding.Kind.allCases.firstIndex(of: x.element.kind)!
            let ky = GapFinding.Kind.allCases.firstIndex(of: y.element.kind)!
            if kx != ky { return kx < ky }
            let sx = GapFinding.Severity.allCases.firstIndex(of: x.element.severity)!
            let sy = GapFinding.Severity.allCases.firstIndex(of: y.element.severity)!
            return sx != sy ? sx < sy : x.offset < y.offset
        }.map(\.element)
        return GapReport(analysis: analysis, focus: focus, findings: ordered)
    }

    /// The file's `focus`, else the first stakeholder whose role is `brand`.
    public static func focusNode(_ eco: Ecosystem) -> NodeRef? {
        if let id = eco.focus, let node = eco.graphNodes.first(where: { $0.id == id }) { return node }
        return eco.stakeholders.first { $0.role == .brand }.map { NodeRef(id: $0.id, name: $0.name, kind: .stakeholder) }
    }

    /// True when a community is too weak to count as covering a topic.
    static func isWeak(_ score: CommunityScore, _ community: Community) -> Bool {
        score.tier == .monitor || community.phase == .deterioration || community.phase == .termination
    }

    // MARK: topics and goals

    private static func topicGaps(_ a: Analysis) -> [GapFinding] {
        let eco = a.ecosystem
        let communities = Dictionary(eco.communities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var out: [GapFinding] = []
        var weak: [GapFinding] = []
        for topic in eco.topics {
            // Covering communities in rank order.
            let covering = a.ranking.filter { communities[$0.id]?.topics.contains(topic.id) == true }
            let subject = GapFinding.Subject(id: topic.id, name: topic.name, kind: "topic")
            if covering.isEmpty {
                out.append(.init(
                    kind: .uncoveredTopic, severity: .high, subject: subject,
                    detail: "no community in the map covers \(topic.name)",
                    suggestion: "Find where \(topic.name) is discussed and add that community, or start one around it",
                    related: []))
                continue
            }
            guard covering.allSatisfy({ s in communities[s.id].map { isWeak(s, $0) } ?? true }) else { continue }
            let best = covering[0]
            let names = covering.prefix(3).map { s in "\(s.name) (\(weakness(s, communities[s.id])))" }
            weak.append(.init(
                kind: .weakTopic, severity: .medium, subject: subject,
                detail: "covered only by " + names.joined(separator: ", ") + (covering.count > 3 ? " and \(covering.count - 3) more" : ""),
                suggestion: "Strengthen \(best.name) or look for a stronger community on \(topic.name)",
                related: covering.map(\.id)))
        }
        return out + weak
    }

    private static func weakness(_ s: CommunityScore, _ c: Community?) -> String {
        if let phase = c?.phase, phase == .deterioration || phase == .termination { return "\(phase.rawValue) phase" }
        return "\(s.tier.rawValue), score \(Int(s.score.rounded()))"
    }

    private static func goalGaps(_ a: Analysis) -> [GapFinding] {
        let eco = a.ecosystem
        let strong = Set(a.ranking.filter { $0.tier != .monitor }.map(\.id))
        var out: [GapFinding] = []
        for goal in Goal.allCases {
            let serving = eco.communities.filter { $0.goals.contains(goal) }
            guard !serving.contains(where: { strong.contains($0.id) }) else { continue }
            let weakOnes = serving.map(\.name)
            out.append(.init(
                kind: .uncoveredGoal, severity: .low,
                subject: .init(id: goal.rawValue, name: goalTitle(goal), kind: "goal"),
                detail: weakOnes.isEmpty ? "no community is listed with the goal \(goal.rawValue)"
                    : "only monitor-tier communities serve it: " + weakOnes.prefix(3).joined(separator: ", "),
                suggestion: "Look for a community that can do \(goalTitle(goal).lowercased()) for the brand, or record the goals of the ones you know",
                related: serving.map(\.id)))
        }
        return out
    }

    /// Human text of a SPACE goal.
    public static func goalTitle(_ goal: Goal) -> String {
        switch goal {
        case .support: "Customer support"
        case .productInnovation: "Product innovation"
        case .acquisition: "Acquisition and advocacy"
        case .content: "Content"
        case .engagement: "Engagement"
        }
    }

    // MARK: ties to the focus node

    private static func focusGaps(_ a: Analysis, graph: Graph, focus: NodeRef, target: Int) -> [GapFinding] {
        let nodeNames = names(a.ecosystem)
        var out: [GapFinding] = []
        for s in a.ranking where s.tier == .focus && s.id != focus.id {
            guard let source = graph.index(of: s.id) else { continue }
            let subject = GapFinding.Subject(id: s.id, name: s.name, kind: "community")
            if neighbors(graph, source).contains(target) { continue }
            guard let path = shortestPath(graph, from: source, to: target, removing: nil) else {
                out.append(.init(
                    kind: .noRouteToFocus, severity: .high, subject: subject,
                    detail: "\(s.name) (rank \(s.rank)) has no route to \(focus.name) at all",
                    suggestion: "Make first contact with \(s.name): " + firstContact(s.nextStep),
                    related: []))
                continue
            }
            // A node that separates the two lies on every route, so it lies on this one.
            let cuts = path.dropFirst().dropLast().filter { shortestPath(graph, from: source, to: target, removing: $0) == nil }
            if !cuts.isEmpty {
                let names = cuts.map { nodeNames[$0] }
                out.append(.init(
                    kind: .singleBridgeToFocus, severity: .medium, subject: subject,
                    detail: "\(s.name) (rank \(s.rank)) reaches \(focus.name) only through " + names.joined(separator: " and then "),
                    suggestion: "Build a direct tie with \(s.name) so the relationship does not hang on \(names[0])",
                    related: cuts.map { graph.ids[$0] }))
            } else {
                let via = path.dropFirst().dropLast().map { nodeNames[$0] }
                out.append(.init(
                    kind: .noDirectLink, severity: .low, subject: subject,
                    detail: "\(s.name) (rank \(s.rank)) has no direct link to \(focus.name); shortest route via "
                        + via.joined(separator: ", "),
                    suggestion: "Consider a direct relationship with \(s.name): " + firstContact(s.nextStep),
                    related: path.dropFirst().dropLast().map { graph.ids[$0] }))
            }
        }
        return out
    }

    private static func firstContact(_ step: NextStep) -> String {
        switch step {
        case .collectFigures, .monitorConversations: "listen in first, then join the conversation"
        case .answerQuestions: "start by answering its questions and issues"
        case .becomeThoughtLeader: "contribute expertise it values"
        case .giveOwnership: "offer its members a role in what the brand does"
        case .helpAct: "offer something its members can act on together"
        case .exchangeValue: "propose an exchange both sides gain from"
        case .reengageOrLetGo: "decide first whether to re-engage it"
        }
    }

    // MARK: influencers

    private static func influencerGaps(_ a: Analysis, graph: Graph) -> [GapFinding] {
        let eco = a.ecosystem
        let focusTier = Set(a.ranking.filter { $0.tier == .focus }.compactMap { graph.index(of: $0.id) })
        guard !focusTier.isEmpty else { return [] }
        let communities = Dictionary(eco.communities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let nodeNames = names(eco)
        // The best-ranked focus community per topic, for the suggestion.
        var bestFocusByTopic: [String: CommunityScore] = [:]
        for s in a.ranking where s.tier == .focus {
            for t in communities[s.id]?.topics ?? [] where bestFocusByTopic[t] == nil { bestFocusByTopic[t] = s }
        }
        let nearestFocus = nearestTarget(graph, targets: focusTier)
        var out: [GapFinding] = []
        for influencer in eco.influencers {
            guard let v = graph.index(of: influencer.id) else { continue }
            let direct = neighbors(graph, v)
            if direct.contains(where: focusTier.contains) { continue }
            // Through one community.
            let viaCommunity = direct.filter { graph.kinds[$0] == .community }
            if viaCommunity.contains(where: { neighbors(graph, $0).contains(where: focusTier.contains) }) { continue }

            let audience = influencer.followers.map { " (\(NumberText.grouped($0)) followers)" } ?? ""
            // Suggest the best-ranked focus community sharing a topic, else the nearest one, else the best.
            let sharing = influencer.topics.compactMap { bestFocusByTopic[$0] }.min { $0.rank < $1.rank }
            let nearest = nearestFocus[v].map { graph.ids[$0] }
            let pickID = sharing?.id ?? nearest ?? a.ranking.first { $0.tier == .focus }!.id
            let pick = graph.index(of: pickID).map { nodeNames[$0] } ?? pickID
            let why = sharing != nil ? "it shares their topics" : nearest != nil ? "it is the nearest focus community" : "it ranks highest"
            out.append(.init(
                kind: .influencerWithoutRoute, severity: direct.isEmpty ? .medium : .low,
                subject: .init(id: influencer.id, name: influencer.name, kind: "influencer"),
                detail: direct.isEmpty
                    ? "\(influencer.name)\(audience) has no links at all"
                    : "\(influencer.name)\(audience) reaches no focus community within \(influencerHops) links",
                suggestion: "Introduce \(influencer.name) to \(pick) (\(why)): a guest post, an invitation, a shared event",
                related: [pickID]))
        }
        return out
    }

    // MARK: bridges

    private static func bridgeGaps(_ a: Analysis, graph: Graph) -> [GapFinding] {
        let cut = CutVertices(graph)
        let nodeNames = names(a.ecosystem)
        var out: [GapFinding] = []
        for s in a.ranking {
            guard let v = graph.index(of: s.id) else { continue }
            let betweenness = a.metrics(for: s.id)?.betweenness ?? 0
            guard cut.isCutVertex(v) || betweenness >= bridgeBetweenness else { continue }
            let b = "betweenness " + NumberText.padded(betweenness, 2)
            let cutOff = cut.cutOff(by: v).flatMap { $0 }
            if !cutOff.isEmpty {
                // Cutting off one minor node is worth knowing; cutting off more, or a strong community, matters.
                let strongCutOff = cutOff.contains { v in
                    graph.kinds[v] == .community && (a.score(for: graph.ids[v]).map { $0.tier != .monitor } ?? false)
                }
                let names = cutOff.sorted().prefix(3).map { nodeNames[$0] }
                let more = cutOff.count > 3 ? " and \(cutOff.count - 3) more" : ""
                out.append(.init(
                    kind: .bridgeCommunity, severity: cutOff.count >= 2 || strongCutOff ? .medium : .low,
                    subject: .init(id: s.id, name: s.name, kind: "community"),
                    detail: "\(s.name) is the only tie to " + names.joined(separator: ", ") + more + " (\(b))",
                    suggestion: "Keep \(s.name) close and add a second tie to " + names[0] + ": losing it splits the map",
                    related: cutOff.sorted().map { graph.ids[$0] }))
            } else {
                out.append(.init(
                    kind: .bridgeCommunity, severity: .low,
                    subject: .init(id: s.id, name: s.name, kind: "community"),
                    detail: "\(s.name) lies on many shortest routes between other nodes (\(b))",
                    suggestion: "Use \(s.name) to carry messages between the groups it connects",
                    related: []))
            }
        }
        return out
    }

    // MARK: graph helpers

    private static func neighbors(_ g: Graph, _ v: Int) -> [Int] {
        g.neighbors[g.neighborOffsets[v]..<g.neighborOffsets[v + 1]].map { Int($0) }
    }

    /// A shortest path (node indices, both ends included) over the undirected graph, avoiding `removed`.
    static func shortestPath(_ g: Graph, from s: Int, to t: Int, removing removed: Int?) -> [Int]? {
        var parent = [Int](repeating: -1, count: g.nodeCount)
        parent[s] = s
        if let removed { parent[removed] = removed }
        var queue = [s], head = 0
        while head < queue.count {
            let u = queue[head]; head += 1
            if u == t { break }
            for k in g.neighborOffsets[u]..<g.neighborOffsets[u + 1] {
                let w = Int(g.neighbors[k])
                if parent[w] == -1 { parent[w] = u; queue.append(w) }
            }
        }
        guard parent[t] != -1, t != removed else { return nil }
        var path = [t]
        while path.last! != s { path.append(parent[path.last!]) }
        return path.reversed()
    }

    /// For every node, the target closest to it over the undirected graph (one multi-source breadth-first
    /// search; among equally close targets the one whose search wave arrived first, sources in index order).
    static func nearestTarget(_ g: Graph, targets: Set<Int>) -> [Int?] {
        var nearest = [Int?](repeating: nil, count: g.nodeCount)
        var queue = targets.sorted()
        for t in queue { nearest[t] = t }
        var head = 0
        while head < queue.count {
            let u = queue[head]; head += 1
            for k in g.neighborOffsets[u]..<g.neighborOffsets[u + 1] {
                let w = Int(g.neighbors[k])
                if nearest[w] == nil { nearest[w] = nearest[u]; queue.append(w) }
            }
        }
        return nearest
    }

    /// Node names by graph index (the graph keeps the file order: communities, influencers, stakeholders).
    private static func names(_ e: Ecosystem) -> [String] {
        e.communities.map(\.name) + e.influencers.map(\.name) + e.stakeholders.map(\.name)
    }
}

/// Cut vertices of the undirected link graph (iterative Tarjan, so deep graphs cannot overflow the stack).
struct CutVertices {
    /// Per node: DFS children whose subtree hangs on the node alone (non-empty only for cut vertices;
    /// for a DFS root, all its children when it has two or more).
    private var hanging: [[Int]]
    private var children: [[Int]]
    private var subtreeSize: [Int]
    private var component: [Int]
    private var componentMembers: [[Int]]

    init(_ g: Graph) {
        let n = g.nodeCount
        var disc = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n)
        var hanging = [[Int]](repeating: [], count: n)
        var children = [[Int]](repeating: [], count: n)
        var component = [Int](repeating: -1, count: n)
        var componentMembers: [[Int]] = []
        var size = [Int](repeating: 1, count: n)   // DFS subtree sizes
        var time = 0
        for root in 0..<n where disc[root] == -1 {
            let id = componentMembers.count
            var members = [root]
            component[root] = id
            var stack: [(v: Int, next: Int)] = [(root, g.neighborOffsets[root])]
            disc[root] = time; low[root] = time; time += 1
            while !stack.isEmpty {
                let (v, k) = stack[stack.count - 1]
                if k < g.neighborOffsets[v + 1] {
                    stack[stack.count - 1].next = k + 1
                    let w = Int(g.neighbors[k])
                    if disc[w] == -1 {
                        parent[w] = v
                        children[v].append(w)
                        component[w] = id
                        members.append(w)
                        disc[w] = time; low[w] = time; time += 1
                        stack.append((w, g.neighborOffsets[w]))
                    } else if w != parent[v] {
                        low[v] = min(low[v], disc[w])
                    }
                } else {
                    stack.removeLast()
                    if let p = stack.last?.v {
                        size[p] += size[v]
                        low[p] = min(low[p], low[v])
                        if p != root && low[v] >= disc[p] { hanging[p].append(v) }
                    }
                }
            }
            if children[root].count >= 2 { hanging[root] = children[root] }
            componentMembers.append(members)
        }
        self.hanging = hanging
        self.subtreeSize = size
        self.children = children
        self.component = component
        self.componentMembers = componentMembers
    }

    /// True when removing `v` splits its part of the map.
    func isCutVertex(_ v: Int) -> Bool { !hanging[v].isEmpty }

    /// The parts removing `v` leaves behind, except the largest (ties: the one holding the lowest index),
    /// each sorted by node index; empty when `v` is no cut vertex.
    func cutOff(by v: Int) -> [[Int]] {
        guard isCutVertex(v) else { return [] }
        // Sizes first; only the parts that are returned are listed (the rest of the map is usually the
        // largest part and never materialised).
        let hangingSizes = hanging[v].map { subtreeSize[$0] }
        let remainder = componentMembers[component[v]].count - 1 - hangingSizes.reduce(0, +)
        func listRemainder() -> [Int] {
            var taken = Set<Int>([v])
            for c in hanging[v] { taken.formUnion(subtree(c)) }
            return componentMembers[component[v]].filter { !taken.contains($0) }.sorted()
        }
        // Candidate parts as (size, lowest index, list): the lowest index of a subtree is found on listing,
        // so compare sizes first and list only the tied ones.
        var parts: [[Int]] = []
        let maxHanging = hangingSizes.max() ?? 0
        if remainder > maxHanging {
            parts = hanging[v].map(subtree)
        } else {
            parts = hanging[v].map(subtree)
            if remainder > 0 { parts.append(listRemainder()) }
            let largest = parts.indices.max { a, b in
                parts[a].count != parts[b].count ? parts[a].count < parts[b].count : parts[a][0] > parts[b][0]
            }!
            parts.remove(at: largest)
        }
        return parts.sorted { $0.count != $1.count ? $0.count < $1.count : $0[0] < $1[0] }
    }

    private func subtree(_ v: Int) -> [Int] {
        var out: [Int] = [], todo = [v]
        while let u = todo.popLast() { out.append(u); todo += children[u] }
        return out.sorted()
    }
}
