/// The kinds of change in a quote's wording that can change what it says.
public struct MeaningChange: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// A negation added or dropped ("is" → "is not", "will" → "won't").
  public static let negation = MeaningChange(rawValue: 1)
  /// A number changed, added or dropped ("three weeks" → "weeks").
  public static let number = MeaningChange(rawValue: 2)
  /// A date or time reference changed ("this year" → "next year", "March" → "April").
  public static let date = MeaningChange(rawValue: 4)
  /// A modal verb changed ("will" → "may", "must" → "should").
  public static let modal = MeaningChange(rawValue: 8)

  /// Names in a stable order: `negation`, `number`, `date`, `modal`.
  public var names: [String] {
    [
      (Self.negation, "negation"), (Self.number, "number"), (Self.date, "date"),
      (Self.modal, "modal"),
    ]
    .filter { contains($0.0) }.map(\.1)
  }

  /// The changes a word-level diff makes to the meaning of a quote.
  public init(_ diff: WordDiff) {
    var flags: MeaningChange = []
    let runs = diff.runs
    for (index, run) in runs.enumerated() where run.operation != .equal {
      for word in run.words { flags.formUnion(Self.kinds(of: word)) }
      // A deictic before a date unit ("this year" → "next year"): the unit follows the edit.
      if let nextWord = runs.dropFirst(index + 1).first(where: { $0.operation == .equal })?.words
        .first,
        English.dateUnits.contains(nextWord),
        run.words.contains(where: English.dateDeictics.contains)
      {
        flags.insert(.date)
      }
    }
    self = flags
  }

  static func kinds(of word: String) -> MeaningChange {
    var flags: MeaningChange = []
    if English.negationWords.contains(word) || word.hasSuffix("n't") { flags.insert(.negation) }
    if English.modalWords.contains(word) { flags.insert(.modal) }
    if word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
      || English.linkingNumberWords.contains(word)
    {
      flags.insert(.number)
    }
    if English.dateWords.contains(word) || isYear(word) { flags.insert(.date) }
    return flags
  }

  static func isYear(_ word: String) -> Bool {
    let bytes = Array(word.utf8)
    return bytes.count == 4 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      && (bytes[0] == 0x31 || bytes[0] == 0x32)
  }
}
