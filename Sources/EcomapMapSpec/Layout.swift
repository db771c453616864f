import Foundation
import EcomapModel

/// `--engine`: a Graphviz engine, or `auto` to choose by graph size.
public enum EngineOption: Sendable, Hashable {
    case auto
    case fixed(LayoutEngine)

    /// Parses `auto` or an engine name.
    public init?(_ text: String) {
        if text == "auto" { self = .auto } else if let e = LayoutEngine(rawValue: text) { self = .fixed(e) } else { return nil }
    }

    /// Every accepted spelling, for help texts.
    public static let names = ["auto"] + LayoutEngine.allCases.map(\.rawValue)
}

/// The engine a map is laid out with, the reason, and size-dependent Graphviz settings.
public struct LayoutPlan: Sendable, Hashable {
    public var engine: LayoutEngine
    /// One sentence: why this engine (the auto rule, the file, or the flag).
    public var reason: String
    /// Route edges around nodes (`splines=true`); straight lines when false (large maps).
    public var curvedEdges: Bool
    /// Every node has a `position` that the layout keeps (neato with `pos="x,y!"` in points, no overlap
    /// removal): the strategy matrix.
    public var pinned: Bool
    /// neato, fdp, sfdp, circo and twopi keep every shape clear of the others (`overlap=prism`, or
    /// `false`); `--overlap keep` turns that off (`overlap=true`) so very large maps finish in time,
    /// and shapes may then overlap. dot never overlaps shapes; pinned layouts keep their positions.
    public var removesOverlaps: Bool

    public init(engine: LayoutEngine, reason: String, curvedEdges: Bool, pinned: Bool = false, removesOverlaps: Bool = true) {
        self.pinned = pinned
        self.removesOverlaps = removesOverlaps
        self.engine = engine
        self.reason = reason
        self.curvedEdges = curvedEdges
    }

    /// Ungrouped maps up to this many nodes use neato (stress majorization); larger ones sfdp.
    public static let neatoLimit = 400
    /// Grouped maps up to this many nodes use `dot`, which draws clusters deterministically
    /// (Graphviz 2.42's fdp places clusters differently from run to run).
    public static let groupedLimit = 2000
    /// More groups than this are not drawn (a warning says so): thousands of clusters make dot
    /// and fdp crawl (500 groups over 2,000 nodes already take 5 s in dot).
    public static let maxClusters = 300
    /// Edges are routed around nodes only up to this many nodes (spline routing is quadratic).
    public static let curvedEdgeLimit = 60

    /// The auto rule (documented in docs/map.md):
    /// grouped maps: `dot` up to `groupedLimit` nodes (it draws clusters), else `sfdp` without
    /// clusters; ungrouped: `neato` up to `neatoLimit` nodes, else `sfdp`. Measured with straight
    /// edges: neato 0.44 s at 400 nodes and 3.1 s at 1,000; dot with clusters 0.6 s at 2,000;
    /// sfdp 0.6 s at 1,000 and 1.6 s at 2,000. Curved edges (spline routing) cost 70 s at 300
    /// nodes, so they are used only up to `curvedEdgeLimit` nodes.
    public static func choose(option: EngineOption, fileEngine: LayoutEngine?, nodeCount: Int,
                              grouped: Bool) -> LayoutPlan {
        let curved = nodeCount <= curvedEdgeLimit
        if case .fixed(let engine) = option {
            return LayoutPlan(engine: engine, reason: "--engine \(engine.rawValue)", curvedEdges: curved)
        }
        if let fileEngine {
            return LayoutPlan(engine: fileEngine, reason: "style.engine: \(fileEngine.rawValue)", curvedEdges: curved)
        }
        if grouped {
            return nodeCount <= groupedLimit
                ? LayoutPlan(engine: .dot, reason: "auto: grouped map of \(nodeCount) nodes (<= \(groupedLimit)): dot draws the groups", curvedEdges: curved)
                : LayoutPlan(engine: .sfdp, reason: "auto: \(nodeCount) nodes (> \(groupedLimit)): sfdp, groups not drawn", curvedEdges: curved)
        }
        return nodeCount <= neatoLimit
            ? LayoutPlan(engine: .neato, reason: "auto: \(nodeCount) nodes (<= \(neatoLimit)): neato", curvedEdges: curved)
            : LayoutPlan(engine: .sfdp, reason: "auto: \(nodeCount) nodes (> \(neatoLimit)): sfdp", curvedEdges: curved)
    }

    /// The engine `choose` picks for the full map whatever its grouping turns out to be, or nil when
    /// the grouping decides. Known right after loading, before scoring: a map whose layout cannot
    /// finish in time is refused at once.
    public static func engineKnownBeforeGrouping(option: EngineOption, fileEngine: LayoutEngine?,
                                                 nodeCount: Int) -> LayoutEngine? {
        let grouped = choose(option: option, fileEngine: fileEngine, nodeCount: nodeCount, grouped: true).engine
        let ungrouped = choose(option: option, fileEngine: fileEngine, nodeCount: nodeCount, grouped: false).engine
        return grouped == ungrouped ? grouped : nil
    }

    /// Seconds the layout is expected to take on this project's 2-core machine, where a size rule is
    /// known: sfdp with overlap removal (`overlap=prism`) grows about as n^1.5: 1.8e-5 x n^1.5 s fits
    /// 5,000 nodes in 6.3 s and 100,000 nodes in 560-900 s. `nil` for the other engines.
    public func estimatedSeconds(nodeCount: Int) -> Double? {
        guard engine == .sfdp, !pinned else { return nil }
        return removesOverlaps ? Self.sfdpSeconds(nodeCount: nodeCount) : Self.sfdpKeepingOverlapsSeconds(nodeCount: nodeCount)
    }

    /// sfdp with overlap removal (see `estimatedSeconds`).
    public static func sfdpSeconds(nodeCount: Int) -> Double {
        1.8e-5 * pow(Double(nodeCount), 1.5)
    }

    /// sfdp without overlap removal (`overlap=true`, `--overlap keep`). Measured with the machine under
    /// about 2.2 times its usual load: 5.8 s at 5,000 nodes, 32 s at 20,000, 667 s at 100,000; the time
    /// grows as about n^1.23 up to 20,000 nodes and n^1.89 beyond. The larger of the two fits, divided
    /// by the load: 2.7 s at 5,000, 15 s at 20,000, 82 s at 50,000, 303 s at 100,000 (docs/map.md).
    public static func sfdpKeepingOverlapsSeconds(nodeCount: Int) -> Double {
        let n = Double(max(nodeCount, 1))
        return max(7.5e-5 * pow(n, 1.23), 1.076e-7 * pow(n, 1.89))
    }

    /// Whether this engine draws Graphviz clusters.
    public var drawsClusters: Bool { engine == .dot || engine == .fdp }
}

/// `--aspect`: the slide shape the drawing is fitted to.
public enum Aspect: String, Sendable, Hashable, CaseIterable {
    case wide = "16:9"
    case standard = "4:3"
    case square = "1:1"

    /// Width divided by height.
    public var ratio: Double {
        switch self {
        case .wide: return 16.0 / 9.0
        case .standard: return 4.0 / 3.0
        case .square: return 1
        }
    }
}
