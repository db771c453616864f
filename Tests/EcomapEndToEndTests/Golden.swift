import EcomapTestSupport

/// Golden files under `Tests/EcomapEndToEndTests/Golden/`.
let Golden = GoldenFiles(besides: #filePath)
