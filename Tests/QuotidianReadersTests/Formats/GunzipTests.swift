import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct GunzipTests {
  static let sample = Array(
    String(repeating: "The ferry runs every forty minutes. ", count: 200).utf8)

  @Test(arguments: [1, 3])
  func decompressesConcatenatedMembers(_ members: Int) throws {
    let gz = (0..<members).flatMap { _ in GzipTestSupport.gzip(Self.sample) }
    let output = try Gunzip.decompressIfNeeded(gz, source: "a.gz", limit: 1 << 20)
    #expect(output == (0..<members).flatMap { _ in Self.sample })
  }

  @Test(arguments: [[UInt8]("plain text".utf8), []])
  func leavesUncompressedBytesAlone(_ bytes: [UInt8]) throws {
    #expect(try Gunzip.decompressIfNeeded(bytes, source: "a.txt") == bytes)
  }

  @Test(arguments: [64 << 20])
  func gzipBombIsTooLarge(_ inflatedSize: Int) throws {
    let bomb = GzipTestSupport.zeros(count: inflatedSize)
    #expect(bomb.count < inflatedSize / 500)
    let error = #expect(throws: ReadError.self) {
      _ = try Gunzip.decompressIfNeeded(bomb, source: "bomb.gz", limit: 1 << 20)
    }
    guard case .tooLarge(_, let limit)? = error?.kind else {
      Issue.record("expected .tooLarge, got \(String(describing: error))")
      return
    }
    #expect(limit == 1 << 20)
  }

  @Test(arguments: [10, 30, 60])
  func truncatedGzipIsMalformed(_ keptPercent: Int) {
    let gz = GzipTestSupport.gzip(Self.sample)
    let truncated = Array(gz.prefix(gz.count * keptPercent / 100))
    let error = #expect(throws: ReadError.self) {
      _ = try Gunzip.decompressIfNeeded(truncated, source: "cut.gz")
    }
    #expect(error?.kind == .malformed(reason: "truncated gzip stream"))
  }

  @Test(arguments: [14, 30])
  func corruptGzipIsMalformed(_ offset: Int) {
    var gz = GzipTestSupport.gzip(Self.sample)
    gz[offset] ^= 0xFF
    gz[offset + 1] ^= 0x5A
    let error = #expect(throws: ReadError.self) {
      _ = try Gunzip.decompressIfNeeded(gz, source: "bad.gz")
    }
    if case .malformed? = error?.kind {
    } else {
      Issue.record("expected .malformed, got \(String(describing: error))")
    }
  }

  @Test(arguments: [1, 2, 7, 4096])
  func streamingInflaterMatchesOneShot(_ chunkSize: Int) throws {
    let gz = GzipTestSupport.gzip(Self.sample) + GzipTestSupport.gzip(Self.sample)
    let inflater = Inflater(limit: 1 << 20)
    var output: [UInt8] = []
    var index = 0
    while index < gz.count {
      let end = min(gz.count, index + chunkSize)
      try inflater.feed(gz[index..<end], isFinal: false) { output.append(contentsOf: $0) }
      index = end
    }
    try inflater.finish()
    #expect(output == Self.sample + Self.sample)
  }
}
