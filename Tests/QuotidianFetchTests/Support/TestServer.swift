import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request as the test server saw it.
struct TestRequest: Sendable {
  var method: String
  var path: String
  var headers: [(name: String, value: String)]

  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }
}

/// What the test server answers.
struct TestResponse: Sendable {
  var status = 200
  var headers: [(name: String, value: String)] = []
  var body: [UInt8] = []
  /// Wait this long before answering.
  var delayMilliseconds = 0
  /// Never answer.
  var hang = false
  /// Send the body with chunked encoding instead of a Content-Length.
  var chunked = false
  /// Send the body one byte at a time, this many milliseconds apart.
  var dripMilliseconds = 0

  static func text(_ body: String, type: String = "text/html; charset=utf-8", status: Int = 200)
    -> TestResponse
  {
    TestResponse(status: status, headers: [("Content-Type", type)], body: Array(body.utf8))
  }

  static func redirect(to location: String, status: Int = 302) -> TestResponse {
    TestResponse(status: status, headers: [("Location", location)])
  }

  static let notFound = TestResponse.text("not here", type: "text/plain", status: 404)
}

/// Counts requests, and the largest number in flight at once per `Host` header.
final class RequestLog: @unchecked Sendable {
  private let lock = NSLock()
  private var inFlight: [String: Int] = [:]
  private var peak: [String: Int] = [:]
  private var seen: [TestRequest] = []

  func begin(_ request: TestRequest) {
    lock.withLock {
      seen.append(request)
      let host = request.header("Host") ?? ""
      inFlight[host, default: 0] += 1
      peak[host] = max(peak[host] ?? 0, inFlight[host] ?? 0)
    }
  }

  func end(_ request: TestRequest) {
    lock.withLock {
      let host = request.header("Host") ?? ""
      inFlight[host, default: 0] -= 1
    }
  }

  var requests: [TestRequest] { lock.withLock { seen } }
  var peakPerHost: [String: Int] { lock.withLock { peak } }
  func count(path: String) -> Int { requests.filter { $0.path == path }.count }
}

/// An HTTP/1.1 server on 127.0.0.1 with an ephemeral port; `route` answers every request.
final class TestServer: Sendable {
  let group: MultiThreadedEventLoopGroup
  let channel: any Channel
  let port: Int
  let log: RequestLog

  private init(group: MultiThreadedEventLoopGroup, channel: any Channel, port: Int, log: RequestLog)
  {
    self.group = group
    self.channel = channel
    self.port = port
    self.log = log
  }

  static func start(_ route: @escaping @Sendable (TestRequest) -> TestResponse) async throws
    -> TestServer
  {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let log = RequestLog()
    let channel = try await ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.pipeline.configureHTTPServerPipeline().flatMap {
          channel.pipeline.addHandler(TestHandler(route: route, log: log))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    let port = channel.localAddress?.port ?? 0
    return TestServer(group: group, channel: channel, port: port, log: log)
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  func stop() async throws {
    try await channel.close()
    try await group.shutdownGracefully()
  }

  /// Starts a server, runs `body`, stops the server.
  static func with<T>(
    _ route: @escaping @Sendable (TestRequest) -> TestResponse,
    _ body: (TestServer) async throws -> T
  ) async throws -> T {
    let server = try await start(route)
    do {
      let result = try await body(server)
      try await server.stop()
      return result
    } catch {
      try? await server.stop()
      throw error
    }
  }
}

final class TestHandler: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let route: @Sendable (TestRequest) -> TestResponse
  let log: RequestLog
  private var request: TestRequest?
  private var pending: TestRequest?

  init(route: @escaping @Sendable (TestRequest) -> TestResponse, log: RequestLog) {
    self.route = route
    self.log = log
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      request = TestRequest(
        method: head.method.rawValue, path: head.uri,
        headers: head.headers.map { ($0.name, $0.value) })
    case .body:
      break
    case .end:
      guard let request else { return }
      self.request = nil
      log.begin(request)
      pending = request
      let response = route(request)
      if response.hang { return }
      if response.delayMilliseconds > 0 {
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .milliseconds(Int64(response.delayMilliseconds))) {
          let (handler, context) = bound.value
          handler.respond(response, context: context)
        }
      } else {
        respond(response, context: context)
      }
    }
  }

  func respond(_ response: TestResponse, context: ChannelHandlerContext) {
    guard let request = pending else { return }
    pending = nil
    var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
    if response.chunked {
      headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
    } else {
      headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
    }
    let head = HTTPResponseHead(
      version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if response.dripMilliseconds > 0 {
      context.flush()
      drip(response, from: 0, request: request, context: context)
      return
    }
    if !response.body.isEmpty {
      var offset = 0
      while offset < response.body.count {
        let end = min(response.body.count, offset + 4096)
        let buffer = context.channel.allocator.buffer(bytes: response.body[offset..<end])
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        offset = end
      }
    }
    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    log.end(request)
  }

  /// Writes `response.body[offset]`, then schedules the next byte.
  func drip(
    _ response: TestResponse, from offset: Int, request: TestRequest, context: ChannelHandlerContext
  ) {
    guard context.channel.isActive else { return }
    guard offset < response.body.count else {
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
      log.end(request)
      return
    }
    pending = request
    let buffer = context.channel.allocator.buffer(bytes: response.body[offset..<offset + 1])
    context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
    context.eventLoop.scheduleTask(in: .milliseconds(Int64(response.dripMilliseconds))) {
      let (handler, context) = bound.value
      handler.pending = nil
      handler.drip(response, from: offset + 1, request: request, context: context)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let request = pending {
      pending = nil
      log.end(request)
    }
    context.fireChannelInactive()
  }
}
