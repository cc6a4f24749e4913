import QuotidianCore
import QuotidianStore

/// A quote in API answers: the stored quote with its ID (`articleID-start`).
struct QuoteItem: Codable, Sendable, Hashable {
  var id: String
  var articleID: Int64
  var source: String
  var title: String?
  var outlet: String?
  var published: String?
  var text: String
  var speaker: String?
  var speakerMention: String?
  var kind: String
  var cue: String?
  var rule: String
  var confidence: Double
  var start: Int
  var end: Int

  init(_ quote: StoredQuote) {
    id = QuoteID(articleID: quote.articleID, start: quote.start).text
    articleID = quote.articleID
    source = quote.source
    title = quote.title
    outlet = quote.outlet
    published = quote.published
    text = quote.text
    speaker = quote.speaker
    kind = quote.kind
    cue = quote.cue
    rule = quote.rule
    confidence = quote.confidence
    start = quote.start
    end = quote.end
  }

  init(_ record: ExtractionResult.QuoteRecord, in article: StoredArticle) {
    id = QuoteID(articleID: article.id, start: record.start).text
    articleID = article.id
    source = article.source
    title = article.title
    outlet = article.outlet
    published = article.published
    text = record.text
    speaker = record.speaker
    speakerMention = record.speakerMention
    kind = record.kind
    cue = record.cue
    rule = record.rule
    confidence = record.confidence
    start = record.start
    end = record.end
  }
}

/// A quote's identity: its article and the scalar offset where its content starts.
struct QuoteID: Hashable, Sendable {
  var articleID: Int64
  var start: Int

  var text: String { "\(articleID)-\(start)" }

  init(articleID: Int64, start: Int) {
    self.articleID = articleID
    self.start = start
  }

  init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2,
      parts.allSatisfy({
        (1...18).contains($0.count) && $0.utf8.allSatisfy { (0x30...0x39).contains($0) }
      }),
      let article = Int64(parts[0]), let start = Int(parts[1])
    else { return nil }
    articleID = article
    self.start = start
  }
}

/// One page of a listing.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
  var items: [Item]
  /// Pass as `cursor` for the next page; absent on the last page.
  var nextCursor: String?
  var limit: Int
}

/// Why a quote was given to its speaker, located in the article text.
struct Evidence: Codable, Sendable, Hashable {
  var rule: String
  var confidence: Double
  var cue: String?
  var speakerMention: String?
  /// Scalar offsets `[start, end]` of the cue and the mention nearest the quote, when found.
  var cueRange: [Int]?
  var mentionRange: [Int]?
}

/// A quote with its article and evidence: the JSON twin of the quote page.
struct QuoteDetail: Codable, Sendable {
  var quote: QuoteItem
  var article: ArticleSummary
  var evidence: Evidence
  /// The paragraph around the quote, and the scalar offset where it starts in the article.
  var context: String
  var contextStart: Int
}

/// What `POST /api/v1/articles` accepts: exactly one of `text` and `html`.
struct ArticleSubmission: Codable, Sendable {
  var text: String?
  var html: String?
  var title: String?
  var url: String?
  var outlet: String?
  var published: String?
  var authors: [String]?
  var source: String?

  enum CodingKeys: String, CodingKey {
    case text, html, title, url, outlet, published, authors, source
  }

  /// As the document says, a field is absent or of its type: an explicit `null` is refused
  /// (it would otherwise count as absent, so `{"html": …, "text": null}` passed as html only).
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    for key in container.allKeys where try container.decodeNil(forKey: key) {
      throw DecodingError.valueNotFound(
        String.self,
        .init(codingPath: [key], debugDescription: "'\(key.stringValue)' is null"))
    }
    text = try container.decodeIfPresent(String.self, forKey: .text)
    html = try container.decodeIfPresent(String.self, forKey: .html)
    title = try container.decodeIfPresent(String.self, forKey: .title)
    url = try container.decodeIfPresent(String.self, forKey: .url)
    outlet = try container.decodeIfPresent(String.self, forKey: .outlet)
    published = try container.decodeIfPresent(String.self, forKey: .published)
    authors = try container.decodeIfPresent([String].self, forKey: .authors)
    source = try container.decodeIfPresent(String.self, forKey: .source)
  }
}

/// What `POST /api/v1/articles` answers.
struct SubmissionResult: Codable, Sendable {
  var id: Int64
  var inserted: Bool
  var quoteCount: Int
  var quotes: [QuoteItem]
}

/// Full-text search over quotes and articles.
struct SearchResult: Encodable, Sendable {
  var query: String
  var quotes: [QuoteItem]
  var articles: [ArticleSummary]
}

struct Status: Codable, Sendable {
  var articleCount: Int
  var writable: Bool
  var version: String
}
