import Foundation
import HTTPTypes
import Hummingbird

enum Responses {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  static func text(
    _ body: String, contentType: String, status: HTTPResponse.Status = .ok,
    headers: HTTPFields = [:]
  )
    -> Response
  {
    var fields = headers
    fields[.contentType] = contentType
    return Response(
      status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
  }

  static func json<Value: Encodable>(
    _ value: Value, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  )
    throws -> Response
  {
    let data = try encoder.encode(value)
    var fields = headers
    fields[.contentType] = ResponseFormat.json.contentType
    return Response(
      status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
    text(page, contentType: "text/html; charset=utf-8", status: status, headers: htmlHeaders)
  }

  /// No script runs on any page: the UI needs none, and injected markup cannot either.
  static let htmlHeaders: HTTPFields = [
    .contentSecurityPolicy:
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    .xContentTypeOptions: "nosniff",
    fieldName("Referrer-Policy"): "same-origin",
  ]

  static func error(_ error: APIError, html: Bool) -> Response {
    var headers = error.headers
    headers[.xContentTypeOptions] = "nosniff"
    if html {
      let page = WebUI.errorPage(error)
      var fields = htmlHeaders
      for field in error.headers { fields.append(field) }
      return text(
        page, contentType: "text/html; charset=utf-8", status: error.status, headers: fields)
    }
    return text(
      error.json, contentType: ResponseFormat.json.contentType, status: error.status,
      headers: headers)
  }

  /// A page of records as JSON, CSV or JSON Lines; the next page's cursor also goes in a
  /// `Link` header so exports can be followed without parsing the body.
  static func page<Item: CSVExportable>(
    _ page: Page<Item>, format: ResponseFormat, request: Request
  ) throws -> Response {
    var headers: HTTPFields = [:]
    if let next = page.nextCursor {
      headers[fieldName("X-Next-Cursor")] = next
      headers[fieldName("Link")] =
        "<\(nextURL(request: request, cursor: next))>; rel=\"next\""
    }
    switch format {
    case .json: return try json(page, headers: headers)
    case .csv:
      return text(CSV.document(page.items), contentType: format.contentType, headers: headers)
    case .jsonl:
      var out = Data()
      for item in page.items {
        out += try encoder.encode(item)
        out.append(0x0A)
      }
      headers[.contentType] = format.contentType
      return Response(
        status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: out)))
    }
  }

  /// The request's path and query with `cursor` replaced.
  static func nextURL(request: Request, cursor: String) -> String {
    var pairs = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("cursor=") }
      .map(String.init)
    pairs.append("cursor=" + cursor)
    return request.uri.path + "?" + pairs.joined(separator: "&")
  }
}

/// The field called `name`, a valid token written in the source.
private func fieldName(_ name: String) -> HTTPField.Name {
  guard let field = HTTPField.Name(name) else {
    preconditionFailure("\(name) is not a valid HTTP field name")
  }
  return field
}
