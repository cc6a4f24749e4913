import Foundation
import QuotidianStore

/// A record that exports as a CSV row.
protocol CSVExportable: Encodable, Sendable {
  static var csvHeader: [String] { get }
  var csvFields: [String] { get }
}

enum ResponseFormat: String, Sendable {
  case json, csv, jsonl

  var contentType: String {
    switch self {
    case .json: "application/json; charset=utf-8"
    case .csv: "text/csv; charset=utf-8"
    case .jsonl: "application/x-ndjson; charset=utf-8"
    }
  }

  /// `format=` wins; else the Accept header's first known type; else JSON.
  static func negotiate(parameter: String?, accept: String?) -> ResponseFormat {
    if let parameter, let format = ResponseFormat(rawValue: parameter) { return format }
    guard let accept else { return .json }
    for part in accept.split(separator: ",") {
      let type =
        part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
      switch type {
      case "text/csv": return .csv
      case "application/x-ndjson", "application/jsonl", "application/jsonlines": return .jsonl
      case "application/json": return .json
      default: continue
      }
    }
    return .json
  }
}

enum CSV {
  /// Quotes a field when needed; a field that a spreadsheet would run as a formula
  /// (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
  static func field(_ value: String) -> String {
    var value = value
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }

  static func document<Record: CSVExportable>(_ records: [Record]) -> String {
    var out = Record.csvHeader.map(field).joined(separator: ",") + "\r\n"
    for record in records { out += record.csvFields.map(field).joined(separator: ",") + "\r\n" }
    return out
  }
}

extension QuoteItem: CSVExportable {
  static let csvHeader = [
    "id", "speaker", "text", "kind", "cue", "rule", "confidence", "outlet", "published", "title",
    "source",
    "articleID", "start", "end",
  ]
  var csvFields: [String] {
    [
      id, speaker ?? "", text, kind, cue ?? "", rule, String(confidence), outlet ?? "",
      published ?? "", title ?? "",
      source, String(articleID), String(start), String(end),
    ]
  }
}

extension SpeakerSummary: CSVExportable {
  static let csvHeader = [
    "name", "quoteCount", "articleCount", "outlets", "firstQuoted", "lastQuoted", "roles",
  ]
  var csvFields: [String] {
    [
      name, String(quoteCount), String(articleCount), outlets.joined(separator: "; "),
      firstQuoted ?? "",
      lastQuoted ?? "", roles.joined(separator: "; "),
    ]
  }
}

extension EntitySummary: CSVExportable {
  static let csvHeader = [
    "id", "name", "type", "isNamed", "aliases", "roles", "quoteCount", "articleCount",
  ]
  var csvFields: [String] {
    [
      String(id), name, type, isNamed ? "true" : "false", aliases.joined(separator: "; "),
      roles.map(\.phrase).joined(separator: "; "), String(quoteCount), String(articleCount),
    ]
  }
}

extension ArticleSummary: CSVExportable {
  static let csvHeader = ["id", "title", "outlet", "published", "url", "source", "quoteCount"]
  var csvFields: [String] {
    [String(id), title ?? "", outlet ?? "", published ?? "", url ?? "", source, String(quoteCount)]
  }
}

extension DuplicateRecord: CSVExportable {
  static let csvHeader = ["article", "duplicateOf", "kind", "similarity"]
  var csvFields: [String] { [article, duplicateOf, kind, String(similarity)] }
}

extension RewriteRecord: CSVExportable {
  static let csvHeader = [
    "article", "original", "similarity", "sharedQuotes", "alteredQuotes", "diffs",
  ]
  var csvFields: [String] {
    [
      article, original, String(similarity), String(sharedQuotes), String(alteredQuotes.count),
      alteredQuotes.map(\.diff).joined(separator: " | "),
    ]
  }
}

extension StorySummary: CSVExportable {
  static let csvHeader = [
    "id", "title", "articleCount", "firstPublished", "lastPublished", "outlets", "articles",
  ]
  var csvFields: [String] {
    [
      String(id), title, String(articles.count), firstPublished ?? "", lastPublished ?? "",
      outlets.joined(separator: "; "), articles.joined(separator: "; "),
    ]
  }
}

extension StoredClaim: CSVExportable {
  static let csvHeader = [
    "text", "value", "unit", "qualifier", "counted", "speaker", "article", "published",
  ]
  var csvFields: [String] {
    [
      text, valueText, unit ?? "", qualifier ?? "", counted ?? "", speaker ?? "", article,
      published ?? "",
    ]
  }
}

extension StatementRecord: CSVExportable {
  static let csvHeader = ["id", "speaker", "text", "reportCount", "alteredReports", "sources"]
  var csvFields: [String] {
    [
      String(id), speaker ?? "", text, String(reports.count),
      String(reports.filter(\.isAltered).count),
      reports.map(\.source).joined(separator: "; "),
    ]
  }
}

extension StoryArticle: CSVExportable {
  static let csvHeader = ["source", "title", "outlet", "published", "relation", "of"]
  var csvFields: [String] {
    [source, title ?? "", outlet ?? "", published ?? "", relation, of ?? ""]
  }
}

extension Tallies.LedgerEntry: CSVExportable {
  static let csvHeader = [
    "speaker", "text", "deadline", "status", "said", "deadlineText", "horizon", "article",
    "outlet", "reportCount",
  ]
  var csvFields: [String] {
    [
      speaker ?? "", text, deadline ?? "", status, said ?? "", deadlineText ?? "", horizon ?? "",
      article, reports.first?.outlet ?? "", String(reports.count),
    ]
  }
}
