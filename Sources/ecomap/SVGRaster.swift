import Foundation

/// PNG from ecomap's own SVG, rasterised by librsvg's `rsvg-convert` (Debian's librsvg2-bin, installed
/// by scripts/install-deps.sh), so the PNG shows exactly what the SVG shows: title, drawing, legend.
enum SVGRaster {
    /// The PNG of `svg` at `dpi` pixels per inch; stopped after `seconds`.
    static func png(_ svg: [UInt8], dpi: Double, seconds: Double) throws(CommandFailure) -> [UInt8] {
        let candidates = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CommandFailure(.layoutFailure, "rsvg-convert (librsvg) is needed for the deck's PNG pictures: install librsvg2-bin (scripts/install-deps.sh)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-raster-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let input = scratch.appendingPathComponent("in.svg"), output = scratch.appendingPathComponent("out.png")
            try Data(svg).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            let d = String(Int(dpi))
            process.arguments = ["--dpi-x", d, "--dpi-y", d, "--format", "png", "--output", output.path, input.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let done = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in done.signal() }
            try process.run()
            if done.wait(timeout: .now() + seconds) == .timedOut {
                process.terminate()
                done.wait()
                throw CommandFailure(.layoutFailure, "rasterising the deck's picture did not finish within \(Int(seconds)) s")
            }
            guard process.terminationStatus == 0 else {
                throw CommandFailure(.layoutFailure, "rsvg-convert could not rasterise the deck's picture (exit \(process.terminationStatus))")
            }
            return Array(try Data(contentsOf: output))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.layoutFailure, "rasterising the deck's picture failed: \(error)")
        }
    }
}
