/// The tables ``EntityRecognizer`` looks names up in, hashed once: places, organisations,
/// demonyms, role words. Multi-word names are keyed by ``EntityLexicon/phraseKey(_:)`` over
/// their words' ``WordKey``s, so a capitalised run is looked up without building strings.
struct EntityLexicon: Sendable {
  enum PlaceKind: UInt8, Sendable { case country, subdivision, city, region }

  /// Phrase key → canonical place name.
  let places: [UInt64: String]
  /// Phrase key → canonical organisation name.
  let organizations: [UInt64: String]
  /// Phrase key (adjective or plural) → the place or group it belongs to.
  let demonyms: [UInt64: String]
  let organizationHeads: Set<WordKey>
  let placeAcronyms: Set<WordKey>
  let roleNouns: Set<WordKey>
  let formerMarkers: Set<WordKey>
  let roleVerbs: [WordKey: Bool]
  let roleQualifiers: Set<WordKey>
  /// Head word → role words that the head may stand for ("leader" → "president").
  let roleSynonyms: [WordKey: Set<WordKey>]
  /// Words after which "of" stays inside a name ("University of …", "Secretary of …").
  let ofHeads: Set<WordKey>
  /// Counting words that open a run at a sentence start but are no name ("Three").
  let quantityWords: Set<WordKey>

  static func phraseKey(_ keys: some Sequence<WordKey>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    for key in keys {
      hash = (hash ^ key.raw) &* 0x100_0000_01b3
      hash ^= hash >> 29
    }
    return hash
  }

  /// The same key computed from a space-separated phrase, word by word over its bytes.
  static func phraseKey(_ phrase: String) -> UInt64 {
    var copy = phrase
    return copy.withUTF8 { buffer in
      var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
      var start = 0
      for i in 0...buffer.count where i == buffer.count || buffer[i] == 0x20 {
        if i > start {
          hash = (hash ^ WordKey(buffer, start, i).raw) &* 0x100_0000_01b3
          hash ^= hash >> 29
        }
        start = i + 1
      }
      return hash
    }
  }

  init() {
    func keys(_ words: [String]) -> Set<WordKey> { Set(words.map(WordKey.init)) }
    var places: [UInt64: String] = [:]
    for name in English.isoSubdivisions { places[Self.phraseKey(name)] = name }
    for name in English.cities { places[Self.phraseKey(name)] = name }
    for name in English.isoCountries { places[Self.phraseKey(name)] = name }
    for name in English.placeAliases { places[Self.phraseKey(name)] = name }
    // Short forms with one canonical name.
    for (alias, canonical) in [
      ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"),
      ("U.S.A.", "United States"), ("United States of America", "United States"),
      ("America", "United States"), ("U.K.", "United Kingdom"), ("UK", "United Kingdom"),
      ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
      ("Russian Federation", "Russia"), ("The Netherlands", "Netherlands"),
    ] {
      places[Self.phraseKey(alias)] = canonical
    }
    self.places = places
    var organizations: [UInt64: String] = [:]
    for name in English.knownOrganizations {
      organizations[Self.phraseKey(name)] =
        name.hasPrefix("The ") && name.split(separator: " ").count == 2
        ? String(name.dropFirst(4)) : name
    }
    self.organizations = organizations
    var demonyms: [UInt64: String] = [:]
    for entry in English.demonyms {
      demonyms[Self.phraseKey(entry.adjective)] = entry.place
      demonyms[Self.phraseKey(entry.plural)] = entry.place
    }
    self.demonyms = demonyms
    organizationHeads = keys(English.organizationHeads)
    placeAcronyms = keys(English.placeAcronyms)
    roleNouns = keys(English.roleNouns)
    formerMarkers = keys(English.formerMarkers)
    var verbs: [WordKey: Bool] = [:]
    for entry in English.roleVerbs { verbs[WordKey(entry.form)] = entry.isPast }
    roleVerbs = verbs
    roleQualifiers = keys(English.roleQualifiers)
    var synonyms: [WordKey: Set<WordKey>] = [:]
    for entry in English.roleSynonyms { synonyms[WordKey(entry.word)] = keys(entry.synonyms) }
    roleSynonyms = synonyms
    quantityWords = keys(English.quantityWords)
    ofHeads = keys(
      English.organizationHeads + English.roleNouns + [
        "minister", "secretary", "department", "bank", "state", "ministry",
      ])
  }

  static let english = EntityLexicon()
}
