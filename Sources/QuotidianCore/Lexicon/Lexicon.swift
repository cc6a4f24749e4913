/// Language data the components use: speech verbs, pronouns, titles, abbreviations.
///
/// Algorithms take a `Lexicon` value and stay language-neutral; the English tables live
/// in `English+<Topic>.swift`. Look-ups are by ``WordKey`` (a hash of the lower-cased
/// bytes), so hot loops never build strings.
public struct Lexicon: Sendable {
  public let languageCode: String

  struct PronounInfo: Sendable {
    var gender: Entity.Gender?
    var isPlural: Bool
    var isSubject: Bool
  }

  let speechVerbs: [WordKey: String]
  let speechPhrases: PhraseTable
  let namingLemmas: Set<String>
  let weakLemmas: Set<String>
  let pronouns: [WordKey: PronounInfo]
  let titles: [WordKey: Entity.Gender?]
  let nameSuffixes: Set<WordKey>
  let nameParticles: Set<WordKey>
  let abbreviations: Set<WordKey>
  let descriptionHeads: Set<WordKey>
  let definiteDeterminers: Set<WordKey>
  let indefiniteDeterminers: Set<WordKey>
  let organizationWords: Set<WordKey>
  let organizationConnectives: Set<WordKey>
  let namingWords: Set<WordKey>
  let designationWords: Set<WordKey>
  let agentlessMarkers: Set<WordKey>
  let nonNameWords: Set<WordKey>
  let verbModifiers: Set<WordKey>
  let givenNames: [WordKey: Entity.Gender]
  let attributiveOpeners: Set<WordKey>
  let institutionHeads: Set<WordKey>
  let prepositions: Set<WordKey>
  /// Cardinal number words ("two", "fifty"): never a name.
  let numberWords: Set<WordKey>
  /// Documents that speak for the organisation behind them ("poll", "survey", "report").
  let reportWords: Set<WordKey>

  public init(languageCode: String) {
    self.languageCode = languageCode
    // Only English data exists so far; other languages reuse it until they get their own.
    func keys(_ words: [String]) -> Set<WordKey> { Set(words.map(WordKey.init)) }
    var verbs: [WordKey: String] = [:]
    for (lemma, forms) in English.speechVerbLemmas {
      for form in forms { verbs[WordKey(form)] = lemma }
    }
    speechVerbs = verbs
    speechPhrases = PhraseTable(English.speechPhrases)
    namingLemmas = Set(English.namingLemmas)
    weakLemmas = Set(English.weakLemmas)
    var pronouns: [WordKey: PronounInfo] = [:]
    for entry in English.pronouns {
      pronouns[WordKey(entry.form)] = PronounInfo(
        gender: entry.gender, isPlural: entry.isPlural, isSubject: entry.isSubject)
    }
    self.pronouns = pronouns
    var titles: [WordKey: Entity.Gender?] = [:]
    for entry in English.titles { titles[WordKey(entry.word)] = entry.gender }
    self.titles = titles
    nameSuffixes = keys(English.nameSuffixes)
    nameParticles = keys(English.nameParticles)
    abbreviations = keys(English.abbreviations)
    descriptionHeads = keys(English.descriptionHeads)
    definiteDeterminers = keys(English.definiteDeterminers)
    indefiniteDeterminers = keys(English.indefiniteDeterminers)
    organizationWords = keys(English.organizationWords)
    organizationConnectives = keys(English.organizationConnectives)
    namingWords = keys(English.namingWords)
    designationWords = keys(English.designationWords)
    agentlessMarkers = keys(English.agentlessMarkers)
    nonNameWords = keys(English.nonNameWords)
    verbModifiers = keys(English.verbModifiers)
    var given: [WordKey: Entity.Gender] = [:]
    for name in English.feminineGivenNames { given[WordKey(name)] = .feminine }
    for name in English.masculineGivenNames { given[WordKey(name)] = .masculine }
    givenNames = given
    attributiveOpeners = keys(English.attributiveOpeners)
    institutionHeads = keys(English.institutionHeads)
    prepositions = keys(English.prepositions)
    numberWords = keys(English.numberWords)
    reportWords = keys(English.reportWords)
  }

  public static let english = Lexicon(languageCode: "en")

  /// The lemma of a speech verb form ("told" → "tell"), if `word` is one.
  public func speechVerbLemma(_ word: String) -> String? { speechVerbs[WordKey(word)] }
}

/// Namespace of the English tables.
enum English {}
