import ArgumentParser

/// Options that every command reading an ecosystem accepts.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("links"), help: "The links table of a table or workbook (default: found beside the nodes table by name: X-nodes.csv with X-links.csv, nodes.csv with links.csv, ...).")
    var linksPath: String?

    @Option(help: "The map title for CSV input (default: the folder or file name).")
    var title: String?
}
