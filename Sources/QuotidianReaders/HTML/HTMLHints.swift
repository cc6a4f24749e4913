/// What an element's `class`, `id` and `role` say about it.
struct HTMLHint: Equatable {
  /// A boilerplate word stands as a whole word ("comments", "share-bar", "shareBar").
  var isConfidentBoilerplate = false
  /// A boilerplate word appears only inside a longer word ("commentary", "shared").
  var isWeakBoilerplate = false
  /// A content word: article, body, content, story, entry, post, text.
  var isContent = false
  /// Names page furniture that is never the article (cookie banners, comments, newsletter
  /// boxes): not protected even when it holds most of a short page's text.
  var isStrongBoilerplate = false
  /// An embedded post (tweet, Instagram): part of the article, whatever else the class says.
  var isEmbed = false
  /// Hidden from readers (`sr-only`, `visually-hidden`, `display:none`).
  var isHidden = false

  /// Names a standfirst (dek, strapline, abstract): the summary under the headline.
  var isStandfirst = false
  /// Every boilerplate word found is a layout word (``HTMLHints/layout``).
  var isLayoutOnly = false
  /// Names readers' comments ("comments", "comment-list", "disqus_thread").
  var isComments = false

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

  static let boilerplate: [Pattern] =
    words(
      [
        "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe",
        "subscription", "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "advert",
        "sponsor", "banner", "breadcrumb", "sidebar", "popup", "modal", "footer",
        "masthead", "navbar", "navigation", "menu", "byline", "author", "caption", "credit",
        "toolbar", "pagination", "pager", "outbrain", "taboola", "disqus", "trending", "popular",
        "readmore", "read-more", "more-stories", "paywall", "dateline", "timestamp", "print",
        "follow", "tooltip", "overlay", "skip-link", "jump-link", "inline-link",
        "newsfeed", "headline-list", "most-read", "mostread", "login", "register", "donate",
        "further-reading", "see-also", "also-read", "read-next", "next-article", "prev-next",
        "bio", "profile", "video-player",
        "alert", "notification", "playlist", "podcast-player",
      ], wholeWordOnly: false)
    + strong
    + words(
      [
        "ad", "ads", "adv", "advert", "dfp", "gpt", "nav", "meta", "tags", "tag", "rail",
        "date", "time", "share", "email", "print", "aside",
        "topics", "keywords", "categories", "copyright", "disclaimer", "signature", "outro",
        "masthead", "logo", "rss", "feedback", "survey", "poll", "quiz",
      ], wholeWordOnly: true)

  /// Boilerplate words that page builders and galleries also put on the blocks of an
  /// article ("elementor-widget", "gallery-slide hidden"): trusted on a first reading, ignored
  /// on the relaxed second reading of a page whose first reading found almost nothing.
  static let layout: [Pattern] =
    words(
      ["widget", "gallery", "slideshow", "photo", "image", "teaser", "infobox", "callout"],
      wholeWordOnly: false)
    + words(["tools", "hide", "hidden", "more", "extra", "top", "header"], wholeWordOnly: true)

  static let strong: [Pattern] = words(
    [
      "cookie", "consent", "gdpr", "comments", "newsletter", "disqus", "outbrain", "taboola",
      "modal",
    ],
    wholeWordOnly: true)

  /// Class words of readers' comment threads (kept only with `includeComments`).
  static let comments: [Pattern] = words(["comment", "comments", "disqus"], wholeWordOnly: true)

  static let embeds: [Pattern] = words(["embed", "tweet", "instagram-media"], wholeWordOnly: false)

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

  /// Class words of the standfirst under a headline (metadata only; the block stays text).
  static let standfirst: [Pattern] = words(
    [
      "dek", "standfirst", "strapline", "subhead", "subheadline", "abstract", "lede", "lead",
      "intro", "summary",
      "excerpt", "deck", "kicker-text", "article-lead", "teaser-text",
    ], wholeWordOnly: true)

  enum Kind: UInt8 {
    case boilerplate, layout, strong, embed, hidden, content, standfirst, comments
  }

  /// One pattern in ``table``: its bytes are `bytes[start..<start + length]`.
  struct Entry {
    let start: Int32
    let length: Int32
    let kind: Kind
    let wholeWordOnly: Bool
  }

  /// Every pattern, bucketed by its first two letters so a scan tries only the patterns
  /// that can start at each position; the bytes of all patterns live in one array.
  struct Table {
    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// For bucket `b` (26 × first + second letter), entries `bounds[b]..<bounds[b + 1]`.
    var bounds: [Int32] = []
  }

  static let table: Table = {
    var buckets = Array(repeating: [(Pattern, Kind)](), count: 26 * 26)
    for (list, kind) in [
      (boilerplate, Kind.boilerplate), (layout, .layout), (strong, .strong), (embeds, .embed),
      (hidden, .hidden), (content, .content), (standfirst, .standfirst), (comments, .comments),
    ] {
      for pattern in list {
        guard pattern.bytes.count >= 2 else { continue }
        let first = pattern.bytes[0]
        let second = pattern.bytes[1]
        guard first >= 0x61, first <= 0x7A, second >= 0x61, second <= 0x7A else { continue }
        buckets[Int(first - 0x61) * 26 + Int(second - 0x61)].append((pattern, kind))
      }
    }
    var table = Table()
    for bucket in buckets {
      table.bounds.append(Int32(table.entries.count))
      for (pattern, kind) in bucket {
        table.entries.append(
          Entry(
            start: Int32(table.bytes.count), length: Int32(pattern.bytes.count), kind: kind,
            wholeWordOnly: pattern.wholeWordOnly))
        table.bytes.append(contentsOf: pattern.bytes)
      }
    }
    table.bounds.append(Int32(table.entries.count))
    return table
  }()

  /// Classifies a `class` + `id` string.
  static func hint(for value: [UInt8]) -> HTMLHint {
    var hint = HTMLHint()
    if value.count < 2 { return hint }
    var layoutMatch = false
    var otherMatch = false
    let table = Self.table
    value.withUnsafeBufferPointer { text in
      table.bytes.withUnsafeBufferPointer { patterns in
        table.entries.withUnsafeBufferPointer { entries in
          table.bounds.withUnsafeBufferPointer { bounds in
            for start in 0..<(text.count - 1) {
              let first = text[start] | 0x20
              let second = text[start + 1] | 0x20
              guard first >= 0x61, first <= 0x7A, second >= 0x61, second <= 0x7A else { continue }
              let bucket = Int(first - 0x61) * 26 + Int(second - 0x61)
              var entry = Int(bounds[bucket])
              let stop = Int(bounds[bucket + 1])
              while entry < stop {
                let pattern = entries[entry]
                entry += 1
                let match = match(pattern, patterns, in: text, at: start)
                if match == .none { continue }
                switch pattern.kind {
                case .hidden: hint.isHidden = true
                case .standfirst: if match == .wholeWord { hint.isStandfirst = true }
                case .comments: if match == .wholeWord { hint.isComments = true }
                case .content: hint.isContent = true
                case .embed: hint.isEmbed = true
                case .strong: if match == .wholeWord { hint.isStrongBoilerplate = true }
                case .boilerplate, .layout:
                  if pattern.kind == .layout { layoutMatch = true } else { otherMatch = true }
                  if match == .wholeWord {
                    hint.isConfidentBoilerplate = true
                  } else {
                    hint.isWeakBoilerplate = true
                  }
                }
              }
            }
          }
        }
      }
    }
    if hint.isStrongBoilerplate { hint.isConfidentBoilerplate = true }
    hint.isLayoutOnly = layoutMatch && !otherMatch && !hint.isStrongBoilerplate
    if hint.isEmbed {
      hint.isConfidentBoilerplate = false
      hint.isStrongBoilerplate = false
    }
    if hint.isConfidentBoilerplate || hint.isEmbed { hint.isWeakBoilerplate = false }
    return hint
  }

  /// Whether `pattern` occurs at `start` (its first two letters already match), and whether
  /// it stands as a word there: bounded by non-letters, a lower-to-upper case change, or a
  /// plural "s".
  @inline(__always)
  private static func match(
    _ pattern: Entry, _ patterns: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
    at start: Int
  ) -> Match {
    let length = Int(pattern.length)
    guard start + length <= text.count else { return .none }
    let base = Int(pattern.start)
    var offset = 2
    while offset < length, text[start + offset] | 0x20 == patterns[base + offset] { offset += 1 }
    guard offset == length else { return .none }
    let end = start + length
    let startsWord =
      start == 0 || !isLetter(text[start - 1])
      || (isLower(text[start - 1]) && isUpper(text[start]))
    var endsWord = end == text.count || !isLetter(text[end]) || isUpper(text[end])
    if !endsWord, text[end] | 0x20 == UInt8(ascii: "s") {
      endsWord = end + 1 == text.count || !isLetter(text[end + 1]) || isUpper(text[end + 1])
    }
    if startsWord && endsWord { return .wholeWord }
    return pattern.wholeWordOnly ? .none : .inside
  }

  enum Match { case none, inside, wholeWord }

  @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= 0x61 && lower <= 0x7A
  }
  @inline(__always) private static func isLower(_ byte: UInt8) -> Bool {
    byte >= 0x61 && byte <= 0x7A
  }
  @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool {
    byte >= 0x41 && byte <= 0x5A
  }
}
