/// Guesses a format from the first bytes and the file name. Content wins over the name when
/// it is unambiguous (a `WARC/1.` record, an HTML doctype, MIME headers); the name decides
/// the rest; plain text is the fallback.
enum FormatDetector {
  /// How many leading bytes are sniffed.
  static let sniffLength = 64 << 10

  static func detect(bytes: [UInt8], name: String) -> Format {
    var head = Array(bytes.prefix(sniffLength))
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
    if let format = sniff(head) { return format }
    if let format = byExtension(name.lowercased()) { return format }
    if isNewsletter(head) { return .newsletter }
    return .text
  }

  static func byExtension(_ name: String) -> Format? {
    let table: [(String, Format)] = [
      (".html", .html), (".htm", .html), (".xhtml", .html), (".eml", .email), (".mbox", .mbox),
      (".warc", .warc), (".jsonl", .jsonLines), (".ndjson", .jsonLines), (".rss", .feed),
      (".atom", .feed),
    ]
    let stripped = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
    return table.first { stripped.hasSuffix($0.0) }?.1
  }

  /// Formats recognisable from the content alone.
  static func sniff(_ head: [UInt8]) -> Format? {
    var start = 0
    while start < head.count, ByteText.isSpace(head[start]) { start += 1 }
    let content = head[start...]
    if content.starts(with: Array("WARC/1.".utf8)) { return .warc }
    let lower = String(decoding: content.prefix(2048).map(ByteText.lowered), as: UTF8.self)
    if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
    if lower.hasPrefix("<rss") || lower.hasPrefix("<feed") || lower.hasPrefix("<rdf:rdf") {
      return .feed
    }
    if lower.hasPrefix("<?xml") {
      if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
        return .feed
      }
      if lower.contains("<html") { return .html }
    }
    if content.first == 0x7B {
      if lower.contains("\"version\"") && lower.contains("jsonfeed.org") { return .feed }
      let firstLine = content.prefix { $0 != 0x0A }
      if let trimmed = ByteText.trimmed(firstLine), trimmed.last == 0x7D { return .jsonLines }
    }
    if isMbox(content) { return .mbox }
    if isEmail(content) { return .email }
    if isNewsletter(head) { return .newsletter }
    if lower.hasPrefix("<")
      && (lower.contains("<body") || lower.contains("<head") || lower.contains("<p>"))
    {
      return .html
    }
    return nil
  }

  static let mailHeaders: Set<String> = [
    "content-type", "date", "delivered-to", "from", "message-id", "mime-version", "received",
    "reply-to", "return-path", "subject", "to", "x-mailer",
  ]

  /// The header name of a `Name: value` line, lowercased, or nil.
  static func headerName(_ line: ArraySlice<UInt8>) -> String? {
    guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
      colon - line.startIndex <= 40
    else {
      return nil
    }
    let name = line[line.startIndex..<colon]
    guard name.allSatisfy({ ByteText.isASCIILetter($0) || ByteText.isDigit($0) || $0 == 0x2D })
    else { return nil }
    return String(decoding: name.map(ByteText.lowered), as: UTF8.self)
  }

  /// MIME headers at the top: the first line and at least one more among the first twenty
  /// are known mail headers.
  static func isEmail(_ content: ArraySlice<UInt8>) -> Bool {
    var known = 0
    var lineCount = 0
    for line in content.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(20) {
      lineCount += 1
      let line = line.last == 0x0D ? line.dropLast() : line
      if line.isEmpty { break }
      if line.first == 0x20 || line.first == 0x09 { continue }
      guard let name = headerName(line) else {
        if lineCount == 1 { return false }
        continue
      }
      if mailHeaders.contains(name) {
        known += 1
      } else if lineCount == 1 && !name.hasPrefix("x-") {
        return false
      }
    }
    return known >= 2
  }

  /// An mbox starts with a `From sender date` line followed by mail headers.
  static func isMbox(_ content: ArraySlice<UInt8>) -> Bool {
    guard content.starts(with: Array("From ".utf8)) else { return false }
    let lines = content.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
    guard lines.count >= 2 else { return false }
    let words = lines[0].split(separator: 0x20)
    guard words.count >= 3 else { return false }
    let sender = words[1]
    let looksLikeSender =
      sender.contains(0x40) || sender.elementsEqual("MAILER-DAEMON".utf8)
      || sender.elementsEqual([0x2D])
    return looksLikeSender && headerName(lines[1]) != nil
  }

  /// A plain-text newsletter copy: link markers, or a subscription footer near the end.
  static func isNewsletter(_ head: [UInt8]) -> Bool {
    let markers = ["[[link removed]]", "[link removed]"].map { Array($0.utf8) }
    return head.withUnsafeBufferPointer { buffer in
      guard buffer.count >= 14 else { return false }
      for index in 0..<(buffer.count - 13) where buffer[index] == 0x5B {
        for marker in markers where index + marker.count <= buffer.count {
          if marker.indices.allSatisfy({ buffer[index + $0] == marker[$0] }) { return true }
        }
      }
      return false
    }
  }
}
