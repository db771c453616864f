import EcomapModel

/// The colours of one map: a theme's defaults with the file's `style.palette` overrides applied.
public struct ThemeColors: Sendable, Hashable {
    public var theme: Theme
    public var background: RGB
    public var text: RGB
    /// Secondary text (as-of date, description, legend notes).
    public var mutedText: RGB
    public var link: RGB
    /// Outline of communities.
    public var communityStroke: RGB
    /// Fill of influencers.
    public var influencer: RGB
    /// Fill of stakeholders without a role colour.
    public var stakeholder: RGB
    /// Fill per stakeholder role.
    public var roles: [StakeholderRole: RGB]
    /// Cluster frame and caption colours.
    public var clusterFill: RGB
    public var clusterStroke: RGB
    /// Sequential fill scale for the focus score, low to high (colour-blind safe by default).
    public var focusScale: [RGB]
    /// Fill of communities without a score figure at all.
    public var unknown: RGB

    /// The theme's colours, then each valid `style.palette` entry. Unknown keys and values that are not
    /// `#RRGGBB` are reported as warnings and ignored (the loader normally rejects them first).
    public static func resolve(theme: Theme, palette: [String: String]) -> (ThemeColors, [String]) {
        var colors = ThemeColors.defaults(theme)
        var warnings: [String] = []
        for key in palette.keys.sorted() {
            guard let value = palette[key], let parsed = RGB(hex: value) else {
                warnings.append("style.palette.\(key): \"\(palette[key] ?? "")\" is not a #RRGGBB colour; ignored")
                continue
            }
            // The print theme stays greyscale: an override keeps only its lightness.
            let rgb = theme == .print ? parsed.grey : parsed
            if !colors.apply(key: key, rgb) {
                warnings.append("style.palette: unknown key \"\(key)\"; ignored")
            }
        }
        return (colors, warnings)
    }

    /// The fill for a focus score 0...100.
    public func focusFill(_ score: Double) -> RGB {
        let clamped = min(max(score.isFinite ? score : 0, 0), 100)
        let step = min(Int(clamped / 100 * Double(focusScale.count)), focusScale.count - 1)
        return focusScale[step]
    }

    /// The fill for a stakeholder.
    public func stakeholderFill(_ role: StakeholderRole?) -> RGB {
        role.flatMap { roles[$0] } ?? stakeholder
    }

    private mutating func apply(key: String, _ rgb: RGB) -> Bool {
        if let role = StakeholderRole(rawValue: key) {
            roles[role] = rgb
            return true
        }
        switch key {
        case "community":
            // A single-hue ramp from a pale tint of the colour to the colour itself.
            let steps = focusScale.count
            focusScale = (0..<steps).map { i in rgb.mixed(with: background, 0.85 * Double(steps - 1 - i) / Double(steps - 1)) }
        case "influencer": influencer = rgb
        case "stakeholder": stakeholder = rgb
        case "link": link = rgb
        case "background": background = rgb
        case "text": text = rgb
        default: return false
        }
        return true
    }

    /// The built-in themes.
    public static func defaults(_ theme: Theme) -> ThemeColors {
        let hex = { (s: String) in RGB(hex: s)! }
        switch theme {
        case .light:
            return ThemeColors(
                theme: theme, background: hex("#ffffff"), text: hex("#1b1b1b"), mutedText: hex("#5a5a5a"),
                link: hex("#8c8c8c"), communityStroke: hex("#2b3a55"), influencer: hex("#f6c28b"),
                stakeholder: hex("#d9d9d9"),
                roles: [.brand: hex("#d1495b"), .competitor: hex("#8e7dbe"), .partner: hex("#66a182"),
                        .media: hex("#edae49"), .regulator: hex("#a0a0a0"), .supplier: hex("#c9ada7"),
                        .customer: hex("#9ad1d4"), .other: hex("#d9d9d9")],
                clusterFill: hex("#f5f7fa"), clusterStroke: hex("#c3cad6"),
                // ColorBrewer YlGnBu, 7 classes: colour-blind safe, light (low) to dark (high).
                focusScale: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"].map(hex),
                unknown: hex("#f0f0f0"))
        case .dark:
            return ThemeColors(
                theme: theme, background: hex("#14171c"), text: hex("#f2f2f2"), mutedText: hex("#b8bcc4"),
                link: hex("#6b7280"), communityStroke: hex("#d0d5dd"), influencer: hex("#f4a261"),
                stakeholder: hex("#5c6370"),
                roles: [.brand: hex("#ef476f"), .competitor: hex("#b392ac"), .partner: hex("#06d6a0"),
                        .media: hex("#ffd166"), .regulator: hex("#8d99ae"), .supplier: hex("#c9ada7"),
                        .customer: hex("#73d2de"), .other: hex("#5c6370")],
                clusterFill: hex("#1d2128"), clusterStroke: hex("#3a404b"),
                // Viridis, 7 steps: colour-blind safe, dark (low) to bright (high) on a dark ground.
                focusScale: ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"].map(hex),
                unknown: hex("#2a2e35"))
        case .print:
            // Greyscale only: kinds differ by shape, the focus score by lightness.
            return ThemeColors(
                theme: theme, background: hex("#ffffff"), text: hex("#000000"), mutedText: hex("#404040"),
                link: hex("#7a7a7a"), communityStroke: hex("#000000"), influencer: hex("#e0e0e0"),
                stakeholder: hex("#c0c0c0"),
                roles: [.brand: hex("#9a9a9a"), .competitor: hex("#c0c0c0"), .partner: hex("#d4d4d4"),
                        .media: hex("#c0c0c0"), .regulator: hex("#c0c0c0"), .supplier: hex("#d4d4d4"),
                        .customer: hex("#d4d4d4"), .other: hex("#c0c0c0")],
                clusterFill: hex("#f7f7f7"), clusterStroke: hex("#9a9a9a"),
                // ColorBrewer Greys, 7 classes.
                focusScale: ["#f7f7f7", "#d9d9d9", "#bdbdbd", "#969696", "#737373", "#525252", "#252525"].map(hex),
                unknown: hex("#ffffff"))
        }
    }
}
