import Foundation
import HTTPTypes
import QuotidianStore

/// An error answered as `{"error": {"code": "…", "message": "…"}}`. Codes are stable: clients
/// may switch on them. Messages never carry SQL, file paths or driver text.
struct APIError: Error, Sendable, Equatable {
  var status: HTTPResponse.Status
  var code: String
  var message: String
  var headers: HTTPFields = [:]

  /// Every code the API answers with, for the OpenAPI document.
  static let codes = [
    "invalid_parameter", "invalid_cursor", "invalid_search", "invalid_body", "not_found",
    "method_not_allowed",
    "unauthorized", "writes_disabled", "payload_too_large", "unsupported_media_type",
    "not_acceptable",
    "ambiguous_name", "internal",
  ]

  static func invalidParameter(_ name: String, _ problem: String) -> APIError {
    APIError(
      status: .badRequest, code: "invalid_parameter", message: "parameter '\(name)': \(problem)")
  }
  static func invalidCursor(_ problem: String) -> APIError {
    APIError(status: .badRequest, code: "invalid_cursor", message: problem)
  }
  static func invalidBody(_ problem: String) -> APIError {
    APIError(status: .badRequest, code: "invalid_body", message: problem)
  }
  static func notFound(_ what: String) -> APIError {
    APIError(status: .notFound, code: "not_found", message: what)
  }
  static let serverFailure = APIError(
    status: .internalServerError, code: "internal",
    message: "the server could not answer; the error was logged")

  /// The API's answer to a store error: bad searches and dates are the client's; anything
  /// else is internal and its text stays in the log.
  static func from(_ error: StoreError) -> APIError {
    let reason = error.reason
    // The store's own checks of a query (not driver errors): the client's to fix.
    if error.operation == "query" {
      if reason.contains(" different speakers: "), reason.hasSuffix("give a fuller name") {
        return APIError(
          status: .conflict, code: "ambiguous_name", message: bounded(reason, length: 1_000))
      }
      let checks = [
        "the search has too many words", "invalid since date", "invalid until date",
        "the limit must",
      ]
      if checks.contains(where: { reason.hasPrefix($0) })
        || (reason.hasPrefix("the ") && reason.contains(" is too long ("))
      {
        return APIError(status: .badRequest, code: "invalid_parameter", message: bounded(reason))
      }
    }
    if error.operation == "query", error.reason.hasPrefix("invalid search") {
      // The store's own parser names the problem; an FTS engine's message is not passed on.
      let reason = error.reason
      let leaks = ["fts5", "sqlite", "SQL", "syntax error near", "/"].contains {
        reason.contains($0)
      }
      let message = leaks ? "invalid search expression" : reason
      return APIError(status: .badRequest, code: "invalid_search", message: Self.bounded(message))
    }
    return serverFailure
  }

  static func bounded(_ text: String, length: Int = 300) -> String {
    text.unicodeScalars.count <= length
      ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(length))) + "…"
  }

  var json: String {
    JSONValue.object([("error", .object([("code", .string(code)), ("message", .string(message))]))])
      .serialized()
  }
}
