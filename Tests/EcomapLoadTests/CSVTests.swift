import EcomapLoad
import EcomapModel
import XCTest

final class CSVTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-csv-\(UUID().uuidString)")
            .appendingPathComponent("Brand ecosystem")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    func write(_ name: String, _ text: String) -> String {
        let url = folder.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    func testTheCSVPairGivesTheSameModelAsTheYAMLExample() throws {
        let yaml = try XCTUnwrap(EcosystemLoader.load(path: repositoryRoot.appendingPathComponent("examples/alpha-moms.yaml").path).ecosystem)
        let csvPath = repositoryRoot.appendingPathComponent("examples/alpha-moms-csv/nodes.csv").path
        let csvResult = EcosystemLoader.load(path: csvPath, title: yaml.title)
        let csv = try XCTUnwrap(csvResult.ecosystem, csvResult.diagnostics.description)
        func strip(_ e: Ecosystem) -> Ecosystem {
            var e = e
            e.sourceFile = ""
            e.asOf = nil
            e.description = nil
            e.scoringWeights = nil
            e.style = Style()
            e.topics = e.topics.map { var t = $0; t.location = nil; return t }
            e.communities = e.communities.map { var c = $0; c.location = nil; c.fieldLocations = [:]; return c }
            e.influencers = e.influencers.map { var c = $0; c.location = nil; return c }
            e.stakeholders = e.stakeholders.map { var c = $0; c.location = nil; return c }
            e.links = e.links.map { var l = $0; l.location = nil; return l }
            return e
        }
        XCTAssertEqual(strip(csv), strip(yaml))
    }

    func testRowsAndColumnsAreLocatedByRowAndColumnName() {
        let nodes = write("nodes.csv", """
            type,id,name,members,membres,topics
            community,a,Alpha,12000,,
            community,b,Beta,-4,,nope
            influencer,c,Carol,10,,
            planet,d,,,,
            """)
        _ = write("links.csv", "from,to,weight\na,b,2\n")
        let result = EcosystemLoader.load(path: nodes)
        XCTAssertNil(result.ecosystem)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "\(nodes):1:membres: error: unknown column `membres`; did you mean `members`?",
        ])
        let fixed = write("nodes.csv", """
            type,id,name,members,topics
            community,a,Alpha,12000,
            community,b,Beta,-4,nope
            influencer,c,Carol,10,
            planet,d,,,
            """)
        let links = folder.appendingPathComponent("links.csv").path
        XCTAssertEqual(EcosystemLoader.load(path: fixed).diagnostics.sorted.map(\.description), [
            "\(fixed):3:members: error: `members` must be 0 or more, found -4",
            "\(fixed):3:topics: error: unknown topic `nope`; declare it under `topics:`",
            "\(fixed):4:members: error: unknown key `members` in an influencer; did you mean `name`?",
            "\(fixed):5:type: error: unknown node type \"planet\"; expected topic, community, influencer or stakeholder",
            "\(links):2:weight: error: `weight` must be greater than 0 and at most 1, found 2",
        ].sorted())
    }

    func testListsActivityTitleFocusAndSemicolonDelimiter() throws {
        let nodes = write("nodes.csv", """
            type;id;name;topics;activity.discussions;activity.reactions;role;tags
            topic;tech;Tech;;;;;
            topic;food;;;;;;
            community;forum;"Forum; the big one";"tech; food";10;200;;"a;b"
            stakeholder;acme;ACME;;;;brand;
            """)
        _ = write("links.csv", "from;to;weight;kind;directed\nacme;forum;0.5;sponsors;true\n")
        let e = try XCTUnwrap(EcosystemLoader.load(path: nodes).ecosystem)
        XCTAssertEqual(e.title, "Brand ecosystem")
        XCTAssertEqual(e.focus, "acme", "the single brand stakeholder is the focus")
        XCTAssertEqual(e.communities[0].name, "Forum; the big one")
        XCTAssertEqual(e.communities[0].topics, ["tech", "food"])
        XCTAssertEqual(e.communities[0].discussions, 10)
        XCTAssertEqual(e.communities[0].reactions, 200)
        XCTAssertEqual(e.communities[0].tags, ["a", "b"])
        XCTAssertEqual(e.links, [Link(from: "acme", to: "forum", weight: 0.5, kind: "sponsors", directed: true,
                                      location: e.links[0].location)])
        XCTAssertEqual(e.links[0].location?.description, "\(folder.appendingPathComponent("links.csv").path):2:from")
    }

    func testMissingColumnsAndExplicitLinksFile() {
        let nodes = write("people.csv", "members,reach\n1,2\n")
        XCTAssertEqual(EcosystemLoader.load(path: nodes).diagnostics.errors.map(\.description), [
            "\(nodes):1:1: error: the table needs a `name` column (or `id`); found `members`, `reach`",
        ])
        let ok = write("people.csv", "type,id\ncommunity,a\n")
        XCTAssertEqual(EcosystemLoader.load(path: ok).ecosystem?.title, "people")
        XCTAssertEqual(EcosystemLoader.load(path: ok, linksPath: "/nonexistent/links.csv").diagnostics.items.map(\.description),
                       ["error: cannot read `/nonexistent/links.csv`: No such file or directory"])
    }
}
