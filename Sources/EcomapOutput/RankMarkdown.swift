import EcomapAnalysis
import EcomapText

/// `ecomap rank --format markdown`: a heading line and one table that pastes into decks and docs.
/// Every cell goes through `TextSafety.markdownCell`.
enum RankMarkdown {
    static func render(_ report: RankReport) -> String {
        let a = report.analysis
        var out = "## " + TextSafety.markdownCell(a.ecosystem.title) + " — ranking for focus\n\n"
        var meta = a.ecosystem.asOf.map { "As of \($0). " } ?? ""
        meta += "Weights: " + report.numbers(RankCells.weights(a.weights)) + "."
        if let goal = RankCells.goal(a) { meta += " " + TextSafety.markdownCell(goal) + "." }
        if let previous = a.previousSource { meta += " Tiers held against " + TextSafety.markdownCell(previous) + "." }
        if let s = report.sensitivity {
            meta += " Sensitivity: \(s.options.trials) trials, seed \(s.options.seed), sigma "
                + report.numbers(NumberText.fixed(s.options.sigma, 4)) + ", top \(s.options.top)."
        }
        out += meta + "\n\n"
        var header = ["#", "Community", "Score", "Range", "Confidence"] + RankCells.dimensionHeaders
            + ["Tier", "Next step", "Why", "To the next tier"]
        var align = ["--:", ":--", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", ":--", ":--", ":--", ":--"]
        if report.explain { header.append("Contributions"); align.append(":--") }
        if report.sensitivity != nil {
            header += ["Best", "Worst", "Top share"]
            align += ["--:", "--:", "--:"]
        }
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "| " + align.joined(separator: " | ") + " |\n"
        for s in report.shown {
            var cells = [String(s.rank), s.name, report.numbers(NumberText.padded(s.score, 1)), report.numbers(RankCells.range(s)),
                         NumberText.percent(s.confidence)]
            cells += RankCells.dimensionCells(s, fallback: "–").map(report.numbers)
            cells += [RankCells.tier(s), s.nextStep.title,
                      report.numbers(([s.explanation] + s.reasons).joined(separator: ". ")), report.numbers(s.target ?? "")]
            if report.explain { cells.append(report.numbers(RankCells.contributions(s))) }
            if let r = report.sensitivityRow(s.id) {
                cells += [String(r.bestRank), String(r.worstRank), NumberText.percent(r.topShare)]
            }
            out += "| " + cells.map(TextSafety.markdownCell).joined(separator: " | ") + " |\n"
        }
        let measured = report.shown.compactMap { s in
            MeasuredMarks.community(a.ecosystem, s.id).flatMap { c in MeasuredMarks.line(c).map { (c.name, $0) } }
        }
        if !measured.isEmpty {
            out += "\nMeasured figures (all others typed):\n\n"
            for (name, line) in measured { out += "- " + TextSafety.markdownCell(name) + ": " + TextSafety.markdownCell(line) + "\n" }
        }
        out += "\nScore: conservative (unknown figures at their worst); Range: up to the optimistic score; "
            + "* borderline (within \(NumberText.fixed(Tiering.band, 0)) points of a tier threshold).\n"
        return out
    }
}
