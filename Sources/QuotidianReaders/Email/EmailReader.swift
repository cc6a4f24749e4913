import Foundation
import QuotidianCore

/// One MIME message (`.eml`): the article it carries, with the sender kept as the channel.
///
/// The HTML body goes to ``HTMLReader`` (else the plain-text body to ``NewsletterReader``),
/// so a newsletter that forwards an article yields that article's title, authors, date and
/// outlet; the newsletter's `From` and `Date` become ``ArticleMetadata/channel``
/// ("Sender Name <addr> on 2026-03-14").
public enum EmailReader {
  /// Whether `bytes` look like an RFC 5322 message: the first lines are header fields and at
  /// least two of them are ones every mail carries.
  public static func sniff(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(8192)
    let (headers, body) = MIMEHeaders.parse(head)
    guard body.startIndex < head.endIndex || head.count < 8192 else { return false }
    // The first line must itself be a field (or an mbox envelope line).
    guard let first = head.first, first != 0x20, first != 0x09, first != UInt8(ascii: "<"),
      first != UInt8(ascii: "{"), !head.starts(with: Array("From ".utf8))  // an mbox envelope
    else { return false }
    let known: Set<String> = [
      "from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path",
      "content-type", "delivered-to", "reply-to", "x-mailer", "dkim-signature", "list-unsubscribe",
    ]
    let names = Set(headers.fields.map(\.name))
    return names.intersection(known).count >= 2
      && (names.contains("from") || names.contains("received"))
      && (names.contains("subject") || names.contains("date") || names.contains("message-id"))
  }

  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    try read(message: bytes[...], source: source)
  }

  static func read(message: ArraySlice<UInt8>, source: String) throws(ReadError) -> Article {
    if message.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw ReadError(source: source, kind: .empty)
    }
    let entity: MIMEEntity
    do {
      entity = try MIMEParser.parse(message)
    } catch {
      throw ReadError(
        source: source,
        kind: .malformed(reason: "multipart boundary \"\(error.boundary)\" not found"))
    }
    var problems: [String] = []
    guard let body = MailBody.choose(entity, problems: &problems) else {
      let reason = problems.first ?? "no text or HTML body (\(entity.contentType.mimeType))"
      throw ReadError(source: source, kind: .malformed(reason: reason))
    }
    var article: Article
    var forwarded: ForwardedBlock?
    switch body.content {
    case .html(let html):
      article = try MailArticle.fromHTML(html, source: source)
    case .text(var text):
      forwarded = ForwardedBlock.strip(&text)
      article = try MailArticle.fromText(text, source: source)
    }
    article.format = Format.email.name
    article.source = source

    let outer = entity.headers
    let inner = body.enclosedHeaders
    if article.metadata.title == nil {
      let subject = inner?.decoded("subject") ?? forwarded?.subject ?? outer.decoded("subject")
      article.metadata.title = subject.map(MailArticle.cleanSubject).flatMap {
        $0.isEmpty ? nil : $0
      }
    }
    if article.metadata.published == nil {
      // The forwarded article's date first, then the message's own.
      let dated = [inner?["date"], forwarded?.date, outer["date"]].compactMap { $0 }
      article.metadata.published = dated.lazy.compactMap(MailDate.parse).first?.isoDate
    }
    if let from = outer.decoded("from").map(MailAddress.display), !from.isEmpty {
      if let date = outer["date"].flatMap(MailDate.parse) {
        article.metadata.channel = "\(from) on \(date.isoDate)"
      } else {
        article.metadata.channel = from
      }
    }
    return article
  }
}

/// Turns a mail body into an ``Article`` through the HTML and newsletter readers.
enum MailArticle {
  static func fromHTML(_ html: String, source: String) throws(ReadError) -> Article {
    let utf8HTML = declaringUTF8(html)
    if let article = try? HTMLReader.read(bytes: Array(utf8HTML.utf8), source: source),
      !article.text.allSatisfy(\.isWhitespace)
    {
      return article
    }
    // Fallback: every paragraph of the body, no boilerplate removal.
    let article = HTMLFragment.article(utf8HTML, source: source, format: Format.html.name)
    guard !article.text.isEmpty else { throw ReadError(source: source, kind: .empty) }
    return article
  }

  static func fromText(_ text: String, source: String) throws(ReadError) -> Article {
    try NewsletterReader.read(bytes: Array(text.utf8), source: source)
  }

  /// "Fwd: [List] Title" → "Title".
  static func cleanSubject(_ subject: String) -> String {
    var text = Substring(subject)
    var changed = true
    var rounds = 0
    while changed && rounds < 10 {
      changed = false
      rounds += 1
      text = text.drop(while: { $0 == " " || $0 == "\t" })
      for prefix in ["fwd:", "fw:", "re:", "tr:", "wg:", "aw:"]
      where text.lowercased().hasPrefix(prefix) {
        text = text.dropFirst(prefix.count)
        changed = true
      }
      if text.hasPrefix("["), let close = text.firstIndex(of: "]"),
        text.distance(from: text.startIndex, to: close) < 40
      {
        text = text[text.index(after: close)...]
        changed = true
      }
    }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// The HTML was decoded from its MIME charset into a Swift string; make any `<meta charset>`
  /// in the head agree, so the HTML reader does not decode it a second time.
  static func declaringUTF8(_ html: String) -> String {
    let limit =
      html.utf8.count > 8192 ? html.utf8.index(html.utf8.startIndex, offsetBy: 8192) : html.endIndex
    var result = ""
    var position = html.startIndex
    var searchStart = html.startIndex
    while searchStart < limit,
      let found = html.range(of: "charset=", options: .caseInsensitive, range: searchStart..<limit)
    {
      var valueStart = found.upperBound
      if valueStart < html.endIndex, html[valueStart] == "\"" || html[valueStart] == "'" {
        valueStart = html.index(after: valueStart)
      }
      var valueEnd = valueStart
      while valueEnd < html.endIndex,
        html[valueEnd].isLetter || html[valueEnd].isNumber || "-_:.".contains(html[valueEnd])
      {
        valueEnd = html.index(after: valueEnd)
      }
      result += html[position..<valueStart]
      result += "utf-8"
      position = valueEnd
      searchStart = valueEnd > found.upperBound ? valueEnd : found.upperBound
    }
    if position == html.startIndex { return html }
    result += html[position...]
    return result
  }
}

/// A forwarded-message header block in a plain-text body ("---------- Forwarded message
/// ---------", "Begin forwarded message:", "-----Original Message-----") and its fields.
struct ForwardedBlock {
  var from: String?
  var date: String?
  var subject: String?

  static let markers = [
    "---------- forwarded message", "begin forwarded message", "-----original message-----",
  ]

  /// Removes the first forwarded block (the marker and the header lines after it) from
  /// `text`, with everything above it (the forwarder's note), and returns its fields.
  static func strip(_ text: inout String) -> ForwardedBlock? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard
      let markerIndex = lines.prefix(60).firstIndex(where: { line in
        let lower = line.lowercased().trimmingCharacters(in: .whitespaces)
        return markers.contains(where: { lower.hasPrefix($0) })
      })
    else { return nil }
    var block = ForwardedBlock()
    var index = markerIndex + 1
    scan: while index < lines.count {
      let line = lines[index].trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        if block.from != nil || block.subject != nil { break scan }
        index += 1
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { break scan }
      let name = line[..<colon].lowercased().trimmingCharacters(
        in: CharacterSet(charactersIn: "*> "))
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch name {
      case "from": block.from = value
      case "date", "sent": block.date = value
      case "subject": block.subject = value
      case "to", "cc", "reply-to": break
      default: break scan
      }
      index += 1
    }
    text = lines[min(index, lines.count)...].joined(separator: "\n")
    return block
  }
}
