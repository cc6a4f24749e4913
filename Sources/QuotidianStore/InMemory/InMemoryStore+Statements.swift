public import QuotidianCore

extension InMemoryStore: StatementStore {
  public func saidStatements(speaker: String?) async throws(StoreError) -> [Occasions.Statement] {
    articles.flatMap { StatementRows.statements(of: $0.result) }
      .filter { StatementRows.speaker($0.speaker, matches: speaker) }
      .sorted { ($0.said ?? "~") < ($1.said ?? "~") }
  }

  public func promises(speaker: String?) async throws(StoreError) -> [StoredPromise] {
    articles.flatMap { article in
      (article.result.promises ?? []).map {
        StoredPromise(
          speaker: TextFolding.nonBlank($0.speaker), text: $0.text, said: $0.said, deadline: $0.deadline,
          deadlineValue: $0.deadlineValue, deadlineText: $0.deadlineText, horizon: $0.horizon,
          article: article.result.source, published: article.result.published)
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
            text: claim.text, value: claim.value, unit: claim.unit, qualifier: claim.qualifier, counted: claim.counted,
            article: article.result.source, published: article.result.published))
      }
    }
    return limit.map { Array(result.prefix($0)) } ?? result
  }
}
