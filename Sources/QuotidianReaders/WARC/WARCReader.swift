import Foundation
public import QuotidianCore

/// WARC 1.0/1.1 web archives: every `response` record with HTTP status 200 and an HTML
/// content type becomes an ``Article`` through ``HTMLReader``, with `url` the
/// `WARC-Target-URI` and ``ArticleMetadata/fetched`` the `WARC-Date`.
///
/// Whole-file gzip and per-record gzip (concatenated members, as Common Crawl writes) are
/// both read. For multi-gigabyte files use ``articles(atPath:)``, which streams with bounded
/// memory; `read(bytes:source:)` serves the in-memory `Readers.read` path.
public enum WARCReader {
  /// Whether `bytes` start with a WARC version line (gzipped or not).
  public static func sniff(_ bytes: [UInt8]) -> Bool {
    if Gunzip.isGzip(bytes) {
      let inflater = Inflater(limit: 1 << 16)
      var head: [UInt8] = []
      try? inflater.feed(bytes.prefix(4096), isFinal: false) { head.append(contentsOf: $0) }
      return head.starts(with: Array("WARC/1.".utf8))
    }
    return bytes.drop(while: { $0 == 0x0D || $0 == 0x0A }).starts(with: Array("WARC/1.".utf8))
  }

  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    try readBatch(bytes: bytes, source: source).articlesOrThrow(source: source)
  }

  /// Every HTML page in the archive, with an error for each damaged record.
  public static func readBatch(bytes: [UInt8], source: String) -> ReadBatch {
    var batch = ReadBatch()
    for result in articles(in: WARCRecordStream.records(in: bytes, source: source), source: source)
    {
      switch result {
      case .success(let article): batch.articles.append(article)
      case .failure(let error): batch.errors.append(error)
      }
    }
    if batch.articles.isEmpty && batch.errors.isEmpty {
      batch.errors.append(ReadError(source: source, kind: .empty))
    }
    return batch
  }

  /// Streams the HTML pages of the archive at `path` one at a time. Memory stays bounded by
  /// one record (at most `maxBlockBytes`) and one 1 MB input chunk, whatever the file size.
  public static func articles(
    atPath path: String, maxBlockBytes: Int = 32 << 20
  ) throws(ReadError) -> some Sequence<Result<Article, ReadError>> {
    articles(in: try WARCRecordStream.open(path: path, maxBlockBytes: maxBlockBytes), source: path)
  }

  static func articles(
    in records: WARCRecordStream, source: String
  ) -> some Sequence<Result<Article, ReadError>> {
    records.lazy.compactMap { result -> Result<Article, ReadError>? in
      switch result {
      case .failure(let error): return .failure(error)
      case .success(let record):
        do throws(ReadError) {
          return try article(from: record, source: source).map { .success($0) }
        } catch {
          return .failure(error)
        }
      }
    }
  }

  /// The article in a response record, nil when the record is not a 200 HTML response.
  static func article(from record: WARCRecord, source: String) throws(ReadError) -> Article? {
    guard record.type == "response" else { return nil }
    let recordSource = "\(source)#\(record.number)"
    guard let response = HTTPResponse.parse(record.block[...]) else {
      if let uri = record.targetURI, uri.hasPrefix("dns:") { return nil }
      throw ReadError(
        source: recordSource,
        kind: .malformed(reason: "response record without an HTTP status line"))
    }
    guard response.status == 200 else { return nil }
    let contentType = ContentType(response.headers["content-type"])
    guard contentType.subtype == "html" || contentType.subtype == "xhtml+xml" else { return nil }
    var body = try response.decodedBody(source: recordSource)
    if let charset = Charset.normalize(contentType.parameters["charset"]), charset != "utf-8",
      charset != "utf8",
      Charset.validUTF8(body) == nil
    {
      body = Array(MailArticle.declaringUTF8(Charset.decode(body, charset: charset)).utf8)
    }
    var article = try MailArticle.fromHTML(
      String(decoding: body, as: UTF8.self), source: recordSource)
    article.source = recordSource
    article.format = Format.warc.name
    if let uri = record.targetURI { article.metadata.url = uri }
    article.metadata.fetched = record.date
    return article
  }
}

/// An HTTP/1.x response as archived in a WARC `response` block.
struct HTTPResponse {
  var status: Int
  var headers: MIMEHeaders
  var body: ArraySlice<UInt8>

  static func parse(_ block: ArraySlice<UInt8>) -> HTTPResponse? {
    guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
    let lineEnd = block.firstIndex(of: 0x0A) ?? block.endIndex
    let statusLine = String(decoding: block[block.startIndex..<lineEnd], as: UTF8.self)
    let pieces = statusLine.split(separator: " ", maxSplits: 2)
    guard pieces.count >= 2, let status = Int(pieces[1]) else { return nil }
    let (headers, body) = MIMEHeaders.parse(block[Swift.min(lineEnd + 1, block.endIndex)...])
    return HTTPResponse(status: status, headers: headers, body: body)
  }

  /// The body with chunked transfer coding and gzip content coding undone. Common Crawl
  /// stores payloads already decoded (and renames the headers), so both are checked against
  /// the bytes before decoding.
  func decodedBody(source: String) throws(ReadError) -> [UInt8] {
    var bytes = Array(body)
    if headers["transfer-encoding"]?.lowercased().contains("chunked") == true,
      let dechunked = HTTPResponse.dechunk(bytes)
    {
      bytes = dechunked
    }
    let coding = headers["content-encoding"]?.lowercased() ?? ""
    if coding.contains("gzip") || Gunzip.isGzip(bytes) {
      bytes = try Gunzip.decompressIfNeeded(bytes, source: source)
    } else if coding.contains("br") || coding.contains("deflate") {
      if Charset.validUTF8(bytes.prefix(512)) == nil {
        throw ReadError(source: source, kind: .unsupportedFormat("HTTP content encoding \(coding)"))
      }
    }
    return bytes
  }

  /// Decodes `Transfer-Encoding: chunked`; nil when the bytes are not chunked.
  static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
    var output: [UInt8] = []
    var index = 0
    for _ in 0..<1_000_000 {
      var lineEnd = index
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      guard lineEnd < bytes.count else { return nil }
      let sizeText =
        String(decoding: bytes[index..<lineEnd], as: UTF8.self)
        .split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      guard !sizeText.isEmpty, sizeText.count <= 8, let size = Int(sizeText, radix: 16) else {
        return nil
      }
      index = lineEnd + 1
      if size == 0 { return output }
      guard index + size <= bytes.count else { return nil }
      output.append(contentsOf: bytes[index..<(index + size)])
      index += size
      if index < bytes.count && bytes[index] == 0x0D { index += 1 }
      if index < bytes.count && bytes[index] == 0x0A { index += 1 }
    }
    return nil
  }
}
