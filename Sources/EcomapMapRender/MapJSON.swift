import Foundation
import EcomapMapSpec
import EcomapScene

/// `--format json`: the laid-out map as data: every node's position, size, kind and scores, every
/// link, the engine and why it was chosen. Keys sorted, so output is byte-identical for equal input.
///
/// Positions come from the scene: points, origin at the picture's top-left corner, y down, the same
/// coordinates as the SVG's; `x`, `y` are a node's centre, `width`, `height` its outline's box.
public enum MapJSON {
    struct Document: Encodable {
        var title: String
        var asOf: String?
        var engine: String
        var engineReason: String
        var width: Double
        var height: Double
        var nodes: [Node]
        var links: [Edge]
    }

    struct Node: Encodable {
        var id: String
        var name: String
        var kind: String
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var cluster: String?
        var score: NodeScore?
    }

    struct Edge: Encodable {
        var from: String
        var to: String
        var weight: Double
        var directed: Bool
    }

    public static func encode(_ spec: MapSpec, scene: Scene) -> String {
        let placements = Dictionary(scene.nodes.map { ($0.id, $0.bounds) }, uniquingKeysWith: { a, _ in a })
        let round = { (v: Double) in (v * 100).rounded() / 100 }
        let document = Document(
            title: spec.title.name, asOf: spec.title.asOf, engine: spec.layout.engine.rawValue,
            engineReason: spec.layout.reason, width: round(scene.width), height: round(scene.height),
            nodes: spec.nodes.map { node in
                let p = placements[node.id]
                return Node(id: node.id, name: node.labelLines.joined(separator: " "), kind: node.kind.rawValue,
                            x: round(p?.center.x ?? 0), y: round(p?.center.y ?? 0), width: round(p?.width ?? 0),
                            height: round(p?.height ?? 0), cluster: node.clusterID, score: node.score)
            },
            links: spec.edges.flatMap { e in
                [Edge(from: e.from, to: e.to, weight: e.weight, directed: e.directed)]
                    + (e.reverseWeight.map { [Edge(from: e.to, to: e.from, weight: $0, directed: true)] } ?? [])
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
