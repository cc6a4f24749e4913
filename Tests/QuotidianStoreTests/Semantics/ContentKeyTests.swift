import Testing

@testable import QuotidianStore

/// The content key is SHA-256 (swift-crypto) of the folded words joined by spaces; the
/// digests below were computed with Python's hashlib on those words.
@Suite struct ContentKeyTests {
  @Test(arguments: [
    ("ABC", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    ("The mayor  said:\nNO.", "40823c721782e6f22cf891b1e15e37b25082babcb1d18b77ac5772a0cf51e865"),
  ])
  func keyIsTheDigestOfTheFoldedWords(_ text: String, _ hex: String) {
    #expect(ArticleIdentity.contentKey(text: text) == hex)
  }

  @Test func copiesDifferingInSpacingAndCaseShareAKey() {
    #expect(
      ArticleIdentity.contentKey(text: "Rain in Kessmere.\n\nThe river rose.")
        == ArticleIdentity.contentKey(text: "rain IN kessmere the  river rose"))
    #expect(
      ArticleIdentity.contentKey(text: "Rain in Kessmere.")
        != ArticleIdentity.contentKey(text: "Rain in Dunmarch."))
  }
}
