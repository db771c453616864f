import EcomapAnalysis

/// `ecomap rank --format csv`: one row per community, header first, formula-safe cells,
/// unknown dimensions as empty cells, lists joined with `;`.
enum RankCSV {
    static func render(_ report: RankReport) -> String {
        var header = ["rank", "id", "name", "score", "confidence", "size", "activity", "reach", "action",
                      "social_density", "missing", "tier", "next_step", "explanation", "flags",
                      "pessimistic", "optimistic", "density_band", "action_basis", "borderline", "previous_tier",
                      "reasons", "target"]
        if report.explain { header += Dimension.allCases.map { "contribution_\($0.rawValue)" } }
        if report.sensitivity != nil { header += ["best_rank", "worst_rank", "top_share"] }
        var lines = [header.map(TextSafety.csvField).joined(separator: ",")]
        for s in report.shown {
            var row = [String(s.rank), s.id, s.name, NumberText.fixed(s.score, 2), NumberText.fixed(s.confidence, 4)]
            row += Dimension.allCases.map { s.dimensions[$0].map { NumberText.fixed($0, 2) } ?? "" }
            row += [s.socialDensity.map { NumberText.fixed($0, 4) } ?? "", s.missing.joined(separator: ";"),
                    s.tier.rawValue, s.nextStep.rawValue, s.explanation, s.flags.joined(separator: ";"),
                    NumberText.fixed(s.pessimistic, 2), NumberText.fixed(s.optimistic, 2),
                    s.densityBand?.rawValue ?? "", s.actionBasis.rawValue, s.borderline ? "yes" : "no",
                    s.previousTier?.rawValue ?? "", s.reasons.joined(separator: ";"), s.target ?? ""]
            if report.explain {
                row += Dimension.allCases.map { s.contributions[$0].map { NumberText.fixed($0, 2) } ?? "" }
            }
            if let r = report.sensitivityRow(s.id) {
                row += [String(r.bestRank), String(r.worstRank), NumberText.fixed(r.topShare, 4)]
            } else if report.sensitivity != nil {
                row += ["", "", ""]
            }
            lines.append(row.map(TextSafety.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
