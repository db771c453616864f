import EcomapModel

/// Tiers of model version 2: thresholds on the conservative score, a floor of known figures, and a
/// borderline band that holds the previous tier (hysteresis) when an earlier snapshot is given.
public enum Tiering {
    /// Focus tier: conservative score at least this.
    public static let focusScore = 55.0
    /// Nurture tier: conservative score at least this (and not focus).
    public static let nurtureScore = 40.0
    /// Half-width of the borderline band around each threshold, in points.
    public static let band = 3.0
    /// Tiers above monitor need the dimensions known exactly to carry at least this share of the weight
    /// (three of the four dimensions at equal weights).
    public static let minConfidence = 0.75

    /// The tier from thresholds shifted by `offset` points.
    static func level(score: Double, confidence: Double, offset: Double) -> Tier {
        guard confidence >= minConfidence - 1e-12 else { return .monitor }
        if score >= focusScore + offset { return .focus }
        if score >= nurtureScore + offset { return .nurture }
        return .monitor
    }

    /// The tier without a previous snapshot.
    public static func tier(score: Double, confidence: Double) -> Tier {
        level(score: score, confidence: confidence, offset: 0)
    }

    /// The tier, whether the score is borderline, and whether the previous tier was held.
    /// With a previous tier, a community moves up only when its score clears the threshold by the band,
    /// and down only when it falls below the threshold by the band.
    public static func place(score: Double, confidence: Double, previous: Tier?)
        -> (tier: Tier, borderline: Bool, held: Bool) {
        let plain = tier(score: score, confidence: confidence)
        let borderline = confidence >= minConfidence - 1e-12
            && (abs(score - focusScore) < band || abs(score - nurtureScore) < band)
        guard let previous, previous != plain else { return (plain, borderline, false) }
        let up = level(score: score, confidence: confidence, offset: band)
        let down = level(score: score, confidence: confidence, offset: -band)
        var result = previous
        if previous.order > down.order { result = down }
        if previous.order < up.order { result = up }
        return (result, borderline, result != plain)
    }

    /// The score a community needs for `tier` (plus the band when it must clear a held tier).
    public static func threshold(for tier: Tier) -> Double? {
        switch tier {
        case .focus: focusScore
        case .nurture: nurtureScore
        case .monitor: nil
        }
    }
}

extension Tier {
    /// monitor 0, nurture 1, focus 2.
    public var order: Int {
        switch self {
        case .monitor: 0
        case .nurture: 1
        case .focus: 2
        }
    }

    /// The tier above, nil for focus.
    public var above: Tier? {
        switch self {
        case .monitor: .nurture
        case .nurture: .focus
        case .focus: nil
        }
    }
}

/// Flags worth a strategist's attention; they never hide a community.
public enum Recommendation {
    /// The flags of a scored community, in a fixed order.
    static func flags(community c: Community, score s: CommunityScore) -> [String] {
        var flags: [String] = []
        if c.sentiment == .negative { flags.append("negative sentiment") }
        if c.sentiment == .mixed { flags.append("mixed sentiment") }
        if c.phase == .deterioration { flags.append("deteriorating phase") }
        if c.phase == .termination { flags.append("terminating phase") }
        if s.confidence < Tiering.minConfidence - 1e-12 { flags.append("too few figures for a tier above monitor") }
        if s.densityBand == .low { flags.append("low density") }
        if s.densityBand == .high { flags.append("high density") }
        if let m = c.members, let counted = s.countedMembers, counted < Double(m) - 0.5 { flags.append("silent members") }
        if s.borderline { flags.append("borderline") }
        if s.tierHeld { flags.append("tier held from previous snapshot") }
        return flags
    }
}
