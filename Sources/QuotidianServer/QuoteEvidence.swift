import QuotidianCore
import QuotidianStore

/// Finds, in an article's text, the cue and the speaker mention behind a quote's
/// attribution (the store keeps their words, not their offsets) and the paragraph around it.
enum QuoteEvidence {
  /// How far from the quote, in scalars, a cue or mention is looked for.
  static let window = 400
  static let maximumContext = 3_000

  static func detail(_ record: ExtractionResult.QuoteRecord, in article: StoredArticle)
    -> QuoteDetail
  {
    let scalars = Array(article.text.unicodeScalars)
    let start = min(max(0, record.start), scalars.count)
    let end = min(max(start, record.end), scalars.count)
    let cueRange = record.cue.flatMap {
      nearest(Array($0.unicodeScalars), in: scalars, around: start..<end)
    }
    let mentionRange = record.speakerMention.flatMap {
      nearest(Array($0.unicodeScalars), in: scalars, around: start..<end, avoiding: cueRange)
    }
    let context = paragraph(in: scalars, around: start..<end)
    let summary = ArticleSummary(
      id: article.id, source: article.source, url: article.url, title: article.title,
      outlet: article.outlet,
      published: article.published, quoteCount: article.quotes.count)
    return QuoteDetail(
      quote: QuoteItem(record, in: article), article: summary,
      evidence: Evidence(
        rule: record.rule, confidence: record.confidence, cue: record.cue,
        speakerMention: record.speakerMention,
        cueRange: cueRange.map { [$0.lowerBound, $0.upperBound] },
        mentionRange: mentionRange.map { [$0.lowerBound, $0.upperBound] }),
      context: String(String.UnicodeScalarView(scalars[context])), contextStart: context.lowerBound)
  }

  /// The occurrence of `needle` outside `quote` and within ``window`` of it that is nearest
  /// to it, matched on whole words.
  static func nearest(
    _ needle: [Unicode.Scalar], in text: [Unicode.Scalar], around quote: Range<Int>,
    avoiding: Range<Int>? = nil
  ) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= text.count else { return nil }
    let low = max(0, quote.lowerBound - window)
    let high = min(text.count, quote.upperBound + window)
    guard high - low >= needle.count else { return nil }
    var best: (distance: Int, range: Range<Int>)?
    for candidate in low...(high - needle.count) {
      let range = candidate..<(candidate + needle.count)
      if range.overlaps(quote) || (avoiding.map { range.overlaps($0) } ?? false) { continue }
      guard text[range].elementsEqual(needle) else { continue }
      if candidate > 0, isWord(text[candidate - 1]), isWord(needle[0]) { continue }
      if range.upperBound < text.count, isWord(text[range.upperBound]),
        isWord(needle[needle.count - 1])
      {
        continue
      }
      let distance =
        range.lowerBound >= quote.upperBound
        ? range.lowerBound - quote.upperBound : quote.lowerBound - range.upperBound
      if best.map({ distance < $0.distance }) ?? true { best = (distance, range) }
    }
    return best?.range
  }

  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// The lines around `quote` up to a blank line, at most ``maximumContext`` scalars.
  static func paragraph(in text: [Unicode.Scalar], around quote: Range<Int>) -> Range<Int> {
    var low = quote.lowerBound
    while low > 0, quote.lowerBound - low < maximumContext / 2 {
      if text[low - 1] == "\n", low >= 2, text[low - 2] == "\n" { break }
      low -= 1
    }
    var high = quote.upperBound
    while high < text.count, high - quote.upperBound < maximumContext / 2 {
      if text[high] == "\n", high + 1 < text.count, text[high + 1] == "\n" { break }
      high += 1
    }
    while low < quote.lowerBound, text[low].properties.isWhitespace { low += 1 }
    while high > quote.upperBound, text[high - 1].properties.isWhitespace { high -= 1 }
    return low..<high
  }
}
