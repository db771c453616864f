/// The frame around the Graphviz drawing: the title strip above, the legend column to the right.
///
/// Shared by the Graphviz stage (to choose the `ratio` that fits `--aspect`) and the SVG
/// post-processing (to draw the frame), so both agree on every size. All sizes in points.
public struct FrameGeometry: Sendable {
    public static let margin = 16.0
    public static let gap = 16.0
    public static let titleSize = 20.0
    public static let subtitleSize = 12.0
    public static let descriptionSize = 11.0
    /// The narrowest legend column.
    public static let minLegendWidth = 150.0
    /// Where legend text starts, right of its symbol.
    public static let legendTextOffset = 46.0
    public static let legendHeadingHeight = 22.0
    public static let legendRowHeight = 24.0
    public static let legendTextSize = 11.0

    public let spec: MapSpec

    public init(spec: MapSpec) { self.spec = spec }

    /// Height of the title strip, from the top edge to where the drawing begins.
    public var titleHeight: Double {
        Self.margin + Self.titleSize * 1.3
            + (spec.title.asOf == nil ? 0 : Self.subtitleSize * 1.4)
            + Double(spec.title.descriptionLines.count) * Self.descriptionSize * 1.4
            + Self.gap / 2
    }

    /// Width the title needs (a generous estimate of sans-serif advance widths).
    public var titleWidth: Double {
        let name = Double(spec.title.name.count) * Self.titleSize * 0.62
        let description = spec.title.descriptionLines.map { Double($0.count) * Self.descriptionSize * 0.56 }.max() ?? 0
        return 2 * Self.margin + max(name, description)
    }

    /// The legend column's width: its longest row (0.56 em per character, a generous estimate).
    public var legendWidth: Double {
        let longest = spec.legend.items.map(\.text.count).max() ?? 0
        return max(Self.minLegendWidth, Self.legendTextOffset + Double(longest) * Self.legendTextSize * 0.56 + Self.margin / 2)
    }

    public var legendHeight: Double {
        Self.legendHeadingHeight + Double(spec.legend.items.count) * Self.legendRowHeight + Self.margin / 2
    }

    /// The whole picture's size for a drawing of the given size, before aspect padding.
    public func contentSize(graphWidth: Double, graphHeight: Double) -> (width: Double, height: Double) {
        let width = max(Self.margin + graphWidth + Self.gap + legendWidth + Self.margin, titleWidth)
        let height = titleHeight + max(graphHeight, legendHeight) + Self.margin
        return (width, height)
    }

    /// The Graphviz `ratio` (drawing height / width) that makes the whole picture `aspect` wide:
    /// too wide a picture gets a taller drawing, too tall a picture a wider one.
    public func graphRatio(graphWidth: Double, graphHeight: Double, aspect: Aspect) -> Double {
        let w = max(graphWidth, 1), h = max(graphHeight, 1)
        let content = contentSize(graphWidth: w, graphHeight: h)
        let extraWidth = content.width - w, extraHeight = content.height - h
        if content.width / content.height > aspect.ratio {
            let targetHeight = content.width / aspect.ratio - extraHeight
            return max(targetHeight, h) / w
        } else {
            let targetWidth = content.height * aspect.ratio - extraWidth
            return h / max(targetWidth, w)
        }
    }
}
