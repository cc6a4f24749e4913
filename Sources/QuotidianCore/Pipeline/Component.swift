/// One step of the pipeline: reads the layers it `requires`, sets the layers it `provides`.
public protocol Component: Sendable {
  /// Short, stable, lower-case name used in diagnostics and `--explain` (`"quotes"`).
  var name: String { get }
  var requires: Set<Layer> { get }
  var provides: Set<Layer> { get }
  /// Never throws, never traps: odd text yields fewer annotations and a ``Diagnostic``.
  func process(_ document: inout Document)
}
