/// Decides which user URLs may become links on the map.
///
/// Only `http`, `https` and `mailto` (scheme compared case-insensitively) are accepted, and only when
/// every character is a printable ASCII character allowed in a URI (RFC 3986 unreserved, reserved or
/// `%`). Whitespace, control characters, quotes, `<`, `>`, backslashes and non-ASCII text are
/// rejected rather than repaired, so `java\nscript:` or `" onclick=` can never reach the output.
public enum SafeURL {
    /// Longest URL accepted as a link.
    public static let maxLength = 2048

    /// The URL if it is safe to link, else nil.
    public static func validated(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= maxLength,
              text.utf8.allSatisfy(isAllowed),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        let scheme = text[..<colon].lowercased()
        let rest = text[text.index(after: colon)...]
        switch scheme {
        case "http", "https":
            // Needs an authority: `https://host...`.
            guard rest.hasPrefix("//"), rest.count > 2 else { return nil }
            let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.isEmpty ? nil : text
        case "mailto":
            return rest.contains("@") ? text : nil
        default:
            return nil
        }
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte) && byte != UInt8(ascii: "'")
        }
    }
}
