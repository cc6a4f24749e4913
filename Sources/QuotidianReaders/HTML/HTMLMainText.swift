/// Finds the main text of a page in an ``HTMLTree``.
///
/// 1. Page furniture is removed: hidden elements, `nav`/`header`/`footer`/`aside`/`figure`/
///    `form`, and elements whose class or id names boilerplate (share, related, comments,
///    newsletter, cookie, caption, byline…), unless the element holds most of the page's
///    paragraph text (a layout wrapper with an unlucky class name).
/// 2. Every block (an element that starts a line: p, div, li, h2, td…) is valued by the
///    text directly inside it: a real paragraph (enough text, few links) counts its text
///    plus a bonus; link lists, labels and stray short lines count against.
/// 3. The container is the element with the largest sum of values in its subtree, the
///    smallest one holding the paragraphs and the fewest distractions;
///    `itemprop="articleBody"` wins when it holds most of that value.
/// 4. The container is written out block by block, skipping link-dominated blocks, the
///    title (`h1`), boilerplate lines and headings that introduce nothing.
struct HTMLMainText {
  let tree: HTMLTree
  private var dropped: [Bool]
  private var blockOf: [Int32]
  private var subtreeEnd: [Int32]
  private var ownText: [Int32]
  private var ownLink: [Int32]
  private var ownPunctuation: [Int32]
  private var value: [Double]
  /// Prints the block table to stdout (for scripts' debugging harnesses only).
  var debug = false

  init(tree: HTMLTree) {
    self.tree = tree
    let count = tree.nodes.count
    dropped = Array(repeating: false, count: count)
    blockOf = Array(repeating: 0, count: count)
    subtreeEnd = Array(repeating: 0, count: count)
    ownText = Array(repeating: 0, count: count)
    ownLink = Array(repeating: 0, count: count)
    ownPunctuation = Array(repeating: 0, count: count)
    value = Array(repeating: 0, count: count)
  }

  /// How long (UTF-8 bytes) the main text must be before the class-name vocabulary is
  /// trusted: below it, the page is read again without it (a page builder whose every block
  /// is a "widget", a gallery whose slides are "hidden"), and the longer reading wins.
  static let relaxedRetryLength = 400

  /// The paragraphs of the main text.
  mutating func paragraphs() -> [String] {
    let strict = paragraphs(relaxed: false)
    let length = strict.reduce(0) { $0 + $1.utf8.count }
    guard length < Self.relaxedRetryLength else { return strict }
    var retry = HTMLMainText(tree: tree)
    retry.debug = debug
    let relaxed = retry.paragraphs(relaxed: true)
    let relaxedLength = relaxed.reduce(0) { $0 + $1.utf8.count }
    if relaxedLength > length * 2 + 100 { return relaxed }
    if length > 0 { return strict }
    if relaxedLength > 0 { return relaxed }
    // Nothing yet: a last reading that trusts no class or id name and keeps forms (pages
    // built inside one `<form>`), so that a page with a readable block never yields nothing.
    var bare = HTMLMainText(tree: tree)
    bare.debug = debug
    return bare.paragraphs(relaxed: true, bare: true)
  }

  /// One reading; `relaxed` ignores class and id names made only of layout words
  /// (``HTMLHints/layout``).
  private mutating func paragraphs(relaxed: Bool, bare: Bool = false) -> [String] {
    let nodes = tree.nodes
    let count = nodes.count
    guard count > 1 else { return [] }
    // Anchor context, blocks, raw text and paragraph text per subtree.
    var inAnchor = Array(repeating: false, count: count)
    var rawText = Array(repeating: Int32(0), count: count)
    var rawLink = Array(repeating: Int32(0), count: count)
    var paragraphText = Array(repeating: Int32(0), count: count)
    for index in 1..<count {
      let node = nodes[index]
      let parent = Int(node.parent)
      inAnchor[index] = node.tag == .anchor || inAnchor[parent]
      blockOf[index] = node.tag.isBlock ? Int32(index) : blockOf[parent]
    }
    measureOwnText(inAnchor: inAnchor)
    for index in 1..<count where nodes[index].tag.isBlock && ownText[index] > 0 {
      if blockValue(index) > 0 { paragraphText[index] = ownText[index] - ownLink[index] }
    }
    for index in stride(from: count - 1, through: 1, by: -1) {
      let node = nodes[index]
      subtreeEnd[index] = max(subtreeEnd[index], Int32(index + 1))
      if node.tag == .text {
        let length = node.textEnd - node.textStart
        rawText[index] = length
        if inAnchor[index] { rawLink[index] = length }
      }
      let parent = Int(node.parent)
      rawText[parent] += rawText[index]
      rawLink[parent] += rawLink[index]
      paragraphText[parent] += paragraphText[index]
      subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[index])
    }
    // Shares are of the text outside comments and cookie panels, so that a long comment
    // thread cannot make the article look small, and nothing inside them is protected.
    var outsideStrong = paragraphText[0]
    var strongDepthEnd = 0
    var insideStrong = Array(repeating: false, count: count)
    for index in 1..<count where nodes[index].tag != .text {
      if index < strongDepthEnd {
        insideStrong[index] = true
        continue
      }
      let node = nodes[index]
      let isWrapper = [.body, .html, .main, .article].contains(node.tag) || node.isArticleBody
      if node.hint.isStrongBoilerplate && !node.hint.isContent && !isWrapper {
        outsideStrong -= paragraphText[index]
        strongDepthEnd = Int(subtreeEnd[index])
      }
    }
    let totalParagraphText = max(outsideStrong, 1)
    let totalText = max(rawText[0], 1)

    // 1. Furniture.
    for index in 1..<count {
      let node = nodes[index]
      let parent = Int(node.parent)
      if dropped[parent] {
        dropped[index] = true
        continue
      }
      guard node.tag != .text else { continue }
      let share =
        insideStrong[index] ? 0 : Double(paragraphText[index]) / Double(totalParagraphText)
      var isFurniture =
        node.isHidden || (node.tag.isBoilerplateContainer && !(bare && node.tag == .form))
        || node.tag == .head
      // Layout words beside content words ("article__body-text-image") name a block of the article.
      let layoutOnly = node.hint.isLayoutOnly && (relaxed || node.hint.isContent)
      if !isFurniture, !bare, node.hint.isBoilerplate, !node.isArticleBody, !layoutOnly {
        switch node.tag {
        case .body, .main, .article, .html: break
        default:
          // "article-share" is furniture; "entry-content read-more" holds the article.
          // On a relaxed reading, comments stay out even when they are "post-comments".
          let content = node.hint.isContent && !(relaxed && node.hint.isStrongBoilerplate)
          isFurniture = content ? share < 0.2 : true
        }
      }
      if isFurniture && node.tag != .head && !node.hint.isStrongBoilerplate {
        // A wrapper that holds most of the article is layout, whatever it is called.
        let rawShare = Double(rawText[index]) / Double(totalText)
        let linkDensity = Double(rawLink[index]) / Double(max(rawText[index], 1))
        if share >= 0.5 || (paragraphText[0] < 200 && rawShare >= 0.5 && linkDensity < 0.4) {
          isFurniture = false
        }
      }
      dropped[index] = isFurniture
    }

    // 2. Blocks valued by the text left in them.
    measureOwnText(inAnchor: inAnchor)
    for index in 1..<count where !dropped[index] && nodes[index].tag.isBlock && ownText[index] > 0 {
      value[index] = blockValue(index)
    }
    // 3. Subtree sums; the container is the largest.
    var total = value
    for index in stride(from: count - 1, through: 1, by: -1) where !dropped[index] {
      total[Int(nodes[index].parent)] += total[index]
    }
    var best = -1
    var bestTotal = 0.0
    for index in 1..<count
    where !dropped[index] && nodes[index].tag != .text && total[index] >= bestTotal {
      if total[index] > bestTotal || best < 0 || Int32(index) < subtreeEnd[best] {
        best = index
        bestTotal = total[index]
      }
    }
    if best >= 0 {
      // The publisher's own marker wins when it holds most of the value.
      var marked = -1
      for index in best..<Int(subtreeEnd[best]) where nodes[index].isArticleBody && !dropped[index]
      {
        if total[index] >= 0.6 * bestTotal { marked = index }
      }
      if marked >= 0 { best = marked }
    }
    if best >= 0, let single = headlinedArticle(in: best, total: total) { best = single }
    if best < 0 || bestTotal <= 0 { best = Int(tree.body) }
    if debug { printBlocks(container: best, total: total) }
    return render(best)
  }

  /// A blog page that lists other posts after the article puts each post in its own
  /// `<article>`: when the container holds several side-by-side articles and the page's
  /// headline (`h1`) sits in one of them, that one is the article and the rest are teasers.
  private func headlinedArticle(in container: Int, total: [Double]) -> Int? {
    let nodes = tree.nodes
    var articles = 0
    var headlined = -1
    var index = container + 1
    let end = Int(subtreeEnd[container])
    while index < end {
      if dropped[index] {
        index = Int(subtreeEnd[index])
        continue
      }
      if nodes[index].tag == .article {
        articles += 1
        let stop = Int(subtreeEnd[index])
        var inner = index + 1
        while inner < stop, headlined < 0 {
          if nodes[inner].tag == .h1 && !dropped[inner] { headlined = index }
          inner += 1
        }
        index = stop  // nested articles belong to this one
        continue
      }
      index += 1
    }
    guard articles >= 2, headlined >= 0, total[headlined] >= 0.2 * total[container] else {
      return nil
    }
    return headlined
  }

  /// Text, link text and punctuation directly inside each block, outside dropped subtrees.
  private mutating func measureOwnText(inAnchor: [Bool]) {
    for index in ownText.indices {
      ownText[index] = 0
      ownLink[index] = 0
      ownPunctuation[index] = 0
    }
    let nodes = tree.nodes
    for index in 1..<nodes.count where nodes[index].tag == .text && !dropped[index] {
      let node = nodes[index]
      let block = Int(blockOf[index])
      let length = node.textEnd - node.textStart
      ownText[block] += length
      if inAnchor[index] { ownLink[block] += length }
      let end = Int(node.textEnd)
      for position in Int(node.textStart)..<end {
        switch tree.text[position] {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"),
          UInt8(ascii: ";"):
          ownPunctuation[block] += 1
        case 0xE3 where position + 2 < end:
          // 、 。 (U+3001, U+3002)
          if tree.text[position + 1] == 0x80,
            tree.text[position + 2] == 0x81 || tree.text[position + 2] == 0x82
          {
            ownPunctuation[block] += 1
          }
        case 0xEF where position + 2 < end:
          // ！ ， ； ？ (full-width, U+FF01, U+FF0C, U+FF1B, U+FF1F)
          if tree.text[position + 1] == 0xBC {
            switch tree.text[position + 2] {
            case 0x81, 0x8C, 0x9B, 0x9F: ownPunctuation[block] += 1
            default: break
            }
          }
        case 0xD8 where position + 1 < end:
          if tree.text[position + 1] == 0x8C { ownPunctuation[block] += 1 }  // Arabic comma
        case 0xE0 where position + 2 < end:
          if tree.text[position + 1] == 0xA5, tree.text[position + 2] == 0xA4 {
            ownPunctuation[block] += 1
          }  // danda
        default: break
        }
      }
    }
  }

  /// A block's value: real paragraphs count their text, everything else counts against.
  private func blockValue(_ index: Int) -> Double {
    let length = Double(ownText[index])
    let links = Double(ownLink[index])
    switch tree.nodes[index].tag {
    case .h1: return -length * 0.5
    case .heading: return links * 2 > length ? -length : 0
    default: break
    }
    if links * 2 > length { return -length }
    let punctuation = ownPunctuation[index]
    if length >= 80 || (length >= 25 && punctuation > 0) {
      return (length - links) + 20 + Double(min(punctuation, 10)) * 5
    }
    return -length * 0.5
  }

  private func printBlocks(container: Int, total: [Double]) {
    let nodes = tree.nodes
    var depth = Array(repeating: 0, count: nodes.count)
    for index in 1..<nodes.count {
      depth[index] = depth[Int(nodes[index].parent)] + 1
      let node = nodes[index]
      guard node.tag != .text else { continue }
      let parentDropped = node.parent > 0 && dropped[Int(node.parent)]
      if parentDropped { continue }
      guard dropped[index] || value[index] != 0 || total[index] != 0 || index == container else {
        continue
      }
      var preview: [UInt8] = []
      var inner = index + 1
      while inner < Int(subtreeEnd[index]) && preview.count < 70 {
        if nodes[inner].tag == .text {
          preview += tree.text[Int(nodes[inner].textStart)..<Int(nodes[inner].textEnd)]
        }
        inner += 1
      }
      let mark = index == container ? "**" : dropped[index] ? "XX" : "  "
      let hint = node.hint
      let flags =
        (hint.isConfidentBoilerplate ? "B" : "") + (hint.isWeakBoilerplate ? "w" : "")
        + (hint.isStrongBoilerplate ? "S" : "") + (hint.isContent ? "C" : "")
        + (node.isHidden ? "H" : "")
        + (node.isArticleBody ? "A" : "")
      print(
        "\(mark) \(String(repeating: " ", count: min(depth[index], 30)))\(index) \(node.tag) [\(flags)] v=\(Int(value[index])) t=\(Int(total[index])) own=\(ownText[index]) | \(String(decoding: preview.prefix(70), as: UTF8.self))"
      )
    }
  }

  /// Writes the container's blocks as paragraphs.
  private func render(_ container: Int) -> [String] {
    let nodes = tree.nodes
    var paragraphs: [(text: [UInt8], isHeading: Bool)] = []
    var current: [UInt8] = []
    var currentBlock: Int32 = -1
    var currentIsHeading = false
    func flush() {
      while current.last == 0x20 || current.last == 0x0A { current.removeLast() }
      var start = 0
      while start < current.count, current[start] == 0x20 || current[start] == 0x0A { start += 1 }
      if start < current.count { paragraphs.append((Array(current[start...]), currentIsHeading)) }
      current.removeAll(keepingCapacity: true)
    }
    var index = container
    let end = Int(subtreeEnd[container])
    while index < end {
      if dropped[index] {
        index = Int(subtreeEnd[index])
        continue
      }
      let node = nodes[index]
      if node.tag == .br {
        if !current.isEmpty && current.last != 0x0A {
          while current.last == 0x20 { current.removeLast() }
          current.append(0x0A)
        }
      } else if node.tag == .text {
        let block = blockOf[index]
        if block != currentBlock {
          flush()
          currentBlock = block
          currentIsHeading = nodes[Int(block)].tag == .heading
        }
        if isEmitted(Int(block)) {
          var start = Int(node.textStart)
          let stop = Int(node.textEnd)
          if tree.text[start] == 0x20
            && (current.isEmpty || current.last == 0x20 || current.last == 0x0A)
          {
            start += 1
          }
          if start < stop { current.append(contentsOf: tree.text[start..<stop]) }
        }
      }
      index += 1
    }
    flush()
    // Headings that introduce nothing (a "Related stories" label) go.
    var result: [String] = []
    for (position, paragraph) in paragraphs.enumerated() {
      if paragraph.isHeading {
        let next = position + 1 < paragraphs.count ? paragraphs[position + 1] : nil
        if next == nil || next?.isHeading == true { continue }
      }
      let text = String(decoding: paragraph.text, as: UTF8.self)
      if HTMLBoilerplateLines.isBoilerplate(text) { continue }
      result.append(text)
    }
    return result
  }

  private func isEmitted(_ block: Int) -> Bool {
    let tag = tree.nodes[block].tag
    if tag == .h1 { return false }
    let length = ownText[block]
    let links = ownLink[block]
    return links * 2 <= length
  }
}
