// swift-tools-version:6.1
import PackageDescription

// The pipeline, one target per stage:
//   EcomapLoad (YAML / CSV) -> EcomapModel -> EcomapAnalysis (graph core, scores)
//   -> EcomapMapSpec (encoding, themes) -> EcomapGraphviz (the only C user) -> EcomapOutput -> ecomap (CLI)
let package = Package(
    name: "ecomap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecomap", targets: ["ecomap"]),
        .library(name: "EcomapModel", targets: ["EcomapModel"]),
        .library(name: "EcomapLoad", targets: ["EcomapLoad"]),
        .library(name: "EcomapAnalysis", targets: ["EcomapAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Signal-time cleanup and the layout child's guards: small C, because signal handlers must be
        // async-signal-safe and prctl is variadic.
        .target(name: "CProcessSafety"),
        .target(name: "EcomapModel"),
        .target(
            name: "EcomapLoad",
            dependencies: [
                "EcomapModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "EcomapAnalysis", dependencies: ["EcomapModel"]),
        .target(name: "EcomapSynthetic", dependencies: ["EcomapModel"]),
        .target(name: "EcomapMapSpec", dependencies: ["EcomapModel", "EcomapAnalysis"]),
        .target(name: "EcomapGraphviz", dependencies: ["EcomapMapSpec", "EcomapOutput", "CGraphviz"]),
        .target(
            name: "EcomapOutput",
            dependencies: ["EcomapModel", "EcomapAnalysis", "EcomapMapSpec", "CProcessSafety"]
        ),
        .executableTarget(
            name: "ecomap",
            dependencies: [
                "EcomapModel", "EcomapLoad", "EcomapAnalysis", "EcomapMapSpec",
                "EcomapGraphviz", "EcomapOutput", "EcomapSynthetic", "CProcessSafety",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EcomapLoadTests", dependencies: ["EcomapLoad", "EcomapModel"]),
        .testTarget(name: "EcomapAnalysisTests", dependencies: ["EcomapAnalysis", "EcomapLoad", "EcomapModel", "EcomapSynthetic"]),
        .testTarget(name: "EcomapMapSpecTests", dependencies: ["EcomapMapSpec", "EcomapAnalysis", "EcomapLoad"]),
        .testTarget(
            name: "EcomapGraphvizTests",
            dependencies: ["EcomapGraphviz", "EcomapMapSpec", "EcomapOutput", "EcomapAnalysis", "EcomapLoad"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "EcomapOutputTests", dependencies: ["EcomapOutput", "EcomapAnalysis", "EcomapLoad"]),
        .testTarget(name: "EcomapSyntheticTests", dependencies: ["EcomapSynthetic", "EcomapLoad", "EcomapModel"]),
        .testTarget(name: "EcomapEndToEndTests", dependencies: ["ecomap"], exclude: ["Golden", "Hostile"]),
    ]
)
