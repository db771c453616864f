import Foundation

/// The absolute scales of scoring model version 2 (see docs/scoring.md).
///
/// Every scale depends only on the community's own figures, never on the other communities in the file,
/// so adding or removing a community does not move anyone else's size, activity or action score. Only
/// the borrowed part of reach depends on the linked neighbours.
///
/// Every function is monotone in each figure (non-decreasing, except that more discussions lower the
/// conversion part of action and more members lower the per-member conversion of an offline
/// community), which is what lets `CommunityFigures` bound an unknown figure by its extremes.
public enum Scales {
    /// Scoring model version, reported in the rank JSON.
    public static let modelVersion = 2

    // MARK: size
    /// Counted members at which size reaches 100.
    public static let sizeCeiling = 1e7
    /// Members counted per weighted interaction (or action) a month: beyond 100 members per monthly
    /// interaction (a social density of 0.01) members are silent and do not count towards size.
    public static let membersPerInteraction = 100.0
    /// The first members always count, whatever the activity.
    public static let alwaysCountedMembers = 1_000.0

    // MARK: activity
    /// A reaction counts as this share of a discussion (a reply or like takes less than starting a thread).
    public static let reactionWeight = 0.25
    /// Weighted interactions per month at which activity reaches 100.
    public static let activityCeiling = 1e5
    /// Knee of the activity scale: near zero, one more discussion moves activity by under 2 points.
    public static let activityKnee = 5.0

    // MARK: reach
    /// Audience beyond the members at which reach reaches 100.
    public static let reachCeiling = 1e8
    /// Points of reach (of 100) that come from the community's own `reach` figure.
    public static let ownReachShare = 0.85
    /// Points of reach (of 100) that can be borrowed from linked neighbours: the cap.
    public static let borrowedReachShare = 0.15

    // MARK: action
    /// Actions per month at which the volume part of action reaches 100.
    public static let actionVolumeCeiling = 1e4
    /// Actions per discussion at which the conversion part of an online community is 50.
    public static let actionHalfRatio = 0.25
    /// Discussions added to the denominator of the conversion ratio (a prior): no discussions is not
    /// full conversion, and one more discussion moves conversion by at most 25/4 points.
    public static let discussionPrior = 4.0
    /// Share of conversion in the action score of an online community (the rest is volume).
    public static let actionConversionShare = 0.6
    /// Per-member conversion of an offline community: actions per member per month on a logarithmic
    /// scale from this rate (0) to one action per member a month (100).
    public static let perMemberFloor = 1e-5
    /// Share of the per-member conversion in the action score of an offline community.
    public static let perMemberConversionShare = 0.4
    /// Smallest member count a per-member rate is taken over.
    public static let perMemberMinimumBase = 10.0

    /// The documented bound: one more discussion a month moves no dimension by more than this many points
    /// (conversion at most 0.6 x 25 / 4 = 3.75, activity at most 1.9, size at most 0.6).
    public static let maxMovePerDiscussion = 4.0

    // MARK: social density
    /// Weighted interactions per member per month below which density is low ("activate the members").
    public static let densityLow = 0.02
    /// Weighted interactions per member per month above which density is high ("guidelines, split by topic").
    public static let densityHigh = 1.0
    /// Outside this range a density is implausible and the loader's figures are questioned (a warning).
    public static let plausibleDensity = 1e-4...30.0

    /// `100 * log10(1 + value / knee) / log10(1 + ceiling / knee)`, clamped to 0...100; NaN or negative
    /// input gives 0, +infinity gives 100.
    public static func logarithmic(_ value: Double, ceiling: Double, knee: Double = 1) -> Double {
        if value == .infinity { return 100 }
        guard value.isFinite, value > 0 else { return 0 }
        return clamp(100 * log10(1 + value / knee) / log10(1 + ceiling / knee))
    }

    /// Weighted interactions per month: discussions + reactions x `reactionWeight`.
    public static func interactions(discussions: Double, reactions: Double) -> Double {
        sane(discussions) + reactionWeight * sane(reactions)
    }

    /// The members that count towards size: all of the first 1,000, beyond that at most 100 per weighted
    /// interaction or action a month.
    public static func countedMembers(members: Double, backing: Double) -> Double {
        min(sane(members), max(alwaysCountedMembers, membersPerInteraction * sane(backing)))
    }

    /// Size score from counted members.
    public static func size(countedMembers: Double) -> Double {
        logarithmic(countedMembers, ceiling: sizeCeiling)
    }

    /// Activity score from discussions and reactions per month.
    public static func activity(discussions: Double, reactions: Double) -> Double {
        logarithmic(interactions(discussions: discussions, reactions: reactions), ceiling: activityCeiling,
                    knee: activityKnee)
    }

    /// Reach score: 85 points from the audience beyond the members, plus up to 15 borrowed points
    /// (`borrowedShare` 0...1, see `NetworkAudience`).
    public static func reach(ownReach: Double, borrowedShare: Double) -> Double {
        clamp(ownReachShare * logarithmic(ownReach, ceiling: reachCeiling)
              + borrowedReachShare * 100 * min(1, max(0, borrowedShare.isNaN ? 0 : borrowedShare)))
    }

    /// Action of an online community: 60 % conversion (actions per discussion, with 4 discussions as a
    /// prior, on the bounded curve r / (r + 0.25)) plus 40 % volume.
    public static func action(actions: Double, discussions: Double) -> Double {
        let a = sane(actions), d = sane(discussions)
        let ratio: Double
        if a == .infinity { ratio = d == .infinity ? 0 : .infinity } else { ratio = a / (d + discussionPrior) }
        let conversion = ratio == .infinity ? 100 : 100 * ratio / (ratio + actionHalfRatio)
        return clamp(actionConversionShare * conversion + (1 - actionConversionShare) * volume(a))
    }

    /// Action of an offline or event community: 40 % actions per counted member (logarithmic) plus 60 % volume.
    public static func actionPerMember(actions: Double, countedMembers: Double) -> Double {
        let a = sane(actions), base = max(perMemberMinimumBase, sane(countedMembers))
        let rate: Double = base == .infinity ? (a == .infinity ? 1 : 0) : a / base
        let perMember = logarithmic(rate, ceiling: 1, knee: perMemberFloor)
        return clamp(perMemberConversionShare * perMember + (1 - perMemberConversionShare) * volume(a))
    }

    /// Volume part of action: actions per month on the logarithmic scale up to 10,000.
    static func volume(_ actions: Double) -> Double { logarithmic(actions, ceiling: actionVolumeCeiling) }

    /// The share a neighbour lends through one link: weight x its audience on the reach scale, 0...1.
    public static func lentShare(weight: Double, audience: Double) -> Double {
        let w = weight.isFinite ? min(1, max(0, weight)) : 0
        return w * logarithmic(audience, ceiling: reachCeiling) / 100
    }

    /// Clamps to 0...100, mapping NaN to 0.
    public static func clamp(_ value: Double) -> Double {
        guard !value.isNaN else { return 0 }
        return min(100, max(0, value))
    }

    /// A figure usable in arithmetic: negative or NaN becomes 0 (the loader already rejects both).
    static func sane(_ value: Double) -> Double {
        value.isNaN || value < 0 ? 0 : value
    }
}
