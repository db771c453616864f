import EcomapAnalysis
import EcomapText

/// `ecomap rank` on a terminal: an aligned plain-text table, each row followed by its explanation.
enum RankTable {
    /// Longest name shown before it is shortened with `…`.
    static let maxNameWidth = 32

    static func render(_ report: RankReport) -> String {
        let a = report.analysis
        var out = TextSafety.singleLine(a.ecosystem.title) + " — ranking for focus"
        if let asOf = a.ecosystem.asOf { out += " (as of \(asOf))" }
        out += "\nWeights: " + report.numbers(RankCells.weights(a.weights)) + "\n"
        if let goal = RankCells.goal(a) { out += goal + "\n" }
        if let previous = a.previousSource { out += "Tiers held against: " + TextSafety.singleLine(previous) + "\n" }
        if let s = report.sensitivity {
            out += "Sensitivity: \(s.options.trials) trials, seed \(s.options.seed), sigma "
                + report.numbers(NumberText.fixed(s.options.sigma, 4)) + ", top \(s.options.top)\n"
        }
        out += "\n"
        var header = ["#", "Community", "Score", "Range", "Conf"] + RankCells.dimensionHeaders + ["Tier", "Next step"]
        var rightAligned: Set<Int> = [0, 2, 3, 4, 5, 6, 7, 8, 9]
        if report.sensitivity != nil {
            rightAligned.formUnion([header.count, header.count + 1, header.count + 2])
            header += ["Best", "Worst", "Top share"]
        }
        var rows: [[String]] = []
        for s in report.shown {
            var row = [String(s.rank), TextSafety.truncated(TextSafety.singleLine(s.name), toWidth: maxNameWidth),
                       report.numbers(NumberText.padded(s.score, 1)), report.numbers(RankCells.range(s)),
                       NumberText.percent(s.confidence)]
            row += RankCells.dimensionCells(s, fallback: "-").map(report.numbers)
            row += [RankCells.tier(s), s.nextStep.title]
            if let r = report.sensitivityRow(s.id) {
                row += [String(r.bestRank), String(r.worstRank), NumberText.percent(r.topShare)]
            }
            rows.append(row)
        }
        let widths = header.indices.map { i in
            ([header] + rows).map { $0.indices.contains(i) ? TextSafety.displayWidth($0[i]) : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - TextSafety.displayWidth(cell)))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        out += line(header) + "\n"
        let indent = String(repeating: " ", count: widths[0] + 2)
        for (s, row) in zip(report.shown, rows) {
            out += line(row) + "\n"
            out += indent + TextSafety.singleLine(report.numbers(s.explanation)) + "\n"
            if let c = MeasuredMarks.community(a.ecosystem, s.id), let measured = MeasuredMarks.line(c) {
                out += indent + TextSafety.singleLine(measured) + "\n"
            }
            if report.explain {
                out += indent + report.numbers(RankCells.contributions(s)) + "\n"
                for reason in s.reasons { out += indent + "why: " + TextSafety.singleLine(report.numbers(reason)) + "\n" }
                if let target = s.target { out += indent + "next tier: " + TextSafety.singleLine(report.numbers(target)) + "\n" }
            }
        }
        if report.shown.isEmpty { out += "(no communities)\n" }
        out += "\nScore: the conservative score (every unknown figure at its worst), ranked on; Range: up to the "
            + "optimistic score.\n* borderline: within \(NumberText.fixed(Tiering.band, 0)) points of a tier threshold.\n"
        return out
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
