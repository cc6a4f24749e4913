/// A role observation with the article that stated it.
struct RoleRow {
  var role: RoleObservation
  var articleID: Int64
  var published: String?
}

/// Summaries built the same way by every store from the rows it keeps.
enum EntityProfiles {
  /// Roles gathered per title and organisation: wording and status from the latest article
  /// stating them, stated dates widened, first/last seen from the articles' dates. Most
  /// recently seen first; undated observations count as oldest.
  static func roles(_ rows: [RoleRow]) -> [EntityRole] {
    func precedes(_ a: RoleRow, _ b: RoleRow) -> Bool {
      switch (a.published, b.published) {
      case (nil, .some): return true
      case (.some, nil): return false
      case (let left?, let right?) where left != right: return left.utf8.lexicographicallyPrecedes(right.utf8)
      default: return a.articleID < b.articleID
      }
    }
    var order: [String] = []
    var groups: [String: [RoleRow]] = [:]
    // A title stated without its organisation belongs with the same title stated with one.
    var organizationByTitle: [String: String] = [:]
    for row in rows {
      if let organization = row.role.organizationKey, organizationByTitle[row.role.titleKey] == nil {
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
            title: latest.role.title, organization: group.last(where: { $0.role.organization != nil })?.role.organization,
            status: latest.role.status,
            since: since, until: until, firstSeen: dated.first, lastSeen: dated.last),
          latest
        ))
    }
    roles.sort { lhs, rhs in
      if precedes(lhs.latest, rhs.latest) != precedes(rhs.latest, lhs.latest) { return precedes(rhs.latest, lhs.latest) }
      return lhs.role.phrase.utf8.lexicographicallyPrecedes(rhs.role.phrase.utf8)
    }
    return roles.map(\.role)
  }

  /// The role phrases a speaker listing shows: the three most recently seen.
  static func latestPhrases(_ roles: [EntityRole]) -> [String] { roles.prefix(3).map(\.phrase) }

  /// A profile from a speaker's quotes, newest first (as ``Store/quotes(_:)`` orders them).
  static func profile(
    entityID: Int64?, name: String, type: String?, aliases: [String], roles: [EntityRole], quotes: [StoredQuote]
  ) -> SpeakerProfile {
    var names: [String] = []
    var keys: Set<String> = []
    for form in [name] + aliases + quotes.reversed().compactMap(\.speaker) where keys.insert(TextFolding.key(form)).inserted {
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
      if first.map({ published.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true { first = published }
      if last.map({ $0.utf8.lexicographicallyPrecedes(published.utf8) }) ?? true { last = published }
    }
    return SpeakerProfile(
      entityID: entityID, name: name, type: type, names: names, roles: roles, quoteCount: quotes.count,
      articleCount: articles.count, quotesByMonth: byMonth,
      outlets: outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, firstQuoted: first, lastQuoted: last,
      latestQuotes: Array(quotes.prefix(10)))
  }

  /// Whether `query` names `aliases`: equal keys, or the query's words as consecutive words
  /// of one alias. 2 for equality, 1 for words, 0 for neither.
  static func nameMatch(_ query: String, _ aliases: [String]) -> Int {
    let key = TextFolding.key(query)
    if aliases.contains(where: { TextFolding.key($0) == key }) { return 2 }
    let words = TextFolding.words(query)
    if aliases.contains(where: { SearchExpression.contains(TextFolding.words($0), phrase: words, isPrefix: false) }) {
      return 1
    }
    return 0
  }

  /// Entity listings: most articles first, then most quotes, then name, then id.
  static func listingOrder(_ lhs: EntitySummary, _ rhs: EntitySummary) -> Bool {
    if lhs.articleCount != rhs.articleCount { return lhs.articleCount > rhs.articleCount }
    if lhs.quoteCount != rhs.quoteCount { return lhs.quoteCount > rhs.quoteCount }
    if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
    return lhs.id < rhs.id
  }
}
