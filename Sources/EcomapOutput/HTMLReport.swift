import EcomapModel
import EcomapAnalysis
import EcomapText

/// The drawn map handed to the report: sanitised SVG and the element ids of its nodes and links.
public struct ReportMap: Sendable {
    /// The SVG document as `ecomap render` writes it (already sanitised; its XML declaration is dropped).
    public var svg: String
    /// SVG group id per node id (`DOMID.node`).
    public var nodeElementIDs: [String: String]
    /// SVG group id per link, keyed by `from` and `to` joined with a NUL character (`DOMID.edge`).
    public var edgeElementIDs: [String: String]

    public init(svg: String, nodeElementIDs: [String: String], edgeElementIDs: [String: String]) {
        self.svg = svg
        self.nodeElementIDs = nodeElementIDs
        self.edgeElementIDs = edgeElementIDs
    }

    /// The key of `edgeElementIDs` for a link.
    public static func edgeKey(from: String, to: String) -> String { from + "\u{0}" + to }
}

/// `ecomap report`: one self-contained HTML file with the map, the sortable and filterable ranking, a
/// details panel, a legend and a plain-language summary.
///
/// Safety (docs/report.md): no network access (no external scripts, styles, fonts or images); a
/// Content-Security-Policy allowing only the one inline script and the one inline style, by their
/// SHA-256 hashes; all user data travels as JSON inside `<script type="application/json">` with `<`, `>`,
/// `&`, U+2028 and U+2029 escaped, and the script writes it into the page with `textContent` only.
public enum HTMLReport {
    /// The whole HTML document.
    /// - Parameter locale: how every number on the page is written (`--locale`): `48,000` and `2.5`
    ///   in English (the default), `48.000` and `2,5` in Dutch and German.
    public static func render(_ analysis: Analysis, map: ReportMap?, gaps: GapReport?, locale: NumberLocale = .en) -> String {
        let e = analysis.ecosystem
        let numbers = ReportNumbers(locale: locale, names: e.graphNodes.map(\.name))
        let script = ReportAssets.script
        let style = ReportAssets.style
        let csp = "default-src 'none'; script-src 'sha256-\(SHA256.base64(Array(script.utf8)))'; "
            + "style-src 'sha256-\(SHA256.base64(Array(style.utf8)))'; base-uri 'none'; form-action 'none'"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(csp)\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + html(TextSafety.singleLine(e.title)) + " — ecosystem report</title>\n"
        out += "<style>" + style + "</style>\n</head>\n<body>\n"

        out += "<header>\n<h1>" + html(TextSafety.singleLine(e.title)) + "</h1>\n"
        var meta: [String] = []
        if let asOf = e.asOf { meta.append("As of \(asOf)") }
        meta.append("Weights: " + Dimension.allCases.map { "\($0.rawValue) \(locale.decimal(analysis.weights[$0], 4))" }
            .joined(separator: ", "))
        out += "<p class=\"meta\">" + html(meta.joined(separator: " · ")) + "</p>\n"
        if let d = e.description { out += "<p class=\"description\">" + html(d) + "</p>\n" }
        out += "<p class=\"summary\" id=\"summary\">" + html(ReportSummary.text(analysis, gaps: gaps, locale: locale)) + "</p>\n"
        out += "</header>\n<main>\n"

        out += "<section class=\"map-section\" aria-label=\"Ecosystem map\">\n"
        if let map {
            out += "<div id=\"map\" class=\"map\">" + inlineSVG(map.svg) + "</div>\n"
        } else {
            out += "<div id=\"map\" class=\"map map-missing\"><p>No map in this report.</p></div>\n"
        }
        out += ReportAssets.legend
        out += "</section>\n"
        out += "<aside id=\"details\" class=\"details\" aria-live=\"polite\" aria-label=\"Details\">"
            + "<p class=\"hint\">Select a community on the map or in the table to see its scores, the reasons and the next step.</p></aside>\n"

        out += "<section class=\"ranking-section\" aria-labelledby=\"ranking-heading\">\n"
        out += "<h2 id=\"ranking-heading\">Ranking for focus</h2>\n"
        out += "<div class=\"filters\">"
            + "<label>Tier <select id=\"filter-tier\"><option value=\"\">All tiers</option></select></label>"
            + "<label>Topic <select id=\"filter-topic\"><option value=\"\">All topics</option></select></label>"
            + "<label>Kind <select id=\"filter-kind\"><option value=\"\">All kinds</option></select></label>"
            + "<span id=\"row-count\" class=\"row-count\"></span></div>\n"
        out += "<table id=\"ranking\" class=\"ranking\"><thead><tr></tr></thead><tbody id=\"ranking-body\"></tbody></table>\n"
        out += "<noscript><p>Turn on JavaScript to see the ranking table; `ecomap rank` prints it too.</p></noscript>\n"
        out += "</section>\n"
        if let gaps, !gaps.findings.isEmpty {
            let shown = ReportData.shownGaps(gaps).count
            out += "<section class=\"gaps-section\" aria-labelledby=\"gaps-heading\"><h2 id=\"gaps-heading\">Gaps</h2>"
                + "<ul id=\"gaps\" class=\"gaps\"></ul>"
                + (shown < gaps.findings.count
                    ? "<p class=\"hint\">The first \(ReportData.gapsPerKind) findings of each kind are shown, \(locale.grouped(shown)) of \(locale.grouped(gaps.findings.count)); `ecomap gaps --limit 0` lists all.</p>"
                    : "")
                + "</section>\n"
        }
        out += "</main>\n<footer>Made with ecomap from " + html((e.sourceFile as String).split(separator: "/").last.map(String.init) ?? "")
            + ". Scales, tiers and next-step rules: docs/scoring.md.</footer>\n"
        out += "<script type=\"application/json\" id=\"ecomap-data\">" + scriptSafeJSON(ReportData.json(analysis, map: map, gaps: gaps, numbers: numbers))
            + "</script>\n"
        out += "<script>" + script + "</script>\n</body>\n</html>\n"
        return out
    }

    /// HTML text and attribute escaping.
    public static func html(_ text: String) -> String { MarkupText.html(text) }

    /// JSON text that cannot end or confuse the `<script>` element holding it: `<`, `>` and `&` become
    /// `\u003C`, `\u003E`, `\u0026` (they occur only inside JSON strings, where the escape means the same);
    /// U+2028 and U+2029 are already escaped by `JSONValue`.
    public static func scriptSafeJSON(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The SVG element without the XML declaration and doctype, ready to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        while body.last == "\n" { body.removeLast() }
        return body
    }
}

/// The plain-language summary at the top of the report.
public enum ReportSummary {
    /// e.g. "13 communities, 3 to focus on: A, B and C. 6 to nurture, 4 to monitor. ..."
    public static func text(_ a: Analysis, gaps: GapReport?, locale: NumberLocale = .en) -> String {
        let ranking = a.ranking
        func names(_ list: [CommunityScore], limit: Int = 5) -> String {
            let shown = list.prefix(limit).map { TextSafety.singleLine($0.name) }
            let rest = list.count - shown.count
            if rest > 0 { return shown.joined(separator: ", ") + " and \(locale.grouped(rest)) more" }
            if shown.count <= 1 { return shown.joined() }
            return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(locale.grouped(n)) \(n == 1 ? one : many)" }
        var sentences: [String] = []
        let focus = ranking.filter { $0.tier == .focus }
        let nurture = ranking.filter { $0.tier == .nurture }.count
        let monitor = ranking.filter { $0.tier == .monitor }.count
        var first = count(ranking.count, "community", "communities")
        first += focus.isEmpty ? ", none strong enough to focus on yet" : ", \(locale.grouped(focus.count)) to focus on: " + names(focus)
        sentences.append(first + ".")
        sentences.append("\(locale.grouped(nurture)) to nurture, \(locale.grouped(monitor)) to monitor.")
        let e = a.ecosystem
        if !e.influencers.isEmpty || !e.stakeholders.isEmpty {
            sentences.append("Around them: " + count(e.influencers.count, "influencer", "influencers") + " and "
                             + count(e.stakeholders.count, "stakeholder", "stakeholders") + ".")
        }
        // Up to five focus communities get their next step named; more get the most frequent step.
        if !focus.isEmpty && focus.count <= 5 {
            sentences.append("Next steps: " + focus.map { TextSafety.singleLine($0.name) + ", " + $0.nextStep.title.lowercased() }
                .joined(separator: "; ") + ".")
        } else if !focus.isEmpty {
            let steps = NextStep.allCases.map { step in (step, focus.filter { $0.nextStep == step }.count) }
            if let top = steps.max(by: { $0.1 < $1.1 }) {
                sentences.append("Most common next step for the focus communities: \(top.0.title.lowercased()) ("
                                 + count(top.1, "community", "communities") + ").")
            }
        }
        let collect = ranking.filter { $0.nextStep == .collectFigures }
        if !collect.isEmpty {
            sentences.append("Collect the missing figures first for " + names(collect, limit: 3) + ".")
        }
        let flagged = ranking.filter { $0.flags.contains("negative sentiment") || $0.flags.contains("deteriorating phase")
            || $0.flags.contains("terminating phase") }
        if !flagged.isEmpty {
            sentences.append("Watch " + names(flagged, limit: 3) + ": negative sentiment or a deteriorating relationship.")
        }
        if let gaps {
            let serious = gaps.findings.filter { $0.severity != .low }
            if !serious.isEmpty {
                let kinds = GapFinding.Kind.allCases.compactMap { k -> String? in
                    let n = serious.filter { $0.kind == k }.count
                    return n == 0 ? nil : "\(locale.grouped(n)) × " + k.title.lowercased()
                }
                sentences.append("Gaps to look at: " + kinds.joined(separator: "; ") + ".")
            }
        }
        return sentences.joined(separator: " ")
    }
}

/// The JSON the report's script reads (never executed, never parsed as HTML).
enum ReportData {
    static func json(_ a: Analysis, map: ReportMap?, gaps: GapReport?, numbers: ReportNumbers) -> String {
        let e = a.ecosystem
        let topicName = Dictionary(e.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let names = Dictionary(e.graphNodes.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
        let metrics = Dictionary(a.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })

        // Links per node, in file order, seen from that node.
        var links: [String: [JSONValue]] = [:]
        for l in e.links {
            let edge: JSONValue = map?.edgeElementIDs[ReportMap.edgeKey(from: l.from, to: l.to)].map { .string($0) } ?? .null
            func entry(_ other: String, _ direction: String) -> JSONValue {
                .object([.init("id", .string(other)), .init("name", .string(names[other] ?? other)),
                         .init("weight", .double(l.weight, 4)), .init("kind", .optional(l.kind)),
                         .init("direction", .string(direction)), .init("edge", edge)])
            }
            links[l.from, default: []].append(entry(l.to, l.directed ? "out" : "both"))
            links[l.to, default: []].append(entry(l.from, l.directed ? "in" : "both"))
        }

        func number(_ v: Double?, _ d: Int) -> JSONValue { v.map { .double($0, d) } ?? .null }
        func fact(_ label: String, _ value: String?) -> JSONValue? {
            value.map { .array([.string(label), .string($0)]) }
        }
        // One number format in the report: thousands grouped, up to two decimals (12,000 and 2,400.5 in
        // English, 12.000 and 2.400,5 in Dutch and German).
        func count(_ v: Int?) -> String? { v.map(numbers.locale.grouped) }
        func amount(_ v: Double?) -> String? { v.map { numbers.locale.decimal($0, 2) } }
        func sentence(_ v: String?) -> JSONValue { .optional(v.map(numbers.sentence)) }

        func node(_ id: String, _ name: String, _ kind: NodeKind, url: String?, notes: String?, topics: [String],
                  facts: [JSONValue?]) -> JSONValue {
            let s = a.score(for: id)
            var members: [JSONValue.Member] = [
                .init("id", .string(id)),
                .init("dom", map?.nodeElementIDs[id].map { .string($0) } ?? .null),
                .init("name", .string(name)),
                .init("kind", .string(kind.rawValue)),
                .init("rank", s.map { .int($0.rank) } ?? .null),
                .init("score", number(s?.score, 2)),
                .init("optimistic", number(s?.optimistic, 2)),
                .init("confidence", number(s?.confidence, 4)),
                .init("dimensions", s.map { s in
                    .object(Dimension.allCases.map { .init($0.rawValue, number(s.dimensions[$0], 2)) })
                } ?? .null),
                .init("tier", .optional(s?.tier.rawValue)),
                .init("next_step", .optional(s?.nextStep.title)),
                .init("explanation", sentence(s?.explanation)),
                .init("reasons", .array((s?.reasons ?? []).map { .string(numbers.sentence($0)) })),
                .init("target", sentence(s?.target)),
                .init("missing", .array((s?.missing ?? []).map { .string($0) })),
                .init("flags", .array((s?.flags ?? []).map { .string($0) })),
                .init("topic_ids", .array(topics.map { .string($0) })),
                .init("topics", .array(topics.map { .string(topicName[$0] ?? $0) })),
                .init("url", .optional(url)),
                .init("link", .optional(url.flatMap(safeURL))),
                .init("notes", .optional(notes)),
                .init("facts", .array(facts.compactMap { $0 })),
            ]
            if let m = metrics[id] {
                members.append(.init("metrics", .object([
                    .init("degree", .int(m.degree)), .init("pagerank", .double(m.pagerank, 6)),
                    .init("betweenness", .double(m.betweenness, 6)),
                ])))
            }
            members.append(.init("links", .array(links[id] ?? [])))
            return .object(members)
        }

        var nodes: [JSONValue] = []
        let communities = Dictionary(e.communities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for s in a.ranking {
            guard let c = communities[s.id] else { continue }
            nodes.append(node(c.id, c.name, .community, url: c.url, notes: c.notes, topics: c.topics, facts: [
                fact("Channel", c.channel?.rawValue), fact("Presence", c.presence?.rawValue), fact("Scope", c.scope?.rawValue),
                fact("Members", count(c.members)), fact("Discussions a month", amount(c.discussions)),
                fact("Reactions a month", amount(c.reactions)), fact("Reach", count(c.reach)),
                fact("Actions a month", amount(c.actions)),
                fact("Interactions per member a month (reactions count 1/4)",
                     s.socialDensity.map { numbers.locale.decimal($0, 3) + (s.densityBand.map { " (\($0.rawValue))" } ?? "") }),
                fact("Funnel step reached", c.funnelStep.map { "\($0.number): \($0.rawValue)" }),
                fact("Sentiment", c.sentiment?.rawValue), fact("Phase", c.phase?.rawValue),
                fact("Goals", c.goals.isEmpty ? nil : c.goals.map(\.rawValue).joined(separator: ", ")),
                fact("Tags", c.tags.isEmpty ? nil : c.tags.joined(separator: ", ")),
                fact("Measured", MeasuredMarks.line(c).map(numbers.sentence)),
                fact("Key people", c.measured.flatMap { m in
                    m.measurement.keyPeople.isEmpty ? nil : m.measurement.keyPeople.map { "\($0.name) (\($0.messages))" }.joined(separator: ", ")
                }),
            ]))
        }
        for i in e.influencers {
            nodes.append(node(i.id, i.name, .influencer, url: i.url, notes: i.notes, topics: i.topics, facts: [
                fact("Followers", count(i.followers)), fact("Handle", i.handle), fact("Sentiment", i.sentiment?.rawValue),
                fact("Tags", i.tags.isEmpty ? nil : i.tags.joined(separator: ", ")),
            ]))
        }
        for s in e.stakeholders {
            nodes.append(node(s.id, s.name, .stakeholder, url: s.url, notes: s.notes, topics: [], facts: [
                fact("Role", s.role?.rawValue), fact("Focus node", e.focus == s.id ? "yes" : nil),
                fact("Tags", s.tags.isEmpty ? nil : s.tags.joined(separator: ", ")),
            ]))
        }
        let gapItems: [JSONValue] = (gaps.map(shownGaps) ?? []).map { f in
            .object([.init("kind", .string(f.kind.title)), .init("severity", .string(f.severity.rawValue)),
                     .init("subject", .optional(f.subject?.id)), .init("detail", .string(numbers.sentence(f.detail))),
                     .init("suggestion", .string(numbers.sentence(f.suggestion)))])
        }
        return JSONValue.object([
            .init("decimal_separator", .string(String(numbers.locale.decimalSeparator))),
            .init("communities", .int(e.communities.count)),
            .init("topics", .array(e.topics.map { .object([.init("id", .string($0.id)), .init("name", .string($0.name))]) })),
            .init("nodes", .array(nodes)),
            .init("gaps", .array(gapItems)),
        ]).rendered()
    }

    /// Gap findings shown in the report per kind (the most severe first).
    static let gapsPerKind = 10

    static func shownGaps(_ gaps: GapReport) -> [GapFinding] {
        GapFinding.Kind.allCases.flatMap { gaps.findings($0).prefix(gapsPerKind) }
    }

    /// `http`, `https` and `mailto` URLs by the one URL rule (`SafeURL`); anything else is dropped.
    static func safeURL(_ url: String) -> String? { SafeURL.validated(url) }

    /// `24000.5` -> `24,000.5`: `NumberText.fixed` with the whole part grouped like `grouped`.
    static func groupedDecimal(_ value: Double, _ decimals: Int) -> String { NumberLocale.en.decimal(value, decimals) }

    static func grouped(_ n: Int) -> String { NumberText.grouped(n) }
}

/// The report's numbers in the reader's locale, also inside ecomap's generated sentences (reasons,
/// targets, gap findings), where the names they quote stay literal.
struct ReportNumbers {
    let locale: NumberLocale
    private let kept: [String]

    init(locale: NumberLocale, names: [String]) {
        self.locale = locale
        kept = locale.namesToKeep(names)
    }

    func sentence(_ text: String) -> String {
        locale == .en ? text : locale.localize(text, keeping: kept)
    }
}
