import Foundation
public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
public import Quotidian
public import QuotidianStore

/// What `quotidian serve` runs with.
public struct ServerConfiguration: Sendable {
  /// The store answering reads and keeping posted articles.
  public var store: any Store & ArticleReading & StatementStore
  /// Analyses posted articles.
  public var engine: Engine
  /// The bearer token writes need; nil disables writes.
  public var token: String?
  public var host: String
  public var port: Int
  /// Timeouts and the connection limit that keep slow clients from holding the server.
  public var limits = ServerLimits()
  /// Called once the server listens, with the port it listens on (useful with port 0).
  public var onListening: (@Sendable (Int) async -> Void)?

  public init(
    store: any Store & ArticleReading & StatementStore, engine: Engine = Engine(),
    token: String? = nil,
    host: String = "127.0.0.1",
    port: Int = 8080
  ) {
    self.store = store
    self.engine = engine
    self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    self.host = host
    self.port = port
  }
}

/// The HTTP application: the JSON API under `/api/v1`, its OpenAPI document and the web UI.
/// Tests call it with an in-memory `SQLiteStore` and drive it through HummingbirdTesting.
public func buildApplication(_ configuration: ServerConfiguration) throws
  -> some ApplicationProtocol
{
  let (router, _) = try buildRouter(configuration)
  var logger = Logger(label: "quotidian.serve")
  logger.logLevel =
    ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
  let limits = configuration.limits
  let onListening = configuration.onListening
  return Application(
    router: router,
    server: HTTPServerBuilder { responder in
      GuardedHTTP1Channel(responder: responder, limits: limits)
    },
    configuration: .init(
      address: .hostname(configuration.host, port: configuration.port), serverName: "quotidian"),
    onServerRunning: { channel in
      await onListening?(channel.localAddress?.port ?? configuration.port)
    },
    logger: logger)
}

/// Builds the application and serves until the process is interrupted (SIGINT/SIGTERM end
/// it gracefully, unless `handlingSignals` is false) or the task is cancelled. A port that
/// cannot be listened on is a ``ServeError``, not the socket library's text.
public func runServer(_ configuration: ServerConfiguration, handlingSignals: Bool = true)
  async throws
{
  let app = try buildApplication(configuration)
  do {
    try await app.runService(gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [])
  } catch {
    if let refusal = ServeError(
      listening: error, host: configuration.host, port: configuration.port)
    {
      throw refusal
    }
    throw error
  }
}

/// Why `serve` could not start listening.
public struct ServeError: Error, Hashable, Sendable, CustomStringConvertible {
  public var host: String
  public var port: Int
  public var reason: String

  public init(host: String, port: Int, reason: String) {
    self.host = host
    self.port = port
    self.reason = reason
  }

  /// The listening failure `error` describes, or nil when it is another kind of error.
  init?(listening error: any Error, host: String, port: Int) {
    if let error = error as? IOError {
      let reason: String
      switch error.errnoCode {
      case EADDRINUSE: reason = "the address is already in use (is another server running?)"
      case EACCES: reason = "permission denied (ports below 1024 need privileges)"
      case EADDRNOTAVAIL: reason = "the address is not one of this machine's"
      default: reason = String(cString: strerror(error.errnoCode)).lowercased()
      }
      self.init(host: host, port: port, reason: reason)
    } else if error is SocketAddressError || error is SocketAddressError.UnknownHost {
      self.init(host: host, port: port, reason: "unknown host")
    } else {
      return nil
    }
  }

  public var description: String { "error: cannot listen on \(host):\(port): \(reason)" }
}

/// The router and the route table it was built from (the OpenAPI document's source).
func buildRouter(_ configuration: ServerConfiguration) throws -> (
  Router<BasicRequestContext>, [Endpoint]
) {
  let api = API(configuration: configuration, web: try WebUI())
  let endpoints = api.endpoints()
  let document = OpenAPI.document(endpoints)
  let router = Router()
  router.add(
    middleware: ErrorMiddleware(routes: endpoints.map { ($0.method, RouterPath($0.path)) }))
  for endpoint in endpoints {
    var handler = endpoint.handler
    if endpoint.path == OpenAPI.path {
      let served = OpenAPI.response(document)
      handler = { @Sendable _, _, _ in served }
    }
    let route = handler
    let specs = endpoint.parameters
    let requiresToken = endpoint.requiresToken
    router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
      var captures: [String: String] = [:]
      for spec in specs where spec.location == .path {
        guard let raw = context.parameters.get(spec.name) else { continue }
        guard let decoded = raw.removingPercentEncoding else {
          throw APIError.invalidParameter(spec.name, "bad percent-encoding")
        }
        captures[spec.name] = decoded
      }
      let parameters = try RequestParameters(
        query: request.uri.query, captures: captures, specs: specs)
      if requiresToken { try api.authorize(request) }
      return try await route(request, parameters, context)
    }
  }
  return (router, endpoints)
}

/// Turns every error into the JSON error body (HTML under the web UI's paths); unexpected
/// errors are logged and answered as `internal` without their text.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext
  /// Every route, to tell an unknown path (404) from a known path asked with another method (405).
  let routes: [(HTTPRequest.Method, RouterPath)]

  /// The methods served on `path`.
  func methods(for path: String) -> [HTTPRequest.Method] {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true)
    return routes.filter { _, route in
      route.count == segments.count
        && zip(route, segments).allSatisfy { element, segment in
          element.description.hasPrefix("{") || element.description == segment
        }
    }.map(\.0)
  }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws
    -> Response
  {
    let html = !request.uri.path.hasPrefix("/api/")
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return Responses.error(error, html: html)
    } catch let error as StoreError {
      let answer = APIError.from(error)
      if answer.code == "internal" { context.logger.error("store error: \(error.description)") }
      return Responses.error(answer, html: html)
    } catch let error as HTTPError {
      let allowed = error.status == .notFound ? methods(for: request.uri.path) : []
      if !allowed.isEmpty {
        var answer = APIError(
          status: .methodNotAllowed, code: "method_not_allowed",
          message: "method not allowed on this route")
        answer.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return Responses.error(answer, html: html)
      }
      return Responses.error(Self.translate(error), html: html)
    } catch {
      context.logger.error("unexpected error: \(String(describing: error))")
      return Responses.error(.serverFailure, html: html)
    }
  }

  static func translate(_ error: HTTPError) -> APIError {
    switch error.status.code {
    case 404: APIError.notFound("no such route")
    case 405:
      APIError(
        status: .methodNotAllowed, code: "method_not_allowed",
        message: "method not allowed on this route")
    case 413:
      APIError(
        status: .contentTooLarge, code: "payload_too_large",
        message: "the request body is larger than \(Limits.maximumBodyBytes) bytes")
    case 400..<500:
      APIError(status: error.status, code: "invalid_parameter", message: "bad request")
    default: APIError.serverFailure
    }
  }
}
