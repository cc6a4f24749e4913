/// Finds date phrases in a run of tokens and normalises them against an anchor day (the
/// article's date, or the day a statement was made). Pure; one pass over the tokens with a
/// dictionary look-up per word.
struct DateScanner {
  let tables: DateTables
  let index: DocumentIndex
  let bytes: UnsafeBufferPointer<UInt8>
  /// The day relative phrases count from; nil leaves them out.
  let anchor: CivilDate?

  /// The result of matching a core phrase (without its relating preposition).
  struct Match {
    var value: TimeValue
    /// One past the last token.
    var end: Int
    var isRelative: Bool
    /// A phrase that is itself a deadline ("within six months", "the end of the year").
    var relation: DateMention.Relation? = nil
  }

  /// Every date phrase starting in `tokens`, in text order, never overlapping.
  func scan(_ tokens: Range<Int>) -> [DateMention] {
    var result: [DateMention] = []
    var t = tokens.lowerBound
    let limit = tokens.upperBound
    while t < limit {
      let token = index.tokens[t]
      guard token.kind == .word || token.kind == .number else {
        t += 1
        continue
      }
      if token.kind == .word {
        let key = index.keys[t]
        // Most tokens start no date; a frequent weak starter ("the", "in", "a") only before a
        // date word or a number.
        guard tables.starters.contains(key),
          !tables.weakStarters.contains(key)
            || (t + 1 < limit
              && (index.tokens[t + 1].kind == .number
                || tables.followers.contains(index.keys[t + 1])))
        else {
          t += 1
          continue
        }
      }
      if let mention = phrase(at: t, limit: limit) {
        result.append(mention.0)
        t = mention.1
      } else {
        t += 1
      }
    }
    return result
  }

  // MARK: - Phrases

  /// A relation, a range or a single core phrase starting at `t`.
  func phrase(at t: Int, limit: Int) -> (DateMention, Int)? {
    let key = index.keys[t]
    // from X to Y, between X and Y
    if key == tables.from || key == tables.between, t + 1 < limit,
      let lhs = core(at: t + 1, limit: limit, future: isFuture(t))
    {
      let joiner = lhs.end
      let isJoiner =
        joiner < limit
        && (key == tables.from
          ? (index.keys[joiner] == tables.to || index.keys[joiner] == tables.until
            || index.keys[joiner] == tables.through || index.isDash(joiner, bytes))
          : index.keys[joiner] == tables.and)
      if isJoiner,
        var rhs = core(at: joiner + 1, limit: limit, future: isFuture(t), context: lhs.value)
      {
        // A year-less end before the start ("between March and September" near March) is
        // in the following year: a range runs forward.
        if rhs.isRelative, let start = lhs.value.first, let end = rhs.value.first, end < start {
          if rhs.value.granularity == .month {
            rhs.value = .month(end.year + 1, end.month)
          } else if rhs.value.granularity == .day,
            let next = CivilDate(year: end.year + 1, month: end.month, day: end.day)
          {
            rhs.value = .day(next)
          }
        }
        let value = TimeValue.interval(lhs.value, rhs.value)
        return (mention(t, rhs.end, value, .at, lhs.isRelative || rhs.isRelative), rhs.end)
      }
      if key == tables.from {
        return (mention(t + 1, lhs.end, lhs.value, lhs.relation ?? .at, lhs.isRelative), lhs.end)
      }
    }
    if key == tables.within, let match = core(at: t, limit: limit, future: true) {
      return (mention(t, match.end, match.value, .within, match.isRelative), match.end)
    }
    if let relation = tables.relations[key], t + 1 < limit {
      let future =
        relation == .by || relation == .within || relation == .before
        || (relation != .since && isFuture(t))
      // "antes de fin de año": a joiner after the preposition.
      let first = t + 2 < limit && index.keys[t + 1] == tables.joiners ? t + 2 : t + 1
      if let match = core(at: first, limit: limit, future: future && relation != .since) {
        var value = match.value
        if relation == .since { value = .interval(match.value, nil) }
        return (
          mention(t, match.end, value, match.relation ?? relation, match.isRelative), match.end
        )
      }
      return nil
    }
    guard let match = core(at: t, limit: limit, future: isFuture(t)) else { return nil }
    // X–Y between two core phrases ("March–May"), handled after a month's days elsewhere.
    if match.end + 1 < limit, index.isDash(match.end, bytes), match.value.granularity != .duration,
      let rhs = core(at: match.end + 1, limit: limit, future: isFuture(t), context: match.value)
    {
      return (
        mention(t, rhs.end, .interval(match.value, rhs.value), .at, match.isRelative), rhs.end
      )
    }
    return (mention(t, match.end, match.value, match.relation ?? .at, match.isRelative), match.end)
  }

  func mention(
    _ first: Int, _ end: Int, _ value: TimeValue, _ relation: DateMention.Relation,
    _ isRelative: Bool
  ) -> DateMention {
    DateMention(
      range: TextRange(
        index.tokens[first].range.lowerBound, index.tokens[end - 1].range.upperBound),
      value: value, relation: relation, isRelative: isRelative)
  }

  /// True when the clause before `t` speaks of the future ("will meet on Friday"): a future
  /// marker among the eight tokens before it, in its sentence.
  func isFuture(_ t: Int) -> Bool {
    let sentence = t < index.sentenceOfToken.count ? Int(index.sentenceOfToken[t]) : -1
    var u = t - 1
    var seen = 0
    while u >= 0, seen < 8 {
      if sentence >= 0, Int(index.sentenceOfToken[u]) != sentence { break }
      if index.tokens[u].kind == .word, tables.futureMarkers.contains(index.keys[u]) { return true }
      u -= 1
      seen += 1
    }
    return false
  }

  // MARK: - Core phrases

  /// A date phrase without a relating preposition. `context` is the left side of a range
  /// ("March 3 to 5": the 5 takes March and its year).
  func core(at t: Int, limit: Int, future: Bool, context: TimeValue? = nil) -> Match? {
    guard t < limit else { return nil }
    let token = index.tokens[t]
    let key = index.keys[t]
    if token.kind == .number {
      return numberLed(at: t, limit: limit, future: future, context: context)
    }
    guard token.kind == .word else { return nil }
    if let month = tables.months[key] {
      return monthLed(month, at: t, limit: limit, future: future)
    }
    if let weekday = tables.weekdays[key], token.isCapitalized || !tables.namesCapitalized {
      return weekdayValue(weekday, direction: future ? 1 : -1, end: partOfDayEnd(t + 1, limit))
    }
    // "hace tres años": the count after the word.
    if key == tables.agoBefore, let anchor,
      let (count, unit, end) = quantity(at: t + 1, limit: limit)
    {
      let date = unit.move(anchor, by: -count)
      return Match(value: unit.value(at: date), end: end, isRelative: true)
    }
    if key == tables.end || key == tables.start || key == tables.beginning
      || key == tables.middle, t + 1 < limit, index.keys[t + 1] == tables.of
    {
      return boundary(at: t, limit: limit, future: future)
    }
    if let offset = tables.deicticDays[key], let anchor {
      return Match(
        value: .day(anchor.adding(days: offset)), end: partOfDayEnd(t + 1, limit), isRelative: true)
    }
    if key == tables.this || key == tables.last || key == tables.next || key == tables.past
      || key == tables.coming || key == tables.previous
    {
      return shifted(at: t, limit: limit, future: future)
    }
    if key == tables.earlier || key == tables.later, t + 1 < limit, index.keys[t + 1] == tables.this
    {
      guard let match = shifted(at: t + 1, limit: limit, future: future) else { return nil }
      return match
    }
    if key == tables.early || key == tables.late, t + 1 < limit,
      let inner = core(at: t + 1, limit: limit, future: future),
      inner.value.granularity == .month || inner.value.granularity == .year
    {
      return Match(value: inner.value, end: inner.end, isRelative: inner.isRelative)
    }
    if key == tables.the { return theLed(at: t, limit: limit, future: future) }
    if key == tables.inWord || key == tables.within {
      // in/within N units: counted forward from the anchor ("dentro de seis meses").
      let first = t + 1 < limit && index.keys[t + 1] == tables.joiners ? t + 2 : t + 1
      guard let anchor, let (count, unit, end) = quantity(at: first, limit: limit) else {
        return nil
      }
      let date = unit.move(anchor, by: count)
      let value: TimeValue =
        unit == .year || unit == .decade ? .month(date.year, date.month) : .day(date)
      return Match(
        value: value, end: end, isRelative: true, relation: key == tables.within ? .within : nil)
    }
    if key == tables.forWord || key == tables.during || key == tables.over {
      guard let (count, unit, end) = quantity(at: t + 1, limit: limit) else { return nil }
      return Match(value: .duration(count, unit), end: end, isRelative: false)
    }
    // A season word alone is a date only after a time preposition or before a year: "fall"
    // and "spring" are verbs too ("prices will fall by 10 percent", "expected to fall").
    if let season = tables.seasons[key],
      (t > 0 && isYearContext(t - 1) && index.keys[t - 1] != tables.to) || yearNumber(t + 1) != nil
    {
      return seasonValue(season, year: nil, end: t + 1, future: future, limit: limit)
    }
    if tables.cardinals[key] != nil || hyphenatedQuantity(t) != nil {
      return ago(at: t, limit: limit)
    }
    if token.kind == .word, let year = midYear(t) {
      return Match(value: .year(year), end: t + 1, isRelative: false)
    }
    return nil
  }

  /// "6 December 2025", "2025-12-06", "2025", "the 1990s", "three years ago", "5" after a month.
  func numberLed(at t: Int, limit: Int, future: Bool, context: TimeValue?) -> Match? {
    let r = index.tokens[t].range
    if let iso = isoDate(r) { return Match(value: iso, end: t + 1, isRelative: false) }
    if let (day, rest) = leadingDigits(r),
      rest == r.upperBound || isOrdinalSuffix(rest, r.upperBound)
    {
      // "6 de diciembre": a joiner between the day and the month.
      let m =
        t + 2 < limit && index.keys[t + 1] == tables.joiners
          && tables.months[index.keys[t + 2]] != nil ? t + 2 : t + 1
      if (1...31).contains(day), m < limit, let month = tables.months[index.keys[m]] {
        var end = m + 1
        if tables.abbreviatedMonths.contains(index.keys[m]), end < limit,
          index.isPunctuation(end, 0x2E, bytes)
        {
          end += 1
        }
        var year: Int?
        if end < limit, let y = yearNumber(end) {
          year = y
          end += 1
        } else if end + 1 < limit, index.keys[end] == tables.joiners, let y = yearNumber(end + 1) {
          year = y
          end += 2
        }
        guard let date = resolve(month: month, day: day, year: year, future: future) else {
          return nil
        }
        return Match(value: date, end: end, isRelative: year == nil)
      }
      // The right side of a range: "March 3 to 5", "2019 to 2021".
      if let context {
        if context.granularity == .day, (1...31).contains(day), let first = context.first,
          let date = CivilDate(year: first.year, month: first.month, day: day)
        {
          return Match(value: .day(date), end: t + 1, isRelative: false)
        }
        if context.granularity == .year, let y = yearNumber(t) {
          return Match(value: .year(y), end: t + 1, isRelative: false)
        }
      }
      if rest == r.upperBound, let y = yearNumber(t), t > 0, isYearContext(t - 1) {
        return Match(value: .year(y), end: t + 1, isRelative: false)
      }
    }
    // 1990s
    if let (decade, rest) = leadingDigits(r), rest + 1 == r.upperBound, bytes[rest] == 0x73,
      (1000...2990).contains(decade), decade % 10 == 0
    {
      return Match(
        value: .interval(.year(decade), .year(decade + 9)), end: t + 1, isRelative: false)
    }
    return ago(at: t, limit: limit)
  }

  /// Month-led: "December 6", "Dec. 6, 2025", "December 6th", "March 2026", "February".
  func monthLed(_ month: Int, at t: Int, limit: Int, future: Bool) -> Match? {
    let token = index.tokens[t]
    guard token.isCapitalized || !tables.namesCapitalized else { return nil }
    var u = t + 1
    if tables.abbreviatedMonths.contains(index.keys[t]), u < limit,
      index.isPunctuation(u, 0x2E, bytes)
    {
      u += 1
    }
    // "diciembre de 2025": a joiner before the year.
    if u + 1 < limit, index.keys[u] == tables.joiners, index.tokens[u + 1].kind == .number,
      let y = yearNumber(u + 1)
    {
      return Match(value: .month(y, month), end: u + 2, isRelative: false)
    }
    if u < limit, index.tokens[u].kind == .number {
      let r = index.tokens[u].range
      if let y = yearNumber(u) {
        return Match(value: .month(y, month), end: u + 1, isRelative: false)
      }
      if let (day, rest) = leadingDigits(r), (1...31).contains(day) {
        // "March 3-5": a range of days in one number token.
        var endDay: Int?
        if rest < r.upperBound, bytes[rest] == 0x2D,
          let (d2, rest2) = leadingDigits(TextRange(rest + 1, r.upperBound)),
          rest2 == r.upperBound, d2 > day, d2 <= 31
        {
          endDay = d2
        } else if !(rest == r.upperBound || isOrdinalSuffix(rest, r.upperBound)) {
          return nil
        }
        var end = u + 1
        var year: Int?
        if end < limit, index.isPunctuation(end, 0x2C, bytes), end + 1 < limit,
          let y = yearNumber(end + 1)
        {
          year = y
          end += 2
        } else if end < limit, let y = yearNumber(end) {
          year = y
          end += 1
        }
        guard let first = resolve(month: month, day: day, year: year, future: future) else {
          return nil
        }
        if let endDay, let f = first.first,
          let last = CivilDate(year: f.year, month: f.month, day: endDay)
        {
          return Match(value: .interval(first, .day(last)), end: end, isRelative: year == nil)
        }
        return Match(value: first, end: end, isRelative: year == nil)
      }
    }
    // A month alone. Ambiguous names ("May", "March") need a time word before them.
    if tables.ambiguousMonths.contains(index.keys[t]) {
      guard t > 0, isYearContext(t - 1) else { return nil }
    }
    // "August Wilson": a month followed by a capitalised word is a name.
    if u < limit, index.tokens[u].kind == .word, index.tokens[u].isCapitalized,
      tables.months[index.keys[u]] == nil
    {
      return nil
    }
    // Without a day to count from, a month alone names no year: no date rather than "--01".
    guard let anchor else { return nil }
    let year = closestYear(month: month, day: nil, anchor: anchor, future: future)
    return Match(value: .month(year, month), end: u, isRelative: true)
  }

  /// "this week", "last month", "next year", "past decade", "last Tuesday", "next March",
  /// "this summer", "this morning".
  func shifted(at t: Int, limit: Int, future: Bool) -> Match? {
    guard let anchor, t + 1 < limit else { return nil }
    let key = index.keys[t]
    let direction = key == tables.this ? 0 : (key == tables.next || key == tables.coming ? 1 : -1)
    let word = index.keys[t + 1]
    if let unit = tables.units[word] {
      if key == tables.past {
        let other = unit.move(anchor, by: -1)
        return Match(
          value: .interval(unit.value(at: other), unit.value(at: anchor)), end: t + 2,
          isRelative: true)
      }
      let date = unit.move(anchor, by: direction)
      return Match(value: unit.value(at: date), end: t + 2, isRelative: true)
    }
    // "the past two years", "the next six months" come through theLed with a count.
    if key != tables.this, let (count, unit, end) = quantity(at: t + 1, limit: limit) {
      let other = unit.move(anchor, by: direction * count)
      let value: TimeValue =
        direction < 0
        ? .interval(unit.value(at: other), unit.value(at: anchor))
        : .interval(unit.value(at: anchor), unit.value(at: other))
      return Match(value: value, end: end, isRelative: true)
    }
    if tables.partsOfDay.contains(word), key == tables.this {
      return Match(value: .day(anchor), end: t + 2, isRelative: true)
    }
    if let weekday = tables.weekdays[word] {
      if direction == 0 { return weekdayValue(weekday, direction: future ? 1 : -1, end: t + 2) }
      return weekdayValue(weekday, direction: direction, end: t + 2, strict: true)
    }
    if let month = tables.months[word],
      index.tokens[t + 1].isCapitalized || !tables.namesCapitalized
    {
      var year = anchor.year
      if direction < 0 { year = month < anchor.month ? anchor.year : anchor.year - 1 }
      if direction > 0 { year = month > anchor.month ? anchor.year : anchor.year + 1 }
      return Match(value: .month(year, month), end: t + 2, isRelative: true)
    }
    if let season = tables.seasons[word] {
      let year: Int
      let current = seasonYear(season, anchor: anchor)
      switch direction {
      case 0: year = current
      case 1:
        year =
          season.first <= anchor.month && anchor.month <= season.first + 2 || current > anchor.year
          ? current + 1 : Swift.max(current, anchor.year)
      default:
        year = current < anchor.year || (season.first + 2 < anchor.month) ? current : current - 1
      }
      return seasonValue(season, year: year, end: t + 2, future: future, limit: limit)
    }
    return nil
  }

  /// Phrases opening with "the": "the end of the year", "the past decade", "the 1990s",
  /// "the summer", "the second year of her six-year term".
  func theLed(at t: Int, limit: Int, future: Bool) -> Match? {
    guard t + 1 < limit else { return nil }
    let word = index.keys[t + 1]
    if word == tables.end || word == tables.start || word == tables.beginning
      || word == tables.middle
    {
      return boundary(at: t + 1, limit: limit, future: future)
    }
    // "el pasado 6 de diciembre", "el próximo 6 de diciembre": a shift word before a day.
    if word == tables.last || word == tables.next, t + 2 < limit,
      index.tokens[t + 2].kind == .number,
      let day = numberLed(at: t + 2, limit: limit, future: word == tables.next, context: nil),
      day.value.granularity == .day
    {
      return day
    }
    // "el año pasado", "el martes próximo": the shift word after the unit or weekday.
    if t + 2 < limit, let direction = tables.postposedShifts[index.keys[t + 2]], let anchor {
      if let unit = tables.units[word] {
        return Match(
          value: unit.value(at: unit.move(anchor, by: direction)), end: t + 3, isRelative: true)
      }
      if let weekday = tables.weekdays[word] {
        return weekdayValue(weekday, direction: direction, end: t + 3, strict: true)
      }
    }
    return theLedRest(at: t, word: word, limit: limit, future: future)
  }

  /// "the end of the year", "the start of March", "fin de año": the boundary word at `w`.
  func boundary(at w: Int, limit: Int, future: Bool) -> Match? {
    let word = index.keys[w]
    let t = w - 1
    guard t + 3 < limit, index.keys[t + 2] == tables.of else { return nil }
    var u = t + 3
    var inner: Match?
    if index.keys[u] == tables.the, u + 1 < limit, let unit = tables.units[index.keys[u + 1]],
      let anchor
    {
      inner = Match(value: unit.value(at: anchor), end: u + 2, isRelative: true)
    } else if let unit = tables.units[index.keys[u]], let anchor {
      // "end of year", "fin de año": the unit without an article.
      inner = Match(value: unit.value(at: anchor), end: u + 1, isRelative: true)
    } else {
      inner = core(at: u, limit: limit, future: true)
    }
    guard let inner, let first = inner.value.first,
      let last = inner.value.last ?? inner.value.first
    else { return nil }
    u = inner.end
    let value: TimeValue
    switch inner.value.granularity {
    case .year:
      value =
        word == tables.end
        ? .month(last.year, last.month)
        : word == tables.middle ? .month(first.year, 6) : .month(first.year, first.month)
    case .month: value = word == tables.end ? .day(last) : .day(first)
    default: value = word == tables.end ? .day(last) : .day(first)
    }
    return Match(
      value: value, end: u, isRelative: inner.isRelative,
      relation: word == tables.end && future ? .by : nil)
  }

  func theLedRest(at t: Int, word: WordKey, limit: Int, future: Bool) -> Match? {
    if word == tables.past || word == tables.last || word == tables.next || word == tables.coming
      || word == tables.previous
    {
      return shifted(at: t + 1, limit: limit, future: future)
    }
    if let season = tables.seasons[word] {
      return seasonValue(season, year: nil, end: t + 2, future: future, limit: limit)
    }
    if index.tokens[t + 1].kind == .number,
      let m = numberLed(at: t + 1, limit: limit, future: future, context: nil),
      m.value.granularity == .year, m.value.iso.contains("/")
    {
      return m
    }
    // the second year of her six-year term: the year the article is in.
    if let ordinal = tables.ordinals[word], t + 6 < limit, index.keys[t + 2] == tables.year,
      index.keys[t + 3] == tables.of
    {
      var u = t + 4
      let owner = index.keys[u]
      if owner == tables.her || owner == tables.his || owner == tables.its || owner == tables.their
        || owner == tables.the
      {
        u += 1
      }
      guard u + 1 < limit, let (length, unit, _) = hyphenatedQuantity(u), unit == .year,
        ordinal <= length,
        index.keys[u + 1] == tables.term, let anchor
      else { return nil }
      return Match(value: .year(anchor.year), end: u + 2, isRelative: true)
    }
    return nil
  }

  /// "three years ago", "two weeks ago", "a month ago"; a duration "six years"; "six-year".
  func ago(at t: Int, limit: Int) -> Match? {
    if let (count, unit, end) = quantity(at: t, limit: limit) {
      if end < limit, index.keys[end] == tables.ago, let anchor {
        let date = unit.move(anchor, by: -count)
        return Match(value: unit.value(at: date), end: end + 1, isRelative: true)
      }
      return nil
    }
    return nil
  }

  // MARK: - Pieces

  /// A count and a unit: "six months", "a year", "two weeks", "10 days", "a few days" (3).
  func quantity(at t: Int, limit: Int) -> (Int, DateUnit, Int)? {
    guard t + 1 < limit else { return nil }
    var u = t
    var count: Int?
    if index.tokens[u].kind == .number, let (n, rest) = leadingDigits(index.tokens[u].range),
      rest == index.tokens[u].range.upperBound
    {
      count = n
    } else if let value = tables.cardinals[index.keys[u]], value >= 1 {
      count = Int(value)
      if index.keys[u] == tables.a || index.keys[u] == tables.an, u + 1 < limit,
        index.keys[u + 1] == tables.few || index.keys[u + 1] == tables.couple
      {
        count = index.keys[u + 1] == tables.few ? 3 : 2
        u += 1
        if u + 1 < limit, index.keys[u + 1] == tables.of { u += 1 }
      } else if u + 1 < limit, let tens = tables.cardinals[index.keys[u + 1]], tens == 12, value > 1
      {
        count = Int(value * 12)
        u += 1
      }
    }
    guard let count, count > 0, count < 10_000, u + 1 < limit,
      let unit = tables.units[index.keys[u + 1]]
    else { return nil }
    return (count, unit, u + 2)
  }

  /// "six-year", "10-day", "two-week": a word or number token of count, hyphen, unit.
  func hyphenatedQuantity(_ t: Int) -> (Int, DateUnit, Int)? {
    let r = index.tokens[t].range
    guard r.utf8Count < 24 else { return nil }
    var dash = r.lowerBound
    while dash < r.upperBound, bytes[dash] != 0x2D { dash += 1 }
    guard dash < r.upperBound, dash > r.lowerBound else { return nil }
    var tail = dash + 1
    while tail < r.upperBound, bytes[tail] != 0x2D { tail += 1 }
    guard let unit = tables.units[WordKey(bytes, dash + 1, tail)] else { return nil }
    if tail < r.upperBound { return nil }  // "35-year-old"
    var count: Int?
    if let (n, rest) = leadingDigits(TextRange(r.lowerBound, dash)), rest == dash { count = n }
    if count == nil, let value = tables.cardinals[WordKey(bytes, r.lowerBound, dash)], value >= 1 {
      count = Int(value)
    }
    guard let count else { return nil }
    return (count, unit, t + 1)
  }

  /// "mid-2024", "early-2025".
  func midYear(_ t: Int) -> Int? {
    let r = index.tokens[t].range
    guard r.utf8Count == 8, bytes[r.lowerBound + 3] == 0x2D,
      WordKey(bytes, r.lowerBound, r.lowerBound + 3) == tables.mid,
      let (y, rest) = leadingDigits(TextRange(r.lowerBound + 4, r.upperBound)),
      rest == r.upperBound, (1800...2100).contains(y)
    else { return nil }
    return y
  }

  /// The token after a weekday or "today": "Tuesday night", "today morning".
  func partOfDayEnd(_ u: Int, _ limit: Int) -> Int {
    u < limit && (tables.partsOfDay.contains(index.keys[u]) || index.keys[u] == tables.night)
      ? u + 1 : u
  }

  /// The weekday nearest the anchor: on or before it (direction -1), after it (+1); `strict`
  /// excludes the anchor itself ("last Tuesday").
  func weekdayValue(_ weekday: Int, direction: Int, end: Int, strict: Bool = false) -> Match? {
    guard let anchor else { return nil }
    var delta = weekday - anchor.weekday
    if direction < 0 {
      if delta > 0 || (strict && delta == 0) { delta -= 7 }
    } else {
      if delta <= 0 { delta += 7 }
    }
    return Match(value: .day(anchor.adding(days: delta)), end: end, isRelative: true)
  }

  /// The season's months in `year` (the year it starts), or the one nearest the anchor.
  func seasonValue(
    _ season: (first: Int, last: Int), year: Int?, end: Int, future: Bool, limit: Int
  ) -> Match? {
    var end = end
    var y = year
    var isRelative = true
    if y == nil, end < limit, let explicit = yearNumber(end) {
      y = explicit
      end += 1
      isRelative = false
    }
    if y == nil {
      guard let anchor else { return nil }
      let current = seasonYear(season, anchor: anchor)
      let startsAfter = CivilDate.firstOfMonth(current, season.first) > anchor
      if future {
        y = startsAfter ? current : current + 1
      } else {
        y = startsAfter ? current - 1 : current
      }
    }
    guard let y else { return nil }
    let lastMonth = season.last < season.first ? season.last + 12 : season.last
    return Match(value: .months(y, season.first, lastMonth), end: end, isRelative: isRelative)
  }

  /// The year in which the season containing or nearest after the anchor starts.
  func seasonYear(_ season: (first: Int, last: Int), anchor: CivilDate) -> Int {
    if season.last < season.first, anchor.month <= season.last { return anchor.year - 1 }
    return anchor.year
  }

  /// A day or month value for a month, day and optional year; without a year, the year
  /// nearest the anchor in the direction the clause points.
  func resolve(month: Int, day: Int, year: Int?, future: Bool) -> TimeValue? {
    if let year {
      guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
      return .day(date)
    }
    guard let anchor else {
      guard day <= CivilDate.daysInMonth(year: 2024, month: month) else { return nil }
      return TimeValue(
        iso: "--\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))", granularity: .day, first: nil,
        last: nil)
    }
    let y = closestYear(month: month, day: day, anchor: anchor, future: future)
    guard
      let date = CivilDate(year: y, month: month, day: day)
        ?? CivilDate(year: y - 1, month: month, day: day)
    else { return nil }
    return .day(date)
  }

  /// The year putting month (and day) closest before the anchor, or after it in a future
  /// clause. A day up to a week after the anchor stays in the anchor's year (an event
  /// announced for next week).
  func closestYear(month: Int, day: Int?, anchor: CivilDate, future: Bool) -> Int {
    let d = day ?? 1
    let thisYear = CivilDate(
      uncheckedYear: anchor.year, month: month,
      day: Swift.min(d, CivilDate.daysInMonth(year: anchor.year, month: month)))
    if future {
      if day == nil { return month >= anchor.month ? anchor.year : anchor.year + 1 }
      return thisYear >= anchor ? anchor.year : anchor.year + 1
    }
    if day == nil { return month <= anchor.month ? anchor.year : anchor.year - 1 }
    if thisYear <= anchor { return anchor.year }
    return thisYear.dayNumber - anchor.dayNumber <= 7 ? anchor.year : anchor.year - 1
  }

  /// True when the word at `u` introduces a year or month ("in", "since", "of", "early").
  func isYearContext(_ u: Int) -> Bool {
    guard u >= 0, index.tokens[u].kind == .word else { return false }
    let key = index.keys[u]
    return key == tables.inWord || key == tables.since || key == tables.of || key == tables.by
      || key == tables.until
      || key == tables.before || key == tables.after || key == tables.from || key == tables.during
      || key == tables.through || key == tables.early || key == tables.late || key == tables.last
      || key == tables.next || key == tables.this || key == tables.to || key == tables.between
      || key == tables.and || key == tables.on || key == tables.over || key == tables.within
  }

  /// A four-digit year 1800…2100 at token `u`.
  func yearNumber(_ u: Int) -> Int? {
    guard u < index.tokens.count, index.tokens[u].kind == .number else { return nil }
    let r = index.tokens[u].range
    guard r.utf8Count == 4, let (y, rest) = leadingDigits(r), rest == r.upperBound,
      (1800...2100).contains(y)
    else { return nil }
    return y
  }

  /// "2025-12-06" or "2025-12" in one token.
  func isoDate(_ r: TextRange) -> TimeValue? {
    guard r.utf8Count == 10 || r.utf8Count == 7, bytes[r.lowerBound + 4] == 0x2D else { return nil }
    guard let (y, rest) = leadingDigits(TextRange(r.lowerBound, r.lowerBound + 4)),
      rest == r.lowerBound + 4,
      (1800...2100).contains(y),
      let (m, rest2) = leadingDigits(TextRange(r.lowerBound + 5, r.lowerBound + 7)),
      rest2 == r.lowerBound + 7, (1...12).contains(m)
    else { return nil }
    if r.utf8Count == 7 { return .month(y, m) }
    guard bytes[r.lowerBound + 7] == 0x2D,
      let (d, rest3) = leadingDigits(TextRange(r.lowerBound + 8, r.upperBound)),
      rest3 == r.upperBound, let date = CivilDate(year: y, month: m, day: d)
    else { return nil }
    return .day(date)
  }

  /// The decimal number at the start of `r` and the offset after its digits (at most 9 digits).
  func leadingDigits(_ r: TextRange) -> (Int, Int)? {
    var i = r.lowerBound
    var value = 0
    while i < r.upperBound, i - r.lowerBound < 9, bytes[i] >= 0x30, bytes[i] <= 0x39 {
      value = value * 10 + Int(bytes[i] - 0x30)
      i += 1
    }
    return i > r.lowerBound ? (value, i) : nil
  }

  /// "st", "nd", "rd", "th" between `lower` and `upper`.
  func isOrdinalSuffix(_ lower: Int, _ upper: Int) -> Bool {
    guard upper - lower == 2 else { return false }
    let a = bytes[lower] | 0x20
    let b = bytes[lower + 1] | 0x20
    return (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64)
      || (a == 0x74 && b == 0x68)
  }
}
