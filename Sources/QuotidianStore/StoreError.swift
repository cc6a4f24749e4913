/// A store operation that failed, with the operation and, where known, the article.
/// Driver errors (GRDB, PostgresNIO) are wrapped, never exposed.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was being done: `"open"`, `"migrate"`, `"save"`, `"query"`.
  public var operation: String
  public var reason: String
  /// The article's source (path or URL) when the error concerns one article.
  public var source: String?

  public init(operation: String, reason: String, source: String? = nil) {
    self.operation = operation
    self.reason = reason
    self.source = source
  }

  public var description: String {
    if let source { "\(source): error: store \(operation) failed: \(reason)" } else {
      "error: store \(operation) failed: \(reason)"
    }
  }
}
