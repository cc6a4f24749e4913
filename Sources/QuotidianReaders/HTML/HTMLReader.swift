import CLibXML2
import QuotidianCore

/// HTML pages: main text and metadata, parsed with libxml2's forgiving HTML parser.
///
/// The charset is sniffed (BOM, declaration, validity) and the page handed to libxml2 as
/// UTF-8 where possible; the tree is copied into an ``HTMLTree``, the metadata read by
/// ``HTMLMetadata`` and the main text found by ``HTMLMainText`` (the learned block classifier).
enum HTMLReader {
  private static let parserReady: Bool = {
    xmlInitParser()
    return true
  }()

  static let parseOptions = Int32(
    bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
      | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

  static func read(
    bytes: [UInt8], source: String, includeComments: Bool = false, model: HTMLBlockModel? = nil
  ) throws(ReadError) -> Article {
    let model = model ?? .standard
    guard bytes.contains(where: { $0 > 0x20 }) else {
      throw ReadError(source: source, kind: .empty)
    }
    guard let tree = parse(bytes) else {
      throw ReadError(source: source, kind: .malformed(reason: "no HTML document could be parsed"))
    }
    let metadata = HTMLMetadata(tree: tree)
    var extractor = HTMLMainText(tree: tree, articleBody: metadata.articleBody, model: model)
    extractor.includeComments = includeComments
    var paragraphs = extractor.paragraphs()
    // The publisher's own `articleBody` (JSON-LD) wins when the page's blocks gave much less:
    // a page that renders its article with scripts, or a layout the extractor misread.
    if let body = metadata.articleBody, !body.contains("</") {
      let found = paragraphs.reduce(0) { $0 + $1.utf8.count }
      let declared = body.utf8.count
      if found == 0 || (declared >= 400 && declared >= 2 * found) {
        paragraphs = body.split(whereSeparator: \.isNewline).map { HTMLMetadata.clean(String($0)) }
          .filter { !$0.isEmpty }
      }
    }
    if paragraphs.isEmpty, let description = metadata.description, !description.isEmpty {
      paragraphs = [description]  // the last resort: the page's own summary
    }
    let text = HTMLNormalization.nfc(paragraphs.joined(separator: "\n\n"))
    guard !text.isEmpty else { throw ReadError(source: source, kind: .empty) }
    var article = Article(
      text: text, metadata: metadata.articleMetadata, source: source, format: Format.html.name)
    article.metadata.modified = metadata.modified
    return article
  }

  /// Parses `bytes` into an ``HTMLTree``, or nil when libxml2 returns no document.
  static func parse(_ bytes: [UInt8]) -> HTMLTree? {
    _ = parserReady
    return bytes.withUnsafeBufferPointer { buffer -> HTMLTree? in
      let (charset, bomLength) = HTMLCharset.detect(buffer)
      let body = UnsafeBufferPointer(rebasing: buffer[bomLength...])
      switch charset {
      case .utf8:
        return parse(body, encoding: "UTF-8")
      case .utf8Repairing:
        let repaired = HTMLCharset.repairedUTF8(body)
        return repaired.withUnsafeBufferPointer { parse($0, encoding: "UTF-8") }
      case .windows1252:
        let converted = HTMLCharset.utf8(fromWindows1252: body)
        return converted.withUnsafeBufferPointer { parse($0, encoding: "UTF-8") }
      case .other(let label):
        if !label.uppercased().hasPrefix("UTF-16"), !label.uppercased().hasPrefix("UTF-32"),
          let converted = HTMLCharset.utf8(from: body, label: label)
        {
          return converted.withUnsafeBufferPointer { parse($0, encoding: "UTF-8") }
        }
        if let handler = xmlFindCharEncodingHandler(label) {
          xmlCharEncCloseFunc(handler)
          if let tree = parse(body, encoding: label) { return tree }
        }
        let converted = HTMLCharset.utf8(fromWindows1252: body)
        return converted.withUnsafeBufferPointer { parse($0, encoding: "UTF-8") }
      }
    }
  }

  /// Parses with libxml2's SAX interface straight into an ``HTMLTree``: no libxml2 tree is
  /// built or freed.
  private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, encoding: String) -> HTMLTree? {
    if !encoding.uppercased().hasPrefix("UTF-16"), !encoding.uppercased().hasPrefix("UTF-32"),
      let filtered = HTMLPrefilter.filter(buffer)
    {
      return filtered.withUnsafeBufferPointer { parseFiltered($0, encoding: encoding) }
    }
    return parseFiltered(buffer, encoding: encoding)
  }

  private static func parseFiltered(_ buffer: UnsafeBufferPointer<UInt8>, encoding: String)
    -> HTMLTree?
  {
    guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else {
      return nil
    }
    guard let context = htmlNewParserCtxt() else { return nil }
    defer { htmlFreeParserCtxt(context) }
    let builder = TreeBuilder()
    guard let sax = context.pointee.sax else { return nil }
    sax.pointee = makeSAXHandler()
    context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
    let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
      htmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, encoding, parseOptions)
    }
    if let document { xmlFreeDoc(document) }
    withExtendedLifetime(builder) {}
    return builder.tree
  }

  final class TreeBuilder {
    var tree = HTMLTree()
  }

  private static func builder(_ context: UnsafeMutableRawPointer?) -> TreeBuilder? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let pointer = parser.pointee._private else { return nil }
    return Unmanaged<TreeBuilder>.fromOpaque(pointer).takeUnretainedValue()
  }

  private static func makeSAXHandler() -> htmlSAXHandler {
    var handler = htmlSAXHandler()
    handler.startElement = { context, name, attributes in
      guard let name, let builder = HTMLReader.builder(context) else { return }
      builder.tree.start(name, attributes)
    }
    handler.endElement = { context, _ in
      HTMLReader.builder(context)?.tree.end()
    }
    let characters: charactersSAXFunc = { context, content, length in
      guard let content, let builder = HTMLReader.builder(context) else { return }
      builder.tree.characters(content, count: Int(length))
    }
    handler.characters = characters
    handler.ignorableWhitespace = characters
    handler.cdataBlock = characters
    handler.initialized = 0
    return handler
  }
}
