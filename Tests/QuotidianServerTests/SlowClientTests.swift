import Foundation
import QuotidianServer
import QuotidianStore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A slow or greedy client cannot hold the server: the header, body and idle timeouts close
/// its connection, and connections past the limit are answered 503 with `Retry-After`.
/// Real sockets on 127.0.0.1 against the running server, with timeouts of one second.
@Suite(.serialized) struct SlowClientTests {
  static let small = ServerLimits(
    headerTimeout: .seconds(1), bodyTimeout: .seconds(1), idleTimeout: .seconds(1),
    maxConnections: 3, retryAfterSeconds: 7)

  /// Runs `body` with the port of a live server over an empty store.
  static func withLiveServer(
    _ limits: ServerLimits, _ body: @Sendable (Int) async throws -> Void
  ) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path)
    let ready = AsyncStream<Int>.makeStream()
    var configuration = ServerConfiguration(store: store, port: 0)
    configuration.limits = limits
    configuration.onListening = { port in ready.continuation.yield(port) }
    let server = Task { try await runServer(configuration, handlingSignals: false) }
    var iterator = ready.stream.makeAsyncIterator()
    guard let port = await iterator.next() else {
      server.cancel()
      Issue.record("the server did not start")
      return
    }
    do {
      try await body(port)
    } catch {
      server.cancel()
      throw error
    }
    server.cancel()
    _ = await server.result
  }

  @Test func aHalfSentRequestHeadIsClosedAfterTheHeaderTimeout() async throws {
    try await Self.withLiveServer(Self.small) { port in
      let client = try RawClient(port: port)
      client.send("GET /api/v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
      let start = ContinuousClock.now
      let answer = await client.readUntilClosed(within: .seconds(10))
      let waited = ContinuousClock.now - start
      #expect(answer.closed)
      #expect(waited >= .milliseconds(700) && waited < .seconds(5), "closed after \(waited)")
    }
  }

  @Test func aBodyThatStopsArrivingIsClosedAfterTheBodyTimeout() async throws {
    try await Self.withLiveServer(Self.small) { port in
      let client = try RawClient(port: port)
      client.send(
        "POST /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc")
      let start = ContinuousClock.now
      let answer = await client.readUntilClosed(within: .seconds(10))
      #expect(answer.closed)
      #expect(ContinuousClock.now - start < .seconds(5))
    }
  }

  @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
    try await Self.withLiveServer(Self.small) { port in
      let client = try RawClient(port: port)
      client.send("GET /api/v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      let start = ContinuousClock.now
      let answer = await client.readUntilClosed(within: .seconds(10))
      #expect(answer.text.hasPrefix("HTTP/1.1 200"))
      #expect(answer.closed)
      #expect(ContinuousClock.now - start < .seconds(5))
    }
  }

  @Test func connectionsPastTheLimitAreAnswered503WithRetryAfter() async throws {
    try await Self.withLiveServer(Self.small) { port in
      // Three half-sent requests fill every place; a fourth client is refused politely.
      let slow = try (0..<3).map { _ in try RawClient(port: port) }
      for client in slow { client.send("GET / HTTP/1.1\r\n") }
      try await Task.sleep(for: .milliseconds(200))
      let refused = try RawClient(port: port)
      refused.send("GET /api/v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      let answer = await refused.readUntilClosed(within: .seconds(5))
      #expect(answer.text.hasPrefix("HTTP/1.1 503"))
      #expect(answer.text.contains("Retry-After: 7"))
      // Once the slow ones time out, a normal request is answered again.
      for client in slow { _ = await client.readUntilClosed(within: .seconds(5)) }
      try await Task.sleep(for: .milliseconds(200))
      let later = try RawClient(port: port)
      later.send("GET /api/v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
      #expect(await later.readUntilClosed(within: .seconds(5)).text.hasPrefix("HTTP/1.1 200"))
    }
  }

  @Test func aNormalRequestIsAnsweredWhileHalfSentOnesWait() async throws {
    var limits = Self.small
    limits.headerTimeout = .seconds(5)
    limits.maxConnections = 64
    try await Self.withLiveServer(limits) { port in
      let slow = try (0..<20).map { _ in try RawClient(port: port) }
      for client in slow { client.send("GET / HTTP/1.1\r\nHost: 127.") }
      let normal = try RawClient(port: port)
      normal.send("GET /api/v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
      let answer = await normal.readUntilClosed(within: .seconds(4))
      #expect(answer.text.hasPrefix("HTTP/1.1 200"))
      withExtendedLifetime(slow) {}
    }
  }
}

/// A blocking TCP client on 127.0.0.1, enough to play a slow client.
final class RawClient: @unchecked Sendable {
  let descriptor: Int32

  struct Failure: Error {}

  init(port: Int) throws {
    #if canImport(Glibc)
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw Failure() }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      throw Failure()
    }
  }

  deinit { close(descriptor) }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  /// Reads until the server closes the connection or `limit` passes, on a thread of its own:
  /// blocking a thread of the shared concurrency pool would stall every other test.
  func readUntilClosed(within limit: Duration) async -> (text: String, closed: Bool) {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(returning: self.blockingReadUntilClosed(within: limit))
      }
    }
  }

  func blockingReadUntilClosed(within limit: Duration) -> (text: String, closed: Bool) {
    let deadline = ContinuousClock.now + limit
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while ContinuousClock.now < deadline {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 100)
      if ready <= 0 { continue }
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
      received.append(contentsOf: buffer[0..<count])
    }
    return (String(decoding: received, as: UTF8.self), false)
  }
}
