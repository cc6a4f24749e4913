/// Groups statements reported across articles into occasions, and matches them against a
/// topic by their words: pure pieces of `quotidian tally` and `quotidian ledger`.
///
/// Two reports are one occasion when their words largely agree and they were made the same
/// day, or one of them is dated only by its article and appeared up to three days after the
/// other (a copy or rewrite of an earlier report). Two statements on different days with no
/// such link are two occasions, however alike their words.
public enum Occasions {
  /// One reported statement: a quote, reported speech or a promise, with where it appeared.
  public struct Statement: Hashable, Sendable {
    public var text: String
    public var speaker: String?
    /// ISO 8601 value of `said` ("2025-12-02", "2025-11").
    public var said: String?
    public var granularity: String?
    /// True when the date comes from the text ("on Tuesday"), false when it is the article's.
    public var isDatedByText: Bool
    public var occasion: String?
    public var article: String
    public var published: String?
    /// The report this one repeats, when the store linked it to one: the same key on two
    /// statements (a wire quote and its copy or rewrite) makes them one occasion whatever
    /// their wording and dates.
    public var report: String?
    /// True when a rewrite worded it differently from the report it repeats.
    public var isAltered: Bool
    /// The stored article that carries it, and the report's outlet and title, when known: what
    /// a reader needs to find the report (exact copies share the article, not the outlet).
    public var articleID: Int64?
    public var outlet: String?
    public var title: String?

    public init(
      text: String, speaker: String?, said: String?, granularity: String?, isDatedByText: Bool,
      occasion: String? = nil, article: String, published: String? = nil, report: String? = nil,
      isAltered: Bool = false, articleID: Int64? = nil, outlet: String? = nil, title: String? = nil
    ) {
      self.text = text
      self.speaker = speaker
      self.said = said
      self.granularity = granularity
      self.isDatedByText = isDatedByText
      self.occasion = occasion
      self.article = article
      self.published = published
      self.report = report
      self.isAltered = isAltered
      self.articleID = articleID
      self.outlet = outlet
      self.title = title
    }
  }

  /// One occasion: its date (nil when unknown or not a day), a representative statement and
  /// the articles that reported it.
  public struct Occasion: Hashable, Sendable {
    public var date: String?
    /// "2025-11" when only the month is known.
    public var month: String?
    public var quote: String
    public var speaker: String?
    public var articles: [String]
    public var members: [Statement]
    /// Articles whose report of it altered the words.
    public var alteredIn: [String] {
      var articles: [String] = []
      for member in members where member.isAltered && !articles.contains(member.article) {
        articles.append(member.article)
      }
      return articles.sorted()
    }
  }

  /// Stems of the content words of `text`: lower-cased, stop words removed, suffixes cut.
  public static func stems(_ text: String) -> Set<String> {
    var result = Set<String>()
    var word: [Unicode.Scalar] = []
    func flush() {
      defer { word.removeAll(keepingCapacity: true) }
      guard !word.isEmpty else { return }
      var string = String(String.UnicodeScalarView(word)).lowercased()
      string = String(string.map { $0 == "’" ? "'" : $0 })
      if string.hasSuffix("'s") { string.removeLast(2) }
      if let apostrophe = string.firstIndex(of: "'") { string = String(string[..<apostrophe]) }
      guard !string.isEmpty, !stopWords.contains(string) else { return }
      let stemmed = stem(string)
      result.insert(synonyms[stemmed] ?? stemmed)
    }
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'"
        || scalar == "’"
      {
        word.append(scalar)
      } else {
        flush()
      }
    }
    flush()
    return result
  }

  static let stopWords = Set(English.matchingStopWords)

  /// Stem → the stem of its group's first word ("complet" → "finish").
  static let synonyms: [String: String] = {
    var table: [String: String] = [:]
    for group in English.matchingSynonyms {
      guard let head = group.first.map(stem) else { continue }
      for word in group where stem(word) != head { table[stem(word)] = head }
    }
    return table
  }()

  /// A light suffix-stripping stem: "finished", "finishes", "finishing" → "finish".
  static func stem(_ word: String) -> String {
    guard word.count > 3 else { return word }
    for suffix in English.stemSuffixes
    where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
      var base = String(word.dropLast(suffix.count))
      if suffix == "ies" || suffix == "ied" { base += "y" }
      // "stopped" → "stop", "planned" → "plan".
      if let last = base.last, base.count > 3, base.dropLast().last == last, !"lsz".contains(last) {
        base.removeLast()
      }
      if base.hasSuffix("e"), base.count > 4 { base.removeLast() }
      return base
    }
    if word.hasSuffix("e"), word.count > 4 { return String(word.dropLast()) }
    return word
  }

  /// True when `text` is about `topic`: every content word of a short topic (two words or
  /// fewer), or at least two thirds of a longer one, appear in `text` in some form.
  public static func matches(_ text: String, topic: Set<String>) -> Bool {
    guard !topic.isEmpty else { return true }
    let words = stems(text)
    let shared = topic.intersection(words).count
    if topic.count <= 2 { return shared == topic.count }
    return shared * 3 >= topic.count * 2
  }

  /// Share of words two statements have in common (Jaccard over stems).
  public static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
    guard !a.isEmpty || !b.isEmpty else { return 0 }
    return Double(a.intersection(b).count) / Double(a.union(b).count)
  }

  /// The days a statement may have been made on, as day numbers: its day; the days of its
  /// week ("this week": `2026-05-11/2026-05-17`) or month ("in May"); nil when undated or
  /// vaguer than a month.
  static func days(_ s: Statement) -> ClosedRange<Int>? {
    guard let said = s.said else { return nil }
    switch s.granularity {
    case "day":
      return CivilDate(iso: said).map { $0.dayNumber...$0.dayNumber }
    case "week":
      let ends = said.split(separator: "/")
      guard ends.count == 2, let first = CivilDate(iso: String(ends[0])),
        let last = CivilDate(iso: String(ends[1])), first <= last
      else { return nil }
      return first.dayNumber...last.dayNumber
    case "month":
      guard said.utf8.count == 7, let first = CivilDate(iso: said + "-01") else { return nil }
      return first.dayNumber...CivilDate.lastOfMonth(first.year, first.month).dayNumber
    default:
      return nil
    }
  }

  /// Groups statements into occasions, earliest first.
  ///
  /// Reports of one occasion with different precisions merge when compatible: "this week" or
  /// "in May" joins an occasion on a day of that week or month (and the other way round), with
  /// words alike enough. A statement dated only by its article joins the occasion its article
  /// dates in its own text for the same speaker ("said on Monday in an interview that … " then
  /// "…," she said in the interview): the article names when it was said once.
  public static func group(_ statements: [Statement], threshold: Double = 0.4) -> [Occasion] {
    struct Working {
      var day: CivilDate?
      var month: String?
      /// The days every member allows (members vaguer than a day narrow it).
      var days: ClosedRange<Int>?
      var speaker: String?
      var stems: Set<String>
      var members: [Statement]
      var reports: Set<String>
    }
    func day(_ s: Statement) -> CivilDate? {
      s.granularity == "day" ? s.said.flatMap(CivilDate.init(iso:)) : nil
    }
    // Text-dated statements first, so that article-dated copies join the occasion they report;
    // among them days before vaguer spans, so that a week or month joins the day it contains.
    let ordered = statements.sorted {
      if $0.isDatedByText != $1.isDatedByText { return $0.isDatedByText }
      let precise = ($0.granularity == "day", $1.granularity == "day")
      if $0.isDatedByText, precise.0 != precise.1 { return precise.0 }
      return ($0.said ?? "~", $0.article) < ($1.said ?? "~", $1.article)
    }
    var groups: [Working] = []
    for statement in ordered {
      let words = stems(statement.text)
      let d = day(statement)
      let span = days(statement)
      let month = statement.said.map { String($0.prefix(7)) }
      // A linked report of a statement already grouped: that occasion.
      var chosen = statement.report.flatMap { report in
        groups.firstIndex { $0.reports.contains(report) }
      }
      // Dated only by its article: the occasion the same article dates for this speaker, when
      // it was not after the article appeared.
      if chosen == nil, !statement.isDatedByText {
        var best: (Int, Double)?
        for (g, group) in groups.enumerated() where group.speaker == statement.speaker {
          guard
            group.members.contains(where: {
              $0.isDatedByText && $0.article == statement.article
            })
          else { continue }
          if let d, let gd = group.day, gd > d { continue }
          let score = similarity(words, group.stems)
          if score >= 0.15, best.map({ score > $0.1 }) ?? true { best = (g, score) }
        }
        chosen = best?.0
      }
      var best: (Int, Double)? = chosen.map { ($0, 0) }
      for (g, group) in groups.enumerated()
      where chosen == nil && group.speaker == statement.speaker {
        let score = similarity(words, group.stems)
        var sameOccasion = false
        if let d, let gd = group.day {
          // Same speaker, same topic, same day: one occasion even in other words.
          let delta = d.dayNumber - gd.dayNumber
          sameOccasion =
            (delta == 0 && score >= 0.15)
            || (!statement.isDatedByText && delta > 0 && delta <= 3 && score >= 0.6)
        } else if score < threshold {
          continue
        } else if let span, let groupDays = group.days {
          // Different precisions: compatible when the spans share a day. A report dated by
          // its article may come up to three days after, or (as before) in the same month.
          if statement.isDatedByText {
            sameOccasion = span.overlaps(groupDays)
          } else {
            sameOccasion =
              ((span.lowerBound - 3)...span.upperBound).overlaps(groupDays)
              || (month != nil && month == group.month)
          }
        } else if statement.granularity == "month" || group.day == nil {
          sameOccasion = month != nil && month == group.month
        }
        if sameOccasion, best.map({ score > $0.1 }) ?? true { best = (g, score) }
      }
      if let (g, _) = best {
        groups[g].members.append(statement)
        groups[g].stems.formUnion(words)
        if let report = statement.report { groups[g].reports.insert(report) }
        if let span, let groupDays = groups[g].days, span.overlaps(groupDays) {
          groups[g].days =
            max(
              span.lowerBound, groupDays.lowerBound)...min(
              span.upperBound, groupDays.upperBound)
        } else if groups[g].days == nil {
          groups[g].days = span
        }
        if groups[g].day == nil, let d {
          groups[g].day = d
          groups[g].month = month
        }
      } else {
        groups.append(
          Working(
            day: d, month: month, days: span, speaker: statement.speaker, stems: words,
            members: [statement], reports: statement.report.map { [$0] } ?? []))
      }
    }
    return groups.map { group in
      // The longest unaltered wording speaks for the occasion.
      let unaltered = group.members.filter { !$0.isAltered }
      guard
        let representative = (unaltered.isEmpty ? group.members : unaltered).max(by: {
          $0.text.count < $1.text.count
        })
      else {
        preconditionFailure("an occasion group has at least one member")
      }
      var articles: [String] = []
      for member in group.members where !articles.contains(member.article) {
        articles.append(member.article)
      }
      return Occasion(
        date: group.day?.iso, month: group.month, quote: representative.text,
        speaker: representative.speaker,
        articles: articles.sorted(), members: group.members)
    }.sorted { ($0.date ?? $0.month ?? "~", $0.quote) < ($1.date ?? $1.month ?? "~", $1.quote) }
  }
}
