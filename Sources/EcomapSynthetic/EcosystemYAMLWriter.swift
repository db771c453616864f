import EcomapModel

/// Writes an `Ecosystem` as an ecosystem file (format version 1), in the layout a strategist would
/// use: block mappings for communities, flow mappings for influencers and stakeholders, the short
/// link form `[from, to, weight]` unless a link has a kind or a direction. Text stays plain where
/// YAML reads it back unchanged and is double-quoted otherwise.
enum EcosystemYAMLWriter {
    static func write(_ e: Ecosystem, header: String) -> String {
        var out = ""
        out.reserveCapacity(256 * (e.communities.count + e.influencers.count + e.stakeholders.count)
                            + 40 * e.links.count)
        out += header + "\n"
        out += "version: \(e.version)\n"
        out += "ecosystem: \(text(e.title))\n"
        if let d = e.description { out += "description: \(text(d))\n" }
        if let a = e.asOf { out += "as_of: \(a)\n" }
        if let f = e.focus { out += "focus: \(f)\n" }
        if !e.topics.isEmpty {
            out += "topics:\n"
            for t in e.topics {
                if t.name == t.id && t.description == nil {
                    out += "  - \(t.id)\n"
                } else {
                    var fields = ["id: \(t.id)", "name: \(text(t.name))"]
                    if let d = t.description { fields.append("description: \(text(d))") }
                    out += "  - { " + fields.joined(separator: ", ") + " }\n"
                }
            }
        }
        out += "communities:\n"
        for c in e.communities {
            out += "  - id: \(c.id)\n"
            out += "    name: \(text(c.name))\n"
            if let u = c.url { out += "    url: \(text(u))\n" }
            if let v = c.channel { out += "    channel: \(v.rawValue)\n" }
            if let v = c.presence { out += "    presence: \(v.rawValue)\n" }
            if let v = c.scope { out += "    scope: \(v.rawValue)\n" }
            if !c.topics.isEmpty { out += "    topics: [\(c.topics.joined(separator: ", "))]\n" }
            if let v = c.members { out += "    members: \(v)\n" }
            switch (c.discussions, c.reactions) {
            case let (d?, r?): out += "    activity: { discussions: \(number(d)), reactions: \(number(r)) }\n"
            case let (d?, nil): out += "    activity: { discussions: \(number(d)) }\n"
            case let (nil, r?): out += "    activity: { reactions: \(number(r)) }\n"
            case (nil, nil): break
            }
            if let v = c.reach { out += "    reach: \(v)\n" }
            if let v = c.actions { out += "    actions: \(number(v))\n" }
            if let v = c.sentiment { out += "    sentiment: \(v.rawValue)\n" }
            if let v = c.phase { out += "    phase: \(v.rawValue)\n" }
            if !c.goals.isEmpty { out += "    goals: [\(c.goals.map(\.rawValue).joined(separator: ", "))]\n" }
            if !c.tags.isEmpty { out += "    tags: [\(c.tags.map(text).joined(separator: ", "))]\n" }
            if let n = c.notes { out += "    notes: \(text(n))\n" }
        }
        if !e.influencers.isEmpty {
            out += "influencers:\n"
            for i in e.influencers {
                var fields = ["id: \(i.id)", "name: \(text(i.name))"]
                if let v = i.followers { fields.append("followers: \(v)") }
                if let v = i.handle { fields.append("handle: \(text(v))") }
                if !i.topics.isEmpty { fields.append("topics: [\(i.topics.joined(separator: ", "))]") }
                if let v = i.sentiment { fields.append("sentiment: \(v.rawValue)") }
                if let v = i.url { fields.append("url: \(text(v))") }
                if !i.tags.isEmpty { fields.append("tags: [\(i.tags.map(text).joined(separator: ", "))]") }
                out += "  - { " + fields.joined(separator: ", ") + " }\n"
            }
        }
        if !e.stakeholders.isEmpty {
            out += "stakeholders:\n"
            for s in e.stakeholders {
                var fields = ["id: \(s.id)", "name: \(text(s.name))"]
                if let v = s.role { fields.append("role: \(v.rawValue)") }
                if let v = s.url { fields.append("url: \(text(v))") }
                out += "  - { " + fields.joined(separator: ", ") + " }\n"
            }
        }
        if !e.links.isEmpty {
            out += "links:\n"
            for l in e.links {
                if l.kind == nil && !l.directed {
                    out += l.weight == 1 ? "  - [\(l.from), \(l.to)]\n" : "  - [\(l.from), \(l.to), \(number(l.weight))]\n"
                } else {
                    var fields = ["from: \(l.from)", "to: \(l.to)", "weight: \(number(l.weight))"]
                    if let k = l.kind { fields.append("kind: \(text(k))") }
                    if l.directed { fields.append("directed: true") }
                    out += "  - { " + fields.joined(separator: ", ") + " }\n"
                }
            }
        }
        if let w = e.scoringWeights {
            out += "scoring:\n  weights: { size: \(number(w.size)), activity: \(number(w.activity)), "
                + "reach: \(number(w.reach)), action: \(number(w.action)) }\n"
        }
        var style: [String] = []
        if let v = e.style.engine { style.append("  engine: \(v.rawValue)") }
        if let v = e.style.theme { style.append("  theme: \(v.rawValue)") }
        if let v = e.style.groupBy { style.append("  group_by: \(v.rawValue)") }
        if let v = e.style.labelTop { style.append("  label_top: \(v)") }
        if !style.isEmpty { out += "style:\n" + style.joined(separator: "\n") + "\n" }
        return out
    }

    /// Plain when the text starts with a letter and holds only letters, digits, spaces and `-._&'/`
    /// (nothing YAML would read as structure); otherwise double-quoted with escapes.
    static func text(_ s: String) -> String {
        var plain = !s.isEmpty && !s.hasSuffix(" ")
        if plain, let first = s.unicodeScalars.first, !first.properties.isAlphabetic { plain = false }
        if plain {
            for scalar in s.unicodeScalars {
                let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || " -._&'/".unicodeScalars.contains(scalar)
                if !ok { plain = false; break }
            }
        }
        if plain { return s }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number with at most two decimals, without trailing zeros: 12, 0.35, 1.5.
    static func number(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
        return "\(whole)." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
    }
}
