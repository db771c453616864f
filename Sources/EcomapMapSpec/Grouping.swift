import EcomapModel

/// Which cluster each community belongs to under `--group-by`.
///
/// `topic` uses a community's first topic; communities without a value for the key, influencers
/// and stakeholders stay outside every cluster.
struct Grouping {
    var clusters: [MapCluster] = []
    /// Community id -> cluster id.
    var clusterOf: [String: String] = [:]

    init(ecosystem: Ecosystem, by groupBy: GroupBy) {
        let topicNames = Dictionary(ecosystem.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var labels: [String: String] = [:]
        for community in ecosystem.communities {
            let key: (id: String, label: String)?
            switch groupBy {
            case .none: key = nil
            case .topic: key = community.topics.first.map { ($0, topicNames[$0] ?? $0) }
            case .scope: key = community.scope.map { ($0.rawValue, "scope: \($0.rawValue)") }
            case .channel: key = community.channel.map { ($0.rawValue, "channel: \($0.rawValue)") }
            case .presence: key = community.presence.map { ($0.rawValue, "presence: \($0.rawValue)") }
            }
            guard let key else { continue }
            clusterOf[community.id] = key.id
            labels[key.id] = LabelText.cluster.lines(key.label)[0]
        }
        clusters = labels.keys.sorted().map { MapCluster(id: $0, label: labels[$0]!) }
    }
}
