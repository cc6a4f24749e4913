/// OPML subscription lists: the feeds a `watch` command should poll.
public enum OPML {
  /// One subscription: an `<outline xmlUrl=…>`.
  public struct Subscription: Sendable, Hashable {
    public var title: String?
    /// The feed's URL (`xmlUrl`).
    public var feedURL: String
    /// The site's URL (`htmlUrl`), if given.
    public var siteURL: String?
  }

  /// The subscriptions in `bytes`, in document order, nested outlines (folders) included.
  /// Outlines without `xmlUrl` are folders and are skipped; duplicates are kept once.
  public static func subscriptions(in bytes: [UInt8], source: String) throws(ReadError)
    -> [Subscription]
  {
    guard let root = XMLParsing.parse(bytes), root.name.lowercased() == "opml" else {
      throw ReadError(source: source, kind: .malformed(reason: "not an OPML document"))
    }
    var result: [Subscription] = []
    var seen: Set<String> = []
    func visit(_ element: XMLElement, depth: Int) {
      guard depth < 64 else { return }
      for outline in element.children("outline") {
        if let url = outline.attributes["xmlUrl"] ?? outline.attributes["xmlurl"], !url.isEmpty,
          seen.insert(url).inserted
        {
          let title = outline.attributes["title"] ?? outline.attributes["text"]
          result.append(
            Subscription(title: title, feedURL: url, siteURL: outline.attributes["htmlUrl"]))
        }
        visit(outline, depth: depth + 1)
      }
    }
    if let body = root.child("body") { visit(body, depth: 0) }
    return result
  }
}
