import Foundation

/// One WARC record (ISO 28500, WARC 1.0/1.1): its named fields and its content block.
public struct WARCRecord: Sendable {
  /// "WARC/1.0" or "WARC/1.1".
  public var version: String
  /// Header fields, names lower-cased, in order.
  public var fields: [(name: String, value: String)]
  /// The content block (for a `response` record: the HTTP response, headers and body).
  public var block: [UInt8]
  /// 1-based position of the record in its file.
  public var number: Int

  public subscript(field name: String) -> String? {
    let lower = name.lowercased()
    return fields.first { $0.name == lower }?.value
  }

  public var type: String? { self[field: "warc-type"]?.lowercased() }
  public var targetURI: String? {
    self[field: "warc-target-uri"].map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
    }
  }
  public var date: String? { self[field: "warc-date"] }
}
