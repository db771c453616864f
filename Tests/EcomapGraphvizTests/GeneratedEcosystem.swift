import EcomapModel

/// Seeded random ecosystems for size and geometry tests.
enum GeneratedEcosystem {
    /// `count` nodes (70% communities, 20% influencers, 10% stakeholders), about 1.2 links per node,
    /// a tenth of the nodes unlinked, some long names. Same seed, same ecosystem.
    static func make(nodes count: Int, seed: UInt64 = 42) -> Ecosystem {
        var rng = SplitMix64(seed: seed)
        let words = ["Moms", "Tech", "Bike", "Forum", "Club", "Parents", "Budget", "Green", "Urban", "Weekly",
                     "Cargo", "Summit", "Circle", "Network", "Talk", "Hub", "Collective", "Riders"]
        func name(_ i: Int) -> String {
            let n = 1 + Int(rng.next() % 5)
            return (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ") + " \(i)"
        }
        var communities: [Community] = [], influencers: [Influencer] = [], stakeholders: [Stakeholder] = []
        var ids: [String] = []
        for i in 0..<count {
            let id = "n\(i)"
            ids.append(id)
            switch i % 10 {
            case 0..<7:
                let known = rng.next() % 4 != 0
                communities.append(Community(id: id, name: name(i), members: known ? Int(rng.next() % 100_000) : nil,
                                             discussions: Double(rng.next() % 500), reactions: Double(rng.next() % 5000),
                                             reach: Int(rng.next() % 1_000_000), actions: Double(rng.next() % 50)))
            case 7, 8:
                influencers.append(Influencer(id: id, name: name(i), followers: Int(rng.next() % 500_000)))
            default:
                stakeholders.append(Stakeholder(id: id, name: name(i), role: StakeholderRole.allCases[i % 8]))
            }
        }
        var links: [Link] = []
        var seen = Set<String>()
        let linked = count - count / 10
        for _ in 0..<(count * 12 / 10) {
            let a = Int(rng.next() % UInt64(linked)), b = Int(rng.next() % UInt64(linked))
            guard a != b, seen.insert("\(min(a, b))-\(max(a, b))").inserted else { continue }
            links.append(Link(from: ids[a], to: ids[b], weight: Double(1 + rng.next() % 10) / 10))
        }
        return Ecosystem(title: "Generated \(count)", communities: communities, influencers: influencers,
                         stakeholders: stakeholders, links: links, sourceFile: "generated-\(count).yaml")
    }
}
