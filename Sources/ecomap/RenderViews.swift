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
        switch view {
        case .map:
            if xAxis != nil || yAxis != nil { throw ValidationError("--x and --y apply to --view matrix") }
        case .matrix:
            if compare != nil { throw ValidationError("--compare applies to the map view") }
            if groupBy != nil { throw ValidationError("--group-by applies to the map view") }
            if engine != .auto { throw ValidationError("--engine applies to the map view; the matrix pins every position") }
            if top != nil { throw ValidationError("--top applies to the map view") }
        }
    }

    /// The spec to draw: the map (marked with the movers of `--compare`) or the matrix.
    func buildSpec(_ analysis: Analysis) throws -> (MapSpec, [Diagnostic]) {
        let chosenAspect = aspect
        switch view {
        case .matrix:
            return MatrixSpecBuilder.build(analysis, options: MatrixOptions(x: xAxis ?? .reach, y: yAxis ?? .action, theme: theme, aspect: chosenAspect))
        case .map:
            let options = MapOptions(engine: engine, theme: theme, groupBy: groupBy,
                                     labelTop: top, aspect: chosenAspect)
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
}
