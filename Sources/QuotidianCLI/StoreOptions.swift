import ArgumentParser
import Foundation
import Quotidian
import QuotidianFetch
import QuotidianReaders
import QuotidianStore

/// `--db PATH|URL`: the store to use; `QUOTIDIAN_DB` or `quotidian.sqlite` by default.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "The store: an SQLite file, or a postgres://user@host:port/database URL (default: $QUOTIDIAN_DB or ./quotidian.sqlite)."
  )
  var db: String?

  var path: String {
    db ?? ProcessInfo.processInfo.environment["QUOTIDIAN_DB"] ?? "quotidian.sqlite"
  }

  /// Where the store is: a file, or a PostgreSQL database (URL and `PG*` variables).
  func location() throws -> StoreLocation {
    try StoreLocation(path, environment: ProcessInfo.processInfo.environment)
  }

  /// The store as messages name it: the path, or the URL without its password.
  var displayName: String { (try? location().description) ?? "the store" }

  /// Whether the store is an SQLite file (rather than a PostgreSQL database).
  var isSQLite: Bool {
    if case .sqlite = try? location() { return true }
    return false
  }

  /// The store for writing (ingest, serve with a token): created and migrated as needed.
  func open() async throws -> any RecordStore {
    try await location().openForWriting()
  }

  /// The store for queries: never created; an SQLite file is opened read-only.
  func openForReading() async throws -> any RecordStore {
    try await location().openForReading()
  }

  /// Where `watch` keeps its state unless told: next to an SQLite store; for PostgreSQL, in
  /// the working directory, named after the database (each machine watching keeps its own).
  func defaultWatchStatePath() throws -> String {
    switch try location() {
    case .sqlite(let path): WatchState.defaultPath(forStore: path)
    case .postgres(let postgres): ".quotidian-watch-\(postgres.database).json"
    }
  }
}

/// `--json`, `--jsonl`, `--csv`, or a table on a terminal.
struct OutputFormatOptions: ParsableArguments {
  @Flag(help: "Write one JSON array.") var json = false
  @Flag(help: "Write JSON Lines, one object per line.") var jsonl = false
  @Flag(help: "Write CSV with a header row.") var csv = false

  enum Kind { case table, json, jsonl, csv }
  var kind: Kind { json ? .json : jsonl ? .jsonl : csv ? .csv : .table }

  func validate() throws {
    if [json, jsonl, csv].filter({ $0 }).count > 1 {
      throw ValidationError("choose one of --json, --jsonl, --csv")
    }
  }
}

/// `--format F`: the input format, detected by content and name when absent.
struct FormatOption: ParsableArguments {
  @Option(
    help: "Input format: \(Format.all.map(\.name).joined(separator: ", ")) (default: detect).")
  var format: String?

  @Flag(help: "Web pages: keep readers' comments after the article (left out by default).")
  var includeComments = false

  /// The chosen format; nil means detect. Valid after `validate()`.
  var value: Format? { format.flatMap(Format.init(named:)) }

  /// What the readers keep.
  var readOptions: ReadOptions { ReadOptions(includeComments: includeComments) }

  func validate() throws {
    if let format, Format(named: format) == nil {
      throw ValidationError("unknown format '\(format)'")
    }
  }
}

/// Bounds on query arguments, checked before the store is opened: bad values are usage
/// errors (exit 2) that say what is wrong.
enum QueryLimits {
  /// Longest name, outlet or search accepted on the command line, in UTF-8 bytes.
  static let maximumTextBytes = 1000

  static func check(limit: Int?) throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, got \(limit)") }
  }

  static func check(text: String?, option: String) throws {
    guard let text, text.utf8.count > maximumTextBytes else { return }
    throw ValidationError(
      "\(option) is too long (\(text.utf8.count) bytes; at most \(maximumTextBytes))")
  }
}
