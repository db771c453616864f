import Foundation

/// The absolute scales that turn a community's figures into 0...100 scores (see docs/scoring.md).
///
/// Every scale depends only on the community's own figures, never on the other communities in the file,
/// so adding or removing a community does not move anyone else's size, activity or action score.
public enum Scales {
    /// Members at which size reaches 100.
    public static let sizeCeiling = 1e7
    /// Discussions + reactions per month at which activity reaches 100.
    public static let activityCeiling = 1e6
    /// Audience (own + network) at which reach reaches 100.
    public static let reachCeiling = 1e8
    /// Actions per month at which the volume part of action reaches 100.
    public static let actionVolumeCeiling = 1e4
    /// Actions per discussion at which the conversion part of action is 50.
    public static let actionHalfRatio = 0.25
    /// Share of the conversion part in the action score (the rest is volume).
    public static let actionConversionShare = 0.7

    /// `100 * log10(1 + value) / log10(1 + ceiling)`, clamped to 0...100; non-finite or negative input gives 0,
    /// except +infinity which gives 100.
    public static func logarithmic(_ value: Double, ceiling: Double) -> Double {
        if value == .infinity { return 100 }
        guard value.isFinite, value > 0 else { return 0 }
        return clamp(100 * log10(1 + value) / log10(1 + ceiling))
    }

    /// Size score from members.
    public static func size(members: Double) -> Double { logarithmic(members, ceiling: sizeCeiling) }

    /// Activity score from discussions and reactions per month.
    public static func activity(discussions: Double, reactions: Double) -> Double {
        logarithmic(sane(discussions) + sane(reactions), ceiling: activityCeiling)
    }

    /// Reach score from the audience the community reaches (own plus network).
    public static func reach(audience: Double) -> Double { logarithmic(audience, ceiling: reachCeiling) }

    /// Action score: 70 % conversion (actions per discussion on the bounded curve r / (r + 0.25)) plus
    /// 30 % volume (actions per month on the logarithmic scale up to 10,000).
    public static func action(actions: Double, discussions: Double) -> Double {
        let a = sane(actions), d = sane(discussions)
        let ratio: Double = d > 0 ? a / d : (a > 0 ? .infinity : 0)
        let conversion = ratio == .infinity ? 100 : 100 * ratio / (ratio + actionHalfRatio)
        let volume = logarithmic(a, ceiling: actionVolumeCeiling)
        return clamp(actionConversionShare * conversion + (1 - actionConversionShare) * volume)
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
