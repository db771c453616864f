/// Text as every drawing renderer receives it.
///
/// Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
/// U+1FFFE, ... U+10FFFF) are valid in a file but not meant for interchange; cairo stops drawing at the
/// first one and writes a PDF that silently lacks every label after it. Every text that reaches a
/// drawing (labels, tooltips, title, captions) goes through `sanitized`, which shows each as U+FFFD.
public enum DrawableText {
    /// True for a Unicode noncharacter.
    public static func isNoncharacter(_ s: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(s.value) || s.value & 0xFFFE == 0xFFFE
    }

    /// `text` with every noncharacter replaced by U+FFFD (returned as it is when there is none).
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isNoncharacter) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isNoncharacter(s) ? "\u{FFFD}" : s) }
        return String(out)
    }
}
