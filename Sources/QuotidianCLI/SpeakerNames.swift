import QuotidianStore

/// Telling apart the people a name query fits.
enum SpeakerNames {
  /// The store's answer when a name fits several people: the client must say more.
  static func isAmbiguity(_ error: StoreError) -> Bool {
    error.operation == "query" && error.reason.contains(" different speakers: ")
  }

  /// The distinct people among `names` (``Tallies/people(_:)``).
  static func people(_ names: [String]) -> [String] { Tallies.people(names) }
}
