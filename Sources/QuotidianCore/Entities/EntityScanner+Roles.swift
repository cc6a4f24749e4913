/// Roles stated next to a name: appositions, relative clauses, predicates.
extension EntityScanner {
  /// Tokens that end a role phrase.
  func endsPhrase(_ t: Int) -> Bool {
    guard t >= 0, t < index.tokens.count else { return true }
    let token = index.tokens[t]
    if inside[t] { return true }
    switch token.kind {
    case .quotationMark, .symbol: return true
    case .punctuation:
      let b = bytes[token.range.lowerBound]
      return !(token.range.utf8Count == 1 && b == UInt8(ascii: "-"))
    default:
      if token.kind == .word {
        let k = index.keys[t]
        return tables.roleQualifiers.contains(k)
          || (!token.isCapitalized && lexicon.speechVerbs[k] != nil)
      }
      return false
    }
  }

  /// Roles after the name ending at token `last`: ", the former ambassador …", ", who
  /// served as …", " is a staff writer at …".
  func rolesAfter(_ last: Int) -> [Role] {
    var t = last + 1
    var roles: [Role] = []
    if isComma(t) {
      t += 1
      if word(t, Keys.who) {
        if let role = relativeClause(t + 1) { roles.append(role) }
        return roles
      }
      guard index.isWord(t), lexicon.pronouns[index.keys[t]] == nil,
        lexicon.speechVerbs[index.keys[t]] == nil
      else { return roles }
      if let role = rolePhrase(from: t, past: false) {
        roles.append(role)
        // ", the former envoy, who …" is one apposition; a second role may follow "who".
        var e = role.evidence.map { index.firstToken(atOrAfter: $0.upperBound) } ?? t
        while e < index.tokens.count, e < t + 30, !isComma(e),
          !index.isPunctuation(e, UInt8(ascii: "."), bytes)
        { e += 1 }
        if isComma(e), word(e + 1, Keys.who), let second = relativeClause(e + 2) {
          roles.append(second)
        }
      }
      return roles
    }
    if word(t, Keys.who), let role = relativeClause(t + 1) { return [role] }
    if let role = predicate(t) { roles.append(role) }
    return roles
  }

  /// "is/was/served as/has been …" after a name or "who".
  func predicate(_ start: Int) -> Role? {
    var t = start
    var past = false
    var steps = 0
    while steps < 3, index.isWord(t), Keys.predicateAdverbs.contains(index.keys[t]) {
      if word(t, Keys.had) || word(t, Keys.previously) || word(t, Keys.once) { past = true }
      t += 1
      steps += 1
    }
    guard index.isWord(t) else { return nil }
    if word(t, Keys.been) {
      t += 1
    } else if let isPast = tables.roleVerbs[index.keys[t]] {
      past = past || isPast
      t += 1
    } else {
      return nil
    }
    if word(t, Keys.as) { t += 1 }
    guard index.isWord(t) else { return nil }
    return rolePhrase(from: t, past: past)
  }

  func relativeClause(_ start: Int) -> Role? { predicate(start) }

  /// A role phrase starting at token `start` ("the former U.S. ambassador to Mexico",
  /// "Mexico’s ambassador to the United States under Calderón", "a staff writer at The
  /// Atlantic"), or nil when it has no role noun.
  func rolePhrase(from start: Int, past: Bool) -> Role? {
    var t = start
    var status: Role.Status = past ? .former : .current
    if index.isWord(t),
      lexicon.definiteDeterminers.contains(index.keys[t])
        || lexicon.indefiniteDeterminers.contains(index.keys[t])
    {
      if word(t, Keys.one) || word(t, Keys.some) { return nil }
      t += 1
    }
    var phraseStart = t
    var titleStart = t
    if index.isWord(t), tables.formerMarkers.contains(index.keys[t]) {
      status = .former
      titleStart = t + 1
      if index.isPunctuation(t + 1, UInt8(ascii: "-"), bytes) { titleStart = t + 2 }
    } else if index.isWord(t), startsWithEx(t) {
      status = .former
    }
    var organization: String?
    // "Mexico’s ambassador": the possessor is the organisation.
    var p = titleStart
    while p < titleStart + 5, isCapitalizedWord(p) { p += 1 }
    if p > titleStart, isPossessive(p) {
      organization = canonical(titleStart, p - 1)
      titleStart = p + 1
    }
    // The phrase: up to a stop, at most 24 tokens.
    var end = titleStart
    var hasHead = false
    var orgFrom: Int?
    var since: String?
    var until: String?
    while end < index.tokens.count, end < titleStart + 24, !endsPhrase(end) {
      var k = index.keys[end]
      if startsWithEx(end) {
        k = WordKey(
          bytes, index.tokens[end].range.lowerBound + 3, index.tokens[end].range.upperBound)
      }
      if index.isWord(end), !index.tokens[end].isCapitalized || tables.roleNouns.contains(k),
        tables.roleNouns.contains(k) || lexicon.descriptionHeads.contains(k)
      {
        hasHead = true
      }
      if orgFrom == nil, hasHead, word(end, Keys.at) || word(end, Keys.with) || word(end, Keys.for)
      {
        var o = end + 1
        if word(o, Keys.the) { o += 1 }
        if isCapitalizedWord(o) { orgFrom = end }
      }
      if word(end, Keys.in), isYear(end + 1) != nil { break }
      end += 1
    }
    guard hasHead, end > titleStart else { return nil }
    // Dates right after the phrase.
    var d = end
    if word(d, Keys.from), let y = isYear(d + 1) {
      since = y
      if word(d + 2, Keys.to) || word(d + 2, Keys.until) || index.isDash(d + 2, bytes),
        let z = isYear(d + 3)
      {
        until = z
      }
    } else if word(d, Keys.between), let y = isYear(d + 1), word(d + 2, Keys.and),
      let z = isYear(d + 3)
    {
      since = y
      until = z
    } else if word(d, Keys.since), let y = isYear(d + 1) {
      since = y
    } else if word(d, Keys.until), let y = isYear(d + 1) {
      until = y
      status = .former
    } else if word(d, Keys.in), let y = isYear(d + 1) {
      if status == .former { until = y } else { since = y }
    } else if word(d, Keys.under) {
      d += 1
    }
    if until != nil { status = .former }
    var titleEnd = end - 1
    while titleEnd > titleStart, index.tokens[titleEnd].kind != .word,
      index.tokens[titleEnd].kind != .number
    { titleEnd -= 1 }
    if let orgFrom {
      var o = orgFrom + 1
      if word(o, Keys.the) { o += 1 }
      var e = o
      while e <= titleEnd,
        isCapitalizedWord(e) || word(e, Keys.of) || (word(e, Keys.the) && isCapitalizedWord(e + 1))
      { e += 1 }
      if e > o { organization = canonical(o, e - 1) }
      titleEnd = orgFrom - 1
    }
    if organization == nil {
      // "U.S. ambassador": a leading place or demonym.
      var q = titleStart
      while q < titleEnd, isCapitalizedWord(q) { q += 1 }
      if q > titleStart {
        let key = phraseKey(Array(titleStart..<q)[...])
        organization = tables.places[key] ?? tables.demonyms[key] ?? tables.organizations[key]
      }
    }
    guard titleEnd >= titleStart else { return nil }
    var title = text(titleStart, titleEnd)
    if startsWithEx(titleStart), title.count > 3 { title.removeFirst(3) }
    if phraseStart > titleStart { phraseStart = titleStart }
    return Role(
      title: title, organization: organization, status: status, since: since, until: until,
      evidence: TextRange(
        index.tokens[phraseStart].range.lowerBound,
        index.tokens[max(phraseStart, end - 1)].range.upperBound))
  }

  func startsWithEx(_ t: Int) -> Bool {
    guard index.isWord(t) else { return false }
    let r = index.tokens[t].range
    return r.utf8Count > 3 && bytes[r.lowerBound] | 0x20 == UInt8(ascii: "e")
      && bytes[r.lowerBound + 1] == UInt8(ascii: "x")
      && bytes[r.lowerBound + 2] == UInt8(ascii: "-")
  }

  /// The canonical name of the organisation or place written at tokens first…last.
  func canonical(_ first: Int, _ last: Int) -> String {
    let key = phraseKey(Array(first...last)[...])
    if let o = tables.organizations[key] { return o }
    if let p = tables.places[key] { return p }
    return text(first, last)
  }

  /// A role before the name: "The center’s commander, Rear Admiral …" (the run's first
  /// token is `first`).
  func roleBefore(_ first: Int) -> Role? {
    guard isComma(first - 1) else { return nil }
    let s = sentence(of: first - 2)
    guard s >= 0 else { return nil }
    let sentenceStart = index.sentenceTokens[s].lowerBound
    // The head noun right before the comma ("The center’s commander, …"), or a few words
    // before it when its complements follow it ("El embajador de Rusia en México, …").
    var head: Int?
    var h = first - 2
    while h >= sentenceStart, h > first - 10, index.isWord(h) {
      let key = index.keys[h]
      if !index.tokens[h].isCapitalized,
        tables.roleNouns.contains(key) || lexicon.descriptionHeads.contains(key)
      {
        head = h
        break
      }
      h -= 1
    }
    guard let headToken = head else { return nil }
    var b = headToken
    while b > sentenceStart, b > headToken - 8,
      index.isWord(b - 1) || index.tokens[b - 1].kind == .number
    { b -= 1 }
    // Only a whole noun phrase: at a sentence start or after a determiner.
    guard
      b == sentenceStart || lexicon.definiteDeterminers.contains(index.keys[b])
        || lexicon.indefiniteDeterminers.contains(index.keys[b])
    else { return nil }
    var start = b
    if lexicon.definiteDeterminers.contains(index.keys[b])
      || lexicon.indefiniteDeterminers.contains(index.keys[b])
    {
      start = b + 1
    }
    guard start <= headToken else { return nil }
    // The phrase must not contain a verb we know ("said", "told").
    for x in start...headToken where lexicon.speechVerbs[index.keys[x]] != nil { return nil }
    return rolePhrase(from: start, past: false)
  }
}
