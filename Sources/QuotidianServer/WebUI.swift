import Foundation
import Hummingbird
import Mustache
import QuotidianStore

/// The server-rendered web UI: Mustache templates (escaping every value), no JavaScript.
/// Every page links its JSON twin (the API route) and a CSV export.
struct WebUI: Sendable {
  let library: MustacheLibrary

  static let templateNames = [
    "layout", "search", "quote", "speaker", "speakers", "article", "error", "stories", "story",
    "rewrites", "tally", "ledger", "claims",
  ]

  init() throws {
    var library = MustacheLibrary()
    for name in Self.templateNames {
      guard let text = Templates.text(named: name) else {
        throw APIError(
          status: .internalServerError, code: "internal", message: "template \(name) is missing")
      }
      try library.register(text, named: name)
    }
    self.library = library
  }

  /// The page `template` rendered with `content`, inside the layout.
  func page(_ template: String, title: String, content: Any, json: String?, csv: String?)
    -> Response
  {
    let body = library.render(content, withTemplate: template) ?? ""
    let layout = Layout(title: title, body: body, json: json, csv: csv)
    return Responses.html(library.render(layout, withTemplate: "layout") ?? "")
  }

  struct Layout {
    var title: String
    var body: String
    var json: String?
    var csv: String?
  }

  static func errorPage(_ error: APIError) -> String {
    let ui = try? WebUI()
    let body = ui?.library.render(error, withTemplate: "error") ?? ""
    return ui?.library.render(
      Layout(title: "Error", body: body, json: nil, csv: nil), withTemplate: "layout")
      ?? "<!doctype html><title>Error</title>"
  }

  // MARK: Links

  /// A query string from name/value pairs, nil values left out.
  static func query(_ pairs: [(String, String?)]) -> String {
    let parts = pairs.compactMap { name, value -> String? in
      guard let value, !value.isEmpty else { return nil }
      return name + "=" + encode(value)
    }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
  }

  static func encode(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  static func speakerPath(_ name: String) -> String { "/speakers/" + encode(name) }

  /// "Outlet · 2025-03-14 · Title", leaving out what is unknown.
  static func origin(outlet: String?, published: String?, title: String?) -> String? {
    let parts = [outlet, published.map { String($0.prefix(10)) }, title].compactMap { $0 }.filter {
      !$0.isEmpty
    }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  // MARK: Search

  struct SearchContent {
    struct Facet {
      var label: String
      var count: Int
      var link: String
      var isSelected: Bool
    }
    struct FacetGroup {
      var name: String
      var facets: [Facet]
    }
    struct Row {
      var quote: QuoteItem
      var link: String
      var speakerLink: String?
      var origin: String?
    }
    var q: String
    var speaker: String
    var outlet: String
    var since: String
    var until: String
    var kind: String
    struct KindOption {
      var value: String
      var isSelected: Bool
    }
    var kinds: [KindOption]
    var rows: [Row]
    var hasRows: Bool
    var facetGroups: [FacetGroup]
    var facetNote: String
    var next: String?
    var count: String
  }

  static let facetScan = 500

  func searchPage(_ request: Request, _ parameters: RequestParameters, api: API) async throws
    -> Response
  {
    let names = API.quoteFilterNames
    let current = names.map { ($0, parameters[$0]) }
    let results = try await api.quotePage(parameters, limit: 25)
    // Facets over the first matches, without the cursor.
    var query = QuoteQuery(
      speaker: parameters["speaker"], search: parameters["search"], since: parameters["since"],
      until: parameters["until"], outlet: parameters["outlet"], limit: Self.facetScan)
    if parameters["kind"] != nil { query.limit = Limits.maximumKindScan }
    var sample = try await api.store.quotes(query)
    if let kind = parameters["kind"] {
      sample = Array(sample.filter { $0.kind == kind }.prefix(Self.facetScan))
    }
    func group(_ name: String, _ parameter: String, _ value: (StoredQuote) -> String?)
      -> SearchContent.FacetGroup
    {
      var counts: [String: Int] = [:]
      for quote in sample {
        if let key = value(quote), !key.isEmpty { counts[key, default: 0] += 1 }
      }
      let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(10)
      return SearchContent.FacetGroup(
        name: name,
        facets: top.map { key, count in
          let selected = parameters[parameter] == key
          let pairs = current.map { $0.0 == parameter ? ($0.0, selected ? nil : key) : $0 }
          return SearchContent.Facet(
            label: key, count: count, link: "/" + Self.query(pairs), isSelected: selected)
        })
    }
    let groups = [
      group("Speaker", "speaker") { $0.speaker },
      group("Outlet", "outlet") { $0.outlet },
      group("Kind", "kind") { $0.kind },
    ].filter { !$0.facets.isEmpty }
    let rows = results.items.map { quote in
      SearchContent.Row(
        quote: quote, link: "/quotes/" + quote.id, speakerLink: quote.speaker.map(Self.speakerPath),
        origin: Self.origin(outlet: quote.outlet, published: quote.published, title: quote.title))
    }
    let offsetNote = parameters["cursor"] == nil ? "" : " (a later page)"
    let content = SearchContent(
      q: parameters["search"] ?? "", speaker: parameters["speaker"] ?? "",
      outlet: parameters["outlet"] ?? "",
      since: parameters["since"] ?? "", until: parameters["until"] ?? "",
      kind: parameters["kind"] ?? "",
      kinds: ["direct", "partial", "indirect"].map {
        .init(value: $0, isSelected: parameters["kind"] == $0)
      }, rows: rows,
      hasRows: !rows.isEmpty, facetGroups: groups,
      facetNote: sample.count >= Self.facetScan
        ? "Facets count the first \(Self.facetScan) matches." : "",
      next: results.nextCursor.map { "/" + Self.query(current + [("cursor", $0)]) },
      count: "\(rows.count) quote\(rows.count == 1 ? "" : "s") shown\(offsetNote)")
    let apiQuery = Self.query(current)
    return page(
      "search", title: "Search quotes", content: content, json: "/api/v1/quotes" + apiQuery,
      csv: "/api/v1/quotes" + (apiQuery.isEmpty ? "?" : apiQuery + "&") + "format=csv")
  }

  // MARK: Quote

  struct QuoteContent {
    struct Segment {
      var text: String
      var mark: String?
    }
    var detail: QuoteDetail
    var speakerLink: String?
    var articleLink: String
    var segments: [Segment]
    var origin: String?
  }

  func quotePage(_ detail: QuoteDetail, api: API) async throws -> Response {
    let article = try await api.store.article(id: detail.article.id)
    let text = article?.text ?? detail.context
    let shift = article == nil ? detail.contextStart : 0
    var marks: [(Range<Int>, String)] = [
      ((detail.quote.start - shift)..<(detail.quote.end - shift), "quote")
    ]
    if let cue = detail.evidence.cueRange {
      marks.append(((cue[0] - shift)..<(cue[1] - shift), "cue"))
    }
    if let mention = detail.evidence.mentionRange {
      marks.append(((mention[0] - shift)..<(mention[1] - shift), "mention"))
    }
    let content = QuoteContent(
      detail: detail, speakerLink: detail.quote.speaker.map(Self.speakerPath),
      articleLink: "/articles/\(detail.article.id)", segments: Self.segments(text, marks: marks),
      origin: Self.origin(
        outlet: detail.article.outlet, published: detail.article.published ?? "undated", title: nil)
    )
    return page(
      "quote", title: "Quote by \(detail.quote.speaker ?? "an unknown speaker")", content: content,
      json: "/api/v1/quotes/" + detail.quote.id,
      csv: "/api/v1/quotes/" + detail.quote.id + "?format=csv")
  }

  /// `text` cut into runs, each marked with the class of the range covering it (ranges in
  /// scalar offsets; overlapping later ranges yield to earlier ones).
  static func segments(_ text: String, marks: [(Range<Int>, String)]) -> [QuoteContent.Segment] {
    let scalars = Array(text.unicodeScalars)
    var classes = [String?](repeating: nil, count: scalars.count)
    for (range, name) in marks.reversed() {
      let clamped =
        max(
          0, range.lowerBound)..<min(scalars.count, max(max(0, range.lowerBound), range.upperBound))
      for index in clamped { classes[index] = name }
    }
    var segments: [QuoteContent.Segment] = []
    var start = 0
    while start < scalars.count {
      var end = start + 1
      while end < scalars.count, classes[end] == classes[start] { end += 1 }
      segments.append(
        .init(text: String(String.UnicodeScalarView(scalars[start..<end])), mark: classes[start]))
      start = end
    }
    return segments
  }

  // MARK: Speakers

  struct SpeakersContent {
    struct Row {
      var speaker: SpeakerSummary
      var link: String
      var roles: String
    }
    var rows: [Row]
    var outlet: String
  }

  func speakersPage(_ parameters: RequestParameters, api: API) async throws -> Response {
    let speakers = try await api.store.speakers(
      SpeakerQuery(limit: 100, outlet: parameters["outlet"]))
    let content = SpeakersContent(
      rows: speakers.map {
        .init(speaker: $0, link: Self.speakerPath($0.name), roles: $0.roles.joined(separator: "; "))
      },
      outlet: parameters["outlet"] ?? "")
    let query = Self.query([("outlet", parameters["outlet"])])
    return page(
      "speakers", title: "Speakers", content: content, json: "/api/v1/speakers" + query,
      csv: "/api/v1/speakers" + Self.query([("outlet", parameters["outlet"]), ("format", "csv")]))
  }

  struct SpeakerContent {
    struct Bar {
      var x: Int
      var y: Int
      var height: Int
      var month: String
      var count: Int
      var labelX: Int
      var showLabel: Bool
    }
    struct RoleRow {
      var phrase: String
      var status: String
      var seen: String
    }
    struct QuoteRow {
      var quote: StoredQuote
      var link: String
      var origin: String?
    }
    var profile: SpeakerProfile
    var otherNames: [String]
    var hasOtherNames: Bool
    var roles: [RoleRow]
    var hasRoles: Bool
    var bars: [Bar]
    var hasBars: Bool
    var chartWidth: Int
    var chartHeight: Int
    var maximum: Int
    var axisY: Int
    var quotes: [QuoteRow]
    var span: String
    var tallyLink: String
    var ledgerLink: String
    var claimsLink: String
  }

  /// Months from the first to the last month with quotes, each a bar (empty months too).
  static func bars(_ byMonth: [String: Int], height: Int) -> [SpeakerContent.Bar] {
    let months = byMonth.keys.sorted()
    guard let first = months.first, let last = months.last,
      let firstYear = Int(first.prefix(4)), let firstMonth = Int(first.suffix(2)),
      let lastYear = Int(last.prefix(4)), let lastMonth = Int(last.suffix(2))
    else { return [] }
    var all: [String] = []
    var year = firstYear
    var month = firstMonth
    while (year, month) <= (lastYear, lastMonth), all.count < 240 {
      all.append(String(format: "%04d-%02d", year, month))
      month += 1
      if month > 12 {
        month = 1
        year += 1
      }
    }
    let widest = max(1, byMonth.values.max() ?? 1)
    // A label is wider than a bar: at most every other month is labelled, at most twelve.
    let step = all.count > 1 ? max(2, (all.count + 11) / 12) : 1
    return all.enumerated().map { index, key in
      let count = byMonth[key] ?? 0
      let barHeight = count == 0 ? 0 : max(2, count * height / widest)
      return SpeakerContent.Bar(
        x: 40 + index * 28, y: 10 + height - barHeight, height: barHeight, month: key, count: count,
        labelX: 40 + index * 28 + 11, showLabel: index % step == 0)
    }
  }

  func speakerPage(_ profile: SpeakerProfile) -> Response {
    let height = 120
    let bars = Self.bars(profile.quotesByMonth, height: height)
    let latest = profile.latestQuotes.map { quote in
      SpeakerContent.QuoteRow(
        quote: quote,
        link: "/quotes/" + QuoteID(articleID: quote.articleID, start: quote.start).text,
        origin: Self.origin(outlet: quote.outlet, published: quote.published, title: quote.title))
    }
    let others = profile.names.filter { $0 != profile.name }
    let roles = profile.roles.map { role in
      let seen = [role.firstSeen, role.lastSeen].compactMap { $0 }
      return SpeakerContent.RoleRow(
        phrase: role.phrase, status: role.status,
        seen: Set(seen).count == 2 ? "\(seen[0]) – \(seen[1])" : (seen.first ?? ""))
    }
    let content = SpeakerContent(
      profile: profile, otherNames: others, hasOtherNames: !others.isEmpty, roles: roles,
      hasRoles: !roles.isEmpty,
      bars: bars, hasBars: !bars.isEmpty, chartWidth: 60 + bars.count * 28,
      chartHeight: height + 40,
      maximum: profile.quotesByMonth.values.max() ?? 0, axisY: 10 + height, quotes: latest,
      span: [profile.firstQuoted, profile.lastQuoted].compactMap { $0 }.joined(separator: " – "),
      tallyLink: "/tally" + Self.query([("speaker", profile.name)]),
      ledgerLink: "/ledger" + Self.query([("speaker", profile.name)]),
      claimsLink: "/claims" + Self.query([("speaker", profile.name)]))
    return page(
      "speaker", title: profile.name, content: content,
      json: "/api/v1/speakers/" + Self.encode(profile.name),
      csv: "/api/v1/quotes" + Self.query([("speaker", profile.name), ("format", "csv")]))
  }

  // MARK: Article

  struct ArticleContent {
    struct QuoteRow {
      var quote: QuoteItem
      var link: String
      var speakerLink: String?
    }
    var article: StoredArticle
    var segments: [QuoteContent.Segment]
    var quotes: [QuoteRow]
  }

  func articlePage(_ article: StoredArticle) -> Response {
    let marks = article.quotes.map { ($0.start..<$0.end, "quote") }
    let quotes = article.quotes.map { record in
      let item = QuoteItem(record, in: article)
      return ArticleContent.QuoteRow(
        quote: item, link: "/quotes/" + item.id, speakerLink: item.speaker.map(Self.speakerPath))
    }
    let content = ArticleContent(
      article: article, segments: Self.segments(article.text, marks: marks), quotes: quotes)
    return page(
      "article", title: article.title ?? "Article \(article.id)", content: content,
      json: "/api/v1/articles/\(article.id)", csv: "/api/v1/articles/\(article.id)?format=csv")
  }

  // MARK: Stories and rewrites

  struct StoriesContent {
    struct Row {
      var story: StorySummary
      var link: String
      var span: String
      var count: Int
      var events: Int
    }
    var rows: [Row]
    var hasRows: Bool
  }

  func storiesPage(api: API) async throws -> Response {
    let stories = try await api.store.stories(StoryQuery(limit: 100))
    let rows = stories.map { story in
      StoriesContent.Row(
        story: story, link: "/stories/\(story.id)",
        span: [story.firstPublished, story.lastPublished].compactMap { $0 }.joined(
          separator: " – "),
        count: story.articles.count, events: story.events.count)
    }
    return page(
      "stories", title: "Stories", content: StoriesContent(rows: rows, hasRows: !rows.isEmpty),
      json: "/api/v1/stories", csv: "/api/v1/stories?format=csv")
  }

  /// A storyline as a timeline: a date axis with a mark per event, then the events in order.
  struct StoryContent {
    struct Event {
      var event: StoryEvent
      var span: String
      /// Where the event sits on the axis, in percent of its width.
      var offset: String
      var anchor: String
      var hasAltered: Bool
      var hasSpeakers: Bool
    }
    var story: StoryDetail
    var eventCount: Int
    var span: String
    var events: [Event]
    var axisStart: String
    var axisEnd: String
  }

  func storyPage(_ story: StoryDetail) -> Response {
    func day(_ date: String?) -> Int? { date.flatMap(PublishedDay.number) }
    let first = day(story.firstPublished)
    let last = day(story.lastPublished)
    let width = max(1, (last ?? 0) - (first ?? 0))
    let events = story.events.map { event in
      var percent = 0.0
      if let start = first, let at = day(event.firstPublished) {
        percent = min(100, max(0, Double(at - start) * 100 / Double(width)))
      }
      return StoryContent.Event(
        event: event,
        span: Self.span(event.firstPublished, event.lastPublished),
        offset: String(format: "%.1f", percent), anchor: "event-\(event.id)",
        hasAltered: event.alteredQuotes > 0, hasSpeakers: !event.speakers.isEmpty)
    }
    return page(
      "story", title: story.title,
      content: StoryContent(
        story: story, eventCount: events.count,
        span: Self.span(story.firstPublished, story.lastPublished), events: events,
        axisStart: story.firstPublished ?? "",
        axisEnd: story.lastPublished ?? ""),
      json: "/api/v1/stories/\(story.id)", csv: "/api/v1/stories/\(story.id)?format=csv")
  }

  static func span(_ first: String?, _ last: String?) -> String {
    let dates = [first, last].compactMap { $0 }
    guard let start = dates.first else { return "undated" }
    return dates.last == start ? start : dates.joined(separator: " – ")
  }

  struct RewritesContent {
    struct Altered {
      var quote: AlteredQuote
      var segments: [DiffSegment]
      var changes: String
    }
    struct Row {
      var rewrite: RewriteRecord
      var altered: [Altered]
      var hasAltered: Bool
    }
    var rows: [Row]
    var hasRows: Bool
  }

  struct DiffSegment {
    var text: String
    var deleted: Bool
    var inserted: Bool
  }

  /// Splits a word diff (`[-deleted-]`, `{+inserted+}`) into runs to show as del/ins.
  static func diffSegments(_ diff: String) -> [DiffSegment] {
    var segments: [DiffSegment] = []
    var rest = Substring(diff)
    while !rest.isEmpty {
      let deletion = rest.range(of: "[-")
      let insertion = rest.range(of: "{+")
      let next = [deletion, insertion].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }
      guard let next else {
        segments.append(.init(text: String(rest), deleted: false, inserted: false))
        break
      }
      if next.lowerBound > rest.startIndex {
        segments.append(
          .init(text: String(rest[..<next.lowerBound]), deleted: false, inserted: false))
      }
      let isDeletion = next == deletion
      let closing = isDeletion ? "-]" : "+}"
      guard let end = rest[next.upperBound...].range(of: closing) else {
        segments.append(
          .init(text: String(rest[next.lowerBound...]), deleted: false, inserted: false))
        break
      }
      segments.append(
        .init(
          text: String(rest[next.upperBound..<end.lowerBound]), deleted: isDeletion,
          inserted: !isDeletion))
      rest = rest[end.upperBound...]
    }
    return segments
  }

  func rewritesPage(api: API) async throws -> Response {
    let rewrites = try await api.store.rewrites(LinkQuery(limit: 100))
    let rows = rewrites.map { rewrite in
      let altered = rewrite.alteredQuotes.map {
        RewritesContent.Altered(
          quote: $0, segments: Self.diffSegments($0.diff),
          changes: $0.changes.joined(separator: ", "))
      }
      return RewritesContent.Row(rewrite: rewrite, altered: altered, hasAltered: !altered.isEmpty)
    }
    return page(
      "rewrites", title: "Rewrites", content: RewritesContent(rows: rows, hasRows: !rows.isEmpty),
      json: "/api/v1/rewrites", csv: "/api/v1/rewrites?format=csv")
  }
}
