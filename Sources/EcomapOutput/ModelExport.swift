import EcomapModel
import EcomapAnalysis
import EcomapText

/// The output formats of `ecomap export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case graphml, json
}

/// The whole scored model for other tools: GraphML (Gephi, yEd, networkx) or JSON.
///
/// Numbers are rounded as in `ecomap rank --format json`: scores and dimensions to 2 decimals, confidence,
/// weights and weighted degree to 4, PageRank and betweenness to 8. An unknown figure is left out of
/// GraphML (no `<data>` element) and is `null` in JSON: unknown is not zero.
public enum ModelExport {
    /// The model in `format`, ending with a newline.
    public static func rendered(_ analysis: Analysis, as format: ExportFormat) -> String {
        switch format {
        case .graphml: GraphMLExport.render(analysis)
        case .json: ModelJSON.render(analysis)
        }
    }
}

/// One attribute of a GraphML element: its key declaration and how to read it from the model.
struct GraphMLKey {
    enum Domain: String { case graph, node, edge }
    enum ValueType: String { case string, int, long, double, boolean }

    var domain: Domain
    var name: String
    var type: ValueType

    /// Key ids are the attribute name with a domain prefix, so node and edge `kind` do not clash.
    var id: String { "\(domain.rawValue.prefix(1))_\(name)" }
}

/// GraphML 1.0 with every key declared before use.
///
/// Links are written in an undirected graph (`edgedefault="undirected"`) with a boolean `directed` data
/// attribute, because an ecosystem mixes directed and undirected links and networkx refuses a GraphML
/// `directed` XML attribute that differs from the graph's default. Lists (topics, tags, goals, missing
/// figures, flags) are joined with `;`.
enum GraphMLExport {
    typealias Value = (String, GraphMLKey.ValueType)

    static func render(_ a: Analysis) -> String {
        let e = a.ecosystem
        var graphData: [(String, String?)] = [
            ("ecosystem", e.title), ("description", e.description), ("as_of", e.asOf?.description), ("focus", e.focus),
        ]
        for d in Dimension.allCases { graphData.append(("weight_\(d.rawValue)", NumberText.fixed(a.weights[d], 4))) }

        var nodes: [(id: String, data: [(String, String)])] = []
        let metrics = Dictionary(a.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        func common(_ kind: NodeKind, _ id: String, _ name: String, _ url: String?, _ notes: String?,
                    _ tags: [String]) -> [(String, String?)] {
            [("kind", kind.rawValue), ("name", name), ("url", url), ("notes", notes), ("tags", list(tags)),
             ("is_focus", e.focus == id ? "true" : "false")]
        }
        func metricData(_ id: String) -> [(String, String?)] {
            guard let m = metrics[id] else { return [] }
            return [("degree", String(m.degree)), ("weighted_degree", NumberText.fixed(m.weightedDegree, 4)),
                    ("pagerank", NumberText.fixed(m.pagerank, 8)), ("betweenness", NumberText.fixed(m.betweenness, 8))]
        }
        let anyMeasured = MeasuredMarks.any(e)
        for c in e.communities {
            var data = common(.community, c.id, c.name, c.url, c.notes, c.tags)
            data += [("channel", c.channel?.rawValue), ("platform", c.platform), ("presence", c.presence?.rawValue), ("scope", c.scope?.rawValue),
                     ("topics", list(c.topics)), ("members", c.members.map(String.init)),
                     ("discussions", c.discussions.map { NumberText.fixed($0, 4) }),
                     ("reactions", c.reactions.map { NumberText.fixed($0, 4) }),
                     ("reach", c.reach.map(String.init)), ("actions", c.actions.map { NumberText.fixed($0, 4) }),
                     ("sentiment", c.sentiment?.rawValue), ("phase", c.phase?.rawValue), ("goals", list(c.goals.map(\.rawValue)))]
            if anyMeasured {
                data += [("figures_origin", MeasuredMarks.originList(c)), ("measured", MeasuredMarks.line(c))]
            }
            data += metricData(c.id)
            if let s = a.score(for: c.id) {
                data += [("rank", String(s.rank)), ("score", NumberText.fixed(s.score, 2)),
                         ("confidence", NumberText.fixed(s.confidence, 4))]
                data += Dimension.allCases.map { ("\($0.rawValue)_score", s.dimensions[$0].map { NumberText.fixed($0, 2) }) }
                data += [("social_density", s.socialDensity.map { NumberText.fixed($0, 4) }),
                         ("network_audience", NumberText.fixed(s.networkAudience, 2)),
                         ("missing", list(s.missing)), ("tier", s.tier.rawValue), ("next_step", s.nextStep.rawValue),
                         ("explanation", s.explanation), ("flags", list(s.flags))]
            }
            nodes.append((c.id, data.compactMap { k, v in v.map { (k, $0) } }))
        }
        for i in e.influencers {
            var data = common(.influencer, i.id, i.name, i.url, i.notes, i.tags)
            data += [("followers", i.followers.map(String.init)), ("handle", i.handle), ("topics", list(i.topics)),
                     ("sentiment", i.sentiment?.rawValue)]
            data += metricData(i.id)
            nodes.append((i.id, data.compactMap { k, v in v.map { (k, $0) } }))
        }
        for s in e.stakeholders {
            var data = common(.stakeholder, s.id, s.name, s.url, s.notes, s.tags)
            data += [("role", s.role?.rawValue)]
            data += metricData(s.id)
            nodes.append((s.id, data.compactMap { k, v in v.map { (k, $0) } }))
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        out += "  <!-- ecomap export: the scored ecosystem; unknown figures have no data element -->\n"
        for key in keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.domain.rawValue)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type.rawValue)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for (name, value) in graphData {
            guard let value else { continue }
            out += "    " + data(.graph, name, value) + "\n"
        }
        for node in nodes {
            out += "    <node id=\"\(xml(node.id, attribute: true))\">\n"
            for (name, value) in node.data { out += "      " + data(.node, name, value) + "\n" }
            out += "    </node>\n"
        }
        for (i, link) in e.links.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(xml(link.from, attribute: true))\" target=\"\(xml(link.to, attribute: true))\">\n"
            out += "      " + data(.edge, "weight", NumberText.fixed(link.weight, 4)) + "\n"
            if let kind = link.kind { out += "      " + data(.edge, "kind", kind) + "\n" }
            out += "      " + data(.edge, "directed", link.directed ? "true" : "false") + "\n"
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Every key, in declaration order.
    static let keys: [GraphMLKey] = {
        var k: [GraphMLKey] = [
            .init(domain: .graph, name: "ecosystem", type: .string), .init(domain: .graph, name: "description", type: .string),
            .init(domain: .graph, name: "as_of", type: .string), .init(domain: .graph, name: "focus", type: .string),
        ]
        k += Dimension.allCases.map { .init(domain: .graph, name: "weight_\($0.rawValue)", type: .double) }
        let nodeKeys: [(String, GraphMLKey.ValueType)] = [
            ("kind", .string), ("name", .string), ("url", .string), ("notes", .string), ("tags", .string),
            ("is_focus", .boolean),
            ("channel", .string), ("platform", .string), ("presence", .string), ("scope", .string), ("topics", .string), ("members", .long),
            ("discussions", .double), ("reactions", .double), ("reach", .long), ("actions", .double),
            ("sentiment", .string), ("phase", .string), ("goals", .string),
            ("figures_origin", .string), ("measured", .string),
            ("followers", .long), ("handle", .string), ("role", .string),
            ("degree", .int), ("weighted_degree", .double), ("pagerank", .double), ("betweenness", .double),
            ("rank", .int), ("score", .double), ("confidence", .double),
            ("size_score", .double), ("activity_score", .double), ("reach_score", .double), ("action_score", .double),
            ("social_density", .double), ("network_audience", .double), ("missing", .string), ("tier", .string),
            ("next_step", .string), ("explanation", .string), ("flags", .string),
        ]
        k += nodeKeys.map { .init(domain: .node, name: $0.0, type: $0.1) }
        k += [.init(domain: .edge, name: "weight", type: .double), .init(domain: .edge, name: "kind", type: .string),
              .init(domain: .edge, name: "directed", type: .boolean)]
        return k
    }()

    private static func data(_ domain: GraphMLKey.Domain, _ name: String, _ value: String) -> String {
        let key = GraphMLKey(domain: domain, name: name, type: .string)
        return "<data key=\"\(key.id)\">\(xml(value, attribute: false))</data>"
    }

    /// `nil` for an empty list (left out), else the items joined with `;`.
    private static func list(_ items: [String]) -> String? {
        items.isEmpty ? nil : items.joined(separator: ";")
    }

    /// XML 1.0 escaping (the one rule, `MarkupText.xml`).
    static func xml(_ text: String, attribute: Bool) -> String { MarkupText.xml(text, attribute: attribute) }
}

/// `ecomap export --format json`: the ecosystem as read, with every node's metrics and every community's
/// scores. Keys in a fixed order (docs/export.md).
enum ModelJSON {
    static func render(_ a: Analysis) -> String {
        let e = a.ecosystem
        let metrics = Dictionary(a.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        func number(_ v: Double?, _ decimals: Int) -> JSONValue { v.map { .double($0, decimals) } ?? .null }
        func integer(_ v: Int?) -> JSONValue { v.map { .int($0) } ?? .null }
        func metric(_ id: String) -> JSONValue {
            guard let m = metrics[id] else { return .null }
            return .object([.init("degree", .int(m.degree)), .init("weighted_degree", .double(m.weightedDegree, 4)),
                            .init("pagerank", .double(m.pagerank, 8)), .init("betweenness", .double(m.betweenness, 8))])
        }
        func dims(_ d: DimensionScores) -> JSONValue {
            .object(Dimension.allCases.map { .init($0.rawValue, number(d[$0], 2)) })
        }
        func base(_ id: String, _ name: String, _ url: String?, _ notes: String?, _ tags: [String]) -> [JSONValue.Member] {
            [.init("id", .string(id)), .init("name", .string(name)), .init("url", .optional(url)),
             .init("notes", .optional(notes)), .init("tags", strings(tags))]
        }
        let communities: [JSONValue] = e.communities.map { c in
            var m = base(c.id, c.name, c.url, c.notes, c.tags)
            m += [.init("channel", .optional(c.channel?.rawValue)), .init("platform", .optional(c.platform)), .init("presence", .optional(c.presence?.rawValue)),
                  .init("scope", .optional(c.scope?.rawValue)), .init("topics", strings(c.topics)),
                  .init("members", integer(c.members)),
                  .init("activity", .object([.init("discussions", number(c.discussions, 4)),
                                             .init("reactions", number(c.reactions, 4))])),
                  .init("reach", integer(c.reach)), .init("actions", number(c.actions, 4)),
                  .init("sentiment", .optional(c.sentiment?.rawValue)), .init("phase", .optional(c.phase?.rawValue)),
                  .init("goals", strings(c.goals.map(\.rawValue))), .init("metrics", metric(c.id))]
            // Measured communities say which figures came from exports (docs/measure.md).
            if MeasuredMarks.any(e) { m += [.init("figures", MeasuredMarks.origins(c))] + MeasuredMarks.json(c) }
            if let s = a.score(for: c.id) {
                m.append(.init("scoring", .object([
                    .init("rank", .int(s.rank)), .init("score", .double(s.score, 2)),
                    .init("confidence", .double(s.confidence, 4)), .init("dimensions", dims(s.dimensions)),
                    .init("contributions", dims(s.contributions)),
                    .init("social_density", number(s.socialDensity, 4)),
                    .init("network_audience", .double(s.networkAudience, 2)),
                    .init("missing", strings(s.missing)), .init("tier", .string(s.tier.rawValue)),
                    .init("next_step", .string(s.nextStep.rawValue)), .init("next_step_title", .string(s.nextStep.title)),
                    .init("explanation", .string(s.explanation)), .init("flags", strings(s.flags)),
                ])))
            }
            return .object(m)
        }
        let influencers: [JSONValue] = e.influencers.map { i in
            .object(base(i.id, i.name, i.url, i.notes, i.tags) + [
                .init("followers", integer(i.followers)), .init("handle", .optional(i.handle)),
                .init("topics", strings(i.topics)), .init("sentiment", .optional(i.sentiment?.rawValue)),
                .init("metrics", metric(i.id)),
            ])
        }
        let stakeholders: [JSONValue] = e.stakeholders.map { s in
            .object(base(s.id, s.name, s.url, s.notes, s.tags) + [
                .init("role", .optional(s.role?.rawValue)), .init("metrics", metric(s.id)),
            ])
        }
        let topics: [JSONValue] = e.topics.map { t in
            .object(base(t.id, t.name, t.url, t.notes, t.tags) + [.init("description", .optional(t.description))])
        }
        let links: [JSONValue] = e.links.map { l in
            .object([.init("from", .string(l.from)), .init("to", .string(l.to)), .init("weight", .double(l.weight, 4)),
                     .init("kind", .optional(l.kind)), .init("directed", .bool(l.directed))])
        }
        let style = e.style
        return JSONValue.object([
            .init("format", .string("ecomap-model")),
            .init("format_version", .int(1)),
            .init("ecosystem", .string(e.title)),
            .init("description", .optional(e.description)),
            .init("as_of", .optional(e.asOf?.description)),
            .init("focus", .optional(e.focus)),
            .init("weights", .object(Dimension.allCases.map { .init($0.rawValue, .double(a.weights[$0], 4)) })),
            .init("ranking", strings(a.ranking.map(\.id))),
            .init("topics", .array(topics)),
            .init("communities", .array(communities)),
            .init("influencers", .array(influencers)),
            .init("stakeholders", .array(stakeholders)),
            .init("links", .array(links)),
            .init("style", .object([
                .init("engine", .optional(style.engine?.rawValue)), .init("theme", .optional(style.theme?.rawValue)),
                .init("group_by", .optional(style.groupBy?.rawValue)), .init("label_top", integer(style.labelTop)),
                .init("palette", .object(style.palette.keys.sorted().map { .init($0, .string(style.palette[$0]!)) })),
            ])),
        ]).rendered()
    }
}
