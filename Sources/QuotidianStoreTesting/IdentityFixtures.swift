public import QuotidianCore

/// Short fictional articles with hand-built entities, for cross-article identity.
///
/// Two people share the surname Kelly: Anna Kelly, press secretary at the White House, and
/// John Kelly, coach of Dunmore Rovers. Later articles name a bare "Kelly" with and without
/// context. Marta Ilves is named "Marta Ilves" as Norland's ambassador in 2024 and "Marta
/// Ilves Kaldera" as its foreign minister in 2025. "A senior official" speaks twice.
public enum IdentityFixtures {
  public typealias Role = ExtractionResult.RoleRecord

  /// An entity record; mentions are placed at each alias's first occurrence.
  public static func entity(
    _ name: String, _ type: String = "person", aliases: [String] = [], roles: [Role] = [],
    gender: String? = nil,
    in text: String
  ) -> ExtractionResult.EntityRecord {
    let forms = [name] + aliases
    let mentions = forms.compactMap { form -> [Int]? in
      guard let range = text.range(of: form) else { return nil }
      let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
      return [start, start + form.unicodeScalars.count]
    }
    return ExtractionResult.EntityRecord(
      name: name, type: type,
      roles: roles.map { ($0.status == "former" ? "former " : "") + $0.title },
      mentions: mentions, aliases: aliases.isEmpty ? nil : forms,
      roleDetails: roles.isEmpty ? nil : roles,
      gender: gender)
  }

  public static func role(
    _ title: String, _ organization: String?, _ status: String = "current", since: String? = nil,
    until: String? = nil
  ) -> Role {
    Role(title: title, organization: organization, status: status, since: since, until: until)
  }

  static func article(
    _ slug: String, published: String?, outlet: String?, text: String,
    quotes: [(text: String, speaker: String?)],
    entities: (String) -> [ExtractionResult.EntityRecord]
  ) -> ExtractionResult {
    var result = StoreFixtures.article(
      source: "fixtures/identity/\(slug).txt", url: "https://news.example/\(slug)", title: nil,
      published: published, outlet: outlet, text: text,
      quotes: quotes.map { ($0.text, $0.speaker, $0.speaker, "said", "direct", "verbAfterQuote") })
    result.entities = entities(text)
    return result
  }

  public static let annaKelly = article(
    "kelly-briefing", published: "2025-01-10", outlet: "Capital Wire",
    text: """
      "We have nothing to add," said Anna Kelly, the White House press secretary. Kelly left the \
      briefing after ten minutes.
      """,
    quotes: [("We have nothing to add,", "Anna Kelly")],
    entities: { text in
      [
        entity(
          "Anna Kelly", aliases: ["Kelly"], roles: [role("press secretary", "White House")],
          gender: "feminine",
          in: text),
        entity("White House", "org", in: text),
      ]
    })

  public static let johnKelly = article(
    "rovers-coach", published: "2025-01-12", outlet: "Harbour Sports",
    text: "\"The lads ran until the end,\" said John Kelly, the Dunmore Rovers coach.",
    quotes: [("The lads ran until the end,", "John Kelly")],
    entities: { text in
      [
        entity(
          "John Kelly", roles: [role("coach", "Dunmore Rovers")], gender: "masculine", in: text),
        entity("Dunmore Rovers", "org", in: text),
      ]
    })

  /// A bare "Kelly" in an article about the White House.
  public static let kellyAtTheWhiteHouse = article(
    "white-house-schedule", published: "2025-02-03", outlet: "Capital Wire",
    text: "The White House changed the schedule again. \"It is a busy week,\" Kelly said.",
    quotes: [("It is a busy week,", "Kelly")],
    entities: { text in [entity("White House", "org", in: text), entity("Kelly", in: text)] })

  /// A bare "Kelly" whose role says who she is.
  public static let kellyThePressSecretary = article(
    "press-secretary-notes", published: "2025-02-04", outlet: "Evening Post",
    text: "\"No comment,\" the press secretary, Kelly, told reporters.",
    quotes: [("No comment,", "Kelly")],
    entities: { text in [entity("Kelly", roles: [role("press secretary", nil)], in: text)] })

  /// A bare "Kelly" and nothing else to go on.
  public static let kellyWithoutContext = article(
    "short-note", published: "2025-02-05", outlet: "Evening Post",
    text: "\"See you on Monday,\" Kelly said.",
    quotes: [("See you on Monday,", "Kelly")],
    entities: { text in [entity("Kelly", in: text)] })

  public static let ilvesAmbassador = article(
    "norland-embassy", published: "2024-06-01", outlet: "Capital Wire",
    text: "\"Trade comes first,\" said Marta Ilves, Norland's ambassador to Estmark.",
    quotes: [("Trade comes first,", "Marta Ilves")],
    entities: { text in
      [
        entity(
          "Marta Ilves", roles: [role("ambassador to Estmark", "Norland")], gender: "feminine",
          in: text),
        entity("Norland", "place", in: text),
      ]
    })

  public static let ilvesMinister = article(
    "norland-cabinet", published: "2025-03-01", outlet: "Evening Post",
    text: """
      Marta Ilves Kaldera, Norland's former ambassador to Estmark, became foreign minister in \
      January. "We will keep our word," Ilves said.
      """,
    quotes: [("We will keep our word,", "Ilves")],
    entities: { text in
      [
        entity(
          "Marta Ilves Kaldera", aliases: ["Ilves"],
          roles: [
            role("ambassador to Estmark", "Norland", "former", until: "2024-12"),
            role("foreign minister", "Norland", since: "2025-01"),
          ], gender: "feminine", in: text),
        entity("Norland", "place", in: text),
      ]
    })

  public static let officialOnTrade = article(
    "trade-talks", published: "2025-03-02", outlet: "Capital Wire",
    text: "\"The talks are stuck,\" a senior official said.",
    quotes: [("The talks are stuck,", "a senior official")],
    entities: { text in [entity("a senior official", in: text)] })

  public static let officialOnBorders = article(
    "border-talks", published: "2025-03-03", outlet: "Evening Post",
    text: "\"The border stays open,\" a senior official said on Monday.",
    quotes: [("The border stays open,", "a senior official")],
    entities: { text in [entity("a senior official", in: text)] })

  /// Every identity fixture, in a stable order.
  public static let all = [
    annaKelly, johnKelly, kellyAtTheWhiteHouse, kellyThePressSecretary, kellyWithoutContext,
    ilvesAmbassador,
    ilvesMinister, officialOnTrade, officialOnBorders,
  ]
}
