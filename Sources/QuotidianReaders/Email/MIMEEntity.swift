import Foundation

/// One MIME entity (RFC 2045/2046): a message or a body part, with its parts when multipart.
struct MIMEEntity {
  var headers: MIMEHeaders
  /// The raw body, still transfer-encoded.
  var body: ArraySlice<UInt8>
  /// Sub-parts of a multipart entity; the enclosed message of a `message/rfc822` part.
  var parts: [MIMEEntity] = []
  /// A problem met while splitting this entity (a missing close delimiter, …).
  var problems: [String] = []

  var contentType: ContentType { ContentType(headers["content-type"]) }

  var isAttachment: Bool {
    guard let disposition = headers["content-disposition"] else { return false }
    return disposition.lowercased().trimmingPrefix(while: { $0 == " " }).hasPrefix("attachment")
  }

  /// The body with its Content-Transfer-Encoding undone.
  func decodedBody() throws(TransferEncoding.Base64Error) -> [UInt8] {
    switch headers["content-transfer-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) {
    case "base64": try TransferEncoding.base64(body)
    case "quoted-printable": TransferEncoding.quotedPrintable(body)
    default: Array(body)
    }
  }

  /// The decoded body as text in the declared charset.
  func decodedText() throws(TransferEncoding.Base64Error) -> String {
    Charset.decode(try decodedBody(), charset: contentType.parameters["charset"])
  }
}

extension StringProtocol {
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> SubSequence {
    self[(firstIndex(where: { !predicate($0) }) ?? endIndex)...]
  }
}

/// A parsed `Content-Type` value: `type/subtype; name=value; …`.
struct ContentType {
  var type: String
  var subtype: String
  var parameters: [String: String]

  var mimeType: String { "\(type)/\(subtype)" }
  var isMultipart: Bool { type == "multipart" }

  /// Parses `value`; a missing or broken value is `text/plain` (RFC 2045 §5.2).
  init(_ value: String?) {
    type = "text"
    subtype = "plain"
    parameters = [:]
    guard let value else { return }
    let pieces = ContentType.splitParameters(value)
    guard let first = pieces.first else { return }
    let mime = first.lowercased().trimmingCharacters(in: .whitespaces)
    if let slash = mime.firstIndex(of: "/") {
      let type = mime[..<slash].trimmingCharacters(in: .whitespaces)
      let subtype = mime[mime.index(after: slash)...].trimmingCharacters(in: .whitespaces)
      if !type.isEmpty && !subtype.isEmpty {
        self.type = type
        self.subtype = subtype
      }
    }
    for piece in pieces.dropFirst() {
      guard let equals = piece.firstIndex(of: "=") else { continue }
      var name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var parameterValue = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if parameterValue.count >= 2, parameterValue.hasPrefix("\""), parameterValue.hasSuffix("\"") {
        parameterValue = String(parameterValue.dropFirst().dropLast())
          .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
      }
      if name.hasSuffix("*") {
        // RFC 2231 extended value: charset'language'percent-encoded.
        name.removeLast()
        let parts = parameterValue.split(
          separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3 {
          parameterValue = ContentType.percentDecoded(String(parts[2]), charset: String(parts[0]))
        }
      }
      if parameters[name] == nil { parameters[name] = parameterValue }
    }
  }

  /// Splits on `;` outside quoted strings.
  static func splitParameters(_ value: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    var isQuoted = false
    var isEscaped = false
    for character in value {
      if isEscaped {
        current.append(character)
        isEscaped = false
        continue
      }
      if character == "\\" && isQuoted { isEscaped = true }
      if character == "\"" { isQuoted.toggle() }
      if character == ";" && !isQuoted {
        pieces.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    pieces.append(current)
    return pieces
  }

  static func percentDecoded(_ value: String, charset: String) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(value.utf8)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
        let high = TransferEncoding.hexValue(utf8[index + 1]),
        let low = TransferEncoding.hexValue(utf8[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return Charset.decode(bytes, charset: charset)
  }
}
