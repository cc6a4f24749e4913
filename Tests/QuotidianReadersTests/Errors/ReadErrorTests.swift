import Foundation
import Testing

@testable import QuotidianReaders

@Suite struct ReadErrorTests {
  static func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-readers-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func error(reading bytes: [UInt8], format: Format? = nil) -> ReadError? {
    do {
      _ = try Readers.read(bytes: bytes, source: "bad.txt", format: format)
      return nil
    } catch {
      return error
    }
  }

  /// UTF-8 with damage: a valid multi-byte sequence (or a UTF-8 byte-order mark) shows the
  /// file is UTF-8, so a bad byte is an error, not a reason to guess another charset.
  static let damagedUTF8: [([UInt8], Int)] = [
    ([0x43, 0x61, 0x66, 0xC3, 0xA9, 0x20, 0xFF, 0x41], 6),
    ([0xC3, 0xA9, 0x41, 0x42, 0xC3], 4),
    ([0xC3, 0xA9, 0x41, 0xED, 0xA0, 0x80], 3),  // a UTF-16 surrogate
    ([0xC3, 0xA9, 0x41, 0xC0, 0xAF], 3),  // overlong
    ([0xEF, 0xBB, 0xBF, 0x41, 0x80], 4),  // after a byte-order mark
  ]

  @Test(arguments: damagedUTF8)
  func invalidUTF8NamesTheByteOffset(_ bytes: [UInt8], _ offset: Int) {
    for format in [Format.text, .newsletter] {
      let error = Self.error(reading: bytes, format: format)
      #expect(error?.kind == .invalidUTF8(byteOffset: offset))
      #expect(error?.source == "bad.txt")
    }
  }

  @Test(arguments: [
    [UInt8](Array("PK".utf8) + [0x03, 0x04, 0x00, 0x00]),
    [UInt8](repeating: 0x01, count: 100) + Array("some text".utf8),
  ])
  func binaryContentIsRejected(_ bytes: [UInt8]) {
    #expect(Self.error(reading: bytes)?.kind == .binary)
  }

  /// Gzip is transparent, so a gzip stream that ends early is a broken gzip, not binary text.
  @Test(arguments: [[UInt8]([0x1F, 0x8B, 0x08, 0x00, 0x00])])
  func truncatedGzipIsMalformed(_ bytes: [UInt8]) {
    #expect(Self.error(reading: bytes)?.kind == .malformed(reason: "truncated gzip stream"))
  }

  @Test(arguments: ["", "   ", "\n\r\n\t \n", "\u{FEFF}"])
  func emptyInputIsRejected(_ content: String) {
    #expect(Self.error(reading: Array(content.utf8))?.kind == .empty)
  }

  @Test func newsletterOfOnlyMarkersIsEmpty() {
    let bytes = Array("[[link removed]]\n*\n[[link removed]]\n".utf8)
    #expect(Self.error(reading: bytes)?.kind == .empty)
  }

  @Test func tooLargeFileNamesSizeAndLimit() throws {
    let path = try Self.temporaryFile(Array(repeating: 0x61, count: 2048))
    #expect(throws: ReadError(source: path, kind: .tooLarge(bytes: 2048, limit: 1024))) {
      try Readers.read(fileAt: path, byteLimit: 1024)
    }
  }

  @Test func directoryIsUnreadable() throws {
    let path = FileManager.default.temporaryDirectory.path
    #expect(throws: ReadError(source: path, kind: .unreadable(reason: "is a directory"))) {
      try Readers.read(fileAt: path)
    }
  }

  @Test func missingFileIsUnreadable() {
    let path = "/nonexistent/quotidian/missing.txt"
    #expect(throws: ReadError(source: path, kind: .unreadable(reason: "no such file"))) {
      try Readers.read(fileAt: path)
    }
  }

  /// Root reads anything, so the check only means something for ordinary users: it is
  /// skipped (and reported as skipped) under root, never passed without checking.
  @Test(.enabled(if: getuid() != 0, "root can read a file without permissions"), .bug(id: 11))
  func unreadableFileNamesPermission() throws {
    let path = try Self.temporaryFile(Array("A ferry story.".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
    #expect(throws: ReadError(source: path, kind: .unreadable(reason: "permission denied"))) {
      try Readers.read(fileAt: path)
    }
  }

  @Test func errorDescriptionIsCompilerStyle() {
    let error = ReadError(source: "a.txt", kind: .invalidUTF8(byteOffset: 7))
    #expect(error.description == "a.txt: error: invalid UTF-8 at byte 7")
  }

  /// A newsletter-like file of `megabytes` MB: paragraphs with a quote and link markers.
  static func newsletterFile(megabytes: Int) throws -> String {
    let paragraph = Array(
      """
      The ferry left Port Alder at dawn, carrying forty passengers and a crate
      of seedlings for the island school. “It was calm,” said Ilse Varga.
      [[link removed]]

      """.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(megabytes << 20)
    while bytes.count < megabytes << 20 { bytes += paragraph }
    return try temporaryFile(bytes)
  }

  /// A 6 MB newsletter-like file is under both caps: it is read, cleaned and returned.
  @Test func sixMegabyteNewsletterIsRead() throws {
    let path = try Self.newsletterFile(megabytes: 6)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let articles = try Readers.read(fileAt: path)
    #expect(articles.first?.format == "newsletter")
    #expect(articles.first?.text.contains("link removed") == false)
    #expect((articles.first?.text.utf8.count ?? 0) > 5 << 20)
  }

  /// A 50 MB file is under the 64 MB file cap but its text is no article: it is refused,
  /// naming its length and the limit, instead of costing minutes and gigabytes (issue 22).
  @Test(.bug(id: 22)) func fiftyMegabyteTextIsRefusedAsOneArticle() throws {
    let path = try Self.newsletterFile(megabytes: 50)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try Readers.read(fileAt: path)
      Issue.record("a 50 MB article text was accepted")
    } catch {
      guard case .textTooLong(let bytes, let limit) = error.kind else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(error.source == path)
      #expect(limit == Readers.articleTextLimit)
      #expect(bytes > 40 << 20)
      #expect(error.description.contains("split it into articles"))
    }
  }

  /// In a batch, an over-long record is an error of its own; the other records are read.
  @Test(.bug(id: 22)) func overlongJSONLinesRecordIsRefusedAlone() throws {
    let long = String(repeating: "The pier opened. ", count: (Readers.articleTextLimit / 17) + 10)
    let lines = [
      #"{"title": "Short", "text": "The ferry docked at noon, said Ilse Varga."}"#,
      #"{"title": "Long", "text": "\#(long)"}"#,
    ]
    let batch = try Readers.readBatch(
      bytes: Array(lines.joined(separator: "\n").utf8), source: "two.jsonl")
    #expect(batch.articles.map(\.metadata.title) == ["Short"])
    #expect(batch.errors.count == 1)
    if case .textTooLong = batch.errors.first?.kind {
    } else {
      Issue.record("expected textTooLong, got \(String(describing: batch.errors.first))")
    }
  }
}
