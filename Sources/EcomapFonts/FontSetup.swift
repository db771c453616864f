import Foundation
internal import CFontconfig
import EcomapText

/// Pins the font every label is measured and drawn with: Liberation Sans 2 (Debian's
/// `fonts-liberation2`), metric-compatible with Arial, which the SVG names first.
///
/// `pin()` makes a private fontconfig configuration current before Graphviz (through pango) or
/// librsvg look up a font. It sees only the fonts in `directory` and maps every family to Liberation
/// Sans, so the user's fontconfig files (`FONTCONFIG_FILE`, `~/.config/fontconfig`), other installed
/// fonts and Liberation Sans 1.x change nothing: the same file gives the same map on every machine.
/// Where the font is missing, the system's configuration stays in charge and `pin()` returns one
/// warning naming the font and the package.
public enum FontSetup {
    /// The family every text uses.
    public static let family = "Liberation Sans"
    /// The Debian/Ubuntu package that installs it.
    public static let package = "fonts-liberation2"
    /// Where Debian installs Liberation Sans 2; `ECOMAP_FONT_DIR` names another directory.
    public static let defaultDirectory = "/usr/share/fonts/truetype/liberation2"

    /// The directory searched: `ECOMAP_FONT_DIR` if set, else `defaultDirectory`.
    public static var directory: String {
        ProcessInfo.processInfo.environment["ECOMAP_FONT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
    }

    /// The outcome of the first `pin()` in this process.
    public enum Outcome: Sendable, Equatable {
        /// Liberation Sans 2 measures every text.
        case pinned
        /// The font is missing; the system's fonts are used. The text is the one warning to print.
        case missing(warning: String)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var outcome: Outcome?

    /// Makes the private configuration current (once per process; later calls return the same outcome).
    @discardableResult
    public static func pin() -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        if let outcome { return outcome }
        let result = ecomap_fontconfig_pin(configuration(directory: directory), family)
        let made: Outcome = result == 1 ? .pinned : .missing(warning: """
            warning: font \(family) 2 not found in \(directory) (install the \(package) package); \
            labels are measured with another font, so this map can differ from other machines'
            """)
        outcome = made
        return made
    }

    /// The warning to print if the font is missing, else nil (pins first).
    public static var warning: String? {
        if case .missing(let text) = pin() { return text }
        return nil
    }

    /// The file fontconfig now resolves `family` to (for tests and diagnostics).
    public static func resolvedFile(for family: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        ecomap_fontconfig_match(family, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The private configuration: one font directory, the system's and the user's font caches (scan
    /// results only, no preferences), no configuration files, every family
    /// (Arial, sans-serif, anything) assigned Liberation Sans.
    static func configuration(directory: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <dir>\(MarkupText.xml(directory, attribute: false))</dir>
          <cachedir>/var/cache/fontconfig</cachedir>
          <cachedir prefix="xdg">fontconfig</cachedir>
          <match target="pattern">
            <edit name="family" mode="assign" binding="strong"><string>\(family)</string></edit>
          </match>
          <config><rescan><int>0</int></rescan></config>
        </fontconfig>
        """
    }
}
