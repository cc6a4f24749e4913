import Foundation
public import QuotidianCore

/// Reads files and bytes into ``Article``s, detecting the format by content and name.
///
/// Gzip is transparent for every format (`.gz` names and gzip content), with a cap on the
/// decompressed size.
public enum Readers {
  /// Largest input file accepted, in bytes.
  public static let defaultByteLimit = 64 << 20
  /// Longest article text analysed, in UTF-8 bytes. A news article is rarely over 100 KB;
  /// a text past this is a book or many articles run together, and analysing it as one
  /// article would cost minutes and gigabytes: it is refused, naming its size.
  public static let articleTextLimit = 8 << 20
  /// Longest wait for a pipe or FIFO named as an input to reach its end.
  public static let defaultStreamTimeout: Duration = .seconds(30)

  /// Reads the file at `path`. One file may hold several articles (mbox, feeds, WARC).
  /// Throws when nothing could be read; per-record errors are in the batch.
  public static func readBatch(
    fileAt path: String, format: Format? = nil, byteLimit: Int = defaultByteLimit,
    options: ReadOptions = ReadOptions()
  ) throws(ReadError) -> ReadBatch {
    let bytes = try FileInput.bytes(atPath: path, byteLimit: byteLimit)
    // The same cap after decompression as before: a .gz never inflates past a plain file's.
    return try readBatch(
      bytes: bytes, source: path, format: format, decompressedLimit: byteLimit, options: options)
  }

  /// Reads `bytes` that came from `source` (a path or URL, used in errors and output).
  /// Gzip content is unpacked up to `decompressedLimit` bytes (a fetched body that is gzip
  /// without saying so keeps the fetch's cap).
  public static func readBatch(
    bytes: [UInt8], source: String, format: Format? = nil,
    decompressedLimit: Int = Gunzip.defaultLimit, options: ReadOptions = ReadOptions()
  ) throws(ReadError) -> ReadBatch {
    var bytes = try Gunzip.decompressIfNeeded(bytes, source: source, limit: decompressedLimit)
    var warnings: [String] = []
    if let utf8 = TextDecoding.utf16ToUTF8(bytes) {
      let detected = format ?? FormatDetector.detect(bytes: utf8, name: source)
      // HTML has its own charset rules (byte-order mark first); other formats get UTF-8.
      if detected != .html { bytes = utf8 }
    }
    let format = format ?? FormatDetector.detect(bytes: bytes, name: source)
    if format == .text || format == .newsletter,
      let fallback = TextDecoding.windows1252Fallback(bytes)
    {
      bytes = fallback.bytes
      warnings.append(
        "\(source): warning: not UTF-8 (byte \(fallback.firstInvalid)); read as Windows-1252 (Latin-1)"
      )
    }
    var batch: ReadBatch
    switch format {
    case .html:
      batch = ReadBatch(articles: [
        try HTMLReader.read(
          bytes: bytes, source: source, includeComments: options.includeComments)
      ])
    case .email: batch = ReadBatch(articles: [try EmailReader.read(bytes: bytes, source: source)])
    case .mbox: batch = MboxReader.readBatch(bytes: bytes, source: source)
    case .feed: batch = FeedReader.readBatch(bytes: bytes, source: source)
    case .warc: batch = WARCReader.readBatch(bytes: bytes, source: source)
    case .jsonLines: batch = JSONLinesReader.readBatch(bytes: bytes, source: source)
    case .newsletter:
      batch = ReadBatch(articles: [try NewsletterReader.read(bytes: bytes, source: source)])
    default: batch = ReadBatch(articles: [try PlainTextReader.read(bytes: bytes, source: source)])
    }
    refuseOverlongTexts(&batch)
    if batch.articles.isEmpty { _ = try batch.articlesOrThrow(source: source) }
    batch.warnings = warnings + batch.warnings
    datePublications(&batch.articles)
    return batch
  }

  /// Moves every article whose text passes ``articleTextLimit`` to the batch's errors.
  static func refuseOverlongTexts(_ batch: inout ReadBatch) {
    guard batch.articles.contains(where: { $0.text.utf8.count > articleTextLimit }) else { return }
    var kept: [Article] = []
    for article in batch.articles {
      let count = article.text.utf8.count
      if count > articleTextLimit {
        batch.errors.append(
          ReadError(
            source: article.source, kind: .textTooLong(bytes: count, limit: articleTextLimit)))
      } else {
        kept.append(article)
      }
    }
    batch.articles = kept
  }

  /// Every publication date as a day (``PublicationDate/normalized(_:)``); an article
  /// without one is dated by its wire dateline ("KELMAR, March 12 —") when it opens with one.
  static func datePublications(_ articles: inout [Article]) {
    var today: CivilDate?
    for index in articles.indices {
      if let published = articles[index].metadata.published {
        articles[index].metadata.published = PublicationDate.normalized(published)
        continue
      }
      let reference = today ?? PublicationDate.today()
      today = reference
      articles[index].metadata.published = PublicationDate.dateline(
        in: articles[index].text, reference: reference)
    }
  }

  /// The articles in the file at `path`; throws when none could be read.
  public static func read(
    fileAt path: String, format: Format? = nil, byteLimit: Int = defaultByteLimit,
    options: ReadOptions = ReadOptions()
  ) throws(ReadError) -> [Article] {
    try readBatch(fileAt: path, format: format, byteLimit: byteLimit, options: options).articles
  }

  /// The articles in `bytes`; throws when none could be read.
  public static func read(
    bytes: [UInt8], source: String, format: Format? = nil,
    decompressedLimit: Int = Gunzip.defaultLimit, options: ReadOptions = ReadOptions()
  ) throws(ReadError) -> [Article] {
    try readBatch(
      bytes: bytes, source: source, format: format, decompressedLimit: decompressedLimit,
      options: options
    ).articles
  }
}
