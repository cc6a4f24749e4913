/// Whole lines that page templates put inside article bodies and that are never article
/// text (ad labels, reading prompts). Matched on the lower-cased line without trailing
/// punctuation; a line is dropped only when it is exactly one of these.
enum HTMLBoilerplateLines {
  static let lines: Set<String> = [
    "ad", "ads", "advertisement", "advertising", "sponsored", "sponsored content", "paid content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "continue reading", "continue reading the main story",
    "scroll to continue with content", "skip advertisement", "supported by", "read more",
    "read more here", "read more below", "related", "related articles", "related stories",
    "related content", "related coverage", "recommended", "recommended stories",
    "more stories", "more from this author", "share", "share this", "share this article",
    "share this story", "share on facebook", "share on twitter", "tweet", "email", "print",
    "comments", "view comments", "show comments", "loading", "loading…", "click here",
    "click to enlarge", "image", "photo", "video", "watch", "listen", "listen to this article",
    "sign up", "subscribe", "subscribe now", "follow us", "copy link", "link copied",
    "trending", "most popular", "most read", "you may also like", "we recommend",
    "enable javascript", "javascript is disabled", "back to top", "top", "next", "previous",
  ]

  static func isBoilerplate(_ line: String) -> Bool {
    guard line.utf8.count <= 48 else { return false }
    var lowered = line.lowercased()
    while let last = lowered.last, last == ":" || last == "." || last == " " || last == "!" || last == "»"
      || last == "›" || last == ">"
    {
      lowered.removeLast()
    }
    return lines.contains(lowered)
  }
}
