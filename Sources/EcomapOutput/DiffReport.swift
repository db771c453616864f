import EcomapModel
import EcomapAnalysis
import EcomapText

/// The output formats of `ecomap diff`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case table, json, markdown
}

/// Renders an `EcosystemDiff` for a terminal, for JSON consumers, or for decks and docs (Markdown).
public struct DiffReport: Sendable {
    public var diff: EcosystemDiff

    public init(diff: EcosystemDiff) {
        self.diff = diff
    }

    /// The report in `format`; every format ends with a newline.
    public func rendered(as format: DiffFormat) -> String {
        switch format {
        case .table: DiffText.render(diff, markdown: false)
        case .markdown: DiffText.render(diff, markdown: true)
        case .json: DiffJSON.render(diff)
        }
    }
}

/// Cell texts shared by the table and Markdown forms.
enum DiffCells {
    /// `+3`, `-1.5`, `0` for a signed delta rounded to `decimals`.
    static func signed(_ value: Double, _ decimals: Int) -> String {
        let text = NumberText.fixed(value, decimals)
        return text == "0" || text.hasPrefix("-") ? text : "+" + text
    }

    /// `up 2`, `down 1`, `=`.
    static func move(_ places: Int) -> String {
        places > 0 ? "up \(places)" : places < 0 ? "down \(-places)" : "="
    }

    /// The real move among the communities in both snapshots, with places lost to newcomers apart:
    /// `up 2`, `= (1 newcomer above)`, `down 1 (+2 newcomers above)`.
    static func move(_ c: EcosystemDiff.CommunityChange) -> String {
        let base = move(c.realMove)
        guard c.newcomersAbove > 0 else { return base }
        return base + " (\(c.newcomersAbove) newcomer\(c.newcomersAbove == 1 ? "" : "s") above)"
    }

    /// `members +4%, discussions -67%` for the figures that changed (known on both sides).
    static func figures(_ c: EcosystemDiff.CommunityChange) -> String {
        c.figures.compactMap { f -> String? in
            guard let r = f.relative, abs(r) >= 0.005 else { return nil }
            let short = f.name.hasPrefix("activity.") ? String(f.name.dropFirst("activity.".count)) : f.name
            return short + " " + signed(r * 100, 0) + "%"
        }.joined(separator: ", ")
    }

    /// `deteriorating (activity -67%)`, `growing (+40%)`, `steady`, or empty; with the phase contradiction.
    static func trend(_ c: EcosystemDiff.CommunityChange) -> String {
        guard let t = c.trend, let r = c.activityChange else { return "" }
        var text = t.rawValue + " (activity " + signed(r * 100, 0) + "%)"
        if let contradiction = c.phaseContradiction { text += "; " + contradiction }
        return text
    }

    /// `62.1 (+3.4)`.
    static func score(_ c: EcosystemDiff.CommunityChange) -> String {
        let delta = NumberText.padded(c.scoreDelta, 1)
        return NumberText.padded(c.newScore, 1) + " (" + (delta.hasPrefix("-") || delta == "0.0" ? delta : "+" + delta) + ")"
    }

    /// A dimension change in whole points: `+4`, `0`, `new 45` (was unknown), `gone` (now unknown), `-`.
    static func dimension(_ change: EcosystemDiff.DimensionChange) -> String {
        switch (change.old, change.new) {
        case (let o?, let n?):
            // Whole points, except that a move under half a point keeps one decimal instead of showing 0.
            abs(n - o) < 0.5 ? signed(n - o, 1) : signed(n - o, 0)
        case (nil, let n?): "new " + NumberText.fixed(n.rounded(), 0)
        case (_?, nil): "unknown"
        case (nil, nil): "-"
        }
    }

    /// `nurture → focus` or `focus`.
    static func transition(_ old: String, _ new: String) -> String {
        old == new ? new : old + " → " + new
    }

    static func phase(_ p: Phase?) -> String { p?.rawValue ?? "unknown" }
    static func sentiment(_ s: Sentiment?) -> String { s?.rawValue ?? "unknown" }

    /// `a — b` (undirected) or `a → b` (directed).
    static func link(_ from: String, _ to: String, directed: Bool) -> String {
        from + (directed ? " → " : " — ") + to
    }

    /// `2026-11-01` or `no date`.
    static func date(_ d: CalendarDate?) -> String { d?.description ?? "no date" }

    /// One sentence: what changed, in counts.
    static func summary(_ d: EcosystemDiff) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts = [
            "\(d.old.communityCount) → \(d.new.communityCount) communities",
            "\(d.addedCommunities.count) added",
            "\(d.removedCommunities.count) removed",
            "\(d.movedUp.count) moved up",
            "\(d.movedDown.count) moved down",
            count(d.tierChanges.count, "tier change", "tier changes"),
            count(d.phaseChanges.count, "phase change", "phase changes"),
        ]
        parts.append("links: \(d.addedLinks.count) added, \(d.removedLinks.count) removed, \(d.reweightedLinks.count) reweighted")
        return parts.joined(separator: ", ")
    }
}

/// The table (terminal) and Markdown forms share one layout: a heading, a summary line, then sections.
enum DiffText {
    static func render(_ d: EcosystemDiff, markdown: Bool) -> String {
        func text(_ s: String) -> String { markdown ? TextSafety.markdownCell(s) : TextSafety.singleLine(s) }
        var out = ""
        let title = text(d.new.title) + ": " + DiffCells.date(d.old.asOf) + " → " + DiffCells.date(d.new.asOf)
        out += markdown ? "## \(title)\n\n" : "\(title)\n"
        out += DiffCells.summary(d) + ".\n"
        for note in d.notes { out += (markdown ? "\n> Note: " : "Note: ") + text(note) + "\n" }
        if d.isEmpty { out += (markdown ? "\n" : "") + "No changes.\n" }

        func section(_ heading: String, _ header: [String], _ rightAligned: Set<Int>, _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            out += markdown ? "\n### \(heading)\n\n" : "\n\(heading)\n"
            if markdown {
                out += "| " + header.joined(separator: " | ") + " |\n"
                out += "| " + header.indices.map { rightAligned.contains($0) ? "--:" : ":--" }.joined(separator: " | ") + " |\n"
                for row in rows { out += "| " + row.map(TextSafety.markdownCell).joined(separator: " | ") + " |\n" }
            } else {
                out += TextTable.render(header: header, rows: rows.map { $0.map(TextSafety.singleLine) },
                                        rightAligned: rightAligned, indent: "  ")
            }
        }

        section("Added communities", ["New #", "Community", "Score", "Tier", "Phase", "Next step"], [0, 2],
                d.addedCommunities.map {
                    [String($0.rank), $0.name, NumberText.padded($0.score, 1), $0.tier.rawValue,
                     DiffCells.phase($0.phase), $0.nextStep.title]
                })
        section("Removed communities", ["Old #", "Community", "Score", "Tier", "Phase"], [0, 2],
                d.removedCommunities.map {
                    [String($0.rank), $0.name, NumberText.padded($0.score, 1), $0.tier.rawValue, DiffCells.phase($0.phase)]
                })
        section("Rank and score changes (dimension changes in points)",
                ["Old #", "New #", "Move", "Community", "Score (change)", "Size", "Activity", "Reach", "Action", "Tier"],
                [0, 1, 4, 5, 6, 7, 8],
                d.communities.map { c in
                    var name = c.name
                    if let old = c.oldName { name += " (was " + old + ")" }
                    return [String(c.oldRank), String(c.newRank), DiffCells.move(c), name, DiffCells.score(c)]
                        + Dimension.allCases.map { DiffCells.dimension(c.dimension($0)) }
                        + [DiffCells.transition(c.oldTier.rawValue, c.newTier.rawValue)]
                })
        section("Figures (relative change) and activity trend (deteriorating: activity down more than "
                + "\(Int(EcosystemDiff.deteriorationShare * 100))%)",
                ["Community", "Figures", "Trend"], [],
                d.communities.compactMap { c in
                    let figures = DiffCells.figures(c), trend = DiffCells.trend(c)
                    guard !figures.isEmpty || c.trend == .deteriorating || c.phaseContradiction != nil else { return nil }
                    return [c.name, figures.isEmpty ? "unchanged" : figures, trend]
                })
        section("Phase changes", ["Community", "Phase", "Next step"], [],
                d.phaseChanges.map {
                    [$0.name, DiffCells.phase($0.oldPhase) + " → " + DiffCells.phase($0.newPhase),
                     DiffCells.transition($0.oldNextStep.title, $0.newNextStep.title)]
                })
        let sentimentChanges = d.communities.filter(\.sentimentChanged)
        section("Sentiment changes", ["Community", "Sentiment", "Next step"], [],
                sentimentChanges.map {
                    [$0.name, DiffCells.sentiment($0.oldSentiment) + " → " + DiffCells.sentiment($0.newSentiment),
                     DiffCells.transition($0.oldNextStep.title, $0.newNextStep.title)]
                })
        let linkRows: [[String]] =
            d.addedLinks.map { ["added", DiffCells.link($0.from, $0.to, directed: $0.directed),
                                NumberText.fixed($0.weight, 2), $0.kind ?? ""] }
            + d.removedLinks.map { ["removed", DiffCells.link($0.from, $0.to, directed: $0.directed),
                                    NumberText.fixed($0.weight, 2), $0.kind ?? ""] }
            + d.reweightedLinks.map { l in
                ["reweighted", DiffCells.link(l.from, l.to, directed: l.directed),
                 NumberText.fixed(l.oldWeight, 2) + " → " + NumberText.fixed(l.newWeight, 2),
                 l.oldKind == l.newKind ? (l.newKind ?? "")
                     : DiffCells.transition(l.oldKind ?? "(none)", l.newKind ?? "(none)")]
            }
        section("Links", ["Change", "Link", "Weight", "Kind"], [], linkRows)
        let nodeRows = d.addedNodes.map { ["added", $0.kind.rawValue, $0.name, $0.id] }
            + d.removedNodes.map { ["removed", $0.kind.rawValue, $0.name, $0.id] }
        section("Influencers and stakeholders", ["Change", "Kind", "Name", "Id"], [], nodeRows)
        return out
    }
}

/// A plain aligned text table (for terminals): columns padded by display width (wide characters count
/// two), two spaces apart; cells wider than `maxCellWidth` are shortened with `…`.
enum TextTable {
    static let maxCellWidth = 64

    static func render(header: [String], rows: [[String]], rightAligned: Set<Int>, indent: String = "") -> String {
        let rows = rows.map { $0.map { TextSafety.truncated($0, toWidth: maxCellWidth) } }
        let widths = header.indices.map { i in
            ([header] + rows).map { $0.indices.contains(i) ? TextSafety.displayWidth($0[i]) : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = indent + cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - TextSafety.displayWidth(cell)))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

/// `ecomap diff --format json`: keys in a fixed order (docs/diff-and-gaps.md).
enum DiffJSON {
    static func render(_ d: EcosystemDiff) -> String {
        func snapshot(_ s: EcosystemDiff.Snapshot) -> JSONValue {
            .object([
                .init("ecosystem", .string(s.title)),
                .init("as_of", .optional(s.asOf?.description)),
                .init("file", .string(s.sourceFile)),
                .init("communities", .int(s.communityCount)),
                .init("weights", .object(Dimension.allCases.map { .init($0.rawValue, .double(s.weights[$0], 4)) })),
            ])
        }
        func entry(_ e: EcosystemDiff.CommunityEntry) -> JSONValue {
            .object([
                .init("id", .string(e.id)), .init("name", .string(e.name)), .init("rank", .int(e.rank)),
                .init("score", .double(e.score, 2)), .init("tier", .string(e.tier.rawValue)),
                .init("next_step", .string(e.nextStep.rawValue)), .init("phase", .optional(e.phase?.rawValue)),
            ])
        }
        func number(_ v: Double?) -> JSONValue { v.map { .double($0, 2) } ?? .null }
        func change(_ c: EcosystemDiff.CommunityChange) -> JSONValue {
            .object([
                .init("id", .string(c.id)),
                .init("name", .string(c.name)),
                .init("old_name", .optional(c.oldName)),
                .init("old_rank", .int(c.oldRank)),
                .init("new_rank", .int(c.newRank)),
                .init("rank_move", .int(c.rankMove)),
                .init("real_move", .int(c.realMove)),
                .init("newcomers_above", .int(c.newcomersAbove)),
                .init("leavers_above", .int(c.leaversAbove)),
                .init("old_score", .double(c.oldScore, 2)),
                .init("new_score", .double(c.newScore, 2)),
                .init("score_delta", .double(c.scoreDelta, 2)),
                .init("dimensions", .object(Dimension.allCases.map { d in
                    let x = c.dimension(d)
                    return .init(d.rawValue, .object([.init("old", number(x.old)), .init("new", number(x.new)),
                                                       .init("delta", number(x.delta))]))
                })),
                .init("old_tier", .string(c.oldTier.rawValue)),
                .init("new_tier", .string(c.newTier.rawValue)),
                .init("old_next_step", .string(c.oldNextStep.rawValue)),
                .init("new_next_step", .string(c.newNextStep.rawValue)),
                .init("old_phase", .optional(c.oldPhase?.rawValue)),
                .init("new_phase", .optional(c.newPhase?.rawValue)),
                .init("old_sentiment", .optional(c.oldSentiment?.rawValue)),
                .init("new_sentiment", .optional(c.newSentiment?.rawValue)),
                .init("figures", .object(c.figures.map { f in
                    .init(f.name, .object([.init("old", f.old.map { .double($0, 4) } ?? .null),
                                           .init("new", f.new.map { .double($0, 4) } ?? .null),
                                           .init("relative", f.relative.map { .double($0, 4) } ?? .null)]))
                })),
                .init("activity_change", c.activityChange.map { .double($0, 4) } ?? .null),
                .init("trend", .optional(c.trend?.rawValue)),
                .init("phase_contradiction", .optional(c.phaseContradiction)),
            ])
        }
        func link(_ l: EcosystemDiff.LinkEntry) -> JSONValue {
            .object([.init("from", .string(l.from)), .init("to", .string(l.to)), .init("weight", .double(l.weight, 4)),
                     .init("kind", .optional(l.kind)), .init("directed", .bool(l.directed))])
        }
        func reweighted(_ l: EcosystemDiff.LinkChange) -> JSONValue {
            .object([.init("from", .string(l.from)), .init("to", .string(l.to)), .init("directed", .bool(l.directed)),
                     .init("old_weight", .double(l.oldWeight, 4)), .init("new_weight", .double(l.newWeight, 4)),
                     .init("delta", .double(l.weightDelta, 4)),
                     .init("old_kind", .optional(l.oldKind)), .init("new_kind", .optional(l.newKind))])
        }
        func node(_ n: EcosystemDiff.NodeEntry) -> JSONValue {
            .object([.init("id", .string(n.id)), .init("name", .string(n.name)), .init("kind", .string(n.kind.rawValue))])
        }
        return JSONValue.object([
            .init("old", snapshot(d.old)),
            .init("new", snapshot(d.new)),
            .init("notes", .array(d.notes.map { .string($0) })),
            .init("summary", .object([
                .init("communities_added", .int(d.addedCommunities.count)),
                .init("communities_removed", .int(d.removedCommunities.count)),
                .init("moved_up", .int(d.movedUp.count)),
                .init("moved_down", .int(d.movedDown.count)),
                .init("deteriorating", .int(d.deteriorating.count)),
                .init("tier_changes", .int(d.tierChanges.count)),
                .init("phase_changes", .int(d.phaseChanges.count)),
                .init("links_added", .int(d.addedLinks.count)),
                .init("links_removed", .int(d.removedLinks.count)),
                .init("links_reweighted", .int(d.reweightedLinks.count)),
            ])),
            .init("communities", .object([
                .init("added", .array(d.addedCommunities.map(entry))),
                .init("removed", .array(d.removedCommunities.map(entry))),
                .init("changed", .array(d.communities.map(change))),
            ])),
            .init("phase_changes", .array(d.phaseChanges.map { c in
                .object([.init("id", .string(c.id)), .init("name", .string(c.name)),
                         .init("old", .optional(c.oldPhase?.rawValue)), .init("new", .optional(c.newPhase?.rawValue))])
            })),
            .init("links", .object([
                .init("added", .array(d.addedLinks.map(link))),
                .init("removed", .array(d.removedLinks.map(link))),
                .init("reweighted", .array(d.reweightedLinks.map(reweighted))),
            ])),
            .init("nodes", .object([
                .init("added", .array(d.addedNodes.map(node))),
                .init("removed", .array(d.removedNodes.map(node))),
            ])),
        ]).rendered()
    }
}
