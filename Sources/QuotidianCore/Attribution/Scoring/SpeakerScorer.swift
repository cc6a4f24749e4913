/// One (quote, speaker) candidate: what a proposer found, resolved to a speaker, with the
/// features a scorer weighs.
public struct SpeakerCandidate: Sendable {
  /// The proposer's id (``Attribution/Candidate/proposer``).
  public var proposer: String
  /// The rule's own pick, as opposed to an extra candidate only a learned scorer weighs.
  public var isPrimary: Bool
  /// The attribution this candidate would make (its confidence is the rule's prior).
  public var attribution: Attribution
  /// Feature keys (``SpeakerFeature``).
  public var features: [UInt64]
  /// Index of the proposer in ``SpeakerProposers/ids``.
  var proposerIndex: Int

  public init(proposer: String, isPrimary: Bool, attribution: Attribution, features: [UInt64]) {
    self.init(
      proposer: proposer, isPrimary: isPrimary, attribution: attribution, features: features,
      proposerIndex: SpeakerProposers.index(of: proposer))
  }

  init(
    proposer: String, isPrimary: Bool, attribution: Attribution, features: [UInt64],
    proposerIndex: Int
  ) {
    self.proposer = proposer
    self.isPrimary = isPrimary
    self.attribution = attribution
    self.features = features
    self.proposerIndex = proposerIndex
  }
}

/// Picks one speaker among a quote's candidates.
public protocol SpeakerScorer: Sendable {
  /// The chosen candidate and the confidence to report, or nil to leave the quote without one.
  func choose(among candidates: [SpeakerCandidate]) -> (index: Int, confidence: Double)?
  /// A score for ranking candidates in `--explain` (higher is better).
  func score(_ candidate: SpeakerCandidate) -> Double
  /// The features that weighed most for a candidate, readable.
  func reasons(_ candidate: SpeakerCandidate) -> [String]
}

extension SpeakerScorer {
  /// The `top` best candidates, best first, for `--explain`.
  func explain(_ candidates: [SpeakerCandidate], top: Int) -> [Attribution.Candidate] {
    guard candidates.count > 1 || top > 0 else { return [] }
    let ranked = candidates.indices.map { ($0, score(candidates[$0])) }.sorted {
      $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0)
    }
    return ranked.prefix(top).map { i, s in
      Attribution.Candidate(
        speaker: candidates[i].attribution.speaker, proposer: candidates[i].proposer,
        score: (s * 100).rounded() / 100,
        reasons: reasons(candidates[i]))
    }
  }
}

/// The rules as a sieve: the first rule (in registry order) that finds a speaker wins, with
/// the rule's confidence. Reproduces the attributions of the rule-only engine.
public struct PrioritySpeakerScorer: SpeakerScorer {
  public init() {}

  public func choose(among candidates: [SpeakerCandidate]) -> (index: Int, confidence: Double)? {
    guard let i = candidates.firstIndex(where: \.isPrimary) else { return nil }
    return (i, candidates[i].attribution.confidence)
  }

  public func score(_ candidate: SpeakerCandidate) -> Double {
    candidate.isPrimary ? candidate.attribution.confidence : 0
  }

  public func reasons(_ candidate: SpeakerCandidate) -> [String] {
    ["rule=\(candidate.attribution.rule.name)", candidate.isPrimary ? "primary" : "extra"]
  }
}

/// A linear model over hashed candidate features. The confidence of a pick is a logistic
/// of its score, of its margin over the best candidate naming someone else, and of whether
/// any candidate does: fitted by the trainer on out-of-fold picks (quotes the weights did not
/// learn from), so that it reads as the chance the speaker is right.
public struct LinearSpeakerScorer: SpeakerScorer {
  public let bits: Int
  public var weights: [Float]
  /// Calibration: confidence = 1 / (1 + exp(-(slope × score + marginSlope × margin
  /// + unrivalled × [no rival] + intercept))), where margin is the pick's score minus the best
  /// score of a candidate naming another speaker (0 without one), capped at ``marginCap``.
  public var slope: Double
  public var intercept: Double
  public var marginSlope: Double
  public var unrivalled: Double

  /// The largest margin the calibration reads (scores further apart add nothing).
  public static let marginCap = 40.0

  public init(
    bits: Int, weights: [Float], slope: Double = 1, intercept: Double = 0, marginSlope: Double = 0,
    unrivalled: Double = 0
  ) {
    precondition(weights.count == 1 << bits, "weights must have 2^bits entries")
    self.bits = bits
    self.weights = weights
    self.slope = slope
    self.intercept = intercept
    self.marginSlope = marginSlope
    self.unrivalled = unrivalled
  }

  /// The shipped weights (``SpeakerWeights``), decoded once.
  public static let standard: LinearSpeakerScorer = {
    guard let data = Base64.decode(SpeakerWeights.base64),
      let scorer = LinearSpeakerScorer(serialized: data)
    else { preconditionFailure("the shipped speaker weights do not decode") }
    return scorer
  }()

  @inline(__always)
  public func score(_ candidate: SpeakerCandidate) -> Double {
    var sum: Float = 0
    for key in candidate.features { sum += weights[SpeakerFeature.bucket(key, bits: bits)] }
    return Double(sum)
  }

  public func choose(among candidates: [SpeakerCandidate]) -> (index: Int, confidence: Double)? {
    guard let pick = pick(among: candidates) else { return nil }
    return (pick.index, calibrated(pick.score, margin: pick.margin))
  }

  /// The best candidate, its score, and its margin over the best candidate naming another
  /// speaker (nil when none does).
  public func pick(among candidates: [SpeakerCandidate]) -> (
    index: Int, score: Double, margin: Double?
  )? {
    var scores: [Double] = []
    scores.reserveCapacity(candidates.count)
    var best: (index: Int, score: Double)?
    for i in candidates.indices {
      let s = score(candidates[i])
      scores.append(s)
      if best.map({ s > $0.score }) ?? true { best = (i, s) }
    }
    guard let best else { return nil }
    let speaker = candidates[best.index].attribution.speaker
    var rival: Double?
    for i in candidates.indices where candidates[i].attribution.speaker != speaker {
      if rival.map({ scores[i] > $0 }) ?? true { rival = scores[i] }
    }
    return (best.index, best.score, rival.map { best.score - $0 })
  }

  /// The calibrated confidence of a pick with score `score` and margin `margin` (nil: no rival).
  public func calibrated(_ score: Double, margin: Double? = nil) -> Double {
    let z =
      slope * score + intercept
      + (margin.map { marginSlope * min($0, Self.marginCap) } ?? unrivalled)
    return 1 / (1 + Self.exp(-z))
  }

  public func reasons(_ candidate: SpeakerCandidate) -> [String] {
    let weighted = candidate.features.map { ($0, weights[SpeakerFeature.bucket($0, bits: bits)]) }
      .sorted { abs($0.1) > abs($1.1) }
    return weighted.prefix(4).map { key, w in
      "\(SpeakerFeature.describe(key)) \(w >= 0 ? "+" : "")\((Double(w) * 100).rounded() / 100)"
    }
  }

  // MARK: Serialized form

  /// "QSW2", bits (UInt8), slope, intercept, margin slope and unrivalled (Float64), the count
  /// of non-zero weights (UInt32), then (bucket UInt32, weight Float32) pairs; little-endian.
  /// "QSW1" (no margin slope, no unrivalled) still decodes.
  public func serialized() -> [UInt8] {
    var out: [UInt8] = Array("QSW2".utf8)
    out.append(UInt8(bits))
    func append<T: FixedWidthInteger>(_ v: T) {
      withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
    append(slope.bitPattern)
    append(intercept.bitPattern)
    append(marginSlope.bitPattern)
    append(unrivalled.bitPattern)
    let nonZero = weights.indices.filter { weights[$0] != 0 }
    append(UInt32(nonZero.count))
    for i in nonZero {
      append(UInt32(i))
      append(weights[i].bitPattern)
    }
    return out
  }

  public init?(serialized bytes: [UInt8]) {
    guard bytes.count >= 25 else { return nil }
    let magic = Array(bytes[0..<4])
    let version: Int
    if magic == Array("QSW1".utf8) {
      version = 1
    } else if magic == Array("QSW2".utf8) {
      version = 2
    } else {
      return nil
    }
    let bits = Int(bytes[4])
    guard (8...24).contains(bits) else { return nil }
    var offset = 5
    func read<T: FixedWidthInteger>(_: T.Type) -> T? {
      let size = MemoryLayout<T>.size
      guard offset + size <= bytes.count else { return nil }
      var v: T = 0
      for k in 0..<size { v |= T(bytes[offset + k]) << (8 * k) }
      offset += size
      return v
    }
    guard let slope = read(UInt64.self), let intercept = read(UInt64.self) else { return nil }
    var marginSlope: UInt64 = 0
    var unrivalled: UInt64 = 0
    if version >= 2 {
      guard let m = read(UInt64.self), let u = read(UInt64.self) else { return nil }
      marginSlope = m
      unrivalled = u
    }
    guard let count = read(UInt32.self) else { return nil }
    var weights = [Float](repeating: 0, count: 1 << bits)
    for _ in 0..<count {
      guard let i = read(UInt32.self), let w = read(UInt32.self), Int(i) < weights.count else {
        return nil
      }
      weights[Int(i)] = Float(bitPattern: w)
    }
    self.init(
      bits: bits, weights: weights, slope: Double(bitPattern: slope),
      intercept: Double(bitPattern: intercept), marginSlope: Double(bitPattern: marginSlope),
      unrivalled: Double(bitPattern: unrivalled))
  }
}

extension LinearSpeakerScorer {
  /// e^x without Foundation: x = k·ln 2 + r, a Taylor series for e^r, then 2^k.
  static func exp(_ x: Double) -> Double {
    if x > 700 { return .infinity }
    if x < -700 { return 0 }
    let ln2 = 0.693_147_180_559_945_3
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    for n in 1...14 {
      term *= r / Double(n)
      sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
  }
}

/// Standard base64 (RFC 4648) decoding for resources compiled into the library.
enum Base64 {
  static func decode(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count * 3 / 4)
    var buffer: UInt32 = 0
    var count = 0
    for byte in text.utf8 {
      let v: UInt32
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(byte - UInt8(ascii: "A"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(byte - UInt8(ascii: "a")) + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(byte - UInt8(ascii: "0")) + 52
      case UInt8(ascii: "+"): v = 62
      case UInt8(ascii: "/"): v = 63
      case UInt8(ascii: "="), UInt8(ascii: "\n"), UInt8(ascii: " "): continue
      default: return nil
      }
      buffer = buffer << 6 | v
      count += 1
      if count == 4 {
        out.append(UInt8(truncatingIfNeeded: buffer >> 16))
        out.append(UInt8(truncatingIfNeeded: buffer >> 8))
        out.append(UInt8(truncatingIfNeeded: buffer))
        buffer = 0
        count = 0
      }
    }
    if count == 3 {
      out.append(UInt8(truncatingIfNeeded: buffer >> 10))
      out.append(UInt8(truncatingIfNeeded: buffer >> 2))
    } else if count == 2 {
      out.append(UInt8(truncatingIfNeeded: buffer >> 4))
    } else if count == 1 {
      return nil
    }
    return out
  }

  static func encode(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    var i = 0
    while i + 2 < bytes.count {
      let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
      out += [
        table[Int(v >> 18)], table[Int(v >> 12 & 63)], table[Int(v >> 6 & 63)], table[Int(v & 63)],
      ]
      i += 3
    }
    if i + 1 == bytes.count {
      let v = UInt32(bytes[i]) << 16
      out += [table[Int(v >> 18)], table[Int(v >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
    } else if i + 2 == bytes.count {
      let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
      out += [
        table[Int(v >> 18)], table[Int(v >> 12 & 63)], table[Int(v >> 6 & 63)], UInt8(ascii: "="),
      ]
    }
    return String(decoding: out, as: UTF8.self)
  }
}
