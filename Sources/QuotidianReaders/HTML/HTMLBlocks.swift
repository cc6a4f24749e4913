import Foundation
import QuotidianCore

/// A page cut into blocks of text, each described by the features the block classifier reads.
///
/// A block is a run of text nodes, in document order, whose nearest block element (p, div,
/// li, h2, td…) is the same; a `<div>` with text around a nested `<p>` gives two blocks.
/// Hidden elements and the head give none. The features are the same for training
/// (`scripts/train-blocks` dumps them through the harness) and for reading a page:
/// ``dense`` holds ``denseCount`` numbers per block, ``hashed`` the indices of the hashed
/// features (class and id words and tag paths of the block and its ancestors) that are on.
struct HTMLBlocks {
  struct Block {
    /// The nearest block element.
    var element: Int32
    /// The text, white space collapsed, `<br>` as a line break.
    var text: [UInt8]
    var linkBytes: Int
    /// Inside an element whose class or id names readers' comments.
    var isComments: Bool
    /// The parent and the grandparent of ``element`` (0 above the root): blocks that share
    /// them are scored together by the sequence step (a list of teasers, a comment thread).
    var parent: Int32 = 0
    var grandparent: Int32 = 0
  }

  /// How many buckets the hashed features fall into (a power of two).
  static let hashBuckets = 1 << 14
  static let denseCount = DenseFeature.count.rawValue

  private(set) var blocks: [Block] = []
  /// ``denseCount`` values per block, block after block.
  private(set) var dense: [Float] = []
  /// The hashed features on in block `b`: `hashed[hashedStart[b]..<hashedStart[b + 1]]`.
  private(set) var hashed: [Int32] = []
  private(set) var hashedStart: [Int32] = [0]

  /// The dense features, in order (their names are written with the training dump).
  enum DenseFeature: Int, CaseIterable {
    case logBytes, logWords, linkDensity, punctuationPerWord, logSentences, stopWordRatio
    case digitRatio, capitalRatio, endsWithStop, shortLine, boilerplateLine
    case position, textPosition, depth
    case tagParagraph, tagDiv, tagListItem, tagHeading, tagH1, tagCell, tagBlockquote, tagPre
    case tagSectionLike, tagCaption, tagAddress
    case inAnchor, inList, inTable, inNav, inHeader, inFooter, inAside, inForm, inFigure
    case inArticle, inMain, inArticleBody, inBoilerplateName, inStrongBoilerplateName
    case inContentName, inWeakBoilerplateName, inLayoutName, inEmbed, inStandfirst, inComments
    case parentLinkDensity, parentLogBytes, grandparentLinkDensity, grandparentLogBytes
    case inDensestContainer, containerShare
    case hasTitle, afterTitle, titleDistance, isTitle
    case densestDistance, afterDensest, sharesParentWithDensest
    case pageHasBody, inPageBody
    case pageLogBytes, pageLogBlocks
    case previousLinkDensity, previousLogBytes, previousStopWordRatio, previousEndsWithStop
    case nextLinkDensity, nextLogBytes, nextStopWordRatio, nextEndsWithStop
    case sameElementAsPrevious, sameParentAsPrevious, sameParentAsNext
    case count
  }

  init(tree: HTMLTree, articleBody: String?) {
    let nodes = tree.nodes
    let count = nodes.count
    guard count > 1 else {
      return
    }
    // Top-down: inherited flags, depth, the nearest block element.
    var flags = [UInt32](repeating: 0, count: count)
    var depth = [Int16](repeating: 0, count: count)
    var blockOf = [Int32](repeating: 0, count: count)
    var hidden = [Bool](repeating: false, count: count)
    for index in 1..<count {
      let node = nodes[index]
      let parent = Int(node.parent)
      hidden[index] = hidden[parent] || node.isHidden || node.tag == .head
      depth[index] = depth[parent] &+ 1
      blockOf[index] = node.tag.isBlock ? Int32(index) : blockOf[parent]
      flags[index] = flags[parent] | Self.ownFlags(node)
    }
    // Bottom-up: text and link bytes under each element.
    var rawText = [Int32](repeating: 0, count: count)
    var rawLink = [Int32](repeating: 0, count: count)
    for index in stride(from: count - 1, through: 1, by: -1) {
      let node = nodes[index]
      if hidden[index] { continue }
      if node.tag == .text {
        let length = node.textEnd - node.textStart
        rawText[index] = length
        if flags[index] & Flag.anchor != 0 { rawLink[index] = length }
      }
      let parent = Int(node.parent)
      rawText[parent] += rawText[index]
      rawLink[parent] += rawLink[index]
    }
    // Blocks: runs of text nodes under the same block element (`<br>` breaks a line).
    var current: [UInt8] = []
    var currentElement: Int32 = -1
    var currentLink = 0
    func flush() {
      while current.last == 0x20 || current.last == 0x0A { current.removeLast() }
      var start = 0
      while start < current.count, current[start] == 0x20 || current[start] == 0x0A { start += 1 }
      if start < current.count, currentElement >= 0 {
        let parent = max(0, nodes[Int(currentElement)].parent)
        blocks.append(
          Block(
            element: currentElement, text: Array(current[start...]), linkBytes: currentLink,
            isComments: flags[Int(currentElement)] & Flag.comments != 0, parent: parent,
            grandparent: parent > 0 ? max(0, nodes[Int(parent)].parent) : 0))
      }
      current.removeAll(keepingCapacity: true)
      currentLink = 0
    }
    for index in 1..<count where !hidden[index] {
      let node = nodes[index]
      if node.tag == .br {
        if blockOf[index] == currentElement, !current.isEmpty, current.last != 0x0A {
          while current.last == 0x20 { current.removeLast() }
          current.append(0x0A)
        }
      } else if node.tag == .text {
        let element = blockOf[index]
        if element != currentElement {
          flush()
          currentElement = element
        }
        var start = Int(node.textStart)
        let stop = Int(node.textEnd)
        if tree.text[start] == 0x20
          && (current.isEmpty || current.last == 0x20 || current.last == 0x0A)
        {
          start += 1
        }
        if start < stop {
          current.append(contentsOf: tree.text[start..<stop])
          if flags[index] & Flag.anchor != 0 { currentLink += stop - start }
        }
      }
    }
    flush()
    guard !blocks.isEmpty else { return }
    measure(
      tree: tree, flags: flags, depth: depth, rawText: rawText, rawLink: rawLink,
      articleBody: articleBody)
  }

  // MARK: Features

  enum Flag {
    static let anchor: UInt32 = 1 << 0
    static let list: UInt32 = 1 << 1
    static let table: UInt32 = 1 << 2
    static let nav: UInt32 = 1 << 3
    static let header: UInt32 = 1 << 4
    static let footer: UInt32 = 1 << 5
    static let aside: UInt32 = 1 << 6
    static let form: UInt32 = 1 << 7
    static let figure: UInt32 = 1 << 8
    static let article: UInt32 = 1 << 9
    static let main: UInt32 = 1 << 10
    static let articleBody: UInt32 = 1 << 11
    static let boilerplateName: UInt32 = 1 << 12
    static let strongBoilerplateName: UInt32 = 1 << 13
    static let contentName: UInt32 = 1 << 14
    static let weakBoilerplateName: UInt32 = 1 << 15
    static let layoutName: UInt32 = 1 << 16
    static let embed: UInt32 = 1 << 17
    static let standfirst: UInt32 = 1 << 18
    static let comments: UInt32 = 1 << 19
  }

  static func ownFlags(_ node: HTMLTree.Node) -> UInt32 {
    var value: UInt32 = 0
    switch node.tag {
    case .anchor: value |= Flag.anchor
    case .list, .listItem: value |= Flag.list
    case .table, .row, .cell: value |= Flag.table
    case .nav: value |= Flag.nav
    case .header: value |= Flag.header
    case .footer: value |= Flag.footer
    case .aside: value |= Flag.aside
    case .form: value |= Flag.form
    case .figure, .figcaption: value |= Flag.figure
    case .article: value |= Flag.article
    case .main: value |= Flag.main
    default: break
    }
    let hint = node.hint
    if node.isArticleBody { value |= Flag.articleBody }
    if hint.isConfidentBoilerplate { value |= Flag.boilerplateName }
    if hint.isStrongBoilerplate { value |= Flag.strongBoilerplateName }
    if hint.isContent { value |= Flag.contentName }
    if hint.isWeakBoilerplate { value |= Flag.weakBoilerplateName }
    if hint.isLayoutOnly { value |= Flag.layoutName }
    if hint.isEmbed { value |= Flag.embed }
    if hint.isStandfirst { value |= Flag.standfirst }
    if hint.isComments { value |= Flag.comments }
    return value
  }

  /// Per-block text statistics.
  struct TextStats {
    var bytes = 0
    var words = 0
    var stopWords = 0
    var capitalized = 0
    var digits = 0
    var punctuation = 0
    var sentences = 0
    var endsWithStop = false
  }

  static func stats(_ text: [UInt8]) -> TextStats {
    var stats = TextStats()
    stats.bytes = text.count
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var length = 0
    var inWord = false
    let stopWords = HTMLBlocks.stopWords
    func close() {
      if inWord {
        stats.words += 1
        if length <= 12 && stopWords.contains(hash) { stats.stopWords += 1 }
      }
      inWord = false
      hash = 0xcbf2_9ce4_8422_2325
      length = 0
    }
    for byte in text {
      let isWordByte =
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
      if isWordByte {
        if !inWord {
          inWord = true
          if byte >= 0x41 && byte <= 0x5A { stats.capitalized += 1 }
        }
        if byte >= 0x30 && byte <= 0x39 { stats.digits += 1 }
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        length += 1
      } else {
        close()
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
          stats.punctuation += 1
          stats.sentences += 1
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
          stats.punctuation += 1
        default: break
        }
      }
    }
    close()
    var end = text.count - 1
    while end >= 0,
      text[end] == 0x20 || text[end] == UInt8(ascii: "\"") || text[end] == UInt8(ascii: ")")
        || text[end] == 0x9D || text[end] == 0x99 || text[end] == 0xE2 || text[end] == 0x80
    {
      end -= 1
    }
    if end >= 0 {
      let last = text[end]
      stats.endsWithStop =
        last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
        || last == UInt8(ascii: ":")
    }
    return stats
  }

  /// The function words of every language in ``LanguageProfiles``, hashed as ``stats(_:)``
  /// hashes a word (FNV-1a over its lower-cased bytes).
  static let stopWords: Set<UInt64> = {
    var set: Set<UInt64> = []
    for (_, words) in LanguageProfiles.stopWords {
      for word in words {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
          let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        set.insert(hash)
      }
    }
    return set
  }()

  /// Word trigrams (hashed) of `text`, for matching blocks against the JSON-LD article body.
  static func trigrams(_ text: [UInt8]) -> [UInt64] {
    var words: [UInt64] = []
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var inWord = false
    for byte in text {
      let isWordByte =
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
      if isWordByte {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        inWord = true
      } else if inWord {
        words.append(hash)
        hash = 0xcbf2_9ce4_8422_2325
        inWord = false
      }
    }
    if inWord { words.append(hash) }
    guard words.count >= 3 else { return words.isEmpty ? [] : [words.reduce(7, combine)] }
    var grams: [UInt64] = []
    grams.reserveCapacity(words.count - 2)
    for index in 0..<(words.count - 2) {
      grams.append(combine(combine(words[index], words[index + 1]), words[index + 2]))
    }
    return grams
  }

  @inline(__always)
  static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
    (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019)
  }

  @inline(__always)
  static func bucket(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0) -> Int32 {
    var hash = combine(combine(a, b), c)
    hash ^= hash >> 29
    hash = hash &* 0xBF58_476D_1CE4_E5B9
    hash ^= hash >> 32
    return Int32(truncatingIfNeeded: hash & UInt64(hashBuckets - 1))
  }

  private mutating func measure(
    tree: HTMLTree, flags: [UInt32], depth: [Int16], rawText: [Int32], rawLink: [Int32],
    articleBody: String?
  ) {
    let nodes = tree.nodes
    let blockCount = blocks.count
    let stats = blocks.map { Self.stats($0.text) }
    let totalBytes = max(1, blocks.reduce(0) { $0 + $1.text.count })

    // The densest container: the element whose blocks add up to the most paragraph-like
    // text (long, punctuated, few links), the others counting against.
    var value = [Double](repeating: 0, count: nodes.count)
    for (index, block) in blocks.enumerated() {
      let length = Double(block.text.count)
      let links = Double(block.linkBytes)
      let element = Int(block.element)
      let blockValue: Double
      if nodes[element].tag == .h1 || links * 2 > length {
        blockValue = -length * 0.5
      } else if length >= 80 || (length >= 25 && stats[index].punctuation > 0) {
        blockValue = length - links + 20 + Double(min(stats[index].punctuation, 10)) * 5
      } else {
        blockValue = -length * 0.5
      }
      value[element] += blockValue
    }
    var total = value
    for index in stride(from: nodes.count - 1, through: 1, by: -1) {
      total[Int(nodes[index].parent)] += total[index]
    }
    var container = 0
    for index in 1..<nodes.count where nodes[index].tag != .text && total[index] >= total[container]
    {
      container = index
    }
    let containerTotal = max(total[container], 1)

    // The title: the first h1 block; the densest block: the longest with few links.
    var title = -1
    var densest = 0
    var densestValue = -1.0
    for (index, block) in blocks.enumerated() {
      if title < 0, nodes[Int(block.element)].tag == .h1 { title = index }
      let candidate = Double(block.text.count - block.linkBytes)
      if candidate > densestValue {
        densestValue = candidate
        densest = index
      }
    }
    let densestParent = nodes[Int(blocks[densest].element)].parent

    // JSON-LD article body: the share of a block's trigrams found in it.
    var bodyGrams: Set<UInt64> = []
    if let articleBody, !articleBody.isEmpty {
      bodyGrams = Set(Self.trigrams(Array(articleBody.utf8)))
    }

    dense = [Float](repeating: 0, count: blockCount * Self.denseCount)
    hashed.reserveCapacity(blockCount * 24)
    var bytesBefore = 0
    for index in 0..<blockCount {
      let block = blocks[index]
      let stat = stats[index]
      let element = Int(block.element)
      let node = nodes[element]
      let flag = flags[element] | (block.linkBytes * 2 > block.text.count ? Flag.anchor : 0)
      let base = index * Self.denseCount
      func set(_ feature: DenseFeature, _ value: Double) {
        dense[base + feature.rawValue] = Float(value)
      }
      func set(_ feature: DenseFeature, _ on: Bool) { if on { dense[base + feature.rawValue] = 1 } }
      let bytes = Double(stat.bytes)
      let words = Double(max(stat.words, 1))
      set(.logBytes, log1p(bytes))
      set(.logWords, log1p(Double(stat.words)))
      set(.linkDensity, Double(block.linkBytes) / max(bytes, 1))
      set(.punctuationPerWord, min(Double(stat.punctuation) / words, 1))
      set(.logSentences, log1p(Double(stat.sentences)))
      set(.stopWordRatio, Double(stat.stopWords) / words)
      set(.digitRatio, Double(stat.digits) / max(bytes, 1))
      set(.capitalRatio, Double(stat.capitalized) / words)
      set(.endsWithStop, stat.endsWithStop)
      set(.shortLine, stat.words <= 4)
      if block.text.count <= 260 {
        set(
          .boilerplateLine,
          HTMLBoilerplateLines.isBoilerplate(String(decoding: block.text, as: UTF8.self)))
      }
      set(.position, Double(index) / Double(max(blockCount - 1, 1)))
      set(.textPosition, Double(bytesBefore) / Double(totalBytes))
      bytesBefore += block.text.count
      set(.depth, Double(depth[element]) / 20)
      switch node.tag {
      case .paragraph: set(.tagParagraph, true)
      case .div: set(.tagDiv, true)
      case .listItem: set(.tagListItem, true)
      case .heading: set(.tagHeading, true)
      case .h1: set(.tagH1, true)
      case .cell, .row: set(.tagCell, true)
      case .blockquote: set(.tagBlockquote, true)
      case .pre: set(.tagPre, true)
      case .section, .article, .main, .other, .body: set(.tagSectionLike, true)
      case .figure, .figcaption: set(.tagCaption, true)
      case .address: set(.tagAddress, true)
      default: break
      }
      set(.inAnchor, flag & Flag.anchor != 0)
      set(.inList, flag & Flag.list != 0)
      set(.inTable, flag & Flag.table != 0)
      set(.inNav, flag & Flag.nav != 0)
      set(.inHeader, flag & Flag.header != 0)
      set(.inFooter, flag & Flag.footer != 0)
      set(.inAside, flag & Flag.aside != 0)
      set(.inForm, flag & Flag.form != 0)
      set(.inFigure, flag & Flag.figure != 0)
      set(.inArticle, flag & Flag.article != 0)
      set(.inMain, flag & Flag.main != 0)
      set(.inArticleBody, flag & Flag.articleBody != 0)
      set(.inBoilerplateName, flag & Flag.boilerplateName != 0)
      set(.inStrongBoilerplateName, flag & Flag.strongBoilerplateName != 0)
      set(.inContentName, flag & Flag.contentName != 0)
      set(.inWeakBoilerplateName, flag & Flag.weakBoilerplateName != 0)
      set(.inLayoutName, flag & Flag.layoutName != 0)
      set(.inEmbed, flag & Flag.embed != 0)
      set(.inStandfirst, flag & Flag.standfirst != 0)
      set(.inComments, flag & Flag.comments != 0)
      // Text straight under the synthetic root (a fragment) has the root as its block.
      let parent = max(0, Int(node.parent))
      let grandparent = parent > 0 ? max(0, Int(nodes[parent].parent)) : 0
      set(.parentLinkDensity, Double(rawLink[parent]) / Double(max(rawText[parent], 1)))
      set(.parentLogBytes, log1p(Double(rawText[parent])))
      set(
        .grandparentLinkDensity, Double(rawLink[grandparent]) / Double(max(rawText[grandparent], 1))
      )
      set(.grandparentLogBytes, log1p(Double(rawText[grandparent])))
      var ancestor = element
      var steps = 0
      var inContainer = false
      while ancestor > 0 && steps < 64 {
        if ancestor == container {
          inContainer = true
          break
        }
        ancestor = Int(nodes[ancestor].parent)
        steps += 1
      }
      set(.inDensestContainer, inContainer)
      set(.containerShare, max(-1, min(1, total[element] / containerTotal)))
      set(.hasTitle, title >= 0)
      if title >= 0 {
        set(.afterTitle, index > title)
        set(.isTitle, index == title)
        set(.titleDistance, log1p(Double(abs(index - title))) / 5)
      }
      set(.densestDistance, log1p(Double(abs(index - densest))) / 5)
      set(.afterDensest, index > densest)
      set(.sharesParentWithDensest, node.parent == densestParent)
      set(.pageHasBody, !bodyGrams.isEmpty)
      if !bodyGrams.isEmpty {
        let grams = Self.trigrams(block.text)
        if !grams.isEmpty {
          let found = grams.reduce(0) { $0 + (bodyGrams.contains($1) ? 1 : 0) }
          set(.inPageBody, Double(found) / Double(grams.count))
        }
      }
      set(.pageLogBytes, log1p(Double(totalBytes)))
      set(.pageLogBlocks, log1p(Double(blockCount)))
      if index > 0 {
        let previous = stats[index - 1]
        set(
          .previousLinkDensity, Double(blocks[index - 1].linkBytes) / Double(max(previous.bytes, 1))
        )
        set(.previousLogBytes, log1p(Double(previous.bytes)))
        set(.previousStopWordRatio, Double(previous.stopWords) / Double(max(previous.words, 1)))
        set(.previousEndsWithStop, previous.endsWithStop)
        set(.sameElementAsPrevious, blocks[index - 1].element == block.element)
        set(.sameParentAsPrevious, nodes[Int(blocks[index - 1].element)].parent == node.parent)
      }
      if index + 1 < blockCount {
        let next = stats[index + 1]
        set(.nextLinkDensity, Double(blocks[index + 1].linkBytes) / Double(max(next.bytes, 1)))
        set(.nextLogBytes, log1p(Double(next.bytes)))
        set(.nextStopWordRatio, Double(next.stopWords) / Double(max(next.words, 1)))
        set(.nextEndsWithStop, next.endsWithStop)
        set(.sameParentAsNext, nodes[Int(blocks[index + 1].element)].parent == node.parent)
      }

      // Hashed: class and id words of the block (level 0), its parent (1) and the ancestors
      // above (2, up to six levels), and the tags on the way up.
      var level: UInt64 = 0
      var at = element
      var tags: [UInt64] = []
      while at > 0 && level < 7 {
        let levelKey = min(level, 2)
        for token in tree.classTokens(at) {
          hashed.append(Self.bucket(1, UInt64(token), levelKey))
        }
        if tags.count < 4 {
          let tag = UInt64(nodes[at].tag.rawValue)
          tags.append(tag)
          hashed.append(Self.bucket(2, tag, level))
        }
        at = Int(nodes[at].parent)
        level += 1
      }
      if tags.count >= 2 { hashed.append(Self.bucket(3, tags[0], tags[1])) }
      if tags.count >= 3 { hashed.append(Self.bucket(4, Self.combine(tags[0], tags[1]), tags[2])) }
      hashedStart.append(Int32(hashed.count))
    }
  }

  /// The dense features of block `index`.
  func denseFeatures(_ index: Int) -> ArraySlice<Float> {
    dense[index * Self.denseCount..<(index + 1) * Self.denseCount]
  }

  /// The hashed features of block `index`.
  func hashedFeatures(_ index: Int) -> ArraySlice<Int32> {
    hashed[Int(hashedStart[index])..<Int(hashedStart[index + 1])]
  }
}
