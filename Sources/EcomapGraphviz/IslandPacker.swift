import Foundation

/// Arranges the boxes of separately laid-out islands (connected components) so that their bounding
/// box approaches a requested shape: `--aspect` spreads islands over the slide instead of padding.
///
/// Skyline packing (each box at the lowest free spot, then the leftmost) inside a strip of fixed
/// width, tried for a range of strip widths; the arrangement whose score is lowest wins (the
/// caller's score measures how far the whole picture is from the target ratio). Boxes never
/// overlap and keep `gap` between them. Pure and deterministic: same boxes, same arrangement.
public enum IslandPacker {
    /// A box to place: its size in points.
    public struct Size: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// An arrangement: top-left corners (y down) parallel to the boxes, and the size of the whole.
    public struct Placement: Sendable, Hashable {
        public var origins: [(x: Double, y: Double)]
        public var width: Double
        public var height: Double

        public static func == (a: Placement, b: Placement) -> Bool {
            a.width == b.width && a.height == b.height && a.origins.elementsEqual(b.origins) { $0.x == $1.x && $0.y == $1.y }
        }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            hasher.combine(height)
            for o in origins { hasher.combine(o.x); hasher.combine(o.y) }
        }
    }

    /// Strip widths tried between the widest box and one row of all boxes.
    static let candidateCount = 48
    /// More boxes than this are placed on shelves (rows) instead of a skyline: linear per width.
    static let skylineLimit = 300

    /// The arrangement of `boxes` with the lowest `score(width, height)` (ties: the smaller area,
    /// then the narrower strip).
    public static func arrange(_ boxes: [Size], gap: Double, score: (Double, Double) -> Double) -> Placement {
        guard !boxes.isEmpty else { return Placement(origins: [], width: 0, height: 0) }
        // Largest first: tall boxes start the strip, small ones fill the space beside them.
        let order = boxes.indices.sorted { a, b in
            let x = boxes[a], y = boxes[b]
            if x.height != y.height { return x.height > y.height }
            if x.width != y.width { return x.width > y.width }
            return a < b
        }
        let widest = boxes.map(\.width).max() ?? 0
        let row = boxes.reduce(0) { $0 + $1.width } + gap * Double(boxes.count - 1)
        var candidates: [Double] = [widest]
        if row > widest {
            let steps = candidateCount
            for k in 1...steps {
                // Geometric steps: as fine among narrow strips as among wide ones.
                candidates.append(widest * pow(row / widest, Double(k) / Double(steps)))
            }
        }
        var best: (placement: Placement, score: Double, area: Double, strip: Double)?
        for strip in candidates {
            let placement = boxes.count > skylineLimit
                ? shelves(boxes, order: order, strip: strip, gap: gap)
                : skyline(boxes, order: order, strip: strip, gap: gap)
            let s = score(placement.width, placement.height)
            let area = placement.width * placement.height
            if let b = best, !(s < b.score - 1e-9 || (abs(s - b.score) <= 1e-9 && area < b.area - 1e-6)) { continue }
            best = (placement, s, area, strip)
        }
        return best!.placement
    }

    /// Skyline bottom-left packing in a strip `strip` wide (y grows downwards from the top edge).
    static func skyline(_ boxes: [Size], order: [Int], strip: Double, gap: Double) -> Placement {
        // The skyline: segments left to right, each with the lowest free y over its span.
        var segments: [(x: Double, width: Double, y: Double)] = [(0, max(strip, boxes.map(\.width).max() ?? 0) + gap, 0)]
        var origins = [(x: Double, y: Double)](repeating: (0, 0), count: boxes.count)
        for index in order {
            let w = boxes[index].width + gap, h = boxes[index].height + gap
            var bestY = Double.infinity, bestX = Double.infinity
            for start in segments.indices {
                let x = segments[start].x
                guard x + w <= segments.last!.x + segments.last!.width + 1e-6 else { break }
                // The box rests on the highest segment it spans.
                var y = 0.0, covered = 0.0, i = start
                while covered < w - 1e-9, i < segments.count {
                    y = max(y, segments[i].y)
                    covered = segments[i].x + segments[i].width - x
                    i += 1
                }
                if y < bestY - 1e-9 || (abs(y - bestY) <= 1e-9 && x < bestX) {
                    bestY = y
                    bestX = x
                }
            }
            origins[index] = (bestX, bestY)
            // Raise the skyline under the box.
            let left = bestX, right = bestX + w, top = bestY + h
            var next: [(x: Double, width: Double, y: Double)] = []
            for s in segments {
                let sRight = s.x + s.width
                if sRight <= left + 1e-9 || s.x >= right - 1e-9 { next.append(s); continue }
                if s.x < left { next.append((s.x, left - s.x, s.y)) }
                if sRight > right { next.append((right, sRight - right, s.y)) }
            }
            next.append((left, w, top))
            next.sort { $0.x < $1.x }
            // Merge neighbours of equal height.
            var merged: [(x: Double, width: Double, y: Double)] = []
            for s in next {
                if let last = merged.last, abs(last.y - s.y) <= 1e-9 {
                    merged[merged.count - 1].width = s.x + s.width - last.x
                } else {
                    merged.append(s)
                }
            }
            segments = merged
        }
        return bounds(boxes, origins)
    }

    /// Rows left to right, each as tall as its tallest box.
    static func shelves(_ boxes: [Size], order: [Int], strip: Double, gap: Double) -> Placement {
        var origins = [(x: Double, y: Double)](repeating: (0, 0), count: boxes.count)
        var x = 0.0, y = 0.0, rowHeight = 0.0
        for index in order {
            let box = boxes[index]
            if x > 0 && x + box.width > strip + 1e-6 {
                y += rowHeight + gap
                x = 0
                rowHeight = 0
            }
            origins[index] = (x, y)
            x += box.width + gap
            rowHeight = max(rowHeight, box.height)
        }
        return bounds(boxes, origins)
    }

    private static func bounds(_ boxes: [Size], _ origins: [(x: Double, y: Double)]) -> Placement {
        var width = 0.0, height = 0.0
        for (box, o) in zip(boxes, origins) {
            width = max(width, o.x + box.width)
            height = max(height, o.y + box.height)
        }
        return Placement(origins: origins, width: width, height: height)
    }
}
