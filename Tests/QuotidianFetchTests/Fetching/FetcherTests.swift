import Foundation
import QuotidianCore
import QuotidianFetch
import Testing

@Suite struct FetcherTests {
  static let quick = FetchConfiguration(
    timeout: .seconds(30), allowPrivateAddresses: true, obeysRobots: false)

  @Test(arguments: ["/news/ferry"])
  func pageBecomesArticleWithURL(path: String) async throws {
    try await TestServer.with(
      { _ in .text(Pages.ferry) },
      { server in
        let fetched = try await Fetcher.withFetcher(configuration: Self.quick) {
          fetcher throws(FetchError) in
          try await fetcher.articles(at: server.url(path))
        }
        let article = try #require(fetched.articles.first)
        #expect(fetched.articles.count == 1)
        #expect(article.source == server.url(path))
        #expect(article.metadata.url == server.url(path))
        #expect(article.format == "html")
        #expect(article.metadata.fetched != nil)
        #expect(article.text.contains("every forty minutes"))
        #expect(!article.text.contains("Copyright"))
      })
  }

  @Test func sendsUserAgentAndAcceptEncoding() async throws {
    try await TestServer.with(
      { _ in .text(Pages.ferry) },
      { server in
        _ = try await Fetcher.withFetcher(configuration: Self.quick) { fetcher throws(FetchError) in
          try await fetcher.fetch(server.url("/"))
        }
        let request = try #require(server.log.requests.first)
        #expect(request.header("User-Agent") == FetchConfiguration.defaultUserAgent)
        #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
      })
  }

  /// `/hop/N` redirects to `/hop/N-1` (relative Location); `/hop/0` is the page.
  static func hops(_ request: TestRequest) -> TestResponse {
    guard request.path.hasPrefix("/hop/"), let n = Int(request.path.dropFirst(5)) else {
      return .notFound
    }
    return n == 0
      ? .text(Pages.ferry) : .redirect(to: "/hop/\(n - 1)", status: n % 2 == 0 ? 301 : 302)
  }

  @Test(arguments: [0, 1, 5])
  func redirectsWithinLimitAreFollowed(hops: Int) async throws {
    try await TestServer.with(Self.hops) { server in
      let response = try await Fetcher.withFetcher(configuration: Self.quick) {
        fetcher throws(FetchError) in
        try await fetcher.fetch(server.url("/hop/\(hops)"))
      }
      #expect(response.status == 200)
      #expect(response.requestedURL == server.url("/hop/\(hops)"))
      #expect(response.url == server.url("/hop/0"))
      #expect(server.log.requests.count == hops + 1)
    }
  }

  @Test(arguments: ["/hop/6", "/loop"])
  func redirectsBeyondLimitOrInALoopFail(path: String) async throws {
    let route: @Sendable (TestRequest) -> TestResponse = { request in
      request.path == "/loop" ? .redirect(to: "/loop") : Self.hops(request)
    }
    try await TestServer.with(route) { server in
      let error = await #expect(throws: FetchError.self) {
        try await Fetcher.withFetcher(configuration: Self.quick) { fetcher throws(FetchError) in
          try await fetcher.fetch(server.url(path))
        }
      }
      #expect(error?.kind == .tooManyRedirects(limit: 5))
      #expect(error?.url == server.url(path))
      #expect(server.log.requests.count <= 6)
    }
  }

  @Test(arguments: [404, 500, 410])
  func errorStatusIsHTTPError(status: Int) async throws {
    try await TestServer.with(
      { _ in .text("gone", type: "text/plain", status: status) },
      {
        server in
        let error = await #expect(throws: FetchError.self) {
          try await Fetcher.withFetcher(configuration: Self.quick) { fetcher throws(FetchError) in
            try await fetcher.fetch(server.url("/missing"))
          }
        }
        #expect(error?.kind == .http(status: status))
        #expect(error?.description == "\(server.url("/missing")): error: HTTP status \(status)")
      })
  }

  @Test(arguments: [Duration.milliseconds(300)])
  func silentServerTimesOut(timeout: Duration) async throws {
    try await TestServer.with(
      { _ in TestResponse(hang: true) },
      { server in
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: FetchError.self) {
          try await Fetcher.withFetcher(
            configuration: FetchConfiguration(
              timeout: timeout, allowPrivateAddresses: true, obeysRobots: false)
          ) {
            fetcher throws(FetchError) in
            try await fetcher.fetch(server.url("/never"))
          }
        }
        #expect(error?.kind == .timeout)
        // The server never answers: without the timeout this would wait for ever. The bound
        // is loose because a loaded parallel test run delays the timer (17 s seen at load 9).
        #expect(clock.now - start < .seconds(30))
      })
  }

  @Test(arguments: ["/page"])
  func refusedConnectionIsANetworkErrorAtOnce(path: String) async throws {
    let server = try await TestServer.start { _ in .notFound }
    let url = server.url(path)
    try await server.stop()
    let clock = ContinuousClock()
    let start = clock.now
    let error = await #expect(throws: FetchError.self) {
      try await Fetcher.withFetcher(configuration: Self.quick) { fetcher throws(FetchError) in
        try await fetcher.fetch(url)
      }
    }
    guard case .network(let reason)? = error?.kind else {
      Issue.record("expected a network error, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("refused"))
    #expect(clock.now - start < .seconds(3))
  }

  @Test(arguments: [false, true])
  func oversizeBodyIsTooLarge(chunked: Bool) async throws {
    let body = Array(repeating: UInt8(ascii: "a"), count: 50_000)
    let route: @Sendable (TestRequest) -> TestResponse = { _ in
      TestResponse(headers: [("Content-Type", "text/plain")], body: body, chunked: chunked)
    }
    try await TestServer.with(route) { server in
      let configuration = FetchConfiguration(
        timeout: .seconds(5), maxBytes: 10_000, allowPrivateAddresses: true, obeysRobots: false)
      let error = await #expect(throws: FetchError.self) {
        try await Fetcher.withFetcher(configuration: configuration) { fetcher throws(FetchError) in
          try await fetcher.fetch(server.url("/big"))
        }
      }
      #expect(error?.kind == .tooLarge(limit: 10_000))
    }
  }

  @Test(arguments: [false, true])
  func gzipBodyIsDecoded(chunked: Bool) async throws {
    let route: @Sendable (TestRequest) -> TestResponse = { request in
      guard request.header("Accept-Encoding")?.contains("gzip") == true else {
        return .text(Pages.ferry)
      }
      return TestResponse(
        headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        body: Gzip.stored(Array(Pages.ferry.utf8)), chunked: chunked)
    }
    try await TestServer.with(route) { server in
      let response = try await Fetcher.withFetcher(configuration: Self.quick) {
        fetcher throws(FetchError) in
        try await fetcher.fetch(server.url("/zipped"))
      }
      #expect(response.body == Array(Pages.ferry.utf8))
    }
  }

  @Test(arguments: [30_000])
  func gzipBodyDecodingPastTheCapIsTooLarge(size: Int) async throws {
    let plain = Array(repeating: UInt8(ascii: "b"), count: size)
    let route: @Sendable (TestRequest) -> TestResponse = { _ in
      TestResponse(
        headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")],
        body: Gzip.stored(plain))
    }
    try await TestServer.with(route) { server in
      let configuration = FetchConfiguration(
        timeout: .seconds(5), maxBytes: size / 2, allowPrivateAddresses: true, obeysRobots: false)
      let error = await #expect(throws: FetchError.self) {
        try await Fetcher.withFetcher(configuration: configuration) { fetcher throws(FetchError) in
          try await fetcher.fetch(server.url("/zipped"))
        }
      }
      #expect(error?.kind == .tooLarge(limit: size / 2))
    }
  }

  @Test(arguments: ["/missing-scheme", "ftp://example.invalid/file", "http://"])
  func nonHTTPURLIsInvalid(url: String) async throws {
    let error = await #expect(throws: FetchError.self) {
      try await Fetcher.withFetcher(configuration: Self.quick) { fetcher throws(FetchError) in
        try await fetcher.fetch(url)
      }
    }
    #expect(error?.kind == .invalidURL)
  }

  enum Validator: String, CaseIterable { case etag, lastModified }

  @Test(arguments: Validator.allCases)
  func secondFetchWithValidatorsIsNotModified(validator: Validator) async throws {
    let stamp = "Tue, 10 Mar 2026 06:30:00 GMT"
    let route: @Sendable (TestRequest) -> TestResponse = { request in
      switch validator {
      case .etag:
        if request.header("If-None-Match") == "\"v1\"" { return TestResponse(status: 304) }
        var response = TestResponse.text(Pages.ferry)
        response.headers.append(("ETag", "\"v1\""))
        return response
      case .lastModified:
        if request.header("If-Modified-Since") == stamp { return TestResponse(status: 304) }
        var response = TestResponse.text(Pages.ferry)
        response.headers.append(("Last-Modified", stamp))
        return response
      }
    }
    try await TestServer.with(route) { server in
      let (first, second) = try await Fetcher.withFetcher(configuration: Self.quick) {
        fetcher throws(FetchError) in
        let first = try await fetcher.fetch(server.url("/page"))
        let second = try await fetcher.fetch(server.url("/page"), validators: first.validators)
        return (first, second)
      }
      #expect(!first.isNotModified)
      #expect(!first.validators.isEmpty)
      #expect(second.isNotModified)
      #expect(second.body.isEmpty)
      #expect(second.validators == first.validators)
    }
  }

  @Test(arguments: [4])
  func oneRequestAtATimePerHost(requests: Int) async throws {
    let route: @Sendable (TestRequest) -> TestResponse = { _ in
      var response = TestResponse.text(Pages.ferry)
      response.delayMilliseconds = 80
      return response
    }
    try await TestServer.with(route) { server in
      try await Fetcher.withFetcher(configuration: Self.quick) { fetcher in
        try await withThrowingTaskGroup(of: FetchResponse.self) { group in
          for index in 0..<requests {
            group.addTask { try await fetcher.fetch(server.url("/page/\(index)")) }
          }
          for try await response in group { #expect(response.status == 200) }
        }
      }
      #expect(server.log.requests.count == requests)
      #expect(server.log.peakPerHost == ["127.0.0.1:\(server.port)": 1])
    }
  }

  @Test func feedExcerptsAreReplacedByTheirPages() async throws {
    let port = PortBox()
    let route: @Sendable (TestRequest) -> TestResponse = { request in
      let base = "http://127.0.0.1:\(port.value)"
      switch request.path {
      case "/feed.xml":
        return .text(
          Pages.rss([
            .init(
              title: "Full story", link: "\(base)/full",
              content:
                "The Brackwater council met on Monday and approved the new bridge, the mayor said."),
            .init(title: "Story B", link: "\(base)/b"),
            .init(title: "Story C", link: "\(base)/c"),
          ]), type: "application/rss+xml")
      case "/b": return .text(Pages.story("B"))
      case "/c": return .text(Pages.story("C"))
      default: return .notFound
      }
    }
    try await TestServer.with(route) { server in
      port.value = server.port
      let fetched = try await Fetcher.withFetcher(configuration: Self.quick) {
        fetcher throws(FetchError) in
        try await fetcher.articles(at: server.url("/feed.xml"))
      }
      #expect(fetched.errors.isEmpty)
      #expect(
        fetched.articles.map(\.metadata.url) == [
          server.url("/full"), server.url("/b"), server.url("/c"),
        ])
      #expect(fetched.articles.allSatisfy { $0.metadata.isExcerpt == nil })
      #expect(fetched.articles[0].text.contains("approved the new bridge"))
      #expect(fetched.articles[1].text.contains("discuss story B"))
      #expect(fetched.articles[2].text.contains("discuss story C"))
      #expect(fetched.articles[1].metadata.published != nil)
      #expect(server.log.count(path: "/full") == 0)
    }
  }

  @Test(arguments: ["application/rss+xml"])
  func feedWithoutItemsGivesNothingAndNoError(type: String) async throws {
    try await TestServer.with(
      { _ in .text(Pages.rss([]), type: type) },
      { server in
        let fetched = try await Fetcher.withFetcher(configuration: Self.quick) {
          fetcher throws(FetchError) in
          try await fetcher.articles(at: server.url("/feed.xml"))
        }
        #expect(fetched.articles.isEmpty)
        #expect(fetched.errors.isEmpty)
      })
  }

  @Test func aFeedItemWhoseLinkIsDeadKeepsTheTextItsFeedCarries() async throws {
    let port = PortBox()
    let route: @Sendable (TestRequest) -> TestResponse = { request in
      let base = "http://127.0.0.1:\(port.value)"
      if request.path == "/feed.xml" {
        return .text(
          Pages.rss([
            .init(title: "Gone", link: "\(base)/gone"), .init(title: "Story B", link: "\(base)/b"),
          ]),
          type: "application/rss+xml")
      }
      return request.path == "/b" ? .text(Pages.story("B")) : .notFound
    }
    try await TestServer.with(route) { server in
      port.value = server.port
      let fetched = try await Fetcher.withFetcher(configuration: Self.quick) {
        fetcher throws(FetchError) in
        try await fetcher.articles(at: server.url("/feed.xml"))
      }
      #expect(fetched.articles.map(\.metadata.url) == [server.url("/gone"), server.url("/b")])
      // The dead link's item keeps its description; the failure is a warning, not a loss.
      #expect(fetched.articles.first?.text == "A short summary of Gone.")
      #expect(fetched.errors.isEmpty)
      #expect(fetched.warnings.count == 1)
      #expect(fetched.warnings.first?.contains("HTTP status 404") == true)
      #expect(fetched.warnings.first?.contains(server.url("/gone")) == true)
    }
  }
}

/// The server's port, known only once it has started, for routes that link to it.
final class PortBox: @unchecked Sendable {
  private let lock = NSLock()
  private var port = 0
  var value: Int {
    get { lock.withLock { port } }
    set { lock.withLock { port = newValue } }
  }
}
