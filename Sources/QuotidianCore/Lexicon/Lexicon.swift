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
  /// The grammatical gender a singular definite determiner shows ("la", "el"); empty for
  /// languages whose articles show none.
  let determinerGenders: [WordKey: Entity.Gender]
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
  /// Verbs that agree only with a plural subject ("are", "have"): a capitalised word opening
  /// a sentence before one is a common noun ("Nurses are …"), not a name.
  let pluralAgreementWords: Set<WordKey>

  /// The lexicon of `languageCode` (ISO 639-1); a language without tables of its own reads
  /// English's.
  public init(languageCode: String) {
    self.init(languageCode: languageCode, source: Self.source(of: languageCode) ?? English.self)
  }

  /// The tables of a language, by ISO 639-1 code; nil for a language without its own.
  static func source(of languageCode: String) -> (any LexiconSource.Type)? {
    switch languageCode {
    case "en": English.self
    case "es": Spanish.self
    default: nil
    }
  }

  /// The codes of the languages that have their own tables, sorted.
  public static let languageCodes = ["en", "es"]

  init(languageCode: String, source: any LexiconSource.Type) {
    self.languageCode = languageCode
    func keys(_ words: [String]) -> Set<WordKey> { Set(words.map(WordKey.init)) }
    var verbs: [WordKey: String] = [:]
    for (lemma, forms) in source.speechVerbLemmas {
      for form in forms { verbs[WordKey(form)] = lemma }
    }
    speechVerbs = verbs
    speechPhrases = PhraseTable(source.speechPhrases)
    namingLemmas = Set(source.namingLemmas)
    weakLemmas = Set(source.weakLemmas)
    var pronouns: [WordKey: PronounInfo] = [:]
    for entry in source.pronouns {
      pronouns[WordKey(entry.form)] = PronounInfo(
        gender: entry.gender, isPlural: entry.isPlural, isSubject: entry.isSubject)
    }
    self.pronouns = pronouns
    var titles: [WordKey: Entity.Gender?] = [:]
    for entry in source.titles { titles[WordKey(entry.word)] = entry.gender }
    self.titles = titles
    nameSuffixes = keys(source.nameSuffixes)
    nameParticles = keys(source.nameParticles)
    abbreviations = keys(source.abbreviations)
    descriptionHeads = keys(source.descriptionHeads)
    definiteDeterminers = keys(source.definiteDeterminers)
    var genders: [WordKey: Entity.Gender] = [:]
    for entry in source.determinerGenders { genders[WordKey(entry.word)] = entry.gender }
    determinerGenders = genders
    indefiniteDeterminers = keys(source.indefiniteDeterminers)
    organizationWords = keys(source.organizationWords)
    organizationConnectives = keys(source.organizationConnectives)
    namingWords = keys(source.namingWords)
    designationWords = keys(source.designationWords)
    agentlessMarkers = keys(source.agentlessMarkers)
    nonNameWords = keys(source.nonNameWords)
    verbModifiers = keys(source.verbModifiers)
    var given: [WordKey: Entity.Gender] = [:]
    for name in source.feminineGivenNames { given[WordKey(name)] = .feminine }
    for name in source.masculineGivenNames { given[WordKey(name)] = .masculine }
    givenNames = given
    attributiveOpeners = keys(source.attributiveOpeners)
    institutionHeads = keys(source.institutionHeads)
    prepositions = keys(source.prepositions)
    numberWords = keys(source.numberWords)
    reportWords = keys(source.reportWords)
    pluralAgreementWords = keys(source.pluralAgreementWords)
  }

  public static let english = Lexicon(languageCode: "en")
  public static let spanish = Lexicon(languageCode: "es")

  /// The shared lexicon of `languageCode`: built once per process for the languages with
  /// tables, English's for the others.
  public static func named(_ languageCode: String) -> Lexicon {
    switch languageCode {
    case spanish.languageCode: spanish
    default: english
    }
  }

  /// The lemma of a speech verb form ("told" → "tell"), if `word` is one.
  public func speechVerbLemma(_ word: String) -> String? { speechVerbs[WordKey(word)] }
}

/// Namespace of the English tables.
enum English: LexiconSource {}

/// Namespace of the Spanish tables.
enum Spanish: LexiconSource {}

/// The tables one language supplies to ``Lexicon``, each a sorted `static let` in
/// `Lexicon/<Language>+<Topic>.swift`.
protocol LexiconSource {
  static var speechVerbLemmas: [(lemma: String, forms: [String])] { get }
  static var speechPhrases: [(String, String)] { get }
  static var namingLemmas: [String] { get }
  static var weakLemmas: [String] { get }
  static var pronouns: [(form: String, gender: Entity.Gender?, isPlural: Bool, isSubject: Bool)] {
    get
  }
  static var titles: [(word: String, gender: Entity.Gender?)] { get }
  static var nameSuffixes: [String] { get }
  static var nameParticles: [String] { get }
  static var abbreviations: [String] { get }
  static var descriptionHeads: [String] { get }
  static var definiteDeterminers: [String] { get }
  static var determinerGenders: [(word: String, gender: Entity.Gender)] { get }
  static var indefiniteDeterminers: [String] { get }
  static var organizationWords: [String] { get }
  static var organizationConnectives: [String] { get }
  static var namingWords: [String] { get }
  static var designationWords: [String] { get }
  static var agentlessMarkers: [String] { get }
  static var nonNameWords: [String] { get }
  static var verbModifiers: [String] { get }
  static var feminineGivenNames: [String] { get }
  static var masculineGivenNames: [String] { get }
  static var attributiveOpeners: [String] { get }
  static var institutionHeads: [String] { get }
  static var prepositions: [String] { get }
  static var numberWords: [String] { get }
  static var reportWords: [String] { get }
  static var pluralAgreementWords: [String] { get }
  static var occasions: [(String, String)] { get }
  static var postPlatforms: [String] { get }
  static var reportingLemmas: [String] { get }
  static var commitmentMarkers: [String] { get }
  static var vagueHorizons: [(String, String)] { get }
  static var reportedSubjectStarts: [String] { get }
  static var statementModifiers: [String] { get }
  static var statementWords: (that: String, on: String, reporters: String) { get }
  static var cardinals: [(String, Double)] { get }
  static var numberScales: [(String, Double)] { get }
  static var numberQualifiers: [(String, String)] { get }
  static var numberUnits: [(String, String)] { get }
  static var currencySigns: [(String, String)] { get }
  static var countedStops: [String] { get }
  static var months: [(String, Int)] { get }
  static var claimWords: (of: String, a: String, an: String, one: String, half: String) { get }
  static var eitherDecimalMark: Bool { get }
  static var verbSuffixes: [String] { get }
  static var countedArticles: [String] { get }
  static var ambiguousMonths: [String] { get }
  static var weekdays: [(String, Int)] { get }
  static var seasons: [(String, Int, Int)] { get }
  static var calendarUnits: [(String, DateUnit)] { get }
  static var deicticDays: [(String, Int)] { get }
  static var partsOfDay: [String] { get }
  static var dateRelations: [(String, String)] { get }
  static var futureMarkers: [String] { get }
  static var ordinals: [(String, Int)] { get }
  static var dateFunctionWords: [String: [String]] { get }
  static var dateNamesCapitalized: Bool { get }
  static var postposedShifts: [(String, Int)] { get }
}
