import ArgumentParser
import Foundation
import QuotidianReaders
import QuotidianStore

/// `--db PATH`: the store to use; `QUOTIDIAN_DB` or `quotidian.sqlite` by default.
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: "The SQLite store (default: $QUOTIDIAN_DB or ./quotidian.sqlite).")
  var db: String?

  var path: String {
    db ?? ProcessInfo.processInfo.environment["QUOTIDIAN_DB"] ?? "quotidian.sqlite"
  }

  func open() throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: path)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
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
  @Option(help: "Input format: \(Format.all.map(\.name).joined(separator: ", ")) (default: detect).")
  var format: String?

  /// The chosen format; nil means detect. Valid after `validate()`.
  var value: Format? { format.flatMap(Format.init(named:)) }

  func validate() throws {
    if let format, Format(named: format) == nil {
      throw ValidationError("unknown format '\(format)'")
    }
  }
}
