import Foundation
public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// How long a client may take and how many may be connected at once: what keeps a slow or
/// greedy client from holding the server.
public struct ServerLimits: Sendable, Hashable {
  /// A new connection must deliver a complete request head within this time.
  public var headerTimeout: Duration
  /// A request body must arrive whole within this time of its head.
  public var bodyTimeout: Duration
  /// A kept-alive connection with no request under way is closed after this time.
  public var idleTimeout: Duration
  /// Connections served at once; one more is answered 503 with `Retry-After` and closed.
  public var maxConnections: Int
  /// Seconds a refused client is told to wait (`Retry-After`).
  public var retryAfterSeconds: Int

  public init(
    headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
    idleTimeout: Duration = .seconds(15), maxConnections: Int = 512, retryAfterSeconds: Int = 5
  ) {
    self.headerTimeout = headerTimeout
    self.bodyTimeout = bodyTimeout
    self.idleTimeout = idleTimeout
    self.maxConnections = max(1, maxConnections)
    self.retryAfterSeconds = max(1, retryAfterSeconds)
  }
}

/// Counts open connections across event loops.
final class ConnectionCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var open = 0
  let limit: Int

  init(limit: Int) { self.limit = limit }

  /// Takes a place; false when every place is taken.
  func enter() -> Bool {
    lock.withLock {
      guard open < limit else { return false }
      open += 1
      return true
    }
  }

  func leave() { lock.withLock { open -= 1 } }

  var count: Int { lock.withLock { open } }
}

/// HTTP/1.1 with ``ServerLimits``: connections past the limit get a 503 before anything is
/// read, and every connection carries a ``RequestDeadlineHandler``.
struct GuardedHTTP1Channel: ServerChildChannel {
  typealias Value = HTTP1Channel.Value

  let inner: HTTP1Channel
  let counter: ConnectionCounter
  let limits: ServerLimits

  init(responder: @escaping HTTPChannelHandler.Responder, limits: ServerLimits) {
    self.limits = limits
    self.counter = ConnectionCounter(limit: limits.maxConnections)
    self.inner = HTTP1Channel(
      responder: responder,
      configuration: .init(additionalChannelHandlers: [RequestDeadlineHandler(limits: limits)]))
  }

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    guard counter.enter() else {
      return refuse(channel, logger: logger)
    }
    let counter = self.counter
    channel.closeFuture.whenComplete { _ in counter.leave() }
    return inner.setup(channel: channel, logger: logger)
  }

  func handle(value: Value, logger: Logger) async {
    await inner.handle(value: value, logger: logger)
  }

  /// Answers 503 with `Retry-After` as soon as the connection is active, stops writing, and
  /// closes it a moment later (closing at once could reset the connection before the client
  /// reads the answer). The refusal sits first in the pipeline and swallows what the client
  /// sends, so the HTTP handlers behind it never see a request; the connection is set up as
  /// usual otherwise, because it only becomes active once its setup has succeeded.
  private func refuse(_ channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    let body = "{\"error\":{\"code\":\"unavailable\",\"message\":\"too many connections\"}}"
    let answer =
      "HTTP/1.1 503 Service Unavailable\r\nRetry-After: \(limits.retryAfterSeconds)\r\n"
      + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
      + "Connection: close\r\n\r\n" + body
    do {
      try channel.pipeline.syncOperations.addHandler(RefusalHandler(answer: answer))
    } catch {
      return channel.eventLoop.makeFailedFuture(error)
    }
    // Whatever happens, a refused connection does not outlive a few seconds.
    channel.eventLoop.scheduleTask(in: .seconds(3)) { channel.close(promise: nil) }
    return inner.setup(channel: channel, logger: logger)
  }
}

/// Writes one prepared answer when the connection is active, half-closes it, and closes it
/// a second later; everything the client sends is dropped.
final class RefusalHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer

  let answer: String
  private var sent = false

  init(answer: String) { self.answer = answer }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { send(context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    send(context)
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

  private func send(_ context: ChannelHandlerContext) {
    guard !sent else { return }
    sent = true
    let channel = context.channel
    context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: answer))).whenComplete {
      _ in
      channel.close(mode: .output, promise: nil)
      channel.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
    }
  }
}

/// Closes a connection whose client is too slow: no complete request head within
/// ``ServerLimits/headerTimeout`` of connecting, no whole body within
/// ``ServerLimits/bodyTimeout`` of its head, nothing asked within
/// ``ServerLimits/idleTimeout`` of the last answer. No timer runs while the server itself is
/// answering. The deadlines are absolute: a client dripping one byte at a time gains nothing.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  let limits: ServerLimits
  private var timer: Scheduled<Void>?
  /// Requests read whole and not yet answered whole.
  private var unanswered = 0
  private var readingBody = false
  private var answeredOnce = false

  init(limits: ServerLimits) { self.limits = limits }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { rearm(context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) { cancel() }

  func channelActive(context: ChannelHandlerContext) {
    rearm(context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    cancel()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head:
      readingBody = true
      arm(context, after: limits.bodyTimeout)
    case .body:
      break
    case .end:
      readingBody = false
      unanswered += 1
      rearm(context)
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = unwrapOutboundIn(data) {
      unanswered = max(0, unanswered - 1)
      answeredOnce = true
      if !readingBody { rearm(context) }
    }
    context.write(data, promise: promise)
  }

  /// The timer the current state calls for.
  private func rearm(_ context: ChannelHandlerContext) {
    if readingBody { return }
    if unanswered > 0 {
      cancel()
    } else {
      arm(context, after: answeredOnce ? limits.idleTimeout : limits.headerTimeout)
    }
  }

  private func arm(_ context: ChannelHandlerContext, after duration: Duration) {
    cancel()
    let nanoseconds =
      Int64(duration.components.seconds) * 1_000_000_000
      + Int64(duration.components.attoseconds / 1_000_000_000)
    let channel = context.channel
    timer = context.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
      channel.close(promise: nil)
    }
  }

  private func cancel() {
    timer?.cancel()
    timer = nil
  }
}
