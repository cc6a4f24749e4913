/// Converts UTF-8 offsets into Unicode-scalar offsets (Python `str` indices) in one pass.
///
/// The only place scalar offsets exist: the JSON output. Complexity O(n + k log k) for a text
/// of n bytes and k offsets.
struct ScalarOffsets {
  private var table: [Int: Int] = [:]

  init(text: String, utf8Offsets: [Int]) {
    let wanted = Array(Set(utf8Offsets)).sorted()
    guard !wanted.isEmpty else { return }
    var next = 0
    var scalars = 0
    var byteOffset = 0
    for byte in text.utf8 {
      while next < wanted.count, wanted[next] <= byteOffset {
        table[wanted[next]] = scalars
        next += 1
      }
      if next == wanted.count { break }
      // Count bytes that start a scalar (not continuation bytes 10xxxxxx).
      if byte & 0xC0 != 0x80 { scalars += 1 }
      byteOffset += 1
    }
    while next < wanted.count {
      table[wanted[next]] = scalars
      next += 1
    }
  }

  func scalarOffset(utf8Offset: Int) -> Int { table[utf8Offset] ?? 0 }
}
