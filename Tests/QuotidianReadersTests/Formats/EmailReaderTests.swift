import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct EmailReaderTests {
  struct Case: Sendable, CustomStringConvertible {
    var file: String
    var title: String
    var channel: String
    var mustContain: [String]
    var mustNotContain: [String]
    var description: String { file }
  }

  static let cases: [Case] = [
    Case(
      file: "newsletter-alternative-qp-1252.eml",
      title: "Harbour council votes to rebuild the old ferry pier",
      channel: "Morning Tide – Brindlecombe <tide@morningtide.example> on 2026-03-14",
      mustContain: [
        "voted 7–2 on Wednesday", "“We have waited long enough,” said Councillor Odile Marchetti",
        "the town’s front door", "€4.2 million",
      ],
      mustNotContain: ["=E2", "=96", "=\r\n", "quoted-printable", "Ã"]),
    Case(
      file: "forwarded-plain-base64.eml",
      title: "Mill Street bridge to close for six weeks",
      channel: "Renée Façon <renee@example.net> on 2026-03-13",
      mustContain: ["replace its deck", "said county engineer Aïcha Lindqvist"],
      mustNotContain: ["Forwarded message", "Thought you would want", "forward@example.org"]),
    Case(
      file: "nested-multipart.eml",
      title: "Lantern festival returns to Oakhurst",
      channel: "Oakhurst Weekly <news@oakhurst.example> on 2026-03-16",
      mustContain: ["return on May 9", "said organiser Priya Halvorsen of Sæby"],
      mustNotContain: ["Plain fallback", "JVBERi0", "iVBOR", "cid:"]),
  ]

  @Test(arguments: cases)
  func readsArticleFromMessage(_ testCase: Case) throws {
    let bytes = try FormatFixtures.bytes(testCase.file)
    let article = try EmailReader.read(bytes: bytes, source: testCase.file)
    #expect(article.metadata.title == testCase.title)
    #expect(article.metadata.channel == testCase.channel)
    #expect(article.format == "eml")
    #expect(article.source == testCase.file)
    for needle in testCase.mustContain {
      #expect(article.text.contains(needle), "missing \(needle)")
    }
    for needle in testCase.mustNotContain {
      #expect(!article.text.contains(needle), "unexpected \(needle)")
    }
  }

  @Test(arguments: ["newsletter-alternative-qp-1252.eml"])
  func forwardedArticleKeepsItsOwnMetadata(_ file: String) throws {
    let article = try EmailReader.read(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(article.metadata.authors == ["Mirela Kovács"])
    #expect(article.metadata.outlet == "The Brindlecombe Courier")
    #expect(article.metadata.published?.hasPrefix("2026-03-12") == true)
    #expect(!article.text.contains("Unsubscribe") || article.text.contains("Marchetti"))
  }

  @Test(arguments: [("forwarded-plain-base64.eml", "Tomasz Ebbesen")])
  func plainTextForwardKeepsTheArticleByline(_ file: String, _ author: String) throws {
    let article = try EmailReader.read(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(article.metadata.authors == [author])
    #expect(!article.text.contains("By \(author)"))
  }

  @Test(arguments: [
    ("broken-boundary.eml", "multipart boundary \"declared-boundary\" not found"),
    ("garbage-base64.eml", "invalid base64"),
  ])
  func brokenMessageIsAClearError(_ file: String, _ reason: String) throws {
    let bytes = try FormatFixtures.bytes(file)
    let error = #expect(throws: ReadError.self) { try EmailReader.read(bytes: bytes, source: file) }
    guard case .malformed(let message)? = error?.kind else {
      Issue.record("expected .malformed, got \(String(describing: error))")
      return
    }
    #expect(message.contains(reason))
    #expect(error?.source == file)
  }

  @Test(arguments: [
    ("=?UTF-8?B?Q2Fmw6kgb3duZXJz?=", "Café owners"),
    ("=?iso-8859-1?q?caf=E9_owners?=", "café owners"),
    ("=?windows-1252?Q?=93Quoted=94?= and plain", "“Quoted” and plain"),
    ("=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab"),
    ("plain =?bogus", "plain =?bogus"),
    ("=?UTF-8?B?!!!?=", "=?UTF-8?B?!!!?="),
  ])
  func decodesEncodedWords(_ raw: String, _ expected: String) {
    #expect(EncodedWords.decode(raw) == expected)
  }

  @Test(
    arguments: [
      ([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x96], "windows-1252", "“Hi” €–"),
      ([0x63, 0x61, 0x66, 0xE9], "iso-8859-1", "café"),
      ([0xA4], "iso-8859-15", "€"),
      ([0x63, 0x61, 0x66, 0xC3, 0xA9], "utf-8", "café"),
      ([0x63, 0x61, 0x66, 0xE9], "utf-8", "café"),  // mislabelled Latin-1 falls back to 1252
      ([0x63, 0x61, 0x66, 0xE9], "x-unknown-charset", "café"),
    ] as [([UInt8], String, String)])
  func decodesCharsets(_ bytes: [UInt8], _ charset: String, _ expected: String) {
    #expect(Charset.decode(bytes, charset: charset) == expected)
  }

  @Test(arguments: [
    ("Sat, 14 Mar 2026 07:15:00 +0100", "2026-03-14T07:15:00+01:00"),
    ("14 Mar 2026 07:15 GMT", "2026-03-14T07:15:00Z"),
    ("Fri, 13 Mar 2026 09:40:12 -0500 (EST)", "2026-03-13T09:40:12-05:00"),
    ("Mon, 2 Feb 26 10:00:00 -0800", "2026-02-02T10:00:00-08:00"),
  ])
  func parsesMailDates(_ raw: String, _ expected: String) {
    #expect(MailDate.parse(raw)?.iso8601 == expected)
  }

  @Test(arguments: [
    ("soft=\r\nbreak =3D x=\nend", "softbreak = xend"), ("bad =ZZ escape", "bad =ZZ escape"),
  ])
  func decodesQuotedPrintable(_ raw: String, _ expected: String) {
    #expect(
      String(decoding: TransferEncoding.quotedPrintable(Array(raw.utf8)), as: UTF8.self) == expected
    )
  }

  @Test(arguments: [
    ("newsletter-alternative-qp-1252.eml", true), ("three-messages.mbox", false),
    ("nested-multipart.eml", true),
  ])
  func sniffsMessages(_ file: String, _ isEmail: Bool) throws {
    #expect(EmailReader.sniff(try FormatFixtures.bytes(file)) == isEmail)
  }

  @Test(arguments: [
    "<html><body>Hi</body></html>", "Just a line of text.\nAnother: line\n", "{\"text\": 1}",
  ])
  func sniffRejectsNonMail(_ text: String) {
    #expect(!EmailReader.sniff(Array(text.utf8)))
  }
}
