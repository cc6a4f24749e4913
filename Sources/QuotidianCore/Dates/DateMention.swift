/// A date, time span or duration the text mentions, normalised against the article's date.
public struct DateMention: Hashable, Sendable {
  /// How the phrase relates its time to the event ("since September", "by March").
  public struct Relation: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }
    /// The event is at or in the time.
    public static let at = Relation("at")
    public static let since = Relation("since")
    public static let until = Relation("until")
    /// A deadline: "by the end of the year".
    public static let by = Relation("by")
    public static let before = Relation("before")
    public static let after = Relation("after")
    /// A deadline counted from the statement: "within six months".
    public static let within = Relation("within")
  }

  /// The phrase, including a relating preposition ("since September").
  public var range: TextRange
  public var value: TimeValue
  public var relation: Relation
  /// True when the value was computed from the article's date ("last month", "on Tuesday",
  /// a month without a year).
  public var isRelative: Bool

  public init(
    range: TextRange, value: TimeValue, relation: Relation = .at, isRelative: Bool = false
  ) {
    self.range = range
    self.value = value
    self.relation = relation
    self.isRelative = isRelative
  }
}
