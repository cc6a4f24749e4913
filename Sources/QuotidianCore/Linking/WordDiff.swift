/// A word-level diff between an original wording and a variant, by longest common
/// subsequence. Words are compared folded (``LinkText/words(_:)``).
public struct WordDiff: Hashable, Sendable, Codable {
  public enum Operation: String, Hashable, Sendable, Codable {
    case equal, delete, insert
  }

  /// A run of words with one operation: `delete` words are the original's, `insert` the
  /// variant's.
  public struct Run: Hashable, Sendable, Codable {
    public var operation: Operation
    public var words: [String]
    public init(operation: Operation, words: [String]) {
      self.operation = operation
      self.words = words
    }
  }

  public var runs: [Run]

  /// Longest quotes compared word by word; longer ones are cut (the cost is quadratic).
  public static let wordLimit = 400

  public init(runs: [Run]) { self.runs = runs }

  /// The diff from `original` to `variant`.
  public init(original: [String], variant: [String]) {
    let a = Array(original.prefix(Self.wordLimit))
    let b = Array(variant.prefix(Self.wordLimit))
    let n = a.count
    let m = b.count
    // lengths[i][j]: LCS of a[i...] and b[j...], flattened.
    var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
    let width = m + 1
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lengths[i * width + j] =
            a[i] == b[j]
            ? lengths[(i + 1) * width + j + 1] + 1
            : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
        }
      }
    }
    var runs: [Run] = []
    func append(_ operation: Operation, _ word: String) {
      if let last = runs.last, last.operation == operation {
        runs[runs.count - 1].words.append(word)
      } else {
        runs.append(Run(operation: operation, words: [word]))
      }
    }
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        append(.equal, a[i])
        i += 1
        j += 1
      } else if i < n, j == m || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
        append(.delete, a[i])
        i += 1
      } else {
        append(.insert, b[j])
        j += 1
      }
    }
    self.runs = runs
  }

  /// Words both share.
  public var commonCount: Int {
    runs.filter { $0.operation == .equal }.reduce(0) { $0 + $1.words.count }
  }

  /// The diff without the words only one side quotes at its start or end: where one wording
  /// quotes more of the same sentence than the other (only deletions, or only insertions,
  /// before the first or after the last shared word), the extra words are not an alteration.
  /// A replacement there (deletions and insertions both) is kept.
  public var trimmed: WordDiff {
    guard let first = runs.firstIndex(where: { $0.operation == .equal }),
      let last = runs.lastIndex(where: { $0.operation == .equal })
    else { return WordDiff(runs: []) }
    func isOneSided(_ edge: ArraySlice<Run>) -> Bool { Set(edge.map(\.operation)).count <= 1 }
    let start = isOneSided(runs[..<first]) ? first : runs.startIndex
    let end = isOneSided(runs[(last + 1)...]) ? last : runs.endIndex - 1
    return WordDiff(runs: Array(runs[start...end]))
  }

  /// True when some words were inserted or deleted.
  public var hasChanges: Bool { runs.contains { $0.operation != .equal } }

  /// The diff as text: `[-deleted-]` and `{+inserted+}` inside the shared words.
  public var rendered: String {
    runs.map { run in
      let words = run.words.joined(separator: " ")
      switch run.operation {
      case .equal: return words
      case .delete: return "[-" + words + "-]"
      case .insert: return "{+" + words + "+}"
      }
    }.joined(separator: " ")
  }
}

/// How two quotes' wordings relate.
public struct QuoteAlignment: Hashable, Sendable {
  /// 2 × common words / (words of both): 1 for the same wording.
  public var similarity: Double
  /// Common words / words of the shorter: 1 when one is a fragment of the other.
  public var containment: Double
  /// The diff inside the stretch both quote (``WordDiff/trimmed``).
  public var diff: WordDiff
  /// Words of the shorter quote.
  public var shorterCount: Int

  /// Aligns `variant` with `original` (folded words of each).
  public init(original: [String], variant: [String]) {
    let full = WordDiff(original: original, variant: variant)
    let common = full.commonCount
    let total = original.count + variant.count
    similarity = total == 0 ? 0 : Double(2 * common) / Double(total)
    let shorter = min(original.count, variant.count)
    shorterCount = shorter
    containment = shorter == 0 ? 0 : Double(common) / Double(shorter)
    diff = full.trimmed
  }

  /// Shortest quote (in words) matched as shared; shorter ones are too common to tell.
  public static let minimumWords = 4

  /// Share of the shorter quote's words that must appear, in order, in the longer one (one
  /// word may always be missing).
  public static let minimumContainment = 0.85

  /// True when both quote the same statement: nearly all of the shorter's words in order in
  /// the longer (a fragment of a longer quote, or the same words with a few changed).
  public var isSameStatement: Bool {
    let common = diff.commonCount
    guard common >= Self.minimumWords, shorterCount > 0 else { return false }
    return containment >= Self.minimumContainment || shorterCount - common <= 1
  }

  /// True when the two quote the same statement in different words (inside the stretch both
  /// quote).
  public var isAltered: Bool { isSameStatement && diff.hasChanges }
}
