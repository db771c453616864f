import EcomapModel

/// Measures communities from their `sources:` (docs/measure.md). The one function every command uses:
/// `ecomap measure` prints the measurements, rank, render, report, diff and gaps score the measured
/// figures through `Measurer.apply`.
public enum Measurer {
    /// A measured figure and its typed value may differ by at most this factor before ecomap warns.
    public static let disagreementFactor = 2.0

    /// The measurements of every community with sources, in file order, and the problems found. A
    /// community with an unreadable source has no measurement (never a partial one) and an error.
    public static func measure(_ ecosystem: Ecosystem, window: MeasureWindow) -> (measurements: [CommunityMeasurement], diagnostics: [Diagnostic]) {
        let competitors = ecosystem.stakeholders.filter { $0.role == .competitor }
            .map { (id: $0.id, names: Array(Set([$0.name, $0.id])).sorted()) }
        var measurements: [CommunityMeasurement] = []
        var diagnostics: [Diagnostic] = []
        for community in ecosystem.communities where !community.sources.isEmpty {
            do throws(MeasureError) {
                measurements.append(try measure(community, window: window, competitors: competitors))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (measurements, diagnostics)
    }

    /// Measures one community from all its sources together.
    public static func measure(_ community: Community, window: MeasureWindow,
                               competitors: [(id: String, names: [String])] = []) throws(MeasureError) -> CommunityMeasurement {
        let collector = ActivityCollector(window: window)
        var hasActivity = false
        var registered: Int?
        var mentionCounts: (mentions: Int, rated: Int, pos: Double, neu: Double, neg: Double)?
        var named: [String: Int]?
        var imported: CommunityMeasurement?
        for (i, source) in community.sources.enumerated() {
            let index = Int32(i)
            switch source.format {
            case .discord:
                let bytes = try FileByteSource(path: source.resolvedPath, name: source.path)
                try DiscordReader(name: source.path, sourceIndex: index).read(bytes, into: collector)
                hasActivity = true
            case .slack:
                let n = try SlackReader(name: source.path, sourceIndex: index).read(path: source.resolvedPath, into: collector)
                registered = max(registered ?? 0, n)
                hasActivity = true
            case .discourse:
                switch try DiscourseReader(name: source.path, sourceIndex: index).read(path: source.resolvedPath, into: collector) {
                case .members(let n): registered = max(registered ?? 0, n)
                case .posts: hasActivity = true
                }
            case .mentions:
                let s = try MentionsReader(name: source.path).read(
                    path: source.resolvedPath, preset: source.preset, community: community, competitors: competitors,
                    window: window)
                var c = mentionCounts ?? (0, 0, 0, 0, 0)
                c.mentions += s.mentions
                c.rated += s.rated
                c.pos += s.positive * Double(s.rated)
                c.neu += s.neutral * Double(s.rated)
                c.neg += s.negative * Double(s.rated)
                mentionCounts = c
                if let competitors = s.competitors {
                    named = named ?? [:]
                    for (k, v) in competitors { named![k, default: 0] += v }
                }
            case .figures:
                imported = try FiguresReader(name: source.path).read(path: source.resolvedPath, community: community.id,
                                                                    asOf: window.to)
            }
        }
        var m = imported ?? CommunityMeasurement(communityID: community.id, from: window.from, to: window.to)
        m.communityID = community.id
        m.sources = community.sources.map(\.path)
        if hasActivity {
            let f = collector.figures()
            m.from = window.from
            m.to = window.to
            m.activeMembers = f.activeMembers
            let discussions = window.perMonth(Double(f.discussions))
            let reactions = window.perMonth(Double(f.replies + f.emojiReactions))
            m.discussions = discussions
            m.reactions = reactions
            m.density = f.activeMembers > 0 ? (discussions + reactions) / Double(f.activeMembers) : nil
            m.responseRate = f.discussions > 0 ? Double(f.answered) / Double(f.discussions) : nil
            m.medianFirstResponseHours = f.medianFirstResponseHours
            m.keyPeople = f.keyPeople
        }
        if let registered { m.registeredMembers = registered }
        if let c = mentionCounts {
            let r = Double(max(c.rated, 1))
            m.sentiment = SentimentShares(mentions: c.mentions, rated: c.rated, positive: c.rated > 0 ? c.pos / r : 0,
                                          neutral: c.rated > 0 ? c.neu / r : 0, negative: c.rated > 0 ? c.neg / r : 0,
                                          competitors: named)
        }
        return m
    }

    /// The outcome of `apply`.
    public struct Outcome: Sendable {
        /// The ecosystem with measured figures in place (nil when a source had an error).
        public var ecosystem: Ecosystem?
        public var measurements: [CommunityMeasurement]
        /// Errors in sources, disagreement warnings.
        public var diagnostics: [Diagnostic]
    }

    /// Measures every community with sources over `windowDays` ending on `asOf` (else the file's `as_of`)
    /// and puts the measured figures in place of the typed ones, marking each (`Community.measured`).
    /// Warns where a typed figure and the measured one differ by more than `disagreementFactor`.
    public static func apply(to ecosystem: Ecosystem, asOf: CalendarDate? = nil,
                             windowDays: Int = MeasureWindow.defaultDays) -> Outcome {
        guard ecosystem.hasMeasureSources else { return Outcome(ecosystem: ecosystem, measurements: [], diagnostics: []) }
        guard let end = asOf ?? ecosystem.asOf else {
            let at = ecosystem.communities.first { !$0.sources.isEmpty }?.location
            return Outcome(ecosystem: nil, measurements: [], diagnostics: [.error(
                "measuring `sources` needs the day the window ends: add `as_of: YYYY-MM-DD` to the file (or pass --as-of to `ecomap measure`)",
                at: at)])
        }
        let (measurements, errors) = measure(ecosystem, window: MeasureWindow(to: end, days: windowDays))
        guard errors.isEmpty else { return Outcome(ecosystem: nil, measurements: measurements, diagnostics: errors) }
        var result = ecosystem
        var warnings: [Diagnostic] = []
        let byID = Dictionary(measurements.map { ($0.communityID, $0) }, uniquingKeysWith: { a, _ in a })
        for i in result.communities.indices {
            guard let m = byID[result.communities[i].id] else { continue }
            var c = result.communities[i]
            var figures: [String] = []
            func check(_ figure: String, typed: Double?, measured: Double) {
                guard let typed, typed > 0 || measured > 0 else { return }
                let ratio = typed == 0 || measured == 0 ? Double.infinity : max(typed / measured, measured / typed)
                if ratio > disagreementFactor {
                    warnings.append(.warning(
                        "community `\(c.id)`: typed `\(figure)` \(format(typed)) and measured \(format(measured)) (\(m.from)..\(m.to)) differ by more than a factor of \(format(disagreementFactor)); the measured figure is used",
                        at: c.location))
                }
            }
            if let registered = m.registeredMembers {
                check("members", typed: c.members.map(Double.init), measured: Double(registered))
                c.members = registered
                figures.append("members")
            } else if c.members == nil, let active = m.activeMembers {
                c.members = active
                figures.append("members")
            }
            if let d = m.discussions {
                check("activity.discussions", typed: c.discussions, measured: d)
                c.discussions = d
                figures.append("activity.discussions")
            }
            if let r = m.reactions {
                check("activity.reactions", typed: c.reactions, measured: r)
                c.reactions = r
                figures.append("activity.reactions")
            }
            if let s = m.sentiment?.overall {
                if let typed = c.sentiment, typed != s {
                    warnings.append(.warning(
                        "community `\(c.id)`: typed `sentiment` \(typed.rawValue) but the mentions measured \(m.from)..\(m.to) read \(s.rawValue); the measured sentiment is used",
                        at: c.location))
                }
                c.sentiment = s
                figures.append("sentiment")
            }
            c.measured = MeasuredProvenance(figures: figures, measurement: m)
            result.communities[i] = c
        }
        return Outcome(ecosystem: result, measurements: measurements, diagnostics: warnings)
    }

    static func format(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
