import EcomapAnalysis
import EcomapText

/// `ecomap rank --format csv`: one row per community, header first, formula-safe cells,
/// unknown dimensions as empty cells, lists joined with `;`.
enum RankCSV {
    static func render(_ report: RankReport) -> String {
        let style = report.csvStyle
        let field = { (text: String) in TextSafety.csvField(text, delimiter: style.delimiter) }
        let separator = String(style.delimiter)
        /// A number cell in the style's decimal mark (`62,10` for Dutch and German spreadsheets).
        func number(_ value: Double, _ places: Int) -> String {
            let text = NumberText.fixed(value, places)
            return style.decimalComma ? text.replacingAll(".", with: ",") : text
        }
        var header = ["rank", "id", "name", "score", "confidence", "size", "activity", "reach", "action",
                      "social_density", "missing", "tier", "next_step", "explanation", "flags",
                      "pessimistic", "optimistic", "density_band", "action_basis", "borderline", "previous_tier",
                      "reasons", "target"]
        if report.explain { header += Dimension.allCases.map { "contribution_\($0.rawValue)" } }
        if report.sensitivity != nil { header += ["best_rank", "worst_rank", "top_share"] }
        let marks = MeasuredMarks.any(report.analysis.ecosystem)
        if marks { header += ["measured_figures", "measured_from", "measured_to", "measured_sources"] }
        var lines = [header.map(field).joined(separator: separator)]
        for s in report.shown {
            var row = [String(s.rank), s.id, s.name, number(s.score, 2), number(s.confidence, 4)]
            row += Dimension.allCases.map { s.dimensions[$0].map { number($0, 2) } ?? "" }
            row += [s.socialDensity.map { number($0, 4) } ?? "", s.missing.joined(separator: ";"),
                    s.tier.rawValue, s.nextStep.rawValue, s.explanation, s.flags.joined(separator: ";"),
                    number(s.pessimistic, 2), number(s.optimistic, 2),
                    s.densityBand?.rawValue ?? "", s.actionBasis.rawValue, s.borderline ? "yes" : "no",
                    s.previousTier?.rawValue ?? "", s.reasons.joined(separator: ";"), s.target ?? ""]
            if report.explain {
                row += Dimension.allCases.map { s.contributions[$0].map { number($0, 2) } ?? "" }
            }
            if let r = report.sensitivityRow(s.id) {
                row += [String(r.bestRank), String(r.worstRank), number(r.topShare, 4)]
            } else if report.sensitivity != nil {
                row += ["", "", ""]
            }
            if marks {
                let m = MeasuredMarks.community(report.analysis.ecosystem, s.id)?.measured
                row += [m?.figures.joined(separator: ";") ?? "", m?.measurement.from.description ?? "",
                        m?.measurement.to.description ?? "", m?.measurement.sources.joined(separator: ";") ?? ""]
            }
            lines.append(row.map(field).joined(separator: separator))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
