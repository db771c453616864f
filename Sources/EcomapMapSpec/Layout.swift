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

    public init(engine: LayoutEngine, reason: String, curvedEdges: Bool) {
        self.engine = engine
        self.reason = reason
        self.curvedEdges = curvedEdges
    }

    /// Maps up to this many nodes use `dot`-free force layout with curved edges.
    public static let neatoLimit = 400
    /// Grouped maps up to this many nodes use `fdp`, which draws clusters.
    public static let fdpLimit = 400
    /// Edges are routed around nodes only up to this many nodes (spline routing is quadratic).
    public static let curvedEdgeLimit = 400

    /// The auto rule (documented in docs/map.md):
    /// grouped maps: `fdp` up to `fdpLimit` nodes (it draws clusters), else `sfdp` without clusters;
    /// ungrouped: `neato` up to `neatoLimit` nodes, else `sfdp` (neato: 3.5 s at 1k nodes, 95 s at 5k;
    /// sfdp: 1.7 s at 5k).
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
            return nodeCount <= fdpLimit
                ? LayoutPlan(engine: .fdp, reason: "auto: grouped map of \(nodeCount) nodes (<= \(fdpLimit)): fdp draws clusters", curvedEdges: curved)
                : LayoutPlan(engine: .sfdp, reason: "auto: \(nodeCount) nodes (> \(fdpLimit)): sfdp, clusters not drawn", curvedEdges: curved)
        }
        return nodeCount <= neatoLimit
            ? LayoutPlan(engine: .neato, reason: "auto: \(nodeCount) nodes (<= \(neatoLimit)): neato", curvedEdges: curved)
            : LayoutPlan(engine: .sfdp, reason: "auto: \(nodeCount) nodes (> \(neatoLimit)): sfdp", curvedEdges: curved)
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
