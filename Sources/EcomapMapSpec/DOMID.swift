/// Stable, CSS- and XML-safe element ids derived from ecosystem ids.
///
/// ASCII letters, digits and `-` are kept; every other UTF-8 byte (including `_` and `.`) becomes
/// `_XX` (upper-case hex). The mapping is injective, and an escaped id never contains `__`, so
/// `__` can join two escaped ids unambiguously.
public enum DOMID {
    /// `mom-101` -> `mom-101`, `a.b_c` -> `a_2Eb_5Fc`.
    public static func escape(_ id: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out.append("_")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// The id of a node's SVG group: `node-<escaped id>`.
    public static func node(_ id: String) -> String { "node-" + escape(id) }

    /// The id of an edge's SVG group: `edge-<escaped from>__<escaped to>`.
    public static func edge(from: String, to: String) -> String { "edge-" + escape(from) + "__" + escape(to) }
}
