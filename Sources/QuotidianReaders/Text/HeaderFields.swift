import Foundation

/// Recognises the short lines of an article's header block: dates, bylines, outlets, sections.
/// Works on single lines (a few per article), so it uses `String` for clarity.
enum HeaderFields {
  /// What a header line holds.
  enum Field: Equatable {
    case date(String)
    case byline(authors: [String], date: String?)
    case outlet(String)
    case section
    /// A line of parts ("By Ilse Marchetti | Highland Weekly | March 17, 2026", "The Delta
    /// Courier | Online | March 12, 2026"): whichever of authors, outlet and date it gives.
    case combined(authors: [String], outlet: String?, date: String?)
  }

  /// Classifies one trimmed header line, or nil when it is not a header field.
  /// `preferOutlet` resolves the ambiguity of a capitalised two-word line after the authors.
  static func classify(_ line: String, haveAuthors: Bool) -> Field? {
    guard !line.isEmpty, line.utf8.count <= 160 else { return nil }
    if let date = isoDate(in: line) { return .date(date) }
    if TextLexicon.sections.contains(line.lowercased()) { return .section }
    if let combined = combined(line) { return combined }
    if let byline = byline(line) { return byline }
    if let outlet = outlet(line) { return .outlet(outlet) }
    if !haveAuthors, let names = personNames(line) { return .byline(authors: names, date: nil) }
    if haveAuthors, isCapitalisedName(line) { return .outlet(line) }
    return nil
  }

  // MARK: Dates

  /// The ISO date (`YYYY-MM-DD`) that a date line states, or nil when the line is not a date.
  /// Accepts "December 24, 2025", "Dec. 24, 2025", "24 December 2025", "2025-12-24" (with an
  /// optional time), optionally after "Published", "Updated", a weekday, and before a time.
  static func isoDate(in line: String) -> String? {
    var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    while let first = words.first,
      TextLexicon.dateLeadWords.contains(first.lowercased().trimmingSuffix(",:"))
    {
      words.removeFirst()
    }
    guard !words.isEmpty, words.count <= 9 else { return nil }
    if let iso = isoPrefix(words[0]) {
      return words.count <= 3 ? iso : nil
    }
    guard words.count >= 3 else { return nil }
    let first = words[0].lowercased().trimmingSuffix(".,")
    let second = words[1].lowercased().trimmingSuffix(".,")
    var month: Int?
    var day: Int?
    if let m = TextLexicon.months[first], let d = Int(second) {
      (month, day) = (m, d)
    } else if let d = Int(first), let m = TextLexicon.months[second] {
      (month, day) = (m, d)
    }
    guard let month, let day, (1...31).contains(day) else { return nil }
    guard let year = Int(words[2].trimmingSuffix(".,")), (1800...2200).contains(year) else {
      return nil
    }
    // What follows must look like a time ("at 3:05 p.m. ET", "10:00 AM").
    let rest = words.dropFirst(3)
    guard rest.count <= 4, rest.allSatisfy(isTimeWord) else { return nil }
    return format(year: year, month: month, day: day)
  }

  private static func isTimeWord(_ word: String) -> Bool {
    let lower = word.lowercased()
    if [
      "at", "am", "pm", "a.m.", "p.m.", "et", "est", "edt", "pt", "pst", "pdt", "utc", "gmt", "|",
      "-", "\u{2014}",
    ]
    .contains(lower) {
      return true
    }
    return lower.contains(":")
      && lower.allSatisfy {
        $0.isNumber || $0 == ":" || $0 == "." || $0 == "a" || $0 == "p" || $0 == "m"
      }
  }

  /// `YYYY-MM-DD` at the start of `word` (as in ISO 8601 date-times), validated.
  static func isoPrefix(_ word: String) -> String? {
    let bytes = Array(word.utf8)
    guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard ByteText.isDigit(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    guard bytes.count == 10 || bytes[10] == 0x54 || bytes[10] == 0x20 else { return nil }
    guard (1800...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else {
      return nil
    }
    return format(year: year, month: month, day: day)
  }

  private static func format(year: Int, month: Int, day: Int) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  // MARK: Bylines

  /// Labels a header line may carry between its parts ("Online", "Print").
  static let partLabels: Set<String> = [
    "online", "print", "web", "updated", "opinion", "news", "world",
  ]

  /// A line of two or more parts separated by `|`, `·` or `•`, each a date, an outlet, a
  /// section word or (first) a byline; nil unless every part is one of these and the line
  /// gives an outlet (plain "By … | date" lines are bylines).
  static func combined(_ line: String) -> Field? {
    let parts = line.split(whereSeparator: { $0 == "|" || $0 == "\u{00B7}" || $0 == "\u{2022}" })
      .map { $0.trimming(" \t") }.filter { !$0.isEmpty }
    guard parts.count >= 2 else { return nil }
    var authors: [String] = []
    var outlet: String?
    var date: String?
    for (index, part) in parts.enumerated() {
      let lower = part.lowercased()
      if let found = isoDate(in: part) {
        date = date ?? found
      } else if TextLexicon.sections.contains(lower) || partLabels.contains(lower) {
        continue
      } else if index == 0, lower.hasPrefix("by "),
        let names = personNames(part, allowSingleWord: true)
      {
        authors = names
      } else if let name = self.outlet(part) {
        outlet = outlet ?? name
      } else {
        return nil
      }
    }
    guard outlet != nil else { return nil }
    return .combined(authors: authors, outlet: outlet, date: date)
  }

  /// "By Jane Roe", "By Jane Roe and John Doe | March 3, 2026", "Jane Roe · 2026-03-03".
  static func byline(_ line: String) -> Field? {
    let parts = line.split(whereSeparator: { $0 == "|" || $0 == "\u{00B7}" || $0 == "\u{2022}" })
      .map { $0.trimming(" \t") }.filter { !$0.isEmpty }
    guard let firstPart = parts.first else { return nil }
    var date: String?
    for part in parts.dropFirst() {
      if let found = isoDate(in: part) { date = found } else if outlet(part) == nil { return nil }
    }
    let hasBy = firstPart.lowercased().hasPrefix("by ")
    var namesText = hasBy ? String(firstPart.dropFirst(3)) : firstPart
    // "From Harriet Ashdown in Kelmar": a correspondent's byline with the place.
    if firstPart.hasPrefix("From "), let range = firstPart.range(of: " in ") {
      let names = String(
        firstPart[firstPart.index(firstPart.startIndex, offsetBy: 5)..<range.lowerBound])
      let place = firstPart[range.upperBound...]
      if let head = place.unicodeScalars.first, head.properties.isUppercase,
        place.split(separator: " ").count <= 4,
        let people = personNames(names)
      {
        return .byline(authors: people, date: date)
      }
    }
    if firstPart.hasPrefix("From ") { namesText = firstPart }
    guard hasBy || parts.count > 1 else { return nil }
    guard let names = personNames(namesText, allowSingleWord: hasBy) else { return nil }
    return .byline(authors: names, date: date)
  }

  /// The people a name line lists ("Jane Roe", "Jane Roe and John Doe", "A, B and C").
  static func personNames(_ text: String, allowSingleWord: Bool = false) -> [String]? {
    var text = text.trimming(" \t")
    if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
    guard !text.isEmpty, text.utf8.count <= 120 else { return nil }
    var names: [String] = []
    for comma in text.split(separator: ",") {
      for piece in comma.replacingOccurrences(of: " & ", with: " and ").components(
        separatedBy: " and ")
      {
        let name = piece.trimming(" \t")
        if name.isEmpty || name == "and" { continue }
        guard isPersonName(name, allowSingleWord: allowSingleWord) else { return nil }
        names.append(name.hasPrefix("and ") ? String(name.dropFirst(4)) : name)
      }
    }
    return names.isEmpty ? nil : names
  }

  /// Two to five words, each capitalised (or an initial, or a particle such as "de").
  static func isPersonName(_ name: String, allowSingleWord: Bool = false) -> Bool {
    let words = name.split(separator: " ")
    guard (allowSingleWord ? 1 : 2)...5 ~= words.count else { return false }
    guard let first = words.first, !TextLexicon.nonNameWords.contains(String(first)) else {
      return false
    }
    for word in words {
      if TextLexicon.nameParticles.contains(String(word)) { continue }
      guard let head = word.unicodeScalars.first, head.properties.isUppercase else { return false }
      guard !word.contains(where: { $0.isNumber }) else { return false }
      if TextLexicon.outletWords.contains(String(word)) { return false }
      guard
        word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "\u{2019}" })
      else {
        return false
      }
    }
    return true
  }

  /// Capitalised words without sentence punctuation: a name of some kind.
  static func isCapitalisedName(_ line: String) -> Bool {
    let words = line.split(separator: " ")
    guard 1...6 ~= words.count, !ByteText.endsSentence(Array(line.utf8)[...]) else { return false }
    return words.allSatisfy { word in
      guard let head = word.unicodeScalars.first else { return false }
      return head.properties.isUppercase || TextLexicon.nameParticles.contains(String(word))
        || ["of", "the", "and", "for", "on"].contains(String(word))
    }
  }

  // MARK: Outlets

  /// The outlet a line names ("The Atlantic", "Mother Jones", "example.com"), or nil.
  static func outlet(_ line: String) -> String? {
    let trimmed = line.trimming(" \t")
    let words = trimmed.split(separator: " ")
    guard 1...6 ~= words.count, isCapitalisedName(trimmed) || isDomain(trimmed) else { return nil }
    if isDomain(trimmed) { return trimmed }
    if words.first == "The", words.count >= 2 { return trimmed }
    if words.contains(where: { TextLexicon.outletWords.contains(String($0)) }) { return trimmed }
    return nil
  }

  private static func isDomain(_ text: String) -> Bool {
    guard !text.contains(" "), let dot = text.lastIndex(of: ".") else { return false }
    let tld = text[text.index(after: dot)...]
    return (2...6).contains(tld.count) && tld.allSatisfy(\.isLetter) && text.first?.isLetter == true
  }
}

extension String {
  /// The string without any of `characters` at its end.
  func trimmingSuffix(_ characters: String) -> String {
    var result = Substring(self)
    while let last = result.last, characters.contains(last) { result = result.dropLast() }
    return String(result)
  }

  /// The string without any of `characters` at either end.
  func trimming(_ characters: String) -> String {
    var result = Substring(self)
    while let first = result.first, characters.contains(first) { result = result.dropFirst() }
    while let last = result.last, characters.contains(last) { result = result.dropLast() }
    return String(result)
  }
}

extension Substring {
  func trimming(_ characters: String) -> String { String(self).trimming(characters) }
}
