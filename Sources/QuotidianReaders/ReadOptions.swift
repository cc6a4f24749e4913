/// Choices about what a reader keeps.
public struct ReadOptions: Sendable, Hashable {
  /// Web pages: keep readers' comments after the article (left out by default, like the
  /// related-content and link blocks around it).
  public var includeComments: Bool

  public init(includeComments: Bool = false) {
    self.includeComments = includeComments
  }
}
