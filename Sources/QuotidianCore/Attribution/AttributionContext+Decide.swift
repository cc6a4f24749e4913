/// Propose, score, resolve: every proposer's candidates for a quote, one scorer's pick.
extension AttributionContext {
  struct Source {
    var mention: Int
    var cue: Int?
    var rule: Attribution.Rule
    var confidence: Double
  }

  /// Attributes every quote in order (headlines last, so they can echo the body), calling
  /// `observe` with each quote's candidates and the index the scorer chose.
  mutating func run(
    scorer: any SpeakerScorer, observe: ((Int, [SpeakerCandidate], Int?) -> Void)? = nil
  ) -> [Attribution] {
    let count = document.quotes.count
    var headings: [Int] = []
    for q in 0..<count {
      if isHeading(q) {
        headings.append(q)
        continue
      }
      results[q] = decide(
        q, proposers: SpeakerProposers.body, indices: SpeakerProposers.bodyIndices, heading: false,
        scorer: scorer,
        observe: observe)
    }
    for q in headings {
      results[q] = decide(
        q, proposers: SpeakerProposers.heading, indices: SpeakerProposers.headingIndices,
        heading: true, scorer: scorer,
        observe: observe)
    }
    return (0..<count).map {
      results[$0] ?? Attribution(quote: $0, speaker: nil, rule: .none, confidence: 0)
    }
  }

  /// All candidates for quote `q`, in registry order, resolved to speakers, with features.
  func candidates(_ q: Int, proposers: [any SpeakerProposer], indices: [Int], heading: Bool)
    -> [SpeakerCandidate]
  {
    var candidates: [SpeakerCandidate] = []
    for (p, proposer) in proposers.enumerated() {
      let id = indices[p]
      for proposal in proposer.propose(q, in: self) {
        var attribution: Attribution
        var mention: Int?
        switch proposal.target {
        case .mention(let source):
          attribution = make(q, source)
          mention = source.mention
        case .carried(let carried):
          attribution = carried
          attribution.candidates = []
        }
        candidates.append(
          SpeakerCandidate(
            proposer: proposer.id, isPrimary: proposal.isPrimary, attribution: attribution,
            features: features(
              q, attribution, mention: mention, proposer: id, heading: heading),
            proposerIndex: id))
      }
    }
    addAgreement(&candidates, q)
    return candidates
  }

  func decide(
    _ q: Int, proposers: [any SpeakerProposer], indices: [Int], heading: Bool,
    scorer: any SpeakerScorer,
    observe: ((Int, [SpeakerCandidate], Int?) -> Void)?
  ) -> Attribution? {
    let candidates = candidates(q, proposers: proposers, indices: indices, heading: heading)
    let choice = scorer.choose(among: candidates)
    observe?(q, candidates, choice?.index)
    guard let choice else { return nil }
    var attribution = candidates[evidenced(choice.index, among: candidates)].attribution
    attribution.confidence = attribution.speaker == nil ? 0 : choice.confidence
    if explains { attribution.candidates = scorer.explain(candidates, top: 3) }
    return attribution
  }

  /// The candidate whose attribution is recorded for the pick `chosen`: the pick itself, or,
  /// when the pick is an extra candidate (a mention no rule linked), the first rule's own pick
  /// that names the same speaker, so that the cue and evidence behind that speaker are shown.
  /// The speaker and the confidence are the scorer's either way; `--explain` lists the
  /// candidates it scored.
  func evidenced(_ chosen: Int, among candidates: [SpeakerCandidate]) -> Int {
    guard !candidates[chosen].isPrimary, let speaker = candidates[chosen].attribution.speaker
    else { return chosen }
    return candidates.firstIndex { $0.isPrimary && $0.attribution.speaker == speaker } ?? chosen
  }

  /// A quote in a short paragraph with no sentence of its own around it (a headline).
  func isHeading(_ q: Int) -> Bool {
    let p = paragraph(of: openToken[q])
    guard p >= 0 else { return false }
    let span = index.paragraphTokens[p]
    // A paragraph that ends a sentence is body text, even when it is all quotation.
    var end = span.upperBound - 1
    while end >= span.lowerBound, index.tokens[end].kind == .quotationMark { end -= 1 }
    if end >= span.lowerBound, index.tokens[end].kind == .punctuation {
      let b = bytes[index.tokens[end].range.lowerBound]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") || b == 0xE2 {
        return false
      }
    }
    var words = 0
    for t in span where !inside[t] {
      if index.tokens[t].kind == .word { words += 1 }
      if index.tokens[t].kind == .punctuation {
        let b = bytes[index.tokens[t].range.lowerBound]
        if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":")
          || b == UInt8(ascii: "?")
        {
          return false
        }
      }
      if verbCue(at: t) != nil { return false }
    }
    return words <= AttributionTuning.Window.headingWords && paragraph(of: closeToken[q]) == p
  }

  func quoteWords(_ q: Int) -> [WordKey] {
    var words: [WordKey] = []
    var t = openToken[q] + 1
    while t < closeToken[q] {
      if index.tokens[t].kind == .word || index.tokens[t].kind == .number {
        words.append(index.keys[t])
      }
      t += 1
    }
    return words
  }
}
