import EcomapFonts
import EcomapScene
internal import CRsvg

/// PNG and PDF drawn from ecomap's own SVG of a scene by librsvg and cairo, in-process: the same
/// picture as the SVG (title and legend included) on a page the size of the picture.
public enum RasterRenderer {
    public enum Kind: Sendable {
        /// A PNG at `pixelsPerPoint` (default 96 dpi: 4/3 pixel per point).
        case png
        /// A one-page PDF, the picture's size in points, with fixed metadata (no dates of the run).
        case pdf
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Pixels per point of PNG output: 96 dpi.
    public static let defaultPixelsPerPoint = 96.0 / 72.0

    public static func render(_ scene: Scene, as kind: Kind, pixelsPerPoint: Double = defaultPixelsPerPoint) throws(Failure) -> [UInt8] {
        try render(svg: SVGWriter.write(scene), title: scene.accessibleTitle, as: kind, pixelsPerPoint: pixelsPerPoint)
    }

    /// Renders an SVG document written by `SVGWriter` (never third-party SVG).
    public static func render(svg: String, title: String, as kind: Kind,
                              pixelsPerPoint: Double = defaultPixelsPerPoint) throws(Failure) -> [UInt8] {
        FontSetup.pin()
        var buffer = ecomap_buffer(data: nil, length: 0, capacity: 0, failed: 0)
        defer { ecomap_buffer_free(&buffer) }
        var message: UnsafeMutablePointer<CChar>?
        let utf8 = Array(svg.utf8)
        let status = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                ecomap_rsvg_render(chars.baseAddress, chars.count, kind == .pdf ? 1 : 0, pixelsPerPoint, title, &buffer, &message)
            }
        }
        if status != 0 {
            let text = message.map { String(cString: $0) } ?? "rendering failed"
            if let message { g_free(message) }
            throw Failure(description: (kind == .pdf ? "PDF: " : "PNG: ") + text)
        }
        guard let data = buffer.data else { throw Failure(description: "rendering produced no bytes") }
        return Array(UnsafeBufferPointer(start: data, count: buffer.length))
    }
}
