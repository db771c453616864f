import EcomapModel
import EcomapAnalysis
import EcomapMapSpec

/// Ecosystems built in code, so the map tests do not depend on the loader.
enum Fixtures {
    /// A small ecosystem touching every encoding: all node kinds, a focus node, unknown figures,
    /// directed and weighted links, topics for grouping.
    static var small: Ecosystem {
        Ecosystem(
            title: "Alpha Moms", description: "Blogs and events where tech-savvy mothers compare gadgets.",
            asOf: CalendarDate(year: 2026, month: 11, day: 1), focus: "acme",
            topics: [Topic(id: "parenting-tech", name: "Parenting tech"), Topic(id: "family-finance", name: "Family finance")],
            communities: [
                Community(id: "mom-101", name: "Mom-101", url: "https://mom-101.com", channel: .blog, presence: .hybrid,
                          scope: .global, topics: ["parenting-tech"], members: 12000, discussions: 120, reactions: 2400,
                          reach: 250000, actions: 35, sentiment: .positive, phase: .continuation),
                Community(id: "summit", name: "Mom 2.0 Summit", channel: .event, presence: .offline, scope: .national,
                          topics: ["family-finance"], members: 900),
                Community(id: "coolmomtech", name: "Cool Mom Tech", channel: .blog, presence: .online, scope: .global,
                          topics: ["parenting-tech"], members: 40000, discussions: 60, reactions: 900, reach: 900000, actions: 10),
                Community(id: "budget-moms", name: "Budget-conscious moms of the greater metropolitan area", channel: .forum,
                          topics: ["family-finance"], discussions: 300, reactions: 1200, actions: 80),
            ],
            influencers: [Influencer(id: "jill", name: "Jill Smith", followers: 80000, handle: "@jill")],
            stakeholders: [
                Stakeholder(id: "acme", name: "ACME Baby Tech", role: .brand),
                Stakeholder(id: "rival", name: "Rival Corp", role: .competitor),
            ],
            links: [
                Link(from: "jill", to: "mom-101", weight: 0.8, kind: "contributes"),
                Link(from: "acme", to: "summit", weight: 0.4, kind: "sponsors", directed: true),
                Link(from: "mom-101", to: "coolmomtech", weight: 0.5),
                Link(from: "budget-moms", to: "summit", weight: 0.2),
                Link(from: "rival", to: "coolmomtech", weight: 1),
            ])
    }

    static func spec(_ ecosystem: Ecosystem, _ options: MapOptions = MapOptions()) -> MapSpec {
        MapSpecBuilder.build(Analyzer.analyze(ecosystem), options: options).0
    }
}
