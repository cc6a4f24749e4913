import Crypto
import Foundation
public import QuotidianCore

/// One copy of an article as it reached the store: the first copy, and every later one whose
/// normalised text (``QuotidianCore/LinkText/identityKey(_:)``) is the same, whatever its path,
/// name or format.
public struct ArticleSighting: Hashable, Sendable, Codable {
  public var source: String
  public var url: String?
  public var format: String
  public var title: String?
  public var outlet: String?
  public var published: String?
  /// The hash of the normalised text (``ArticleIdentity/contentKey(text:)``).
  public var contentKey: String

  public init(
    source: String, url: String?, format: String, title: String?, outlet: String?,
    published: String?,
    contentKey: String
  ) {
    self.source = source
    self.url = url
    self.format = format
    self.title = title
    self.outlet = outlet
    self.published = published
    self.contentKey = contentKey
  }

  /// The sighting of an article as a reader produced it, before analysis.
  public init(article: Article) {
    self.init(
      source: article.source, url: article.metadata.url, format: article.format,
      title: article.metadata.title,
      outlet: article.metadata.outlet, published: article.metadata.published,
      contentKey: ArticleIdentity.contentKey(text: article.text))
  }

  /// The sighting of an analysed article.
  public init(result: ExtractionResult) {
    self.init(
      source: result.source, url: result.url, format: result.format, title: result.title,
      outlet: result.outlet,
      published: result.published, contentKey: ArticleIdentity.contentKey(text: result.text))
  }
}

/// An article's identity: what makes saving it twice a no-op.
public enum ArticleIdentity {
  /// SHA-256 (hex) of the article's folded words joined by spaces: the same for any two copies
  /// whose words are the same, whatever their whitespace, punctuation, case, Unicode form,
  /// path, URL or format.
  public static func contentKey(text: String) -> String {
    var hex = ""
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: Array(LinkText.identityKey(text).utf8)) {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0F)])
    }
    return hex
  }

  private static let hexDigits = Array("0123456789abcdef")

  /// A source as compared for "the same file": a URL as written; a path made absolute
  /// against the current directory, with `.`, `..`, repeated slashes and symbolic links
  /// resolved, so `./a/b`, `a//b` and `/cwd/a/b` are one file. A record inside a file
  /// (`box.mbox#3`) keeps its suffix.
  package static func sourceKey(_ source: String) -> String {
    if source.contains("://") { return source }
    var path = source
    var suffix = ""
    if let hash = source.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: source) {
      path = String(source[..<hash])
      suffix = String(source[hash...])
    }
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    return url.path + suffix
  }
}

/// Filters for the link listings (``Store/duplicates(_:)``, ``Store/rewrites(_:)``).
public struct LinkQuery: Hashable, Sendable {
  public var limit: Int?
  public init(limit: Int? = nil) { self.limit = limit }
}

/// An article that is a copy of an earlier one.
public struct DuplicateRecord: Hashable, Sendable, Codable {
  /// The copy's source (path or URL as ingested).
  public var article: String
  /// The source of the earliest article it copies.
  public var duplicateOf: String
  /// `exact` (the same normalised text) or `near` (estimated Jaccard similarity of word
  /// shingles at or above the threshold).
  public var kind: String
  /// 1 for exact copies; the estimated similarity for near ones, two decimals.
  public var similarity: Double

  public init(article: String, duplicateOf: String, kind: String, similarity: Double) {
    self.article = article
    self.duplicateOf = duplicateOf
    self.kind = kind
    self.similarity = similarity
  }
}

/// A quote a rewrite reports in other words than its original.
public struct AlteredQuote: Hashable, Sendable, Codable {
  public var speaker: String?
  /// The wording in the original article.
  public var original: String
  /// The wording in the rewrite.
  public var variant: String
  /// Word-level diff inside the stretch both quote: `[-deleted-]` and `{+inserted+}`.
  public var diff: String
  /// True when the change is to a negation, number, date or modal.
  public var meaningChanged: Bool
  /// Which of `negation`, `number`, `date`, `modal` changed.
  public var changes: [String]

  public init(
    speaker: String?, original: String, variant: String, diff: String, meaningChanged: Bool,
    changes: [String]
  ) {
    self.speaker = speaker
    self.original = original
    self.variant = variant
    self.diff = diff
    self.meaningChanged = meaningChanged
    self.changes = changes
  }
}

/// An article that reuses an earlier article's quotes without being a near copy of it.
public struct RewriteRecord: Hashable, Sendable, Codable {
  public var article: String
  public var original: String
  /// Estimated Jaccard similarity of the two texts' word shingles, two decimals.
  public var similarity: Double
  /// Quotes of the rewrite aligned with one of the original's.
  public var sharedQuotes: Int
  public var alteredQuotes: [AlteredQuote]

  public init(
    article: String, original: String, similarity: Double, sharedQuotes: Int,
    alteredQuotes: [AlteredQuote]
  ) {
    self.article = article
    self.original = original
    self.similarity = similarity
    self.sharedQuotes = sharedQuotes
    self.alteredQuotes = alteredQuotes
  }
}

/// Filters for ``Store/stories(_:)``.
public struct StoryQuery: Hashable, Sendable {
  public var limit: Int?
  public init(limit: Int? = nil) { self.limit = limit }
}

/// A storyline: events chained over weeks or months through the people, places,
/// organisations, words and statements they share, clustered as articles arrive.
public struct StorySummary: Hashable, Sendable, Codable {
  public var id: Int64
  /// The title of its first article.
  public var title: String
  /// Sources of its articles, event by event, earliest first (copies included).
  public var articles: [String]
  public var firstPublished: String?
  public var lastPublished: String?
  public var outlets: [String]
  /// Its events, earliest first.
  public var events: [StoryEventSummary]

  public init(
    id: Int64, title: String, articles: [String], firstPublished: String?, lastPublished: String?,
    outlets: [String], events: [StoryEventSummary] = []
  ) {
    self.id = id
    self.title = title
    self.articles = articles
    self.firstPublished = firstPublished
    self.lastPublished = lastPublished
    self.outlets = outlets
    self.events = events
  }
}

/// An event: one happening reported by articles within days.
public struct StoryEventSummary: Hashable, Sendable, Codable {
  public var id: Int64
  /// The title of its first article.
  public var title: String
  public var firstPublished: String?
  public var lastPublished: String?
  /// Sources of its articles, earliest first (copies included).
  public var articles: [String]
  public var outlets: [String]

  public init(
    id: Int64, title: String, firstPublished: String?, lastPublished: String?,
    articles: [String], outlets: [String]
  ) {
    self.id = id
    self.title = title
    self.firstPublished = firstPublished
    self.lastPublished = lastPublished
    self.articles = articles
    self.outlets = outlets
  }
}

/// An event on a storyline's timeline: its articles and who said what.
public struct StoryEvent: Hashable, Sendable, Codable {
  public var id: Int64
  public var title: String
  public var firstPublished: String?
  public var lastPublished: String?
  public var outlets: [String]
  /// Its speakers, the most quoted first.
  public var speakers: [String]
  /// Its most reported statements.
  public var statements: [StoryStatement]
  /// Quotes its rewrites worded differently from their originals.
  public var alteredQuotes: Int
  public var articles: [StoryArticle]

  public init(
    id: Int64, title: String, firstPublished: String?, lastPublished: String?, outlets: [String],
    speakers: [String], statements: [StoryStatement], alteredQuotes: Int,
    articles: [StoryArticle]
  ) {
    self.id = id
    self.title = title
    self.firstPublished = firstPublished
    self.lastPublished = lastPublished
    self.outlets = outlets
    self.speakers = speakers
    self.statements = statements
    self.alteredQuotes = alteredQuotes
    self.articles = articles
  }
}

/// A statement of an event, with the number of its articles reporting it.
public struct StoryStatement: Hashable, Sendable, Codable {
  public var speaker: String?
  public var text: String
  public var reports: Int

  public init(speaker: String?, text: String, reports: Int) {
    self.speaker = speaker
    self.text = text
    self.reports = reports
  }
}

/// One article of a story, with how it relates to the others.
public struct StoryArticle: Hashable, Sendable, Codable {
  public var source: String
  public var title: String?
  public var outlet: String?
  public var published: String?
  /// `original`, `exact`, `near` or `rewrite`.
  public var relation: String
  /// The source it copies or rewrites, if any.
  public var of: String?

  public init(
    source: String, title: String?, outlet: String?, published: String?, relation: String,
    of: String?
  ) {
    self.source = source
    self.title = title
    self.outlet = outlet
    self.published = published
    self.relation = relation
    self.of = of
  }
}

/// Everything about one storyline: its events as a timeline.
public struct StoryDetail: Hashable, Sendable, Codable {
  public var id: Int64
  public var title: String
  public var firstPublished: String?
  public var lastPublished: String?
  public var outlets: [String]
  /// The centroid's strongest terms (entity names and words).
  public var terms: [String]
  /// Every article, event by event, earliest first.
  public var articles: [StoryArticle]
  /// Its events, earliest first.
  public var events: [StoryEvent]

  public init(
    id: Int64, title: String, firstPublished: String?, lastPublished: String?, outlets: [String],
    terms: [String],
    articles: [StoryArticle], events: [StoryEvent] = []
  ) {
    self.id = id
    self.title = title
    self.firstPublished = firstPublished
    self.lastPublished = lastPublished
    self.outlets = outlets
    self.terms = terms
    self.articles = articles
    self.events = events
  }
}

/// Filters for ``Store/statements(_:)``.
public struct StatementQuery: Hashable, Sendable {
  /// Speaker name, matched as ``Store/speaker(named:)`` matches it.
  public var speaker: String?
  public var limit: Int?
  public init(speaker: String? = nil, limit: Int? = nil) {
    self.speaker = speaker
    self.limit = limit
  }
}

/// One report of a statement: an article quoting it, in its own words.
public struct StatementReport: Hashable, Sendable, Codable {
  public var source: String
  public var outlet: String?
  public var published: String?
  public var wording: String
  /// True when the article is a copy (exact or near) of another.
  public var isCopy: Bool
  /// True when the wording differs from the statement's first wording.
  public var isAltered: Bool

  public init(
    source: String, outlet: String?, published: String?, wording: String, isCopy: Bool,
    isAltered: Bool
  ) {
    self.source = source
    self.outlet = outlet
    self.published = published
    self.wording = wording
    self.isCopy = isCopy
    self.isAltered = isAltered
  }
}

/// One statement (a speaker's words, however many articles quote them) with all its reports,
/// earliest first.
public struct StatementRecord: Hashable, Sendable, Codable {
  public var id: Int64
  public var speaker: String?
  /// The first report's wording.
  public var text: String
  public var reports: [StatementReport]

  public init(id: Int64, speaker: String?, text: String, reports: [StatementReport]) {
    self.id = id
    self.speaker = speaker
    self.text = text
    self.reports = reports
  }
}

/// Dates as the linker compares them.
public enum PublishedDay {
  /// Days since 1970-01-01 of a `YYYY-MM-DD…` date; nil for a coarser or malformed one.
  public static func number(_ date: String) -> Int? { ArticleLinker.dayNumber(date) }
}
