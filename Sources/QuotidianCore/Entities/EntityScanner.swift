/// The working state of ``EntityRecognizer`` for one document: the capitalised runs, their
/// kinds, and the entities built from them.
struct EntityScanner {
  let document: Document
  let bytes: UnsafeBufferPointer<UInt8>
  let lexicon: Lexicon
  let tables: EntityLexicon
  let index: DocumentIndex
  let inside: [Bool]
  let cues: CueScanner
  var runs: [Run] = []
  /// Run starting at a token (index into `runs`), -1 if none.
  var runAt: [Int32] = []
  /// Person names MentionFinder found (phrase keys), with their gender.
  var knownPersons: [UInt64: Entity.Gender?] = [:]
  /// Words the article writes in lower case somewhere: a common word, when it opens a
  /// sentence capitalised.
  var lowercaseVocabulary = Set<WordKey>()

  /// A capitalised run: an optional title part and the name.
  struct Run {
    /// Word tokens of the whole run, title included.
    var tokens: [Int]
    /// Offset in `tokens` where the name begins.
    var nameStart: Int
    var keys: [WordKey]
    var kind: Entity.Kind?
    var range: TextRange
    var canonical: String?
    var titleRole: Role?
    var titleGender: Entity.Gender??
    var quoted: Bool
    var firstToken: Int { tokens[nameStart] }
    var lastToken: Int { tokens[tokens.count - 1] }
  }

  init(
    document: Document, bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon, tables: EntityLexicon
  ) {
    self.document = document
    self.bytes = bytes
    self.lexicon = lexicon
    self.tables = tables
    index = DocumentIndex.of(document, bytes: bytes)
    inside = MentionFinder.insideQuotes(document.quotes, index: index)
    cues = CueScanner(lexicon: lexicon)
    runAt = [Int32](repeating: -1, count: index.tokens.count)
    for t in index.tokens.indices where index.isWord(t) && !index.tokens[t].isCapitalized {
      lowercaseVocabulary.insert(index.keys[t])
    }
    for entity in document.entities where entity.kind == .person {
      let words = entity.name.split(separator: " ").map { WordKey(String($0)) }
      knownPersons[EntityLexicon.phraseKey(words)] = entity.gender
    }
  }

  mutating func run() -> ([Entity], [Mention]) {
    findRuns()
    var builder = EntityBuilder(scanner: self)
    return builder.build()
  }

  // MARK: Small look-ups

  func word(_ t: Int, _ w: WordKey) -> Bool { index.isWord(t) && index.keys[t] == w }
  func isComma(_ t: Int) -> Bool { index.isPunctuation(t, UInt8(ascii: ","), bytes) }
  func sentence(of t: Int) -> Int {
    t >= 0 && t < index.tokens.count ? Int(index.sentenceOfToken[t]) : -1
  }
  func isCapitalizedWord(_ t: Int) -> Bool {
    index.isWord(t) && index.tokens[t].isCapitalized
      && bytes[index.tokens[t].range.lowerBound] != 0x40
      && bytes[index.tokens[t].range.lowerBound] != 0x23
  }
  func isPossessive(_ t: Int) -> Bool {
    guard index.isWord(t) else { return false }
    let r = index.tokens[t].range
    guard r.utf8Count == 2 || r.utf8Count == 4 else { return false }
    let last = bytes[r.upperBound - 1]
    return last == UInt8(ascii: "s") && (bytes[r.lowerBound] == 0x27 || bytes[r.lowerBound] == 0xE2)
  }
  func isTitle(_ t: Int) -> Bool {
    index.isWord(t)
      && (lexicon.titles[index.keys[t]] != nil
        || (index.tokens[t].isCapitalized && tables.roleNouns.contains(index.keys[t])))
  }
  func text(_ first: Int, _ last: Int) -> String {
    guard first >= 0, last < index.tokens.count, first <= last else { return "" }
    return document.string(
      TextRange(index.tokens[first].range.lowerBound, index.tokens[last].range.upperBound))
  }
  func isYear(_ t: Int) -> String? {
    guard t >= 0, t < index.tokens.count, index.tokens[t].kind == .number else { return nil }
    let r = index.tokens[t].range
    guard r.utf8Count == 4 else { return nil }
    var value = 0
    for i in r.lowerBound..<r.upperBound {
      let b = bytes[i]
      guard b >= 0x30 && b <= 0x39 else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return value >= 1800 && value <= 2199 ? String(value) : nil
  }
  func isParticle(_ t: Int) -> Bool {
    index.isWord(t)
      && (lexicon.nameParticles.contains(index.keys[t]) || word(t, Keys.bin) || word(t, Keys.ibn))
  }
  func endsInLy(_ t: Int) -> Bool {
    let r = index.tokens[t].range
    return r.utf8Count > 4 && bytes[r.upperBound - 2] == UInt8(ascii: "l")
      && bytes[r.upperBound - 1] == UInt8(ascii: "y")
  }
  func isAcronym(_ t: Int) -> Bool {
    MentionFinder.isAcronym(index.tokens[t].range, bytes)
  }
  func phraseKey(_ tokens: ArraySlice<Int>) -> UInt64 {
    EntityLexicon.phraseKey(tokens.map { index.keys[$0] })
  }

  // MARK: Runs

  /// Finds the capitalised runs and classifies them. O(tokens).
  mutating func findRuns() {
    let tokens = index.tokens
    let n = tokens.count
    var t = 0
    while t < n {
      guard isCapitalizedWord(t) else {
        t += 1
        continue
      }
      let sentence = index.sentenceOfToken[t]
      var words: [Int] = [t]
      var j = t + 1
      while j < n, words.count < 14, index.sentenceOfToken[j] == sentence, inside[j] == inside[t] {
        if isCapitalizedWord(j) {
          words.append(j)
        } else if index.isPunctuation(j, UInt8(ascii: "."), bytes), let last = words.last,
          last == j - 1,
          tokens[last].range.utf8Count == 1,
          tokens[last].range.upperBound == tokens[j].range.lowerBound, isCapitalizedWord(j + 1)
        {
          // The period of an initial ("John J. Doe").
        } else if index.isWord(j), !tokens[j].isCapitalized,
          isCapitalizedWord(j + 1) || (isParticle(j + 1) && isCapitalizedWord(j + 2)),
          isParticle(j)
        {
          words.append(j)
        } else if index.isWord(j), word(j, Keys.of) || word(j, Keys.for), let last = words.last,
          tables.ofHeads.contains(index.keys[last]) || lexicon.titles[index.keys[last]] != nil,
          isCapitalizedWord(j + 1)
        {
          words.append(j)
        } else if index.isWord(j), word(j, Keys.of), let last = words.last,
          tables.ofHeads.contains(index.keys[last]),
          word(j + 1, Keys.the), isCapitalizedWord(j + 2)
        {
          words.append(j)
          words.append(j + 1)
          j += 1
        } else {
          break
        }
        j += 1
      }
      t = max(j, t + 1)
      classify(words)
    }
    for (r, run) in runs.enumerated() where run.firstToken < runAt.count {
      runAt[run.firstToken] = Int32(r)
    }
  }

  /// Trims, splits off a title and classifies one run.
  mutating func classify(_ all: [Int]) {
    var words = all[...]
    let quoted = inside[all[0]]
    // Known organisations with their article ("The Atlantic") first.
    if let org = tables.organizations[phraseKey(words)] {
      add(
        Run(
          tokens: Array(words), nameStart: 0, keys: words.map { index.keys[$0] },
          kind: .organization,
          range: range(words), canonical: org, quoted: quoted))
      return
    }
    while let first = words.first {
      let k = index.keys[first]
      let s = sentence(of: first)
      let isSentenceStart = s >= 0 && index.sentenceTokens[s].lowerBound == first
      let particle = isParticle(first) && words.count > 2
      // A sentence-start role noun or former marker is no name ("Analysts", "Former").
      let common =
        isSentenceStart && !particle
        && (lexicon.descriptionHeads.contains(k) || tables.formerMarkers.contains(k))
        && lexicon.titles[k] == nil
        && lexicon.givenNames[k] == nil && tables.places[EntityLexicon.phraseKey([k])] == nil
      let adverb = isSentenceStart && words.count == 1 && endsInLy(first)
      // A lone capitalised sentence opener the article also writes in lower case, or one a
      // plural verb follows ("Nurses are …"): a common noun.
      let commonNoun =
        isSentenceStart && words.count == 1 && lexicon.titles[k] == nil
        && lexicon.givenNames[k] == nil && tables.places[EntityLexicon.phraseKey([k])] == nil
        && (lowercaseVocabulary.contains(k)
          || (index.isWord(first + 1) && sentence(of: first + 1) == s
            && lexicon.pluralAgreementWords.contains(index.keys[first + 1])))
      if lexicon.nonNameWords.contains(k) || common || adverb || commonNoun
        || tables.quantityWords.contains(k)
        || lexicon.speechVerbs[k] != nil || lexicon.pronouns[k] != nil
        || !index.tokens[first].isCapitalized
      {
        words = words.dropFirst()
      } else {
        break
      }
    }
    while let last = words.last, !index.tokens[last].isCapitalized { words = words.dropLast() }
    guard !words.isEmpty else { return }
    if let org = tables.organizations[phraseKey(words)] {
      add(
        Run(
          tokens: Array(words), nameStart: 0, keys: words.map { index.keys[$0] },
          kind: .organization,
          range: range(words), canonical: org, quoted: quoted))
      return
    }
    // A title part: up to the last title word that has a name after it.
    let base = words.startIndex
    var lastTitle = -1
    var firstTitle = -1
    for i in words.indices where i < words.endIndex - 1 && isTitle(words[i]) {
      if firstTitle < 0 { firstTitle = i - base }
      lastTitle = i - base
    }
    var nameStart = 0
    if lastTitle >= 0 {
      nameStart = lastTitle + 1
      if word(words[base + nameStart], Keys.of) || word(words[base + nameStart], Keys.for) {
        var given = -1
        for i in (base + nameStart + 1)..<words.endIndex
        where lexicon.givenNames[index.keys[words[i]]] != nil {
          given = i - base
          break
        }
        // No known given name: "Secretary of State Rubio", "… of Homeland Security Jane Roe".
        let after = words.count - nameStart - 1
        nameStart = given >= 0 ? given : words.count - (after >= 3 ? 2 : 1)
      }
    }
    let list = Array(words)
    let name = list[nameStart...]
    let nameKey = phraseKey(name)
    if nameStart > 0 {
      if tables.places[nameKey] != nil || tables.organizations[nameKey] != nil
        || tables.demonyms[nameKey] != nil
      {
        // "President of Mexico": a place, not a person.
        classifyName(list, from: nameStart, quoted: quoted, titled: false)
        return
      }
      var run = Run(
        tokens: list, nameStart: nameStart, keys: [], kind: .person, range: range(name),
        quoted: quoted)
      run.keys = nameKeys(name)
      run.titleRole = titleRole(list, firstTitle: firstTitle, nameStart: nameStart)
      if let g = lexicon.titles[index.keys[list[lastTitle]]] { run.titleGender = g }
      if run.keys.isEmpty { return }
      add(run)
      return
    }
    classifyName(list, from: 0, quoted: quoted, titled: false)
  }

  func range(_ words: ArraySlice<Int>) -> TextRange {
    guard let f = words.first, let l = words.last else { return TextRange(0, 0) }
    return TextRange(index.tokens[f].range.lowerBound, index.tokens[l].range.upperBound)
  }

  /// The keys of a person's name without suffixes ("Jr") and initials.
  func nameKeys(_ name: ArraySlice<Int>) -> [WordKey] {
    var keys: [WordKey] = []
    for w in name where !lexicon.nameSuffixes.contains(index.keys[w]) {
      if index.tokens[w].range.utf8Count == 1 && name.count > 1 && w != name.last { continue }
      keys.append(index.keys[w])
    }
    return keys
  }

  /// A name part without a title: place, organisation, group, person or unknown.
  mutating func classifyName(_ list: [Int], from start: Int, quoted: Bool, titled: Bool) {
    var name = list[start...]
    let key = phraseKey(name)
    func make(_ kind: Entity.Kind?, _ canonical: String? = nil) -> Run {
      Run(
        tokens: Array(name), nameStart: 0, keys: name.map { index.keys[$0] }, kind: kind,
        range: range(name),
        canonical: canonical, quoted: quoted)
    }
    if let place = tables.places[key] {
      // "Georgia Smith" is a person; "Georgia" alone a place.
      add(make(.place, place))
      return
    }
    if let group = tables.demonyms[key] {
      add(make(.group, group))
      return
    }
    if let org = tables.organizations[key] {
      add(make(.organization, org))
      return
    }
    // "Colombian Gustavo Petro": a group mention, then the name.
    if name.count >= 2, let first = name.first,
      let group = tables.demonyms[EntityLexicon.phraseKey([index.keys[first]])],
      !isOrganizationName(name.dropFirst())
    {
      add(
        Run(
          tokens: [first], nameStart: 0, keys: [index.keys[first]], kind: .group,
          range: range(name.prefix(1)),
          canonical: group, quoted: quoted))
      name = name.dropFirst()
    }
    if isDateline(name) {
      add(make(.place))
      return
    }
    if isOrganizationName(name) {
      add(make(.organization))
      return
    }
    // Unknown: a person if the evidence says so (decided with the roles, later).
    var run = make(nil)
    run.keys = nameKeys(name)
    if run.keys.isEmpty { return }
    // "X-based": a place.
    if name.count == 1, let only = name.first, let cut = basedSuffix(only) {
      run.range = TextRange(index.tokens[only].range.lowerBound, cut)
      run.kind = .place
    }
    add(run)
  }

  /// "PORT VELDRY, May 4 – …": words in capitals opening a paragraph, then a comma, are the
  /// place of a dateline.
  func isDateline(_ name: ArraySlice<Int>) -> Bool {
    guard let first = name.first, let last = name.last, isComma(last + 1) else { return false }
    let paragraph = Int(index.paragraphOfToken[first])
    guard paragraph >= 0, index.paragraphTokens[paragraph].lowerBound == first else {
      return false
    }
    return name.allSatisfy { t in
      let range = index.tokens[t].range
      return range.utf8Count >= 2
        && !(range.lowerBound..<range.upperBound).contains {
          bytes[$0] >= 0x61 && bytes[$0] <= 0x7A
        }
    }
  }

  func isOrganizationName(_ name: ArraySlice<Int>) -> Bool {
    guard let first = name.first, let last = name.last else { return false }
    if tables.organizationHeads.contains(index.keys[last])
      || lexicon.organizationWords.contains(index.keys[last])
    {
      return !(name.count == 1 && lexicon.givenNames[index.keys[last]] != nil)
    }
    if name.count >= 3, tables.organizationHeads.contains(index.keys[first]),
      word(name[name.startIndex + 1], Keys.of)
    {
      return true
    }
    if name.count == 1, isAcronym(first), !tables.placeAcronyms.contains(index.keys[first]),
      !bytesContainPeriod(index.tokens[first].range)
    {
      return true
    }
    return false
  }

  func bytesContainPeriod(_ r: TextRange) -> Bool {
    for i in r.lowerBound..<r.upperBound where bytes[i] == UInt8(ascii: ".") { return true }
    return false
  }

  /// The end of "Mexico" in "Mexico-based", if the token ends so.
  func basedSuffix(_ t: Int) -> Int? {
    let r = index.tokens[t].range
    guard r.utf8Count > 7 else { return nil }
    let tail: [UInt8] = Array("-based".utf8)
    for (o, b) in tail.enumerated()
    where bytes[r.upperBound - 6 + o] | 0x20 != b | 0x20 && b != 0x2D { return nil }
    return bytes[r.upperBound - 6] == 0x2D ? r.upperBound - 6 : nil
  }

  mutating func add(_ run: Run) {
    guard !run.tokens.isEmpty, run.nameStart < run.tokens.count else { return }
    runs.append(run)
  }

  /// The role a title part gives ("White House Deputy Press Secretary" → title "Deputy
  /// Press Secretary", organisation "White House").
  func titleRole(_ list: [Int], firstTitle: Int, nameStart: Int) -> Role? {
    guard nameStart > 0, firstTitle >= 0 else { return nil }
    var org: String?
    var titleStart = 0
    // The longest known organisation, place or demonym before the first title word.
    var k = firstTitle
    while k > 0 {
      let key = phraseKey(list[0..<k])
      if let o = tables.organizations[key] {
        org = o
      } else if let p = tables.places[key] {
        org = p
      } else if let d = tables.demonyms[key] {
        org = d
      }
      if org != nil {
        titleStart = k
        break
      }
      k -= 1
    }
    if org == nil, firstTitle > 0,
      tables.organizationHeads.contains(index.keys[list[firstTitle - 1]])
    {
      org = text(list[0], list[firstTitle - 1])
      titleStart = firstTitle
    }
    let first = list[0]
    // "Mexico’s President Claudia Sheinbaum".
    if org == nil, isPossessive(first - 1), isCapitalizedWord(first - 2) {
      org = text(first - 2, first - 2)
    }
    let title = text(list[titleStart], list[nameStart - 1])
    guard !title.isEmpty else { return nil }
    var role = Role(
      title: title, organization: org,
      evidence: TextRange(
        index.tokens[first].range.lowerBound, index.tokens[list[nameStart - 1]].range.upperBound))
    if index.isWord(first - 1), tables.formerMarkers.contains(index.keys[first - 1]) {
      role.status = .former
    }
    if isFormerPrefix(first - 1) { role.status = .former }
    return role
  }

  /// A token like "then-" or "ex-" right before the title (tokenised as a word + hyphen).
  func isFormerPrefix(_ t: Int) -> Bool {
    guard t >= 0, t < index.tokens.count else { return false }
    let r = index.tokens[t].range
    if index.tokens[t].kind == .punctuation, bytes[r.lowerBound] == 0x2D, index.isWord(t - 1) {
      return tables.formerMarkers.contains(index.keys[t - 1])
    }
    return false
  }
}
