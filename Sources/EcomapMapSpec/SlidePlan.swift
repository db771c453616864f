import Foundation
import EcomapModel
import EcomapAnalysis

/// The work behind `SlideSpecBuilder`: what to draw, what to fold, where everything goes.
struct SlidePlan {
    let analysis: Analysis
    let index: NodeIndex
    let centre: Int?
    let options: SlideOptions
    let badges: Int
    /// Links as node positions (ends that are not graph nodes, such as topics, are left out).
    let links: [(from: Int32, to: Int32, weight: Double, link: Int32)]
    /// Rank (1-based) of each graph node; `Int.max` for influencers and stakeholders.
    let rankOf: [Int]
    /// Candidates in priority order, and where the "fill by rank" part begins.
    let priority: [Int]
    let fillStart: Int
    /// Group of every node for summaries, the groups' names, and what the grouping is called.
    let groupOf: [Int32]
    /// Computed once, so that each layout attempt costs only the few hundred candidates, not the
    /// whole ecosystem: nodes per group, the three best ranked of each group outside the candidates,
    /// links among non-candidates summed per pair of groups, and the links that touch a candidate.
    let groupCountAll: [Int]
    let groupBestOther: [[Int]]
    let otherSums: [Pair: (weight: Double, count: Int)]
    let candidateLinks: [(from: Int32, to: Int32, weight: Double, link: Int32)]
    let groupNames: [String]
    let groupingName: String

    init(analysis: Analysis, index: NodeIndex, centre: Int?, options: SlideOptions, badges: Int) {
        self.analysis = analysis
        self.index = index
        self.centre = centre
        self.options = options
        self.badges = badges
        let e = analysis.ecosystem
        let n = index.ids.count
        var links: [(from: Int32, to: Int32, weight: Double, link: Int32)] = []
        links.reserveCapacity(e.links.count)
        // The analysis' graph numbers nodes as `index` does and knows each link's ends: no id is looked up.
        e.links.withUnsafeBufferPointer { all in
            for i in all.indices {
                guard let (a, b) = analysis.nodePositions(ofLink: i), a < n, b < n else { continue }
                links.append((Int32(a), Int32(b), all[i].weight, Int32(i)))
            }
        }
        self.links = links
        var rankOf = Array(repeating: Int.max, count: n)
        // The ranking's node positions, best first (nil: an id that is not a graph node).
        let rankedPositions = analysis.ranking.indices.map { k in analysis.nodePosition(ofRanked: k).flatMap { $0 < n ? $0 : nil } }
        for (k, position) in rankedPositions.enumerated() { if let i = position { rankOf[i] = analysis.ranking[k].rank } }
        self.rankOf = rankOf

        // Priority: the centre; the best ranked (of the chosen tiers); the centre's neighbours by
        // weight; then, without --top, the rest by rank.
        let tiers = Set(options.tiers)
        let ranked = analysis.ranking.indices.lazy.filter { tiers.isEmpty || tiers.contains(analysis.ranking[$0].tier) }
            .compactMap { rankedPositions[$0] }
        var order: [Int] = []
        var seen = Set<Int>()
        func take(_ i: Int) { if seen.insert(i).inserted { order.append(i) } }
        if let centre { take(centre) }
        let topCount = options.top ?? SlideSpecBuilder.defaultBadges
        for i in ranked.prefix(topCount) { take(i) }
        if let centre {
            var weights: [Int: Double] = [:]
            for l in links where Int(l.from) == centre || Int(l.to) == centre {
                weights[Int(l.from) == centre ? Int(l.to) : Int(l.from), default: 0] += l.weight
            }
            let neighbours = weights.sorted { ($0.value, rankOf[$1.key], index.ids[$1.key]) > ($1.value, rankOf[$0.key], index.ids[$0.key]) }
            for (i, _) in neighbours.prefix(40) { take(i) }
        }
        fillStart = order.count
        if options.top == nil {
            // Enough to fill any slide; the area budget stops much earlier.
            for i in ranked.prefix(200) { take(i) }
            if n <= SlidePlan.drawAllUpTo {
                // A small ecosystem is drawn whole when it fits: every other node, by weighted degree.
                var degree = Array(repeating: 0.0, count: n)
                for l in links { degree[Int(l.from)] += l.weight; degree[Int(l.to)] += l.weight }
                for i in (0..<n).sorted(by: { (degree[$0], $1) > (degree[$1], $0) }) where tiers.isEmpty || index.kinds[i] != .community {
                    take(i)
                }
            }
        }
        priority = order

        (groupOf, groupNames, groupingName) = SlidePlan.groups(analysis: analysis, index: index, links: links, rankOf: rankOf, by: options.groupBy)

        var isCandidate = Array(repeating: false, count: n)
        for i in priority { isCandidate[i] = true }
        var counts = Array(repeating: 0, count: groupNames.count)
        var best = Array(repeating: [Int](), count: groupNames.count)
        for i in 0..<n {
            let g = Int(groupOf[i])
            counts[g] += 1
            guard !isCandidate[i] else { continue }
            SlidePlan.keepBest(&best[g], i, rankOf)
        }
        var sums: [Pair: (weight: Double, count: Int)] = [:]
        var touching: [(from: Int32, to: Int32, weight: Double, link: Int32)] = []
        for l in links {
            if isCandidate[Int(l.from)] || isCandidate[Int(l.to)] { touching.append(l); continue }
            let ga = Int(groupOf[Int(l.from)]), gb = Int(groupOf[Int(l.to)])
            guard ga != gb else { continue }
            let pair = Pair(min(ga, gb), max(ga, gb))
            sums[pair, default: (0, 0)].weight += l.weight
            sums[pair, default: (0, 0)].count += 1
        }
        groupCountAll = counts
        groupBestOther = best
        otherSums = sums
        candidateLinks = touching
    }

    /// Keeps the three best-ranked nodes (ranked communities only) of a group, best first.
    static func keepBest(_ list: inout [Int], _ i: Int, _ rankOf: [Int]) {
        guard rankOf[i] != Int.max, list.count < 3 || rankOf[i] < rankOf[list[list.count - 1]] else { return }
        list.append(i)
        list.sort { rankOf[$0] < rankOf[$1] }
        if list.count > 3 { list.removeLast() }
    }

    // MARK: - Grouping

    /// The summary group of every node: influencers and stakeholders in their own groups; communities
    /// by `by`, or (auto) by topic, channel or label-propagation clusters, whichever applies to most.
    static func groups(analysis: Analysis, index: NodeIndex, links: [(from: Int32, to: Int32, weight: Double, link: Int32)],
                       rankOf: [Int], by: GroupBy?) -> ([Int32], [String], String) {
        let e = analysis.ecosystem
        let n = index.ids.count
        var names: [String] = []
        var nameIndex: [String: Int32] = [:]
        func group(_ name: String) -> Int32 {
            if let g = nameIndex[name] { return g }
            let g = Int32(names.count)
            names.append(name)
            nameIndex[name] = g
            return g
        }
        var groupOf = Array(repeating: Int32(0), count: n)
        let communities = e.communities
        let communityCount = communities.count
        // By index: `for c in communities` would copy every community (a retain per field).
        let withTopic = communities.indices.lazy.filter { !communities[$0].topics.isEmpty }.count
        let withChannel = communities.indices.lazy.filter { communities[$0].channel != nil }.count
        enum Key { case topic, scope, channel, presence, cluster, none }
        let key: Key
        switch by {
        case .topic?: key = .topic
        case .scope?: key = .scope
        case .channel?: key = .channel
        case .presence?: key = .presence
        case GroupBy.none?: key = .none
        case nil:
            if withTopic * 2 >= communityCount && withTopic > 0 { key = .topic }
            else if withChannel * 2 >= communityCount && withChannel > 0 { key = .channel }
            else if !links.isEmpty { key = .cluster }
            else { key = .none }
        }
        let topicNames = Dictionary(e.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var clusterOf: [Int32] = []
        if key == .cluster { clusterOf = labelPropagation(n: n, links: links) }
        // A cluster is named after its best-ranked community.
        var clusterName: [Int32: (rank: Int, name: String)] = [:]
        if key == .cluster {
            for i in communities.indices {
                let label = clusterOf[i]
                if rankOf[i] < (clusterName[label]?.rank ?? Int.max) { clusterName[label] = (rankOf[i], communities[i].name) }
            }
        }
        // Each community's group by a small key (a topic id, an enum value, a cluster label); the
        // group's name is made once per key, not once per community.
        var groupByKey: [String: Int32] = [:]
        func keyed(_ key: String, _ name: @autoclosure () -> String) -> Int32 {
            if let g = groupByKey[key] { return g }
            let g = group(name())
            groupByKey[key] = g
            return g
        }
        for i in communities.indices {
            switch key {
            case .topic:
                let topic = communities[i].topics.first
                groupOf[i] = keyed(topic.map { "t:" + $0 } ?? "", topic.map { "in " + (topicNames[$0] ?? $0) } ?? "without a topic")
            case .scope:
                let scope = communities[i].scope
                groupOf[i] = keyed(scope?.rawValue ?? "", scope.map { "in scope \($0.rawValue)" } ?? "without a scope")
            case .channel:
                let channel = communities[i].channel
                groupOf[i] = keyed(channel?.rawValue ?? "", channel.map { "in channel \($0.rawValue)" } ?? "without a channel")
            case .presence:
                let presence = communities[i].presence
                groupOf[i] = keyed(presence?.rawValue ?? "", presence.map { "in presence \($0.rawValue)" } ?? "without a presence")
            case .cluster:
                let label = clusterOf[i]
                groupOf[i] = keyed(String(label), clusterName[label].map { "near " + $0.name } ?? "communities")
            case .none:
                groupOf[i] = group("communities")
            }
        }
        let influencers = group("influencers"), stakeholders = group("stakeholders")
        for i in communityCount..<n { groupOf[i] = index.kinds[i] == .influencer ? influencers : stakeholders }
        let grouping: String
        switch key {
        case .topic: grouping = "topic"
        case .scope: grouping = "scope"
        case .channel: grouping = "channel"
        case .presence: grouping = "presence"
        case .cluster: grouping = "detected cluster"
        case .none: grouping = "kind"
        }
        return (groupOf, names, grouping)
    }

    /// Communities of the link graph by label propagation (undirected, weighted; 8 sweeps in node
    /// order, ties to the smallest label): linear in nodes and links per sweep, deterministic.
    static func labelPropagation(n: Int, links: [(from: Int32, to: Int32, weight: Double, link: Int32)]) -> [Int32] {
        var offsets = Array(repeating: 0, count: n + 1)
        for l in links { offsets[Int(l.from) + 1] += 1; offsets[Int(l.to) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var targets = Array(repeating: Int32(0), count: offsets[n])
        var weights = Array(repeating: 0.0, count: offsets[n])
        for l in links {
            targets[fill[Int(l.from)]] = l.to; weights[fill[Int(l.from)]] = l.weight; fill[Int(l.from)] += 1
            targets[fill[Int(l.to)]] = l.from; weights[fill[Int(l.to)]] = l.weight; fill[Int(l.to)] += 1
        }
        var label = (0..<n).map { Int32($0) }
        var score = Array(repeating: 0.0, count: n)
        var touched: [Int32] = []
        for _ in 0..<8 {
            var changed = false
            for v in 0..<n where offsets[v] < offsets[v + 1] {
                for k in offsets[v]..<offsets[v + 1] {
                    let l = label[Int(targets[k])]
                    if score[Int(l)] == 0 { touched.append(l) }
                    score[Int(l)] += weights[k]
                }
                var best = label[v], bestScore = -1.0
                for l in touched {
                    let s = score[Int(l)]
                    if s > bestScore || (s == bestScore && l < best) { best = l; bestScore = s }
                }
                for l in touched { score[Int(l)] = 0 }
                touched.removeAll(keepingCapacity: true)
                if best != label[v] { label[v] = best; changed = true }
            }
            if !changed { break }
        }
        return label
    }

    // MARK: - One layout attempt

    struct Attempt {
        var spec: MapSpec
        var warnings: [Diagnostic]
        /// Nodes that found no free spot (to be folded in the next attempt).
        var unplaced: Set<Int>
    }

    /// A node to place: its shape size (points) and what to draw.
    struct Item {
        var node: MapNode
        var width: Double
        var height: Double
        /// Graph node position, or -1 - summary number.
        var key: Int
        var isSummary: Bool { key < 0 }
    }

    /// - Parameter items: every candidate's item (`nodeItem`), by graph node position.
    func layout(excluded: Set<Int>, colors: ThemeColors, items: [Int: Item]) -> Attempt {
        let e = analysis.ecosystem
        let n = index.ids.count
        let title = MapTitle(name: LabelText(lineLength: 70, maxLines: 1).lines(e.title)[0], asOf: e.asOf?.description,
                             descriptionLines: ["x"])
        // The area with a generous legend column, for the budget; the real legend decides the placement.
        let budgetArea = areaSize(title: title, legendWidth: 240).width * areaSize(title: title, legendWidth: 240).height * SlideSpecBuilder.density
        let summaryReserve = Double(SlideSpecBuilder.maxSummaries) * (SlideSpecBuilder.maxLineWidth + 18 + SlideSpecBuilder.gapX) * 1.1
            * (2 * SlideSpecBuilder.fontSize * TextMetrics.lineSpacing + 12 + SlideSpecBuilder.gapY) * 1.1
        // Summaries need room only when something is folded.
        let candidates = priority.filter { !excluded.contains($0) || $0 == centre }.compactMap { items[$0] }
        let total = candidates.reduce(0) { $0 + ($1.width + SlideSpecBuilder.gapX) * ($1.height + SlideSpecBuilder.gapY) }
        var used = candidates.count == n && total <= budgetArea ? 0 : summaryReserve

        // 1. What is drawn.
        var drawn: [Item] = []
        var drawnSet = Set<Int>()
        for item in candidates {
            let i = item.key
            let cost = (item.width + SlideSpecBuilder.gapX) * (item.height + SlideSpecBuilder.gapY)
            if i != centre && used + cost > budgetArea { continue }
            used += cost
            drawn.append(item)
            drawnSet.insert(i)
        }
        let fillFrom = drawn.firstIndex { !priority.prefix(fillStart).contains($0.key) } ?? drawn.count

        // 2. What is folded, by group.
        var groupCount = groupCountAll
        var groupBest = groupBestOther
        for i in drawnSet { groupCount[Int(groupOf[i])] -= 1 }
        for i in priority where !drawnSet.contains(i) { SlidePlan.keepBest(&groupBest[Int(groupOf[i])], i, rankOf) }
        let nonEmpty = (0..<groupNames.count).filter { groupCount[$0] > 0 }
            .sorted { (groupCount[$0], groupNames[$1]) > (groupCount[$1], groupNames[$0]) }
        var summaryOf = Array(repeating: -1, count: groupNames.count)
        var summaries: [(groups: [Int], count: Int)] = []
        let own = nonEmpty.count <= SlideSpecBuilder.maxSummaries ? nonEmpty.count : SlideSpecBuilder.maxSummaries - 1
        for g in nonEmpty.prefix(own) { summaryOf[g] = summaries.count; summaries.append(([g], groupCount[g])) }
        if nonEmpty.count > own {
            let rest = Array(nonEmpty.dropFirst(own))
            for g in rest { summaryOf[g] = summaries.count }
            summaries.append((rest, rest.reduce(0) { $0 + groupCount[$1] }))
        }

        // 3. Links: drawn to drawn as they are; anything touching a folded node summed per pair.
        var slot = [Int: Int]()  // graph node -> item index
        for (k, item) in drawn.enumerated() { slot[item.key] = k }
        var edges: [MapEdge] = []
        var sums: [Pair: (weight: Double, count: Int)] = [:]
        var names: [String: String] = [:]
        for item in drawn { names[item.node.id] = e.graphNodeName(index, item.key) }
        // In key order: sums of doubles must not depend on the dictionary's (per-process) order.
        for (pair, value) in otherSums.sorted(by: { $0.key < $1.key }) {
            let sa = drawn.count + summaryOf[pair.a], sb = drawn.count + summaryOf[pair.b]
            guard sa != sb else { continue }
            let key = Pair(min(sa, sb), max(sa, sb))
            sums[key, default: (0, 0)].weight += value.weight
            sums[key, default: (0, 0)].count += value.count
        }
        for l in candidateLinks {
            let a = slot[Int(l.from)], b = slot[Int(l.to)]
            if a != nil && b != nil {
                let link = e.links[Int(l.link)]
                edges.append(MapEdge(from: link.from, to: link.to, weight: link.weight,
                                     penWidth: NodeEncoding.linkWidth(weight: link.weight), color: colors.link,
                                     directed: link.directed, tooltip: MapSpecBuilder.edgeTooltip(link, names: names)))
                continue
            }
            let sa = a ?? (drawn.count + summaryOf[Int(groupOf[Int(l.from)])])
            let sb = b ?? (drawn.count + summaryOf[Int(groupOf[Int(l.to)])])
            guard sa != sb else { continue }
            let pair = Pair(min(sa, sb), max(sa, sb))
            sums[pair, default: (0, 0)].weight += l.weight
            sums[pair, default: (0, 0)].count += 1
        }

        // 4. Summary nodes.
        var summaryItems: [Item] = []
        for (s, summary) in summaries.enumerated() {
            summaryItems.append(summaryItem(s, groups: summary.groups, count: summary.count, best: summary.groups.flatMap { groupBest[$0] },
                                            links: sums.filter { $0.key.a == drawn.count + s || $0.key.b == drawn.count + s }, colors: colors))
        }
        let all = drawn + summaryItems
        // Each summary keeps its strongest links.
        var summaryEdges: [(Pair, Double, Int)] = []
        for s in summaries.indices {
            let me = drawn.count + s
            let strongest = { (pairs: [Dictionary<Pair, (weight: Double, count: Int)>.Element]) in
                pairs.sorted { ($0.value.weight, $1.key) > ($1.value.weight, $0.key) }
            }
            // Links to drawn nodes first; one to another summary.
            let toDrawn = strongest(sums.filter { ($0.key.a == me && $0.key.b < drawn.count) || ($0.key.b == me && $0.key.a < drawn.count) })
            let toSummary = strongest(sums.filter { ($0.key.a == me || $0.key.b == me) && $0.key.a >= drawn.count && $0.key.b >= drawn.count })
            let mine = toDrawn.prefix(SlideSpecBuilder.summaryLinks - 1) + toSummary.prefix(1)
            for (pair, value) in mine where !summaryEdges.contains(where: { $0.0 == pair }) {
                summaryEdges.append((pair, value.weight, value.count))
            }
        }
        let maxSum = summaryEdges.map(\.1).max() ?? 1
        for (pair, weight, count) in summaryEdges {
            let a = all[pair.a].node, b = all[pair.b].node
            edges.append(MapEdge(from: a.id, to: b.id, weight: weight,
                                 penWidth: 0.6 + 2.0 * (weight / maxSum).squareRoot(), color: colors.link, directed: false,
                                 tooltip: "\(a.labelLines.joined(separator: " ")) — \(b.labelLines.joined(separator: " "))\n\(TextFormat.count(count)) links, summed weight \(TextFormat.decimal(weight))",
                                 dashed: true))
        }

        // 5. Legend and title, then the area the nodes get.
        let drawnNodes = drawn.map(\.node)
        var legend = LegendBuilder.legend(nodes: drawnNodes, edges: edges.filter { !$0.dashed }, colors: colors, labelTop: badges,
                                          grouped: false, groupBy: .none,
                                          roles: drawn.filter { $0.node.kind == .stakeholder }
                                              .map { e.stakeholders[index.communityIndex[$0.key]].role })
        if drawn.contains(where: { $0.node.kind == .community && rankOf[$0.key] <= badges }) {
            legend.items.append(LegendItem(.badge("#1"), "Focus rank (top \(badges))"))
        }
        if !summaries.isEmpty {
            legend.items.append(LegendItem(.shape(.box, fill: colors.clusterFill, stroke: colors.clusterStroke, dashed: true, double: false),
                                           "+N: not drawn, by \(groupingName)"))
        }
        if !summaryEdges.isEmpty {
            legend.items.append(LegendItem(.lineWidths(colors.clusterStroke), "Dashed: summed links"))
        }
        let finalTitle = MapTitle(name: title.name, asOf: title.asOf,
                                  descriptionLines: [caption(drawn: drawn, folded: n - drawn.count)])
        let legendWidth = FrameGeometry(spec: MapSpec(title: finalTitle, nodes: [], edges: [], clusters: [], legend: legend,
                                                      colors: colors, layout: SlidePlan.plan, aspect: .wide)).legendWidth
        let area = areaSize(title: finalTitle, legendWidth: legendWidth)

        // 6. Placement: the centre, the ranked and the neighbourhood, the summaries, the fill.
        let order = Array(0..<fillFrom) + Array(drawn.count..<all.count) + Array(fillFrom..<drawn.count)
        var adjacency = Array(repeating: [(Int, Double)](), count: all.count)
        for edge in edges {
            guard let a = all.firstIndex(where: { $0.node.id == edge.from }), let b = all.firstIndex(where: { $0.node.id == edge.to }) else { continue }
            adjacency[a].append((b, edge.dashed ? 1 : edge.weight))
            adjacency[b].append((a, edge.dashed ? 1 : edge.weight))
        }
        var placer = Placer(width: area.width, height: area.height)
        var position = Array(repeating: (x: 0.0, y: 0.0), count: all.count)
        var placed = Array(repeating: false, count: all.count)
        var unplaced = Set<Int>()
        var spiral = 0
        for k in order {
            let item = all[k]
            let anchors = adjacency[k].filter { placed[$0.0] }
            var ideal: (x: Double, y: Double)
            if k == 0 && drawn.first?.key == centre {
                ideal = (area.width / 2, area.height / 2)
            } else if !anchors.isEmpty {
                let total = anchors.reduce(0) { $0 + $1.1 }
                ideal = (anchors.reduce(0) { $0 + position[$1.0].x * $1.1 } / total,
                         anchors.reduce(0) { $0 + position[$1.0].y * $1.1 } / total)
            } else {
                spiral += 1
                let angle = Double(spiral) * 2.399963229728653, r = 0.8 * (Double(spiral) / Double(all.count)).squareRoot()
                ideal = (area.width / 2 * (1 + r * cos(angle)), area.height / 2 * (1 + r * sin(angle)))
            }
            if item.isSummary {
                // Towards the edge, in the direction of what it is linked to.
                var dx = ideal.x - area.width / 2, dy = ideal.y - area.height / 2
                if abs(dx) < 1 && abs(dy) < 1 { spiral += 1; dx = cos(Double(spiral) * 2.4); dy = sin(Double(spiral) * 2.4) }
                let scale = 0.9 / max((dx * dx / (area.width * area.width / 4) + dy * dy / (area.height * area.height / 4)).squareRoot(), 1e-9)
                ideal = (area.width / 2 + dx * scale, area.height / 2 + dy * scale)
            }
            if let spot = placer.place(width: item.width, height: item.height, near: ideal) {
                position[k] = spot
                placed[k] = true
            } else if !item.isSummary {
                unplaced.insert(item.key)
            } else if let last = drawn.last(where: { $0.key != centre && !unplaced.contains($0.key) }) {
                // A summary must be drawn: the least important drawn node makes room for it.
                unplaced.insert(last.key)
            }
        }
        let stretched = placer.stretched(position: position, placed: placed, sizes: all.map { ($0.width, $0.height) })

        // 7. The spec: every shape pinned (Graphviz's y grows upwards).
        var nodes: [MapNode] = []
        for (k, item) in all.enumerated() where placed[k] {
            var node = item.node
            node.position = MapPoint(x: stretched[k].x, y: area.height - stretched[k].y)
            nodes.append(node)
        }
        let kept = Set(nodes.map(\.id))
        edges = edges.filter { kept.contains($0.from) && kept.contains($0.to) }
        let spec = MapSpec(title: finalTitle, nodes: nodes, edges: edges, clusters: [], legend: legend, colors: colors,
                           layout: SlidePlan.plan, aspect: .wide,
                           encodingNote: MapSpec.mapEncodingNote + " Slide view: nodes not drawn are folded into summary nodes.")
        return Attempt(spec: spec, warnings: [], unplaced: unplaced)
    }

    /// Ecosystems of up to this many nodes are drawn whole when they fit the slide.
    static let drawAllUpTo = 80

    static let plan = LayoutPlan(engine: .neato, reason: "slide view: positions placed by ecomap, drawn by neato", curvedEdges: false, pinned: true)

    /// The drawing area for the nodes (points) on a 960 x 540 picture with this title and legend.
    func areaSize(title: MapTitle, legendWidth: Double) -> (width: Double, height: Double) {
        let geometry = FrameGeometry(spec: MapSpec(title: title, nodes: [], edges: [], clusters: [], legend: Legend(items: []),
                                                   colors: ThemeColors.defaults(.light), layout: SlidePlan.plan, aspect: .wide))
        // Graphviz pads the drawing by 0.15 in on each side; 4 pt more for pen widths.
        let pad = 2 * 0.15 * 72 + 4
        let width = SlideSpecBuilder.slideWidth - 2 * FrameGeometry.margin - FrameGeometry.gap - legendWidth - pad
        let height = SlideSpecBuilder.slideHeight - geometry.titleHeight - FrameGeometry.margin - pad
        return (max(width, 200), max(height, 150))
    }

    /// One line under the title: how many are drawn and how the rest is folded.
    func caption(drawn: [Item], folded: Int) -> String {
        let e = analysis.ecosystem
        let communities = drawn.filter { $0.node.kind == .community }.count
        guard folded > 0 else {
            return "All \(TextFormat.count(e.communities.count)) communities, \(TextFormat.count(e.influencers.count)) influencers and \(TextFormat.count(e.stakeholders.count)) stakeholders."
        }
        var text = "\(TextFormat.count(communities)) of \(TextFormat.count(e.communities.count)) communities drawn"
        var parts: [String] = []
        let tierText = options.tiers.isEmpty ? "" : " " + options.tiers.map(\.rawValue).joined(separator: "/")
        parts.append("the best ranked\(tierText)")
        if let centre { parts.append("the neighbourhood of " + e.graphNodeName(index, centre)) }
        text += " (" + parts.joined(separator: ", ") + "); \(TextFormat.count(folded)) more folded by \(groupingName)."
        return LabelText(lineLength: 150, maxLines: 1).lines(text)[0]
    }

    // MARK: - Items

    func nodeItem(_ i: Int, colors: ThemeColors, encoder: NodeEncoder) -> Item {
        let e = analysis.ecosystem
        let size = SlideSpecBuilder.fontSize
        let lineHeight = size * TextMetrics.lineSpacing
        var node: MapNode
        var prefix = ""
        var width: Double, height: Double
        switch index.kinds[i] {
        case .influencer:
            node = encoder.influencer(e.influencers[index.communityIndex[i]])
        case .stakeholder:
            node = encoder.stakeholder(e.stakeholders[index.communityIndex[i]])
        default:
            node = encoder.community(e.communities[index.communityIndex[i]])
            if rankOf[i] <= badges { prefix = "#\(rankOf[i]) " }
        }
        let name = e.graphNodeName(index, i)
        var lines = TextMetrics.wrap(name, size: size, maxWidth: SlideSpecBuilder.maxLineWidth, maxLines: 2)
        if !prefix.isEmpty {
            // The rank goes in front of the name, or on a line of its own when that line is full.
            if TextMetrics.width(prefix + lines[0], size: size) <= SlideSpecBuilder.maxLineWidth { lines[0] = prefix + lines[0] }
            else { lines.insert(String(prefix.dropLast()), at: 0) }
        }
        let textWidth = lines.map { TextMetrics.width($0, size: size) }.max() ?? 0
        let textHeight = Double(lines.count) * lineHeight
        switch node.shape {
        case .box:
            width = textWidth + 18
            height = textHeight + 10
        case .hexagon:
            height = textHeight + 14
            width = textWidth / (1 - textHeight / (2 * height)) + 10
        default:
            // An ellipse 1.35 times the text's half-width across holds the text block.
            let grow = 1 + 0.3 * (node.score?.size ?? 0) / 100
            width = max((1.35 * textWidth + 12) * grow, 46)
            height = max((1.5 * textHeight + 8) * grow, 28)
        }
        node.labelLines = lines
        node.badge = nil
        node.fixedSize = true
        node.fontSize = size
        node.minWidth = width / 72
        node.minHeight = height / 72
        // A double outline adds 4 pt on every side.
        let outline = node.emphasised ? 10.0 : 2.0
        return Item(node: node, width: width + outline, height: height + outline, key: i)
    }

    func summaryItem(_ s: Int, groups: [Int], count: Int, best: [Int], links: [Pair: (weight: Double, count: Int)], colors: ThemeColors) -> Item {
        let size = SlideSpecBuilder.fontSize
        let label: String
        if groups.count == 1 {
            let name = groupNames[groups[0]]
            label = name == "influencers" || name == "stakeholders" || name == "communities"
                ? "+\(TextFormat.count(count)) \(name)" : "+\(TextFormat.count(count)) more \(name)"
        } else {
            label = "+\(TextFormat.count(count)) more"
        }
        // Room for a count of up to seven digits whatever this one is (the label is re-made each attempt).
        let lines = TextMetrics.wrap(label, size: size, maxWidth: SlideSpecBuilder.maxLineWidth, maxLines: 2)
        let textWidth = max(lines.map { TextMetrics.width($0, size: size) }.max() ?? 0, TextMetrics.width("+0,000,000", size: size))
        let grow = min(1.5, 1 + 0.12 * log10(Double(max(count, 1))))
        let width = (textWidth + 18) * grow, height = (Double(lines.count) * size * TextMetrics.lineSpacing + 12) * grow
        let e = analysis.ecosystem
        var tooltip = ["\(label) (not drawn on this slide)"]
        tooltip.append("\(TextFormat.count(count)) nodes folded by \(groupingName)" + (groups.count > 1 ? ", \(groups.count) groups" : ""))
        let bestRanked = best.sorted { rankOf[$0] < rankOf[$1] }.prefix(3)
        if !bestRanked.isEmpty {
            tooltip.append("Best ranked: " + bestRanked.map { "#\(rankOf[$0]) \(e.graphNodeName(index, $0))" }.joined(separator: ", "))
        }
        let ordered = links.sorted { $0.key < $1.key }.map(\.value)
        let linkCount = ordered.reduce(0) { $0 + $1.count }
        if linkCount > 0 {
            tooltip.append("Links out: \(TextFormat.count(linkCount)), summed weight \(TextFormat.decimal(ordered.reduce(0) { $0 + $1.weight }))")
        }
        let node = MapNode(id: "more:\(s)", kind: .summary, shape: .box, labelLines: lines, badge: nil,
                           minWidth: width / 72, minHeight: height / 72, fill: colors.clusterFill, stroke: colors.clusterStroke,
                           fontColor: colors.text, penWidth: 1.1, dashed: true, emphasised: false, tooltip: tooltip.joined(separator: "\n"),
                           url: nil, clusterID: nil, score: nil, fixedSize: true, fontSize: size)
        return Item(node: node, width: width + 2, height: height + 2, key: -1 - s)
    }
}

/// Two slots of the slide (drawn nodes first, then summaries), smaller first.
struct Pair: Hashable, Comparable {
    var a: Int
    var b: Int
    init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
    static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
}

/// Greedy placement of boxes: each at the free lattice spot nearest (in the area's proportions)
/// to where it wants to be; boxes keep `gapX`/`gapY` apart.
struct Placer {
    let width: Double
    let height: Double
    static let step = 6.0
    private(set) var boxes: [(x: Double, y: Double, w: Double, h: Double)] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func place(width w: Double, height h: Double, near ideal: (x: Double, y: Double)) -> (x: Double, y: Double)? {
        guard w <= width, h <= height else { return nil }
        var best: (x: Double, y: Double)?
        var bestDistance = Double.infinity
        // The nearest free lattice spot, the first in row order among equals. Rows and the ends of rows
        // that cannot hold a nearer spot are skipped (the distance only grows away from `ideal`), and
        // each row is checked only against the boxes its band meets: the same spot, found faster.
        var band: [(x: Double, w: Double)] = []
        var y = h / 2
        while y <= height - h / 2 + 1e-9 {
            let dy = (y - ideal.y) / height
            if dy * dy >= bestDistance {
                if y >= ideal.y { break }  // every row below is farther still
                y += Placer.step
                continue
            }
            band.removeAll(keepingCapacity: true)
            for b in boxes where abs(b.y - y) < (b.h + h) / 2 + SlideSpecBuilder.gapY { band.append((b.x, b.w)) }
            var x = w / 2
            while x <= width - w / 2 + 1e-9 {
                let dx = (x - ideal.x) / width
                let d = dx * dx + dy * dy
                if d < bestDistance {
                    if Placer.isFree(x, w, band) {
                        bestDistance = d
                        best = (x, y)
                    }
                } else if x >= ideal.x {
                    break  // the rest of the row is farther still
                }
                x += Placer.step
            }
            y += Placer.step
        }
        if let best { boxes.append((best.x, best.y, w, h)) }
        return best
    }

    /// Whether a box `w` wide at `x` keeps clear of the boxes of its row band.
    private static func isFree(_ x: Double, _ w: Double, _ band: [(x: Double, w: Double)]) -> Bool {
        for b in band where abs(b.x - x) < (b.w + w) / 2 + SlideSpecBuilder.gapX { return false }
        return true
    }

    /// Centres spread apart (never closer) so the boxes span the area: separated boxes stay
    /// separated when every centre moves away from a common point by a factor of at least 1.
    func stretched(position: [(x: Double, y: Double)], placed: [Bool], sizes: [(Double, Double)]) -> [(x: Double, y: Double)] {
        let ids = position.indices.filter { placed[$0] }
        guard !ids.isEmpty else { return position }
        func axis(_ c: [Double], _ s: [Double], _ length: Double) -> [Double] {
            func extent(_ f: Double) -> (Double, Double) {
                var lo = Double.infinity, hi = -Double.infinity
                for (v, size) in zip(c, s) { lo = min(lo, v * f - size / 2); hi = max(hi, v * f + size / 2) }
                return (lo, hi)
            }
            var low = 1.0, high = 3.0
            if extent(high).1 - extent(high).0 <= length { low = high }
            for _ in 0..<40 where low < high {
                let mid = (low + high) / 2
                let (lo, hi) = extent(mid)
                if hi - lo <= length { low = mid } else { high = mid }
                if high - low < 1e-6 { break }
            }
            let (lo, hi) = extent(low)
            let shift = (length - (hi - lo)) / 2 - lo
            return c.map { $0 * low + shift }
        }
        let xs = axis(ids.map { position[$0].x }, ids.map { sizes[$0].0 }, width)
        let ys = axis(ids.map { position[$0].y }, ids.map { sizes[$0].1 }, height)
        var out = position
        for (k, i) in ids.enumerated() { out[i] = (xs[k], ys[k]) }
        return out
    }
}

extension Ecosystem {
    /// The name of the graph node at a `NodeIndex` position.
    func graphNodeName(_ index: NodeIndex, _ i: Int) -> String {
        switch index.kinds[i] {
        case .influencer: return influencers[index.communityIndex[i]].name
        case .stakeholder: return stakeholders[index.communityIndex[i]].name
        default: return communities[index.communityIndex[i]].name
        }
    }
}
