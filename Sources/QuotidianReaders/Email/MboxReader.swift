import QuotidianCore

/// mbox mailboxes (RFC 4155): messages separated by `From ` lines, each read by ``EmailReader``
/// as an article whose source is `path#n` (1-based).
public enum MboxReader {
  /// Whether `bytes` start with an mbox envelope line followed by a header field.
  public static func sniff(_ bytes: [UInt8]) -> Bool {
    guard bytes.starts(with: Array("From ".utf8)) else { return false }
    guard let newline = bytes.prefix(1024).firstIndex(of: 0x0A) else { return false }
    return EmailReader.sniff(Array(bytes[(newline + 1)...].prefix(8192)))
      || MIMEHeaders.parse(bytes[(newline + 1)...].prefix(2048)).0.fields.count >= 2
  }

  static func read(bytes: [UInt8], source: String) throws(ReadError) -> [Article] {
    try readBatch(bytes: bytes, source: source).articlesOrThrow(source: source)
  }

  /// Every message in the mailbox; an unreadable message is an error for `path#n` only.
  public static func readBatch(bytes: [UInt8], source: String) -> ReadBatch {
    var batch = ReadBatch()
    for (index, message) in messages(in: bytes).enumerated() {
      let messageSource = "\(source)#\(index + 1)"
      do {
        batch.articles.append(try EmailReader.read(message: message[...], source: messageSource))
      } catch {
        batch.errors.append(error)
      }
    }
    return batch
  }

  /// Splits on envelope lines ("From " at the start of the file or after an empty line) and
  /// undoes mboxrd/mboxo quoting (">From " → "From ", ">>From " → ">From ").
  static func messages(in bytes: [UInt8]) -> [[UInt8]] {
    var messages: [[UInt8]] = []
    var current: [UInt8] = []
    var hasMessage = false
    var previousWasEmpty = true
    var lineStart = 0
    let from = Array("From ".utf8)
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let next = min(lineEnd + 1, bytes.count)
      let line = bytes[lineStart..<next]
      if previousWasEmpty && line.starts(with: from) {
        if hasMessage { messages.append(current) }
        current = []
        hasMessage = true
      } else if hasMessage || !line.allSatisfy({ $0 == 0x0A || $0 == 0x0D }) {
        hasMessage = true
        var quoteCount = 0
        while lineStart + quoteCount < lineEnd && bytes[lineStart + quoteCount] == UInt8(ascii: ">")
        { quoteCount += 1 }
        if quoteCount > 0 && bytes[(lineStart + quoteCount)..<lineEnd].starts(with: from) {
          current.append(contentsOf: line.dropFirst())
        } else {
          current.append(contentsOf: line)
        }
      }
      let content = bytes[lineStart..<lineEnd]
      previousWasEmpty = content.isEmpty || (content.count == 1 && content.first == 0x0D)
      lineStart = next
    }
    if hasMessage { messages.append(current) }
    return messages.filter { !$0.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 } }
  }
}
