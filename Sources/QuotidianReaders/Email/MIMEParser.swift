/// Splits a message into its MIME tree (RFC 2046 §5.1), tolerating real-world damage.
enum MIMEParser {
  /// Deepest nesting of multiparts and enclosed messages followed.
  static let maxDepth = 12
  /// Most parts read from one message, in total.
  static let maxParts = 500

  /// A multipart whose boundary never occurs: nothing can be split.
  struct BoundaryError: Error {
    var boundary: String
  }

  static func parse(_ bytes: ArraySlice<UInt8>) throws(BoundaryError) -> MIMEEntity {
    var budget = maxParts
    return try parse(bytes, depth: 0, budget: &budget)
  }

  private static func parse(
    _ bytes: ArraySlice<UInt8>, depth: Int, budget: inout Int
  ) throws(BoundaryError) -> MIMEEntity {
    let (headers, body) = MIMEHeaders.parse(bytes)
    var entity = MIMEEntity(headers: headers, body: body)
    guard depth < maxDepth else {
      entity.problems.append("nesting deeper than \(maxDepth) levels ignored")
      return entity
    }
    let type = entity.contentType
    if type.isMultipart {
      guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
        entity.problems.append("multipart without a boundary parameter")
        return entity
      }
      let (bodies, isClosed) = split(body, boundary: Array(boundary.utf8))
      if bodies.isEmpty {
        // The boundary never occurs. An outer message fails; a nested part is left opaque.
        if depth == 0 { throw BoundaryError(boundary: boundary) }
        entity.problems.append("multipart boundary \"\(boundary)\" not found")
        return entity
      }
      if !isClosed { entity.problems.append("multipart boundary \"\(boundary)\" is never closed") }
      for partBytes in bodies {
        guard budget > 0 else {
          entity.problems.append("more than \(maxParts) parts; the rest ignored")
          break
        }
        budget -= 1
        let part =
          (try? parse(partBytes, depth: depth + 1, budget: &budget))
          ?? MIMEEntity(headers: MIMEHeaders(), body: partBytes)
        entity.problems += part.problems
        entity.parts.append(part)
      }
    } else if type.type == "message" && (type.subtype == "rfc822" || type.subtype == "global") {
      budget -= 1
      let inner =
        entity.headers["content-transfer-encoding"]?.lowercased().contains("base64") == true
        ? ArraySlice((try? entity.decodedBody()) ?? [])
        : body
      if let message = try? parse(inner, depth: depth + 1, budget: &budget) {
        entity.parts = [message]
      }
    }
    return entity
  }

  /// The bodies between `--boundary` delimiter lines, and whether a close delimiter was seen.
  /// The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
  static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> ([ArraySlice<UInt8>], Bool) {
    let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
    var bodies: [ArraySlice<UInt8>] = []
    var partStart: Int?
    var lineStart = body.startIndex
    while lineStart < body.endIndex {
      var lineEnd = lineStart
      while lineEnd < body.endIndex && body[lineEnd] != 0x0A { lineEnd += 1 }
      let line = body[lineStart..<lineEnd]
      if line.starts(with: delimiter) {
        let rest = line.dropFirst(delimiter.count)
        let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
        let isDelimiter = isClose || rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if isDelimiter {
          if let start = partStart {
            var end = lineStart
            if end > start && body[end - 1] == 0x0A { end -= 1 }
            if end > start && body[end - 1] == 0x0D { end -= 1 }
            bodies.append(body[start..<max(start, end)])
          }
          if isClose { return (bodies, true) }
          partStart = min(lineEnd + 1, body.endIndex)
        }
      }
      lineStart = lineEnd + 1
    }
    if let start = partStart, start < body.endIndex { bodies.append(body[start...]) }
    return (bodies, false)
  }
}
