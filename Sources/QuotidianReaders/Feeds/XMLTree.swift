import CLibXML2
import QuotidianCore

/// A small immutable XML tree copied out of libxml2, parsed safely.
///
/// Safety: `XML_PARSE_NONET` (no network), no `XML_PARSE_NOENT` and no `XML_PARSE_DTDLOAD`
/// (entities are never substituted and no external DTD or entity is loaded), no
/// `XML_PARSE_HUGE` (libxml2 keeps its entity-amplification and depth limits, which stop a
/// billion-laughs document). When copying the tree, references to entities declared in the
/// document are dropped, never expanded; the usual HTML entities that feeds borrow
/// (`&nbsp;`, `&mdash;`, …) become their characters. `XML_PARSE_RECOVER` keeps the rest of a
/// feed readable after an undefined entity or a stray `&`.
struct XMLElement {
  var name: String
  var namespace: String?
  var attributes: [String: String]
  var children: [Node]

  enum Node {
    case element(XMLElement)
    case text(String)
  }

  var elements: [XMLElement] {
    children.compactMap { if case .element(let element) = $0 { element } else { nil } }
  }

  /// First child element with local name `name` (and namespace, when given).
  func child(_ name: String, namespace: String? = nil) -> XMLElement? {
    elements.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
  }

  func children(_ name: String, namespace: String? = nil) -> [XMLElement] {
    elements.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
  }

  /// All text below this element, concatenated.
  var text: String {
    var result = ""
    appendText(to: &result, depth: 0)
    return result
  }

  private func appendText(to result: inout String, depth: Int) {
    guard depth < 256 else { return }
    for child in children {
      switch child {
      case .text(let text): result += text
      case .element(let element): element.appendText(to: &result, depth: depth + 1)
      }
    }
  }

  /// Trimmed text, nil when empty.
  var trimmedText: String? {
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return value.isEmpty ? nil : value
  }

  /// The children serialised back to markup (for Atom `type="xhtml"` content).
  var innerXML: String {
    var result = ""
    for child in children { XMLElement.serialize(child, into: &result, depth: 0) }
    return result
  }

  private static func serialize(_ node: Node, into result: inout String, depth: Int) {
    guard depth < 256 else { return }
    switch node {
    case .text(let text): result += escape(text)
    case .element(let element):
      result += "<\(element.name)"
      for (key, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
        result += " \(key)=\"\(escape(value))\""
      }
      result += ">"
      for child in element.children { serialize(child, into: &result, depth: depth + 1) }
      result += "</\(element.name)>"
    }
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}

enum XMLParsing {
  /// Most elements copied out of one document.
  static let maxNodes = 2_000_000
  static let maxDepth = 256

  /// Parses `bytes`; nil when libxml2 finds no root element at all.
  /// `keepsDoctype` exists for the test that libxml2's own entity limits hold.
  static func parse(_ input: [UInt8], keepsDoctype: Bool = false) -> XMLElement? {
    LibXML.initialize()
    let bytes = HTMLEntities.numericReferences(keepsDoctype ? input : withoutDoctype(input))
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        | XML_PARSE_NOBLANKS.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
      guard let base = buffer.baseAddress else {
        preconditionFailure("a non-empty buffer has a base address")
      }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else { return nil }
    var budget = maxNodes
    return copy(root, depth: 0, budget: &budget)
  }

  /// Removes the `<!DOCTYPE …>` declaration with its internal subset. Feeds never need one,
  /// and without it no entity can be declared: entity bombs and external entities are gone
  /// before libxml2 sees them, and their references are dropped like any undefined entity.
  static func withoutDoctype(_ bytes: [UInt8]) -> [UInt8] {
    let marker = Array("<!DOCTYPE".utf8)
    let limit = Swift.min(bytes.count, 1 << 16)
    var start: Int?
    var index = 0
    while index + marker.count <= limit {
      if bytes[index] == UInt8(ascii: "<") {
        if bytes[index..<(index + marker.count)].elementsEqual(
          marker, by: { $0 | 0x20 == $1 | 0x20 })
        {
          start = index
          break
        }
        // Stop at the root element: a DOCTYPE can only come before it.
        if index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "?"),
          bytes[index + 1] != UInt8(ascii: "!")
        {
          return bytes
        }
      }
      index += 1
    }
    guard let start else { return bytes }
    var end = start + marker.count
    var isInSubset = false
    var quote: UInt8?
    while end < bytes.count {
      let byte = bytes[end]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        isInSubset = true
      } else if byte == UInt8(ascii: "]") {
        isInSubset = false
      } else if byte == UInt8(ascii: ">") && !isInSubset {
        break
      }
      end += 1
    }
    return Array(bytes[..<start]) + Array(bytes[Swift.min(end + 1, bytes.count)...])
  }

  private static func copy(_ node: UnsafeMutablePointer<xmlNode>, depth: Int, budget: inout Int)
    -> XMLElement
  {
    var element = XMLElement(
      name: node.pointee.name.map { String(cString: $0) } ?? "",
      namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
      attributes: [:], children: [])
    if let prefix = node.pointee.ns?.pointee.prefix, element.namespace == nil {
      element.name = String(cString: prefix) + ":" + element.name
    }
    var attribute = node.pointee.properties
    while let current = attribute {
      if let name = current.pointee.name {
        var value = ""
        var child = current.pointee.children
        while let text = child {
          if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
            value += String(cString: content)
          }
          child = text.pointee.next
        }
        element.attributes[String(cString: name)] = value
      }
      attribute = current.pointee.next
    }
    guard depth < maxDepth else { return element }
    var child = node.pointee.children
    while let current = child, budget > 0 {
      budget -= 1
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        element.children.append(.element(copy(current, depth: depth + 1, budget: &budget)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          element.children.append(.text(String(cString: content)))
        }
      case XML_ENTITY_REF_NODE:
        // Never expand a declared entity (billion laughs); map the HTML ones feeds borrow.
        if let name = current.pointee.name,
          let character = HTMLEntities.named[String(cString: name)]
        {
          element.children.append(.text(character))
        }
      default:
        break
      }
      child = current.pointee.next
    }
    return element
  }
}

/// HTML named entities that appear in feeds written for browsers, not XML parsers.
enum HTMLEntities {
  /// Rewrites `&eacute;`-style references to HTML entities as numeric character references
  /// (`&#233;`), which XML defines; unknown names are left for the parser to drop.
  static func numericReferences(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "&") {
        var end = index + 1
        while end < bytes.count, end - index <= 10, isNameByte(bytes[end]) { end += 1 }
        if end < bytes.count, end > index + 1, bytes[end] == UInt8(ascii: ";") {
          let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
          if !xmlPredefined.contains(name), let character = named[name],
            let scalar = character.unicodeScalars.first
          {
            output.append(contentsOf: Array("&#\(scalar.value);".utf8))
            index = end + 1
            continue
          }
        }
      }
      output.append(byte)
      index += 1
    }
    return output
  }

  @inline(__always)
  static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  static let xmlPredefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  static let named: [String: String] = [
    "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
    "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
    "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "uuml": "ü",
    "ouml": "ö", "auml": "ä", "szlig": "ß", "euro": "€", "pound": "£", "deg": "°", "middot": "·",
    "bull": "•", "times": "×", "shy": "\u{00AD}", "thinsp": "\u{2009}", "zwnj": "\u{200C}",
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
  ]
}
