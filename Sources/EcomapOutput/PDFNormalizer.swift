/// Makes cairo's PDF byte-identical across runs.
///
/// cairo writes the wall-clock time as `/CreationDate (D:YYYYMMDDHHMMSS...)` (and, in some versions,
/// `/ModDate`). Each digit of those dates is overwritten in place with a fixed date, 2000-01-01
/// 00:00:00, keeping every byte offset (and so the cross-reference table) valid.
public enum PDFNormalizer {
    public static func normalize(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate", "/ModDate"] {
            let needle = Array((key + " (D:").utf8)
            var index = 0
            while let found = find(needle, in: bytes, from: index) {
                var cursor = found + needle.count
                let fixed = Array("20000101000000".utf8)
                var digit = 0
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ")") {
                    if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                        bytes[cursor] = digit < fixed.count ? fixed[digit] : UInt8(ascii: "0")
                        digit += 1
                    }
                    cursor += 1
                }
                index = cursor
            }
        }
        return bytes
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
