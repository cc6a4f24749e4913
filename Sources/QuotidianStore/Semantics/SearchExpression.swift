/// A parsed full-text search over quotes, the subset of FTS5 syntax users type: words
/// (implicitly ANDed), `"phrases"`, `prefix*`, `AND`, `OR`, `NOT` and parentheses.
///
/// Every word is quoted when rendered for FTS5, so punctuation in user input ("don't",
/// "U.S.", "co-op") never becomes FTS5 syntax. Terms without any word character ("-", "&")
/// are dropped. Operators are upper case, as in FTS5; "or" is a word.
package indirect enum SearchExpression: Hashable, Sendable {
  /// A phrase as the user typed it (one or more words); with `isPrefix` its last word is a prefix.
  case phrase(String, isPrefix: Bool)
  case and(SearchExpression, SearchExpression)
  case or(SearchExpression, SearchExpression)
  /// Left but not right (FTS5's binary NOT).
  case not(SearchExpression, SearchExpression)

  /// Parses `input`, or throws a `query` error naming the problem.
  package static func parse(_ input: String) throws(StoreError) -> SearchExpression {
    guard input.utf8.count <= maximumBytes else {
      throw StoreError(
        operation: "query",
        reason: "the search is too long (\(input.utf8.count) bytes; at most \(maximumBytes))")
    }
    let tokens = try tokenize(input)
    let terms = tokens.count { if case .term = $0 { true } else { false } }
    guard terms <= maximumTerms else {
      throw StoreError(
        operation: "query",
        reason: "the search has too many words (\(terms); at most \(maximumTerms))")
    }
    var parser = Parser(tokens: tokens, input: input)
    let expression = try parser.parseOr(depth: 0)
    if parser.index < parser.tokens.count { throw parser.error("unexpected ')'") }
    guard let expression else { throw syntaxError(input, "the search has no words") }
    return expression
  }

  /// The expression as an FTS5 query string. A chain of one operator is written flat
  /// (`(a AND b AND c)`), not nested: FTS5's parser has a small stack, and a hundred nested
  /// parentheses overflow it.
  package var fts5: String {
    switch self {
    case .phrase(let text, let isPrefix):
      return "\"" + text.replacing("\"", with: "\"\"") + "\"" + (isPrefix ? "*" : "")
    case .and: return "(" + operands(sameAs: self).map(\.fts5).joined(separator: " AND ") + ")"
    case .or: return "(" + operands(sameAs: self).map(\.fts5).joined(separator: " OR ") + ")"
    case .not(let left, let right): return "(\(left.fts5) NOT \(right.fts5))"
    }
  }

  /// The operands of a chain of `.and` (or of `.or`) in order, however the chain nests.
  private func operands(sameAs root: SearchExpression) -> [SearchExpression] {
    var result: [SearchExpression] = []
    var stack = [self]
    while let node = stack.popLast() {
      switch (root, node) {
      case (.and, .and(let left, let right)), (.or, .or(let left, let right)):
        stack.append(right)
        stack.append(left)
      default:
        result.append(node)
      }
    }
    return result
  }

  /// Most words and phrases in one search.
  package static let maximumTerms = 256
  /// Longest search accepted, in UTF-8 bytes.
  package static let maximumBytes = 4096

  /// Whether a column whose words are `words` (see ``TextFolding/words(_:)``) matches.
  package func matches(_ words: [String]) -> Bool {
    switch self {
    case .phrase(let text, let isPrefix):
      Self.contains(words, phrase: TextFolding.words(text), isPrefix: isPrefix)
    case .and(let left, let right): left.matches(words) && right.matches(words)
    case .or(let left, let right): left.matches(words) || right.matches(words)
    case .not(let left, let right): left.matches(words) && !right.matches(words)
    }
  }

  /// Whether `words` contains `phrase` as consecutive words; with `isPrefix` the last phrase
  /// word need only start a word.
  package static func contains(_ words: [String], phrase: [String], isPrefix: Bool) -> Bool {
    guard !phrase.isEmpty, phrase.count <= words.count else { return false }
    for start in 0...(words.count - phrase.count) {
      var matched = true
      for (offset, word) in phrase.enumerated() {
        let candidate = words[start + offset]
        let isLast = offset == phrase.count - 1
        if isLast && isPrefix ? !candidate.hasPrefix(word) : candidate != word {
          matched = false
          break
        }
      }
      if matched { return true }
    }
    return false
  }

  // MARK: Parsing

  package enum Token: Hashable {
    case term(String, isPrefix: Bool)
    case and, or, not, open, close
  }

  package static let maximumDepth = 16

  package static func syntaxError(_ input: String, _ problem: String) -> StoreError {
    StoreError(operation: "query", reason: "invalid search '\(input)': \(problem)")
  }

  package static func tokenize(_ input: String) throws(StoreError) -> [Token] {
    let bytes = Array(input.utf8)
    var tokens: [Token] = []
    var index = 0
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    while index < bytes.count {
      let byte = bytes[index]
      if isSpace(byte) {
        index += 1
      } else if byte == UInt8(ascii: "(") {
        tokens.append(.open)
        index += 1
      } else if byte == UInt8(ascii: ")") {
        tokens.append(.close)
        index += 1
      } else if byte == UInt8(ascii: "\"") {
        guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else {
          throw syntaxError(input, "unterminated phrase (a '\"' has no closing '\"')")
        }
        let text = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        index = close + 1
        var isPrefix = false
        while index < bytes.count, bytes[index] == UInt8(ascii: "*") {
          isPrefix = true
          index += 1
        }
        tokens.append(.term(text, isPrefix: isPrefix))
      } else {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]),
          ![UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\"")].contains(bytes[index])
        {
          index += 1
        }
        var word = bytes[start..<index]
        var isPrefix = false
        while let last = word.last, last == UInt8(ascii: "*") {
          isPrefix = true
          word = word.dropLast()
        }
        let text = String(decoding: word, as: UTF8.self)
        switch text {
        case "AND" where !isPrefix: tokens.append(.and)
        case "OR" where !isPrefix: tokens.append(.or)
        case "NOT" where !isPrefix: tokens.append(.not)
        default: tokens.append(.term(text, isPrefix: isPrefix))
        }
      }
    }
    return tokens
  }

  /// Recursive descent; each level returns nil when its terms had no words.
  package struct Parser {
    package var tokens: [Token]
    package var input: String
    package var index = 0

    package func error(_ problem: String) -> StoreError {
      SearchExpression.syntaxError(input, problem)
    }

    package var peek: Token? { index < tokens.count ? tokens[index] : nil }

    package mutating func parseOr(depth: Int) throws(StoreError) -> SearchExpression? {
      var left = try parseAnd(depth: depth)
      while peek == .or {
        index += 1
        let right = try parseAnd(depth: depth)
        left = combine(left, right, SearchExpression.or)
      }
      return left
    }

    package mutating func parseAnd(depth: Int) throws(StoreError) -> SearchExpression? {
      var left = try parseNot(depth: depth)
      while true {
        switch peek {
        case .and:
          index += 1
        case .term, .open:
          break
        default:
          return left
        }
        let right = try parseNot(depth: depth)
        left = combine(left, right, SearchExpression.and)
      }
    }

    package mutating func parseNot(depth: Int) throws(StoreError) -> SearchExpression? {
      var left = try parsePrimary(depth: depth)
      while peek == .not {
        index += 1
        let right = try parsePrimary(depth: depth)
        if let leftExpression = left, let right { left = .not(leftExpression, right) }
      }
      return left
    }

    package mutating func parsePrimary(depth: Int) throws(StoreError) -> SearchExpression? {
      switch peek {
      case .term(let text, let isPrefix):
        index += 1
        return TextFolding.words(text).isEmpty ? nil : .phrase(text, isPrefix: isPrefix)
      case .open:
        guard depth < SearchExpression.maximumDepth else {
          throw error("parentheses nested too deeply")
        }
        index += 1
        let inner = try parseOr(depth: depth + 1)
        guard peek == .close else { throw error("missing ')'") }
        index += 1
        return inner
      case .close: throw error("unexpected ')'")
      case .and: throw error("expected a word before AND")
      case .or: throw error("expected a word before OR")
      case .not: throw error("expected a word before NOT")
      case nil:
        if index == 0 { throw error("the search is empty") }
        throw error("expected a word after \(Self.name(of: tokens[index - 1]))")
      }
    }

    package static func name(of token: Token) -> String {
      switch token {
      case .and: "AND"
      case .or: "OR"
      case .not: "NOT"
      case .open: "'('"
      case .close: "')'"
      case .term(let text, _): "'\(text)'"
      }
    }

    package func combine(
      _ left: SearchExpression?, _ right: SearchExpression?,
      _ make: (SearchExpression, SearchExpression) -> SearchExpression
    ) -> SearchExpression? {
      switch (left, right) {
      case (let left?, let right?): make(left, right)
      case (let left?, nil): left
      case (nil, let right): right
      }
    }
  }
}
