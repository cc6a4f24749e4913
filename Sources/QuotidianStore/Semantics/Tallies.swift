public import QuotidianCore

/// The reports behind `quotidian tally` and `quotidian ledger`, computed from what a
/// ``StatementStore`` returns; the same for every backend.
public enum Tallies {
  /// One article's report of an occasion or a promise: where a reader finds it.
  public struct Report: Hashable, Sendable, Codable {
    /// The article's source (its URL or path), as in `articles`.
    public var article: String
    /// The stored article's ID (`/articles/{id}`); exact copies share it.
    public var articleID: Int64?
    public var outlet: String?
    public var title: String?
    public var published: String?
    /// The words as this article reported them.
    public var text: String
    /// True when this article is a rewrite that altered the words it repeats.
    public var altered: Bool
  }

  /// One report per article of `members`, in article order; an article that reported the
  /// words several times counts once, altered when any of its reports is.
  static func reports(_ members: [Occasions.Statement]) -> [Report] {
    var reports: [Report] = []
    for member in members {
      if let index = reports.firstIndex(where: { $0.article == member.article }) {
        reports[index].altered = reports[index].altered || member.isAltered
        continue
      }
      reports.append(
        Report(
          article: member.article, articleID: member.articleID, outlet: member.outlet,
          title: member.title, published: member.published, text: member.text,
          altered: member.isAltered))
    }
    return reports.sorted { ($0.published ?? "~", $0.article) < ($1.published ?? "~", $1.article) }
  }

  /// The distinct people among `names`: a name whose words all appear in a longer one
  /// ("Morrow", "Ines Morrow") is that person; what remains are different people.
  public static func people(_ names: [String]) -> [String] {
    func words(_ name: String) -> Set<String> {
      Set(name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
    }
    let distinct = Set(names).sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
    var people: [(name: String, words: Set<String>)] = []
    for name in distinct {
      let own = words(name)
      if people.contains(where: { own.isSubset(of: $0.words) }) { continue }
      people.append((name, own))
    }
    return people.map(\.name)
  }

  /// The complaint when `query` names several people among `names`, nil when one or none.
  public static func ambiguity(_ query: String, names: [String]) -> String? {
    let people = people(names)
    guard people.count > 1 else { return nil }
    return "'\(query)' names \(people.count) different speakers: "
      + people.prefix(10).joined(separator: ", ") + "; give a fuller name"
  }

  /// `{"count": N, "occasions": [{"date", "quote", "articles"}], "byMonth": {…}}`.
  public struct TallyReport: Hashable, Sendable, Codable {
    public struct Occasion: Hashable, Sendable, Codable {
      /// YYYY-MM-DD, or nil when the statement's day is unknown.
      public var date: String?
      /// YYYY-MM when only the month is known.
      public var month: String?
      public var speaker: String?
      public var quote: String
      public var articles: [String]
      /// Articles that reported it in altered words (a rewrite's misquote); nil when none.
      public var alteredIn: [String]?
      /// Each article's report: outlet, date, title, its words, altered or not.
      public var reports: [Report]
    }
    public var count: Int
    public var occasions: [Occasion]
    /// Occasions per month (YYYY-MM, "unknown" without a date), with `--by month`.
    public var byMonth: [String: Int]?
  }

  /// Counts the distinct occasions on which statements about `about` were made.
  public static func tally(
    _ statements: [Occasions.Statement], about: String?, since: String?, until: String?,
    byMonth: Bool
  ) -> TallyReport {
    let topic = about.map(Occasions.stems) ?? []
    let matching = statements.filter { Occasions.matches($0.text, topic: topic) }
    var occasions = Occasions.group(matching)
    occasions = occasions.filter { occasion in
      let key = occasion.date ?? occasion.month
      if let since, let key, key.prefix(since.count) < since.prefix(key.count) { return false }
      if let until, let key, key.prefix(until.count) > until.prefix(key.count) { return false }
      if key == nil, since != nil || until != nil { return false }
      return true
    }
    var months: [String: Int]?
    if byMonth {
      var counts: [String: Int] = [:]
      for occasion in occasions { counts[occasion.month ?? "unknown", default: 0] += 1 }
      months = counts
    }
    return TallyReport(
      count: occasions.count,
      occasions: occasions.map {
        .init(
          date: $0.date, month: $0.date == nil ? $0.month : nil, speaker: $0.speaker,
          quote: $0.quote, articles: $0.articles,
          alteredIn: $0.alteredIn.isEmpty ? nil : $0.alteredIn, reports: reports($0.members))
      },
      byMonth: months)
  }

  /// One promise in the ledger: `{"speaker", "text", "deadline", "status", "article"}`.
  public struct LedgerEntry: Hashable, Sendable, Codable {
    public var speaker: String?
    public var text: String
    /// YYYY-MM-DD: the last day it can be kept on time; nil for "soon".
    public var deadline: String?
    /// `pending`, `due` or `overdue`.
    public var status: String
    /// The first article that reported it.
    public var article: String
    public var said: String?
    public var deadlineText: String?
    public var horizon: String?
    /// Every article that reported it.
    public var articles: [String]
    /// Each article's report: outlet, date, title.
    public var reports: [Report]
  }

  /// The promises as of `day`, one entry per promise made on one occasion (copies of the
  /// same report are merged), oldest first.
  public static func ledger(_ promises: [StoredPromise], asOf day: CivilDate) -> [LedgerEntry] {
    func report(_ promise: StoredPromise) -> Report {
      Report(
        article: promise.article, articleID: promise.articleID, outlet: promise.outlet,
        title: promise.title, published: promise.published, text: promise.text, altered: false)
    }
    var entries: [(entry: LedgerEntry, stems: Set<String>, said: CivilDate?)] = []
    // Entries by speaker and deadline: a promise is compared with those alone, so a store's
    // whole ledger is not a comparison of every pair.
    struct Key: Hashable {
      var speaker: String?
      var deadline: String?
    }
    var byKey: [Key: [Int]] = [:]
    for promise in promises {
      let stems = Occasions.stems(promise.text)
      let said = promise.said.flatMap(CivilDate.init(iso:))
      let key = Key(speaker: promise.speaker, deadline: promise.deadline)
      if let i = byKey[key, default: []].first(where: { index in
        let existing = entries[index]
        let score = Occasions.similarity(existing.stems, stems)
        guard let a = existing.said, let b = said else {
          return existing.said == nil && said == nil && score >= 0.4
        }
        let delta = abs(a.dayNumber - b.dayNumber)
        return (delta == 0 && score >= 0.15) || (delta <= 3 && score >= 0.6)
      }) {
        if !entries[i].entry.articles.contains(promise.article) {
          entries[i].entry.articles.append(promise.article)
          entries[i].entry.reports.append(report(promise))
        }
        continue
      }
      let status = Promise.status(
        dueDate: promise.deadline.flatMap(CivilDate.init(iso:)), deadline: promise.deadlineValue,
        said: said, on: day)
      byKey[key, default: []].append(entries.count)
      entries.append(
        (
          LedgerEntry(
            speaker: promise.speaker, text: promise.text, deadline: promise.deadline,
            status: status, article: promise.article,
            said: promise.said, deadlineText: promise.deadlineText, horizon: promise.horizon,
            articles: [promise.article], reports: [report(promise)]),
          stems, said
        ))
    }
    return entries.map { item in
      var entry = item.entry
      entry.reports.sort { ($0.published ?? "~", $0.article) < ($1.published ?? "~", $1.article) }
      return entry
    }.sorted { ($0.said ?? "~", $0.text) < ($1.said ?? "~", $1.text) }
  }
}
