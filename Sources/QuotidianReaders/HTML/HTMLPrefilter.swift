import Foundation

/// Cuts what can never become article text out of a page before libxml2 parses it:
/// the contents of `<script>` (except JSON-LD), `<style>`, `<svg>` and `<noscript>`, and
/// comments. libxml2 walks such content character by character, and on modern pages it is
/// often most of the bytes. The elements' tags stay, so the tree keeps its shape; content
/// that libxml2 reads as raw text (scripts, styles) cannot change the tree, and the rest is
/// skipped by ``HTMLTree`` anyway.
///
/// Works on any ASCII-compatible encoding. An element or comment that is never closed is
/// left as it is.
enum HTMLPrefilter {
  /// The filtered bytes, or nil when nothing was cut.
  static func filter(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var output: [UInt8] = []
    var copied = 0  // bytes[..<copied] are in output (or nothing was cut yet)
    var position = 0
    var attributeScanEnd = 0
    func cut(_ from: Int, _ to: Int) {
      if output.isEmpty { output.reserveCapacity(count) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<from]))
      copied = to
    }
    while position < count - 3 {
      guard let found = memchr(base + position, 0x3C, count - position) else { break }
      let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      position = open + 1
      guard open + 4 < count else { break }
      let next = bytes[open + 1]
      if next == UInt8(ascii: "!") {
        guard bytes[open + 2] == UInt8(ascii: "-"), bytes[open + 3] == UInt8(ascii: "-") else {
          continue
        }
        guard let close = find(bytes, "-->", from: open + 4) else { break }
        cut(open, close + 3)
        position = close + 3
        continue
      }
      // A tag with thousands of attributes costs libxml2 time quadratic in their number
      // (each is checked against all before it): keep the first ones only.
      // Each byte is scanned once: a `<` inside a tag already scanned is not a tag.
      if open >= attributeScanEnd, (next | 0x20) >= UInt8(ascii: "a"),
        (next | 0x20) <= UInt8(ascii: "z")
      {
        let scan = attributeScan(bytes, tagAt: open)
        attributeScanEnd = scan.tagEnd ?? count
        if let keepEnd = scan.keepEnd, let tagEnd = scan.tagEnd {
          cut(keepEnd, tagEnd)
          position = tagEnd
          continue
        }
      }
      let name: StaticString
      switch next | 0x20 {
      case UInt8(ascii: "s"):
        if hasName(bytes, at: open + 1, "script") {
          name = "script"
        } else if hasName(bytes, at: open + 1, "style") {
          name = "style"
        } else if hasName(bytes, at: open + 1, "svg") {
          name = "svg"
        } else {
          continue
        }
      case UInt8(ascii: "n"):
        guard hasName(bytes, at: open + 1, "noscript") else { continue }
        name = "noscript"
      default: continue
      }
      guard let tagEnd = memchr(base + open, 0x3E, count - open) else { break }
      let contentStart = base.distance(to: tagEnd.assumingMemoryBound(to: UInt8.self)) + 1
      if bytes[contentStart - 2] == UInt8(ascii: "/") && name.utf8CodeUnitCount == 3 {  // <svg/>
        position = contentStart
        continue
      }
      guard let closing = findClosing(bytes, name, from: contentStart) else { break }
      position = closing
      if name.utf8CodeUnitCount == 6 && containsJSONLD(bytes, open, contentStart) { continue }
      if closing > contentStart { cut(contentStart, closing) }
    }
    guard copied > 0 || !output.isEmpty else { return nil }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    return output
  }

  /// Attributes kept on one tag; real pages stay far below.
  static let maximumAttributes = 256

  /// The tag at `open`: where its `>` (or `/>`) is (nil when never closed) and, when it has
  /// more than ``maximumAttributes`` attributes, where the kept ones end. Quote-aware and
  /// linear in the tag's length.
  private static func attributeScan(_ bytes: UnsafeBufferPointer<UInt8>, tagAt open: Int)
    -> (keepEnd: Int?, tagEnd: Int?)
  {
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
    let count = bytes.count
    var i = open + 1
    while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
    var attributes = 0
    var keepEnd: Int?
    while i < count {
      while i < count, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
      guard i < count else { return (nil, nil) }
      if bytes[i] == UInt8(ascii: ">") {
        return (keepEnd, bytes[i - 1] == UInt8(ascii: "/") ? i - 1 : i)
      }
      attributes += 1
      if attributes > maximumAttributes && keepEnd == nil { keepEnd = i }
      while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="),
        bytes[i] != UInt8(ascii: ">")
      {
        i += 1
      }
      while i < count, isSpace(bytes[i]) { i += 1 }
      guard i < count, bytes[i] == UInt8(ascii: "=") else { continue }
      i += 1
      while i < count, isSpace(bytes[i]) { i += 1 }
      guard i < count else { return (nil, nil) }
      let quote = bytes[i]
      if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
        i += 1
        while i < count, bytes[i] != quote { i += 1 }
        i += 1
      } else {
        while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
      }
    }
    return (nil, nil)
  }

  /// Whether the tag name at `index` is `name` (lower case), followed by a tag delimiter.
  private static func hasName(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ name: StaticString
  ) -> Bool {
    let length = name.utf8CodeUnitCount
    guard index + length < bytes.count else { return false }
    let letters = name.utf8Start
    for offset in 0..<length where bytes[index + offset] | 0x20 != letters[offset] { return false }
    switch bytes[index + length] {
    case 0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"): return true
    default: return false
    }
  }

  /// The index of the first `</name` at or after `from`, case-insensitively.
  private static func findClosing(
    _ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString, from: Int
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var position = from
    let length = name.utf8CodeUnitCount
    while position + length + 2 <= bytes.count {
      guard let found = memchr(base + position, 0x3C, bytes.count - position) else { return nil }
      let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "/"),
        hasName(bytes, at: open + 2, name)
      {
        return open
      }
      position = open + 1
    }
    return nil
  }

  /// The index of the first `needle` at or after `from`.
  private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int)
    -> Int?
  {
    guard let base = bytes.baseAddress, from < bytes.count else { return nil }
    let length = needle.utf8CodeUnitCount
    let letters = needle.utf8Start
    var position = from
    while position + length <= bytes.count {
      guard let found = memchr(base + position, Int32(letters[0]), bytes.count - position) else {
        return nil
      }
      let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      guard start + length <= bytes.count else { return nil }
      var offset = 1
      while offset < length, bytes[start + offset] == letters[offset] { offset += 1 }
      if offset == length { return start }
      position = start + 1
    }
    return nil
  }

  /// Whether the tag between `start` and `end` declares `type="application/ld+json"`.
  private static func containsJSONLD(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Bool
  {
    let needle = Array("ld+json".utf8)
    guard end - start >= needle.count else { return false }
    outer: for index in start...(end - needle.count) {
      for offset in 0..<needle.count where bytes[index + offset] | 0x20 != needle[offset] {
        continue outer
      }
      return true
    }
    return false
  }
}
