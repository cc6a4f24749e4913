/// A store operation that failed, with the operation and, where known, the article.
/// Driver errors (GRDB, PostgresNIO) are wrapped, never exposed.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was being done: `"open"`, `"migrate"`, `"save"`, `"query"`.
  public var operation: String
  public var reason: String
  /// The article's source (path or URL) when the error concerns one article.
  public var source: String?
  /// True when later writes would fail the same way (disk full, read-only or damaged file):
  /// a batch should stop at the first such error rather than try every remaining article.
  public var isFatal: Bool

  public init(operation: String, reason: String, source: String? = nil, isFatal: Bool = false) {
    self.operation = operation
    self.reason = reason
    self.source = source
    self.isFatal = isFatal
  }

  public var description: String {
    if let source {
      "\(source): error: store \(operation) failed: \(reason)"
    } else {
      "error: store \(operation) failed: \(reason)"
    }
  }
}
