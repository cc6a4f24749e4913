import QuotidianCore

/// Plain-text copies of email newsletters that forward an article.
///
/// The copy has a header block (title, author, date, outlet, share buttons, an italic
/// standfirst), `[[link removed]]` markers, hard-wrapped lines, photo captions and a
/// subscription footer. The reader keeps only the article's paragraphs and moves the header
/// into ``ArticleMetadata``.
enum NewsletterReader {
  static func read(bytes: [UInt8], source: String) throws(ReadError) -> Article {
    let body = try TextDecoding.validatedUTF8(bytes, source: source)
    let cleaned = NewsletterCleaner.clean(Array(body))
    guard !cleaned.text.isEmpty else { throw ReadError(source: source, kind: .empty) }
    return Article(
      text: cleaned.text, metadata: cleaned.metadata, source: source, format: Format.newsletter.name
    )
  }
}

/// The cleaning itself: a pure function from bytes to text and metadata.
struct NewsletterCleaner {
  struct Result {
    var text: String
    var metadata: ArticleMetadata
  }

  /// One source line with its link markers removed.
  struct Line {
    enum Kind { case blank, marker, asterisks, text }
    var kind: Kind
    /// The text without markers, runs of spaces collapsed, trimmed.
    var visible: [UInt8]
    /// Length of the raw line without trailing white space: bytes and Unicode scalars.
    var rawBytes: Int
    var rawScalars: Int
    /// Length of the raw line's first word, bytes and scalars (`Int.max / 4` for a marker).
    var firstWordBytes: Int
    var firstWordScalars: Int
    var markers: Int
    var startsWithMarker: Bool
  }

  /// How lines are measured to find the wrap width: newsletters wrap by bytes or by characters.
  enum Measure { case bytes, scalars }

  let lines: [Line]

  static func clean(_ bytes: [UInt8]) -> Result {
    let lines = ByteText.lineRanges(bytes).map { scanLine(bytes[$0]) }
    return NewsletterCleaner(lines: lines).clean()
  }

  func clean() -> Result {
    var metadata = ArticleMetadata()
    let bodyStart = parseHeader(into: &metadata)
    let bodyEnd = footerStart(after: bodyStart)
    var paragraphs = reflow(lines[bodyStart..<bodyEnd])
    paragraphs.removeAll(where: Self.isCaptionOrArt)
    if let last = paragraphs.last, Self.isItalicBio(last) { paragraphs.removeLast() }
    var output: [UInt8] = []
    output.reserveCapacity(lines.reduce(0) { $0 + $1.visible.count + 1 })
    for paragraph in paragraphs {
      let fixed = Self.strippingItalics(Self.fixingDropCap(paragraph))
      guard let trimmed = ByteText.trimmed(fixed[...]) else { continue }
      if !output.isEmpty { output.append(contentsOf: [0x0A, 0x0A]) }
      output.append(contentsOf: trimmed)
    }
    return Result(text: String(decoding: output, as: UTF8.self), metadata: metadata)
  }

  // MARK: Lines

  /// Splits off link markers (`[[link removed]]`, `[link removed]`, `[[image removed]]`…).
  static func scanLine(_ raw: ArraySlice<UInt8>) -> Line {
    var visible: [UInt8] = []
    visible.reserveCapacity(raw.count)
    var markers = 0
    var startsWithMarker = false
    var afterMarker = false
    var index = raw.startIndex
    var rawEnd = raw.endIndex
    while rawEnd > raw.startIndex, ByteText.isSpace(raw[rawEnd - 1]) { rawEnd -= 1 }
    var rawScalars = 0
    var firstWordBytes = 0
    var firstWordScalars = 0
    var inFirstWord = true
    var leading = true
    while index < rawEnd {
      let byte = raw[index]
      if byte == 0x5B, let length = markerLength(raw, at: index) {
        if leading { startsWithMarker = true }
        if inFirstWord && !leading { inFirstWord = false }
        markers += 1
        afterMarker = true
        if visible.last != 0x20 && !visible.isEmpty { visible.append(0x20) }
        index += length
        rawScalars += length
        leading = false
        continue
      }
      if byte & 0xC0 != 0x80 { rawScalars += 1 }
      if ByteText.isSpace(byte) {
        if !leading { inFirstWord = false }
        if !visible.isEmpty && visible.last != 0x20 { visible.append(0x20) }
        index += 1
        continue
      }
      if leading { leading = false }
      if inFirstWord && !startsWithMarker {
        firstWordBytes += 1
        if byte & 0xC0 != 0x80 { firstWordScalars += 1 }
      }
      if afterMarker, visible.last == 0x20, isAttachingPunctuation(byte) { visible.removeLast() }
      afterMarker = false
      visible.append(byte)
      index += 1
    }
    if visible.last == 0x20 { visible.removeLast() }
    let kind: Line.Kind
    if visible.isEmpty {
      kind = markers > 0 ? .marker : .blank
    } else if visible.allSatisfy({ $0 == 0x2A || $0 == 0x20 }) {
      kind = .asterisks
    } else {
      kind = .text
    }
    let unknown = Int.max / 4
    return Line(
      kind: kind, visible: visible, rawBytes: rawEnd - raw.startIndex, rawScalars: rawScalars,
      firstWordBytes: startsWithMarker ? unknown : firstWordBytes,
      firstWordScalars: startsWithMarker ? unknown : firstWordScalars,
      markers: markers, startsWithMarker: startsWithMarker)
  }

  @inline(__always) static func isAttachingPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29: true
    default: false
    }
  }

  /// The length of a removal marker starting at `index`: `[[word removed]]` or `[word removed]`.
  static func markerLength(_ raw: ArraySlice<UInt8>, at index: Int) -> Int? {
    var position = index + 1
    let double = position < raw.endIndex && raw[position] == 0x5B
    if double { position += 1 }
    let wordStart = position
    while position < raw.endIndex, position - wordStart <= 12, ByteText.isASCIILetter(raw[position])
    { position += 1 }
    guard position - wordStart >= 2, ByteText.matchesFolded(raw, at: position, " removed]") else {
      return nil
    }
    position += 9
    if double {
      guard position < raw.endIndex, raw[position] == 0x5D else { return nil }
      position += 1
    }
    return position - index
  }

  func text(_ index: Int) -> String { String(decoding: lines[index].visible, as: UTF8.self) }

  // MARK: Header

  /// Reads the header block into `metadata` and returns the index of the first body line.
  func parseHeader(into metadata: inout ArticleMetadata) -> Int {
    var index = 0
    func skipNoise() {
      while index < lines.count, lines[index].kind != .text || isFooterLine(index) { index += 1 }
    }
    skipNoise()
    guard index < lines.count else { return lines.count }
    let titleIndex = index
    let title = text(titleIndex)
    guard title.utf8.count <= 200, !title.hasSuffix("."), !isDekStart(titleIndex) else { return 0 }
    index += 1
    var found = ArticleMetadata()
    var fields = 0
    while fields < 6 {
      let before = index
      skipNoise()
      guard index < lines.count, !isDekStart(index) else { break }
      guard let field = HeaderFields.classify(text(index), haveAuthors: !found.authors.isEmpty)
      else {
        index = before
        break
      }
      switch field {
      case .date(let date): found.published = found.published ?? date
      case .byline(let authors, let date):
        found.authors += authors
        if let date { found.published = found.published ?? date }
      case .outlet(let outlet): found.outlet = found.outlet ?? outlet
      case .section: break
      case .combined(let authors, let outlet, let date):
        if found.authors.isEmpty { found.authors = authors }
        if let outlet { found.outlet = found.outlet ?? outlet }
        if let date { found.published = found.published ?? date }
      }
      fields += 1
      index += 1
    }
    let afterFields = index
    skipNoise()
    var dek: String?
    var bodyStart = afterFields
    if index < lines.count, isDekStart(index) {
      var dekLines: [String] = []
      var cursor = index
      while cursor < lines.count, cursor - index < 10, lines[cursor].kind == .text {
        dekLines.append(text(cursor))
        cursor += 1
        if lines[cursor - 1].visible.last == 0x5F { break }
      }
      if let last = dekLines.last, last.hasSuffix("_") {
        dek = dekLines.joined(separator: " ").trimming("_ \t")
        bodyStart = cursor
      }
    }
    guard fields > 0 || dek != nil else { return 0 }
    metadata = found
    metadata.title = title.trimming(" \t")
    metadata.description = dek
    return bodyStart
  }

  /// A standfirst in italics: `_ The threat … _`.
  func isDekStart(_ index: Int) -> Bool {
    let visible = lines[index].visible
    guard visible.first == 0x5F, visible.count > 2 else { return false }
    return visible[1] == 0x20 || visible.last == 0x5F && !visible.dropFirst().contains(0x5F)
      || !visible.dropFirst().contains(0x5F)
  }

  // MARK: Footer

  func isFooterLine(_ index: Int) -> Bool {
    let visible = lines[index].visible
    guard let first = visible.first, !ByteText.isASCIILower(first) || visible.count <= 40 else {
      return false
    }
    return TextLexicon.footerStartBytes.contains { ByteText.hasFoldedPrefix(visible, $0) }
  }

  /// The index where the footer starts (or `lines.count`), extended backwards over the tag
  /// lists, slogans, share buttons and markers that precede it.
  func footerStart(after bodyStart: Int) -> Int {
    guard bodyStart + 1 < lines.count else { return lines.count }
    var footer = lines.count
    for index in (bodyStart + 1)..<lines.count
    where lines[index].kind == .text && isFooterLine(index) {
      footer = index
      break
    }
    guard footer < lines.count else { return footer }
    while footer - 1 > bodyStart {
      let line = lines[footer - 1]
      let isTag = line.visible.starts(with: [0x2A, 0x20]) && line.visible.count <= 60
      let isSlogan =
        line.kind == .text && line.visible.count <= 60 && ByteText.isAllCaps(line.visible)
      guard line.kind != .text || isTag || isSlogan else { break }
      footer -= 1
    }
    return footer
  }

  // MARK: Paragraphs

  /// Joins hard-wrapped lines into paragraphs.
  ///
  /// A line break ends a paragraph when a blank line or a share-button line follows, when
  /// the next line is a bullet, image text or credit, or when the line is short: the next
  /// line's first word would have fitted under the wrap width, so the break was the
  /// writer's, not the wrapper's. Lines next to a removed link have unknown raw lengths
  /// (the link was longer than the marker); there a sentence end followed by a capital decides.
  func reflow(_ body: ArraySlice<Line>) -> [[UInt8]] {
    let (measure, width, wrapped) = Self.wrapWidth(body)
    var paragraphs: [[UInt8]] = []
    var current: [UInt8] = []
    var previous: Line?
    var gapBlank = false
    var gapMarker = false
    for line in body {
      switch line.kind {
      case .blank, .asterisks:
        gapBlank = true
        continue
      case .marker:
        gapMarker = true
        continue
      case .text: break
      }
      if let previous, !current.isEmpty {
        let breaks = Self.breaks(
          after: previous, before: line, paragraph: current, gapBlank: gapBlank,
          gapMarker: gapMarker,
          measure: measure, width: width, wrapped: wrapped)
        if breaks {
          paragraphs.append(current)
          current = []
        } else if let first = line.visible.first, !Self.isAttachingPunctuation(first) {
          current.append(0x20)
        }
      }
      current.append(contentsOf: line.visible)
      previous = line
      gapBlank = false
      gapMarker = false
    }
    if !current.isEmpty { paragraphs.append(current) }
    return paragraphs
  }

  static func breaks(
    after previous: Line, before next: Line, paragraph: [UInt8], gapBlank: Bool, gapMarker: Bool,
    measure: Measure, width: Int, wrapped: Bool
  ) -> Bool {
    if gapBlank { return true }
    if isStructural(next.visible) || isArt(previous.visible) || isCreditLine(previous.visible) {
      return true
    }
    if isBullet(previous.visible) { return !ByteText.startsLowercase(next.visible) }
    if endsWithCredit(paragraph) { return true }
    guard let first = next.visible.first else { return false }
    if isAttachingPunctuation(first) || ByteText.startsLowercase(next.visible) { return false }
    let terminal = ByteText.endsSentence(previous.visible[...])
    let opens = ByteText.startsSentence(next.visible)
    if gapMarker || next.startsWithMarker || previous.markers > 0 { return terminal && opens }
    guard wrapped else { return opens }
    let length = measure == .bytes ? previous.rawBytes : previous.rawScalars
    let nextWord = measure == .bytes ? next.firstWordBytes : next.firstWordScalars
    let fits = length + 1 + nextWord <= width
    if terminal { return fits && opens }
    return fits && length * 10 <= width * 6 && opens
  }

  /// The wrap width: the 97th percentile of line lengths, in the measure (bytes or scalars)
  /// whose lengths bunch up tightest under it. `wrapped` is false when lines are paragraphs.
  static func wrapWidth(_ body: ArraySlice<Line>) -> (Measure, Int, Bool) {
    var byBytes = [Int](repeating: 0, count: 257)
    var byScalars = [Int](repeating: 0, count: 257)
    var count = 0
    var open = 0
    for line in body where line.kind == .text && line.markers == 0 {
      byBytes[min(line.rawBytes, 256)] += 1
      byScalars[min(line.rawScalars, 256)] += 1
      count += 1
      if !ByteText.endsSentence(line.visible[...]) { open += 1 }
    }
    guard count >= 4 else { return (.bytes, Int.max / 4, false) }
    func percentile(_ histogram: [Int]) -> (width: Int, tightness: Int) {
      let allowed = count * 3 / 100
      var above = 0
      var width = 256
      while width > 0, above + histogram[width] <= allowed {
        above += histogram[width]
        width -= 1
      }
      let near = histogram[max(0, width - 10)...width].reduce(0, +)
      return (width, near)
    }
    let bytes = percentile(byBytes)
    let scalars = percentile(byScalars)
    let (measure, chosen) =
      scalars.tightness > bytes.tightness ? (Measure.scalars, scalars) : (.bytes, bytes)
    // Wrapped prose breaks most lines mid-sentence; one paragraph per line ends them.
    let wrapped = chosen.width <= 150 && chosen.tightness * 10 >= count * 4 && open * 2 >= count
    return (measure, chosen.width, wrapped)
  }

  // MARK: Line and paragraph kinds

  static func isBullet(_ visible: [UInt8]) -> Bool {
    visible.starts(with: [0x2A, 0x20]) || visible.starts(with: [0xE2, 0x80, 0xA2, 0x20])
  }

  /// Image alternative text on a line of its own: `[Troops at the border]`.
  static func isArt(_ visible: [UInt8]) -> Bool {
    visible.count >= 3 && visible.first == 0x5B && visible.last == 0x5D
  }

  /// A credit on a line of its own: "Photo: Jane Roe / Agency", "Illustration by …".
  static func isCreditLine(_ visible: [UInt8]) -> Bool {
    visible.count <= 160
      && TextLexicon.creditStartBytes.contains { ByteText.hasFoldedPrefix(visible, $0) }
  }

  static func isStructural(_ visible: [UInt8]) -> Bool {
    isBullet(visible) || isArt(visible) || isCreditLine(visible)
  }

  /// Whether `paragraph` ends with a parenthesised photo credit: "(Credit: …)", "(Name / Agency)".
  static func endsWithCredit(_ paragraph: [UInt8]) -> Bool {
    guard paragraph.last == 0x29, let open = paragraph.lastIndex(of: 0x28) else { return false }
    let inside = Array(paragraph[(open + 1)..<(paragraph.count - 1)])
    guard inside.count <= 200 else { return false }
    if TextLexicon.creditStartBytes.contains(where: { ByteText.hasFoldedPrefix(inside, $0) }) {
      return true
    }
    let text = String(decoding: inside, as: UTF8.self)
    if text.contains(" / ") { return true }
    return TextLexicon.creditAgencies.contains { agency in
      text.split(separator: " ").contains { $0 == agency || $0 == agency + "," }
        || (agency.contains(" ") && text.contains(agency))
    }
  }

  /// Captions (text ending with a credit), credit lines and image alternative text.
  static func isCaptionOrArt(_ paragraph: [UInt8]) -> Bool {
    if isArt(paragraph) && !paragraph.dropFirst().contains(0x5B) { return true }
    if isCreditLine(paragraph) { return true }
    guard endsWithCredit(paragraph) else { return false }
    let words = paragraph.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    return words <= 80
  }

  /// An author's note in italics closing the article: `_Jane Roe_ is a staff writer … _`.
  static func isItalicBio(_ paragraph: [UInt8]) -> Bool {
    paragraph.first == 0x5F && paragraph.last == 0x5F && paragraph.count <= 600
  }

  // MARK: Repairs

  /// Splits a drop cap glued to the next word at the start of a paragraph: "Itraveled" →
  /// "I traveled". Only for "I" followed by a word no English word starts like, that reads
  /// as a first-person verb.
  static func fixingDropCap(_ paragraph: [UInt8]) -> [UInt8] {
    guard paragraph.count > 4, paragraph[0] == 0x49 else { return paragraph }
    var end = 1
    while end < paragraph.count, ByteText.isASCIILower(paragraph[end]) { end += 1 }
    guard end >= 4, end == paragraph.count || !ByteText.isASCIILetter(paragraph[end]),
      paragraph.count == end || paragraph[end] < 0x80
    else { return paragraph }
    let prefix = "i" + String(decoding: paragraph[1..<3], as: UTF8.self)
    guard !TextLexicon.iWordPrefixes.contains(prefix) else { return paragraph }
    let rest = String(decoding: paragraph[1..<end], as: UTF8.self)
    guard rest.hasSuffix("ed") || TextLexicon.firstPersonVerbs.contains(rest) else {
      return paragraph
    }
    var fixed = paragraph
    fixed.insert(0x20, at: 1)
    return fixed
  }

  /// Removes `_italic_` markup: underscores at a word's edge, not inside `snake_case`.
  static func strippingItalics(_ paragraph: [UInt8]) -> [UInt8] {
    guard paragraph.contains(0x5F) else { return paragraph }
    var output: [UInt8] = []
    output.reserveCapacity(paragraph.count)
    for index in paragraph.indices {
      let byte = paragraph[index]
      if byte == 0x5F {
        let before = index > 0 ? paragraph[index - 1] : 0x20
        let after = index + 1 < paragraph.count ? paragraph[index + 1] : 0x20
        let inside = isWordByte(before) && isWordByte(after)
        if !inside { continue }
      }
      output.append(byte)
    }
    // Collapse the double spaces a lone underscore may leave.
    var collapsed: [UInt8] = []
    collapsed.reserveCapacity(output.count)
    for byte in output where !(byte == 0x20 && collapsed.last == 0x20) { collapsed.append(byte) }
    return collapsed
  }

  @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
    ByteText.isASCIILetter(byte) || ByteText.isDigit(byte) || byte >= 0x80
  }
}
