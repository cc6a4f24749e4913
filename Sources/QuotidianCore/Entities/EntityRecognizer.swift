/// Recognises the people, organisations, places and nationality groups an article
/// mentions, gives each person the roles the article states (with status and dates), and
/// resolves every mention within the article (names, surnames, title + surname, role
/// descriptions, pronouns) to its entity.
///
/// Runs last: it re-derives ``Document/entities`` from the tokens, the mentions and the
/// attributions, and re-points ``Mention/entity`` at the new list.
///
/// - Recognition: capitalised runs (with name particles "de la", "van", "bin" and
///   "University of …") looked up in hashed place, organisation and demonym tables
///   (ISO 3166 via `scripts/build-lexicons`, plus hand-written cities and agencies);
///   acronyms and organisation words ("Inc", "Department"); a person when a title, a given
///   name, a speech verb, an apposition or a role predicate says so; a place after "in"
///   or before "-based".
/// - Roles: a title before the name ("White House Deputy Press Secretary"), an apposition
///   before or after it, a relative clause ("who served as …") and a predicate ("is a staff
///   writer at …"). "former", "ex-", "then-" and past tense make the status former; "from
///   2013 to 2016", "since 2024", "until 2020" fill the dates.
/// - Coreference, in text order: a partial name goes to the most recent compatible person
///   whose name contains it (never merging two people who share a surname); a definite
///   description to the latest unnamed person it repeats or the named person whose role it
///   names; a pronoun to the latest person of its gender within three sentences.
///
/// O(tokens): every look-up is hashed and every backward walk is bounded.
public struct EntityRecognizer: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "entities" }
  public var requires: Set<Layer> {
    [.tokens, .sentences, .paragraphs, .quotes, .cues, .mentions, .attributions]
  }
  public var provides: Set<Layer> { [.entities] }

  public func process(_ document: inout Document) {
    let (entities, mentions) = entities(in: document)
    document.entities = entities
    document.mentions = mentions
  }

  /// The entities of `document`, and its mentions re-pointed at them.
  func entities(in document: Document) -> ([Entity], [Mention]) {
    Bytes.with(document.text) { bytes in
      var scanner = EntityScanner(
        document: document, bytes: bytes, lexicon: lexicon, tables: .english)
      return scanner.run()
    }
  }
}
