import EcomapModel
import EcomapText

/// Output formats of `ecomap measure`.
public enum MeasureFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

/// `ecomap measure`: the measured figures of every community with sources (docs/measure.md). Only key
/// people's display names (or pseudonyms) and counts appear, never message text.
public struct MeasureReport: Sendable {
    public var title: String
    public var windowDays: Int
    public var measurements: [CommunityMeasurement]
    /// Names of the communities by id, for the table.
    public var names: [String: String]

    public init(title: String, windowDays: Int, measurements: [CommunityMeasurement], names: [String: String]) {
        self.title = title
        self.windowDays = windowDays
        self.measurements = measurements
        self.names = names
    }

    /// The same report with every key person's name replaced by their pseudonym under `key`.
    public func pseudonymised(key: String) -> MeasureReport {
        var copy = self
        for i in copy.measurements.indices {
            for j in copy.measurements[i].keyPeople.indices {
                copy.measurements[i].keyPeople[j].name = Pseudonym.code(for: copy.measurements[i].keyPeople[j].id, key: key)
            }
        }
        return copy
    }

    public func rendered(as format: MeasureFormat) -> String {
        switch format {
        case .json: return json()
        case .csv: return csv()
        case .table: return table()
        }
    }

    /// The documented header of the CSV (also what a `format: figures` source reads).
    public static let csvHeader = [
        "community", "from", "to", "active_members", "discussions", "reactions", "density", "response_rate",
        "median_first_response_hours", "registered_members", "mentions", "positive", "neutral", "negative", "key_people",
    ]

    private static func n(_ v: Double?, _ decimals: Int) -> String { v.map { NumberText.fixed($0, decimals) } ?? "" }

    private func json() -> String {
        func number(_ v: Double?, _ d: Int) -> JSONValue { v.map { .double($0, d) } ?? .null }
        let items: [JSONValue] = measurements.map { m in
            var sentiment = JSONValue.null
            if let s = m.sentiment {
                var members: [JSONValue.Member] = [
                    .init("mentions", .int(s.mentions)),
                    .init("positive", .double(s.positive, 4)),
                    .init("neutral", .double(s.neutral, 4)),
                    .init("negative", .double(s.negative, 4)),
                ]
                members.append(.init("competitors", s.competitors.map { c in
                    .object(c.keys.sorted().map { .init($0, .int(c[$0]!)) })
                } ?? .null))
                sentiment = .object(members)
            }
            return .object([
                .init("id", .string(m.communityID)),
                .init("window", .object([.init("from", .string(m.from.description)), .init("to", .string(m.to.description))])),
                .init("active_members", m.activeMembers.map { .int($0) } ?? .null),
                .init("discussions", number(m.discussions, 2)),
                .init("reactions", number(m.reactions, 2)),
                .init("density", number(m.density, 4)),
                .init("response_rate", number(m.responseRate, 4)),
                .init("median_first_response_hours", number(m.medianFirstResponseHours, 2)),
                .init("key_people", .array(m.keyPeople.map { p in
                    .object([.init("name", .string(p.name)), .init("score", .double(p.score, 4)), .init("messages", .int(p.messages))])
                })),
                .init("sentiment", sentiment),
            ])
        }
        return JSONValue.object([.init("communities", .array(items))]).rendered()
    }

    private func csv() -> String {
        var lines = [Self.csvHeader.joined(separator: ",")]
        for m in measurements {
            let s = m.sentiment
            var row: [String] = [m.communityID, m.from.description, m.to.description]
            row.append(m.activeMembers.map(String.init) ?? "")
            row.append(Self.n(m.discussions, 2))
            row.append(Self.n(m.reactions, 2))
            row.append(Self.n(m.density, 4))
            row.append(Self.n(m.responseRate, 4))
            row.append(Self.n(m.medianFirstResponseHours, 2))
            row.append(m.registeredMembers.map(String.init) ?? "")
            row.append(s.map { String($0.mentions) } ?? "")
            row.append(Self.n(s?.positive, 4))
            row.append(Self.n(s?.neutral, 4))
            row.append(Self.n(s?.negative, 4))
            let people: [String] = m.keyPeople.map { p in "\(p.name) (\(p.messages))" }
            row.append(people.joined(separator: "; "))
            lines.append(row.map { TextSafety.csvField($0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func table() -> String {
        var out = TextSafety.singleLine(title) + " — measured over \(windowDays) days (figures per month)\n"
        if measurements.isEmpty { return out + "\n(no community lists `sources`)\n" }
        for m in measurements {
            out += "\n" + TextSafety.singleLine(names[m.communityID] ?? m.communityID) + " (\(m.communityID)), \(m.from) to \(m.to)\n"
            func row(_ label: String, _ value: String) { if !value.isEmpty { out += "  " + label.padding(toLength: 30, withPad: " ", startingAt: 0) + value + "\n" } }
            row("active members", m.activeMembers.map(String.init) ?? "")
            row("registered members", m.registeredMembers.map(String.init) ?? "")
            row("discussions per month", Self.n(m.discussions, 2))
            row("reactions per month", Self.n(m.reactions, 2))
            row("density (per active member)", Self.n(m.density, 4))
            row("response rate", m.responseRate.map { NumberText.percent($0) } ?? "")
            row("median first response (h)", Self.n(m.medianFirstResponseHours, 2))
            if let s = m.sentiment {
                row("mentions", String(s.mentions))
                row("sentiment", s.rated == 0 ? "no rated mentions" :
                    "\(NumberText.percent(s.positive)) positive, \(NumberText.percent(s.neutral)) neutral, \(NumberText.percent(s.negative)) negative")
                if let c = s.competitors, !c.isEmpty {
                    row("competitor mentions", c.keys.sorted().map { "\(TextSafety.singleLine($0)) \(c[$0]!)" }.joined(separator: ", "))
                }
            }
            if !m.keyPeople.isEmpty {
                out += "  key people\n"
                for p in m.keyPeople {
                    out += "    " + TextSafety.singleLine(p.name) + "  score " + NumberText.padded(p.score, 4)
                        + ", \(p.messages) message\(p.messages == 1 ? "" : "s")\n"
                }
            }
        }
        return out
    }
}

/// Stable pseudonyms for people: `P-` and the first 10 hex digits of HMAC-SHA256(key, person id)
/// (docs/measure.md). The same person under the same key always gets the same code; without the key the
/// code cannot be traced back by hashing known ids.
public enum Pseudonym {
    public static func code(for id: String, key: String) -> String {
        "P-" + String(hexText(hmac(key: Array(key.utf8), message: Array(id.utf8))).prefix(10))
    }

    /// Lower-case hex of bytes.
    public static func hexText(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    /// HMAC-SHA256 (RFC 2104).
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? SHA256.digest(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = SHA256.digest(k.map { $0 ^ 0x36 } + message)
        return SHA256.digest(k.map { $0 ^ 0x5C } + inner)
    }
}
