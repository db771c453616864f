import EcomapModel

/// Key people measured from exports, shown on the map as influencers (`--key-people`).
public enum KeyPeople {
    /// The ecosystem with every measured community's key people added as influencers tagged
    /// `key person`, each linked to their community with a weight from 0.2 to 1 that grows with their
    /// centrality (the community's most central person: 1).
    public static func asInfluencers(_ ecosystem: Ecosystem) -> Ecosystem {
        var result = ecosystem
        var taken = Set(ecosystem.graphNodes.map(\.id) + ecosystem.topics.map(\.id))
        for c in ecosystem.communities {
            guard let m = c.measured?.measurement, !m.keyPeople.isEmpty else { continue }
            let top = m.keyPeople.map(\.score).max() ?? 1
            for (i, p) in m.keyPeople.enumerated() {
                var id = "key-\(c.id)-\(i + 1)"
                while taken.contains(id) { id += "_" }
                taken.insert(id)
                result.influencers.append(Influencer(
                    id: id, name: p.name,
                    notes: "Key person of \(c.name), measured \(m.from)..\(m.to): \(p.messages) message\(p.messages == 1 ? "" : "s")",
                    tags: ["key person"]))
                let weight = top > 0 ? max(0.2, min(1, (p.score / top * 100).rounded() / 100)) : 0.2
                result.links.append(Link(from: id, to: c.id, weight: weight, kind: "key person"))
            }
        }
        return result
    }

    /// The ecosystem with every key person's name replaced by `code(id)`.
    public static func renamed(_ ecosystem: Ecosystem, code: (String) -> String) -> Ecosystem {
        var result = ecosystem
        for i in result.communities.indices {
            guard var m = result.communities[i].measured else { continue }
            for j in m.measurement.keyPeople.indices {
                m.measurement.keyPeople[j].name = code(m.measurement.keyPeople[j].id)
            }
            result.communities[i].measured = m
        }
        return result
    }
}
