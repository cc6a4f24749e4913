/// A 64-bit key for a word: FNV-1a over its ASCII-lower-cased UTF-8 bytes, with the
/// typographic apostrophe (U+2019) folded to `'`. Lets lexicon look-ups run on bytes
/// without building a `String` per token.
struct WordKey: Hashable, Sendable {
  let raw: UInt64

  static let empty = WordKey(raw: 0xcbf2_9ce4_8422_2325)

  init(raw: UInt64) { self.raw = raw }

  func hash(into hasher: inout Hasher) { hasher.combine(raw) }

  /// The key is already a 64-bit FNV-1a hash of the word: Set and Dictionary look-ups (the
  /// hottest operation of the pipeline) mix it with the seed cheaply instead of running SipHash.
  func _rawHashValue(seed: Int) -> Int {
    var x = raw ^ UInt64(UInt(bitPattern: seed))
    x = (x ^ (x &>> 33)) &* 0xff51_afd7_ed55_8ccd
    x ^= x &>> 33
    return Int(truncatingIfNeeded: x)
  }

  /// Key of `bytes[lower..<upper]`; out-of-range bounds are clamped.
  init(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = max(0, lower)
    let end = min(upper, bytes.count)
    while index < end {
      var byte = bytes[index]
      if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
        byte = 0x27
        index += 2
      } else if byte >= 0x41 && byte <= 0x5A {
        byte |= 0x20
      }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      index += 1
    }
    raw = hash
  }

  init(_ string: String) {
    var copy = string
    raw = copy.withUTF8 { WordKey($0, 0, $0.count).raw }
  }
}

/// A sequence of words ("told reporters", "according to") looked up word by word.
struct PhraseTable: Sendable {
  /// First word → the remaining words of each phrase starting with it, longest first.
  private(set) var continuations: [WordKey: [[WordKey]]] = [:]
  /// Phrase (joined keys) → value.
  private(set) var values: [[WordKey]: String] = [:]

  init(_ entries: [(String, String)]) {
    for (phrase, value) in entries {
      let words = phrase.split(separator: " ").map { WordKey(String($0)) }
      guard let first = words.first else { continue }
      continuations[first, default: []].append(Array(words.dropFirst()))
      values[words] = value
    }
    for key in continuations.keys {
      continuations[key]?.sort { $0.count > $1.count }
    }
  }

  /// The longest phrase starting at `keys[start]`; returns (word count, value).
  func match(_ keys: (Int) -> WordKey?, at start: Int) -> (count: Int, value: String)? {
    guard let first = keys(start), let tails = continuations[first] else { return nil }
    for tail in tails {
      var ok = true
      for (offset, word) in tail.enumerated() where keys(start + 1 + offset) != word {
        ok = false
        break
      }
      if ok, let value = values[[first] + tail] { return (tail.count + 1, value) }
    }
    return nil
  }
}
