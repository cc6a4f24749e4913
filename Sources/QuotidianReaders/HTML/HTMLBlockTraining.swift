public import QuotidianCore

/// The hooks `scripts/train-blocks` uses through the harness, so that training reads the
/// features the reader computes: the blocks of a page with their features, and a reading of
/// a page with a model other than the shipped one (the folds of cross-validation).
@_spi(Training) public enum HTMLBlockTraining {
  /// One block of a page as the classifier sees it.
  public struct Block {
    public var text: String
    public var dense: [Float]
    public var hashed: [Int32]
    public var isComments: Bool
    /// The block's parent and grandparent elements (node indices; blocks sharing them are
    /// grouped by the sequence step).
    public var parent: Int32
    public var grandparent: Int32
  }

  /// The names of the dense features, in order.
  public static var denseFeatureNames: [String] {
    HTMLBlocks.DenseFeature.allCases.filter { $0 != .count }.map { "\($0)" }
  }

  public static var hashBuckets: Int { HTMLBlocks.hashBuckets }

  /// The blocks of the page in `bytes`, and its canonical URL when it declares one.
  public static func blocks(bytes: [UInt8]) -> (url: String?, blocks: [Block]) {
    guard let tree = HTMLReader.parse(bytes) else { return (nil, []) }
    let metadata = HTMLMetadata(tree: tree)
    let blocks = HTMLBlocks(tree: tree, articleBody: metadata.articleBody)
    var result: [Block] = []
    result.reserveCapacity(blocks.blocks.count)
    for index in blocks.blocks.indices {
      let block = blocks.blocks[index]
      result.append(
        Block(
          text: String(decoding: block.text, as: UTF8.self),
          dense: Array(blocks.denseFeatures(index)), hashed: Array(blocks.hashedFeatures(index)),
          isComments: block.isComments, parent: block.parent, grandparent: block.grandparent))
    }
    return (metadata.url ?? tree.canonical, result)
  }

  /// The article the HTML reader makes of `bytes` with `model` instead of the shipped one.
  public static func read(bytes: [UInt8], source: String, model: HTMLBlockModel)
    throws(ReadError) -> Article
  {
    try HTMLReader.read(bytes: bytes, source: source, model: model)
  }
}
