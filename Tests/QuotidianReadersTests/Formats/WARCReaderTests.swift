import Foundation
import QuotidianCore
import Testing

@testable import QuotidianReaders

/// Builds WARC records by hand.
enum WARCBuilder {
  static func record(
    type: String, uri: String?, date: String = "2026-03-14T10:00:00Z", block: [UInt8],
    lengthDelta: Int = 0
  )
    -> [UInt8]
  {
    var header =
      "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
    header += "WARC-Date: \(date)\r\n"
    if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
    if type == "response" { header += "Content-Type: application/http; msgtype=response\r\n" }
    header += "Content-Length: \(block.count + lengthDelta)\r\n\r\n"
    return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
  }

  static func response(
    status: String = "200 OK", contentType: String = "text/html; charset=utf-8",
    extraHeaders: String = "", body: [UInt8]
  ) -> [UInt8] {
    Array(
      "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\n\(extraHeaders)Content-Length: \(body.count)\r\n\r\n"
        .utf8) + body
  }

  static func page(title: String, paragraph: String) -> [UInt8] {
    Array(
      "<!DOCTYPE html><html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(paragraph)</p></article></body></html>"
        .utf8)
  }

  /// A small archive: warcinfo, a request, two HTML pages, a 404, an image, a redirect.
  static func sampleRecords() -> [[UInt8]] {
    [
      record(type: "warcinfo", uri: nil, block: Array("software: test\r\n".utf8)),
      record(
        type: "request", uri: "https://courier.example/pier",
        block: Array("GET /pier HTTP/1.1\r\nHost: courier.example\r\n\r\n".utf8)),
      record(
        type: "response", uri: "https://courier.example/pier",
        block: response(
          body: page(
            title: "Pier vote passes",
            paragraph:
              "The harbour council voted to rebuild the pier, said Councillor Odile Marchetti."))),
      record(
        type: "response", uri: "https://courier.example/missing",
        block: response(status: "404 Not Found", body: page(title: "Not found", paragraph: "Gone."))
      ),
      record(
        type: "response", uri: "https://courier.example/logo.png",
        block: response(contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47])),
      record(
        type: "response", uri: "https://courier.example/old",
        block: response(status: "301 Moved Permanently", body: [])),
      record(
        type: "response", uri: "https://valley.example/market", date: "2026-03-15T11:30:00Z",
        block: response(
          body: page(
            title: "Market hall reopens",
            paragraph: "The market hall reopened on Friday, said stallholder Femi Adeyemi."))),
    ]
  }
}

@Suite struct WARCReaderTests {
  enum Packing: String, CaseIterable, Sendable { case plain, wholeFileGzip, perRecordGzip }

  static func pack(_ records: [[UInt8]], _ packing: Packing) -> [UInt8] {
    switch packing {
    case .plain: records.flatMap { $0 }
    case .wholeFileGzip: GzipTestSupport.gzip(records.flatMap { $0 })
    case .perRecordGzip: records.flatMap { GzipTestSupport.gzip($0) }
    }
  }

  @Test(arguments: Packing.allCases)
  func readsHTMLResponsesOnly(_ packing: Packing) throws {
    let bytes = Self.pack(WARCBuilder.sampleRecords(), packing)
    let batch = WARCReader.readBatch(bytes: bytes, source: "crawl.warc")
    #expect(batch.errors.isEmpty)
    #expect(
      batch.articles.map(\.metadata.url) == [
        "https://courier.example/pier", "https://valley.example/market",
      ])
    #expect(
      batch.articles.map(\.metadata.fetched) == ["2026-03-14T10:00:00Z", "2026-03-15T11:30:00Z"])
    #expect(batch.articles.map(\.metadata.title) == ["Pier vote passes", "Market hall reopens"])
    #expect(batch.articles.map(\.source) == ["crawl.warc#3", "crawl.warc#7"])
    #expect(batch.articles.allSatisfy { $0.format == "warc" && $0.metadata.published == nil })
    #expect(batch.articles.first?.text.contains("said Councillor Odile Marchetti.") == true)
    #expect(batch.articles.last?.text.contains("said stallholder Femi Adeyemi.") == true)
    #expect(WARCReader.sniff(bytes))
  }

  @Test(arguments: [-40, -1, 1, 25, 4000], [Packing.plain, .perRecordGzip])
  func lyingContentLengthCostsOnlyThatRecord(_ delta: Int, _ packing: Packing) throws {
    var records = WARCBuilder.sampleRecords()
    let pier = WARCBuilder.response(
      body: WARCBuilder.page(title: "Pier vote passes", paragraph: "The council voted."))
    records[2] = WARCBuilder.record(
      type: "response", uri: "https://courier.example/pier", block: pier, lengthDelta: delta)
    let batch = WARCReader.readBatch(bytes: Self.pack(records, packing), source: "lie.warc")
    #expect(batch.articles.map(\.metadata.url) == ["https://valley.example/market"])
    #expect(batch.errors.count == 1)
    #expect(batch.errors.first?.source == "lie.warc#3")
    if case .malformed(let reason)? = batch.errors.first?.kind {
      #expect(reason.contains("Content-Length"))
    } else {
      Issue.record("expected .malformed, got \(String(describing: batch.errors.first))")
    }
  }

  @Test(arguments: [0.5, 0.9])
  func truncatedArchiveKeepsEarlierRecords(_ fraction: Double) {
    let bytes = WARCBuilder.sampleRecords().flatMap { $0 }
    let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
    let batch = WARCReader.readBatch(bytes: cut, source: "cut.warc")
    #expect(batch.articles.first?.metadata.url == "https://courier.example/pier")
  }

  @Test(arguments: ["windows-1252"])
  func decodesChunkedBodyInDeclaredCharset(_ charset: String) {
    var html: [UInt8] = Array("<html><head><title>Caf".utf8)
    html.append(0xE9)
    html += Array(" owners</title></head><body><p>".utf8)
    html.append(0x93)
    html += Array("We will lose trade,".utf8)
    html.append(0x94)
    html += Array(" said owner Bruno Saltvik.</p></body></html>".utf8)
    let half = html.count / 2
    var chunked: [UInt8] = Array("\(String(half, radix: 16))\r\n".utf8)
    chunked += html[..<half]
    chunked += Array("\r\n\(String(html.count - half, radix: 16))\r\n".utf8)
    chunked += html[half...]
    chunked += Array("\r\n0\r\n\r\n".utf8)
    let block = WARCBuilder.response(
      contentType: "text/html; charset=\(charset)", extraHeaders: "Transfer-Encoding: chunked\r\n",
      body: chunked)
    let bytes = WARCBuilder.record(
      type: "response", uri: "https://valley.example/cafe", block: block)
    let batch = WARCReader.readBatch(bytes: bytes, source: "cafe.warc")
    #expect(batch.errors.isEmpty)
    #expect(batch.articles.first?.metadata.title == "Café owners")
    #expect(
      batch.articles.first?.text.contains("“We will lose trade,” said owner Bruno Saltvik.") == true
    )
  }

  @Test(arguments: [400])
  func streamsLargeFileRecordByRecord(_ pageCount: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-\(UUID().uuidString).warc.gz"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var bytes: [UInt8] = []
    for index in 0..<pageCount {
      let padding = String(repeating: "Filler sentence about the harbour. ", count: 80)
      let record = WARCBuilder.record(
        type: "response", uri: "https://courier.example/\(index)",
        block: WARCBuilder.response(
          body: WARCBuilder.page(
            title: "Page \(index)", paragraph: "Story number \(index). \(padding)")))
      bytes += GzipTestSupport.gzip(record)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var count = 0
    var errors = 0
    for result in try WARCReader.articles(atPath: path) {
      switch result {
      case .success(let article):
        #expect(article.metadata.url == "https://courier.example/\(count)")
        count += 1
      case .failure: errors += 1
      }
    }
    #expect(count == pageCount)
    #expect(errors == 0)
  }

  @Test(arguments: ["garbage before WARC/1.1\r\n", ""])
  func garbageBetweenRecordsIsSkipped(_ garbage: String) {
    let records = WARCBuilder.sampleRecords()
    let bytes =
      Array(garbage.utf8) + records[0...2].flatMap { $0 } + Array("junk junk\r\n".utf8) + records[6]
    let batch = WARCReader.readBatch(bytes: bytes, source: "junk.warc")
    #expect(
      batch.articles.map(\.metadata.url) == [
        "https://courier.example/pier", "https://valley.example/market",
      ])
  }
}

@Suite struct WARCFixtureTests {
  @Test(arguments: ["sample.warc", "sample-per-record.warc.gz"])
  func readsFixtureArchive(_ file: String) throws {
    let articles = try WARCReader.read(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(articles.count == 1)
    let article = try #require(articles.first)
    #expect(article.metadata.url == "https://qvgazette.example/reservoir")
    #expect(article.metadata.fetched == "2026-03-14T10:00:00Z")
    #expect(article.metadata.title == "Reservoir levels reach a ten-year high")
    #expect(article.metadata.authors == ["Halima Osei"])
    #expect(article.metadata.published?.hasPrefix("2026-03-10") == true)
    #expect(article.text.contains("“The rain did its job,” said board chair Ingrid Solberg."))
    #expect(article.source == "\(file)#3")
  }
}
