import EcomapModel

/// Figures that contradict each other: located warnings, never errors (the file stays valid and the run
/// exits 0). Each points at the figure to check, through the positions the loader keeps per field.
///
/// Numbers written with a thousands separator that YAML reads as a decimal (`members: 48.000`) are the
/// loader's concern; these checks look at what the figures say together.
public enum Plausibility {
    /// The warnings for every community, in file order.
    public static func warnings(_ ecosystem: Ecosystem) -> [Diagnostic] {
        // Through a buffer pointer: iterating the array would copy each community (a retain per field).
        ecosystem.communities.withUnsafeBufferPointer { communities in
            var out: [Diagnostic] = []
            for i in communities.indices { out += warnings(for: communities[i]) }
            return out
        }
    }

    /// The warnings for one community.
    public static func warnings(for c: Community) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Made only when there is something to say (most communities have nothing).
        var name: String { "community `\(c.id)`" }
        let online = !CommunityFigures.scoresActionPerMember(c)
        if online, let a = c.actions, let d = c.discussions, a > d {
            let what = d == 0 ? "\(NumberFormat.grouped(a)) actions a month without any discussion"
                : "\(NumberFormat.grouped(a)) actions a month from \(NumberFormat.grouped(d)) discussions"
            out.append(.warning("\(name): \(what); an online community rarely turns more than each discussion into "
                                + "action: are the actions a yearly total, or counted per member? (an offline or "
                                + "event community: set `presence: offline` or `channel: event`)",
                                at: c.location(of: "actions")))
        }
        if let m = c.members, m > 0, let d = c.discussions, let r = c.reactions {
            let interactions = Scales.interactions(discussions: d, reactions: r)
            let density = interactions / Double(m)
            let range = Scales.plausibleDensity
            if density > range.upperBound {
                out.append(.warning("\(name): \(NumberFormat.grouped(d + r)) discussions and reactions a month from "
                                    + "\(NumberFormat.grouped(Double(m))) members is \(NumberFormat.about(density)) "
                                    + "weighted interactions per member a month, above the plausible "
                                    + "\(NumberFormat.decimal(range.upperBound, 0)); check `members` and `activity`",
                                    at: c.location(of: "members")))
            } else if density < range.lowerBound, interactions > 0 || m >= 10_000 {
                out.append(.warning("\(name): \(NumberFormat.grouped(d + r)) discussions and reactions a month from "
                                    + "\(NumberFormat.grouped(Double(m))) members is \(NumberFormat.decimal(density, 6)) "
                                    + "weighted interactions per member a month, below the plausible "
                                    + "\(NumberFormat.decimal(range.lowerBound, 4)); is `members` right, or is the "
                                    + "activity a yearly figure?", at: c.location(of: "members")))
            }
        }
        if let m = c.members, m > 0, let a = c.actions, a > Double(m) {
            out.append(.warning("\(name): \(NumberFormat.grouped(a)) actions a month from "
                                + "\(NumberFormat.grouped(Double(m))) members is more than one per member; "
                                + "check `actions` and `members`", at: c.location(of: "actions")))
        }
        if let m = c.members, m == 0, (c.discussions ?? 0) + (c.reactions ?? 0) + (c.actions ?? 0) > 0 {
            out.append(.warning("\(name): activity or actions but 0 members; leave `members` out when it is unknown",
                                at: c.location(of: "members")))
        }
        return out
    }
}
