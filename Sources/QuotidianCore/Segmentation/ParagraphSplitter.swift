/// Splits text into paragraphs.
///
/// Paragraphs are separated by blank lines; in text that is not hard-wrapped every line is
/// a paragraph (headings, bylines). In hard-wrapped text (most lines close to one width, as
/// in plain-text newsletters) a line break ends a paragraph only after a short line that
/// ends a sentence, so that a sentence or quote wrapped over several lines stays whole.
/// One pass over the bytes, O(n).
public struct ParagraphSplitter: Component {
  public init() {}

  public var name: String { "paragraphs" }
  public var requires: Set<Layer> { [] }
  public var provides: Set<Layer> { [.paragraphs] }

  public func process(_ document: inout Document) {
    document.paragraphs = paragraphs(in: document.text)
  }

  struct Line {
    var start: Int
    var end: Int
    /// Trimmed content bounds.
    var contentStart: Int
    var contentEnd: Int
    var isBlank: Bool { contentStart >= contentEnd }
    var width: Int { contentEnd - contentStart }
  }

  func paragraphs(in text: String) -> [TextRange] {
    Bytes.with(text) { bytes in
      let lines = ParagraphSplitter.lines(bytes)
      let wrapWidth = ParagraphSplitter.hardWrapWidth(lines)
      var result: [TextRange] = []
      var current: TextRange?
      func flush() {
        if let range = current { result.append(range) }
        current = nil
      }
      var previous: Line?
      for line in lines {
        if line.isBlank {
          flush()
          previous = nil
          continue
        }
        let range = TextRange(line.contentStart, line.contentEnd)
        if var open = current, let previous, let width = wrapWidth,
          !ParagraphSplitter.endsParagraph(previous, next: line, width: width, bytes: bytes)
        {
          open.upperBound = range.upperBound
          current = open
        } else {
          flush()
          current = range
        }
        previous = line
      }
      flush()
      return result
    }
  }

  static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
    var lines: [Line] = []
    var start = 0
    var i = 0
    let count = bytes.count
    func add(_ end: Int) {
      var s = start
      var e = end
      while s < e {
        let (cls, length) = Bytes.classify(bytes, s)
        if cls == .space || cls == .ignorable { s += length } else { break }
      }
      while e > s {
        let p = Bytes.previousStart(bytes, e)
        let (cls, _) = Bytes.classify(bytes, max(p, 0))
        if cls == .space || cls == .ignorable { e = max(p, s) } else { break }
      }
      lines.append(Line(start: start, end: end, contentStart: s, contentEnd: e))
    }
    while i < count {
      let byte = bytes[i]
      if byte == 0x0A || byte == 0x0D {
        add(i)
        if byte == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
        i += 1
        start = i
      } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80,
        bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
      {
        add(i)
        i += 3
        start = i
      } else {
        i += 1
      }
    }
    if start < count { add(count) }
    return lines
  }

  /// The wrap width when the text looks hard-wrapped, else nil.
  static func hardWrapWidth(_ lines: [Line]) -> Int? {
    var widths: [Int] = []
    var adjacent = 0
    var previousBlank = true
    for line in lines {
      if line.isBlank {
        previousBlank = true
        continue
      }
      if !previousBlank { adjacent += 1 }
      previousBlank = false
      widths.append(line.width)
    }
    guard widths.count >= 8, adjacent * 2 >= widths.count else { return nil }
    let sorted = widths.sorted()
    let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
    guard p90 >= 40, p90 <= 120 else { return nil }
    let near = widths.filter { $0 >= p90 * 7 / 10 && $0 <= p90 + 12 }.count
    return near * 2 >= widths.count ? p90 : nil
  }

  /// In hard-wrapped text: does `line` end its paragraph?
  static func endsParagraph(_ line: Line, next: Line, width: Int, bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let isShort = line.width < width * 3 / 4
    guard isShort else { return false }
    let last = Bytes.previousStart(bytes, line.contentEnd)
    guard last >= 0 else { return true }
    let byte = bytes[last]
    if byte == 0x2E || byte == 0x3F || byte == 0x21 || byte == 0x3A || byte == 0x22 || byte == 0x29
    {
      return true
    }
    if let mark = Bytes.mark(bytes, last), mark == .rightDouble || mark == .rightSingle {
      return true
    }
    if byte == 0xE2, last + 2 < bytes.count, bytes[last + 2] == 0xA6 { return true }
    // A short line with no final punctuation: a heading, unless the next line continues it
    // in lower case or is an inline marker.
    let first = next.contentStart
    if bytes[first] == 0x5B { return false }
    let (cls, _) = Bytes.classify(bytes, first)
    if cls == .letter, !Bytes.isUppercase(bytes, first) { return false }
    return line.width < width / 2
  }
}
