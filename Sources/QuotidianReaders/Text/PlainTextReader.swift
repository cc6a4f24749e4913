import Foundation
import QuotidianCore

/// Plain text and web-text copies: a title, a byline, a section word, a subtitle, headings.
///
/// A header is recognised only when the first line is followed by at least one header field
/// (a byline, a date, a section word, an outlet, or a subtitle shown twice); then those lines
/// go into ``ArticleMetadata`` and the rest, headings included, is the text. Anything else
/// comes through unchanged apart from line endings (CRLF, CR → LF) and outer white space.
enum PlainTextReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    let body = try TextDecoding.validatedUTF8(bytes, source: source)
    let normalized = TextDecoding.normalizedLines(body)
    let header = PlainTextHeader.parse(normalized)
    var metadata = header.metadata
    guard let text = ByteText.trimmed(normalized[header.textStart...]) else {
      throw ReadError(source: source, kind: .empty)
    }
    // A standfirst stays in the text: it is the article's first paragraph, and later
    // paragraphs refer back to it.
    var article = (header.standfirst + [String(decoding: text, as: UTF8.self)]).joined(
      separator: "\n\n")
    if header.standfirst.isEmpty, let dateline = WireDateline.parse(article) {
      metadata.outlet = metadata.outlet ?? dateline.outlet
      // The dateline's day dates the article; it leaves the text just below.
      if metadata.published == nil {
        metadata.published = PublicationDate.dateline(
          in: article, reference: PublicationDate.today())
      }
      article = String(article.unicodeScalars.dropFirst(dateline.length))
    }
    return Article(text: article, metadata: metadata, source: source, format: Format.text.name)
  }
}

/// A wire dateline opening the first paragraph: "KELMAR, March 12 (Meridian Wire) - ". The
/// agency in parentheses is the outlet; the whole dateline is removed from the text (the
/// place stays in datelines without an agency, which are left alone).
enum WireDateline {
  /// The outlet named and the length of the dateline in Unicode scalars, with the dash and
  /// the space after it.
  static func parse(_ text: String) -> (outlet: String, length: Int)? {
    let head = String(text.unicodeScalars.prefix(160))
    guard let comma = head.firstIndex(of: ","), let open = head.firstIndex(of: "("), comma < open,
      let close = head[open...].firstIndex(of: ")")
    else { return nil }
    let place = head[..<comma]
    let letters = place.unicodeScalars.filter { $0.properties.isAlphabetic }
    guard letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }),
      place.unicodeScalars.allSatisfy({
        $0.properties.isAlphabetic || " .-'’".unicodeScalars.contains($0)
      })
    else { return nil }
    let outlet = head[head.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
    guard !outlet.isEmpty, outlet.utf8.count <= 60, HeaderFields.isCapitalisedName(outlet) else {
      return nil
    }
    var rest = head[head.index(after: close)...].unicodeScalars[...]
    while rest.first == " " { rest = rest.dropFirst() }
    guard let dash = rest.first, ["-", "\u{2013}", "\u{2014}"].contains(dash) else { return nil }
    rest = rest.dropFirst()
    guard rest.first == " " else { return nil }
    rest = rest.dropFirst()
    let length = head.unicodeScalars.count - rest.count
    return (outlet, length)
  }
}

/// The header of a web-text copy.
enum PlainTextHeader {
  /// Most header lines considered after the title.
  static let maximumFields = 8

  /// Most standfirst lines (a subtitle paragraph) between the title and the first field.
  static let maximumStandfirstLines = 2

  /// The metadata and the byte offset where the article text starts (0 when there is no
  /// header). One stray line above the title (a kicker, "Advertisement") is skipped when the
  /// header only parses without it.
  struct Header {
    var metadata = ArticleMetadata()
    /// Where the text after the header starts (0 when there is no header).
    var textStart = 0
    /// Standfirst lines found between the title and the fields; they belong to the text.
    var standfirst: [String] = []
  }

  static func parse(_ bytes: [UInt8]) -> Header {
    let ranges = ByteText.lineRanges(bytes)
    let first = parse(bytes, ranges: ranges, skippingLines: 0)
    // A standfirst that reads like a headline (short, no closing punctuation) is more likely
    // the real title under a stray line.
    let titleLikeStandfirst =
      first.standfirst.first.map { line in
        line.utf8.count <= 200 && !ByteText.endsSentence(Array(line.utf8)[...])
      } ?? false
    if first.textStart > 0 && !titleLikeStandfirst { return first }
    let second = parse(bytes, ranges: ranges, skippingLines: 1)
    if second.textStart > 0 && (first.textStart == 0 || second.standfirst.isEmpty) { return second }
    return first
  }

  static func parse(_ bytes: [UInt8], ranges: [Range<Int>], skippingLines skipped: Int) -> Header {
    var index = 0
    func skipBlank() {
      while index < ranges.count, ByteText.trimmed(bytes[ranges[index]]) == nil { index += 1 }
    }
    func line(_ at: Int) -> String {
      String(decoding: ByteText.trimmed(bytes[ranges[at]]) ?? [], as: UTF8.self)
    }
    skipBlank()
    for _ in 0..<skipped {
      index += 1
      skipBlank()
    }
    guard index < ranges.count else { return Header() }
    let title = line(index)
    guard title.utf8.count <= 200, !title.hasSuffix("."), !title.hasSuffix(",") else {
      return Header()
    }
    index += 1
    var metadata = ArticleMetadata()
    var fields = 0
    var standfirst = 0
    var standfirstLines: [String] = []
    var end = index
    /// Whether a header field comes within the next two non-blank lines after `start`.
    func fieldFollows(_ start: Int) -> Bool {
      var cursor = start + 1
      var seen = 0
      while cursor < ranges.count, seen < 2 {
        let text = line(cursor)
        cursor += 1
        if text.isEmpty { continue }
        seen += 1
        if HeaderFields.classify(text, haveAuthors: false) != nil { return true }
      }
      return false
    }
    while fields < maximumFields {
      skipBlank()
      guard index < ranges.count else { break }
      let current = line(index)
      // A standfirst between the title and the byline ("Paul Kessler has spent eleven years…").
      if fields == 0, standfirst < maximumStandfirstLines, current.utf8.count <= 600,
        HeaderFields.classify(current, haveAuthors: false) == nil, fieldFollows(index)
      {
        standfirstLines.append(current)
        standfirst += 1
        index += 1
        continue
      }
      // A subtitle shown twice (a web page's heading and its meta description).
      if index + 1 < ranges.count, current == line(index + 1), current.utf8.count >= 12 {
        metadata.description = metadata.description ?? current
        index += 2
        fields += 1
        end = index
        continue
      }
      guard let field = HeaderFields.classify(current, haveAuthors: !metadata.authors.isEmpty)
      else { break }
      switch field {
      case .date(let date): metadata.published = metadata.published ?? date
      case .byline(let authors, let date):
        metadata.authors += authors
        if let date { metadata.published = metadata.published ?? date }
      case .outlet(let outlet): metadata.outlet = metadata.outlet ?? outlet
      case .section: break
      case .combined(let authors, let outlet, let date):
        if metadata.authors.isEmpty { metadata.authors = authors }
        if let outlet { metadata.outlet = metadata.outlet ?? outlet }
        if let date { metadata.published = metadata.published ?? date }
      }
      fields += 1
      index += 1
      end = index
    }
    guard fields > 0 else { return Header() }
    metadata.title = title
    if skipped > 0 && metadata.authors.isEmpty && metadata.published == nil { return Header() }
    let start = end < ranges.count ? ranges[end].lowerBound : bytes.count
    return Header(metadata: metadata, textStart: start, standfirst: standfirstLines)
  }
}
