import CLibXML2
import Glibc
import QuotidianCore

/// Plain text of an HTML fragment (feed item content, a mail body) without boilerplate
/// removal: every text node outside script/style, with paragraph breaks at block elements.
///
/// Readers call ``HTMLReader`` first for whole pages; this is the fallback for fragments the
/// main-text extractor finds too short, and for `Article`s that must keep all their text.
enum HTMLFragment {
  /// Parses `html` (UTF-8) and returns its text: paragraphs separated by a blank line,
  /// white space collapsed inside a paragraph.
  static func text(_ html: String) -> String {
    page(html).text
  }

  /// The text of `html`, its `<title>` and its `<meta name|property=… content=…>` values
  /// (keys lower-cased; the first occurrence wins).
  static func page(_ html: String) -> (text: String, title: String?, meta: [String: String]) {
    LibXML.initialize()
    let bytes = Array(html.utf8)
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return ("", nil, [:]) }
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
      guard let base = buffer.baseAddress else {
        preconditionFailure("a non-empty buffer has a base address")
      }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
      }
    }
    guard let document else { return ("", nil, [:]) }
    defer { xmlFreeDoc(document) }
    var builder = TextBuilder()
    if let root = xmlDocGetRootElement(document) { builder.walk(root, depth: 0) }
    let text = builder.finish()
    let title = builder.title.map {
      $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    return (text, title?.isEmpty == false ? title : nil, builder.meta)
  }

  /// An article from `html` without boilerplate removal: text, title (`og:title`, else
  /// `<title>`), authors, published date and outlet from the common `<meta>` names.
  static func article(_ html: String, source: String, format: String) -> Article {
    let (text, title, meta) = page(html)
    var metadata = ArticleMetadata()
    metadata.title = meta["og:title"] ?? title
    if let author = meta["author"] ?? meta["article:author"] ?? meta["dc.creator"],
      !author.hasPrefix("http")
    {
      metadata.authors = [author]
    }
    metadata.published = meta["article:published_time"] ?? meta["date"] ?? meta["dc.date"]
    metadata.outlet = meta["og:site_name"]
    metadata.description = meta["description"] ?? meta["og:description"]
    metadata.url = meta["og:url"]
    return Article(text: text, metadata: metadata, source: source, format: format)
  }

  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "iframe", "title",
  ]
  static let blocks: Set<String> = [
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "pre",
    "figure", "figcaption", "hr", "dl", "dt", "dd", "address", "center", "body", "html",
  ]

  struct TextBuilder {
    var paragraphs: [String] = []
    var current: [UInt8] = []
    var pendingSpace = false
    var title: String?
    var meta: [String: String] = [:]

    mutating func walk(_ node: UnsafeMutablePointer<xmlNode>, depth: Int) {
      visit(node, depth: depth)
    }

    mutating func visit(_ node: UnsafeMutablePointer<xmlNode>, depth: Int) {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content { append(content) }
      case XML_ELEMENT_NODE:
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        if name == "title" && title == nil {
          if let content = xmlNodeGetContent(node) {
            title = String(cString: content)
            free(content)  // xmlFree is free() unless a custom allocator is installed (never here)
          }
        }
        if name == "meta" {
          let key =
            (attribute(node, "property") ?? attribute(node, "name") ?? attribute(node, "itemprop"))?
            .lowercased()
          if let key, let content = attribute(node, "content"), meta[key] == nil {
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { meta[key] = trimmed }
          }
          return
        }
        if HTMLFragment.skipped.contains(name) { return }
        if name == "br" {
          breakLine()
          return
        }
        let isBlock = HTMLFragment.blocks.contains(name)
        if isBlock { breakParagraph() }
        guard depth < 200 else { return }
        var child = node.pointee.children
        while let current = child {
          visit(current, depth: depth + 1)
          child = current.pointee.next
        }
        if isBlock { breakParagraph() }
      default:
        return
      }
    }

    func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
      guard let value = xmlGetProp(node, name) else { return nil }
      defer { free(value) }
      return String(cString: value)
    }

    mutating func append(_ content: UnsafePointer<xmlChar>) {
      var pointer = content
      while pointer.pointee != 0 {
        let byte = pointer.pointee
        if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
          pendingSpace = true
        } else {
          if pendingSpace && !current.isEmpty && current.last != 0x0A { current.append(0x20) }
          pendingSpace = false
          current.append(byte)
        }
        pointer += 1
      }
    }

    mutating func breakLine() {
      if !current.isEmpty && current.last != 0x0A { current.append(0x0A) }
      pendingSpace = false
    }

    mutating func breakParagraph() {
      while current.last == 0x0A { current.removeLast() }
      if !current.isEmpty {
        let text = String(decoding: current, as: UTF8.self).replacingOccurrences(
          of: "\u{00A0}", with: " ")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { paragraphs.append(trimmed) }
      }
      current = []
      pendingSpace = false
    }

    mutating func finish() -> String {
      breakParagraph()
      return paragraphs.joined(separator: "\n\n")
    }
  }
}

/// One-time libxml2 set-up (thread safety of the parser globals).
enum LibXML {
  private static let initialized: Bool = {
    xmlInitParser()
    xmlThrDefSetStructuredErrorFunc(nil) { _, _ in }
    return true
  }()

  /// Call before parsing on each thread: libxml2 error handlers are per-thread, and without
  /// one it prints some errors ("I/O error : encoder error") to stderr despite
  /// `XML_PARSE_NOERROR`. Errors are not needed: the parsers run in recover mode.
  static func initialize() {
    _ = initialized
    xmlSetStructuredErrorFunc(nil) { _, _ in }
  }
}
