// swift-tools-version:6.1
import PackageDescription

// The pipeline, one target per stage:
//   EcomapLoad (YAML / CSV) -> EcomapModel -> EcomapMeasure (figures from exports) -> EcomapAnalysis (graph core, scores)
//   -> EcomapMapSpec (encoding, themes) -> EcomapGraphviz (layout only) -> EcomapScene (the laid-out map)
//   -> EcomapMapRender (SVG, PNG, PDF, JSON), EcomapOutput (reports) and EcomapDeck (PowerPoint) -> ecomap (CLI)
let package = Package(
    name: "ecomap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecomap", targets: ["ecomap"]),
        .library(name: "EcomapModel", targets: ["EcomapModel"]),
        .library(name: "EcomapLoad", targets: ["EcomapLoad"]),
        .library(name: "EcomapAnalysis", targets: ["EcomapAnalysis"]),
        .library(name: "EcomapMeasure", targets: ["EcomapMeasure"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .systemLibrary(
            name: "CFontconfig",
            pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"])]
        ),
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        // Signal-time cleanup and the layout child's guards: small C, because signal handlers must be
        // async-signal-safe and prctl is variadic.
        .target(name: "CProcessSafety"),
        // Text utilities every stage shares: the number formatter, the escapers, the URL rule, the edit distance.
        .target(name: "EcomapText"),
        .target(name: "EcomapModel"),
        .target(
            name: "EcomapLoad",
            dependencies: [
                "EcomapModel", "EcomapText",
                // libyaml: EcomapLoad reads YAML events from Yams' C target `CYaml` (`internal import CYaml`).
                // Yams exports no CYaml product, so this product is the declared dependency that brings it
                // (checked by Tests/EcomapStructureTests/DependencyTests.swift).
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "EcomapAnalysis", dependencies: ["EcomapModel", "EcomapText"]),
        .target(name: "EcomapSynthetic", dependencies: ["EcomapModel"]),
        .target(
            name: "EcomapMeasure",
            dependencies: [
                "EcomapModel", "EcomapAnalysis",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "EcomapMapSpec", dependencies: ["EcomapModel", "EcomapAnalysis", "EcomapText"]),
        .target(name: "EcomapScene"),
        .target(name: "EcomapFonts", dependencies: ["EcomapText", "CFontconfig"]),
        .target(name: "EcomapGraphviz", dependencies: ["EcomapMapSpec", "EcomapScene", "EcomapFonts", "EcomapText", "CGraphviz"]),
        .target(
            name: "EcomapMapRender",
            dependencies: ["EcomapMapSpec", "EcomapScene", "EcomapGraphviz", "EcomapFonts", "EcomapText", "CRsvg"]
        ),
        // The PowerPoint deck: OOXML parts in a ZIP, from plain slide values.
        .target(
            name: "EcomapDeck",
            dependencies: [
                "EcomapModel", "EcomapAnalysis", "EcomapMapSpec",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "EcomapOutput",
            dependencies: ["EcomapModel", "EcomapAnalysis", "EcomapMapSpec", "EcomapText", "CProcessSafety"]
        ),
        .executableTarget(
            name: "ecomap",
            dependencies: [
                "EcomapModel", "EcomapLoad", "EcomapAnalysis", "EcomapMapSpec",
                "EcomapGraphviz", "EcomapScene", "EcomapMapRender", "EcomapFonts", "EcomapOutput", "EcomapSynthetic",
                "EcomapText", "EcomapMeasure", "EcomapDeck", "CProcessSafety",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The golden-file check shared by every test target.
        .target(name: "EcomapTestSupport", path: "Tests/EcomapTestSupport"),
        .testTarget(
            name: "EcomapLoadTests",
            dependencies: ["EcomapLoad", "EcomapModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "EcomapAnalysisTests", dependencies: ["EcomapAnalysis", "EcomapLoad", "EcomapModel", "EcomapSynthetic"]),
        .testTarget(name: "EcomapMapSpecTests", dependencies: ["EcomapMapSpec", "EcomapAnalysis", "EcomapLoad", "EcomapModel", "EcomapText"]),
        .testTarget(
            name: "EcomapGraphvizTests",
            dependencies: ["EcomapGraphviz", "EcomapMapRender", "EcomapScene", "EcomapFonts", "EcomapMapSpec",
                           "EcomapAnalysis", "EcomapLoad", "EcomapModel", "EcomapTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "EcomapMapRenderTests", dependencies: ["EcomapMapRender", "EcomapScene"]),
        .testTarget(name: "EcomapOutputTests", dependencies: ["EcomapOutput", "EcomapAnalysis", "EcomapLoad", "EcomapModel", "EcomapText"]),
        .testTarget(
            name: "EcomapMeasureTests",
            dependencies: ["EcomapMeasure", "EcomapLoad", "EcomapModel", "EcomapOutput", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        // CLI plumbing (stage timer, progress, diagnostics printing) lives in the executable target.
        .testTarget(name: "EcomapCLITests", dependencies: ["ecomap", "EcomapModel", "EcomapText", "EcomapMapSpec"]),
        // Every `import` in Sources/ and Tests/ against the dependencies declared here.
        .testTarget(name: "EcomapStructureTests"),
        .testTarget(name: "EcomapDeckTests", dependencies: ["EcomapDeck", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "EcomapSyntheticTests", dependencies: ["EcomapSynthetic", "EcomapLoad", "EcomapModel"]),
        .testTarget(name: "EcomapEndToEndTests", dependencies: ["ecomap", "EcomapTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Golden", "Hostile"]),
    ]
)
