/// Values as people write them in fields with a fixed set of values: platform names for `channel`,
/// `international` for `scope`, and Dutch and German words. Output always uses the English values.
enum ValueAliases {
    /// Platform (lower case) -> the channel its communities live in. A community written with a
    /// platform as its channel keeps the platform in `platform`.
    static let platforms: [String: String] = [
        "facebook": "social-group", "facebook group": "social-group", "instagram": "social-group",
        "linkedin": "social-group", "linkedin group": "social-group", "x": "social-group", "twitter": "social-group",
        "x/twitter": "social-group", "tiktok": "social-group", "threads": "social-group", "bluesky": "social-group",
        "mastodon": "social-group", "pinterest": "social-group", "snapchat": "social-group", "strava": "social-group",
        "vk": "social-group", "xing": "social-group", "nextdoor": "social-group", "hyves": "social-group",
        "discord": "chat", "slack": "chat", "whatsapp": "chat", "telegram": "chat", "signal": "chat",
        "messenger": "chat", "wechat": "chat", "line": "chat",
        "reddit": "forum", "discourse": "forum", "quora": "forum", "stack overflow": "forum", "stackoverflow": "forum",
        "circle": "forum", "tweakers": "forum", "viva": "forum",
        "youtube": "video", "twitch": "video", "vimeo": "video",
        "meetup": "event", "eventbrite": "event",
        "substack": "newsletter", "mailchimp": "newsletter", "e-mail": "newsletter", "email": "newsletter",
        "spotify": "podcast",
        "medium": "blog", "wordpress": "blog", "blogger": "blog", "tumblr": "blog",
    ]

    /// The canonical spelling of a platform for the `platform` field.
    static let platformNames: [String: String] = [
        "facebook": "Facebook", "facebook group": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
        "linkedin group": "LinkedIn", "x": "X", "twitter": "X", "x/twitter": "X", "tiktok": "TikTok",
        "youtube": "YouTube", "whatsapp": "WhatsApp", "wechat": "WeChat", "stack overflow": "Stack Overflow",
        "stackoverflow": "Stack Overflow", "e-mail": "E-mail", "email": "E-mail",
    ]

    static func platformName(_ folded: String) -> String {
        platformNames[folded] ?? folded.prefix(1).uppercased() + folded.dropFirst()
    }

    static let scope: [String: String] = [
        "international": "global", "internationaal": "global", "worldwide": "global", "wereldwijd": "global",
        "weltweit": "global", "global": "global", "globaal": "global", "europe": "global", "european": "global",
        "europees": "global", "europa": "global", "europäisch": "global",
        "national": "national", "nationaal": "national", "landelijk": "national", "bundesweit": "national",
        "country": "national", "countrywide": "national",
        "regionaal": "regional", "regional": "regional", "provinciaal": "regional",
        "lokaal": "local", "lokal": "local", "local": "local", "city": "local", "stedelijk": "local",
    ]

    static let channel: [String: String] = [
        "social group": "social-group", "social": "social-group", "socialgroup": "social-group",
        "group": "social-group", "groep": "social-group", "gruppe": "social-group", "social media": "social-group",
        "forums": "forum", "blogs": "blog", "events": "event", "evenement": "event", "veranstaltung": "event",
        "nieuwsbrief": "newsletter", "newsletters": "newsletter", "podcasts": "podcast",
        "chat group": "chat", "chatgroep": "chat", "videos": "video", "anders": "other", "overig": "other",
        "sonstige": "other", "andere": "other",
    ]

    static let presence: [String: String] = [
        "both": "hybrid", "beide": "hybrid", "hybride": "hybrid", "hybrid": "hybrid", "on- and offline": "hybrid",
        "online and offline": "hybrid", "online & offline": "hybrid",
    ]

    static let sentiment: [String: String] = [
        "positief": "positive", "positiv": "positive", "neutraal": "neutral", "neutral": "neutral",
        "negatief": "negative", "negativ": "negative", "gemengd": "mixed", "gemischt": "mixed",
    ]

    /// The English value meant by `folded` (lower case) in `field`, or nil.
    static func alias(_ folded: String, for field: String) -> String? {
        switch field {
        case "channel": return channel[folded] ?? platforms[folded]
        case "scope": return scope[folded]
        case "presence": return presence[folded]
        case "sentiment": return sentiment[folded]
        default: return nil
        }
    }
}
