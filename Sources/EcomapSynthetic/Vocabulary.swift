/// Word pools for synthetic names: Dutch, German and English, with diacritics and a few emoji,
/// so that generated files exercise non-ASCII text the way real ecosystem files do.
enum Vocabulary {
    static let places = [
        "Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Nijmegen", "Tilburg",
        "Zwolle", "Leeuwarden", "Maastricht", "'s-Hertogenbosch", "Gent", "Antwerpen", "Brugge", "Berlin",
        "München", "Köln", "Hamburg", "Düsseldorf", "Zürich", "Wien", "Münster", "Göttingen", "Lüneburg",
        "Delft", "Enschede", "Arnhem", "Haarlem", "Leipzig", "Dresden", "Freiburg", "Aachen", "Brüssel",
    ]
    static let subjects = [
        "Fietsen", "Ouderschap", "Duurzaam wonen", "Koken", "Hardlopen", "Gaming", "Tuinieren",
        "Fotografie", "Kinderwagens", "Babyslaap", "Energie besparen", "Elektrisch rijden", "Nachhaltigkeit",
        "Familienfinanzen", "Elternzeit", "Kochen", "Radfahren", "Camping", "Breien", "Bordspellen",
        "Lastenfietsen", "Zero waste", "Moestuin", "Wandern", "Gärtnern", "Kaffee", "Brotbacken",
        "Parenting tech", "Home office", "Vogelkijken", "Zwemmen", "Schach", "Modelbouw", "Vegan koken",
    ]
    static let communityPatterns = [
        "{s} {p}", "{s}club {p}", "Forum {s}", "{p} {s} Meetup", "Stammtisch {s} {p}", "{s}-Treff {p}",
        "Vrienden van {s}", "{s} Nederland", "{s} Deutschland", "Wij houden van {s}", "{s} & Co. {p}",
        "{s} Café {p}", "{s} Podcast", "{s} Nieuwsbrief", "{s}-Gruppe {p}", "Ouders voor {s}",
    ]
    static let emoji = ["🚲", "🍼", "🌱", "☕", "🎮", "📸", "🏃", "🔥", "❤️", "🇳🇱", "🇩🇪", "✨"]
    static let firstNames = [
        "Anouk", "Sanne", "Jeroen", "Bram", "Fleur", "Lotte", "Daan", "Sem", "Jürgen", "Jörg", "Björn",
        "Mareike", "Lukas", "Anneke", "Katrin", "Maximilian", "Zoë", "Chloë", "Noël", "Renée", "Inès",
        "Sophie", "Emma", "Finn", "Lieke", "Thijs", "Merel", "Jannik", "Özlem", "Søren", "Matthijs",
    ]
    static let lastNames = [
        "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Müller", "Schröder", "Weiß",
        "Köhler", "Groß", "Schäfer", "Öztürk", "van 't Hof", "Meißner", "de Jong", "Brouwer", "Hoffmann",
        "Janßen", "van Dijk", "Dekker", "Krüger", "Peeters", "Wouters", "Bäcker",
    ]
    static let organisations = [
        "Stichting {s}", "Gemeente {p}", "Omroep {p}", "{p}er Zeitung", "Verbraucherzentrale {p}",
        "{s} Verbond", "Bäckerei Müller & Zn.", "Fietsfabriek {p}", "Stadtwerke {p}", "{s} Magazine",
        "Kinderopvang {p}", "Hogeschool {p}", "{s} Groothandel", "Vereniging {s}", "{p} Marketing BV",
    ]
    static let brandSyllables = ["Vel", "ox", "a", "Kin", "dra", "Lu", "mo", "ri", "Tal", "ven", "Zu", "ko"]
    static let linkKinds = [
        "member", "moderates", "sponsors", "partners with", "reports on", "contributes", "competes for",
        "hosts", "mentions", "answers questions",
    ]
    static let notes = [
        "Figures from the community manager, spring survey.",
        "Cijfers geschat op basis van de openbare ledenlijst.",
        "Zahlen laut Moderatorin, Stand Frühjahr.",
        "Active mostly in the evenings; organises a yearly meetup.",
        "Veel vragen over onderhoud en garantie.",
        "Sehr aktive Diskussionen über Preise & Qualität.",
    ]
    static let tags = ["moderated", "volunteers", "paid", "nl", "de", "be", "students", "parents"]
}
