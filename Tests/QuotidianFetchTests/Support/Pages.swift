/// Small pages and feeds written for these tests (fictional people and places).
enum Pages {
  /// An HTML news page with a title and a few paragraphs.
  static func article(title: String, paragraphs: [String]) -> String {
    let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
      <meta property="og:site_name" content="The Lindqvist Courier"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>\(title)</h1>
      \(body)
      </article>
      <footer>Copyright The Lindqvist Courier</footer></body></html>
      """
  }

  static let ferry = article(
    title: "Ferry timetable changes on the Osterby line",
    paragraphs: [
      "The Osterby ferry will run every forty minutes from next month, the harbour authority said on Tuesday.",
      "\u{201C}We listened to the commuters who asked for earlier boats,\u{201D} said Marit Halvorsen, who chairs the authority.",
      "The first crossing will leave the north quay at half past five, twenty minutes earlier than now.",
      "Local councillor Per Dahlgren said the change was overdue and welcomed the extra evening sailing.",
    ])

  static func story(_ name: String) -> String {
    article(
      title: "Story \(name) from the valley",
      paragraphs: [
        "Residents of Brackwater gathered on Saturday to discuss story \(name), the town clerk said.",
        "\u{201C}This matters to every family here,\u{201D} said Ottilie Marsh, a member of the residents' group.",
        "The council will publish its response to story \(name) before the end of the month.",
      ])
  }

  /// One RSS item: full content when `content` is given, otherwise only a description.
  struct Item {
    var title: String
    var link: String
    var content: String?
  }

  static func rss(_ items: [Item]) -> String {
    let entries = items.map { item in
      let content =
        item.content.map { "<content:encoded><![CDATA[<p>\($0)</p>]]></content:encoded>" } ?? ""
      return """
        <item><title>\(item.title)</title><link>\(item.link)</link>
        <pubDate>Tue, 10 Mar 2026 06:30:00 +0000</pubDate>
        <description>A short summary of \(item.title).</description>\(content)</item>
        """
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>The Brackwater Bulletin</title><link>https://bulletin.example/</link>
      \(entries.joined(separator: "\n"))
      </channel></rss>
      """
  }
}
