/// Lines that page templates put inside article bodies and that are never article text:
/// ad labels and reading prompts (whole lines), "read also" teasers, date and view-count
/// lines, and calls to action (subscribe, follow, download the app, rate this article).
/// Matched on the lower-cased line; the tables hold the phrases in the languages the reader
/// meets most (English, German, Spanish, French, Portuguese, Italian, Polish, Dutch, Russian).
enum HTMLBoilerplateLines {
  /// Whole lines (without surrounding punctuation: "Anzeige", "- Anzeige -", "Read more »").
  static let lines: Set<String> = [
    // English
    "ad", "ads", "advert", "advertisement", "advertising", "sponsored", "sponsored content",
    "paid content",
    "related news", "also read", "see also", "read also", "story continues below advertisement",
    "article continues below advertisement", "continue reading below", "continue reading",
    "continue reading the main story", "scroll to continue with content", "skip advertisement",
    "supported by",
    "read more", "read more here", "read more below", "related", "related articles",
    "related stories",
    "related content", "related coverage", "recommended", "recommended stories", "more stories",
    "more from this author", "share", "share this", "share this article", "share this story",
    "share on facebook", "share on twitter", "tweet", "email", "print", "comments", "view comments",
    "show comments", "loading", "loading…", "click here", "click to enlarge", "image", "photo",
    "video",
    "watch", "listen", "listen to this article", "sign up", "subscribe", "subscribe now",
    "follow us",
    "copy link", "link copied", "trending", "most popular", "most read", "you may also like",
    "we recommend",
    "enable javascript", "javascript is disabled", "back to top", "top", "next", "previous",
    "contact",
    "views", "table of contents", "contents", "tags", "be sociable, share",
    // German
    "anzeige", "werbung", "kontakt", "teilen", "drucken", "aufrufe", "inhaltsverzeichnis",
    "schlagwörter",
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "weiterlesen", "zum weiterlesen",
    "auch interessant",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "weitere artikel",
    "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "meistgelesen", "meist gelesen",
    "artikel teilen", "beitrag teilen", "kommentare", "newsletter",
    // Spanish, Portuguese
    "publicidad", "lea también", "lee también", "te puede interesar", "también te puede interesar",
    "noticias relacionadas", "artículos relacionados", "contenido relacionado", "compartir",
    "leia também",
    "veja também", "publicidade", "notícias relacionadas",
    // French, Italian, Dutch
    "publicité", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "sur le même sujet",
    "partager",
    "pubblicità", "leggi anche", "vedi anche", "lees ook", "advertentie",
    // Polish, Russian
    "reklama", "zobacz także", "zobacz też", "czytaj także", "czytaj też", "polecamy", "udostępnij",
    "читайте также", "реклама",
  ]

  /// Starts of teaser lines ("Lesen Sie auch: …", "Lea también: …"), followed by ":" or " ".
  static let teaserPrefixes = [
    "read also", "also read", "read more", "see also", "related", "lesen sie auch",
    "lesen sie mehr",
    "lesen sie hier", "mehr zum thema", "weiterlesen", "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "das thema könnte dich auch interessieren",
    "zum weiterlesen",
    "lea también", "lea más", "lee también", "lea", "te puede interesar",
    "también te puede interesar",
    "leia também", "veja também", "leia mais", "lire aussi", "à lire aussi", "a lire aussi",
    "voir aussi",
    "zobacz także", "zobacz też", "czytaj także", "czytaj też", "czytaj więcej", "leggi anche",
    "vedi anche",
    "lees ook", "читайте также",
  ]

  /// Starts of date lines ("Updated at 1:23 p.m.", "Erstellt am 6. Mai 2014"); the line must
  /// hold a digit.
  static let datePrefixes = [
    "updated", "last updated", "published", "first published", "posted", "last modified",
    "modified",
    "erstellt am", "veröffentlicht am", "aktualisiert am", "zuletzt aktualisiert", "stand",
    "publié le",
    "mis à jour le", "publicado el", "actualizado el", "publicado em", "atualizado em",
    "opublikowano",
    "aktualizacja", "pubblicato il", "aggiornato il", "gepubliceerd op", "опубликовано",
  ]

  /// Labels of short credit lines ("Photo: Ana Ruiz", "Quelle: dpa", "SOURCE: News agencies"),
  /// followed by ":".
  static let creditLabels = [
    "photo", "photos", "foto", "fotos", "image", "images", "picture", "pictures", "credit",
    "credits", "source",
    "sources", "quelle", "quellen", "bild", "bilder", "fuente", "crédito", "créditos",
    "source photo", "zdjęcie",
    "źródło", "fotocredit", "bildquelle", "фото", "источник",
  ]

  /// Phrases of calls to action inside a short line: subscribe, sign up, follow, get the app,
  /// rate or share the article.
  static let callsToAction = [
    "subscribe to our", "subscribe now", "subscribe today", "subscribe here", "please subscribe",
    "already a subscriber", "become a subscriber",
    "sign up for our", "sign up to our", "sign up for the", "our newsletter", "download the app",
    "download our app", "follow us on", "join us on", "ios and android", "android and ios",
    "was this article helpful", "did you find this article", "rate this article",
    "share this article",
    "jetzt abonnieren", "newsletter abonnieren", "abonnieren sie", "folgen sie uns",
    "war der artikel nützlich",
    "war dieser artikel hilfreich", "den artikel teilen", "bewerten sie dieses",
    "bewerten sie diesen",
    "suscríbete", "suscribete", "suscríbase", "únete", "síguenos", "canal de telegram",
    "abonnez-vous",
    "inscrivez-vous", "suivez-nous", "assine a", "siga-nos", "iscriviti", "seguici", "zapisz się",
    "obserwuj nas", "subskrybuj", "подписывайтесь",
  ]

  /// Relative times ("2 months ago", "vor 3 Tagen") that stand alone on a line.
  static let relativeTimeUnits: Set<String> = [
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "day", "days", "week",
    "weeks",
    "month", "months", "year", "years", "sekunden", "minuten", "stunde", "stunden", "tag", "tagen",
    "woche",
    "wochen", "monat", "monaten", "jahr", "jahren",
  ]

  /// Whether `line` is a row of labelled fields ("Views: 1120 | Added by: Posh | Tags: …").
  static func isFieldRow(_ line: String) -> Bool {
    var bars = 0
    var colons = 0
    for byte in line.utf8 {
      if byte == UInt8(ascii: "|") { bars += 1 } else if byte == UInt8(ascii: ":") { colons += 1 }
    }
    return bars >= 2 && colons >= 2
  }

  /// The prefixes of ``datePrefixes`` and ``teaserPrefixes`` with the separators that must
  /// follow them, as bytes (matched on the lower-cased line's bytes, without allocating).
  static let datePrefixBytes: [[UInt8]] = datePrefixes.flatMap {
    [Array(($0 + " ").utf8), Array(($0 + ":").utf8)]
  }
  static let teaserPrefixBytes: [[UInt8]] = teaserPrefixes.flatMap {
    [Array(($0 + ":").utf8), Array(($0 + " :").utf8)]
  }

  static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
    bytes.count >= prefix.count && bytes[..<prefix.count].elementsEqual(prefix)
  }

  static func isBoilerplate(_ line: String) -> Bool {
    let count = line.utf8.count
    guard count <= 260 else { return false }
    let lowered = line.lowercased()
    let bytes = Array(lowered.utf8)
    if count <= 90, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
      if datePrefixBytes.contains(where: { hasPrefix(bytes, $0) }) { return true }
      if isRelativeTime(lowered) { return true }
    }
    if !line.unicodeScalars.contains(where: {
      $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }) {
      return true  // a lone "/" or "•"
    }
    if count <= 80, let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      creditLabels.contains(String(decoding: bytes[..<colon], as: UTF8.self).trimmingSpaces)
    {
      return true
    }
    if count <= 200, isFieldRow(line) { return true }
    if count <= 220, callToActionBytes.contains(where: { containsWord(bytes, $0) }) { return true }
    if count <= 160, teaserPrefixBytes.contains(where: { hasPrefix(bytes, $0) }) { return true }
    guard count <= 48 else { return false }
    return lines.contains(stripped(lowered))
  }

  static let callToActionBytes: [[UInt8]] = callsToAction.map { Array($0.utf8) }

  /// Whether `phrase` occurs in `text` (both UTF-8) starting at a word boundary: after a byte
  /// that is no ASCII letter and no part of a non-ASCII letter.
  static func containsWord(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
    guard let first = phrase.first, text.count >= phrase.count else { return false }
    var start = 0
    let last = text.count - phrase.count
    while start <= last {
      if text[start] == first {
        var offset = 1
        while offset < phrase.count && text[start + offset] == phrase[offset] { offset += 1 }
        if offset == phrase.count {
          if start == 0 { return true }
          let before = text[start - 1]
          let isLetter =
            (before >= 0x61 && before <= 0x7A) || (before >= 0x41 && before <= 0x5A)
            || before >= 0x80
          if !isLetter { return true }
        }
      }
      start += 1
    }
    return false
  }

  /// Without surrounding spaces, dashes, colons, stops, arrows and bars.
  static let trim: Set<Character> = [
    " ", "-", "–", "—", ":", ".", "!", "»", "›", ">", "|", "*", "…",
  ]

  static func stripped(_ lowered: String) -> String {
    var value = Substring(lowered)
    while let first = value.first, trim.contains(first) { value = value.dropFirst() }
    while let last = value.last, trim.contains(last) { value = value.dropLast() }
    return String(value)
  }

  /// "2 months ago", "vor 3 Tagen", "hace 2 días" is not covered (rare alone on a line).
  static func isRelativeTime(_ lowered: String) -> Bool {
    let words = lowered.split(separator: " ")
    if words.count == 3, words[2] == "ago",
      words[0].allSatisfy(\.isNumber) || words[0] == "a" || words[0] == "an"
    {
      return relativeTimeUnits.contains(String(words[1]))
    }
    if words.count == 3, words[0] == "vor",
      words[1].allSatisfy(\.isNumber) || words[1] == "einem" || words[1] == "einer"
    {
      return relativeTimeUnits.contains(String(words[2]))
    }
    return false
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var value = Substring(self)
    while value.first == " " { value = value.dropFirst() }
    while value.last == " " { value = value.dropLast() }
    return String(value)
  }
}
