/// A pipeline assembled in an order that cannot work: a programmer error, caught at start-up.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case missingLayer(component: String, layer: String)

  public var description: String {
    switch self {
    case .missingLayer(let component, let layer):
      "component '\(component)' requires layer '\(layer)', which no earlier component provides"
    }
  }
}
