import ArgumentParser
import Foundation
import Quotidian
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

  /// The SQLite store, for the commands that do not work on PostgreSQL yet.
  func openSQLite(for command: String) throws -> SQLiteStore {
    switch try location() {
    case .sqlite(let path): return try SQLiteStore(path: path)
    case .postgres(let postgres):
      throw StoreLocation.notYetOnPostgres(postgres, operation: command)
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

  /// The chosen format; nil means detect. Valid after `validate()`.
  var value: Format? { format.flatMap(Format.init(named:)) }

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
