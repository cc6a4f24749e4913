import QuotidianCore
import Testing

@testable import QuotidianReaders

/// The always-on fallback for fuzzing (see Fuzz/README.md): seeded random mutations of every
/// format fixture must yield articles or a `ReadError`, never a crash or a hang.
@Suite struct FormatMutationTests {
  /// SplitMix64: small, fast, reproducible.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Tokens that matter to the parsers, spliced in at random places.
  static let tokens: [String] = [
    "\r\n", "\n\n", "--", "--=_tide_alt_01", "--=_tide_alt_01--", "=?UTF-8?B?", "?=", "=\r\n",
    "=ZZ",
    "Content-Type: multipart/mixed; boundary=x\r\n", "Content-Transfer-Encoding: base64\r\n",
    "\nFrom ",
    "<![CDATA[", "]]>", "&lol;", "&#xD800;", "&nbsp;", "<", ">", "</item>", "<item>", "\"", "{",
    "}", "[", "]",
    "WARC/1.1\r\n", "Content-Length: 999999999\r\n", "Content-Length: -5\r\n",
    "HTTP/1.1 200 OK\r\n",
    "Transfer-Encoding: chunked\r\n", "ffffffff\r\n", "\u{1F}\u{8B}", "\u{0}",
  ]

  static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<6, using: &generator) {
      case 0 where !bytes.isEmpty:
        bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
      case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
      case 2 where !bytes.isEmpty:
        bytes.removeSubrange(
          position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
      case 3:
        guard let token = tokens.randomElement(using: &generator) else {
          preconditionFailure("the token list is not empty")
        }
        bytes.insert(contentsOf: Array(token.utf8), at: position)
      case 4 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...256, using: &generator))
        let chunk = Array(bytes[position..<end])
        bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &generator))
      default: bytes = Array(bytes.prefix(position))
      }
    }
    return bytes
  }

  enum Reader: String, CaseIterable, Sendable {
    case email, mbox, feed, warc, jsonLines, gzip

    func run(_ bytes: [UInt8]) -> Int {
      switch self {
      case .email:
        return (try? EmailReader.read(bytes: bytes, source: "m.eml")).map { $0.text.utf8.count }
          ?? -1
      case .mbox: return MboxReader.readBatch(bytes: bytes, source: "m.mbox").articles.count
      case .feed: return FeedReader.readBatch(bytes: bytes, source: "m.xml").articles.count
      case .warc: return WARCReader.readBatch(bytes: bytes, source: "m.warc").articles.count
      case .jsonLines:
        return JSONLinesReader.readBatch(bytes: bytes, source: "m.jsonl").articles.count
      case .gzip:
        return (try? Gunzip.decompressIfNeeded(bytes, source: "m.gz", limit: 1 << 20).count) ?? -1
      }
    }

    func seeds() throws -> [[UInt8]] {
      switch self {
      case .email:
        try [
          "newsletter-alternative-qp-1252.eml", "forwarded-plain-base64.eml",
          "nested-multipart.eml",
        ].map(FormatFixtures.bytes)
      case .mbox: [try FormatFixtures.bytes("three-messages.mbox")]
      case .feed:
        try ["rss2-full-content.xml", "atom.xml", "feed.json", "billion-laughs.xml"].map(
          FormatFixtures.bytes)
      case .warc:
        [
          WARCBuilder.sampleRecords().flatMap { $0 },
          WARCBuilder.sampleRecords().flatMap { GzipTestSupport.gzip($0) },
        ]
      case .jsonLines:
        [Array((JSONLinesReaderTests.good1 + "\n" + JSONLinesReaderTests.good2).utf8)]
      case .gzip: [GzipTestSupport.gzip(Array(String(repeating: "harbour ", count: 300).utf8))]
      }
    }
  }

  @Test(arguments: Reader.allCases)
  func mutatedInputNeverCrashes(_ reader: Reader) throws {
    var generator = SeededGenerator(state: 0x5EED_0000 &+ UInt64(reader.rawValue.utf8.count))
    var outcomes = 0
    let seeds = try reader.seeds()
    #expect(reader.run(seeds[0]) > 0, "the first unmutated seed must be readable")
    for seed in seeds {
      for _ in 0..<600 {
        _ = reader.run(Self.mutate(seed, using: &generator))
        outcomes += 1
      }
    }
    #expect(outcomes == seeds.count * 600)
  }
}
