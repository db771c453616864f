import EcomapTestSupport
import Foundation

/// Golden files under `Tests/EcomapGraphvizTests/Golden/`.
let Golden = GoldenFiles(besides: #filePath)

/// The repository's root.
let repositoryRoot = GoldenFiles.repository()
