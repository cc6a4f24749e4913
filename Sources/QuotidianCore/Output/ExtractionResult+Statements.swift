/// The JSON of dates, numeric claims, when statements were made, reported speech and promises.
extension ExtractionResult {
  /// When a statement was made: `{"value": "2025-12-02", "granularity": "day", "occasion":
  /// "press conference", "text": "on Tuesday"}`; `text` is absent when the value is the
  /// article's date.
  public struct SaidRecord: Sendable, Codable, Hashable {
    public var value: String?
    public var granularity: String?
    public var occasion: String?
    public var text: String?

    public init(value: String?, granularity: String?, occasion: String? = nil, text: String? = nil)
    {
      self.value = value
      self.granularity = granularity
      self.occasion = occasion
      self.text = text
    }

    /// The record of `said`, or nil when it knows nothing (no date, occasion or words): an
    /// empty `said: {}` tells a reader nothing.
    init?(_ said: Said, _ document: Document) {
      guard said.value != nil || said.occasion != nil || said.dateRange != nil else { return nil }
      self.init(
        value: said.value?.iso, granularity: said.value?.granularity.name, occasion: said.occasion,
        text: said.dateRange.map(document.string))
    }
  }

  /// `{"text": "December 6", "start": 9120, "end": 9130, "value": "2025-12-06", "granularity": "day"}`.
  public struct DateRecord: Sendable, Codable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    /// ISO 8601: a day, month, year, interval ("2025-09/..") or duration ("P6Y").
    public var value: String
    /// `day`, `week`, `month`, `year`, `decade` or `duration`.
    public var granularity: String

    public init(text: String, start: Int, end: Int, value: String, granularity: String) {
      self.text = text
      self.start = start
      self.end = end
      self.value = value
      self.granularity = granularity
    }
  }

  /// `{"text": "about 400,000 fatal overdoses", "value": 400000, "unit": null, "qualifier":
  /// "about", "counted": "fatal overdoses"}`.
  public struct ClaimRecord: Sendable, Codable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    public var value: Double
    public var unit: String?
    public var qualifier: String?
    public var counted: String?

    public init(
      text: String, start: Int, end: Int, value: Double, unit: String?, qualifier: String?,
      counted: String?
    ) {
      self.text = text
      self.start = start
      self.end = end
      self.value = value
      self.unit = unit
      self.qualifier = qualifier
      self.counted = counted
    }
  }

  /// A promise or prediction: its words, speaker, when it was said and its deadline
  /// (`YYYY-MM-DD`, the last day it can be kept on time; null for "soon").
  public struct PromiseRecord: Sendable, Codable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    public var speaker: String?
    public var said: String?
    public var deadline: String?
    /// The deadline as normalised ("2025-12", "2026-07-15").
    public var deadlineValue: String?
    public var deadlineText: String?
    /// "soon", "in the coming weeks" when no date is named.
    public var horizon: String?

    public init(
      text: String, start: Int, end: Int, speaker: String?, said: String?, deadline: String?,
      deadlineValue: String?, deadlineText: String?, horizon: String?
    ) {
      self.text = text
      self.start = start
      self.end = end
      self.speaker = speaker
      self.said = said
      self.deadline = deadline
      self.deadlineValue = deadlineValue
      self.deadlineText = deadlineText
      self.horizon = horizon
    }
  }

  static func statementOffsets(_ document: Document) -> [Int] {
    var offsets: [Int] = []
    for date in document.dates { offsets += [date.range.lowerBound, date.range.upperBound] }
    for claim in document.claims { offsets += [claim.range.lowerBound, claim.range.upperBound] }
    for item in document.reported { offsets += [item.content.lowerBound, item.content.upperBound] }
    for promise in document.promises {
      offsets += [promise.range.lowerBound, promise.range.upperBound]
    }
    return offsets
  }

  mutating func setStatementFields(_ document: Document, _ map: ScalarOffsets) {
    func start(_ r: TextRange) -> Int { map.scalarOffset(utf8Offset: r.lowerBound) }
    func end(_ r: TextRange) -> Int { map.scalarOffset(utf8Offset: r.upperBound) }
    dates = document.dates.map {
      DateRecord(
        text: document.string($0.range), start: start($0.range), end: end($0.range),
        value: $0.value.iso, granularity: $0.value.granularity.name)
    }
    claims = document.claims.map {
      ClaimRecord(
        text: document.string($0.range), start: start($0.range), end: end($0.range),
        value: $0.value, unit: $0.unit,
        qualifier: $0.qualifier, counted: $0.counted.map(document.string))
    }
    reported = document.reported.map { item in
      var record = QuoteRecord(
        text: document.string(item.content), speaker: item.speaker,
        speakerMention: item.speakerMention.map(document.string),
        cue: document.string(item.cue), kind: Quote.Kind.indirect.name, start: start(item.content),
        end: end(item.content),
        confidence: item.speaker == nil ? 0.3 : 0.6, rule: "reportedSpeech")
      record.said = SaidRecord(item.said, document)
      return record
    }
    promises = document.promises.map {
      PromiseRecord(
        text: document.string($0.range), start: start($0.range), end: end($0.range),
        speaker: $0.speaker, said: $0.said?.iso,
        deadline: $0.dueDate?.iso, deadlineValue: $0.deadline?.iso,
        deadlineText: $0.deadlineRange.map(document.string),
        horizon: $0.horizon)
    }
  }
}

extension ExtractionResult {
  /// Appends `other`'s dates, claims, reported speech and promises with offsets moved by
  /// `shift` scalars (the results of consecutive windows of one long text).
  public mutating func appendStatementFields(of other: ExtractionResult, shiftedBy shift: Int) {
    dates =
      (dates ?? [])
      + (other.dates ?? []).map {
        var d = $0
        d.start += shift
        d.end += shift
        return d
      }
    claims =
      (claims ?? [])
      + (other.claims ?? []).map {
        var c = $0
        c.start += shift
        c.end += shift
        return c
      }
    reported =
      (reported ?? [])
      + (other.reported ?? []).map {
        var r = $0
        r.start += shift
        r.end += shift
        return r
      }
    promises =
      (promises ?? [])
      + (other.promises ?? []).map {
        var p = $0
        p.start += shift
        p.end += shift
        return p
      }
  }
}
