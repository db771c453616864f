import Foundation
import EcomapModel

/// Chooses a community's next step on the relationship funnel, says why, and names what would move it to
/// the next tier in its own figures (docs/scoring.md, "Next step").
///
/// The funnel's order is respected: the brand earns the right to the next step. Where the file records a
/// community's current `funnel_step`, the next step is the one after it; where it does not, the brand is
/// taken to be listening (step 3) and the advice goes no further than step 5 (become a thought leader).
/// Negative sentiment sends the brand back to answering questions, a deteriorating phase to re-engaging.
/// Density, presence and the community's SPACE goals shape the reasons and, where they argue for it, the step.
enum Advisor {
    struct Advice {
        var step: NextStep
        var reasons: [String]
        var target: String?
    }

    static func advise(_ c: Community, score s: CommunityScore, context: ScoringContext) -> Advice {
        var reasons: [String] = []
        let step = chooseStep(c, s, &reasons)
        addContext(c, s, step, context, &reasons)
        return Advice(step: step, reasons: reasons, target: context.targets ? target(c, s, context) : nil)
    }

    // MARK: the step

    private static func chooseStep(_ c: Community, _ s: CommunityScore, _ reasons: inout [String]) -> NextStep {
        let enoughKnown = s.confidence >= Tiering.minConfidence - 1e-12
        if !enoughKnown {
            reasons.append("too few figures are known to place it above monitor (dimensions carrying "
                           + "\(percent(Tiering.minConfidence)) of the weight must be known; now \(percent(s.confidence)))")
            return .collectFigures
        }
        if c.phase == .deterioration || c.phase == .termination {
            reasons.append("its recorded phase is \(c.phase!.rawValue): fewer meaningful conversations, "
                           + "members losing commitment; decide whether a renewed effort pays off")
            return .reengageOrLetGo
        }
        if c.sentiment == .negative {
            reasons.append("its attitude towards the brand is negative: the basics first, answer questions "
                           + "and issues before adding anything else")
            return .answerQuestions
        }
        if let recorded = c.funnelStep {
            let next = FunnelStep.allCases.first { $0.number == recorded.number + 1 } ?? recorded
            let earned = "the brand has reached step \(recorded.number) (\(title(recorded))) here"
            if s.tier == .monitor && next.number > FunnelStep.answerQuestions.number {
                reasons.append(earned + ", but the community is in the monitor tier: keep the step, "
                               + "do not invest further yet")
                return NextStep(rawValue: recorded.rawValue) ?? .monitorConversations
            }
            if next == .giveOwnership, s.densityBand == .low {
                reasons.append(earned + "; ownership needs active members, and density is low: "
                               + "stay a thought leader and activate the members it has")
                return .becomeThoughtLeader
            }
            if next == recorded {
                reasons.append(earned + ", the last step: keep the exchange of value easy and reliable")
            } else {
                reasons.append(earned + ", which earns the right to step \(next.number) (\(title(next)))")
            }
            return NextStep(rawValue: next.rawValue) ?? .becomeThoughtLeader
        }
        if s.tier == .monitor {
            reasons.append("in the monitor tier and no funnel step recorded: listen first (step 3)")
            return .monitorConversations
        }
        if c.sentiment == .mixed {
            reasons.append("no funnel step recorded and its attitude is mixed: earn trust by answering "
                           + "questions and issues (step 4)")
            return .answerQuestions
        }
        reasons.append("no funnel step recorded, so the brand is taken to be listening; the next step "
                       + "it can earn is to add value as a thought leader (step 5)")
        return .becomeThoughtLeader
    }

    private static func addContext(_ c: Community, _ s: CommunityScore, _ step: NextStep, _ context: ScoringContext,
                                   _ reasons: inout [String]) {
        if let density = s.socialDensity, let band = s.densityBand {
            let d = NumberFormat.decimal(density, 3)
            switch band {
            case .low:
                reasons.append("social density \(d) interactions per member a month is low (below "
                               + "\(NumberFormat.decimal(Scales.densityLow, 2))): activate the members it has "
                               + "with content that asks for a reaction, rather than recruiting more")
            case .high:
                reasons.append("social density \(d) is high (above \(NumberFormat.decimal(Scales.densityHigh, 2))): "
                               + "newcomers get lost; agree guidelines, introduce new members, split by topic")
            case .healthy:
                break
            }
        }
        if let members = c.members, let counted = s.countedMembers, counted < Double(members) - 0.5 {
            reasons.append("only about \(NumberFormat.about(counted)) of its \(NumberFormat.grouped(Double(members))) "
                           + "members are backed by activity; the rest are silent and do not count towards size")
        }
        switch c.presence {
        case .offline?:
            reasons.append("offline: meet members where they gather; its action is counted per member")
        case .hybrid?:
            reasons.append("online and offline: keep the brand's answers consistent on both sides")
        default:
            if c.channel == .event { reasons.append("an event: its action is counted per member") }
        }
        if !c.goals.isEmpty {
            let fitting = c.goals.filter { NextStep(rawValue: GoalPreset.step(for: $0).rawValue) == step }
            let names = c.goals.map(\.words).joined(separator: ", ")
            if let g = fitting.first {
                reasons.append("the step serves its SPACE goal \(g.words) (goals: \(names))")
            } else {
                reasons.append("its SPACE goals: \(names)")
            }
        }
        if let goal = context.goal, !c.goals.isEmpty, !c.goals.contains(goal) {
            reasons.append("it does not list the ranking's goal (\(goal.words))")
        }
    }

    // MARK: the target

    /// A figure the target can move.
    private enum Lever: CaseIterable {
        case interactions, members, reach, actions
    }

    /// What would move the community to the next tier: the single figure that needs the smallest relative
    /// increase, or the figures to record first.
    static func target(_ c: Community, _ s: CommunityScore, _ context: ScoringContext) -> String? {
        if s.confidence < Tiering.minConfidence - 1e-12 {
            let wanted = s.missing.filter { $0 != "reach" || c.reach == nil }
            return wanted.isEmpty ? nil : "record " + wanted.joined(separator: ", ")
                + " to be placed above monitor"
        }
        guard let next = s.tier.above, var needed = Tiering.threshold(for: next) else { return nil }
        if s.previousTier != nil { needed += Tiering.band }
        let borrowed = s.borrowedReach / (Scales.borrowedReachShare * 100)
        func score(_ v: Community) -> Double {
            let f = CommunityFigures(v, networkAudience: 0, borrowedShare: borrowed)
            return Composite(pessimistic: f.pessimistic, optimistic: f.optimistic, weights: context.weights).score
        }
        var best: (ratio: Double, text: String)?
        for lever in Lever.allCases {
            guard let base = value(lever, c), base > 0 else { continue }
            let apply = { (x: Double) -> Community in scaled(lever, c, by: x) }
            // Coarse geometric grid up to 1,000x, then bisection inside the first step that reaches.
            var lo = 1.0, hi = 0.0
            var x = 1.5
            while x <= 1000 {
                if score(apply(x)) >= needed { hi = x; break }
                lo = x
                x *= 1.5
            }
            guard hi > 0 else { continue }
            for _ in 0..<12 {
                let mid = (lo + hi) / 2
                if score(apply(mid)) >= needed { hi = mid } else { lo = mid }
            }
            if best == nil || hi < best!.ratio { best = (hi, phrase(lever, base: base, multiplier: hi, c)) }
        }
        // An unknown figure is scored at its worst: where knowing it could lift the community, recording
        // it comes first, and a figure to raise is named only when a modest rise (at most 3x) would do.
        if !s.missing.isEmpty, s.optimistic >= needed {
            let record = "record " + s.missing.joined(separator: ", ")
                + " (with them the score could reach \(Int(s.optimistic.rounded())))"
            guard let best, best.ratio <= 3 else { return record + " to move it to \(next.rawValue)" }
            return record + ", or " + best.text + ", to move it to \(next.rawValue)"
        }
        guard let best, best.ratio <= 5 else {
            let weakest = Dimension.allCases.filter { context.weights[$0] > 0 }
                .min { (s.pessimisticDimensions[$0] ?? 0) < (s.pessimisticDimensions[$1] ?? 0) }
            let gap = NumberFormat.decimal(max(0, needed - s.score), 1)
            return "\(gap) more points for \(next.rawValue); no single figure does it at up to 5 times its "
                + "value, so grow several"
                + (weakest.map { ", starting with \($0.rawValue) (\(Int((s.pessimisticDimensions[$0] ?? 0).rounded())))" } ?? "")
        }
        return best.text + " would lift it to \(next.rawValue)"
    }

    private static func value(_ lever: Lever, _ c: Community) -> Double? {
        switch lever {
        case .interactions:
            guard let d = c.discussions, let r = c.reactions else { return nil }
            return d + r
        case .members: return c.members.map(Double.init)
        case .reach: return c.reach.map(Double.init)
        case .actions: return c.actions
        }
    }

    private static func scaled(_ lever: Lever, _ c: Community, by x: Double) -> Community {
        var v = c
        switch lever {
        case .interactions:
            v.discussions = c.discussions.map { $0 * x }
            v.reactions = c.reactions.map { $0 * x }
        case .members: v.members = c.members.map { Int(min(1e12, (Double($0) * x).rounded(.up))) }
        case .reach: v.reach = c.reach.map { Int(min(1e12, (Double($0) * x).rounded(.up))) }
        case .actions: v.actions = c.actions.map { $0 * x }
        }
        return v
    }

    private static func phrase(_ lever: Lever, base: Double, multiplier: Double, _ c: Community) -> String {
        let target = NumberFormat.about(base * multiplier, roundingUp: true)
        let now = NumberFormat.grouped(base)
        switch lever {
        case .interactions:
            return "about \(target) discussions and reactions a month (now \(now))"
        case .members:
            return "about \(target) members (now \(now))"
        case .reach:
            return "an audience beyond the members of about \(target) (now \(now))"
        case .actions:
            return "about \(target) actions a month (now \(now))"
        }
    }

    private static func title(_ step: FunnelStep) -> String {
        (NextStep(rawValue: step.rawValue)?.title ?? step.rawValue).lowercased()
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

/// Plain-text numbers for advice: grouped thousands, "about" figures with two significant digits.
public enum NumberFormat {
    /// `12,000`; fractions below 10 keep one decimal.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        guard abs(value) < 1e15 else { return decimal(value, 0) }
        if abs(value) < 10 && value != value.rounded() { return decimal(value, 1) }
        let n = Int64(value.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Two significant digits (`2,400`, `45`, `1.5`), rounded up when asked.
    public static func about(_ value: Double, roundingUp: Bool = false) -> String {
        guard value.isFinite, value > 0 else { return grouped(value) }
        let magnitude = pow(10, floor(log10(value)) - 1)
        let scaled = value / magnitude
        let r = roundingUp ? (scaled - 1e-9).rounded(.up) : scaled.rounded()
        return grouped(r * magnitude)
    }

    /// Fixed decimals with trailing zeros trimmed.
    public static func decimal(_ value: Double, _ places: Int) -> String {
        var s = String(format: "%.\(places)f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
