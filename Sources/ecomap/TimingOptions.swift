import ArgumentParser
import EcomapOutput

/// `--timings` and `--verbose`: the stage breakdown (load, validate, score, layout, render, write) on stderr.
struct TimingOptions: ParsableArguments {
    @Flag(help: "Print the time of each stage (load, validate, score, layout, render, write) and the peak memory to stderr.")
    var timings = false

    @Flag(help: "Print what ecomap does (sizes, choices) and the stage timings to stderr.")
    var verbose = false

    /// Starts timing a run; a progress indicator appears on stderr after about a second when it is a terminal.
    func start() -> TimedRun { TimedRun(printTimings: timings || verbose, verbose: verbose) }
}

/// One command run: its stage timer, its progress indicator, and what to print at the end.
final class TimedRun {
    let timer = StageTimer()
    private let progress: ProgressIndicator?
    private let printTimings: Bool
    let verbose: Bool

    init(printTimings: Bool, verbose: Bool) {
        self.printTimings = printTimings
        self.verbose = verbose
        progress = ProgressIndicator.start(enabled: Console.stderrIsTerminal)
        timer.onStageStart = { [progress] stage in progress?.begin(stage) }
    }

    /// A `--verbose` line on stderr.
    func note(_ text: String) {
        if verbose { Console.err("ecomap: " + text) }
    }

    /// Stops the progress indicator and prints the breakdown when asked for. Call once, at the end.
    func finish() {
        progress?.stop()
        if printTimings { Console.err(timer.report()) }
    }
}
