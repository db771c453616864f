import ArgumentParser
import EcomapAnalysis
import EcomapModel

/// The `--weights` flag that every scoring command takes (`size=2,action=3`).
enum WeightsFlag {
    /// Checks the flag's syntax while the arguments are parsed, so a bad value is a usage error.
    static func validate(_ flag: String?) throws {
        guard let flag else { return }
        do { _ = try WeightsSpec(parsing: flag) } catch { throw ValidationError(error.description) }
    }

    /// The weights to score with: the flag applied over `base`, or nil when the flag was not given.
    static func resolve(_ flag: String?, over base: ScoringWeights) throws -> ScoringWeights? {
        guard let flag else { return nil }
        do {
            return try WeightsSpec(parsing: flag).applied(to: base)
        } catch {
            throw CommandFailure(.usage, error.description)
        }
    }
}

extension Goal: ExpressibleByArgument {}

/// The `--goal` help text every scoring command shares.
enum GoalFlag {
    static let help = ArgumentHelp(
        "SPACE goal preset: support, product-innovation, acquisition, content or engagement; sets documented weights and what counts as action (--weights still overrides; docs/scoring.md).",
        valueName: "goal")
}
