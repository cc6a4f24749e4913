/// The JSON output contract of `quotidian extract`: one object per article.
///
/// `start`/`end` are Unicode-scalar offsets (Python `str` indices) into `text`, so that
/// `text[start:end]` reproduces a quote's content.
public struct ExtractionResult: Sendable, Codable, Hashable {
  public struct QuoteRecord: Sendable, Codable, Hashable {
    /// The quoted words without the enclosing marks.
    public var text: String
    public var speaker: String?
    public var speakerMention: String?
    public var cue: String?
    /// `direct`, `partial` or `indirect`.
    public var kind: String
    /// Scalar offset of the content's first character in `text`.
    public var start: Int
    /// Scalar offset one past the content's last character.
    public var end: Int
    public var confidence: Double
    /// The attribution rule (`verbAfterQuote`, `pronoun`, …).
    public var rule: String
    /// Evidence ranges as scalar offsets `[start, end]`; included with `--explain`.
    public var evidence: [[Int]]?
    public var evidenceText: [String]?
    /// When the statement was made (see ``SaidRecord``).
    public var said: SaidRecord?
    /// The best candidates the speaker scorer weighed, with the deciding features; `--explain`.
    public var candidates: [String]?

    public init(
      text: String, speaker: String?, speakerMention: String?, cue: String?, kind: String,
      start: Int, end: Int, confidence: Double, rule: String, evidence: [[Int]]? = nil,
      evidenceText: [String]? = nil, candidates: [String]? = nil
    ) {
      self.text = text
      self.speaker = speaker
      self.speakerMention = speakerMention
      self.cue = cue
      self.kind = kind
      self.start = start
      self.end = end
      self.confidence = confidence
      self.rule = rule
      self.evidence = evidence
      self.evidenceText = evidenceText
      self.candidates = candidates
    }
  }

  public struct EntityRecord: Sendable, Codable, Hashable {
    public var name: String
    /// `person`, `org`, `place` or `group`.
    public var type: String
    /// Roles as phrases ("former U.S. ambassador to Mexico").
    public var roles: [String]
    /// Scalar offsets `[start, end]` of each mention.
    public var mentions: [[Int]]
    /// Every name form used in the article.
    public var aliases: [String]?
    /// Structured roles: title, organization, status (`current`/`former`), since, until.
    public var roleDetails: [RoleRecord]?
    /// `feminine`, `masculine` or `neuter`, when known.
    public var gender: String?

    public init(
      name: String, type: String, roles: [String], mentions: [[Int]], aliases: [String]? = nil,
      roleDetails: [RoleRecord]? = nil, gender: String? = nil
    ) {
      self.name = name
      self.type = type
      self.roles = roles
      self.mentions = mentions
      self.aliases = aliases
      self.roleDetails = roleDetails
      self.gender = gender
    }
  }

  /// A structured role in the output.
  public struct RoleRecord: Sendable, Codable, Hashable {
    public var title: String
    public var organization: String?
    public var status: String
    public var since: String?
    public var until: String?

    public init(
      title: String, organization: String?, status: String, since: String?, until: String?
    ) {
      self.title = title
      self.organization = organization
      self.status = status
      self.since = since
      self.until = until
    }
  }

  public var source: String
  public var format: String
  public var title: String?
  public var authors: [String]
  public var published: String?
  public var outlet: String?
  public var url: String?
  public var language: String?
  public var text: String
  public var quotes: [QuoteRecord]
  public var entities: [EntityRecord]
  /// Dates, numeric claims, reported speech and promises (see `ExtractionResult+Statements.swift`).
  public var dates: [DateRecord]?
  public var claims: [ClaimRecord]?
  /// Reported speech without quotation marks (kind `indirect`), kept apart from `quotes`.
  public var reported: [QuoteRecord]?
  public var promises: [PromiseRecord]?
  public var diagnostics: [String]?

  public init(
    source: String, format: String, title: String?, authors: [String], published: String?,
    outlet: String?, url: String?, language: String?, text: String, quotes: [QuoteRecord],
    entities: [EntityRecord], diagnostics: [String]? = nil
  ) {
    self.source = source
    self.format = format
    self.title = title
    self.authors = authors
    self.published = published
    self.outlet = outlet
    self.url = url
    self.language = language
    self.text = text
    self.quotes = quotes
    self.entities = entities
    self.diagnostics = diagnostics
  }
}

extension ExtractionResult {
  /// Builds the output for an analysed document and the article it came from.
  ///
  /// - Parameter explain: include each attribution's evidence ranges and their text.
  public init(document: Document, article: Article, explain: Bool = false) {
    var offsets: [Int] = []
    for quote in document.quotes {
      offsets.append(quote.content.lowerBound)
      offsets.append(quote.content.upperBound)
    }
    if explain {
      for attribution in document.attributions {
        for range in attribution.evidence {
          offsets.append(range.lowerBound)
          offsets.append(range.upperBound)
        }
      }
    }
    for entity in document.entities {
      for range in entity.mentions {
        offsets.append(range.lowerBound)
        offsets.append(range.upperBound)
      }
    }
    offsets += ExtractionResult.statementOffsets(document)
    let map = ScalarOffsets(text: document.text, utf8Offsets: offsets)
    var attributionByQuote: [Int: Attribution] = [:]
    for attribution in document.attributions { attributionByQuote[attribution.quote] = attribution }

    var quotes: [QuoteRecord] = []
    quotes.reserveCapacity(document.quotes.count)
    for (index, quote) in document.quotes.enumerated() {
      let attribution = attributionByQuote[index]
      quotes.append(
        QuoteRecord(
          text: document.string(quote.content),
          speaker: attribution?.speaker,
          speakerMention: attribution?.speakerMention.map(document.string),
          cue: attribution?.cue.map(document.string),
          kind: quote.kind.name,
          start: map.scalarOffset(utf8Offset: quote.content.lowerBound),
          end: map.scalarOffset(utf8Offset: quote.content.upperBound),
          confidence: ((attribution?.confidence ?? 0) * 100).rounded() / 100,
          rule: attribution?.rule.name ?? Attribution.Rule.none.name,
          evidence: explain
            ? attribution?.evidence.map {
              [
                map.scalarOffset(utf8Offset: $0.lowerBound),
                map.scalarOffset(utf8Offset: $0.upperBound),
              ]
            } ?? [] : nil,
          evidenceText: explain ? attribution?.evidence.map(document.string) ?? [] : nil,
          candidates: explain
            ? attribution?.candidates.map {
              "\($0.score) \($0.speaker ?? "(none)") [\($0.proposer)] \($0.reasons.joined(separator: ", "))"
            }
            : nil))
      if index < document.said.count {
        quotes[index].said = SaidRecord(document.said[index], document)
      }
    }
    let entities = document.entities.map { entity in
      EntityRecord(
        name: entity.name, type: entity.kind.name, roles: entity.roles,
        mentions: entity.mentions.map {
          [
            map.scalarOffset(utf8Offset: $0.lowerBound),
            map.scalarOffset(utf8Offset: $0.upperBound),
          ]
        },
        aliases: entity.aliases.isEmpty ? nil : entity.aliases,
        roleDetails: entity.roleDetails.isEmpty
          ? nil
          : entity.roleDetails.map {
            RoleRecord(
              title: $0.title, organization: $0.organization, status: $0.status.name,
              since: $0.since,
              until: $0.until)
          },
        gender: entity.gender?.rawValue)
    }
    self.init(
      source: article.source, format: article.format, title: article.metadata.title,
      authors: article.metadata.authors, published: article.metadata.published,
      outlet: article.metadata.outlet, url: article.metadata.url,
      language: document.language ?? "und", text: document.text, quotes: quotes,
      entities: entities,
      diagnostics: explain ? document.diagnostics.map { "\($0.component): \($0.message)" } : nil)
    setStatementFields(document, map)
  }
}
