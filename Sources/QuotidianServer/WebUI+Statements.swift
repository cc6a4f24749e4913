import Foundation
import Hummingbird
import QuotidianCore
import QuotidianStore

/// The pages of `tally`, `ledger` and `claims`: an editor's questions ("how many times has she
/// promised this, and who reported it how?") answered on one page each.
extension WebUI {
  /// One article's report, ready to show: every field a plain string.
  struct ReportRow {
    var outlet: String
    var published: String
    var label: String
    var link: String?
    var altered: Bool
    var text: String
  }

  static func reportRows(_ reports: [Tallies.Report]) -> [ReportRow] {
    reports.map { report in
      ReportRow(
        outlet: report.outlet ?? "",
        published: report.published.map { String($0.prefix(10)) } ?? "",
        label: report.title ?? report.article, link: report.articleID.map { "/articles/\($0)" },
        altered: report.altered, text: report.text)
    }
  }

  /// The query string of the parameters `names` that are set.
  static func query(_ parameters: RequestParameters, _ names: [String]) -> String {
    query(names.map { ($0, parameters[$0]) })
  }

  // MARK: Tally

  struct TallyContent {
    struct Occasion {
      var when: String
      var quote: String
      var speaker: String
      var speakerLink: String?
      var reportCount: String
      var alteredCount: Int
      var hasAltered: Bool
      var reports: [ReportRow]
    }
    var speaker: String
    var about: String
    var since: String
    var until: String
    var hasReport: Bool
    var heading: String
    var occasions: [Occasion]
    var hasOccasions: Bool
    /// Set when only the first ``WebUI/tallyShown`` occasions are shown.
    var more: String?
    var bars: [SpeakerContent.Bar]
    var hasBars: Bool
    var chartWidth: Int
    var chartHeight: Int
    var maximum: Int
    var axisY: Int
  }

  func tallyPage(_ report: Tallies.TallyReport?, _ parameters: RequestParameters) -> Response {
    let names = ["speaker", "about", "since", "until"]
    let occasions = (report?.occasions ?? []).prefix(Self.tallyShown).map { occasion in
      let reports = Self.reportRows(occasion.reports)
      let altered = reports.filter(\.altered).count
      return TallyContent.Occasion(
        when: occasion.date ?? occasion.month.map { "\($0) (month)" } ?? "undated",
        quote: Self.trimmed(occasion.quote), speaker: occasion.speaker ?? "",
        speakerLink: occasion.speaker.map(Self.speakerPath),
        reportCount: "\(reports.count) report\(reports.count == 1 ? "" : "s")",
        alteredCount: altered, hasAltered: altered > 0, reports: reports)
    }
    var months: [String: Int] = [:]
    for occasion in report?.occasions ?? [] {
      if let month = occasion.month ?? occasion.date.map({ String($0.prefix(7)) }) {
        months[month, default: 0] += 1
      }
    }
    let height = 80
    let bars = Self.bars(months, height: height)
    // The person the name found (the query may be a surname alone).
    let speaker =
      Tallies.people((report?.occasions ?? []).compactMap(\.speaker)).first
      ?? parameters["speaker"] ?? ""
    let about = parameters["about"].map { " about “\($0)”" } ?? ""
    let count = report?.count ?? 0
    let content = TallyContent(
      speaker: parameters["speaker"] ?? "", about: parameters["about"] ?? "",
      since: parameters["since"] ?? "",
      until: parameters["until"] ?? "", hasReport: report != nil,
      heading: "\(speaker): \(count) occasion\(count == 1 ? "" : "s")\(about)",
      occasions: Array(occasions), hasOccasions: !occasions.isEmpty,
      more: count > occasions.count
        ? "The first \(occasions.count) of \(count) occasions; narrow by topic or dates." : nil,
      bars: bars, hasBars: !bars.isEmpty,
      chartWidth: 60 + bars.count * 28, chartHeight: height + 40,
      maximum: months.values.max() ?? 0, axisY: 10 + height)
    let json = report == nil ? nil : "/api/v1/tally" + Self.query(parameters, names)
    return page("tally", title: "Tally", content: content, json: json, csv: nil)
  }

  /// A quote without the comma or colon that led into its attribution ("…my word," she said).
  static func trimmed(_ quote: String) -> String {
    var text = Substring(quote)
    while let last = text.last, last == "," || last == ":" || last == " " { text = text.dropLast() }
    return text.isEmpty ? quote : String(text)
  }

  // MARK: Ledger

  struct LedgerContent {
    struct Row {
      var entry: Tallies.LedgerEntry
      var text: String
      var speaker: String
      var speakerLink: String?
      var deadline: String
      var said: String
      var reports: [ReportRow]
    }
    struct Section {
      var name: String
      var note: String
      var status: String
      var rows: [Row]
      var count: Int
      /// Set when the section shows only its first ``WebUI/ledgerShown`` promises.
      var more: String?
    }
    var speaker: String
    var asOf: String
    var statusOptions: [StatusOption]
    var sections: [Section]
    var summary: String
    var hasEntries: Bool
  }

  struct StatusOption {
    var value: String
    var isSelected: Bool
  }

  func ledgerPage(
    _ entries: [Tallies.LedgerEntry], asOf day: CivilDate, _ parameters: RequestParameters
  ) -> Response {
    let notes = [
      "overdue":
        "The deadline has passed (or, with no deadline, more than 90 days since it was said).",
      "due": "The deadline falls in the current period.",
      "pending": "The deadline is still ahead.",
    ]
    let sections = ["overdue", "due", "pending"].compactMap { status -> LedgerContent.Section? in
      let all = entries.filter { $0.status == status }
      let rows = all.prefix(Self.ledgerShown).map { entry in
        LedgerContent.Row(
          entry: entry, text: Self.trimmed(entry.text), speaker: entry.speaker ?? "",
          speakerLink: entry.speaker.map(Self.speakerPath),
          deadline: entry.deadline ?? entry.horizon ?? entry.deadlineText ?? "none stated",
          said: entry.said ?? "undated", reports: Self.reportRows(entry.reports))
      }
      guard !rows.isEmpty else { return nil }
      return LedgerContent.Section(
        name: status.prefix(1).uppercased() + status.dropFirst(), note: notes[status] ?? "",
        status: status, rows: Array(rows), count: all.count,
        more: all.count > rows.count
          ? "The first \(rows.count) of \(all.count); narrow by speaker, or export them all."
          : nil)
    }
    let summary = sections.map { "\($0.count) \($0.status)" }.joined(separator: " · ")
    let content = LedgerContent(
      speaker: parameters["speaker"] ?? "", asOf: day.iso,
      statusOptions: ["pending", "due", "overdue"].map {
        StatusOption(value: $0, isSelected: parameters["status"] == $0)
      }, sections: sections,
      summary: "As of \(day.iso): " + (summary.isEmpty ? "no promise" : summary),
      hasEntries: !sections.isEmpty)
    let apiQuery = Self.query(
      [("speaker", parameters["speaker"]), ("asOf", day.iso), ("status", parameters["status"])])
    return page(
      "ledger", title: "Ledger", content: content, json: "/api/v1/ledger" + apiQuery,
      csv: "/api/v1/ledger" + apiQuery + "&format=csv")
  }

  // MARK: Claims

  struct ClaimsContent {
    struct Row {
      var claim: StoredClaim
      var value: String
      var speakerLink: String?
      var articleLink: String?
      var published: String
      /// The article's title (its source when untitled) and outlet.
      var label: String
      var outlet: String
    }
    var about: String
    var speaker: String
    var since: String
    var until: String
    var rows: [Row]
    var hasRows: Bool
    var count: String
  }

  static let claimsShown = 100
  static let ledgerShown = 100
  static let tallyShown = 200

  /// "520000000" as "520,000,000"; fractions and signs kept.
  static func grouped(_ number: String) -> String {
    let negative = number.hasPrefix("-")
    let unsigned = negative ? String(number.dropFirst()) : number
    let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = Array(parts[0])
    guard whole.count > 4, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else {
      return number
    }
    var out = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    if parts.count > 1 { out += "." + parts[1] }
    return (negative ? "-" : "") + out
  }

  func claimsPage(_ parameters: RequestParameters, api: API) async throws -> Response {
    let names = ["about", "speaker", "since", "until"]
    let claims = try await api.store.claims(
      ClaimQuery(
        about: parameters["about"], speaker: parameters["speaker"], since: parameters["since"],
        until: parameters["until"], limit: Self.claimsShown + 1))
    // Each shown article's title and outlet: one keyed look-up per article.
    var summaries: [Int64: ArticleSummary] = [:]
    for id in Set(claims.prefix(Self.claimsShown).compactMap(\.articleID)) {
      let found = try await api.store.articles(ArticleQuery(afterID: id - 1, limit: 1))
      if let summary = found.first, summary.id == id { summaries[id] = summary }
    }
    let rows = claims.prefix(Self.claimsShown).map { claim in
      let summary = claim.articleID.flatMap { summaries[$0] }
      return ClaimsContent.Row(
        claim: claim, value: Self.grouped(claim.valueText),
        speakerLink: claim.speaker.map(Self.speakerPath),
        articleLink: claim.articleID.map { "/articles/\($0)" },
        published: claim.published.map { String($0.prefix(10)) } ?? "",
        label: summary?.title ?? claim.article, outlet: summary?.outlet ?? "")
    }
    let more = claims.count > Self.claimsShown
    let content = ClaimsContent(
      about: parameters["about"] ?? "", speaker: parameters["speaker"] ?? "",
      since: parameters["since"] ?? "", until: parameters["until"] ?? "", rows: Array(rows),
      hasRows: !rows.isEmpty,
      count: more
        ? "The first \(Self.claimsShown) claims; narrow the search, or export them all."
        : "\(rows.count) claim\(rows.count == 1 ? "" : "s")")
    let apiQuery = Self.query(parameters, names)
    return page(
      "claims", title: "Claims", content: content, json: "/api/v1/claims" + apiQuery,
      csv: "/api/v1/claims" + (apiQuery.isEmpty ? "?" : apiQuery + "&") + "format=csv")
  }
}
