/// A normalised time: a day, a week, a month, a season, a year, an interval between two of
/// them (possibly open-ended) or a duration, as ISO 8601 text with its granularity.
///
/// `first` and `last` are the first and last days covered (nil when unknown: a duration, a
/// date without a year and without an article date, the open end of "since September").
public struct TimeValue: Hashable, Sendable, CustomStringConvertible {
  /// How precise a time is.
  public struct Granularity: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }
    public static let day = Granularity("day")
    public static let week = Granularity("week")
    public static let month = Granularity("month")
    public static let year = Granularity("year")
    public static let decade = Granularity("decade")
    /// A length of time ("six years"), not a position in the calendar.
    public static let duration = Granularity("duration")
  }

  /// ISO 8601: "2025-12-06", "2025-11", "2025", "2025-09/..", "2025-12-15/2025-12-21",
  /// "P6Y"; "--12-06" for a day whose year is unknown.
  public var iso: String
  public var granularity: Granularity
  public var first: CivilDate?
  public var last: CivilDate?

  public var description: String { "\(iso) (\(granularity))" }

  init(iso: String, granularity: Granularity, first: CivilDate?, last: CivilDate?) {
    self.iso = iso
    self.granularity = granularity
    self.first = first
    self.last = last
  }

  public static func day(_ date: CivilDate) -> TimeValue {
    TimeValue(iso: date.iso, granularity: .day, first: date, last: date)
  }

  public static func month(_ year: Int, _ month: Int) -> TimeValue {
    let first = CivilDate.firstOfMonth(year, month)
    return TimeValue(
      iso: "\(CivilDate.pad(first.year, 4))-\(CivilDate.pad(first.month, 2))", granularity: .month,
      first: first, last: CivilDate.lastOfMonth(first.year, first.month))
  }

  public static func year(_ year: Int) -> TimeValue {
    TimeValue(
      iso: CivilDate.pad(year, 4), granularity: .year, first: CivilDate.firstOfMonth(year, 1),
      last: CivilDate.lastOfMonth(year, 12))
  }

  /// The Monday-to-Sunday week containing `date`.
  public static func week(containing date: CivilDate) -> TimeValue {
    let monday = date.adding(days: 1 - date.weekday)
    let sunday = monday.adding(days: 6)
    return TimeValue(
      iso: "\(monday.iso)/\(sunday.iso)", granularity: .week, first: monday, last: sunday)
  }

  /// From the start of `from` to the end of `to`; open-ended ("2025-09/..") when `to` is nil.
  public static func interval(_ from: TimeValue, _ to: TimeValue?) -> TimeValue {
    guard let to else {
      guard let start = from.iso.split(separator: "/").first.map(String.init) else {
        preconditionFailure("an open interval starts from a non-empty ISO value")
      }
      return TimeValue(
        iso: start + "/..",
        granularity: from.granularity, first: from.first, last: nil)
    }
    let lhs = from.iso.split(separator: "/").first.map(String.init) ?? from.iso
    let rhs = to.iso.split(separator: "/").last.map(String.init) ?? to.iso
    return TimeValue(
      iso: "\(lhs)/\(rhs)", granularity: from.granularity, first: from.first, last: to.last)
  }

  /// Months `firstMonth` … `lastMonth` (which may be above 12, rolling into the next year).
  static func months(_ year: Int, _ firstMonth: Int, _ lastMonth: Int) -> TimeValue {
    interval(.month(year, firstMonth), .month(year, lastMonth))
  }

  /// A length of time: "P6Y", "P3M", "P2W", "P10D".
  static func duration(_ count: Int, _ unit: DateUnit) -> TimeValue {
    let (n, letter) = unit.isoDuration(count)
    return TimeValue(iso: "P\(n)\(letter)", granularity: .duration, first: nil, last: nil)
  }
}

/// A calendar unit in date phrases ("three years ago", "within six months").
enum DateUnit: Hashable, Sendable {
  case day, week, fortnight, month, quarter, year, decade, century

  /// Moves `date` by `count` units.
  func move(_ date: CivilDate, by count: Int) -> CivilDate {
    switch self {
    case .day: date.adding(days: count)
    case .week: date.adding(days: 7 * count)
    case .fortnight: date.adding(days: 14 * count)
    case .month: date.adding(months: count)
    case .quarter: date.adding(months: 3 * count)
    case .year: date.adding(months: 12 * count)
    case .decade: date.adding(months: 120 * count)
    case .century: date.adding(months: 1200 * count)
    }
  }

  /// The value covering `date` at this unit's precision.
  func value(at date: CivilDate) -> TimeValue {
    switch self {
    case .day: .day(date)
    case .week, .fortnight: .week(containing: date)
    case .month, .quarter: .month(date.year, date.month)
    case .year, .decade, .century: .year(date.year)
    }
  }

  func isoDuration(_ count: Int) -> (Int, String) {
    switch self {
    case .day: (count, "D")
    case .week: (count, "W")
    case .fortnight: (2 * count, "W")
    case .month: (count, "M")
    case .quarter: (3 * count, "M")
    case .year: (count, "Y")
    case .decade: (10 * count, "Y")
    case .century: (100 * count, "Y")
    }
  }
}
