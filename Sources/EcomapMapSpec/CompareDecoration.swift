import EcomapModel
import EcomapAnalysis

/// `ecomap render NEW --compare OLD`: marks on the new map what moved since the old snapshot.
///
/// Communities that moved up get a `▲ N` line under their name and a green outline, those that moved
/// down `▼ N` and a vermillion outline, new ones `NEW` and a purple outline (Okabe–Ito colours; the
/// symbols carry the meaning without colour too, so the print theme keeps it). Tooltips say what
/// changed; the legend explains the marks and counts the communities that are no longer there; the
/// title's description names the old snapshot.
public enum CompareDecoration {
    public static func moverColor(_ move: Move, theme: Theme) -> RGB {
        if theme == .print { return RGB(hex: "#1A1A1A")! }
        switch move {
        case .up: return RGB(hex: "#009E73")!
        case .down: return RGB(hex: "#D55E00")!
        case .new: return RGB(hex: "#CC79A7")!
        }
    }

    /// How a community changed, as marked on the map.
    public enum Move: Sendable, Hashable { case up, down, new }

    /// The pen width of a mover's outline.
    public static let penWidth = 3.2

    /// `spec` (built from the new snapshot) with the movers of `diff` marked.
    public static func apply(_ spec: MapSpec, diff: EcosystemDiff, theme: Theme) -> MapSpec {
        var spec = spec
        let changes = Dictionary(diff.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let added = Set(diff.addedCommunities.map(\.id))
        let since = diff.old.asOf.map { "since \($0)" } ?? "since the old snapshot"
        var used = Set<Move>()
        spec.nodes = spec.nodes.map { node in
            guard node.kind == .community else { return node }
            var node = node
            let move: Move
            let mark: String
            var note: String
            if added.contains(node.id) {
                move = .new
                mark = "NEW"
                note = "New \(since)"
            } else if let c = changes[node.id], c.rankMove != 0 {
                move = c.rankMove > 0 ? .up : .down
                mark = (c.rankMove > 0 ? "▲ " : "▼ ") + String(abs(c.rankMove))
                note = "\(c.rankMove > 0 ? "Up" : "Down") \(abs(c.rankMove)) place\(abs(c.rankMove) == 1 ? "" : "s") \(since) (was #\(c.oldRank))"
                note += ", focus score " + signed(c.scoreDelta)
            } else {
                if let c = changes[node.id], abs(c.scoreDelta) >= 0.05 {
                    node.tooltip += "\nSame rank \(since), focus score " + signed(c.scoreDelta)
                }
                return node
            }
            if let c = changes[node.id], c.phaseChanged {
                note += "; phase \(c.oldPhase?.rawValue ?? "unknown") → \(c.newPhase?.rawValue ?? "unknown")"
            }
            used.insert(move)
            node.labelLines.append(mark)
            node.stroke = moverColor(move, theme: theme)
            node.penWidth = max(node.penWidth, penWidth)
            node.tooltip += "\n" + note
            return node
        }
        var items: [LegendItem] = []
        let sample = spec.colors.background
        // Legend texts stay within the legend column (about 27 characters); the date is in the title.
        for (move, text) in [(Move.up, "▲ N: up N places"), (.down, "▼ N: down N places"), (.new, "NEW: new community")]
        where used.contains(move) {
            items.append(LegendItem(.shape(.ellipse, fill: sample, stroke: moverColor(move, theme: theme), dashed: false, double: false), text))
        }
        let removed = diff.removedCommunities.count
        if removed > 0 {
            items.append(LegendItem(.badge("−\(removed)"), "\(removed) communit\(removed == 1 ? "y" : "ies") gone"))
        }
        spec.legend.items += items
        spec.title.descriptionLines.append("Compared with the snapshot \(diff.old.asOf.map { "of \($0)" } ?? "given by --compare"): "
            + "\(diff.movedUp.count) up, \(diff.movedDown.count) down, \(diff.addedCommunities.count) new, \(removed) gone.")
        return spec
    }

    private static func signed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : String(rounded)
        return rounded > 0 ? "+" + text : rounded == 0 ? "0.0" : text
    }
}
