import ArgumentParser

/// Options that every command reading an ecosystem accepts.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("links"), help: "The links table of a CSV pair (default: links.csv beside the nodes table).")
    var linksPath: String?

    @Option(help: "The map title for CSV input (default: the folder or file name).")
    var title: String?
}
