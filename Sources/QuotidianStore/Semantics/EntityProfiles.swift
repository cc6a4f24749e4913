/// A role observation with the article that stated it.
package struct RoleRow {
  package var role: RoleObservation
  package var articleID: Int64
  package var published: String?

  package init(role: RoleObservation, articleID: Int64, published: String?) {
    self.role = role
    self.articleID = articleID
    self.published = published
  }
}

/// Summaries built the same way by every store from the rows it keeps.
package enum EntityProfiles {
  /// Roles gathered per title and organisation: wording and status from the latest article
  /// stating them, stated dates widened, first/last seen from the articles' dates. Most
  /// recently seen first; undated observations count as oldest.
  package static func roles(_ rows: [RoleRow]) -> [EntityRole] {
    func precedes(_ a: RoleRow, _ b: RoleRow) -> Bool {
      switch (a.published, b.published) {
      case (nil, .some): return true
      case (.some, nil): return false
      case (let left?, let right?) where left != right:
        return left.utf8.lexicographicallyPrecedes(right.utf8)
      default: return a.articleID < b.articleID
      }
    }
    var order: [String] = []
    var groups: [String: [RoleRow]] = [:]
    // A title stated without its organisation belongs with the same title stated with one.
    var organizationByTitle: [String: String] = [:]
    for row in rows {
      if let organization = row.role.organizationKey, organizationByTitle[row.role.titleKey] == nil
      {
        organizationByTitle[row.role.titleKey] = organization
      }
    }
    for row in rows {
      let organization = row.role.organizationKey ?? organizationByTitle[row.role.titleKey] ?? ""
      let key = row.role.titleKey + "\u{0}" + organization
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(row)
    }
    var roles: [(role: EntityRole, latest: RoleRow)] = []
    for key in order {
      guard let group = groups[key]?.sorted(by: precedes), let latest = group.last else { continue }
      let dated = group.compactMap(\.published)
      let since = group.compactMap(\.role.since).min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      let until = group.compactMap(\.role.until).max { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      roles.append(
        (
          EntityRole(
            title: latest.role.title,
            organization: group.last(where: { $0.role.organization != nil })?.role.organization,
            status: latest.role.status,
            since: since, until: until, firstSeen: dated.first, lastSeen: dated.last),
          latest
        ))
    }
    roles.sort { lhs, rhs in
      if precedes(lhs.latest, rhs.latest) != precedes(rhs.latest, lhs.latest) {
        return precedes(rhs.latest, lhs.latest)
      }
      return lhs.role.phrase.utf8.lexicographicallyPrecedes(rhs.role.phrase.utf8)
    }
    return roles.map(\.role)
  }

  /// The role phrases a speaker listing shows: the three most recently seen.
  package static func latestPhrases(_ roles: [EntityRole]) -> [String] {
    roles.prefix(3).map(\.phrase)
  }

  /// A profile from a speaker's quotes, newest first (as ``Store/quotes(_:)`` orders them).
  package static func profile(
    entityID: Int64?, name: String, type: String?, aliases: [String], roles: [EntityRole],
    quotes: [StoredQuote]
  ) -> SpeakerProfile {
    var names: [String] = []
    var keys: Set<String> = []
    var forms: Set<String> = []  // each written form folded once, however often quoted
    for form in [name] + aliases + quotes.reversed().compactMap(\.speaker)
    where forms.insert(form).inserted && keys.insert(TextFolding.key(form)).inserted {
      names.append(form)
    }
    var byMonth: [String: Int] = [:]
    var outlets: Set<String> = []
    var articles: Set<Int64> = []
    var first: String?
    var last: String?
    for quote in quotes {
      articles.insert(quote.articleID)
      if let outlet = quote.outlet { outlets.insert(outlet) }
      guard let published = quote.published else { continue }
      let month = String(published.unicodeScalars.prefix(7).map(Character.init))
      if month.utf8.count == 7 { byMonth[month, default: 0] += 1 }
      if first.map({ published.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
        first = published
      }
      if last.map({ $0.utf8.lexicographicallyPrecedes(published.utf8) }) ?? true {
        last = published
      }
    }
    return SpeakerProfile(
      entityID: entityID, name: name, type: type, names: names, roles: roles,
      quoteCount: quotes.count,
      articleCount: articles.count, quotesByMonth: byMonth,
      outlets: outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, firstQuoted: first,
      lastQuoted: last,
      latestQuotes: Array(quotes.prefix(10)))
  }

  /// Whether `query` names `aliases`: equal keys, or the query's words as consecutive words
  /// of one alias. 2 for equality, 1 for words, 0 for neither.
  package static func nameMatch(_ query: String, _ aliases: [String]) -> Int {
    let key = TextFolding.key(query)
    if aliases.contains(where: { TextFolding.key($0) == key }) { return 2 }
    let words = TextFolding.words(query)
    if aliases.contains(where: {
      SearchExpression.contains(TextFolding.words($0), phrase: words, isPrefix: false)
    }) {
      return 1
    }
    return 0
  }

  /// Entity listings: most articles first, then most quotes, then name, then id.
  package static func listingOrder(_ lhs: EntitySummary, _ rhs: EntitySummary) -> Bool {
    if lhs.articleCount != rhs.articleCount { return lhs.articleCount > rhs.articleCount }
    if lhs.quoteCount != rhs.quoteCount { return lhs.quoteCount > rhs.quoteCount }
    if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
    return lhs.id < rhs.id
  }
}

/// A stored speaker a name may refer to: an entity, or (for quotes without one) a bare
/// speaker name.
package struct SpeakerCandidate: Hashable {
  package var entityID: Int64?
  package var name: String
  package var aliases: [String]
  package var quoteCount: Int

  package init(entityID: Int64?, name: String, aliases: [String], quoteCount: Int) {
    self.entityID = entityID
    self.name = name
    self.aliases = aliases
    self.quoteCount = quoteCount
  }
}

extension EntityProfiles {
  /// Whether `text` is written as a name: every word capitalised, apart from the particles
  /// names carry ("de", "van", "bin") and the joining words of organisation names ("of",
  /// "and"). "Claudia Sheinbaum", "Ana María de la Cruz" and "Bank of Almadena" are names;
  /// "one adviser to Sheinbaum" and "a senior official" are descriptions.
  package static func isNameForm(_ text: String) -> Bool {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    guard !words.isEmpty else { return false }
    for (index, word) in words.enumerated() {
      guard
        let initial = word.unicodeScalars.first(where: {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        })
      else { continue }
      if initial.properties.isUppercase || initial.properties.numericType != nil { continue }
      if index > 0 && index < words.count - 1 && nameJoiners.contains(TextFolding.key(String(word)))
      {
        continue
      }
      if index < words.count - 1 && nameParticles.contains(TextFolding.key(String(word))) {
        continue
      }
      return false
    }
    return true
  }

  package static let nameParticles: Set<String> = [
    "al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "st",
    "ten", "ter", "van", "von", "y", "zu",
  ]
  package static let nameJoiners: Set<String> = ["and", "for", "of", "on", "the", "und", "et"]

  /// How well `query` names `candidate` (see ``nameMatch(_:_:)``), counting only the names
  /// that are written as names: "Sheinbaum" names "Claudia Sheinbaum", not "one adviser to
  /// Sheinbaum".
  package static func speakerMatch(_ query: String, _ candidate: SpeakerCandidate) -> Int {
    nameMatch(query, ([candidate.name] + candidate.aliases).filter(isNameForm))
  }

  /// The speakers `query` names, as one person: every candidate with a name form that
  /// `query` matches (quoted speakers only, when some are), grouped by name; a group whose
  /// names are all part of one other group's names ("Kelly" and "Anna Kelly") joins it.
  /// Empty when nobody matches; throws, listing them, when the groups left are different
  /// people ("Kessler": Paul Kessler and Marta Kessler).
  package static func chooseSpeaker(_ query: String, among candidates: [SpeakerCandidate])
    throws(StoreError)
    -> [SpeakerCandidate]
  {
    let scored = candidates.filter { speakerMatch(query, $0) > 0 }
    guard !scored.isEmpty else { return [] }
    let quoted = scored.filter { $0.quoteCount > 0 }
    let chosen = quoted.isEmpty ? scored : quoted
    var groups: [String: [SpeakerCandidate]] = [:]
    for candidate in chosen {
      groups[TextFolding.key(candidate.name), default: []].append(candidate)
    }
    func names(_ key: String) -> [String] { (groups[key] ?? []).flatMap { [$0.name] + $0.aliases } }
    // Shorter names first: "Kelly" may join "Anna Kelly", never the other way round.
    var unresolved: Set<String> = []
    for key in groups.keys.sorted(by: { $0.utf8.count < $1.utf8.count }) {
      guard let members = groups[key] else { continue }
      let hosts = groups.keys.filter { other in
        other != key && other.utf8.count > key.utf8.count
          && members.allSatisfy { nameMatch($0.name, names(other)) > 0 }
      }
      if hosts.count == 1, let host = hosts.first {
        groups[host, default: []] += members
        groups.removeValue(forKey: key)
      } else if hosts.count > 1 {
        unresolved.insert(key)  // part of several fuller names: listed through them
      }
    }
    guard groups.count > 1 else { return chosen }
    for key in unresolved where groups.count - unresolved.count >= 2 {
      groups.removeValue(forKey: key)
    }
    var people: [(name: String, quotes: Int)] = []
    for members in groups.values {
      var name = ""
      var quotes = 0
      for member in members {
        if member.name.utf8.count > name.utf8.count { name = member.name }
        quotes += member.quoteCount
      }
      people.append((name, quotes))
    }
    people.sort { lhs, rhs in
      if lhs.quotes != rhs.quotes { return lhs.quotes > rhs.quotes }
      return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
    }
    let listed = people.prefix(10).map {
      "\($0.name) (\($0.quotes) quote\($0.quotes == 1 ? "" : "s"))"
    }
    throw StoreError(
      operation: "query",
      reason:
        "'\(query)' names \(people.count) different speakers: \(listed.joined(separator: ", "))"
        + (people.count > 10 ? ", …" : "") + "; give a fuller name")
  }
}

extension EntityProfiles {
  /// `quotes` newest first, the order of ``Store/quotes(_:)``: dated before undated, later
  /// days first, then by article and offset. Sorts their keys rather than the quotes themselves (a speaker's thousands of
  /// quotes are large values to move about).
  package static func sortedNewestFirst(_ quotes: [StoredQuote]) -> [StoredQuote] {
    let keys = quotes.map { (published: $0.published, article: $0.articleID, start: $0.start) }
    let order = keys.indices.sorted { a, b in
      switch (keys[a].published, keys[b].published) {
      case (nil, .some): return false
      case (.some, nil): return true
      case (let left?, let right?) where left != right:
        return right.utf8.lexicographicallyPrecedes(left.utf8)
      default: return (keys[a].article, keys[a].start) < (keys[b].article, keys[b].start)
      }
    }
    return order.map { quotes[$0] }
  }
}
