import Foundation

/// The learned block classifier: a logistic regression over a block's dense and hashed
/// features (``HTMLBlocks``), a sequence step that rescores each block with its neighbours'
/// scores, and the thresholds that pick the main region.
///
/// Trained by `scripts/train-blocks`; the weights ship as data in
/// `HTMLBlockModel+Weights.swift` (generated, with its provenance).
@_spi(Training) public struct HTMLBlockModel: Sendable {
  /// Raw-scale weights of the dense features (``HTMLBlocks/DenseFeature`` order).
  var dense: [Float]
  /// One weight per hash bucket.
  var hashed: [Float]
  var bias: Float
  /// The sequence step: bias, then one weight per input of ``context(_:)`` (the block's own
  /// score, its neighbours', its groups' means…).
  var sequence: [Float]
  var padding: Float
  /// A block's weight in the region search is its length times (probability - threshold).
  var regionThreshold: Float
  /// Inside the region, blocks below this probability are left out.
  var keepThreshold: Float
  /// The sequence step as gradient-boosted trees over the dense features and the scores of
  /// the block and its neighbours (replaces ``sequence`` when the model has them).
  var trees: Trees?

  /// Regression trees in flat arrays: node `n` tests `input[feature[n]] <= threshold[n]` and
  /// goes to `left[n]` or `right[n]`; a leaf (`feature[n] < 0`) adds `value[n]`.
  struct Trees: Sendable {
    var roots: [Int32]
    var feature: [Int16]
    var threshold: [Double]
    var left: [Int32]
    var right: [Int32]
    var value: [Float]
    var bias: Float

    /// The log-odds for one input row.
    func score(_ input: UnsafeBufferPointer<Float>) -> Float {
      var sum = bias
      for root in roots {
        var node = Int(root)
        while feature[node] >= 0 {
          node =
            Double(input[Int(feature[node])]) <= threshold[node]
            ? Int(left[node]) : Int(right[node])
        }
        sum += value[node]
      }
      return sum
    }
  }

  /// The model in `json` (the file `scripts/train-blocks` writes), or nil when it is not one.
  public init?(json: [UInt8]) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
      let dense = Self.floats(object["dense"]), let hashed = Self.floats(object["hashed"]),
      let sequence = Self.floats(object["sequence"]), sequence.count == Self.contextCount + 1,
      let bias = (object["bias"] as? NSNumber)?.floatValue,
      let padding = (object["padding"] as? NSNumber)?.floatValue,
      let region = (object["region_threshold"] as? NSNumber)?.floatValue,
      let keep = (object["keep_threshold"] as? NSNumber)?.floatValue,
      dense.count == HTMLBlocks.denseCount, hashed.count == HTMLBlocks.hashBuckets
    else { return nil }
    self.dense = dense
    self.hashed = hashed
    self.bias = bias
    self.sequence = sequence
    self.padding = padding
    self.regionThreshold = region
    self.keepThreshold = keep
    if let trees = object["trees"] as? [String: Any] {
      guard let roots = Self.floats(trees["roots"]), let feature = Self.floats(trees["feature"]),
        let threshold = (trees["threshold"] as? [NSNumber])?.map(\.doubleValue),
        let left = Self.floats(trees["left"]), let right = Self.floats(trees["right"]),
        let value = Self.floats(trees["value"]),
        let bias = (trees["bias"] as? NSNumber)?.floatValue,
        feature.count == threshold.count, feature.count == left.count,
        feature.count == right.count, feature.count == value.count
      else { return nil }
      let inputs = HTMLBlocks.denseCount + Self.contextCount
      let nodes = feature.count
      // Every index in range, every feature known: a bad file is refused, never read out of bounds.
      for node in 0..<nodes where feature[node] >= 0 {
        guard Int(feature[node]) < inputs, Int(left[node]) > node, Int(left[node]) < nodes,
          Int(right[node]) > node, Int(right[node]) < nodes
        else { return nil }
      }
      guard roots.allSatisfy({ $0 >= 0 && Int($0) < nodes }) else { return nil }
      self.trees = Trees(
        roots: roots.map { Int32($0) }, feature: feature.map { Int16($0) }, threshold: threshold,
        left: left.map { Int32($0) }, right: right.map { Int32($0) }, value: value, bias: bias)
    }
  }

  private static func floats(_ value: Any?) -> [Float]? {
    guard let array = value as? [Any] else { return nil }
    var result: [Float] = []
    result.reserveCapacity(array.count)
    for item in array {
      guard let number = item as? NSNumber else { return nil }
      result.append(number.floatValue)
    }
    return result
  }

  /// The shipped model.
  static let standard: HTMLBlockModel = {
    // swift-format-ignore: NeverForceUnwrap
    // The shipped weights are checked by HTMLBlockModelTests.shippedModelLoads.
    HTMLBlockModel(json: Array(HTMLBlockModel.shippedJSON.utf8))!
  }()

  /// The first-stage score (log-odds) of every block.
  func scores(_ blocks: HTMLBlocks) -> [Float] {
    let count = blocks.blocks.count
    var scores = [Float](repeating: bias, count: count)
    dense.withUnsafeBufferPointer { weights in
      blocks.dense.withUnsafeBufferPointer { values in
        for index in 0..<count {
          var sum = scores[index]
          let base = index * HTMLBlocks.denseCount
          for feature in 0..<HTMLBlocks.denseCount {
            sum += weights[feature] * values[base + feature]
          }
          scores[index] = sum
        }
      }
    }
    hashed.withUnsafeBufferPointer { weights in
      for index in 0..<count {
        var sum: Float = 0
        for bucket in blocks.hashedFeatures(index) { sum += weights[Int(bucket)] }
        scores[index] += sum
      }
    }
    return scores
  }

  /// How many inputs ``context(_:)`` gives each block.
  static let contextCount = 10

  /// The sequence step's inputs, ``contextCount`` per block, block after block, from the
  /// first-stage scores `first`: the block's own score; its neighbours' at -1, +1, -2, +2
  /// (``padding`` past the ends); the mean score of the blocks under the same parent and
  /// under the same grandparent (a list of teasers or a comment thread scores as a whole);
  /// the mean of the window -4…+4; the page's highest score; and log(1 + the size of the
  /// grandparent's group) / 5. `scripts/train-blocks` computes the same (`context_matrix`).
  func context(_ blocks: HTMLBlocks, _ first: [Float]) -> [Float] {
    let count = first.count
    let width = Self.contextCount
    var result = [Float](repeating: 0, count: count * width)
    guard count > 0 else { return result }
    var parentSum: [Int32: (Float, Int)] = [:]
    var grandparentSum: [Int32: (Float, Int)] = [:]
    var prefix = [Float](repeating: 0, count: count + 1)
    var highest = first[0]
    for index in 0..<count {
      let block = blocks.blocks[index]
      let score = first[index]
      parentSum[block.parent, default: (0, 0)].0 += score
      parentSum[block.parent, default: (0, 0)].1 += 1
      grandparentSum[block.grandparent, default: (0, 0)].0 += score
      grandparentSum[block.grandparent, default: (0, 0)].1 += 1
      prefix[index + 1] = prefix[index] + score
      highest = max(highest, score)
    }
    for index in 0..<count {
      func at(_ offset: Int) -> Float {
        let position = index + offset
        return position >= 0 && position < count ? first[position] : padding
      }
      let block = blocks.blocks[index]
      let base = index * width
      result[base] = first[index]
      result[base + 1] = at(-1)
      result[base + 2] = at(1)
      result[base + 3] = at(-2)
      result[base + 4] = at(2)
      let parent = parentSum[block.parent] ?? (first[index], 1)
      let grandparent = grandparentSum[block.grandparent] ?? (first[index], 1)
      result[base + 5] = parent.0 / Float(parent.1)
      result[base + 6] = grandparent.0 / Float(grandparent.1)
      let low = max(index - 4, 0)
      let high = min(index + 5, count)
      result[base + 7] = (prefix[high] - prefix[low]) / Float(high - low)
      result[base + 8] = highest
      result[base + 9] = Float(log1p(Double(grandparent.1))) / 5
    }
    return result
  }

  /// The probability that each block is main text, after the sequence step.
  func probabilities(_ blocks: HTMLBlocks) -> [Float] {
    let first = scores(blocks)
    let count = first.count
    let inputs = context(blocks, first)
    let width = Self.contextCount
    var result = [Float](repeating: 0, count: count)
    if let trees {
      let denseCount = HTMLBlocks.denseCount
      var row = [Float](repeating: 0, count: denseCount + width)
      for index in 0..<count {
        for feature in 0..<denseCount {
          row[feature] = blocks.dense[index * denseCount + feature]
        }
        for slot in 0..<width { row[denseCount + slot] = inputs[index * width + slot] }
        let z = row.withUnsafeBufferPointer { trees.score($0) }
        result[index] = 1 / (1 + exp(-z))
      }
      return result
    }
    for index in 0..<count {
      var z = sequence[0]
      for slot in 0..<width { z += sequence[slot + 1] * inputs[index * width + slot] }
      result[index] = 1 / (1 + exp(-z))
    }
    return result
  }

  /// The indices of the blocks kept as main text, in order: the contiguous region with the
  /// largest sum of length × (probability − threshold), less its unlikely blocks; with
  /// `includeComments`, the comment blocks after it too.
  func mainBlocks(_ blocks: HTMLBlocks, includeComments: Bool = false) -> [Int] {
    let probabilities = probabilities(blocks)
    guard !probabilities.isEmpty else { return [] }
    var region = bestRegion(blocks, probabilities, threshold: regionThreshold)
    if region == nil,
      let best = probabilities.indices.filter({ !isLinkBlock(blocks, $0) }).max(by: {
        probabilities[$0] < probabilities[$1]
      })
    {
      // Nothing clears the threshold: the region around the likeliest block that is not a
      // link, at half its probability, so that a page with a readable block never yields
      // nothing (a page of links yields nothing, and the reader falls back to metadata).
      region = bestRegion(blocks, probabilities, threshold: probabilities[best] / 2)
    }
    guard let region else { return [] }
    // Template lines that are never article text ("Read also: …", "Advertisement", a date
    // line) go whatever their neighbours say: ``HTMLBoilerplateLines``, also a feature.
    // So do links (a block whose text is mostly link text).
    let lineFeature = HTMLBlocks.DenseFeature.boilerplateLine.rawValue
    var kept = region.filter { index in
      probabilities[index] >= keepThreshold && !isLinkBlock(blocks, index)
        && blocks.dense[index * HTMLBlocks.denseCount + lineFeature] == 0
    }
    if kept.isEmpty, let best = region.max(by: { probabilities[$0] < probabilities[$1] }) {
      kept = [best]
    }
    if includeComments {
      for index in (region.upperBound)..<blocks.blocks.count {
        let block = blocks.blocks[index]
        if block.isComments, block.linkBytes * 2 <= block.text.count, block.text.count >= 20 {
          kept.append(index)
        }
      }
    }
    return kept
  }

  private func isLinkBlock(_ blocks: HTMLBlocks, _ index: Int) -> Bool {
    let block = blocks.blocks[index]
    return block.linkBytes * 2 > block.text.count
  }

  private func bestRegion(_ blocks: HTMLBlocks, _ probabilities: [Float], threshold: Float)
    -> Range<Int>?
  {
    var best: Range<Int>?
    var bestSum: Float = 0
    var start = 0
    var sum: Float = 0
    for index in probabilities.indices {
      let weight = Float(blocks.blocks[index].text.count) * (probabilities[index] - threshold)
      if sum <= 0 {
        start = index
        sum = 0
      }
      sum += weight
      if sum > bestSum {
        bestSum = sum
        best = start..<(index + 1)
      }
    }
    return best
  }
}
