/// The organisation behind a poll, survey, report or study the quote comes from.
struct ReportSourceProposer: SpeakerProposer {
  var id: String { "reportSource" }
  func propose(_ q: Int, in context: AttributionContext) -> [SpeakerProposal] {
    .primary(context.reportSource(q))
  }
}

extension AttributionContext {
  /// "A new Acme Research poll shows … Sixty percent say “…”" / "The Acme survey found
  /// that most residents want “…”": the organisation owning the poll, survey, report or
  /// study in the quote's sentence, or in the sentence before when the quote's sentence
  /// opens with a figure. Not when a person in between is the subject of a speech verb.
  func reportSource(_ q: Int) -> Source? {
    let open = openToken[q]
    let s = sentence(of: open)
    guard s >= 0 else { return nil }
    let start = index.sentenceTokens[s].lowerBound
    if let found = reportOwner(from: start, to: open) { return found }
    // The previous sentence, when this one reports figures ("Fifty-one percent say").
    guard s > 0, paragraph(of: start) == paragraph(of: open), start < open,
      index.tokens[start].kind == .number || lexicon.numberWords.contains(index.keys[start])
        || (index.isWord(start)
          && MentionFinder.isNumberWord(index.tokens[start].range, bytes, lexicon))
        || isWord(start, "most") || isWord(start, "majority")
    else { return nil }
    let previous = index.sentenceTokens[s - 1]
    guard paragraph(of: previous.lowerBound) == paragraph(of: open) else { return nil }
    return reportOwner(from: previous.lowerBound, to: previous.upperBound)
  }

  func reportOwner(from start: Int, to end: Int) -> Source? {
    var t = start
    while t < end {
      defer { t += 1 }
      guard !inside[t], index.isWord(t), lexicon.reportWords.contains(index.keys[t]) else {
        continue
      }
      var owner: Int?
      if let m = mention(endingAt: t - 1),
        document.mentions[m].kind == .name || document.mentions[m].kind == .organization
      {
        owner = m
      } else if t + 2 < end, isWord(t + 1, "by") || isWord(t + 1, "from") {
        owner = mention(near: t + 2)
      }
      guard let m = owner, document.mentions[m].kind != .pronoun else { continue }
      // A person who speaks between the report and the quote takes precedence.
      var u = t + 1
      while u < end {
        if !inside[u], let cue = verbCue(at: u), lemma(cue.cue) != "according to",
          let subject = subject(before: u, start: start), subject != m
        {
          let kind = document.mentions[subject].kind
          if kind == .pronoun,
            lexicon.pronouns[index.keys[mentionFirstToken[subject]]]?.gender != nil
          {
            return nil
          }
          if mentionFirstToken[subject] < t { return nil }
          if kind == .name, mentionLastToken[subject] > mentionFirstToken[subject] { return nil }
        }
        u += 1
      }
      return Source(
        mention: m, cue: nil, rule: .reportSource,
        confidence: AttributionTuning.Confidence.reportSource)
    }
    return nil
  }
}
