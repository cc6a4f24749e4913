/// Language data the components use: speech verbs, pronouns, titles, abbreviations.
///
/// Algorithms take a `Lexicon` value and stay language-neutral; the English tables live
/// in `English+<Topic>.swift`.
public struct Lexicon: Sendable {
  public let languageCode: String

  public init(languageCode: String) {
    self.languageCode = languageCode
  }

  public static let english = Lexicon(languageCode: "en")
}
