import Foundation

/// One parameter of a route, as the route table declares it: the OpenAPI document is
/// generated from it and requests are checked against it, so the two agree.
struct ParameterSpec: Sendable {
  enum Location: String, Sendable { case query, path }
  enum Kind: Sendable {
    case string(maxLength: Int)
    case integer(minimum: Int, maximum: Int)
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
    case date
    /// `YYYY-MM-DD`, a real calendar day.
    case day
    case choice([String])
    /// An opaque token (cursor, quote ID) of URL-safe characters; the route checks its meaning.
    case token(pattern: String, maxLength: Int)
  }

  var name: String
  var location: Location
  var kind: Kind
  var description: String
  var required: Bool

  static func query(_ name: String, _ kind: Kind, _ description: String) -> ParameterSpec {
    ParameterSpec(
      name: name, location: .query, kind: kind, description: description, required: false)
  }
  static func path(_ name: String, _ kind: Kind, _ description: String) -> ParameterSpec {
    ParameterSpec(name: name, location: .path, kind: kind, description: description, required: true)
  }

  /// Shared parameters.
  static let cursor = query(
    "cursor", .token(pattern: "^[A-Za-z0-9_-]*$", maxLength: 200),
    "Opaque cursor from a previous page's `nextCursor`; only valid with the same filters.")
  static let quoteID = path(
    "id", .token(pattern: "^[0-9]{1,18}-[0-9]{1,18}$", maxLength: 40),
    "The quote's ID (`articleID-start`).")
  static let limit = query(
    "limit", .integer(minimum: 1, maximum: Limits.maximumPageSize),
    "Items per page (default \(Limits.defaultPageSize); with format=csv or jsonl up to \(Limits.maximumExportSize), default \(Limits.defaultExportSize))."
  )
  static let exportLimit = limit.with(kind: .integer(minimum: 1, maximum: Limits.maximumExportSize))
  static let format = query(
    "format", .choice(["json", "csv", "jsonl"]),
    "Response format; the Accept header (text/csv, application/x-ndjson) is used when absent.")
  static let includeCopies = query(
    "includeCopies", .choice(["true", "false"]),
    "Count the quotes of copies (exact and near duplicates) too.")
  static let since = query(
    "since", .date, "Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  static let until = query(
    "until", .date, "Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  static let tallyBy = query(
    "by", .choice(["month"]), "Also count the occasions per month (`byMonth`).")
  static let outlet = query(
    "outlet", .string(maxLength: Limits.maximumTextParameter),
    "Only articles from this outlet (case-insensitive).")
  static let search = query(
    "search", .string(maxLength: Limits.maximumTextParameter),
    "Full-text search: words (all must occur), \"phrases\", prefix*, AND, OR, NOT, parentheses.")

  static let noControlCharacters = "^[^\\u0000-\\u0008\\u000A-\\u001F]*$"

  func with(kind: Kind) -> ParameterSpec {
    var copy = self
    copy.kind = kind
    return copy
  }

  func with(required: Bool) -> ParameterSpec {
    var copy = self
    copy.required = required
    return copy
  }

  /// The JSON Schema of the parameter's values.
  var schema: JSONValue {
    switch kind {
    // An empty value means the parameter is absent (a blank form field), so no minLength.
    case .string(let maxLength):
      required
        ? [
          "type": "string", "minLength": 1, "maxLength": .number(Double(maxLength)),
          "pattern":
            "^[^\\u0000-\\u0008\\u000A-\\u001F]*[^\\s\\u0000-\\u001F][^\\u0000-\\u0008\\u000A-\\u001F]*$",
        ]
        : [
          "type": "string", "maxLength": .number(Double(maxLength)),
          "pattern": .string(Self.noControlCharacters),
        ]
    case .integer(let minimum, let maximum):
      ["type": "integer", "minimum": .number(Double(minimum)), "maximum": .number(Double(maximum))]
    case .date: ["type": "string", "pattern": .string(DateParameter.pattern)]
    case .day: ["type": "string", "pattern": .string(DateParameter.dayPattern)]
    case .token(let pattern, let maxLength):
      ["type": "string", "maxLength": .number(Double(maxLength)), "pattern": .string(pattern)]
    case .choice(let values):
      ["type": "string", "enum": .array((required ? values : [""] + values).map(JSONValue.string))]
    }
  }

  /// Checks one value; returns the problem, or nil when valid.
  func problem(with value: String) -> String? {
    switch kind {
    case .string(let maxLength):
      if value.unicodeScalars.count > maxLength { return "longer than \(maxLength) characters" }
      if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
        return "contains control characters"
      }
      if value.isEmpty { return "is empty" }
      // A required name or search says something: the schema's pattern asks for a non-space.
      if required, value.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return "is blank" }
      return nil
    case .integer(let minimum, let maximum):
      guard value.utf8.count <= 20, let number = Int(value) else { return "expects an integer" }
      return (minimum...maximum).contains(number)
        ? nil : "expects an integer from \(minimum) to \(maximum)"
    case .date:
      return DateParameter.isValid(value) ? nil : "expects a date like 2025-12-24, 2025-12 or 2025"
    case .day:
      return value.utf8.count == 10 && DateParameter.isValid(value)
        ? nil : "expects a day like 2025-12-24"
    case .choice(let values):
      return values.contains(value) ? nil : "expects one of \(values.joined(separator: ", "))"
    case .token(_, let maxLength):
      if value.utf8.count > maxLength { return "longer than \(maxLength) characters" }
      let allowed = value.utf8.allSatisfy {
        (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
          || $0 == 0x2D || $0 == 0x5F
      }
      return allowed ? nil : "has characters other than letters, digits, '-' and '_'"
    }
  }
}

/// Dates in parameters: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, each part a real calendar value.
enum DateParameter {
  /// Empty means absent, as for every parameter.
  static let pattern = "^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
  static let dayPattern = "^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$"

  static func isValid(_ value: String) -> Bool {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      parts.dropFirst().allSatisfy({ $0.count == 2 })
    else { return false }
    guard parts.count > 1 else { return true }
    guard let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
    guard (1...12).contains(month) else { return false }
    guard parts.count > 2 else { return true }
    guard let day = Int(parts[2]) else { return false }
    let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
  }
}

/// A request's parameters, checked against its route's specs.
struct RequestParameters: Sendable {
  private(set) var values: [String: String] = [:]

  /// Parses the query string and path captures and checks them against `specs`. Unknown
  /// query parameters are ignored; a known one given twice is an error.
  init(query: String?, captures: [String: String], specs: [ParameterSpec]) throws(APIError) {
    let known = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    if let query, !query.isEmpty {
      guard query.utf8.count <= Limits.maximumQueryLength else {
        throw APIError(
          status: .badRequest, code: "invalid_parameter",
          message: "the query string is longer than \(Limits.maximumQueryLength) bytes")
      }
      for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = Self.decode(parts[0]) else {
          throw .invalidParameter(String(parts[0].prefix(40)), "bad percent-encoding")
        }
        guard let spec = known[name], spec.location == .query else { continue }
        guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
          throw .invalidParameter(name, "bad percent-encoding")
        }
        if values[name] != nil { throw .invalidParameter(name, "given more than once") }
        // An empty value (a blank form field) means the parameter is absent.
        if value.isEmpty { continue }
        values[name] = value
      }
    }
    for spec in specs where spec.location == .path {
      guard let value = captures[spec.name] else { throw .invalidParameter(spec.name, "missing") }
      values[spec.name] = value
    }
    for spec in specs {
      if let value = values[spec.name] {
        if let problem = spec.problem(with: value) { throw .invalidParameter(spec.name, problem) }
      } else if spec.required {
        throw .invalidParameter(spec.name, "missing")
      }
    }
  }

  subscript(_ name: String) -> String? { values[name] }
  func int(_ name: String) -> Int? { values[name].flatMap { Int($0) } }

  /// Form decoding: `+` is a space, then percent-decoding; nil when malformed.
  static func decode(_ part: Substring) -> String? {
    let spaced = part.replacingOccurrences(of: "+", with: " ")
    guard spaced.contains("%") else { return spaced }
    return spaced.removingPercentEncoding
  }
}

/// Bounds on what a request may ask for.
enum Limits {
  static let defaultPageSize = 50
  static let maximumPageSize = 200
  static let defaultExportSize = 1_000
  static let maximumExportSize = 10_000
  /// Rows a listing pages through (offset cursors); narrow the filters to go deeper.
  static let maximumOffset = 10_000
  /// Quotes a `kind` filter scans to fill one page.
  static let maximumKindScan = 50_000
  static let maximumTextParameter = 200
  static let maximumQueryLength = 4_096
  /// Largest request body (a posted article), in bytes.
  static let maximumBodyBytes = 1 << 20
}
