import Foundation
import HTTPTypes
import HummingbirdTesting
import QuotidianStoreTesting
import Testing

@testable import QuotidianServer

@Suite("Web UI")
struct WebUITests {
  @Test("the search page lists matching quotes with speakers, facets and its JSON and CSV twins")
  func searchPage() async throws {
    try await ServerFixtures.withServer { client in
      let response = try await client.execute(uri: "/?speaker=Varga", method: .get)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
      let html = response.text
      #expect(html.contains("Nobody asked the drivers what they think,"))
      #expect(html.contains("<a href=\"/speakers/Claudia%20Varga\">Claudia Varga</a>"))
      #expect(!html.contains("a gamble with public money"))
      #expect(html.contains("<h3>Outlet</h3>"))
      #expect(html.contains("href=\"/api/v1/quotes?speaker=Varga\""))
      #expect(html.contains("href=\"/api/v1/quotes?speaker=Varga&amp;format=csv\""))
      #expect(!html.contains("<script"))
    }
  }

  @Test("search facets narrow by speaker, outlet and kind")
  func facetLinks() async throws {
    try await ServerFixtures.withServer(results: StoreFixtures.all) { client in
      let html = try await client.execute(uri: "/?kind=partial", method: .get).text
      #expect(html.contains("href=\"/?speaker=Tom%C3%A1s%20Ruiz&amp;kind=partial\""))
      #expect(!html.contains("We are ready to talk tomorrow."))
      let narrowed = try await client.execute(
        uri: "/?speaker=Tom%C3%A1s%20Ruiz&kind=partial", method: .get
      ).text
      #expect(narrowed.contains("a gamble with public money"))
      #expect(narrowed.contains("written in a hurry"))
      #expect(!narrowed.contains("create hundreds of jobs"))
    }
  }

  @Test(
    "the quote page highlights the quote, its cue and its speaker's mention in the article text")
  func quotePage() async throws {
    try await ServerFixtures.withServer(results: [ServerFixtures.councillor]) { client in
      let quote = ServerFixtures.councillor.quotes[0]
      let response = try await client.execute(uri: "/quotes/1-\(quote.start)", method: .get)
      #expect(response.status == .ok)
      let html = response.text
      #expect(
        html.contains(
          "<mark class=\"quote\">The repairs are ahead of schedule,</mark>&quot; <mark class=\"mention\">Morrow</mark> <mark class=\"cue\">said</mark>"
        ))
      #expect(html.contains("<code>verbAfterQuote</code>"))
      #expect(html.contains("Councillor Ines Morrow said the old bridge"))
      #expect(html.contains("href=\"/api/v1/quotes/1-\(quote.start)\""))
    }
  }

  @Test("the speaker page shows name forms, roles and quotes per month as an inline SVG bar chart")
  func speakerPage() async throws {
    try await ServerFixtures.withServer { client in
      let html = try await client.execute(uri: "/speakers/Morrow", method: .get).text
      #expect(html.contains("<h1>Ines Morrow</h1>"))
      #expect(html.contains("<li>Morrow</li>"))
      #expect(html.contains("<td>councillor</td>"))
      #expect(html.contains("<svg class=\"chart\""))
      #expect(html.contains("<title>2025-02: 1</title>"))
      #expect(html.contains("href=\"/api/v1/speakers/Ines%20Morrow\""))
      #expect(html.contains("The repairs are ahead of schedule,"))
    }
  }

  @Test("a speaker chart has one bar per month from the first to the last, empty months included")
  func chartBars() {
    let bars = WebUI.bars(["2024-11": 2, "2025-02": 4], height: 100)
    #expect(bars.map(\.month) == ["2024-11", "2024-12", "2025-01", "2025-02"])
    #expect(bars.map(\.height) == [50, 0, 0, 100])
  }

  @Test(
    "markup in stored text, titles, speakers and URLs is escaped on every page",
    arguments: [
      "/", "/?search=script", "/speakers", "/articles/1",
      "/quotes/1-\(ServerFixtures.injection.quotes[0].start)",
      "/speakers/Zed", "/speakers/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/?speaker=%3Cscript%3E",
      "/tally?speaker=Zed", "/tally?speaker=Zed&about=%3Cscript%3Ealert",
      "/tally?speaker=%3Cscript%3E&about=%3Cimg%20src%3Dx%3E", "/ledger?speaker=%3Cscript%3E",
      "/ledger", "/claims", "/claims?speaker=%3Cscript%3E&about=%22%3Cimg%3E%22",
    ])
  func htmlInjection(_ uri: String) async throws {
    try await ServerFixtures.withServer(results: [ServerFixtures.injection]) { client in
      let response = try await client.execute(uri: uri, method: .get)
      let html = response.text
      #expect(!html.contains("<script"), "\(uri)")
      #expect(!html.contains("<img"), "\(uri)")
      #expect(!html.contains("<i>Outlet"), "\(uri)")
      #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
      if uri == "/" || uri.hasPrefix("/tally?speaker=Zed") {
        #expect(html.contains("&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt; is only text"))
      }
    }
  }

  @Test("a missing speaker answers a 404 HTML page")
  func missingSpeaker() async throws {
    try await ServerFixtures.withServer { client in
      let response = try await client.execute(uri: "/speakers/Nobody%20Atall", method: .get)
      #expect(response.status == .notFound)
      #expect(response.text.contains("no stored speaker matches this name"))
    }
  }
}

@Suite("Web UI: links between articles")
struct LinkPagesTests {
  @Test(
    "a word diff splits into kept, deleted and inserted runs",
    arguments: [
      ("we will [-not-] {+soon+} act", ["we will |", "-not", " |", "+soon", " act|"]),
      ("no change", ["no change|"]),
      ("[-gone-]", ["-gone"]),
      ("broken [-diff", ["broken |", "[-diff|"]),
    ])
  func diffSegments(_ diff: String, _ expected: [String]) {
    let segments = WebUI.diffSegments(diff).map {
      $0.deleted ? "-" + $0.text : $0.inserted ? "+" + $0.text : $0.text + "|"
    }
    #expect(segments == expected)
  }

  @Test("stories list in the API and on their pages")
  func stories() async throws {
    try await ServerFixtures.withServer { client in
      let list = try await client.execute(uri: "/api/v1/stories", method: .get)
      #expect(list.status == .ok)
      let first = try #require(list.items.first)
      let id = try #require(first["id"] as? Int)
      let title = try #require(first["title"] as? String)
      let page = try await client.execute(uri: "/stories", method: .get).text
      #expect(page.contains("href=\"/stories/\(id)\""))
      let story = try await client.execute(uri: "/stories/\(id)", method: .get)
      #expect(story.status == .ok)
      #expect(
        story.text.contains("<h1>" + title.replacingOccurrences(of: "'", with: "&#39;") + "</h1>")
          || title.contains("<"))
      let csv = try await client.execute(uri: "/api/v1/stories/\(id)?format=csv", method: .get)
      #expect(csv.text.hasPrefix("source,title,outlet,published,relation,of\r\n"))
    }
  }
}
