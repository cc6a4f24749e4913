import Foundation

/// A compact copy of a parsed page: elements and text nodes in document order, with
/// whitespace-collapsed text in one byte arena, and the head data metadata needs.
/// Built in one iterative pass over libxml2's tree, so deep nesting cannot overflow the stack.
struct HTMLTree {
  struct Node {
    var tag: HTMLTag
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    /// Text nodes: the byte range in ``HTMLTree/text``.
    var textStart: Int32 = 0
    var textEnd: Int32 = 0
    var hint = HTMLHint()
    /// `itemprop="articleBody"` or `role="main"`-like strong content signal.
    var isArticleBody = false
    /// Hidden by attribute or style, or a role that is page furniture.
    var isHidden = false
    /// The hashed words of the element's `class` and `id`: ``HTMLTree/tokens``
    /// `[tokenStart..<tokenStart + tokenCount]` (see ``HTMLTree/classTokens(_:)``).
    var tokenStart: Int32 = 0
    var tokenCount: UInt8 = 0
  }

  var nodes: [Node] = []
  var text: [UInt8] = []
  /// `<meta>` pairs: property/name/itemprop (lower-cased) → content.
  var metas: [(key: String, value: String)] = []
  var jsonLD: [[UInt8]] = []
  /// The hashed class and id words of every element, element by element.
  var tokens: [UInt32] = []
  var canonical: String?
  var language: String?
  var title: String?
  /// Index of the `<body>` element, or 0.
  var body: Int32 = 0

  init() {
    nodes.reserveCapacity(4096)
    text.reserveCapacity(64 << 10)
    // The synthetic root, parent of everything.
    nodes.append(Node(tag: .other, parent: -1))
  }

  // MARK: Building from parser events

  /// Builder state: open elements, and elements whose content is ignored or captured.
  private var parents: [Int32] = [0]
  private var skipDepth = 0
  private var capture: Capture = .none
  private var captured: [UInt8] = []
  private var hintCache: [UInt64: HTMLHint] = [:]
  private var tokenCache: [UInt64: [UInt32]] = [:]
  private var scratch: [UInt8] = []
  private enum Capture { case none, title, jsonLD }

  /// An element opens; `attributes` is libxml2's NULL-terminated name/value array.
  mutating func start(
    _ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  ) {
    if skipDepth > 0 {
      skipDepth += 1
      return
    }
    let tag = HTMLTag.named(name)
    switch tag {
    case .skipped, .meta, .link, .script, .title:
      skipDepth = 1
      switch tag {
      case .meta: readMeta(attributes)
      case .link: readLink(attributes)
      case .script:
        if HTMLTree.attribute("type", in: attributes).map({ HTMLTree.contains($0, "ld+json") })
          == true
        {
          capture = .jsonLD
        }
      case .title: if title == nil { capture = .title }
      default: break
      }
    default:
      let index = append(Node(tag: tag, parent: parents[parents.count - 1]))
      readAttributes(attributes, into: index)
      if tag == .body, body == 0 { body = index }
      parents.append(index)
    }
  }

  /// The innermost open element closes.
  mutating func end() {
    if skipDepth > 0 {
      skipDepth -= 1
      if skipDepth == 0 && capture != .none {
        if capture == .title {
          title = HTMLMetadata.clean(String(decoding: captured, as: UTF8.self))
        } else {
          jsonLD.append(captured)
        }
        capture = .none
        captured.removeAll(keepingCapacity: true)
      }
      return
    }
    if parents.count > 1 { parents.removeLast() }
  }

  /// Character data; consecutive chunks of one run extend the same text node.
  mutating func characters(_ content: UnsafePointer<UInt8>, count: Int) {
    guard count > 0 else { return }
    if skipDepth > 0 {
      if capture != .none && captured.count < (4 << 20) {
        captured.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
      }
      return
    }
    let parent = parents[parents.count - 1]
    let last = nodes.count - 1
    let extendsLast =
      nodes[last].tag == .text && nodes[last].parent == parent
      && Int(nodes[last].textEnd) == text.count
    let start = text.count
    var pendingSpace = false
    var position = 0
    while position < count {
      let byte = content[position]
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
        pendingSpace = true
      } else if byte == 0xC2 && position + 1 < count && content[position + 1] == 0xA0 {
        // no-break space
        pendingSpace = true
        position += 1
      } else if byte >= 0xC2,
        let invisible = HTMLTree.invisibleLength(content, at: position, count: count)
      {
        position += invisible - 1  // soft hyphen, zero-width space, word joiner, BOM: dropped
      } else {
        if pendingSpace && !(text.count == start && extendsLast && text.last == 0x20) {
          text.append(0x20)
        }
        pendingSpace = false
        text.append(byte)
      }
      position += 1
    }
    if pendingSpace && !(extendsLast && text.last == 0x20 && text.count == start) {
      text.append(0x20)
    }
    if text.count == start { return }
    if extendsLast {
      nodes[last].textEnd = Int32(text.count)
      return
    }
    var node = Node(tag: .text, parent: parent)
    node.textStart = Int32(start)
    node.textEnd = Int32(text.count)
    append(node)
  }

  /// The length of an invisible formatting character at `position` that text never needs
  /// (U+00AD soft hyphen, U+200B zero-width space, U+2060 word joiner, U+FEFF), or nil.
  @inline(__always)
  static func invisibleLength(_ content: UnsafePointer<UInt8>, at position: Int, count: Int) -> Int?
  {
    switch content[position] {
    case 0xC2:
      return position + 1 < count && content[position + 1] == 0xAD ? 2 : nil
    case 0xE2:
      guard position + 2 < count else { return nil }
      let second = content[position + 1]
      let third = content[position + 2]
      return (second == 0x80 && third == 0x8B) || (second == 0x81 && third == 0xA0) ? 3 : nil
    case 0xEF:
      guard position + 2 < count else { return nil }
      return content[position + 1] == 0xBB && content[position + 2] == 0xBF ? 3 : nil
    default:
      return nil
    }
  }

  @discardableResult
  private mutating func append(_ node: Node) -> Int32 {
    let index = Int32(nodes.count)
    nodes.append(node)
    let parent = Int(node.parent)
    if parent >= 0 {
      let last = nodes[parent].lastChild
      if last >= 0 {
        nodes[Int(last)].nextSibling = index
      } else {
        nodes[parent].firstChild = index
      }
      nodes[parent].lastChild = index
    }
    return index
  }

  private mutating func readAttributes(
    _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, into index: Int32
  ) {
    guard var cursor = attributes else { return }
    scratch.removeAll(keepingCapacity: true)
    var isHidden = false
    var isArticleBody = false
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var steps = 0
    while let name = cursor[0], steps < 256 {
      steps += 1
      let value = cursor[1]
      cursor += 2
      guard let value else {
        if HTMLTree.equals(name, "hidden") { isHidden = true }
        continue
      }
      switch name[0] | 0x20 {
      case UInt8(ascii: "c") where HTMLTree.equals(name, "class"),
        UInt8(ascii: "i") where HTMLTree.equals(name, "id"):
        if !scratch.isEmpty { scratch.append(0x20) }
        var at = value
        while at.pointee != 0 && scratch.count < 256 {
          scratch.append(at.pointee)
          hash = (hash ^ UInt64(at.pointee)) &* 0x100_0000_01b3
          at += 1
        }
        hash = (hash ^ 0x20) &* 0x100_0000_01b3
      case UInt8(ascii: "i") where HTMLTree.equals(name, "itemprop"):
        if HTMLTree.equals(value, "articleBody") { isArticleBody = true }
      case UInt8(ascii: "h") where HTMLTree.equals(name, "hidden"):
        isHidden = true
      case UInt8(ascii: "a") where HTMLTree.equals(name, "aria-hidden"):
        if HTMLTree.equals(value, "true") { isHidden = true }
      case UInt8(ascii: "s") where HTMLTree.equals(name, "style"):
        isHidden = isHidden || HTMLTree.styleHides(value)
      case UInt8(ascii: "r") where HTMLTree.equals(name, "role"):
        if HTMLTree.equals(value, "navigation") || HTMLTree.equals(value, "banner")
          || HTMLTree.equals(value, "contentinfo") || HTMLTree.equals(value, "complementary")
          || HTMLTree.equals(value, "dialog") || HTMLTree.equals(value, "alertdialog")
          || HTMLTree.equals(value, "menu") || HTMLTree.equals(value, "menubar")
          || HTMLTree.equals(value, "toolbar") || HTMLTree.equals(value, "search")
        {
          nodes[Int(index)].hint.isConfidentBoilerplate = true
        } else if HTMLTree.equals(value, "main") || HTMLTree.equals(value, "article") {
          nodes[Int(index)].hint.isContent = true
        }
      case UInt8(ascii: "l") where HTMLTree.equals(name, "lang"):
        if nodes[Int(index)].tag == .html, language == nil { language = String(cString: value) }
      default: break
      }
    }
    if !scratch.isEmpty {
      let hint: HTMLHint
      if let cached = hintCache[hash] {
        hint = cached
      } else {
        hint = HTMLHints.hint(for: scratch)
        hintCache[hash] = hint
      }
      let words: [UInt32]
      if let cached = tokenCache[hash] {
        words = cached
      } else {
        words = HTMLTree.classTokens(scratch)
        tokenCache[hash] = words
      }
      nodes[Int(index)].tokenStart = Int32(tokens.count)
      nodes[Int(index)].tokenCount = UInt8(words.count)
      tokens.append(contentsOf: words)
      let existing = nodes[Int(index)].hint
      nodes[Int(index)].hint = HTMLHint(
        isConfidentBoilerplate: hint.isConfidentBoilerplate || existing.isConfidentBoilerplate,
        isWeakBoilerplate: hint.isWeakBoilerplate, isContent: hint.isContent || existing.isContent,
        isStrongBoilerplate: hint.isStrongBoilerplate, isEmbed: hint.isEmbed,
        isHidden: hint.isHidden,
        isStandfirst: hint.isStandfirst,
        isLayoutOnly: hint.isLayoutOnly && !existing.isConfidentBoilerplate,
        isComments: hint.isComments)
    }
    nodes[Int(index)].isHidden = isHidden || nodes[Int(index)].hint.isHidden
    nodes[Int(index)].isArticleBody = isArticleBody
  }

  /// The words of a `class` + `id` value, hashed (FNV-1a, 32 bits): runs of ASCII letters,
  /// lower-cased, cut at a lower-to-upper case change ("shareBar" → "share", "bar"); digits
  /// and punctuation separate; words of one letter are left out; at most 12 words.
  static func classTokens(_ value: [UInt8]) -> [UInt32] {
    var words: [UInt32] = []
    var hash: UInt32 = 0x811C_9DC5
    var length = 0
    var previous: UInt8 = 0
    func close() {
      if length >= 2 && words.count < 12 && !words.contains(hash) { words.append(hash) }
      hash = 0x811C_9DC5
      length = 0
    }
    for byte in value {
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isLower = byte >= 0x61 && byte <= 0x7A
      if isUpper && previous >= 0x61 && previous <= 0x7A { close() }
      if isUpper || isLower {
        hash = (hash ^ UInt32(byte | 0x20)) &* 0x0100_0193
        length += 1
      } else {
        close()
      }
      previous = byte
    }
    close()
    return words
  }

  /// The hashed class and id words of element `index`.
  func classTokens(_ index: Int) -> ArraySlice<UInt32> {
    let node = nodes[index]
    let start = Int(node.tokenStart)
    return tokens[start..<start + Int(node.tokenCount)]
  }

  /// The collapsed text of element `index`'s subtree, at most `limit` bytes.
  func subtreeText(_ index: Int, limit: Int = 2000) -> String {
    var bytes: [UInt8] = []
    var inside = [Int32(index)]
    var position = index + 1
    while position < nodes.count, bytes.count < limit {
      let node = nodes[position]
      while let last = inside.last, last != node.parent { inside.removeLast() }
      if inside.isEmpty { break }
      if node.tag == .text {
        bytes += text[Int(node.textStart)..<Int(node.textEnd)]
      } else if node.tag.isBlock || node.tag == .br {
        if bytes.last != 0x20 { bytes.append(0x20) }
      }
      inside.append(Int32(position))
      position += 1
    }
    return HTMLMetadata.clean(String(decoding: bytes, as: UTF8.self))
  }

  private mutating func readMeta(_ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
    let key =
      HTMLTree.attribute("property", in: attributes) ?? HTMLTree.attribute("name", in: attributes)
      ?? HTMLTree.attribute("itemprop", in: attributes)
      ?? HTMLTree.attribute("http-equiv", in: attributes)
    guard let key, let content = HTMLTree.attribute("content", in: attributes) else { return }
    metas.append((String(cString: key).lowercased(), String(cString: content)))
  }

  private mutating func readLink(_ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
    guard canonical == nil, let rel = HTMLTree.attribute("rel", in: attributes),
      String(cString: rel).lowercased().split(separator: " ").contains("canonical"),
      let href = HTMLTree.attribute("href", in: attributes)
    else { return }
    let value = HTMLMetadata.trimmed(String(cString: href))
    if !value.isEmpty { canonical = value }
  }

  /// The value of attribute `name` (lower case) in a libxml2 attribute array.
  static func attribute(
    _ name: StaticString, in attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  ) -> UnsafePointer<UInt8>? {
    guard var cursor = attributes else { return nil }
    var steps = 0
    while let key = cursor[0], steps < 256 {
      steps += 1
      if equals(key, name) { return cursor[1] }
      cursor += 2
    }
    return nil
  }

  static func contains(_ value: UnsafePointer<UInt8>, _ needle: StaticString) -> Bool {
    var bytes: [UInt8] = []
    var at = value
    while at.pointee != 0 && bytes.count < 256 {
      bytes.append(at.pointee | (at.pointee >= 0x41 && at.pointee <= 0x5A ? 0x20 : 0))
      at += 1
    }
    return contains(bytes, needle)
  }

  /// ASCII case-insensitive comparison of a C string with a lower-case literal.
  static func equals(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let expected = literal.utf8Start
    for offset in 0..<count {
      let byte = value[offset]
      if byte == 0 { return false }
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      let wanted = expected[offset]
      let wantedLower = wanted >= 0x41 && wanted <= 0x5A ? wanted | 0x20 : wanted
      if lower != wantedLower { return false }
    }
    return value[count] == 0
  }

  /// Whether an inline style hides the element (`display:none`, `visibility:hidden`).
  static func styleHides(_ value: UnsafePointer<UInt8>) -> Bool {
    var compact: [UInt8] = []
    var cursor = value
    while cursor.pointee != 0 && compact.count < 512 {
      let byte = cursor.pointee
      if byte != 0x20 && byte != 0x09 && byte != 0x0A {
        compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
      }
      cursor += 1
    }
    return contains(compact, "display:none") || contains(compact, "visibility:hidden")
  }

  private static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard haystack.count >= count else { return false }
    let bytes = needle.utf8Start
    outer: for start in 0...(haystack.count - count) {
      for offset in 0..<count where haystack[start + offset] != bytes[offset] { continue outer }
      return true
    }
    return false
  }
}
