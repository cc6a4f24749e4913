import Foundation
import QuotidianCore
import Testing

@testable import QuotidianFetch

/// What links written by others must not make a fetch do (issue 11).
@Suite struct FetchSafetyTests {
  @Test(
    .bug(id: 11),
    arguments: [
      "127.0.0.1", "localhost", "2130706433", "0x7f.0.0.1", "0.0.0.0", "10.1.2.3", "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254", "[::1]", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:10.0.0.1",
      "100.64.0.1",
    ])
  func loopbackPrivateAndLinkLocalAddressesAreRefused(_ host: String) {
    #expect(AddressPolicy.refusal(host: host) != nil, "\(host)")
  }

  @Test(
    .bug(id: 11),
    arguments: ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "192.169.0.1"])
  func publicAddressesAreAllowed(_ host: String) {
    #expect(AddressPolicy.refusal(host: host) == nil, "\(host)")
  }

  @Test(.bug(id: 11))
  func aPrivateAddressIsNotFetchedUnlessAllowed() async throws {
    try await TestServer.with(
      { _ in .text(Pages.ferry) },
      { server in
        do throws(FetchError) {
          _ = try await Fetcher.withFetcher(
            configuration: FetchConfiguration(timeout: .seconds(30))
          ) {
            fetcher throws(FetchError) in try await fetcher.fetch(server.url("/news"))
          }
          Issue.record("127.0.0.1 must be refused by default")
        } catch {
          #expect(
            error.description.contains(
              "not fetched: 127.0.0.1 resolves to 127.0.0.1, a loopback address"))
          #expect(error.description.contains("--allow-private-addresses"))
        }
        #expect(server.log.requests.isEmpty)
      })
  }

  @Test(.bug(id: 11))
  func robotsTxtIsHonouredForQuotidian() async throws {
    let robots = """
      User-agent: *
      Disallow: /

      User-agent: Quotidian
      Disallow: /private/
      Allow: /private/press-releases$
      """
    try await TestServer.with(
      { request in
        request.path == "/robots.txt" ? .text(robots, type: "text/plain") : .text(Pages.ferry)
      },
      { server in
        try await Fetcher.withFetcher(
          configuration: FetchConfiguration(timeout: .seconds(30), allowPrivateAddresses: true)
        ) {
          fetcher in
          _ = try await fetcher.fetch(server.url("/news/ferry"))
          _ = try await fetcher.fetch(server.url("/private/press-releases"))
          do throws(FetchError) {
            _ = try await fetcher.fetch(server.url("/private/minutes"))
            Issue.record("robots.txt disallows /private/")
          } catch {
            #expect(error.description.contains("robots.txt disallows it for Quotidian"))
          }
        }
        #expect(server.log.count(path: "/robots.txt") == 1, "read once per host")
        #expect(server.log.count(path: "/private/minutes") == 0)
        #expect(
          server.log.requests.first?.header("User-Agent") == FetchConfiguration.defaultUserAgent)
      })
  }

  @Test(
    .bug(id: 11),
    arguments: [
      ("User-agent: *\nDisallow: /a\n", "/a/b", false),
      ("User-agent: *\nDisallow: /a\nAllow: /a/b\n", "/a/b/c", true),
      ("User-agent: *\nDisallow: /*.pdf$\n", "/x/report.pdf", false),
      ("User-agent: *\nDisallow: /*.pdf$\n", "/x/report.pdf.html", true),
      ("User-agent: *\nDisallow:\n", "/anything", true),
      ("User-agent: other\nDisallow: /\n", "/anything", true),
      ("User-agent: quotidian\nUser-agent: other\nDisallow: /news\n", "/news/1", false),
    ])
  func robotsRulesFollowRFC9309(_ text: String, _ path: String, _ allowed: Bool) {
    #expect(Robots(parsing: text, agent: "Quotidian").allows(path) == allowed)
  }

  @Test(.bug(id: 11))
  func aDrippedAnswerIsCutOffAtTheWholeRequestBudget() async throws {
    let slow = TestResponse(
      status: 200, headers: [("Content-Type", "text/html")], body: Array(Pages.ferry.utf8),
      dripMilliseconds: 200)
    try await TestServer.with(
      { request in request.path == "/robots.txt" ? .notFound : slow },
      {
        server in
        let start = ContinuousClock.now
        do throws(FetchError) {
          _ = try await Fetcher.withFetcher(
            configuration: FetchConfiguration(timeout: .seconds(2), allowPrivateAddresses: true)
          ) {
            fetcher throws(FetchError) in try await fetcher.fetch(server.url("/slow"))
          }
          Issue.record("a 1-byte-per-200-ms answer cannot finish in 2 s")
        } catch {
          #expect(error.kind == .timeout)
        }
        #expect(ContinuousClock.now - start < .seconds(60))
      })
  }

  @Test(.bug(id: 11))
  func gzipServedWithoutContentEncodingKeepsTheCap() throws {
    let page = Array(
      String(repeating: "<p>The ferry runs again, said the harbour master.</p>\n", count: 400).utf8)
    let body = Gzip.stored(page)
    let response = FetchResponse(
      requestedURL: "https://news.example/a.gz", url: "https://news.example/a.gz", status: 200,
      contentType: "application/octet-stream", validators: Validators(), body: body)
    #expect(throws: FetchError.self) { try Fetcher.read(response, byteLimit: page.count / 2) }
    #expect(try Fetcher.read(response, byteLimit: page.count * 2).articles.count == 1)
  }
}
