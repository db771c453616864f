/// Column headers as people write them: matched without case, punctuation or filler words, with
/// aliases in English, Dutch and German. The table in docs/ecosystem-format.md lists them all.
enum ColumnNames {
    /// Node-table columns and their aliases (the canonical name first).
    static let nodeAliases: [(column: String, aliases: [String])] = [
        ("type", ["type", "node type", "soort", "typ", "art", "knotentyp"]),
        ("id", ["id", "key", "slug", "sleutel", "kennung", "schlüssel", "code"]),
        ("name", ["name", "naam", "community", "community name", "communitynaam", "titel", "title", "bezeichnung", "gemeenschap"]),
        ("url", ["url", "link", "website", "web", "webseite", "adres", "adresse", "address", "homepage"]),
        ("notes", ["notes", "note", "notitie", "notities", "opmerking", "opmerkingen", "notiz", "notizen",
                   "bemerkung", "bemerkungen", "anmerkungen", "remarks"]),
        ("tags", ["tags", "tag", "labels", "label", "trefwoorden", "schlagworte", "schlagwörter", "stichworte"]),
        ("description", ["description", "beschrijving", "omschrijving", "beschreibung"]),
        ("channel", ["channel", "kanaal", "kanal", "channel type", "soort kanaal", "kanaltyp", "medium"]),
        ("platform", ["platform", "plattform", "platforms", "network", "netwerk", "netzwerk", "social network",
                      "sociaal netwerk", "soziales netzwerk", "dienst"]),
        ("presence", ["presence", "aanwezigheid", "präsenz", "online offline", "online or offline"]),
        ("scope", ["scope", "schaal", "niveau", "ebene", "radius", "geographic scope", "geografisch bereik"]),
        ("topics", ["topics", "topic", "onderwerpen", "onderwerp", "themen", "thema", "themas", "themes", "theme"]),
        ("members", ["members", "member count", "members count", "size", "leden", "ledental", "leden aantal",
                     "mitglieder", "mitgliederzahl", "mitglieder anzahl", "grootte", "größe"]),
        ("activity.discussions", ["activity discussions", "discussions", "discussions month", "posts", "posts month",
                                  "berichten", "berichten maand", "posts maand", "discussies", "discussies maand",
                                  "beiträge", "beiträge monat", "diskussionen", "diskussionen monat", "threads",
                                  "threads month", "posts monat"]),
        ("activity.reactions", ["activity reactions", "reactions", "reactions month", "reacties", "reacties maand",
                                "reaktionen", "reaktionen monat", "replies", "replies month", "antwoorden",
                                "antworten", "antworten monat"]),
        ("reach", ["reach", "bereik", "reichweite", "audience", "publiek", "publikum"]),
        ("actions", ["actions", "actions month", "acties", "acties maand", "aktionen", "aktionen monat",
                     "conversions", "conversies", "konversionen"]),
        ("sentiment", ["sentiment", "houding", "stemming", "stimmung", "haltung", "attitude", "tone"]),
        ("phase", ["phase", "fase", "stage", "relationship phase", "relatiefase", "beziehungsphase"]),
        ("goals", ["goals", "goal", "doelen", "doel", "ziele", "ziel", "space goals", "space"]),
        ("funnel_step", ["funnel step", "funnel", "funnelstap", "stap", "trechterstap", "funnel schritt", "schritt"]),
        ("followers", ["followers", "volgers", "follower", "abonnenten"]),
        ("handle", ["handle", "account", "username", "user name", "gebruikersnaam", "benutzername", "accountnaam"]),
        ("role", ["role", "rol", "rolle"]),
    ]

    /// Link-table columns and their aliases.
    static let linkAliases: [(column: String, aliases: [String])] = [
        ("from", ["from", "source", "van", "bron", "von", "quelle", "start"]),
        ("to", ["to", "target", "naar", "doel", "nach", "zu", "ziel", "end"]),
        ("weight", ["weight", "gewicht", "gewichtung", "strength", "sterkte", "stärke", "strength of tie"]),
        ("kind", ["kind", "type", "soort", "art", "relation", "relationship", "relatie", "beziehung"]),
        ("directed", ["directed", "gericht", "gerichtet", "one way", "eenrichting"]),
    ]

    /// Words that carry no meaning in a header: "Posts per month", "Aantal leden", "Number of members".
    static let fillers: Set<String> = [
        "per", "pro", "a", "the", "de", "het", "der", "die", "das", "number", "of", "no", "nr", "aantal", "anzahl",
        "#", "je", "im", "in", "van", "month", "maand", "monat", "monthly", "maandelijks", "monatlich",
    ]

    /// The month words are dropped too, so "Posts per month" and "Posts" meet; the alias lists keep
    /// the month spelled out for readability and are normalised the same way.
    static func normalise(_ header: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in header.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "#" {
                current.append(ch)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let kept = words.filter { !fillers.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    private static func index(_ table: [(column: String, aliases: [String])]) -> [String: String] {
        var result: [String: String] = [:]
        for (column, aliases) in table {
            result[normalise(column)] = column
            for alias in aliases where result[normalise(alias)] == nil { result[normalise(alias)] = column }
        }
        return result
    }

    static let nodeIndex = index(nodeAliases)
    static let linkIndex = index(linkAliases)

    /// The column a header means, or nil.
    static func column(for header: String, links: Bool) -> String? {
        (links ? linkIndex : nodeIndex)[normalise(header)]
    }

    /// Every spelling a header may be compared with for a "did you mean", each with its column.
    static func spellings(links: Bool) -> [(spelling: String, column: String)] {
        (links ? linkAliases : nodeAliases).flatMap { entry in
            ([entry.column] + entry.aliases).map { ($0, entry.column) }
        }
    }
}
