import ArgumentParser
import EcomapAnalysis
import EcomapMapSpec
import EcomapModel
import Foundation

/// `ecomap render --view`: the network map or the 2x2 strategy matrix.
enum RenderView: String, CaseIterable, ExpressibleByArgument {
    case map, matrix
}

extension EcomapAnalysis.Dimension: ExpressibleByArgument {}

extension Render {
    /// Flags that belong to one view only.
    func validateView() throws {
        if slide {
            if compare != nil { throw ValidationError("--compare applies to the full map, not --slide") }
            if engine != .auto { throw ValidationError("--engine applies to the full map; --slide places every node itself") }
            if overlap != .remove { throw ValidationError("--overlap applies to the full map; --slide places every node itself, without overlaps") }
            if let aspect, aspect != .wide { throw ValidationError("--slide is always 16:9; leave out --aspect") }
            _ = try slideTiers()
            if view == .matrix && (tier != nil || around != nil) { throw ValidationError("--tier and --around apply to the map's --slide") }
        } else {
            if tier != nil { throw ValidationError("--tier applies to --slide") }
            if around != nil { throw ValidationError("--around applies to --slide") }
        }
        switch view {
        case .map:
            if xAxis != nil || yAxis != nil { throw ValidationError("--x and --y apply to --view matrix") }
        case .matrix:
            if compare != nil { throw ValidationError("--compare applies to the map view") }
            if groupBy != nil { throw ValidationError("--group-by applies to the map view") }
            if engine != .auto { throw ValidationError("--engine applies to the map view; the matrix pins every position") }
            if overlap != .remove { throw ValidationError("--overlap applies to the map view; the matrix pins every position") }
            if top != nil { throw ValidationError("--top applies to the map view") }
        }
    }

    /// The spec to draw: the map (marked with the movers of `--compare`) or the matrix.
    /// - Parameter stageDone: told the parts of the slide view's spec as they finish (for `--timings`).
    func buildSpec(_ analysis: Analysis, stageDone: ((String) -> Void)? = nil) throws -> (MapSpec, [Diagnostic]) {
        let chosenAspect = aspect
        if slide && view == .map {
            do {
                return try SlideSpecBuilder.build(analysis, options: SlideOptions(theme: theme, top: top, tiers: try slideTiers(),
                                                                                  around: around, groupBy: groupBy),
                                                  stageDone: stageDone)
            } catch let error as SlideError {
                throw CommandFailure(.usage, error.description)
            }
        }
        switch view {
        case .matrix:
            return MatrixSpecBuilder.build(analysis, options: MatrixOptions(x: xAxis, y: yAxis, theme: theme,
                                                                            aspect: slide ? .wide : chosenAspect, slide: slide))
        case .map:
            let options = MapOptions(engine: engine, theme: theme, groupBy: groupBy,
                                     labelTop: top, aspect: chosenAspect, keepOverlaps: overlap == .keep)
            var (spec, warnings) = MapSpecBuilder.build(analysis, options: options)
            if let compare {
                // Both snapshots are scored with the new one's weights, so rank moves come from the figures.
                let old = try Console.loadOrExit(compare)
                let diff = Differ.diff(old: Analyzer.analyze(old, weights: analysis.weights), new: analysis)
                spec = CompareDecoration.apply(spec, diff: diff, theme: spec.colors.theme)
                warnings += diff.notes.map { .warning("--compare: \($0)") }
            }
            return (spec, warnings)
        }
    }

    /// `--tier focus,nurture` as tiers.
    func slideTiers() throws -> [Tier] {
        guard let tier else { return [] }
        return try tier.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let t = Tier(rawValue: name) else {
                throw ValidationError("--tier: `\(name)` is not a tier (focus, nurture, monitor)")
            }
            return t
        }
    }
}
