/// The HTML elements the extractor treats specially; everything else is `.inline`.
enum HTMLTag: UInt8 {
  case text  // a text node, not an element
  case inline  // span, b, em, … and unknown elements
  case anchor
  case br
  case paragraph
  case div
  case section
  case article
  case main
  case body
  case h1, heading  // h2–h6
  case list  // ul, ol, dl
  case listItem  // li, dt, dd
  case blockquote
  case pre
  case table, row, cell
  case hr
  case header, footer, nav, aside, form
  case figure, figcaption
  case time
  case address
  case other  // html, center, details, …: a block without special meaning
  case skipped  // style, svg, …: never text
  case script, meta, link, title, html, head  // read for metadata only

  /// Whether the element starts a new block of text.
  var isBlock: Bool {
    switch self {
    case .text, .inline, .anchor, .br, .time, .skipped, .script, .meta, .link, .title: false
    default: true
    }
  }

  /// Whether the element is removed with everything inside unless it holds most of the page.
  var isBoilerplateContainer: Bool {
    switch self {
    case .header, .footer, .nav, .aside, .figure, .figcaption, .form: true
    default: false
    }
  }

  static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag {
    var key: UInt64 = 0
    var length = 0
    while length < 11 {
      let byte = name[length]
      if byte == 0 { break }
      key = key << 8 | UInt64(byte | 0x20)
      length += 1
    }
    if length == 0 || length > 10 { return .inline }
    return byName[key] ?? .inline
  }

  private static func key(_ name: String) -> UInt64 {
    name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
  }

  private static let byName: [UInt64: HTMLTag] = {
    var table: [UInt64: HTMLTag] = [:]
    let entries: [(HTMLTag, [String])] = [
      (.anchor, ["a"]), (.br, ["br"]), (.paragraph, ["p"]), (.div, ["div"]),
      (.section, ["section"]), (.article, ["article"]), (.main, ["main"]), (.body, ["body"]),
      (.h1, ["h1"]), (.heading, ["h2", "h3", "h4", "h5", "h6"]),
      (.list, ["ul", "ol", "dl", "menu"]),
      (.listItem, ["li", "dt", "dd"]), (.blockquote, ["blockquote"]), (.pre, ["pre"]),
      (.table, ["table"]), (.row, ["tr", "thead", "tbody", "tfoot", "caption"]),
      (.cell, ["td", "th"]),
      (.hr, ["hr"]), (.header, ["header"]), (.footer, ["footer"]), (.nav, ["nav"]),
      (.aside, ["aside"]), (.form, ["form"]), (.figure, ["figure"]), (.figcaption, ["figcaption"]),
      (.time, ["time"]), (.address, ["address"]),
      (.script, ["script"]), (.meta, ["meta"]), (.link, ["link"]), (.title, ["title"]),
      (.html, ["html"]), (.head, ["head"]),
      (.other, ["center", "details", "summary", "fieldset", "hgroup", "dialog"]),
      (
        .skipped,
        [
          "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
          "embed", "video", "audio", "picture", "img", "button", "input", "select", "textarea",
          "option", "map", "label", "source", "track", "frame",
          "frameset", "applet", "legend", "datalist", "output", "progress", "meter",
        ]
      ),
    ]
    for (tag, names) in entries {
      for name in names { table[key(name)] = tag }
    }
    return table
  }()
}
