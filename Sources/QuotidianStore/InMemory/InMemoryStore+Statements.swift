public import QuotidianCore

extension InMemoryStore: StatementStore {
  public func saidStatements(speaker: String?) async throws(StoreError) -> [Occasions.Statement] {
    articles.flatMap { article in
      let statements = StatementRows.statements(of: article.result)
      // Exact copies stored as sightings of the same article report the same statements.
      let copies = (links.sightings[article.id] ?? []).map(\.sighting.source).filter {
        $0 != article.result.source
      }
      return statements
        + copies.flatMap { source in
          statements.map {
            var copy = $0
            copy.article = source
            return copy
          }
        }
    }
    .filter { StatementRows.speaker($0.speaker, matches: speaker) }
    .sorted { ($0.said ?? "~") < ($1.said ?? "~") }
  }

  public func promises(speaker: String?) async throws(StoreError) -> [StoredPromise] {
    articles.flatMap { article in
      let copies = (links.sightings[article.id] ?? []).map(\.sighting.source).filter {
        $0 != article.result.source
      }
      return (article.result.promises ?? []).flatMap { promise in
        ([article.result.source] + copies).map {
          StoredPromise(
            speaker: TextFolding.nonBlank(promise.speaker), text: promise.text, said: promise.said,
            deadline: promise.deadline,
            deadlineValue: promise.deadlineValue, deadlineText: promise.deadlineText,
            horizon: promise.horizon,
            article: $0, published: article.result.published)
        }
      }
    }
    .filter { StatementRows.speaker($0.speaker, matches: speaker) }
    .sorted { ($0.said ?? "~") < ($1.said ?? "~") }
  }

  /// Words of `search` must all appear in the claim's text or counted thing (no FTS5 syntax).
  public func claims(search: String?, limit: Int?) async throws(StoreError) -> [StoredClaim] {
    let wanted = search.map(TextFolding.words) ?? []
    var result: [StoredClaim] = []
    for article in articles.reversed() {
      for claim in article.result.claims ?? [] {
        let words = Set(TextFolding.words(claim.text + " " + (claim.counted ?? "")))
        guard wanted.allSatisfy(words.contains) else { continue }
        result.append(
          StoredClaim(
            text: claim.text, value: claim.value, unit: claim.unit, qualifier: claim.qualifier,
            counted: claim.counted,
            article: article.result.source, published: article.result.published))
      }
    }
    return limit.map { Array(result.prefix($0)) } ?? result
  }
}
