import EcomapModel
import EcomapAnalysis
import EcomapText

/// The output formats of `ecomap gaps`.
public enum GapsFormat: String, Sendable, CaseIterable {
    case table, json, markdown
}

/// Renders a `GapReport`: findings grouped by kind, each with its suggestion.
public struct GapsOutput: Sendable {
    public var report: GapReport
    /// Findings shown per kind in the table and Markdown (`nil`: all); JSON always lists all.
    public var limitPerKind: Int?

    public init(report: GapReport, limitPerKind: Int? = nil) {
        self.report = report
        self.limitPerKind = limitPerKind
    }

    /// The report in `format`; every format ends with a newline.
    public func rendered(as format: GapsFormat) -> String {
        switch format {
        case .table: GapsText.table(report, limit: limitPerKind)
        case .markdown: GapsText.markdown(report, limit: limitPerKind)
        case .json: GapsJSON.render(report)
        }
    }
}

enum GapsText {
    /// `9 findings: 2 high, 4 medium, 3 low`.
    static func summary(_ r: GapReport) -> String {
        let n = r.findings.count
        guard n > 0 else { return "No gaps found" }
        let counts = GapFinding.Severity.allCases.map { s in "\(r.findings.filter { $0.severity == s }.count) \(s.rawValue)" }
        return "\(n) finding\(n == 1 ? "" : "s"): " + counts.joined(separator: ", ")
    }

    static func heading(_ r: GapReport) -> String {
        let e = r.analysis.ecosystem
        return e.title + " — gaps" + (e.asOf.map { " (as of \($0))" } ?? "")
    }

    static func focusLine(_ r: GapReport) -> String {
        guard let f = r.focus else { return "Focus node: none" }
        return "Focus node: \(f.name) (\(f.id))"
    }

    /// `… and 12 more (--limit 0 shows all)` when a kind has more findings than shown.
    static func more(_ total: Int, _ shown: Int) -> String? {
        total > shown ? "… and \(total - shown) more (--limit 0 shows all)" : nil
    }

    static func table(_ r: GapReport, limit: Int?) -> String {
        var out = TextSafety.singleLine(heading(r)) + "\n" + TextSafety.singleLine(focusLine(r)) + "\n"
            + summary(r) + ".\n"
        for kind in GapFinding.Kind.allCases {
            let all = r.findings(kind)
            guard !all.isEmpty else { continue }
            let items = limit.map { Array(all.prefix($0)) } ?? all
            out += "\n" + kind.title + (items.count < all.count ? " (\(all.count))" : "") + "\n"
            for f in items {
                let label = f.severity.rawValue + String(repeating: " ", count: 6 - f.severity.rawValue.count)
                // Node findings start with their subject's name already; topics and goals get it as a prefix.
                let subject = f.subject.map { $0.kind == "topic" || $0.kind == "goal" ? $0.name + ": " : "" } ?? ""
                out += "  " + label + "  " + TextSafety.singleLine(subject + f.detail) + "\n"
                out += "          → " + TextSafety.singleLine(f.suggestion) + "\n"
            }
            if let more = more(all.count, items.count) { out += "  " + more + "\n" }
        }
        return out
    }

    static func markdown(_ r: GapReport, limit: Int?) -> String {
        var out = "## " + TextSafety.markdownCell(heading(r)) + "\n\n"
        out += TextSafety.markdownCell(focusLine(r)) + ". " + summary(r) + ".\n"
        for kind in GapFinding.Kind.allCases {
            let all = r.findings(kind)
            guard !all.isEmpty else { continue }
            let items = limit.map { Array(all.prefix($0)) } ?? all
            out += "\n### " + kind.title + (items.count < all.count ? " (\(all.count))" : "") + "\n\n"
            out += "| Severity | Subject | Finding | Suggestion |\n| :-- | :-- | :-- | :-- |\n"
            for f in items {
                let cells = [f.severity.rawValue, f.subject?.name ?? "", f.detail, f.suggestion]
                out += "| " + cells.map(TextSafety.markdownCell).joined(separator: " | ") + " |\n"
            }
            if let more = more(all.count, items.count) { out += "\n" + more + "\n" }
        }
        return out
    }
}

/// `ecomap gaps --format json` (docs/diff-and-gaps.md).
enum GapsJSON {
    static func render(_ r: GapReport) -> String {
        let e = r.analysis.ecosystem
        let focus: JSONValue = r.focus.map { f in
            .object([.init("id", .string(f.id)), .init("name", .string(f.name)), .init("kind", .string(f.kind.rawValue))])
        } ?? .null
        let findings: [JSONValue] = r.findings.map { f in
            .object([
                .init("kind", .string(f.kind.rawValue)),
                .init("severity", .string(f.severity.rawValue)),
                .init("subject", f.subject.map { s in
                    .object([.init("id", .string(s.id)), .init("name", .string(s.name)), .init("kind", .string(s.kind))])
                } ?? .null),
                .init("detail", .string(f.detail)),
                .init("suggestion", .string(f.suggestion)),
                .init("related", .array(f.related.map { .string($0) })),
            ])
        }
        return JSONValue.object([
            .init("ecosystem", .string(e.title)),
            .init("as_of", .optional(e.asOf?.description)),
            .init("focus", focus),
            .init("summary", .object(GapFinding.Kind.allCases.map { k in .init(k.rawValue, .int(r.findings(k).count)) })),
            .init("findings", .array(findings)),
        ]).rendered()
    }
}
