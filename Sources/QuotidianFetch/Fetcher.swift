import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// Fetches pages and feeds over HTTP(S) politely: one shared client, one request at a time
/// per host, bounded time, size and redirects, conditional GET.
///
/// A `Fetcher` owns an `HTTPClient` that must be shut down: use ``withFetcher(configuration:_:)``
/// or call ``shutdown()`` when done.
public final class Fetcher: Sendable {
  public let configuration: FetchConfiguration
  let client: HTTPClient
  let gate: HostGate
  let robots = RobotsCache()

  public init(configuration: FetchConfiguration = .init()) {
    self.configuration = configuration
    let timeout = HTTPClient.Configuration.Timeout(
      connect: TimeAmount(configuration.connectTimeout), read: TimeAmount(configuration.readTimeout)
    )
    var clientConfiguration = HTTPClient.Configuration(
      redirectConfiguration: .disallow, timeout: timeout,
      decompression: .enabled(limit: .size(configuration.maxBytes)))
    // A refused connection is an answer: report it now rather than retry until the timeout.
    clientConfiguration.connectionPool.retryConnectionEstablishment = false
    self.client = HTTPClient(
      eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
    self.gate = HostGate(limit: configuration.maxConcurrentHosts)
  }

  /// Shuts the HTTP client down; the fetcher cannot be used afterwards.
  public func shutdown() async {
    try? await client.shutdown()
  }

  /// Runs `body` with a new fetcher and shuts it down afterwards, whether `body` throws or not.
  public static func withFetcher<T, E: Error>(
    configuration: FetchConfiguration = .init(), _ body: (Fetcher) async throws(E) -> T
  ) async throws(E) -> T {
    let fetcher = Fetcher(configuration: configuration)
    let result: Result<T, E>
    do throws(E) {
      result = .success(try await body(fetcher))
    } catch {
      result = .failure(error)
    }
    await fetcher.shutdown()
    return try result.get()
  }

  /// GETs `url`, following at most ``FetchConfiguration/maxRedirects`` redirects, each
  /// request within ``FetchConfiguration/requestTimeout`` from the moment its host is free. With `validators`, the request is
  /// conditional and a 304 answer is returned as ``FetchResponse/isNotModified``; any other
  /// status outside 2xx is an error. Every hop is checked first: no private address unless
  /// allowed, nothing robots.txt disallows.
  public func fetch(_ url: String, validators: Validators? = nil) async throws(FetchError)
    -> FetchResponse
  {
    try await fetch(url, validators: validators, checkingRobots: configuration.obeysRobots)
  }

  func fetch(_ url: String, validators: Validators?, checkingRobots: Bool) async throws(FetchError)
    -> FetchResponse
  {
    var current = try Self.httpURL(url, reportedAs: url)
    var visited: Set<String> = [current.absoluteString]
    var redirects = 0
    while true {
      try checkAddress(current)
      if checkingRobots { try await checkRobots(current) }
      let host = Self.hostKey(current)
      do {
        try await gate.acquire(host)
      } catch {
        throw FetchError(url: url, kind: .network(reason: "cancelled"))
      }
      // The deadline starts once the host's turn has come: time spent queued behind another
      // request to the same host (perhaps a slow one that timed out) is not this request's.
      let deadline = NIODeadline.now() + TimeAmount(configuration.requestTimeout)
      let hop = await self.hop(current, validators: validators, deadline: deadline)
      await gate.release(host)
      switch hop {
      case .failure(let error):
        throw error
      case .success(.answer(var response)):
        response.requestedURL = url
        return response
      case .success(.redirect(let location)):
        guard redirects < configuration.maxRedirects else {
          throw FetchError(url: url, kind: .tooManyRedirects(limit: configuration.maxRedirects))
        }
        guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
          throw FetchError(url: current.absoluteString, kind: .invalidURL)
        }
        current = try Self.httpURL(next.absoluteString, reportedAs: current.absoluteString)
        guard visited.insert(current.absoluteString).inserted else {
          throw FetchError(url: url, kind: .tooManyRedirects(limit: configuration.maxRedirects))
        }
        redirects += 1
      }
    }
  }

  /// Refuses loopback, private and link-local hosts unless the configuration allows them.
  func checkAddress(_ url: URL) throws(FetchError) {
    guard !configuration.allowPrivateAddresses, let host = url.host else { return }
    if let refusal = AddressPolicy.refusal(host: host) {
      throw FetchError(
        url: url.absoluteString,
        kind: .refused(reason: "\(refusal) (allow with --allow-private-addresses)"))
    }
  }

  /// Refuses what the host's robots.txt disallows for Quotidian. A robots.txt that is
  /// missing (4xx) or unreachable allows everything; a server error (5xx) allows nothing
  /// (RFC 9309, 2.3.1).
  func checkRobots(_ url: URL) async throws(FetchError) {
    guard let scheme = url.scheme?.lowercased(), let host = url.host else { return }
    let origin =
      scheme + "://" + (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
    let agent = configuration.robotsAgent
    let rules = await robots.robots(for: origin) { [self] in
      do throws(FetchError) {
        let response = try await fetch(
          origin + "/robots.txt", validators: nil, checkingRobots: false)
        return Robots(
          parsing: String(decoding: response.body.prefix(512 << 10), as: UTF8.self), agent: agent)
      } catch {
        if case .http(let status) = error.kind, status >= 500 { return .disallowAll }
        return .allowAll
      }
    }
    var path = url.path.isEmpty ? "/" : url.path
    if let query = url.query { path += "?" + query }
    if !rules.allows(path) {
      throw FetchError(
        url: url.absoluteString,
        kind: .refused(reason: "the site's robots.txt disallows it for \(agent)"))
    }
  }

  enum Hop: Sendable {
    case answer(FetchResponse)
    case redirect(String)
  }

  /// One request, no redirect followed.
  func hop(_ url: URL, validators: Validators?, deadline: NIODeadline) async -> Result<
    Hop, FetchError
  > {
    let address = url.absoluteString
    var request = HTTPClientRequest(url: address)
    request.method = .GET
    request.headers.add(name: "User-Agent", value: configuration.userAgent)
    request.headers.add(name: "Accept", value: Self.accept)
    request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
    if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
    if let date = validators?.lastModified {
      request.headers.add(name: "If-Modified-Since", value: date)
    }
    do {
      let response = try await client.execute(request, deadline: deadline)
      let status = Int(response.status.code)
      let answered = Validators(
        etag: response.headers.first(name: "ETag"),
        lastModified: response.headers.first(name: "Last-Modified"))
      if status == 304 {
        let kept = Validators(
          etag: answered.etag ?? validators?.etag,
          lastModified: answered.lastModified ?? validators?.lastModified)
        return .success(
          .answer(
            FetchResponse(requestedURL: address, url: address, status: status, validators: kept)))
      }
      if (300..<400).contains(status), let location = response.headers.first(name: "Location") {
        return .success(.redirect(location))
      }
      guard (200..<300).contains(status) else {
        return .failure(FetchError(url: address, kind: .http(status: status)))
      }
      let limit = configuration.maxBytes
      let encoded = response.headers.first(name: "Content-Encoding") != nil
      if !encoded, let length = response.headers.first(name: "Content-Length").flatMap(Int.init),
        length > limit
      {
        return .failure(FetchError(url: address, kind: .tooLarge(limit: limit)))
      }
      var body: [UInt8] = []
      for try await buffer in response.body {
        guard body.count + buffer.readableBytes <= limit else {
          return .failure(FetchError(url: address, kind: .tooLarge(limit: limit)))
        }
        // The budget covers the whole answer: a server dripping bytes is cut off.
        guard NIODeadline.now() < deadline else {
          return .failure(FetchError(url: address, kind: .timeout))
        }
        body.append(contentsOf: buffer.readableBytesView)
      }
      return .success(
        .answer(
          FetchResponse(
            requestedURL: address, url: address, status: status,
            contentType: response.headers.first(name: "Content-Type"), validators: answered,
            body: body)))
    } catch {
      return .failure(Self.fetchError(error, url: address, limit: configuration.maxBytes))
    }
  }

  static let accept =
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,"
    + "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"

  /// Maps client and channel errors to ``FetchError``.
  static func fetchError(_ error: any Error, url: String, limit: Int) -> FetchError {
    if let error = error as? FetchError { return error }
    if let error = error as? HTTPClientError {
      switch error {
      case .readTimeout, .connectTimeout, .deadlineExceeded, .tlsHandshakeTimeout, .writeTimeout:
        return FetchError(url: url, kind: .timeout)
      case .invalidURL, .emptyHost, .emptyScheme:
        return FetchError(url: url, kind: .invalidURL)
      default:
        return FetchError(url: url, kind: .network(reason: error.description))
      }
    }
    if let error = error as? NIOHTTPDecompression.DecompressionError, error == .limit {
      return FetchError(url: url, kind: .tooLarge(limit: limit))
    }
    if let error = error as? SocketAddressError.UnknownHost {
      return FetchError(url: url, kind: .network(reason: "unknown host \(error.host)"))
    }
    if let error = error as? NIOConnectionError,
      let unknown = error.dnsAError ?? error.dnsAAAAError,
      unknown is SocketAddressError.UnknownHost
    {
      return FetchError(url: url, kind: .network(reason: "unknown host \(error.host)"))
    }
    if let error = error as? ChannelError, case .connectTimeout = error {
      return FetchError(url: url, kind: .timeout)
    }
    if let error = error as? IOError {
      return FetchError(
        url: url, kind: .network(reason: String(cString: strerror(error.errnoCode)).lowercased()))
    }
    if error is CancellationError {
      return FetchError(url: url, kind: .network(reason: "cancelled"))
    }
    return FetchError(url: url, kind: .network(reason: String(describing: error)))
  }

  /// `string` as an absolute http(s) URL with a host, or `.invalidURL` for `reported`.
  static func httpURL(_ string: String, reportedAs reported: String) throws(FetchError) -> URL {
    guard let url = URL(string: string), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https",
      let host = url.host, !host.isEmpty
    else {
      throw FetchError(url: reported, kind: .invalidURL)
    }
    return url
  }

  /// The politeness key: host and port, lowercased.
  static func hostKey(_ url: URL) -> String {
    let host = url.host?.lowercased() ?? ""
    return url.port.map { "\(host):\($0)" } ?? host
  }

  /// Whether `argument` names an http(s) URL rather than a file.
  public static func isURL(_ argument: String) -> Bool {
    let lower = argument.prefix(8).lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }
}

extension TimeAmount {
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
