import Foundation

/// Writes records as a table (terminal), JSON, JSON Lines or CSV on stdout.
enum TableOutput {
  static func write<Record: Encodable>(
    _ records: [Record], columns: [String], rows: [[String]], kind: OutputFormatOptions.Kind
  ) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    switch kind {
    case .json:
      encoder.outputFormatting.insert(.prettyPrinted)
      emit(String(decoding: try encoder.encode(records), as: UTF8.self))
    case .jsonl:
      for record in records { emit(String(decoding: try encoder.encode(record), as: UTF8.self)) }
    case .csv:
      emit(columns.map(csvField).joined(separator: ","))
      for row in rows { emit(row.map(csvField).joined(separator: ",")) }
    case .table:
      emit(table(columns: columns, rows: rows))
    }
  }

  private static func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  static func csvField(_ value: String) -> String {
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }

  /// Columns padded to their widest cell; long cells cut to 70 characters, new lines flattened.
  static func table(columns: [String], rows: [[String]]) -> String {
    let limit = 70
    let cells = ([columns] + rows).map { row in
      row.map { cell -> String in
        let flat = cell.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
      }
    }
    var widths = Array(repeating: 0, count: columns.count)
    for row in cells {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var lines: [String] = []
    for (number, row) in cells.enumerated() {
      let padded = row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }
      lines.append(padded.joined(separator: "  "))
      if number == 0 {
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      }
    }
    if rows.isEmpty { lines.append("(none)") }
    return lines.joined(separator: "\n")
  }
}
