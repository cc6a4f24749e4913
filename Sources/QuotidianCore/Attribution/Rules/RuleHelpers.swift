/// Look-ups the rules share: subjects of verbs, first and last mentions, titles before names.
extension AttributionContext {
  func cueIndex(at t: Int) -> Int? {
    t >= 0 && t < cueAt.count && cueAt[t] >= 0 ? Int(cueAt[t]) : nil
  }

  /// The subject of the verb at `verb`: skips auxiliaries, adverbs, appositions and
  /// relative clauses ("Roe, who chairs the board, said").
  func subject(before verb: Int, start: Int) -> Int? {
    var t = verb - 1
    var steps = 0
    while t >= start, steps < 3, index.isWord(t),
      !index.tokens[t].isCapitalized || lexicon.verbModifiers.contains(index.keys[t]),
      lexicon.verbModifiers.contains(index.keys[t]) || isAdverb(t)
    {
      t -= 1
      steps += 1
    }
    guard t >= start else { return nil }
    if isComma(t) {
      var k = t - 1
      while k >= start, k > t - AttributionTuning.Window.subjectApposition, !isComma(k), !inside[k]
      { k -= 1 }
      if k >= start, isComma(k) {
        if let m = mention(startingAt: k + 1), mentionLastToken[m] == t - 1,
          document.mentions[m].kind == .name
        {
          return m
        }
        t = k - 1
      } else if k < start || k <= t - AttributionTuning.Window.subjectApposition {
        // "Roe, who chairs the board and ..., said" with no second comma: the first mention.
        if let m = mention(endingAt: t - 1) { return m }
        return nil
      } else {
        return nil
      }
    }
    guard t >= start else { return nil }
    guard var m = mention(endingAt: t) else { return nil }
    // "Roe, a senior analyst at Acme, the research firm, said": the name the description
    // stands in apposition to.
    let before = mentionFirstToken[m] - 1
    if document.mentions[m].kind == .description, before - 1 >= start, isComma(before),
      isComma(mentionLastToken[m] + 1),
      let name = mention(endingAt: before - 1), document.mentions[name].kind == .name
    {
      return name
    }
    // "the senior official in the mayor's office": the head of the phrase, not its object.
    var guardSteps = 0
    while guardSteps < 3 {
      guardSteps += 1
      let before = mentionFirstToken[m] - 1
      guard before - 1 >= start, index.isWord(before),
        lexicon.prepositions.contains(index.keys[before]),
        let outer = mention(endingAt: before - 1)
      else { break }
      m = outer
    }
    return m
  }

  func isParticiple(_ t: Int) -> Bool {
    let r = index.tokens[t].range
    return r.utf8Count > 4 && bytes[r.upperBound - 3] == UInt8(ascii: "i")
      && bytes[r.upperBound - 2] == UInt8(ascii: "n")
      && bytes[r.upperBound - 1] == UInt8(ascii: "g")
  }

  func firstMention(from start: Int, to end: Int) -> Int? {
    var t = start
    while t < end {
      if let m = mention(startingAt: t),
        document.mentions[m].kind != .pronoun || lexicon.pronouns[index.keys[t]]?.isSubject == true
      {
        return m
      }
      t += 1
    }
    return nil
  }

  func lastMention(from start: Int, to end: Int) -> Int? {
    var t = end - 1
    while t >= start {
      if let m = mention(endingAt: t) { return m }
      t -= 1
    }
    return nil
  }

  func isPersonLike(_ m: Int) -> Bool {
    let mention = document.mentions[m]
    if mention.kind == .pronoun {
      let t = mentionFirstToken[m]
      return lexicon.pronouns[index.keys[t]]?.isSubject == true
    }
    return true
  }
}

extension AttributionContext {
  /// The mention starting at `t`, or after up to two title words ("Commissioner Jane Roe").
  func mention(near t: Int) -> Int? {
    var u = t
    while u < t + 3, u < index.tokens.count {
      if let m = mention(startingAt: u) {
        // "dijo la diputada Elvira Sotomayor": the name right after a description.
        if document.mentions[m].kind == .description,
          let name = mention(startingAt: mentionLastToken[m] + 1),
          document.mentions[name].kind == .name
        {
          return name
        }
        return m
      }
      guard index.isWord(u) || index.isPunctuation(u, UInt8(ascii: "."), bytes) else { return nil }
      // "said U.S. Attorney Jane Roe": a capitalised qualifier before a title.
      let qualifiesTitle =
        index.tokens[u].isCapitalized && u + 1 < index.tokens.count && index.isWord(u + 1)
        && lexicon.titles[index.keys[u + 1]] != nil
      if index.isWord(u), lexicon.titles[index.keys[u]] == nil, !isWord(u, "by"), !qualifiesTitle {
        return nil
      }
      u += 1
    }
    return nil
  }
}
