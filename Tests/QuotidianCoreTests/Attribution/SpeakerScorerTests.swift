import QuotidianTestSupport
import Testing

@testable import QuotidianCore

@Suite struct SpeakerScorerTests {
  static func candidate(_ speaker: String, primary: Bool, confidence: Double, features: [UInt64])
    -> SpeakerCandidate
  {
    SpeakerCandidate(
      proposer: "afterQuote", isPrimary: primary,
      attribution: Attribution(
        quote: 0, speaker: speaker, rule: .verbAfterQuote, confidence: confidence),
      features: features)
  }

  @Test func thePriorityOrderTakesTheFirstPrimaryCandidate() {
    let candidates = [
      Self.candidate("Extra", primary: false, confidence: 0.25, features: []),
      Self.candidate("First", primary: true, confidence: 0.9, features: []),
      Self.candidate("Second", primary: true, confidence: 0.95, features: []),
    ]
    let choice = PrioritySpeakerScorer().choose(among: candidates)
    #expect(choice?.index == 1)
    #expect(choice?.confidence == 0.9)
    #expect(PrioritySpeakerScorer().choose(among: [candidates[0]]) == nil)
  }

  @Test func theLinearScorerTakesTheHighestScoreAndCalibratesIt() {
    let bits = 8
    var weights = [Float](repeating: 0, count: 1 << bits)
    let good = SpeakerFeature.key(.mentionKind, 0)
    weights[SpeakerFeature.bucket(good, bits: bits)] = 2
    let scorer = LinearSpeakerScorer(bits: bits, weights: weights, slope: 1, intercept: 0)
    let candidates = [
      Self.candidate("A", primary: true, confidence: 0.9, features: []),
      Self.candidate("B", primary: false, confidence: 0.2, features: [good]),
    ]
    let choice = scorer.choose(among: candidates)
    #expect(choice?.index == 1)
    #expect(abs((choice?.confidence ?? 0) - 1 / (1 + 0.135_335_283_236_612_7)) < 1e-9)
  }

  @Test(arguments: [-30.0, -2.5, -0.1, 0, 0.7, 3.2, 40])
  func exponentialMatchesItsSeries(_ x: Double) {
    // e^x e^-x = 1 and e^(x/2)^2 = e^x.
    #expect(abs(LinearSpeakerScorer.exp(x) * LinearSpeakerScorer.exp(-x) - 1) < 1e-12)
    let half = LinearSpeakerScorer.exp(x / 2)
    #expect(abs(half * half / LinearSpeakerScorer.exp(x) - 1) < 1e-12)
  }

  @Test func weightsSurviveSerialization() {
    var weights = [Float](repeating: 0, count: 1 << 10)
    weights[3] = 1.5
    weights[1000] = -0.25
    let scorer = LinearSpeakerScorer(
      bits: 10, weights: weights, slope: 0.75, intercept: -1.25, marginSlope: 0.5,
      unrivalled: 2)
    let bytes = scorer.serialized()
    let encoded = Base64.encode(bytes)
    let decoded = Base64.decode(encoded).flatMap(LinearSpeakerScorer.init(serialized:))
    #expect(decoded?.weights == weights)
    #expect(decoded?.slope == 0.75)
    #expect(decoded?.intercept == -1.25)
    #expect(decoded?.marginSlope == 0.5)
    #expect(decoded?.unrivalled == 2)
  }

  @Test func theConfidenceGrowsWithTheMarginOverTheRival() {
    let bits = 8
    var weights = [Float](repeating: 0, count: 1 << bits)
    let good = SpeakerFeature.key(.mentionKind, 0)
    let fair = SpeakerFeature.key(.mentionKind, 1)
    weights[SpeakerFeature.bucket(good, bits: bits)] = 3
    weights[SpeakerFeature.bucket(fair, bits: bits)] = 2
    let scorer = LinearSpeakerScorer(
      bits: bits, weights: weights, slope: 0, intercept: 0, marginSlope: 1, unrivalled: 0.5)
    let close = scorer.choose(among: [
      Self.candidate("A", primary: true, confidence: 0, features: [good]),
      Self.candidate("B", primary: true, confidence: 0, features: [fair, fair]),
    ])
    let clear = scorer.choose(among: [
      Self.candidate("A", primary: true, confidence: 0, features: [good]),
      Self.candidate("B", primary: true, confidence: 0, features: []),
    ])
    // The same speaker twice is no rival: the pick is unrivalled.
    let alone = scorer.choose(among: [
      Self.candidate("A", primary: true, confidence: 0, features: [good]),
      Self.candidate("A", primary: true, confidence: 0, features: []),
    ])
    #expect(close?.index == 1)
    #expect(abs((close?.confidence ?? 0) - 1 / (1 + LinearSpeakerScorer.exp(-1))) < 1e-9)
    #expect(abs((clear?.confidence ?? 0) - 1 / (1 + LinearSpeakerScorer.exp(-3))) < 1e-9)
    #expect(abs((alone?.confidence ?? 0) - 1 / (1 + LinearSpeakerScorer.exp(-0.5))) < 1e-9)
  }

  @Test(arguments: [
    [UInt8](), Array("QSW2".utf8) + [UInt8](repeating: 0, count: 30), Array("QSW1".utf8) + [99],
  ])
  func damagedWeightsDoNotDecode(_ bytes: [UInt8]) {
    #expect(LinearSpeakerScorer(serialized: bytes) == nil)
  }

  @Test func theShippedWeightsDecode() {
    #expect(LinearSpeakerScorer.standard.weights.count == 1 << LinearSpeakerScorer.standard.bits)
    #expect(LinearSpeakerScorer.standard.weights.contains { $0 != 0 })
  }

  @Test(arguments: [
    ("“The roads will reopen,” Lena Varga said.", "Lena Varga"),
    ("Lena Varga told reporters, “The roads will reopen.”", "Lena Varga"),
    ("“We will be back next week,” said Ivo Sand, the coach.", "Ivo Sand"),
  ])
  func theLearnedScorerKeepsPlainCues(_ text: String, _ speaker: String) {
    let document = DocumentBuilder(text).prepared(for: "attribution")
    let attribution = SpeakerAttributor(explainsCandidates: true).attributions(in: document).first
    #expect(attribution?.speaker == speaker)
    #expect((attribution?.confidence ?? 0) > 0.5)
    #expect(attribution?.candidates.isEmpty == false)
  }
}
