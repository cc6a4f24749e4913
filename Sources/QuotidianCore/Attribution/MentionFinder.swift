/// Finds mentions of possible speakers — names, pronouns and descriptions — and groups
/// the names into entities (persons and organisations) with their gender and roles.
///
/// A light recogniser: a name is a run of capitalised words outside quotations, with the
/// titles before it split off ("Mexican President | Claudia Sheinbaum"); "Sheinbaum" joins
/// the entity whose fullest name ends with it. A run is a person when it carries a title
/// or a known given name, is the subject of a speech verb, or has an apposition. Gender
/// comes from titles ("Ms."), given names, and the pronouns used about the person
/// afterwards. Descriptions are a determiner + modifiers + a role noun ("a senior Mexican
/// official"). O(tokens).
public struct MentionFinder: Component {
  public let lexicon: Lexicon
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  public var name: String { "mentions" }
  public var requires: Set<Layer> { [.tokens, .sentences, .paragraphs, .quotes] }
  public var provides: Set<Layer> { [.mentions, .entities] }

  public func process(_ document: inout Document) {
    let (mentions, entities) = mentions(in: document)
    document.mentions = mentions
    document.entities = entities
  }

  /// A name run before grouping.
  struct NameRun {
    var mention: Int
    var keys: [WordKey]
    var titleGender: Entity.Gender??
    var hasTitle: Bool
    var title: TextRange?
    var isOrganization: Bool
    var firstToken: Int
    var lastToken: Int
  }

  func mentions(in document: Document) -> ([Mention], [Entity]) {
    Bytes.with(document.text) { bytes in
      let index = DocumentIndex.of(document, bytes: bytes)
      let tokens = index.tokens
      let n = tokens.count
      let inside = MentionFinder.insideQuotes(document.quotes, index: index)
      var lowercaseVocabulary = Set<WordKey>()
      for t in 0..<n where tokens[t].kind == .word && !tokens[t].isCapitalized {
        lowercaseVocabulary.insert(index.keys[t])
      }
      let cues = CueScanner(lexicon: lexicon)
      var mentions: [Mention] = []
      var runs: [NameRun] = []
      let dot = UInt8(ascii: ".")
      var t = 0
      while t < n {
        let token = tokens[t]
        if inside[t] || token.kind != .word {
          t += 1
          continue
        }
        let key = index.keys[t]
        if !token.isCapitalized {
          if let info = lexicon.pronouns[key] {
            _ = info
            mentions.append(Mention(range: token.range, kind: .pronoun))
          } else if lexicon.descriptionHeads.contains(key),
            let range = description(endingAt: t, index: index, inside: inside, bytes: bytes)
          {
            mentions.append(Mention(range: range, kind: .description))
          }
          t += 1
          continue
        }
        // A run of capitalised words.
        let sentence = index.sentenceOfToken[t]
        // "He urged …": a capitalised pronoun not followed by a name.
        if lexicon.pronouns[key] != nil,
          t + 1 >= n || inside[t + 1] || tokens[t + 1].kind != .word || !tokens[t + 1].isCapitalized
        {
          mentions.append(Mention(range: token.range, kind: .pronoun))
          t += 1
          continue
        }
        // "Teachers chanted …": a plural role noun opening its sentence is a description.
        if lexicon.descriptionHeads.contains(key), lexicon.titles[key] == nil, sentence >= 0,
          index.sentenceTokens[Int(sentence)].lowerBound == t,
          t + 1 >= n || tokens[t + 1].kind != .word || !tokens[t + 1].isCapitalized,
          let range = description(endingAt: t, index: index, inside: inside, bytes: bytes)
        {
          mentions.append(Mention(range: range, kind: .description))
          t += 1
          continue
        }
        var run: [Int] = []
        var j = t
        while j < n, !inside[j], index.sentenceOfToken[j] == sentence {
          let tj = tokens[j]
          // Not "@handle", "#tag" or a "*PLACEHOLDER*" of masked text.
          if tj.kind == .word && tj.isCapitalized && bytes[tj.range.lowerBound] != 0x40
            && bytes[tj.range.lowerBound] != 0x23
            && (tj.range.lowerBound == 0 || bytes[tj.range.lowerBound - 1] != 0x2A)
          {
            run.append(j)
          } else if tj.kind == .punctuation, bytes[tj.range.lowerBound] == dot, let last = run.last,
            last == j - 1,
            tokens[last].range.upperBound == tj.range.lowerBound,
            tokens[last].range.utf8Count == 1 || lexicon.abbreviations.contains(index.keys[last])
              || lexicon.titles[index.keys[last]] != nil
          {
            // The period of an initial or abbreviation stays in the run.
          } else if tj.kind == .word, !tj.isCapitalized, let last = run.last, last == j - 1,
            MentionFinder.isPossessiveClitic(tj.range, bytes),
            lowercaseVocabulary.contains(index.keys[last])
              || lexicon.descriptionHeads.contains(index.keys[last]),
            j + 1 < n, !inside[j + 1], index.sentenceOfToken[j + 1] == sentence,
            tokens[j + 1].kind == .word,
            tokens[j + 1].isCapitalized, !lexicon.nonNameWords.contains(index.keys[j + 1])
          {
            // "People’s Daily", "Children’s Hospital": a common word's possessive inside a name.
          } else if tj.kind == .word, !tj.isCapitalized,
            lexicon.nameParticles.contains(index.keys[j]), !run.isEmpty,
            particlesLeadToName(j, index: index)
          {
            // "de la Fuente", "van der Berg": particles inside a name.
          } else if tj.kind == .word, !tj.isCapitalized,
            lexicon.organizationConnectives.contains(index.keys[j]),
            run.contains(where: { lexicon.organizationWords.contains(index.keys[$0]) }),
            j + 1 < n, !inside[j + 1], tokens[j + 1].kind == .word, tokens[j + 1].isCapitalized,
            lexicon.nonNameWords.contains(index.keys[j + 1]) == false
          {
            // "Ministry of Energy", "Department for Transport": the organisation goes on.
          } else {
            break
          }
          j += 1
        }
        defer { t = max(j, t + 1) }
        // Trim words that start sentences but not names.
        var words = run
        while let first = words.first {
          let k = index.keys[first]
          let isSentenceStart =
            index.sentenceTokens.indices.contains(Int(sentence))
            && index.sentenceTokens[Int(sentence)].lowerBound == first
          let commonWord =
            isSentenceStart && words.count == 1 && lowercaseVocabulary.contains(k)
            && lexicon.titles[k] == nil
            && lexicon.givenNames[k] == nil
          // "Ministry of Energy": a head noun followed by "of" names the organisation.
          let headsOrganization =
            first + 1 < n && index.isWord(first + 1) && !tokens[first + 1].isCapitalized
            && lexicon.organizationConnectives.contains(index.keys[first + 1])
            && lexicon.organizationWords.contains(k)
          // "He Jianxiong": a capitalised "He"/"She" directly followed by another capitalised
          // word that is not a sentence opener or verb is a family name.
          if words.count > 1, first + 1 == words[1], tokens[first].range.utf8Count <= 3,
            lexicon.pronouns[k] != nil,
            bytes[tokens[first].range.lowerBound] >= 0x41,
            bytes[tokens[first].range.lowerBound] <= 0x5A,
            MentionFinder.isCapitalizedOnlyInitial(tokens[first].range, bytes),
            !lexicon.nonNameWords.contains(index.keys[words[1]]),
            lexicon.pronouns[index.keys[words[1]]] == nil,
            lexicon.speechVerbs[index.keys[words[1]]] == nil,
            lexicon.titles[index.keys[words[1]]] == nil,
            !lexicon.descriptionHeads.contains(index.keys[words[1]]),
            !lowercaseVocabulary.contains(index.keys[words[1]]),
            k == WordKey("he") || k == WordKey("she")
          {
            break
          }
          if lexicon.nonNameWords.contains(k) || commonWord
            || MentionFinder.isNumberWord(tokens[first].range, bytes, lexicon)
            || (lexicon.descriptionHeads.contains(k) && lexicon.titles[k] == nil
              && !headsOrganization)
            || lexicon.speechVerbs[k] != nil || lexicon.pronouns[k] != nil
          {
            words.removeFirst()
          } else {
            break
          }
        }
        guard !words.isEmpty else { continue }
        if words.allSatisfy({ lexicon.titles[index.keys[$0]] != nil || tokens[$0].kind != .word }) {
          continue
        }
        // Split off titles: the name starts after the last title word.
        var nameStart = 0
        var titleGender: Entity.Gender?? = nil
        var hasTitle = false
        for (offset, w) in words.enumerated() where offset < words.count - 1 {
          if let gender = lexicon.titles[index.keys[w]] {
            nameStart = offset + 1
            hasTitle = true
            titleGender = gender
          }
        }
        // "Secretary of State Marco Rubio", "Minister of Public Works Ana Ruiz": after
        // "<title> of", the words up to the first given name complete the title.
        if nameStart == 0, words[0] >= 2, index.isWord(words[0] - 1),
          index.keys[words[0] - 1] == WordKey("of"),
          index.isWord(words[0] - 2), lexicon.titles[index.keys[words[0] - 2]] != nil,
          let given = words.indices.dropFirst().first(where: {
            lexicon.givenNames[index.keys[words[$0]]] != nil
          }),
          given < words.count - 1
        {
          nameStart = given
          hasTitle = true
        }
        // "la alcaldesa Marta Quiroga": a lower-case title between a determiner and the name
        // (Spanish writes titles in lower case) is the name's title too.
        var lowerTitle: TextRange?
        if nameStart == 0, words[0] >= 2, index.isWord(words[0] - 1),
          !tokens[words[0] - 1].isCapitalized,
          let gender = lexicon.titles[index.keys[words[0] - 1]],
          index.isWord(words[0] - 2), lexicon.definiteDeterminers.contains(index.keys[words[0] - 2])
        {
          hasTitle = true
          titleGender = gender
          lowerTitle = tokens[words[0] - 1].range
        }
        let nameTokens = Array(words[nameStart...])
        guard let firstName = nameTokens.first, let lastName = nameTokens.last else { continue }
        var keys: [WordKey] = []
        for w in nameTokens
        where !lexicon.nameSuffixes.contains(index.keys[w]) && tokens[w].kind == .word {
          // initials
          if tokens[w].range.utf8Count == 1 && nameTokens.count > 1 && w != lastName { continue }
          keys.append(index.keys[w])
        }
        if keys.isEmpty { continue }
        var end = tokens[lastName].range.upperBound
        // Keep the period of "Jr." but not a sentence-final period.
        if j - 1 > lastName, j - 1 < n, tokens[j - 1].kind == .punctuation,
          lexicon.nameSuffixes.contains(index.keys[lastName])
        {
          end = tokens[j - 1].range.upperBound
        }
        let lastKey = index.keys[lastName]
        let isAcronym =
          nameTokens.count == 1 && MentionFinder.isAcronym(tokens[firstName].range, bytes)
        // "Ministry of Water and Irrigation": an organisation word before a connective counts.
        var headKey = lastKey
        if lastName > firstName {
          for w in (firstName + 1)...lastName where index.isWord(w) && !tokens[w].isCapitalized {
            if lexicon.organizationConnectives.contains(index.keys[w])
              && lexicon.organizationWords.contains(index.keys[w - 1])
            {
              headKey = index.keys[w - 1]
            }
            break
          }
        }
        let isOrganization =
          lexicon.organizationWords.contains(lastKey) || lexicon.organizationWords.contains(headKey)
          || isAcronym
        let range = TextRange(tokens[firstName].range.lowerBound, end)
        let title: TextRange? =
          nameStart > 0
          ? TextRange(
            tokens[words[0]].range.lowerBound, tokens[words[nameStart - 1]].range.upperBound)
          : lowerTitle
        runs.append(
          NameRun(
            mention: mentions.count, keys: keys, titleGender: titleGender, hasTitle: hasTitle,
            title: title, isOrganization: isOrganization, firstToken: firstName, lastToken: lastName
          ))
        mentions.append(Mention(range: range, kind: isOrganization ? .organization : .name))
      }
      mentions.sort { $0.range < $1.range }
      // Mention indices moved with the sort: re-point the runs.
      var position: [Int: Int] = [:]
      for (i, m) in mentions.enumerated() where m.kind == .name || m.kind == .organization {
        position[m.range.lowerBound] = i
      }
      for r in runs.indices {
        runs[r].mention = position[tokens[runs[r].firstToken].range.lowerBound] ?? runs[r].mention
      }
      let entities = group(
        runs, mentions: &mentions, index: index, bytes: bytes, document: document, cues: cues,
        inside: inside)
      return (mentions, entities)
    }
  }

  /// Lower-case particles from `j` on end at a capitalised word ("de la Fuente").
  func particlesLeadToName(_ j: Int, index: DocumentIndex) -> Bool {
    var k = j
    while k < index.tokens.count, k < j + 3, index.isWord(k), !index.tokens[k].isCapitalized,
      lexicon.nameParticles.contains(index.keys[k])
    {
      k += 1
    }
    return k > j && k < index.tokens.count && index.isWord(k) && index.tokens[k].isCapitalized
  }

  /// "’s" / "'s".
  static func isPossessiveClitic(_ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let last = bytes[range.upperBound - 1]
    guard last == UInt8(ascii: "s") || last == UInt8(ascii: "S") else { return false }
    let first = bytes[range.lowerBound]
    return (range.utf8Count == 2 && first == UInt8(ascii: "'"))
      || (range.utf8Count == 4 && first == 0xE2)
  }

  /// "He" but not "HE".
  static func isCapitalizedOnlyInitial(_ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard range.utf8Count >= 2 else { return false }
    let second = bytes[range.lowerBound + 1]
    return second >= 0x61 && second <= 0x7A
  }

  /// A number word, alone or as the first part of a hyphenated number ("Fifty-one").
  static func isNumberWord(
    _ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon
  ) -> Bool {
    var end = range.lowerBound
    while end < range.upperBound, bytes[end] != UInt8(ascii: "-") { end += 1 }
    return lexicon.numberWords.contains(WordKey(bytes, range.lowerBound, end))
  }

  static func isAcronym(_ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard range.utf8Count >= 2, range.utf8Count <= 6 else { return false }
    var letters = 0
    for i in range.lowerBound..<range.upperBound {
      let b = bytes[i]
      if b >= 0x61 && b <= 0x7A { return false }
      if b >= 0x41 && b <= 0x5A { letters += 1 }
    }
    return letters >= 2
  }

  static func insideQuotes(_ quotes: [Quote], index: DocumentIndex) -> [Bool] {
    var inside = [Bool](repeating: false, count: index.tokens.count)
    for quote in quotes {
      var t = index.firstToken(atOrAfter: quote.span.lowerBound)
      while t < index.tokens.count, index.tokens[t].range.upperBound <= quote.span.upperBound {
        inside[t] = true
        t += 1
      }
    }
    return inside
  }

  /// The description whose head noun is token `head`: determiner + up to four modifiers +
  /// head ("a senior Mexican official"), plural heads without a determiner ("former aides"),
  /// and an indefinite one extended by "to/of + Name" ("one adviser to the mayor").
  func description(
    endingAt head: Int, index: DocumentIndex, inside: [Bool], bytes: UnsafeBufferPointer<UInt8>
  ) -> TextRange? {
    func bytesEnd(_ r: TextRange) -> UInt8 { bytes[r.upperBound - 1] }
    let tokens = index.tokens
    let sentence = index.sentenceOfToken[head]
    guard sentence >= 0 else { return nil }
    let sentenceStart = index.sentenceTokens[Int(sentence)].lowerBound
    var t = head - 1
    var start: Int?
    var modifiers = 0
    var isIndefinite = false
    while t >= sentenceStart, modifiers <= 4, !inside[t] {
      let token = tokens[t]
      guard token.kind == .word || token.kind == .number else { break }
      let key = index.keys[t]
      if lexicon.definiteDeterminers.contains(key) || lexicon.indefiniteDeterminers.contains(key) {
        start = t
        isIndefinite = lexicon.indefiniteDeterminers.contains(key)
        break
      }
      // "the US military": an acronym is a modifier even when it spells a pronoun.
      if !MentionFinder.isAcronym(token.range, bytes),
        lexicon.nonNameWords.contains(key) || lexicon.speechVerbs[key] != nil
          || lexicon.pronouns[key] != nil
      {
        break
      }
      modifiers += 1
      t -= 1
    }
    let headKeyIsPlural: Bool = {
      let r = tokens[head].range
      return r.utf8Count > 3 && index.firstByte(head, bytes) != 0
        && bytesEnd(r) == UInt8(ascii: "s")
    }()
    if start == nil {
      // Bare plural: "Teachers chanted", "Former royal PR aides called".
      guard modifiers <= 3, headKeyIsPlural, t + 1 <= head else { return nil }
      let first = t + 1
      let lastByte = tokens[head].range.upperBound
      guard
        first == sentenceStart || modifiers > 0 || (first > 0 && tokens[first - 1].kind != .word)
      else { return nil }
      return TextRange(tokens[first].range.lowerBound, lastByte)
    }
    guard let first = start else { return nil }
    var end = tokens[head].range.upperBound
    if isIndefinite, head + 2 < tokens.count, index.isWord(head + 1),
      [WordKey("to"), WordKey("of"), WordKey("for"), WordKey("at")].contains(index.keys[head + 1])
    {
      var k = head + 2
      if index.isWord(k), index.keys[k] == WordKey("the") { k += 1 }
      var last = -1
      while k < tokens.count, k < head + 7, index.isWord(k), tokens[k].isCapitalized, !inside[k] {
        last = k
        k += 1
      }
      if last >= 0 { end = tokens[last].range.upperBound }
    }
    return TextRange(tokens[first].range.lowerBound, end)
  }
}
