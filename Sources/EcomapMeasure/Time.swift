import EcomapModel

/// Days and seconds since 1970-01-01 UTC, without Foundation's calendars (fast and time-zone free).
enum UTC {
    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func days(_ date: CalendarDate) -> Int { days(year: date.year, month: date.month, day: date.day) }

    /// The civil date of a day number.
    static func date(days z0: Int) -> CalendarDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Seconds since the epoch of an ISO 8601 date-time: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`, or a bare
    /// `YYYY-MM-DD` (midnight UTC), or `YYYY-MM-DD HH:MM[:SS]` (UTC, as spreadsheets and Data Explorer write).
    static func seconds(iso text: some Collection<UInt8>) -> Double? {
        let b = Array(text)
        func num(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<(at + n) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 10, let y = num(0, 4), b[4] == UInt8(ascii: "-"), let mo = num(5, 2),
              b[7] == UInt8(ascii: "-"), let d = num(8, 2),
              let date = CalendarDate(parsing: String(decoding: b[0..<10], as: UTF8.self)) else { return nil }
        _ = (y, mo, d)
        var total = Double(days(date)) * 86_400
        if b.count == 10 { return total }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let h = num(11, 2),
              b.count >= 16, b[13] == UInt8(ascii: ":"), let mi = num(14, 2), h < 24, mi < 60 else { return nil }
        total += Double(h * 3600 + mi * 60)
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = num(i + 1, 2), s < 61 else { return nil }
            total += Double(s)
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                let start = i
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                    total += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { return nil }
            }
        }
        if i == b.count { return total }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count ? total : nil }
        if b[i] == UInt8(ascii: " "), i + 4 == b.count, b[i + 1] == UInt8(ascii: "U") { return total }  // " UTC"
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let oh = num(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 == b.count {
        } else if i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let m = num(i + 4, 2) {
            om = m
        } else if i + 5 == b.count, let m = num(i + 3, 2) {
            om = m
        } else {
            return nil
        }
        let offset = Double(oh * 3600 + om * 60)
        return b[i] == UInt8(ascii: "+") ? total - offset : total + offset
    }
}

/// The days a measurement covers: `days` whole UTC days ending with `to` (both ends counted).
public struct MeasureWindow: Sendable, Hashable {
    public var to: CalendarDate
    public var days: Int

    public init(to: CalendarDate, days: Int = MeasureWindow.defaultDays) {
        self.to = to
        self.days = days
    }

    public static let defaultDays = 90

    /// The first day counted.
    public var from: CalendarDate { UTC.date(days: UTC.days(to) - days + 1) }

    /// Start (inclusive) and end (exclusive) in seconds since the epoch.
    var startSeconds: Double { Double(UTC.days(to) - days + 1) * 86_400 }
    var endSeconds: Double { Double(UTC.days(to) + 1) * 86_400 }

    func contains(_ seconds: Double) -> Bool { seconds >= startSeconds && seconds < endSeconds }

    /// A count over the window as a figure per month of 30 days.
    func perMonth(_ count: Double) -> Double { count * 30 / Double(days) }
}
