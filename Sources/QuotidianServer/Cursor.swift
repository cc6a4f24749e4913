import Foundation

/// An opaque page cursor: a position in one listing under one set of filters.
///
/// Encoded as base64url of `v1|listing|position|fingerprint`; the fingerprint (FNV-1a of the
/// filters) makes a cursor from one query invalid for another instead of silently wrong.
struct Cursor: Equatable, Sendable {
  var listing: String
  /// An offset, or for keyset listings the last ID seen.
  var position: Int64
  var fingerprint: UInt64

  init(listing: String, position: Int64, filters: [(String, String?)]) {
    self.listing = listing
    self.position = position
    self.fingerprint = Self.fingerprint(filters)
  }

  static func fingerprint(_ filters: [(String, String?)]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (name, value) in filters {
      for byte in Array(name.utf8) + [0] + Array((value ?? "\u{1}").utf8) + [0xFF] {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
    }
    return hash
  }

  var encoded: String {
    let raw = "v1|\(listing)|\(position)|\(String(fingerprint, radix: 16))"
    return Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// Decodes `text` for `listing` under `filters`; throws `invalid_cursor` otherwise.
  static func decode(_ text: String, listing: String, filters: [(String, String?)]) throws(APIError)
    -> Cursor
  {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    guard let data = Data(base64Encoded: base64), let raw = String(data: data, encoding: .utf8)
    else {
      throw .invalidCursor("the cursor is not one this server issued")
    }
    let parts = raw.split(separator: "|", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "v1", let position = Int64(parts[2]), position >= 0,
      let fingerprint = UInt64(parts[3], radix: 16)
    else { throw .invalidCursor("the cursor is not one this server issued") }
    guard parts[1] == listing else { throw .invalidCursor("the cursor belongs to another listing") }
    guard fingerprint == Self.fingerprint(filters) else {
      throw .invalidCursor("the cursor belongs to a query with other filters")
    }
    var cursor = Cursor(listing: listing, position: position, filters: filters)
    cursor.fingerprint = fingerprint
    return cursor
  }
}
