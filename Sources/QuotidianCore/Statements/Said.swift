/// When, and on what occasion, a statement was made.
public struct Said: Hashable, Sendable {
  /// The date the text gives for the statement, else the article's date; nil when neither.
  public var value: TimeValue?
  /// The date phrase the value comes from; nil when it is the article's date.
  public var dateRange: TextRange?
  /// The occasion the text names ("press conference", "interview", "post").
  public var occasion: String?

  public init(value: TimeValue?, dateRange: TextRange? = nil, occasion: String? = nil) {
    self.value = value
    self.dateRange = dateRange
    self.occasion = occasion
  }
}

/// Reported speech: a clause of what someone said, without quotation marks ("X said that …").
public struct ReportedSpeech: Hashable, Sendable {
  /// The reported words.
  public var content: TextRange
  /// The speech verb ("said", "told reporters").
  public var cue: TextRange
  /// The fullest name the article gives for the speaker, or the description, or nil.
  public var speaker: String?
  /// The subject next to the cue ("she", "the minister").
  public var speakerMention: TextRange?
  public var said: Said

  public init(
    content: TextRange, cue: TextRange, speaker: String?, speakerMention: TextRange?, said: Said
  ) {
    self.content = content
    self.cue = cue
    self.speaker = speaker
    self.speakerMention = speakerMention
    self.said = said
  }
}

/// A promise or prediction with its deadline ("will be finished by the end of the year").
public struct Promise: Hashable, Sendable {
  /// The statement's words that make the promise.
  public var range: TextRange
  public var speaker: String?
  /// When it was said.
  public var said: TimeValue?
  /// The deadline phrase ("by the end of the year", "within six months").
  public var deadlineRange: TextRange?
  /// The deadline normalised against the day it was said; nil for a vague horizon ("soon").
  public var deadline: TimeValue?
  /// The last day the promise can be kept on time; nil when vague.
  public var dueDate: CivilDate?
  /// "soon", "in the coming weeks" when the promise names no date.
  public var horizon: String?

  public init(
    range: TextRange, speaker: String?, said: TimeValue?, deadlineRange: TextRange?,
    deadline: TimeValue?,
    dueDate: CivilDate?, horizon: String?
  ) {
    self.range = range
    self.speaker = speaker
    self.said = said
    self.deadlineRange = deadlineRange
    self.deadline = deadline
    self.dueDate = dueDate
    self.horizon = horizon
  }

  /// Where the promise stands on `day`: `pending` before the deadline's period, `due` within
  /// it (the deadline's month, or the week up to a day deadline), `overdue` after it. A vague
  /// promise ("soon") is pending for 90 days after it was said, then overdue.
  public func status(on day: CivilDate) -> String {
    Promise.status(dueDate: dueDate, deadline: deadline?.iso, said: said?.first, on: day)
  }

  /// The status of a promise due on `dueDate` whose deadline value is `deadline` (ISO 8601,
  /// e.g. "2025-12" or "2026-07-15"), said on `said`, as of `day` (see ``status(on:)``).
  public static func status(
    dueDate: CivilDate?, deadline: String?, said: CivilDate?, on day: CivilDate
  ) -> String {
    guard let dueDate else {
      guard let said else { return "pending" }
      return day.dayNumber - said.dayNumber > 90 ? "overdue" : "pending"
    }
    if day > dueDate { return "overdue" }
    let first = deadline.map { String($0.split(separator: "/").last ?? "") } ?? ""
    let periodStart: CivilDate
    switch first.count {
    case 7: periodStart = CivilDate.firstOfMonth(dueDate.year, dueDate.month)
    case 4: periodStart = CivilDate.firstOfMonth(dueDate.year, 12)
    default: periodStart = dueDate.adding(days: -6)
    }
    return day >= periodStart ? "due" : "pending"
  }
}
