import CLibXML2

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
  }

  var nodes: [Node] = []
  var text: [UInt8] = []
  /// `<meta>` pairs: property/name/itemprop (lower-cased) → content.
  var metas: [(key: String, value: String)] = []
  var jsonLD: [String] = []
  var canonical: String?
  var language: String?
  var title: String?
  /// Index of the `<body>` element, or 0.
  var body: Int32 = 0

  init(document: htmlDocPtr) {
    nodes.reserveCapacity(4096)
    text.reserveCapacity(64 << 10)
    // The synthetic root, parent of everything.
    nodes.append(Node(tag: .other, parent: -1))
    var hintCache: [[UInt8]: HTMLHint] = [:]
    var scratch: [UInt8] = []
    var parents: [Int32] = [0]
    var current: xmlNodePtr? = document.pointee.children
    var steps = 0
    while let node = current, steps < 5_000_000 {
      steps += 1
      var descend = false
      let parent = parents[parents.count - 1]
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        let tag = node.pointee.name.map { HTMLTag.named($0) } ?? .inline
        switch tag {
        case .skipped: break
        case .script: readScript(node)
        case .meta: readMeta(node)
        case .link: readLink(node)
        case .title:
          if title == nil, let content = HTMLTree.textContent(node) { title = content }
        default:
          let index = append(Node(tag: tag, parent: parent))
          readAttributes(node, into: index, cache: &hintCache, scratch: &scratch)
          if tag == .body, body == 0 { body = index }
          if node.pointee.children != nil {
            parents.append(index)
            descend = true
          }
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content { appendText(content, parent: parent) }
      default: break
      }
      if descend, let child = node.pointee.children {
        current = child
        continue
      }
      // Next sibling, or climb until an ancestor has one.
      var cursor: xmlNodePtr? = node
      current = nil
      while let at = cursor {
        if let next = at.pointee.next {
          current = next
          break
        }
        cursor = at.pointee.parent
        if cursor == nil || cursor.map({ UnsafeMutableRawPointer($0) }) == UnsafeMutableRawPointer(document) {
          break
        }
        if parents.count > 1 { parents.removeLast() }
      }
    }
  }

  @discardableResult
  private mutating func append(_ node: Node) -> Int32 {
    let index = Int32(nodes.count)
    nodes.append(node)
    let parent = Int(node.parent)
    if parent >= 0 {
      let last = nodes[parent].lastChild
      if last >= 0 { nodes[Int(last)].nextSibling = index } else { nodes[parent].firstChild = index }
      nodes[parent].lastChild = index
    }
    return index
  }

  /// Appends a text node with runs of white space collapsed to one space.
  private mutating func appendText(_ content: UnsafePointer<UInt8>, parent: Int32) {
    let start = text.count
    var pendingSpace = false
    var cursor = content
    var sawText = false
    while cursor.pointee != 0 {
      let byte = cursor.pointee
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
        pendingSpace = true
      } else if byte == 0xC2 && cursor[1] == 0xA0 {  // no-break space
        pendingSpace = true
        cursor += 1
      } else {
        if pendingSpace && (sawText || true) { text.append(0x20) }
        pendingSpace = false
        sawText = true
        text.append(byte)
      }
      cursor += 1
    }
    if pendingSpace { text.append(0x20) }
    if text.count == start { return }
    var node = Node(tag: .text, parent: parent)
    node.textStart = Int32(start)
    node.textEnd = Int32(text.count)
    append(node)
  }

  private mutating func readAttributes(
    _ node: xmlNodePtr, into index: Int32, cache: inout [[UInt8]: HTMLHint], scratch: inout [UInt8]
  ) {
    scratch.removeAll(keepingCapacity: true)
    var attribute = node.pointee.properties
    var isHidden = false
    var isArticleBody = false
    while let current = attribute {
      attribute = current.pointee.next
      guard let name = current.pointee.name, let value = current.pointee.children?.pointee.content else {
        if let name = current.pointee.name, HTMLTree.equals(name, "hidden") { isHidden = true }
        continue
      }
      switch name[0] | 0x20 {
      case UInt8(ascii: "c") where HTMLTree.equals(name, "class"),
        UInt8(ascii: "i") where HTMLTree.equals(name, "id"):
        if !scratch.isEmpty { scratch.append(0x20) }
        var cursor = value
        while cursor.pointee != 0 && scratch.count < 256 {
          scratch.append(cursor.pointee)
          cursor += 1
        }
      case UInt8(ascii: "i") where HTMLTree.equals(name, "itemprop"):
        if HTMLTree.equals(value, "articleBody") { isArticleBody = true }
      case UInt8(ascii: "h") where HTMLTree.equals(name, "hidden"):
        isHidden = true
      case UInt8(ascii: "a") where HTMLTree.equals(name, "aria-hidden"):
        if HTMLTree.equals(value, "true") { isHidden = true }
      case UInt8(ascii: "s") where HTMLTree.equals(name, "style"):
        isHidden = isHidden || HTMLTree.styleHides(value)
      case UInt8(ascii: "r") where HTMLTree.equals(name, "role"):
        let role = String(cString: value).lowercased()
        switch role {
        case "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu",
          "menubar", "toolbar", "search", "tablist":
          nodes[Int(index)].hint.isConfidentBoilerplate = true
        case "main", "article": nodes[Int(index)].hint.isContent = true
        default: break
        }
      case UInt8(ascii: "l") where HTMLTree.equals(name, "lang"):
        if nodes[Int(index)].tag == .html, language == nil { language = String(cString: value) }
      default: break
      }
    }
    if !scratch.isEmpty {
      let hint: HTMLHint
      if let cached = cache[scratch] {
        hint = cached
      } else {
        hint = HTMLHints.hint(for: scratch)
        cache[scratch] = hint
      }
      let existing = nodes[Int(index)].hint
      nodes[Int(index)].hint = HTMLHint(
        isConfidentBoilerplate: hint.isConfidentBoilerplate || existing.isConfidentBoilerplate,
        isWeakBoilerplate: hint.isWeakBoilerplate, isContent: hint.isContent || existing.isContent,
        isHidden: hint.isHidden)
    }
    nodes[Int(index)].isHidden = isHidden || nodes[Int(index)].hint.isHidden
    nodes[Int(index)].isArticleBody = isArticleBody
  }

  private mutating func readMeta(_ node: xmlNodePtr) {
    var key: String?
    var content: String?
    var attribute = node.pointee.properties
    while let current = attribute {
      attribute = current.pointee.next
      guard let name = current.pointee.name, let value = current.pointee.children?.pointee.content else {
        continue
      }
      if HTMLTree.equals(name, "property") || HTMLTree.equals(name, "name")
        || HTMLTree.equals(name, "itemprop") || HTMLTree.equals(name, "http-equiv")
      {
        if key == nil { key = String(cString: value).lowercased() }
      } else if HTMLTree.equals(name, "content") {
        content = String(cString: value)
      }
    }
    if let key, let content { metas.append((key, content)) }
  }

  private mutating func readLink(_ node: xmlNodePtr) {
    var isCanonical = false
    var href: String?
    var attribute = node.pointee.properties
    while let current = attribute {
      attribute = current.pointee.next
      guard let name = current.pointee.name, let value = current.pointee.children?.pointee.content else {
        continue
      }
      if HTMLTree.equals(name, "rel") {
        isCanonical = String(cString: value).lowercased().split(separator: " ").contains("canonical")
      } else if HTMLTree.equals(name, "href") {
        href = String(cString: value)
      }
    }
    if isCanonical, canonical == nil, let href, !href.isEmpty { canonical = href }
  }

  private mutating func readScript(_ node: xmlNodePtr) {
    var attribute = node.pointee.properties
    while let current = attribute {
      attribute = current.pointee.next
      guard let name = current.pointee.name, HTMLTree.equals(name, "type"),
        let value = current.pointee.children?.pointee.content
      else { continue }
      if String(cString: value).lowercased().contains("ld+json"), let content = HTMLTree.textContent(node) {
        jsonLD.append(content)
      }
    }
  }

  /// The concatenated text children of `node`.
  static func textContent(_ node: xmlNodePtr) -> String? {
    var result = ""
    var child = node.pointee.children
    while let current = child {
      if let content = current.pointee.content { result += String(cString: content) }
      child = current.pointee.next
    }
    return result.isEmpty ? nil : result
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
      if byte != 0x20 && byte != 0x09 && byte != 0x0A { compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
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
