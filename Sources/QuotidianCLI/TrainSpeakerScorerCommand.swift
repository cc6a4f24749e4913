import ArgumentParser
import Foundation
import QuotidianCore
import QuotidianReaders

/// `quotidian train-speaker-scorer`: learns the speaker scorer's weights from gold corpora.
///
/// An averaged perceptron over each quote's candidates: for every quote that matches a gold
/// quote and has a candidate naming the gold speaker, the weights move towards the best
/// right candidate whenever the current pick is wrong. The attributor runs with the weights
/// being learned, so carried-over speakers see the model's own earlier picks. Then a
/// logistic calibration of the pick's score against being right. Deterministic: a fixed
/// seed shuffles the articles each epoch.
struct TrainSpeakerScorerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-speaker-scorer",
    abstract: "Train the speaker scorer from gold corpora (development tool).",
    discussion: """
      Each --corpus DIR holds text/NAME.txt and gold/NAME.json (../shared/eval/GOLD_FORMAT.md). \
      --folds K --hold-out F leaves out the first corpus's articles i with i mod K == F (sorted \
      names) for cross-validation, from every copy of it when it is given more than once. \
      Corpora whose path contains "polnear" are refused: that set is for measurement only.
      """,
    shouldDisplay: false)

  @Option(name: .customLong("corpus"), help: "A gold corpus directory (repeatable).") var corpora:
    [String]
  @Option(help: "Cross-validation folds of the first corpus.") var folds = 0
  @Option(help: "The fold to leave out.") var holdOut: Int?
  @Option(help: "Training epochs.") var epochs = 10
  @Option(help: "Seed of the article shuffle.") var seed: UInt64 = 20_261_201
  @Option(help: "Log2 of the number of weights.") var bits = 14
  @Option(help: "Write the weights in their binary form here.") var weightsOut: String?
  @Option(help: "Write the weights as the Swift resource file here.") var swiftOut: String?
  @Option(help: "Folds of the out-of-fold picks the confidence is calibrated on (0: in-sample).")
  var calibrationFolds = 5

  struct GoldQuote {
    var tokens: [String]
    var speaker: String?
    var aliases: [String]
    var named: Bool
  }

  struct Example {
    var document: Document
    /// Gold quote of each document quote, if one matches.
    var gold: [GoldQuote?]
  }

  func run() throws {
    let started = Date()
    var examples: [Example] = []
    for corpus in corpora {
      if corpus.lowercased().contains("polnear") {
        throw CLIError(
          message: "\(corpus): error: polnear is a measurement set and is never trained on")
      }
      let goldDir = (corpus as NSString).appendingPathComponent("gold")
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: goldDir).filter {
          $0.hasSuffix(".json")
        }.sorted()
      } catch {
        throw CLIError(
          message: "\(goldDir): error: cannot list gold files: \(error.localizedDescription)")
      }
      for (i, name) in names.enumerated() {
        // The held-out fold stays out of every copy of the first corpus (a corpus may be
        // given more than once to count more).
        if corpus == corpora[0], folds > 1, let holdOut, i % folds == holdOut { continue }
        let base = String(name.dropLast(5))
        let textPath = ((corpus as NSString).appendingPathComponent("text") as NSString)
          .appendingPathComponent(base + ".txt")
        if let example = try load(
          gold: (goldDir as NSString).appendingPathComponent(name), text: textPath)
        {
          examples.append(example)
        }
      }
    }
    let matched = examples.reduce(0) { $0 + $1.gold.compactMap { $0 }.count }
    print("train-speaker-scorer: \(examples.count) articles, \(matched) quotes matched to gold")
    let attributors = Dictionary(
      uniqueKeysWithValues: Lexicon.languageCodes.map {
        ($0, SpeakerAttributor(lexicon: .named($0)))
      })
    func attributor(_ example: Example) -> SpeakerAttributor {
      attributors[example.document.language ?? "en"] ?? SpeakerAttributor()
    }
    // Calibration points from quotes the weights did not learn from: each fold's picks by
    // weights learned on the other folds (out of fold), unless --calibration-folds is 0 or 1.
    var points: [CalibrationPoint] = []
    if calibrationFolds > 1 {
      for fold in 0..<calibrationFolds {
        let learning = examples.indices.filter { $0 % calibrationFolds != fold }.map {
          examples[$0]
        }
        let held = examples.indices.filter { $0 % calibrationFolds == fold }.map { examples[$0] }
        let scorer = learn(learning, attributor: attributor, log: false)
        points += Self.picks(scorer, held, attributor: attributor).points
      }
    }
    var scorer = learn(examples, attributor: attributor, log: true)
    let inSample = Self.picks(scorer, examples, attributor: attributor)
    if points.isEmpty { points = inSample.points }
    let fitted = Self.calibrate(points)
    scorer.intercept = fitted[0]
    scorer.slope = fitted[1]
    scorer.marginSlope = fitted[2]
    scorer.unrivalled = fitted[3]
    print(
      "train-speaker-scorer: averaged weights pick right on \(inSample.right)/\(inSample.points.count) training quotes; "
        + "calibration on \(points.count) \(calibrationFolds > 1 ? "out-of-fold" : "in-sample") picks: "
        + "intercept \(fitted[0]) slope \(fitted[1]) margin \(fitted[2]) unrivalled \(fitted[3])")
    let bytes = scorer.serialized()
    if let weightsOut {
      try Data(bytes).write(to: URL(fileURLWithPath: weightsOut))
    }
    if let swiftOut {
      let encoded = Data(bytes).base64EncodedString(options: [
        .lineLength76Characters, .endLineWithLineFeed,
      ])
      .split(separator: "\n").joined(separator: "\n")
      let source = """
        // Generated by `quotidian train-speaker-scorer`; see PROVENANCE.md. Do not edit.
        // swift-format-ignore-file

        /// The learned speaker scorer's weights (``LinearSpeakerScorer``), serialized and base64-encoded.
        enum SpeakerWeights {
          static let base64 = \"\"\"
        \(encoded)
        \"\"\"
        }

        """
      try source.write(toFile: swiftOut, atomically: true, encoding: .utf8)
    }
    let nonZero = scorer.weights.filter { $0 != 0 }.count
    print(
      String(
        format: "train-speaker-scorer: %d non-zero weights, %.1f s", nonZero,
        Date().timeIntervalSince(started)))
  }

  func load(gold path: String, text textPath: String) throws -> Example? {
    guard let data = FileManager.default.contents(atPath: path),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else {
      throw CLIError(message: "\(path): error: not a gold JSON file")
    }
    let articles: [Article]
    do {
      articles = try Readers.read(fileAt: textPath)
    } catch {
      Terminal.error("\(error)")
      return nil
    }
    guard let article = articles.first else { return nil }
    let document = Self.preparation.run(Document(text: article.text), before: "attribution")
    let golds: [GoldQuote] = (json["quotes"] as? [[String: Any]] ?? []).map {
      GoldQuote(
        tokens: Self.tokens($0["text"] as? String ?? ""), speaker: $0["speaker"] as? String,
        aliases: $0["aliases"] as? [String] ?? [], named: $0["named"] as? Bool ?? true)
    }
    // Best pairs first, one to one, as the scorer matches.
    var pairs: [(Double, Int, Int)] = []
    let predicted = document.quotes.map { Self.tokens(document.string($0.content)) }
    for (i, p) in predicted.enumerated() {
      for (j, g) in golds.enumerated() {
        let f = Self.overlap(p, g.tokens)
        if f >= 0.8 { pairs.append((f, i, j)) }
      }
    }
    pairs.sort { $0.0 > $1.0 }
    var gold = [GoldQuote?](repeating: nil, count: document.quotes.count)
    var used = Set<Int>()
    for (_, i, j) in pairs where gold[i] == nil && !used.contains(j) {
      gold[i] = golds[j]
      used.insert(j)
    }
    return Example(document: document, gold: gold)
  }

  /// The standard pipeline, run up to attribution in each article's language.
  static let preparation = Pipeline.standard()

  // MARK: The scorer's matching rules (../shared/eval/score_quotes.py)

  static func normalized(_ text: String) -> String {
    var s = text.precomposedStringWithCompatibilityMapping
    for (curly, straight) in [("“", "\""), ("”", "\""), ("‘", "'"), ("’", "'"), ("„", "\"")] {
      s = s.replacingOccurrences(of: curly, with: straight)
    }
    s = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let edge = Set("\"'“”‘’«»„‟‹› \t\n.,;:!?—–-…")
    while let first = s.first, edge.contains(first) { s.removeFirst() }
    while let last = s.last, edge.contains(last) { s.removeLast() }
    return s.lowercased()
  }

  static func tokens(_ text: String) -> [String] {
    normalized(text).split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }

  static func overlap(_ a: [String], _ b: [String]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var counts: [String: Int] = [:]
    for t in b { counts[t, default: 0] += 1 }
    var common = 0
    for t in a where (counts[t] ?? 0) > 0 {
      common += 1
      counts[t, default: 0] -= 1
    }
    guard common > 0 else { return 0 }
    let p = Double(common) / Double(a.count)
    let r = Double(common) / Double(b.count)
    return 2 * p * r / (p + r)
  }

  static func speakerMatches(_ predicted: String?, _ gold: GoldQuote) -> Bool {
    guard let speaker = gold.speaker else {
      return predicted == nil
        || ["", "unknown", "none", "null"].contains(normalized(predicted ?? ""))
    }
    guard let predicted, !predicted.isEmpty else { return false }
    let p = normalized(predicted)
    if !gold.named { return gold.aliases.contains { p.contains(normalized($0)) } }
    let s = normalized(speaker)
    return p == s || p.contains(s) || gold.aliases.contains { normalized($0) == p }
  }

  /// The averaged perceptron's weights after `epochs` passes over `examples`.
  func learn(
    _ examples: [Example], attributor: (Example) -> SpeakerAttributor, log: Bool
  ) -> LinearSpeakerScorer {
    let model = PerceptronModel(bits: bits)
    var rng = SplitMix64(seed: seed)
    var order = Array(examples.indices)
    for epoch in 0..<epochs {
      order.shuffle(using: &rng)
      var right = 0
      var total = 0
      for e in order {
        let example = examples[e]
        _ = attributor(example).attributions(in: example.document, scorer: model.current) {
          q, candidates, chosen in
          guard let gold = example.gold[q], let chosen else { return }
          let labels = candidates.map { Self.speakerMatches($0.attribution.speaker, gold) }
          total += 1
          if labels[chosen] {
            right += 1
            return
          }
          var best: (index: Int, score: Double)?
          for i in candidates.indices where labels[i] {
            let s = model.current.score(candidates[i])
            if best.map({ s > $0.score }) ?? true { best = (i, s) }
          }
          if let best {
            model.update(
              towards: candidates[best.index].features, awayFrom: candidates[chosen].features)
          }
        }
      }
      if log {
        print(
          "train-speaker-scorer: epoch \(epoch + 1): \(right)/\(total) picks right while learning")
      }
    }
    return model.averaged()
  }

  /// What the calibration reads of one pick that names a speaker, and whether it was right.
  struct CalibrationPoint {
    var score: Double
    var margin: Double?
    var right: Bool
  }

  /// The picks `scorer` makes on the gold-matched quotes of `examples` that name a speaker.
  static func picks(
    _ scorer: LinearSpeakerScorer, _ examples: [Example],
    attributor: (Example) -> SpeakerAttributor
  ) -> (points: [CalibrationPoint], right: Int) {
    var points: [CalibrationPoint] = []
    var right = 0
    for example in examples {
      _ = attributor(example).attributions(in: example.document, scorer: scorer) {
        q, candidates, _ in
        guard let gold = example.gold[q], let pick = scorer.pick(among: candidates) else { return }
        let ok = Self.speakerMatches(candidates[pick.index].attribution.speaker, gold)
        if ok { right += 1 }
        guard candidates[pick.index].attribution.speaker != nil else { return }
        points.append(CalibrationPoint(score: pick.score, margin: pick.margin, right: ok))
      }
    }
    return (points, right)
  }

  /// Logistic regression of being right on (1, score, capped margin, no rival) by Newton's
  /// method with a small ridge: [intercept, slope, margin slope, unrivalled].
  static func calibrate(_ points: [CalibrationPoint]) -> [Double] {
    guard !points.isEmpty else { return [0, 1, 0, 0] }
    let rows: [([Double], Double)] = points.map {
      (
        [
          1, $0.score, $0.margin.map { min($0, LinearSpeakerScorer.marginCap) } ?? 0,
          $0.margin == nil ? 1 : 0,
        ], $0.right ? 1 : 0
      )
    }
    var w = [Double](repeating: 0, count: 4)
    for _ in 0..<50 {
      var gradient = [Double](repeating: 0, count: 4)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
      for (x, y) in rows {
        var z = 0.0
        for k in 0..<4 { z += w[k] * x[k] }
        let p = 1 / (1 + exp(-z))
        for k in 0..<4 {
          gradient[k] += (p - y) * x[k]
          for l in 0..<4 { hessian[k][l] += p * (1 - p) * x[k] * x[l] }
        }
      }
      for k in 0..<4 {
        gradient[k] += 1e-3 * w[k]
        hessian[k][k] += 1e-3
      }
      guard let step = solve(hessian, gradient) else { break }
      var largest = 0.0
      for k in 0..<4 {
        w[k] -= step[k]
        largest = max(largest, abs(step[k]))
      }
      if largest < 1e-9 { break }
    }
    return w
  }

  /// x with a·x = b by Gaussian elimination with partial pivoting; nil when a is singular.
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    var m = a
    var v = b
    let n = v.count
    for c in 0..<n {
      guard let p = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-12
      else { return nil }
      m.swapAt(c, p)
      v.swapAt(c, p)
      for r in (c + 1)..<n {
        let f = m[r][c] / m[c][c]
        for k in c..<n { m[r][k] -= f * m[c][k] }
        v[r] -= f * v[c]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
      var sum = v[r]
      for k in (r + 1)..<n { sum -= m[r][k] * x[k] }
      x[r] = sum / m[r][r]
    }
    return x
  }
}

/// Averaged perceptron weights: `current` scores with the live weights while learning.
final class PerceptronModel: @unchecked Sendable {
  let bits: Int
  var weights: [Float]
  /// Sum over updates of (update count at the time) × change, for averaging.
  var stamped: [Float]
  var steps: Float = 1

  init(bits: Int) {
    self.bits = bits
    weights = [Float](repeating: 0, count: 1 << bits)
    stamped = weights
  }

  var current: LinearSpeakerScorer { LinearSpeakerScorer(bits: bits, weights: weights) }

  func update(towards good: [UInt64], awayFrom bad: [UInt64]) {
    for key in good {
      let b = SpeakerFeature.bucket(key, bits: bits)
      weights[b] += 1
      stamped[b] += steps
    }
    for key in bad {
      let b = SpeakerFeature.bucket(key, bits: bits)
      weights[b] -= 1
      stamped[b] -= steps
    }
    steps += 1
  }

  func averaged() -> LinearSpeakerScorer {
    LinearSpeakerScorer(bits: bits, weights: zip(weights, stamped).map { w, s in w - s / steps })
  }
}

/// A small deterministic generator (SplitMix64) for reproducible shuffles.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
