import Hummingbird

/// One route: what the router serves and what the OpenAPI document says, from one value.
struct Endpoint: Sendable {
  enum Output: Sendable {
    /// JSON whose schema is the named component.
    case json(String)
    /// JSON (the named component wraps a page of the item component), CSV or JSON Lines of items.
    case export(page: String, item: String)
    /// A server-rendered HTML page.
    case html
  }

  var method: HTTPRequest.Method
  /// Hummingbird path syntax, which is also OpenAPI's: `/api/v1/speakers/{name}`.
  var path: String
  var operationID: String
  var summary: String
  var tag: String
  var parameters: [ParameterSpec] = []
  var output: Output
  /// The component schema of a JSON request body.
  var requestBody: String?
  var requiresToken = false
  var successStatus = 200
  /// Statuses the route answers besides success and 500.
  var errorStatuses: [Int] = [400]
  var handler: @Sendable (Request, RequestParameters, BasicRequestContext) async throws -> Response
}
