/// Word shingles: every run of `size` consecutive words, hashed (64-bit FNV-1a over the words
/// and a separator). A text shorter than `size` words is one shingle of all its words.
public enum Shingles {
  public static func hashes(_ words: [String], size: Int) -> [UInt64] {
    guard !words.isEmpty else { return [] }
    let wordHashes = words.map(LinkText.hash)
    let width = max(1, min(size, words.count))
    var shingles: [UInt64] = []
    shingles.reserveCapacity(words.count - width + 1)
    for start in 0...(words.count - width) {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for offset in 0..<width {
        hash = (hash ^ wordHashes[start + offset]) &* 0x100_0000_01b3
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
      }
      shingles.append(hash)
    }
    return shingles
  }
}

/// A MinHash signature: for each of `count` seeded hash functions, the least hash over a
/// set's members. The fraction of positions where two signatures agree estimates the Jaccard
/// similarity of their sets. Deterministic: the seeds are fixed.
public struct MinHashSignature: Hashable, Sendable {
  public var values: [UInt32]

  public init(values: [UInt32]) { self.values = values }

  /// The signature of `members` (already hashed) under `count` hash functions.
  public init(members: [UInt64], count: Int) {
    let seeds = MinHashSignature.seeds(count)
    var values = [UInt32](repeating: .max, count: count)
    values.withUnsafeMutableBufferPointer { minima in
      for member in members {
        for index in 0..<count {
          let value = UInt32(truncatingIfNeeded: MinHashSignature.mix(member ^ seeds[index]) >> 32)
          if value < minima[index] { minima[index] = value }
        }
      }
    }
    self.values = values
  }

  /// The estimated Jaccard similarity: the share of positions where both agree (0 when the
  /// lengths differ or either is empty).
  public func similarity(to other: MinHashSignature) -> Double {
    guard values.count == other.values.count, !values.isEmpty else { return 0 }
    var same = 0
    for index in values.indices where values[index] == other.values[index] { same += 1 }
    return Double(same) / Double(values.count)
  }

  /// Locality-sensitive band keys: `bands` groups of `rows` consecutive values, each hashed
  /// with its band number. Two sets of similarity s share at least one key with probability
  /// 1 − (1 − s^rows)^bands.
  public func bandKeys(bands: Int, rows: Int) -> [Int64] {
    var keys: [Int64] = []
    keys.reserveCapacity(bands)
    for band in 0..<bands {
      let start = band * rows
      guard start + rows <= values.count else { break }
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
      for value in values[start..<(start + rows)] {
        hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
      }
      keys.append(Int64(bitPattern: MinHashSignature.mix(hash)))
    }
    return keys
  }

  /// The values as little-endian bytes, for storage.
  public var bytes: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * 4)
    for value in values {
      bytes.append(UInt8(truncatingIfNeeded: value))
      bytes.append(UInt8(truncatingIfNeeded: value >> 8))
      bytes.append(UInt8(truncatingIfNeeded: value >> 16))
      bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }
    return bytes
  }

  /// Reads ``bytes``; nil when the length is not a multiple of four.
  public init?(bytes: [UInt8]) {
    guard bytes.count % 4 == 0 else { return nil }
    var values: [UInt32] = []
    values.reserveCapacity(bytes.count / 4)
    var index = 0
    while index < bytes.count {
      values.append(
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
          | UInt32(bytes[index + 3]) << 24)
      index += 4
    }
    self.values = values
  }

  /// The splitmix64 finaliser.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
    x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
    return x ^ (x >> 31)
  }

  static let defaultSeeds: [UInt64] = makeSeeds(256)

  static func seeds(_ count: Int) -> [UInt64] {
    count <= defaultSeeds.count ? Array(defaultSeeds.prefix(count)) : makeSeeds(count)
  }

  static func makeSeeds(_ count: Int) -> [UInt64] {
    var state: UInt64 = 0x5155_4f54_4944_4941  // "QUOTIDIA"
    return (0..<count).map { _ in
      state = state &+ 0x9e37_79b9_7f4a_7c15
      return mix(state)
    }
  }
}
