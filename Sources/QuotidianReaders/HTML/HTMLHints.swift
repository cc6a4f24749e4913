/// What an element's `class`, `id` and `role` say about it.
struct HTMLHint: Equatable {
  /// A boilerplate word stands as a whole word ("comments", "share-bar", "shareBar").
  var isConfidentBoilerplate = false
  /// A boilerplate word appears only inside a longer word ("commentary", "shared").
  var isWeakBoilerplate = false
  /// A content word: article, body, content, story, entry, post, text.
  var isContent = false
  /// Hidden from readers (`sr-only`, `visually-hidden`, `display:none`).
  var isHidden = false

  var isBoilerplate: Bool { isConfidentBoilerplate || isWeakBoilerplate }
}

/// Class and id vocabulary of boilerplate and content, matched case-insensitively.
/// The words are the ones page templates use for page furniture (readability's and
/// trafilatura's lists, extended with common widget names).
enum HTMLHints {
  struct Pattern {
    let bytes: [UInt8]
    /// Short words ("ad", "nav") match only as whole words.
    let wholeWordOnly: Bool
  }

  static let boilerplate: [Pattern] = words(
    [
      "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe",
      "subscription", "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "advert",
      "sponsor", "banner", "breadcrumb", "sidebar", "widget", "popup", "modal", "footer",
      "masthead", "navbar", "navigation", "menu", "byline", "author", "caption", "credit",
      "toolbar", "pagination", "pager", "outbrain", "taboola", "disqus", "trending", "popular",
      "readmore", "read-more", "more-stories", "paywall", "dateline", "timestamp", "print",
      "follow", "tooltip", "overlay", "teaser", "skip-link", "jump-link", "inline-link",
      "newsfeed", "headline-list", "most-read", "mostread", "login", "register", "donate",
      "further-reading", "see-also", "also-read", "read-next", "next-article", "prev-next",
      "bio", "profile", "embed-", "video-player", "gallery", "slideshow", "photo", "image",
      "infobox", "callout", "alert", "notification", "playlist", "podcast-player",
    ], wholeWordOnly: false)
    + words(
      [
        "ad", "ads", "adv", "advert", "dfp", "gpt", "nav", "meta", "tags", "tag", "tools", "rail",
        "hide", "hidden", "date", "time", "share", "email", "print", "more", "extra", "aside",
        "topics", "keywords", "categories", "copyright", "disclaimer", "signature", "outro",
        "header", "top", "masthead", "logo", "rss", "feedback", "survey", "poll", "quiz",
      ], wholeWordOnly: true)

  static let hidden: [Pattern] = words(
    ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "offscreen"],
    wholeWordOnly: false)

  static let content: [Pattern] = words(
    [
      "article", "body", "content", "entry", "story", "post", "text", "prose", "blog", "main",
      "rich-text", "richtext", "paragraph", "copy",
    ], wholeWordOnly: false)

  private static func words(_ list: [String], wholeWordOnly: Bool) -> [Pattern] {
    list.map { Pattern(bytes: Array($0.utf8), wholeWordOnly: wholeWordOnly) }
  }

  enum Kind: UInt8 { case boilerplate, hidden, content }

  /// Every pattern with its kind, bucketed by first letter, so a scan checks only the
  /// patterns that can start at each position.
  private static let buckets: [[(Pattern, Kind)]] = {
    var buckets = Array(repeating: [(Pattern, Kind)](), count: 26)
    for (list, kind) in [(boilerplate, Kind.boilerplate), (hidden, .hidden), (content, .content)] {
      for pattern in list {
        guard let first = pattern.bytes.first, first >= 0x61, first <= 0x7A else { continue }
        buckets[Int(first - 0x61)].append((pattern, kind))
      }
    }
    return buckets
  }()

  /// Classifies a `class` + `id` string.
  static func hint(for value: [UInt8]) -> HTMLHint {
    var hint = HTMLHint()
    if value.isEmpty { return hint }
    value.withUnsafeBufferPointer { text in
      for start in 0..<text.count {
        let lower = text[start] | 0x20
        guard lower >= 0x61, lower <= 0x7A else { continue }
        for (pattern, kind) in buckets[Int(lower - 0x61)] {
          let match = match(pattern, in: text, at: start)
          if match == .none { continue }
          switch kind {
          case .hidden: hint.isHidden = true
          case .content: hint.isContent = true
          case .boilerplate:
            if match == .wholeWord { hint.isConfidentBoilerplate = true } else { hint.isWeakBoilerplate = true }
          }
        }
      }
    }
    if hint.isConfidentBoilerplate { hint.isWeakBoilerplate = false }
    return hint
  }

  /// Whether `pattern` occurs at `start`, and whether it stands as a word there.
  @inline(__always)
  private static func match(_ pattern: Pattern, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Match {
    let needle = pattern.bytes
    guard start + needle.count <= text.count else { return .none }
    var offset = 1
    while offset < needle.count, text[start + offset] | 0x20 == needle[offset] { offset += 1 }
    guard offset == needle.count else { return .none }
    let end = start + needle.count
    let startsWord = start == 0 || !isLetter(text[start - 1])
      || (isLower(text[start - 1]) && isUpper(text[start]))
    var endsWord = end == text.count || !isLetter(text[end]) || isUpper(text[end])
    if !endsWord, text[end] | 0x20 == UInt8(ascii: "s") {
      endsWord = end + 1 == text.count || !isLetter(text[end + 1]) || isUpper(text[end + 1])
    }
    if startsWord && endsWord { return .wholeWord }
    return pattern.wholeWordOnly ? .none : .inside
  }

  enum Match { case none, inside, wholeWord }

  /// Finds `pattern` in `text`, ASCII case-insensitively, and tells whether it stands as a
  /// word: bounded by non-letters, a lower-to-upper case change, or a plural "s".
  static func find(_ pattern: Pattern, in text: UnsafeBufferPointer<UInt8>) -> Match {
    let needle = pattern.bytes
    guard let first = needle.first, text.count >= needle.count else { return .none }
    var best = Match.none
    var start = 0
    let last = text.count - needle.count
    while start <= last {
      if text[start] | 0x20 == first {
        var offset = 1
        while offset < needle.count, text[start + offset] | 0x20 == needle[offset] { offset += 1 }
        if offset == needle.count {
          let end = start + needle.count
          let startsWord = start == 0 || !isLetter(text[start - 1])
            || (isLower(text[start - 1]) && isUpper(text[start]))
          var endsWord = end == text.count || !isLetter(text[end]) || isUpper(text[end])
          if !endsWord, text[end] | 0x20 == UInt8(ascii: "s") {
            endsWord = end + 1 == text.count || !isLetter(text[end + 1]) || isUpper(text[end + 1])
          }
          if startsWord && endsWord { return .wholeWord }
          if !pattern.wholeWordOnly { best = .inside }
        }
      }
      start += 1
    }
    return best
  }

  @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= 0x61 && lower <= 0x7A
  }
  @inline(__always) private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
