import Foundation
public import QuotidianCore

/// One form for every stored publication date: the day (`2026-11-30`), as the source wrote
/// it in its own time zone. Readers find dates as ISO timestamps, mail dates or datelines;
/// mixing `2026-11-30` with `2026-11-30T10:00:00Z` would sort and group them apart.
public enum PublicationDate {
  /// `value` as `YYYY-MM-DD`: an ISO 8601 date or timestamp keeps its day, an RFC 5322 date
  /// ("Mon, 30 Nov 2026 10:00:00 +0000") is read; anything else is returned unchanged.
  public static func normalized(_ value: String) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if let day = isoDay(trimmed) { return day }
    if let date = MailDate.parse(trimmed) { return date.isoDate }
    return trimmed
  }

  /// The `YYYY-MM-DD` a string starts with, when it is a real day followed by nothing, a
  /// time (`T`, space) or nothing else.
  static func isoDay(_ value: String) -> String? {
    let bytes = Array(value.utf8.prefix(11))
    guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var total = 0
      for i in range {
        guard (0x30...0x39).contains(bytes[i]) else { return nil }
        total = total * 10 + Int(bytes[i] - 0x30)
      }
      return total
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      CivilDate(year: year, month: month, day: day) != nil
    else { return nil }
    if bytes.count == 11, bytes[10] != 0x54, bytes[10] != 0x74, bytes[10] != 0x20 { return nil }
    return String(decoding: bytes[0..<10], as: UTF8.self)
  }

  /// The day a wire dateline at the start of `text` gives ("KELMAR, March 12 (Wire) –",
  /// "KELMAR, Nov. 3, 2026 —"): a place in capitals, a comma, a month and day, an optional
  /// year. Without a year, the latest such day not after `reference`.
  public static func dateline(in text: String, reference: CivilDate) -> String? {
    var scalars = Substring(text.prefix(160)).unicodeScalars[...]
    // Skip a title line or blank lines: a dateline opens a paragraph within the first lines.
    var tries = 0
    while tries < 4 {
      tries += 1
      if let day = datelineAtStart(scalars, reference: reference) { return day }
      guard let newline = scalars.firstIndex(of: "\n") else { return nil }
      scalars = scalars[scalars.index(after: newline)...]
      while scalars.first == "\n" { scalars = scalars.dropFirst() }
    }
    return nil
  }

  private static func datelineAtStart(
    _ scalars: Substring.UnicodeScalarView.SubSequence, reference: CivilDate
  ) -> String? {
    var rest = scalars
    // The place: capital letters, spaces, dots, hyphens; at least three letters.
    var letters = 0
    while let first = rest.first, first != "," {
      if first.properties.isUppercase {
        letters += 1
      } else if first != " " && first != "." && first != "-" && first != "'" {
        return nil
      }
      rest = rest.dropFirst()
      if letters > 40 { return nil }
    }
    guard letters >= 3, rest.first == "," else { return nil }
    rest = rest.dropFirst()
    let words = String(String.UnicodeScalarView(rest.prefix(40)))
      .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" })
    guard words.count >= 2 else { return nil }
    let monthWord = words[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard let month = datelineMonths[monthWord], let day = Int(words[1]), (1...31).contains(day)
    else { return nil }
    if words.count >= 3, words[2].count == 4, let year = Int(words[2]), (1800...2200).contains(year)
    {
      return CivilDate(year: year, month: month, day: day).map(\.iso)
    }
    var year = reference.year
    if let candidate = CivilDate(year: year, month: month, day: day), candidate > reference {
      year -= 1
    }
    return CivilDate(year: year, month: month, day: day).map(\.iso)
  }

  static var datelineMonths: [String: Int] { TextLexicon.months }

  /// Today in UTC, the reference for datelines without a year.
  public static func today() -> CivilDate {
    let parts = Calendar(identifier: .gregorian).dateComponents(
      in: TimeZone(identifier: "UTC") ?? .current, from: Date())
    return CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CivilDate(dayNumber: 0)
  }
}
