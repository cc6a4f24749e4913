import QuotidianStore

/// Telling apart the people a name query fits.
enum SpeakerNames {
  /// The store's answer when a name fits several people: the client must say more.
  static func isAmbiguity(_ error: StoreError) -> Bool {
    error.operation == "query" && error.reason.contains(" different speakers: ")
  }

  /// The distinct people among `names`: a name whose words all appear in a longer one
  /// ("Morrow", "Ines Morrow") is that person; what remains are different people.
  static func people(_ names: [String]) -> [String] {
    func words(_ name: String) -> Set<String> {
      Set(name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
    }
    let distinct = Set(names).sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
    var people: [(name: String, words: Set<String>)] = []
    for name in distinct {
      let own = words(name)
      if people.contains(where: { own.isSubset(of: $0.words) }) { continue }
      people.append((name, own))
    }
    return people.map(\.name)
  }
}
