/// A non-fatal observation a component makes about odd text ("unbalanced quotation mark").
public struct Diagnostic: Hashable, Sendable {
  public enum Severity: String, Sendable, Codable { case note, warning }
  /// The short, stable name of the component that made it (`"quotes"`).
  public var component: String
  public var severity: Severity
  public var message: String
  public var range: TextRange?

  public init(
    component: String, severity: Severity = .warning, message: String, range: TextRange? = nil
  ) {
    self.component = component
    self.severity = severity
    self.message = message
    self.range = range
  }
}
