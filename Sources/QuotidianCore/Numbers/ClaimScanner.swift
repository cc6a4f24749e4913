/// Finds numeric claims in a document's tokens: a number (digits or words), its scale, unit,
/// qualifier and the noun phrase it counts. Pure; numbers inside date phrases are skipped.
struct ClaimScanner {
  let tables: ClaimTables
  let index: DocumentIndex
  let bytes: UnsafeBufferPointer<UInt8>

  func scan(skipping dates: [DateMention]) -> [Claim] {
    var result: [Claim] = []
    var d = 0
    var t = 0
    let tokens = index.tokens
    while t < tokens.count {
      let token = tokens[t]
      while d < dates.count, dates[d].range.upperBound <= token.range.lowerBound { d += 1 }
      if d < dates.count, dates[d].range.contains(token.range) {
        t += 1
        continue
      }
      guard token.kind == .number || (token.kind == .word && isNumberWord(t)) else {
        t += 1
        continue
      }
      if let (claim, end) = claim(at: t) {
        result.append(claim)
        t = end
      } else {
        t += 1
      }
    }
    return result
  }

  func isNumberWord(_ t: Int) -> Bool {
    let key = index.keys[t]
    if tables.cardinals[key] != nil { return true }
    // "twenty-one" … "ninety-nine": 8 to 13 bytes.
    let r = index.tokens[t].range
    guard r.utf8Count >= 8, r.utf8Count <= 13 else { return false }
    return hyphenatedCardinal(r) != nil
  }

  /// The claim whose number starts at token `t`, and the token after it.
  func claim(at t: Int) -> (Claim, Int)? {
    let tokens = index.tokens
    guard let (number, afterNumber, suffixScale) = number(at: t) else { return nil }
    var value = number
    var u = afterNumber
    if let scale = suffixScale { value *= scale }
    // Scale words: "1.2 billion", "two dozen", "hundreds of thousands" is left out.
    while u < tokens.count, let scale = tables.scales[index.keys[u]], tokens[u].kind == .word,
      tokens[u].range.utf8Count > 1
    {
      value *= scale
      u += 1
    }
    let isWordNumber = tokens[t].kind == .word
    if isWordNumber, u == afterNumber {
      // "a", "an", "one", "half" alone are not counts.
      let key = index.keys[t]
      if key == tables.a || key == tables.an || key == tables.half { return nil }
    }
    if isWordNumber, index.keys[t] == tables.a || index.keys[t] == tables.an, u == afterNumber {
      return nil
    }
    // "one of them", "one adviser": "one" alone is a pronoun or an article more often than a count.
    if isWordNumber, index.keys[t] == tables.one, u == afterNumber,
      t == 0 || qualifierEnding(at: t - 1) == nil
    {
      return nil
    }
    // A bare year ("the 2008 initiative") is not a count.
    if !isWordNumber, u == afterNumber, suffixScale == nil, index.tokens[t].range.utf8Count == 4,
      (1800...2100).contains(number),
      t == 0 || qualifierEnding(at: t - 1) == nil
    {
      if u >= tokens.count
        || !(tokens[u].kind == .symbol || tables.units.match({ index.key($0) }, at: u) != nil)
      {
        return nil
      }
    }
    var start = t
    var unit: String?
    // A currency sign before: "$1.2 billion".
    if t > 0, tokens[t - 1].kind == .symbol || tokens[t - 1].kind == .word,
      tokens[t - 1].range.upperBound == tokens[t].range.lowerBound
    {
      let sign = String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[tokens[t - 1].range.lowerBound..<tokens[t - 1].range.upperBound]),
        as: UTF8.self)
      if let code = tables.currencySigns[sign] {
        unit = code
        start = t - 1
      }
    }
    // A qualifier before: "at least", "more than", "about".
    var qualifier: String?
    if start > 0, let (phrase, first) = qualifierEnding(at: start - 1) {
      qualifier = phrase
      start = first
    }
    // Unit after: "%", "percent", "times", "dollars".
    if unit == nil, u < tokens.count {
      if tokens[u].kind == .symbol, bytes[tokens[u].range.lowerBound] == 0x25 {
        unit = "percent"
        u += 1
      } else if let match = tables.units.match({ index.key($0) }, at: u) {
        unit = match.value
        u += match.count
      }
    }
    // Clock times ("09:05") are not claims.
    if t > 0, tokens[t - 1].kind == .punctuation, bytes[tokens[t - 1].range.lowerBound] == 0x3A {
      return nil
    }
    // Times of day and ordinals are not claims: "3 p.m.", "the 17th", "five o'clock".
    if u < tokens.count, [tables.am, tables.pm, tables.amDot, tables.pmDot].contains(index.keys[u])
    {
      return nil
    }
    if u < tokens.count, isOClock(at: tokens[u].range.lowerBound) { return nil }
    if u < tokens.count, tokens[u].kind == .punctuation, bytes[tokens[u].range.lowerBound] == 0x3A,
      u + 1 < tokens.count,
      tokens[u + 1].kind == .number
    {
      return nil
    }
    // What is counted.
    var counted: TextRange?
    var end = u
    if unit == "percent" || unit == nil || unit == "times" {
      var v = u
      if unit == "percent", v < tokens.count, index.keys[v] == tables.of {
        v += 1
        // "25 por ciento de los votantes": an article the language puts after "of".
        if v < tokens.count, tables.countedArticles.contains(index.keys[v]) { v += 1 }
      }
      if unit != "times", let (phrase, after) = countedPhrase(at: v) {
        counted = phrase
        end = after
      }
    }
    if unit == "times" {
      counted = TextRange(tokens[u - 1].range.lowerBound, tokens[u - 1].range.upperBound)
    }
    if unit == nil, counted == nil, qualifier == nil { return nil }
    if isWordNumber, counted == nil, unit == nil { return nil }
    // "Route 66", "Article 5": a capitalised word right before a bare number.
    if start == t, unit == nil, t > 0, tokens[t - 1].kind == .word, tokens[t - 1].isCapitalized,
      t - 1 > 0, index.sentenceOfToken[t - 1] == index.sentenceOfToken[t - 2],
      tokens[t - 2].kind != .punctuation
    {
      return nil
    }
    let range = TextRange(tokens[start].range.lowerBound, tokens[end - 1].range.upperBound)
    return (
      Claim(range: range, value: value, unit: unit, qualifier: qualifier, counted: counted), end
    )
  }

  /// Whether the text at byte `offset` reads "o'clock" (straight or curly apostrophe, any case).
  func isOClock(at offset: Int) -> Bool {
    var i = offset
    guard i < bytes.count, bytes[i] | 0x20 == 0x6F else { return false }
    i += 1
    if i < bytes.count, bytes[i] == 0x27 {
      i += 1
    } else if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
      i += 3
    } else {
      return false
    }
    for letter in "clock".utf8 {
      guard i < bytes.count, bytes[i] | 0x20 == letter else { return false }
      i += 1
    }
    return true
  }

  /// The qualifier phrase whose last word is token `last`: its canonical form and first token.
  func qualifierEnding(at last: Int) -> (String, Int)? {
    guard last >= 0, index.tokens[last].kind == .word,
      let candidates = tables.qualifiersByLastWord[index.keys[last]]
    else { return nil }
    for words in candidates {
      let first = last - words.count + 1
      guard first >= 0 else { continue }
      var ok = true
      for (offset, word) in words.enumerated()
      where index.keys[first + offset] != word || index.tokens[first + offset].kind != .word {
        ok = false
        break
      }
      if ok, let value = tables.qualifierValues[words] { return (value, first) }
    }
    return nil
  }

  /// The number at token `t`: its value, the token after it and a scale its suffix gives
  /// ("5bn"). Nil for ordinals, ages, ranges and codes.
  func number(at t: Int) -> (Double, Int, Double?)? {
    let token = index.tokens[t]
    let r = token.range
    if token.kind == .word {
      if let value = tables.cardinals[index.keys[t]] {
        // "twenty five"
        if value >= 20, value.truncatingRemainder(dividingBy: 10) == 0, t + 1 < index.tokens.count,
          let unitValue = tables.cardinals[index.keys[t + 1]], unitValue >= 1, unitValue < 10
        {
          return (value + unitValue, t + 2, nil)
        }
        return (value, t + 1, nil)
      }
      if let value = hyphenatedCardinal(r) { return (value, t + 1, nil) }
      return nil
    }
    // Digits with thousands separators and one decimal mark: a period and commas in English;
    // where ``ClaimTables/eitherDecimalMark`` (Spanish: "3,5" in Spain, "3.5" in Mexico),
    // either mark, a group of exactly three digits after it meaning thousands.
    let either = tables.eitherDecimalMark
    var i = r.lowerBound
    var integer: Double = 0
    var fraction: Double = 0
    var scale: Double = 1
    var digits = 0
    var seenPoint = false
    while i < r.upperBound {
      let byte = bytes[i]
      if byte >= 0x30 && byte <= 0x39 {
        if seenPoint {
          scale /= 10
          fraction += Double(byte - 0x30) * scale
        } else {
          integer = integer * 10 + Double(byte - 0x30)
        }
        digits += 1
      } else if byte == 0x2C || byte == 0x2E, either, !seenPoint {
        var k = i + 1
        while k < r.upperBound, bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
        if k - i - 1 != 3 || (k < r.upperBound && bytes[k] != 0x2C && bytes[k] != 0x2E) {
          seenPoint = true
        }
      } else if byte == 0x2C, !seenPoint {
      } else if byte == 0x2E, !seenPoint {
        seenPoint = true
      } else {
        break
      }
      i += 1
    }
    guard digits > 0 else { return nil }
    var suffixScale: Double?
    if i < r.upperBound {
      // A scale suffix ("5bn", "3m"); anything else (ordinals, "35-year-old", "3-5") is not a count.
      guard let scaleValue = tables.scales[WordKey(bytes, i, r.upperBound)] else { return nil }
      suffixScale = scaleValue
    }
    return (integer + fraction, t + 1, suffixScale)
  }

  /// "twenty-five".
  func hyphenatedCardinal(_ r: TextRange) -> Double? {
    guard r.utf8Count < 20 else { return nil }
    var dash = r.lowerBound
    while dash < r.upperBound, bytes[dash] != 0x2D { dash += 1 }
    guard dash < r.upperBound, let tens = tables.cardinals[WordKey(bytes, r.lowerBound, dash)],
      tens >= 20,
      let ones = tables.cardinals[WordKey(bytes, dash + 1, r.upperBound)], ones >= 1, ones < 10
    else { return nil }
    return tens + ones
  }

  /// The noun phrase that a number counts, starting at token `t`: up to five words,
  /// possessives included ("Mexico’s exports"), ending before a closed-class word, a verb
  /// form in -ed/-ing after the first word, punctuation or a number.
  func countedPhrase(at t: Int) -> (TextRange, Int)? {
    let tokens = index.tokens
    var u = t
    var words = 0
    var lastWord = -1
    while u < tokens.count, words < 5 {
      let token = tokens[u]
      guard token.kind == .word else { break }
      if u > t, index.sentenceOfToken[u] != index.sentenceOfToken[t] { break }
      if u > t, hasLineBreak(tokens[u - 1].range.upperBound, token.range.lowerBound) { break }
      let key = index.keys[u]
      if key == tables.possessive || key == tables.possessiveStraight {
        if lastWord < 0 { break }
        u += 1
        continue
      }
      if tables.stops.contains(key) || tables.months.contains(key) { break }
      if words > 0, endsInVerbSuffix(token.range) { break }
      lastWord = u
      words += 1
      u += 1
    }
    guard lastWord >= t else { return nil }
    if t > 0, hasLineBreak(tokens[t - 1].range.upperBound, tokens[t].range.lowerBound) {
      return nil
    }
    return (TextRange(tokens[t].range.lowerBound, tokens[lastWord].range.upperBound), lastWord + 1)
  }

  func hasLineBreak(_ lower: Int, _ upper: Int) -> Bool {
    var i = lower
    while i < upper {
      if bytes[i] == 0x0A { return true }
      i += 1
    }
    return false
  }

  /// True when the word ends like a verb of the language (``ClaimTables/verbSuffixes``:
  /// "-ed", "-ing"; "-aron", "-rán", …), leaving at least three other bytes.
  func endsInVerbSuffix(_ r: TextRange) -> Bool {
    let n = r.utf8Count
    let e = r.upperBound
    for suffix in tables.verbSuffixes where n > suffix.count + 2 {
      var matches = true
      for (offset, byte) in suffix.enumerated() {
        let b = bytes[e - suffix.count + offset]
        if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != byte {
          matches = false
          break
        }
      }
      if matches { return true }
    }
    return false
  }
}
