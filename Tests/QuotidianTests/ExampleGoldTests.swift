import Foundation
import Quotidian
import QuotidianCore
import Testing

/// Scores the extraction of each bundled example against its hand-written gold in
/// `Examples/expected/`, with the rules of the evaluation scorer: a predicted quote matches
/// a gold quote when their token-overlap F1 is at least 0.8; its speaker is right when it
/// equals an alias, contains the gold speaker, or (unnamed speakers) contains a head noun.
@Suite struct ExampleGoldTests {
  struct Gold: Decodable {
    struct Quote: Decodable {
      var text: String
      var speaker: String?
      var aliases: [String]?
      var named: Bool?
    }
    struct Ignored: Decodable { var text: String }
    var quotes: [Quote]
    var ignore: [Ignored]?
  }

  static let root = ExampleSnapshotTests.root

  static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        tokens.append(current)
        current = ""
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  static func overlapF1(_ a: String, _ b: String) -> Double {
    let ta = tokens(a)
    let tb = tokens(b)
    guard !ta.isEmpty, !tb.isEmpty else { return 0 }
    var counts: [String: Int] = [:]
    for token in tb { counts[token, default: 0] += 1 }
    var common = 0
    for token in ta where counts[token, default: 0] > 0 {
      common += 1
      counts[token]! -= 1
    }
    guard common > 0 else { return 0 }
    let precision = Double(common) / Double(ta.count)
    let recall = Double(common) / Double(tb.count)
    return 2 * precision * recall / (precision + recall)
  }

  static func speakerIsRight(_ predicted: String?, _ gold: Gold.Quote) -> Bool {
    guard let goldSpeaker = gold.speaker else { return predicted == nil }
    guard let predicted else { return false }
    let p = predicted.lowercased()
    if gold.named == false {
      return (gold.aliases ?? []).contains { p.contains($0.lowercased()) }
    }
    return p == goldSpeaker.lowercased() || p.contains(goldSpeaker.lowercased())
      || (gold.aliases ?? []).contains { $0.lowercased() == p }
  }

  struct Score {
    var matched = 0, falsePositives = 0, missed = 0, speakersRight = 0
    var failures: [String] = []
  }

  static func score(_ result: ExtractionResult, against gold: Gold) -> Score {
    var pairs: [(Double, Int, Int)] = []
    for (i, predicted) in result.quotes.enumerated() {
      for (j, expected) in gold.quotes.enumerated() {
        let f1 = overlapF1(predicted.text, expected.text)
        if f1 >= 0.8 { pairs.append((f1, i, j)) }
      }
    }
    pairs.sort { $0.0 > $1.0 }
    var usedPredicted = Set<Int>(), usedGold = Set<Int>()
    var score = Score()
    for (_, i, j) in pairs where !usedPredicted.contains(i) && !usedGold.contains(j) {
      usedPredicted.insert(i)
      usedGold.insert(j)
      score.matched += 1
      if speakerIsRight(result.quotes[i].speaker, gold.quotes[j]) {
        score.speakersRight += 1
      } else {
        score.failures.append("speaker \(result.quotes[i].speaker ?? "nil") for “\(gold.quotes[j].text.prefix(50))”")
      }
    }
    for i in result.quotes.indices where !usedPredicted.contains(i) {
      score.falsePositives += 1
      score.failures.append("false positive “\(result.quotes[i].text.prefix(50))”")
    }
    for j in gold.quotes.indices where !usedGold.contains(j) {
      score.missed += 1
      score.failures.append("missed “\(gold.quotes[j].text.prefix(50))”")
    }
    return score
  }

  @Test func examplesScoreAboveTheFloors() async throws {
    let articles = Self.root.appendingPathComponent("Examples/articles")
    var total = Score()
    await Engine(maxConcurrency: 2).extract(paths: [articles.path]) { outcome in
      let base = ((outcome.path as NSString).lastPathComponent as NSString).deletingPathExtension
      let goldURL = Self.root.appendingPathComponent("Examples/expected/\(base).json")
      guard let data = try? Data(contentsOf: goldURL),
        let gold = try? JSONDecoder().decode(Gold.self, from: data), let result = outcome.results.first
      else {
        Issue.record("no gold or no result for \(base)")
        return
      }
      let score = Self.score(result, against: gold)
      total.matched += score.matched
      total.falsePositives += score.falsePositives
      total.missed += score.missed
      total.speakersRight += score.speakersRight
      total.failures += score.failures.map { "\(base): \($0)" }
    }
    let precision = Double(total.matched) / Double(max(1, total.matched + total.falsePositives))
    let recall = Double(total.matched) / Double(max(1, total.matched + total.missed))
    let f1 = 2 * precision * recall / max(1e-9, precision + recall)
    let attribution = Double(total.speakersRight) / Double(max(1, total.matched))
    let details = total.failures.joined(separator: "\n")
    #expect(f1 >= Self.floors.quoteF1, "quote F1 \(f1)\n\(details)")
    #expect(attribution >= Self.floors.attribution, "attribution \(attribution)\n\(details)")
  }

  /// Floors for the bundled examples; raise them as quality improves, never lower them.
  static let floors = (quoteF1: 0.94, attribution: 0.78)
}
