/// A kind of annotation a ``Component`` provides or requires.
public struct Layer: Hashable, Sendable, CustomStringConvertible {
  public let name: String
  init(_ name: String) { self.name = name }
  public var description: String { name }

  public static let paragraphs = Layer("paragraphs")
  public static let tokens = Layer("tokens")
  public static let sentences = Layer("sentences")
  public static let quotes = Layer("quotes")
  public static let cues = Layer("cues")
  public static let mentions = Layer("mentions")
  public static let attributions = Layer("attributions")
  public static let entities = Layer("entities")
  public static let dates = Layer("dates")
  public static let claims = Layer("claims")
  public static let said = Layer("said")
  public static let reported = Layer("reported")
  public static let promises = Layer("promises")
}
