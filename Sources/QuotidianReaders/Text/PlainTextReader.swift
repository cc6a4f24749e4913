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
    let (metadata, textStart) = PlainTextHeader.parse(normalized)
    guard let text = ByteText.trimmed(normalized[textStart...]) else {
      throw ReadError(source: source, kind: .empty)
    }
    return Article(
      text: String(decoding: text, as: UTF8.self), metadata: metadata, source: source, format: Format.text.name)
  }
}

/// The header of a web-text copy.
enum PlainTextHeader {
  /// Most header lines considered after the title.
  static let maximumFields = 8

  /// The metadata and the byte offset where the article text starts (0 when there is no header).
  static func parse(_ bytes: [UInt8]) -> (ArticleMetadata, Int) {
    let ranges = ByteText.lineRanges(bytes)
    var index = 0
    func skipBlank() {
      while index < ranges.count, ByteText.trimmed(bytes[ranges[index]]) == nil { index += 1 }
    }
    func line(_ at: Int) -> String {
      String(decoding: ByteText.trimmed(bytes[ranges[at]]) ?? [], as: UTF8.self)
    }
    skipBlank()
    guard index < ranges.count else { return (ArticleMetadata(), 0) }
    let title = line(index)
    guard title.utf8.count <= 200, !title.hasSuffix("."), !title.hasSuffix(",") else { return (ArticleMetadata(), 0) }
    index += 1
    var metadata = ArticleMetadata()
    var fields = 0
    var end = index
    while fields < maximumFields {
      skipBlank()
      guard index < ranges.count else { break }
      let current = line(index)
      // A subtitle shown twice (a web page's heading and its meta description).
      if index + 1 < ranges.count, current == line(index + 1), current.utf8.count >= 12 {
        metadata.description = metadata.description ?? current
        index += 2
        fields += 1
        end = index
        continue
      }
      guard let field = HeaderFields.classify(current, haveAuthors: !metadata.authors.isEmpty) else { break }
      switch field {
      case .date(let date): metadata.published = metadata.published ?? date
      case .byline(let authors, let date):
        metadata.authors += authors
        if let date { metadata.published = metadata.published ?? date }
      case .outlet(let outlet): metadata.outlet = metadata.outlet ?? outlet
      case .section: break
      }
      fields += 1
      index += 1
      end = index
    }
    guard fields > 0 else { return (ArticleMetadata(), 0) }
    metadata.title = title
    let start = end < ranges.count ? ranges[end].lowerBound : bytes.count
    return (metadata, start)
  }
}
