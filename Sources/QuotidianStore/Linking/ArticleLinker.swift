import Foundation
package import QuotidianCore

/// What the linker knows about a stored article.
package struct LinkedArticle {
  package var id: Int64
  package var published: String?
  package var signature: MinHashSignature?
  package var duplicateOf: Int64?
  package var storyID: Int64?

  package init(
    id: Int64, published: String?, signature: MinHashSignature?, duplicateOf: Int64? = nil,
    storyID: Int64? = nil
  ) {
    self.id = id
    self.published = published
    self.signature = signature
    self.duplicateOf = duplicateOf
    self.storyID = storyID
  }
}

/// A stored quote, as the linker aligns it.
package struct LinkQuote {
  package var position: Int
  package var words: [String]

  package init(position: Int, words: [String]) {
    self.position = position
    self.words = words
  }
}

/// A stored statement that a new quote might report.
package struct StatementCandidate {
  package var id: Int64
  package var speakerKey: String
  package var words: [String]

  package init(id: Int64, speakerKey: String, words: [String]) {
    self.id = id
    self.speakerKey = speakerKey
    self.words = words
  }
}

/// The two levels of clustering: events (`stories`) and the storylines that chain them. Both
/// keep the same columns and a centroid of weighted terms, so every backend reads and writes
/// them with one piece of code per operation.
package enum ClusterLevel: Sendable {
  case event, storyline

  package var table: String { self == .event ? "stories" : "storylines" }
  /// The table of its centroids' terms.
  package var termsTable: String { self == .event ? "story_terms" : "storyline_terms" }
  /// The column of `termsTable` naming the cluster.
  package var owner: String { self == .event ? "story_id" : "storyline_id" }
}

/// A stored story a new article might join.
package struct StoryCandidate {
  package var id: Int64
  package var terms: [String: Double]
  package var firstPublished: String?
  package var lastPublished: String?

  package init(id: Int64, terms: [String: Double], firstPublished: String?, lastPublished: String?)
  {
    self.id = id
    self.terms = terms
    self.firstPublished = firstPublished
    self.lastPublished = lastPublished
  }
}

/// A rewrite found at ingest: `article` reuses `original`'s quotes.
package struct RewriteLink {
  package struct Quote {
    package var position: Int
    package var originalPosition: Int
    package var diff: WordDiff
    package var changes: MeaningChange
  }
  package var article: Int64
  package var original: Int64
  package var similarity: Double
  package var sharedQuotes: Int
  package var altered: [Quote]
}

/// Where a backend keeps what ``ArticleLinker`` reads and writes. Every look-up is an index
/// seek with a bounded result, so linking one article costs the same in any store size.
package protocol LinkCatalog {
  mutating func articles(sharingBands bands: [Int64], limit: Int) throws -> [Int64]
  mutating func article(_ id: Int64) throws -> LinkedArticle?
  /// Articles whose `duplicateOf` is `root`.
  mutating func duplicates(of root: Int64) throws -> [LinkedArticle]
  mutating func statement(speakerKey: String, textKey: String) throws -> Int64?
  /// Statements with this exact wording, whoever the speaker.
  mutating func statements(textKey: String, limit: Int) throws -> [StatementCandidate]
  mutating func statements(sharingBands bands: [Int64], limit: Int) throws -> [StatementCandidate]
  /// Articles reporting `statement`, earliest first.
  mutating func reportingArticles(statement: Int64, limit: Int) throws -> [Int64]
  mutating func quotes(ofArticle article: Int64) throws -> [LinkQuote]
  mutating func hasRewriteOriginal(_ article: Int64) throws -> Bool
  mutating func documentFrequencies(_ terms: [String]) throws -> [String: Int]
  mutating func stories(sharingTerms terms: [String], limitPerTerm: Int) throws -> [StoryCandidate]

  mutating func setSignature(article: Int64, signature: MinHashSignature, bands: [Int64]) throws
  mutating func setDuplicate(article: Int64, of original: Int64, similarity: Double) throws
  mutating func insertStatement(
    speakerKey: String, speaker: String?, textKey: String, text: String, article: Int64,
    bands: [Int64]
  ) throws -> Int64
  mutating func setStatement(article: Int64, position: Int, statement: Int64) throws
  mutating func insertRewrite(_ link: RewriteLink) throws
  mutating func addDocumentFrequencies(_ terms: [String]) throws
  mutating func insertStory(title: String, published: String?) throws -> Int64
  /// Puts `article` in `story`, widening its dates; adds `terms` to its centroid when given.
  mutating func setStory(article: Int64, story: Int64, published: String?, terms: [String: Double]?)
    throws

  /// The storyline that `story` (an event) belongs to.
  mutating func storyline(ofStory story: Int64) throws -> Int64?
  /// The newest storylines holding each of `terms` in their centroid.
  mutating func storylines(sharingTerms terms: [String], limitPerTerm: Int) throws
    -> [StoryCandidate]
  mutating func insertStoryline(title: String, published: String?) throws -> Int64
  /// Puts `story` in `storyline` (counting it once), widening the storyline's dates; adds
  /// `terms` to its centroid when given.
  mutating func setStoryline(
    story: Int64, storyline: Int64, published: String?, terms: [String: Double]?
  ) throws
  /// Moves every event of `storyline` into `target`, adding its centroid and dates to
  /// `target`'s; `storyline` is deleted.
  mutating func mergeStoryline(_ storyline: Int64, into target: Int64) throws
}

/// Cross-article linking on ingest, shared by every store so that they link the same
/// articles: near copies, statements, rewrites and stories. See ARCHITECTURE.md.
package enum ArticleLinker {
  /// Estimated Jaccard similarity (4-word shingles) at or above which an article is a near
  /// copy: a copy with one word in twenty changed throughout is at about 0.69, a new headline
  /// and byline on a wire story above 0.9; rewrites of the Examples are at 0.1.
  package static let nearThreshold = 0.6
  /// Articles with fewer words are not matched as near copies (too little to tell).
  package static let nearMinimumWords = 25
  /// Cosine similarity to a story's centroid needed to join it.
  package static let storyThreshold = 0.12
  /// Days between an article and a story's date range beyond which it does not join.
  package static let storyWindowDays = 14
  /// Once this many articles are clustered, a term in more than `commonShare` of them is too
  /// common to tell stories apart and is left out of article vectors.
  package static let commonAfterArticles = 50
  package static let commonShare = 0.1
  /// Longest a story runs: an article that would stretch it further starts a new one.
  package static let storySpanDays = 45
  package static let storyTermCount = 30
  /// An article's most frequent terms weighed to choose its `storyTermCount` strongest.
  package static let candidateTermCount = 120
  /// Story look-ups per article: its strongest terms, the newest stories per term.
  package static let storyLookupTerms = 10
  package static let storiesPerTerm = 6
  package static let centroidTermCount = 80
  /// Cosine similarity to a storyline's centroid needed for a new event to join it. Events of
  /// one storyline share its people, places and organisations, and the dispute's words, but
  /// not what happened; weeks or months apart.
  package static let storylineThreshold = 0.4
  /// An article of an event that matches another storyline this well bridges the two: they
  /// merge.
  package static let storylineMergeThreshold = 0.7
  /// Added to a storyline's score for each statement the article reports that one of its
  /// articles reported (a recurring quote is strong evidence of one storyline).
  package static let storylineStatementBonus = 0.15
  /// Days between a new event and a storyline's date range beyond which it does not join.
  package static let storylineGapDays = 183
  package static let storylineLookupTerms = 12
  package static let storylinesPerTerm = 8
  /// The document-frequency row counting every clustered article.
  package static let allArticlesTerm = "#"

  /// `QUOTIDIAN_LINKING=off` skips linking (content identity still applies): for
  /// `scripts/bench-linking`, which measures what linking costs.
  package static let isDisabled = ProcessInfo.processInfo.environment["QUOTIDIAN_LINKING"] == "off"

  package struct Input {
    package var articleID: Int64
    package var published: String?
    package var title: String?
    package var text: String
    package var quotes: [(position: Int, text: String, speaker: String?, speakerKey: String)]
    /// Terms of the article's named entities: `n:` and the folded name. By name rather than
    /// by identity, so that one name split over several identities (a role that changed)
    /// still ties its stories together.
    package var entityTerms: [String]
    /// Those of `entityTerms` that are places: a place is shared by every story told there,
    /// so it does not weigh as much as a person or an organisation.
    package var placeTerms: Set<String>
    /// False while migrating a store that has no storylines yet (v3's backfill): its stories
    /// become storylines later.
    package var chainsStorylines: Bool

    package init(
      articleID: Int64, published: String?, title: String?, text: String,
      quotes: [(position: Int, text: String, speaker: String?, speakerKey: String)],
      entityTerms: [String], placeTerms: Set<String> = [], chainsStorylines: Bool = true
    ) {
      self.articleID = articleID
      self.published = published
      self.title = title
      self.text = text
      self.quotes = quotes
      self.entityTerms = entityTerms
      self.placeTerms = placeTerms
      self.chainsStorylines = chainsStorylines
    }
  }

  package static func link<Catalog: LinkCatalog>(_ input: Input, in catalog: inout Catalog) throws {
    let words = LinkText.words(input.text)
    let fingerprint = ArticleFingerprint(words: words)
    try catalog.setSignature(
      article: input.articleID, signature: fingerprint.signature, bands: fingerprint.bandKeys)
    let me = LinkedArticle(
      id: input.articleID, published: input.published, signature: fingerprint.signature)

    // 1. Near copies: band look-ups, then the signature.
    var copyOf: LinkedArticle?
    var becameRoot: LinkedArticle?
    if words.count >= nearMinimumWords {
      var roots: [Int64: LinkedArticle] = [:]
      for id in try catalog.articles(sharingBands: fingerprint.bandKeys, limit: 200)
      where id != input.articleID {
        guard let other = try catalog.article(id), let signature = other.signature,
          signature.similarity(to: fingerprint.signature) >= nearThreshold
        else { continue }
        let rootID = other.duplicateOf ?? other.id
        if roots[rootID] == nil {
          roots[rootID] = rootID == other.id ? other : try catalog.article(rootID)
        }
      }
      if let root = roots.values.min(by: isEarlier) {
        if isEarlier(me, root) {
          // Out of order: the new article is the earliest of the group.
          for member in try catalog.duplicates(of: root.id) + [root] {
            let similarity =
              member.signature?.similarity(to: fingerprint.signature) ?? nearThreshold
            try catalog.setDuplicate(
              article: member.id, of: input.articleID, similarity: similarity)
          }
          becameRoot = root
        } else {
          let similarity = root.signature?.similarity(to: fingerprint.signature) ?? nearThreshold
          try catalog.setDuplicate(article: input.articleID, of: root.id, similarity: similarity)
          copyOf = root
        }
      }
    }

    // 2. Statements: the same words from the same speaker, or the same statement reworded.
    var reported: [Int64] = []
    for quote in input.quotes {
      let print = QuoteFingerprint(text: quote.text)
      guard !print.words.isEmpty else { continue }
      var statement = try catalog.statement(speakerKey: quote.speakerKey, textKey: print.key)
      if let statement { reported.append(statement) }
      for other in try catalog.statements(textKey: print.key, limit: 5) where other.id != statement
      {
        reported.append(other.id)
      }
      if !print.bandKeys.isEmpty {
        var best: (id: Int64, similarity: Double)?
        let counts = wordCounts(print.words)
        for candidate in try catalog.statements(sharingBands: print.bandKeys, limit: 40) {
          guard mayBeSameStatement(candidate.words, counts, print.words.count) else { continue }
          let alignment = QuoteAlignment(original: candidate.words, variant: print.words)
          guard alignment.isSameStatement else { continue }
          reported.append(candidate.id)
          if statement == nil, candidate.speakerKey == quote.speakerKey,
            alignment.similarity > (best?.similarity ?? 0)
          {
            best = (candidate.id, alignment.similarity)
          }
        }
        if statement == nil { statement = best?.id }
      }
      let id =
        try statement
        ?? catalog.insertStatement(
          speakerKey: quote.speakerKey, speaker: quote.speaker, textKey: print.key,
          text: quote.text,
          article: input.articleID, bands: print.bandKeys)
      try catalog.setStatement(article: input.articleID, position: quote.position, statement: id)
    }

    // 3. Rewrites: the earliest earlier article whose quotes this one reuses.
    var rewriteOf: LinkedArticle?
    if copyOf == nil && becameRoot == nil && !reported.isEmpty {
      rewriteOf = try findRewrite(input, me: me, reported: reported, catalog: &catalog)
    }

    // 4. Stories: the event, then the storyline it belongs to.
    let event: (id: Int64, vector: [String: Double]?)
    if let original = copyOf ?? rewriteOf ?? becameRoot, let story = original.storyID {
      try catalog.setStory(
        article: input.articleID, story: story, published: input.published, terms: nil)
      event = (story, nil)
    } else {
      let joined = try joinStory(input, words: words, catalog: &catalog)
      event = (joined.id, joined.storylineVector)
    }
    if input.chainsStorylines {
      try joinStoryline(
        input, story: event.id, vector: event.vector, reported: reported, catalog: &catalog)
    }
  }

  /// How often each word occurs.
  package static func wordCounts(_ words: [String]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for word in words { counts[word, default: 0] += 1 }
    return counts
  }

  /// False when `original` cannot be the same statement as a variant with these word
  /// `counts` (of `count` words): the words they share, counted with repeats, bound the
  /// words an alignment finds in common, so when even they fall short of
  /// ``QuoteAlignment/isSameStatement``'s thresholds the alignment (quadratic) is skipped.
  /// Never false when the alignment would match.
  package static func mayBeSameStatement(
    _ original: [String], _ counts: [String: Int], _ count: Int
  )
    -> Bool
  {
    var remaining = counts
    var shared = 0
    for word in original {
      if let left = remaining[word], left > 0 {
        remaining[word] = left - 1
        shared += 1
      }
    }
    let shorter = min(original.count, count)
    guard shared >= QuoteAlignment.minimumWords, shorter > 0 else { return false }
    return Double(shared) / Double(shorter) >= QuoteAlignment.minimumContainment
      || shorter - shared <= 1
  }

  /// True when `a` was published before `b` (both dated), else when it was stored first.
  package static func isEarlier(_ a: LinkedArticle, _ b: LinkedArticle) -> Bool {
    if let left = a.published.flatMap(dayNumber), let right = b.published.flatMap(dayNumber),
      left != right
    {
      return left < right
    }
    return a.id < b.id
  }

  // MARK: Rewrites

  package static func findRewrite<Catalog: LinkCatalog>(
    _ input: Input, me: LinkedArticle, reported: [Int64], catalog: inout Catalog
  ) throws -> LinkedArticle? {
    var candidates: [Int64: LinkedArticle] = [:]
    var seenStatements: Set<Int64> = []
    for statement in reported where seenStatements.insert(statement).inserted {
      if seenStatements.count > 30 { break }
      for id in try catalog.reportingArticles(statement: statement, limit: 4)
      where id != input.articleID {
        guard let article = try catalog.article(id) else { continue }
        let rootID = article.duplicateOf ?? article.id
        if rootID == input.articleID || candidates[rootID] != nil { continue }
        candidates[rootID] = rootID == article.id ? article : try catalog.article(rootID)
      }
    }
    let mine = input.quotes.map { LinkQuote(position: $0.position, words: LinkText.words($0.text)) }
    var best: (article: LinkedArticle, link: RewriteLink)?
    for candidate in candidates.values.sorted(by: isEarlier).prefix(8) {
      let theirs = try catalog.quotes(ofArticle: candidate.id)
      var similarity = 0.0
      if let signature = candidate.signature {
        guard let own = me.signature else {
          preconditionFailure("the article being linked has a signature")
        }
        similarity = signature.similarity(to: own)
      }
      guard
        let link = alignQuotes(
          article: input.articleID, quotes: mine, original: candidate.id, originalQuotes: theirs,
          similarity: similarity)
      else { continue }
      if best.map({ isEarlier(candidate, $0.article) }) ?? true { best = (candidate, link) }
    }
    guard let best else { return nil }
    if isEarlier(me, best.article), try !catalog.hasRewriteOriginal(best.article.id) {
      // Stored out of order: the earlier article is the original.
      let theirs = try catalog.quotes(ofArticle: best.article.id)
      if let flipped = alignQuotes(
        article: best.article.id, quotes: theirs, original: input.articleID, originalQuotes: mine,
        similarity: best.link.similarity)
      {
        try catalog.insertRewrite(flipped)
      }
      return nil
    }
    try catalog.insertRewrite(best.link)
    return best.article
  }

  /// Aligns every quote with the original's best match; a rewrite when at least half of the
  /// article's quotes are the original's, and two of them, or one and a good share of the
  /// text (similarity 0.15).
  package static func alignQuotes(
    article: Int64, quotes: [LinkQuote], original: Int64, originalQuotes: [LinkQuote],
    similarity: Double
  ) -> RewriteLink? {
    var shared = 0
    var altered: [RewriteLink.Quote] = []
    for quote in quotes where quote.words.count >= QuoteAlignment.minimumWords {
      var best: (position: Int, alignment: QuoteAlignment)?
      let counts = wordCounts(quote.words)
      for other in originalQuotes {
        guard mayBeSameStatement(other.words, counts, quote.words.count) else { continue }
        let alignment = QuoteAlignment(original: other.words, variant: quote.words)
        guard alignment.isSameStatement else { continue }
        if best.map({ alignment.similarity > $0.alignment.similarity }) ?? true {
          best = (other.position, alignment)
        }
      }
      guard let best else { continue }
      shared += 1
      if best.alignment.isAltered {
        altered.append(
          RewriteLink.Quote(
            position: quote.position, originalPosition: best.position, diff: best.alignment.diff,
            changes: MeaningChange(best.alignment.diff)))
      }
    }
    let eligible = quotes.filter { $0.words.count >= QuoteAlignment.minimumWords }.count
    guard shared >= 1, Double(shared) >= 0.5 * Double(eligible), shared >= 2 || similarity >= 0.15
    else {
      return nil
    }
    return RewriteLink(
      article: article, original: original, similarity: similarity, sharedQuotes: shared,
      altered: altered)
  }

  // MARK: Stories

  /// Salient terms: the article's named entities and its content words (title words count
  /// three times), weighted by tf-idf over the stories so far.
  package static func joinStory<Catalog: LinkCatalog>(
    _ input: Input, words: [String], catalog: inout Catalog
  ) throws -> (id: Int64, vector: [String: Double], storylineVector: [String: Double]) {
    var counts: [String: Int] = [:]
    func isTerm(_ word: String) -> Bool {
      word.utf8.count >= 4 && !LinkText.isFunctionWord(word) && !LinkText.isGenericWord(word)
        && !word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    for word in words where isTerm(word) { counts["w:" + word, default: 0] += 1 }
    // What the storyline weighs: the body's words and the entities, not the headline (which
    // says what happened this time).
    var storylineCounts = counts
    for word in LinkText.words(input.title ?? "") where isTerm(word) {
      counts["w:" + word, default: 0] += 3
    }
    for entity in input.entityTerms {
      counts[entity, default: 0] += 2
      storylineCounts[entity, default: 0] += 2
    }
    // The most frequent terms are weighed by their rarity, then the strongest kept: a rare
    // word said twice (the project, the place) outweighs a common one said five times.
    func top(_ counts: [String: Int]) -> ArraySlice<(key: String, value: Int)> {
      counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(
        candidateTermCount)
    }
    let eventTop = top(counts)
    let storylineTop = top(storylineCounts)
    let terms = Array(Set(eventTop.map(\.key) + storylineTop.map(\.key))).sorted()
    let frequencies = try catalog.documentFrequencies(terms + [allArticlesTerm])
    let total = Double((frequencies[allArticlesTerm] ?? 0) + 1)
    let commonLimit = total >= Double(commonAfterArticles) ? total * commonShare : .infinity
    func weighted(_ top: ArraySlice<(key: String, value: Int)>) -> [String: Double] {
      var vector: [String: Double] = [:]
      for (term, count) in top where Double(frequencies[term] ?? 0) <= commonLimit {
        let idf = log((total + 1) / Double((frequencies[term] ?? 0) + 1)) + 1
        let isActor = isEntityTerm(term) && !input.placeTerms.contains(term)
        vector[term] = (1 + log(Double(count))) * idf * (isActor ? 2.5 : 1)
      }
      return normalized(strongest(vector, Self.storyTermCount))
    }
    let vector = weighted(eventTop)
    let storylineVector = weighted(storylineTop)
    try catalog.addDocumentFrequencies(terms + [allArticlesTerm])
    let day = input.published.flatMap(dayNumber)
    var best: (id: Int64, score: Double)?
    // Candidates: the newest stories holding one of the article's strongest terms.
    let strongestTerms = vector.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    .prefix(storyLookupTerms).map(\.key)
    for story in try catalog.stories(sharingTerms: strongestTerms, limitPerTerm: storiesPerTerm) {
      if let day, let first = story.firstPublished.flatMap(dayNumber),
        let last = story.lastPublished.flatMap(dayNumber),
        day < first - storyWindowDays || day > last + storyWindowDays
          || max(day, last) - min(day, first) > storySpanDays
      {
        continue
      }
      let centroid = normalized(story.terms)
      var score = 0.0
      for (term, weight) in vector { score += weight * (centroid[term] ?? 0) }
      if score >= storyThreshold,
        score > (best?.score ?? 0) || (best.map { score == $0.score && story.id < $0.id } ?? false)
      {
        best = (story.id, score)
      }
    }
    let story =
      try best?.id ?? catalog.insertStory(title: storyTitle(input), published: input.published)
    try catalog.setStory(
      article: input.articleID, story: story, published: input.published, terms: vector)
    return (story, vector, storylineVector)
  }

  // MARK: Storylines

  /// Chains events into storylines. A new event joins the storyline whose centroid its first
  /// article's terms match best (its people, places and organisations weigh most), helped by
  /// statements it reports that the storyline's articles reported; else it starts one. A
  /// later article of an event adds its terms to the event's storyline, and merges another
  /// storyline into it when it matches that one strongly too (a bridging report). Copies
  /// and rewrites only widen the dates. Every look-up is bounded: the strongest terms, the
  /// newest storylines per term, the first reporters of a few statements.
  static func joinStoryline<Catalog: LinkCatalog>(
    _ input: Input, story: Int64, vector: [String: Double]?, reported: [Int64],
    catalog: inout Catalog
  ) throws {
    let current = try catalog.storyline(ofStory: story)
    guard let vector, !vector.isEmpty else {
      let storyline =
        try current ?? catalog.insertStoryline(title: storyTitle(input), published: input.published)
      try catalog.setStoryline(
        story: story, storyline: storyline, published: input.published, terms: nil)
      return
    }
    var scores: [Int64: Double] = [:]
    let day = input.published.flatMap(dayNumber)
    let lookup = vector.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(storylineLookupTerms).map(\.key)
    for candidate in try catalog.storylines(
      sharingTerms: lookup, limitPerTerm: storylinesPerTerm) where candidate.id != current
    {
      if let day, let first = candidate.firstPublished.flatMap(dayNumber),
        let last = candidate.lastPublished.flatMap(dayNumber),
        day < first - storylineGapDays || day > last + storylineGapDays
      {
        continue
      }
      let centroid = normalized(candidate.terms)
      var score = 0.0
      for (term, weight) in vector { score += weight * (centroid[term] ?? 0) }
      scores[candidate.id] = score
    }
    // Statements this article reports that articles of other storylines reported first.
    var evidence: [Int64: Int] = [:]
    for statement in Set(reported).sorted().prefix(10) {
      var lines: Set<Int64> = []
      for id in try catalog.reportingArticles(statement: statement, limit: 3)
      where id != input.articleID {
        guard let storyID = try catalog.article(id)?.storyID, storyID != story,
          let line = try catalog.storyline(ofStory: storyID), line != current
        else { continue }
        lines.insert(line)
      }
      for line in lines { evidence[line, default: 0] += 1 }
    }
    for (line, count) in evidence {
      scores[line, default: 0] += storylineStatementBonus * Double(min(count, 3))
    }
    let best = scores.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
    if let current {
      try catalog.setStoryline(
        story: story, storyline: current, published: input.published, terms: vector)
      if let best, best.value >= storylineMergeThreshold {
        // The older storyline absorbs the newer one.
        try catalog.mergeStoryline(max(best.key, current), into: min(best.key, current))
      }
      return
    }
    let storyline: Int64
    if let best, best.value >= storylineThreshold {
      storyline = best.key
    } else {
      storyline = try catalog.insertStoryline(
        title: storyTitle(input), published: input.published)
    }
    try catalog.setStoryline(
      story: story, storyline: storyline, published: input.published, terms: vector)
  }

  /// True for a term naming an entity (`n:NAME`; `e:ID` in stories stored before v7).
  static func isEntityTerm(_ term: String) -> Bool {
    term.hasPrefix("n:") || term.hasPrefix("e:")
  }

  package static func storyTitle(_ input: Input) -> String {
    if let title = input.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
      return title
    }
    let firstLine = input.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return firstLine.count > 100 ? String(firstLine.prefix(99)) + "…" : firstLine
  }

  /// A centroid after adding `vector`, cut to its strongest terms.
  package static func merged(_ centroid: [String: Double], _ vector: [String: Double]) -> [String:
    Double]
  {
    var sum = centroid
    for (term, weight) in vector { sum[term, default: 0] += weight }
    return strongest(sum, centroidTermCount)
  }

  package static func strongest(_ vector: [String: Double], _ count: Int) -> [String: Double] {
    guard vector.count > count else { return vector }
    let kept = vector.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(count)
    return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
  }

  package static func normalized(_ vector: [String: Double]) -> [String: Double] {
    let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return vector }
    return vector.mapValues { $0 / norm }
  }

  /// Days since 1970-01-01 of a `YYYY-MM-DD…` date; nil for a coarser or malformed one.
  package static func dayNumber(_ date: String) -> Int? {
    let bytes = Array(date.utf8.prefix(10))
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
