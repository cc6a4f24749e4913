import QuotidianStore

/// The full-text search of the PostgreSQL store, built from the same folded words and the
/// same parsed search as SQLite's FTS5 index: the store writes each text's words as a
/// `tsvector` literal (lexeme and position) and turns a ``SearchExpression`` into a
/// `tsquery` literal, so neither a text search configuration nor the server's locale decides
/// what a word is.
enum PostgresSearch {
  /// Highest position a `tsvector` keeps (PostgreSQL's limit); later words share it.
  static let maximumPosition = 16383

  /// The `tsvector` literal of `texts`' words, in order, positions from 1.
  static func vector(_ texts: [String?]) -> String {
    var positions: [String: [Int]] = [:]
    var order: [String] = []
    var position = 0
    for text in texts {
      guard let text else { continue }
      for word in TextFolding.words(text) {
        position = min(position + 1, maximumPosition)
        if positions[word] == nil { order.append(word) }
        if positions[word]?.last != position { positions[word, default: []].append(position) }
      }
      // A gap, so that a phrase never runs from one text into the next.
      position = min(position + 1, maximumPosition)
    }
    return order.map { word in
      lexeme(word) + ":"
        + positions[word, default: []].prefix(256).map(String.init).joined(
          separator: ",")
    }.joined(separator: " ")
  }

  /// `search` as a `tsquery` literal: a phrase is its words joined by `<->` (the last one a
  /// prefix `:*` when asked), `AND` is `&`, `OR` is `|`, and `a NOT b` is `a & !b`.
  static func query(_ search: SearchExpression) -> String {
    switch search {
    case .phrase(let text, let isPrefix):
      let words = TextFolding.words(text)
      let parts = words.enumerated().map { index, word in
        lexeme(word) + (isPrefix && index == words.count - 1 ? ":*" : "")
      }
      return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " <-> ") + ")"
    case .and(let left, let right): return "(" + query(left) + " & " + query(right) + ")"
    case .or(let left, let right): return "(" + query(left) + " | " + query(right) + ")"
    case .not(let left, let right): return "(" + query(left) + " & !" + query(right) + ")"
    }
  }

  /// A lexeme quoted for a `tsvector` or `tsquery` literal.
  static func lexeme(_ word: String) -> String {
    "'" + word.replacing("\\", with: "\\\\").replacing("'", with: "''") + "'"
  }
}
