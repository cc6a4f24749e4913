/// A numeric claim: a number with its unit, qualifier and what it counts ("about 400,000
/// fatal overdoses", "more than 80 percent of the exports", "$1.2 billion").
public struct Claim: Hashable, Sendable {
  /// The whole phrase, qualifier and counted thing included.
  public var range: TextRange
  public var value: Double
  /// "percent", "times", an ISO 4217 currency code, a measure ("km"), or nil for a count.
  public var unit: String?
  /// The canonical qualifier: "at least", "more than", "about", "nearly", "less than",
  /// "up to", "exactly", or nil.
  public var qualifier: String?
  /// What is counted or measured ("fatal overdoses", "Mexico’s exports"), if the text says.
  public var counted: TextRange?

  public init(
    range: TextRange, value: Double, unit: String? = nil, qualifier: String? = nil,
    counted: TextRange? = nil
  ) {
    self.range = range
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.counted = counted
  }
}
