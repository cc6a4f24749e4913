import Foundation
import Hummingbird
import Quotidian
import QuotidianCore
import QuotidianReaders
import QuotidianStore

/// The handlers behind the route table.
struct API: Sendable {
  let configuration: ServerConfiguration
  let web: WebUI
  var store: any Store & ArticleReading & StatementStore { configuration.store }

  static let version = "0.1.0"

  // MARK: The route table

  func endpoints() -> [Endpoint] {
    let quoteFilters: [ParameterSpec] = [
      .query(
        "speaker", .string(maxLength: Limits.maximumTextParameter),
        "Only quotes by this speaker (full name or surname)."),
      .search, .since, .until, .outlet,
      .query("kind", .choice(["direct", "partial", "indirect"]), "Only quotes of this kind."),
    ]
    let articleFilters: [ParameterSpec] = [.search, .outlet, .since, .until]
    let entityTypes = ["person", "org", "place", "group"]
    let entityFilters: [ParameterSpec] = [
      .query("type", .choice(entityTypes), "Only entities of this type."),
      .query(
        "name", .string(maxLength: Limits.maximumTextParameter),
        "Only entities with this name or alias (whole words)."),
    ]
    let paging: [ParameterSpec] = [.cursor, .exportLimit, .format]
    let claimParameters: [ParameterSpec] = [
      .query(
        "about", .string(maxLength: Limits.maximumTextParameter),
        "Words the claim or what it counts must match (the syntax of `search`)."),
      .query(
        "speaker", .string(maxLength: Limits.maximumTextParameter),
        "Only claims inside quotes of this speaker (full name or surname)."),
      .since, .until,
    ]
    let tallyParameters: [ParameterSpec] = [
      ParameterSpec(
        name: "speaker", location: .query, kind: .string(maxLength: Limits.maximumTextParameter),
        description: "The speaker (full name or surname).", required: true),
      .query(
        "about", .string(maxLength: Limits.maximumTextParameter),
        "What the statements are about: words, in any form (\"finish\" matches \"finished\")."),
      .query(
        "since", .date, "Only occasions on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
      .query(
        "until", .date, "Only occasions on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ]
    let ledgerParameters: [ParameterSpec] = [
      .query(
        "speaker", .string(maxLength: Limits.maximumTextParameter),
        "Only this speaker's promises (full name or surname)."),
      .query("asOf", .day, "Status as of this day (YYYY-MM-DD; default: today, UTC)."),
      .query("status", .choice(["pending", "due", "overdue"]), "Only promises with this status."),
    ]
    return [
      Endpoint(
        method: .get, path: "/api/v1/articles", operationID: "listArticles",
        summary: "Stored articles, oldest first, filtered by words, outlet and dates.", tag: "api",
        parameters: articleFilters + paging,
        output: .export(page: "ArticlePage", item: "ArticleSummary"),
        handler: { request, parameters, _ in try await listArticles(request, parameters) }),
      Endpoint(
        method: .post, path: "/api/v1/articles", operationID: "createArticle",
        summary:
          "Analyse an article (plain text or HTML) and store it with its quotes. Needs the bearer token.",
        tag: "api", output: .json("SubmissionResult"), requestBody: "ArticleSubmission",
        requiresToken: true,
        successStatus: 201, errorStatuses: [400, 401, 403, 413, 415],
        handler: { request, _, _ in try await createArticle(request) }),
      Endpoint(
        method: .get, path: "/api/v1/articles/{id}", operationID: "getArticle",
        summary: "One article with its text and quotes.", tag: "api",
        parameters: [
          .path("id", .integer(minimum: 1, maximum: Int(Int32.max) * 1024), "The article's ID."),
          .format,
        ],
        output: .export(page: "StoredArticle", item: "Quote"), errorStatuses: [400, 404],
        handler: { request, parameters, _ in try await getArticle(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/quotes", operationID: "listQuotes",
        summary: "Stored quotes, newest article first, with every filter of `quotidian quotes`.",
        tag: "api",
        parameters: quoteFilters + paging, output: .export(page: "QuotePage", item: "Quote"),
        errorStatuses: [400, 409],
        handler: { request, parameters, _ in try await listQuotes(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/quotes/{id}", operationID: "getQuote",
        summary: "One quote with its article, context and the evidence for its speaker.",
        tag: "api",
        parameters: [.quoteID, .format],
        output: .export(page: "QuoteDetail", item: "Quote"), errorStatuses: [400, 404],
        handler: { request, parameters, _ in try await getQuote(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/speakers", operationID: "listSpeakers",
        summary: "Speakers by number of quotes, most quoted first.", tag: "api",
        parameters: [.outlet] + paging,
        output: .export(page: "SpeakerPage", item: "SpeakerSummary"),
        handler: { request, parameters, _ in try await listSpeakers(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/speakers/{name}", operationID: "getSpeaker",
        summary:
          "One speaker across every article: name forms, roles, quotes by month, latest quotes.",
        tag: "api",
        parameters: [
          .path(
            "name", .string(maxLength: Limits.maximumTextParameter),
            "A full name, surname or alias."), .includeCopies,
        ],
        output: .json("SpeakerProfile"), errorStatuses: [400, 404, 409],
        handler: { _, parameters, _ in try Responses.json(try await speakerProfile(parameters)) }),
      Endpoint(
        method: .get, path: "/api/v1/entities", operationID: "listEntities",
        summary: "People, organisations, places and groups, one identity across articles.",
        tag: "api",
        parameters: entityFilters + paging,
        output: .export(page: "EntityPage", item: "EntitySummary"),
        handler: { request, parameters, _ in try await listEntities(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/duplicates", operationID: "listDuplicates",
        summary:
          "Copies: exact (the same text under another source) and near (shingle similarity), by original.",
        tag: "api", parameters: paging, output: .export(page: "DuplicatePage", item: "Duplicate"),
        handler: { request, parameters, _ in
          try await linkListing(request, parameters, listing: "duplicates") {
            try await store.duplicates(LinkQuery(limit: $0))
          }
        }),
      Endpoint(
        method: .get, path: "/api/v1/rewrites", operationID: "listRewrites",
        summary: "Rewrites of earlier articles, with word-level diffs of their altered quotes.",
        tag: "api",
        parameters: paging, output: .export(page: "RewritePage", item: "Rewrite"),
        handler: { request, parameters, _ in
          try await linkListing(request, parameters, listing: "rewrites") {
            try await store.rewrites(LinkQuery(limit: $0))
          }
        }),
      Endpoint(
        method: .get, path: "/api/v1/stories", operationID: "listStories",
        summary: "Stories (articles about the same events), the most recently updated first.",
        tag: "api",
        parameters: paging, output: .export(page: "StoryPage", item: "StorySummary"),
        handler: { request, parameters, _ in
          try await linkListing(request, parameters, listing: "stories") {
            try await store.stories(StoryQuery(limit: $0))
          }
        }),
      Endpoint(
        method: .get, path: "/api/v1/stories/{id}", operationID: "getStory",
        summary: "One story with its articles and how each relates to the others.", tag: "api",
        parameters: [
          .path("id", .integer(minimum: 1, maximum: Int(Int32.max) * 1024), "The story's ID."),
          .format,
        ],
        output: .export(page: "StoryDetail", item: "StoryArticle"), errorStatuses: [400, 404],
        handler: { request, parameters, _ in try await getStory(request, parameters) }),
      Endpoint(
        method: .get, path: "/api/v1/statements", operationID: "listStatements",
        summary:
          "Statements (one speaker's words however many articles report them) with every report.",
        tag: "api",
        parameters: [
          .query(
            "speaker", .string(maxLength: Limits.maximumTextParameter),
            "Only this speaker's statements.")
        ] + paging,
        output: .export(page: "StatementPage", item: "Statement"), errorStatuses: [400, 409],
        handler: { request, parameters, _ in
          try await linkListing(
            request, parameters, listing: "statements", filterNames: ["speaker"]
          ) {
            try await store.statements(StatementQuery(speaker: parameters["speaker"], limit: $0))
          }
        }),
      Endpoint(
        method: .get, path: "/api/v1/claims", operationID: "listClaims",
        summary:
          "Numeric claims with their value, unit, qualifier, what they count, the speaker when inside a quote, and their article; newest article first.",
        tag: "api",
        parameters: claimParameters + paging,
        output: .export(page: "ClaimPage", item: "Claim"), errorStatuses: [400, 409],
        handler: { request, parameters, _ in
          try await linkListing(
            request, parameters, listing: "claims",
            filterNames: ["about", "speaker", "since", "until"]
          ) {
            try await store.claims(
              ClaimQuery(
                about: parameters["about"], speaker: parameters["speaker"],
                since: parameters["since"], until: parameters["until"], limit: $0))
          }
        }),
      Endpoint(
        method: .get, path: "/api/v1/tally", operationID: "getTally",
        summary:
          "How many distinct occasions a speaker said something about a topic, each with every article's report (`quotidian tally`).",
        tag: "api", parameters: tallyParameters + [.tallyBy],
        output: .json("TallyReport"), errorStatuses: [400, 409],
        handler: { _, parameters, _ in try Responses.json(try await tally(parameters)) }),
      Endpoint(
        method: .get, path: "/api/v1/ledger", operationID: "listLedger",
        summary:
          "Promises and predictions with their deadlines and status (pending, due, overdue) on a day, oldest first (`quotidian ledger`).",
        tag: "api", parameters: ledgerParameters + paging,
        output: .export(page: "LedgerPage", item: "LedgerEntry"), errorStatuses: [400, 409],
        handler: { request, parameters, _ in
          try await linkListing(
            request, parameters, listing: "ledger", filterNames: ["speaker", "asOf", "status"]
          ) { Array(try await ledger(parameters).prefix($0)) }
        }),
      Endpoint(
        method: .get, path: "/api/v1/search", operationID: "search",
        summary: "Full-text search over quotes and articles (first matches of each).", tag: "api",
        parameters: [
          ParameterSpec(
            name: "q", location: .query, kind: .string(maxLength: Limits.maximumTextParameter),
            description: "The search (syntax of `search` in /api/v1/quotes).", required: true),
          .limit,
        ],
        output: .json("SearchResult"), handler: { _, parameters, _ in try await search(parameters) }
      ),
      Endpoint(
        method: .get, path: "/api/v1/status", operationID: "getStatus",
        summary: "Number of stored articles and whether writes are enabled.", tag: "api",
        output: .json("Status"),
        errorStatuses: [],
        handler: { _, _, _ in
          try Responses.json(
            Status(
              articleCount: try await store.articleCount(), writable: configuration.token != nil,
              version: Self.version))
        }),
      Endpoint(
        method: .get, path: OpenAPI.path, operationID: "getOpenAPI", summary: "This document.",
        tag: "api",
        output: .json("OpenAPIDocument"), errorStatuses: [],
        handler: { _, _, _ in Response(status: .internalServerError) }),
      // The web UI: each page's JSON twin is the API route it links to.
      Endpoint(
        method: .get, path: "/", operationID: "searchPage",
        summary: "Web UI: search quotes with facets (speaker, outlet, date range, kind).",
        tag: "web",
        parameters: quoteFilters + [.cursor],
        output: .html, errorStatuses: [400, 409],
        handler: { request, parameters, _ in
          try await web.searchPage(request, parameters, api: self)
        }),
      Endpoint(
        method: .get, path: "/quotes/{id}", operationID: "quotePage",
        summary: "Web UI: a quote highlighted in its article, with the evidence for its speaker.",
        tag: "web",
        parameters: [.quoteID], output: .html,
        errorStatuses: [400, 404],
        handler: { _, parameters, _ in
          try await web.quotePage(try await quoteDetail(parameters), api: self)
        }),
      Endpoint(
        method: .get, path: "/speakers", operationID: "speakersPage",
        summary: "Web UI: the most quoted speakers.",
        tag: "web", parameters: [.outlet], output: .html,
        handler: { _, parameters, _ in try await web.speakersPage(parameters, api: self) }),
      Endpoint(
        method: .get, path: "/speakers/{name}", operationID: "speakerPage",
        summary: "Web UI: a speaker's name forms, roles and quotes per month.", tag: "web",
        parameters: [
          .path(
            "name", .string(maxLength: Limits.maximumTextParameter),
            "A full name, surname or alias.")
        ],
        output: .html, errorStatuses: [400, 404, 409],
        handler: { _, parameters, _ in web.speakerPage(try await speakerProfile(parameters)) }),
      Endpoint(
        method: .get, path: "/stories", operationID: "storiesPage",
        summary: "Web UI: stories, latest first.",
        tag: "web", output: .html, errorStatuses: [],
        handler: { _, _, _ in try await web.storiesPage(api: self) }),
      Endpoint(
        method: .get, path: "/stories/{id}", operationID: "storyPage",
        summary: "Web UI: one story's articles, copies and rewrites.", tag: "web",
        parameters: [
          .path("id", .integer(minimum: 1, maximum: Int(Int32.max) * 1024), "The story's ID.")
        ],
        output: .html, errorStatuses: [400, 404],
        handler: { _, parameters, _ in web.storyPage(try await story(parameters)) }),
      Endpoint(
        method: .get, path: "/tally", operationID: "tallyPage",
        summary:
          "Web UI: a speaker's occasions on a topic, each with the articles that reported it (outlet, date, altered words marked).",
        tag: "web", parameters: tallyParameters.map { $0.with(required: false) }, output: .html,
        errorStatuses: [400, 409],
        handler: { _, parameters, _ in
          let report = parameters["speaker"] == nil ? nil : try await tally(parameters)
          return web.tallyPage(report, parameters)
        }),
      Endpoint(
        method: .get, path: "/ledger", operationID: "ledgerPage",
        summary: "Web UI: promises with their deadlines, overdue and due first.", tag: "web",
        parameters: ledgerParameters, output: .html, errorStatuses: [400, 409],
        handler: { _, parameters, _ in
          web.ledgerPage(try await ledger(parameters), asOf: ledgerDay(parameters), parameters)
        }),
      Endpoint(
        method: .get, path: "/claims", operationID: "claimsPage",
        summary: "Web UI: search numeric claims by words, speaker and dates.", tag: "web",
        parameters: claimParameters, output: .html, errorStatuses: [400, 409],
        handler: { _, parameters, _ in
          try await web.claimsPage(parameters, api: self)
        }),
      Endpoint(
        method: .get, path: "/rewrites", operationID: "rewritesPage",
        summary: "Web UI: rewrites with word-level diffs of their altered quotes.", tag: "web",
        output: .html,
        errorStatuses: [],
        handler: { _, _, _ in try await web.rewritesPage(api: self) }),
      Endpoint(
        method: .get, path: "/articles/{id}", operationID: "articlePage",
        summary: "Web UI: an article with its quotes highlighted.", tag: "web",
        parameters: [
          .path("id", .integer(minimum: 1, maximum: Int(Int32.max) * 1024), "The article's ID.")
        ],
        output: .html, errorStatuses: [400, 404],
        handler: { _, parameters, _ in web.articlePage(try await article(parameters)) }),
    ]
  }

  // MARK: Authorization

  func authorize(_ request: Request) throws(APIError) {
    guard let token = configuration.token else {
      throw APIError(
        status: .forbidden, code: "writes_disabled",
        message: "writes are disabled: start the server with QUOTIDIAN_TOKEN set to enable them")
    }
    let header = request.headers[.authorization] ?? ""
    let prefix = "Bearer "
    let given = header.hasPrefix(prefix) ? String(header.dropFirst(prefix.count)) : ""
    guard Self.constantTimeEqual(given, token) else {
      throw APIError(
        status: .unauthorized, code: "unauthorized",
        message: "this route needs 'Authorization: Bearer <token>'",
        headers: [.wwwAuthenticate: "Bearer realm=\"quotidian\""])
    }
  }

  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    var difference = UInt8(left.count == right.count ? 0 : 1)
    for index in 0..<max(left.count, right.count) {
      difference |=
        (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
    }
    return difference == 0
  }

  // MARK: Listings

  static func pageSize(_ parameters: RequestParameters, format: ResponseFormat) -> Int {
    let requested = parameters.int("limit")
    if format == .json { return min(requested ?? Limits.defaultPageSize, Limits.maximumPageSize) }
    return requested ?? Limits.defaultExportSize
  }

  static func filters(_ parameters: RequestParameters, _ names: [String]) -> [(String, String?)] {
    names.map { ($0, parameters[$0]) }
  }

  static func offset(_ parameters: RequestParameters, listing: String, filters: [(String, String?)])
    throws(APIError)
    -> Int
  {
    guard let text = parameters["cursor"] else { return 0 }
    let cursor = try Cursor.decode(text, listing: listing, filters: filters)
    guard cursor.position <= Int64(Limits.maximumOffset) else {
      throw .invalidCursor("the cursor is past the last page")
    }
    return Int(cursor.position)
  }

  static func nextCursor(
    listing: String, offset: Int, limit: Int, hasMore: Bool, filters: [(String, String?)]
  ) -> String? {
    guard hasMore, offset + limit <= Limits.maximumOffset else { return nil }
    return Cursor(listing: listing, position: Int64(offset + limit), filters: filters).encoded
  }

  static let quoteFilterNames = ["speaker", "search", "since", "until", "outlet", "kind"]

  /// One page of quotes. A `kind` filter is applied to the store's answer, scanning at most
  /// ``Limits/maximumKindScan`` quotes.
  func quotePage(_ parameters: RequestParameters, limit: Int) async throws -> Page<QuoteItem> {
    let filters = Self.filters(parameters, Self.quoteFilterNames)
    let offset = try Self.offset(parameters, listing: "quotes", filters: filters)
    let wanted = offset + limit + 1
    var query = QuoteQuery(
      speaker: parameters["speaker"], search: parameters["search"], since: parameters["since"],
      until: parameters["until"], outlet: parameters["outlet"], limit: wanted)
    var rows: [StoredQuote]
    if let kind = parameters["kind"] {
      var scan = min(Limits.maximumKindScan, wanted * 2)
      while true {
        query.limit = scan
        let all = try await store.quotes(query)
        rows = all.filter { $0.kind == kind }
        if rows.count >= wanted || all.count < scan || scan >= Limits.maximumKindScan { break }
        scan = min(Limits.maximumKindScan, scan * 4)
      }
    } else {
      rows = try await store.quotes(query)
    }
    let items = rows.dropFirst(offset).prefix(limit).map(QuoteItem.init)
    return Page(
      items: Array(items),
      nextCursor: Self.nextCursor(
        listing: "quotes", offset: offset, limit: limit, hasMore: rows.count > offset + limit,
        filters: filters),
      limit: limit)
  }

  func listQuotes(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    let page = try await quotePage(parameters, limit: Self.pageSize(parameters, format: format))
    return try Responses.page(page, format: format, request: request)
  }

  func listSpeakers(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    let limit = Self.pageSize(parameters, format: format)
    let filters = Self.filters(parameters, ["outlet"])
    let offset = try Self.offset(parameters, listing: "speakers", filters: filters)
    let rows = try await store.speakers(
      SpeakerQuery(limit: offset + limit + 1, outlet: parameters["outlet"]))
    let page = Page(
      items: Array(rows.dropFirst(offset).prefix(limit)),
      nextCursor: Self.nextCursor(
        listing: "speakers", offset: offset, limit: limit, hasMore: rows.count > offset + limit,
        filters: filters),
      limit: limit)
    return try Responses.page(page, format: format, request: request)
  }

  func listEntities(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    let limit = Self.pageSize(parameters, format: format)
    let filters = Self.filters(parameters, ["type", "name"])
    let offset = try Self.offset(parameters, listing: "entities", filters: filters)
    let rows = try await store.entities(
      EntityQuery(type: parameters["type"], name: parameters["name"], limit: offset + limit + 1))
    let page = Page(
      items: Array(rows.dropFirst(offset).prefix(limit)),
      nextCursor: Self.nextCursor(
        listing: "entities", offset: offset, limit: limit, hasMore: rows.count > offset + limit,
        filters: filters),
      limit: limit)
    return try Responses.page(page, format: format, request: request)
  }

  func listArticles(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    let limit = Self.pageSize(parameters, format: format)
    let filters = Self.filters(parameters, ["search", "outlet", "since", "until"])
    var afterID: Int64 = 0
    if let text = parameters["cursor"] {
      afterID = try Cursor.decode(text, listing: "articles", filters: filters).position
    }
    let rows = try await store.articles(
      ArticleQuery(
        search: parameters["search"], outlet: parameters["outlet"], since: parameters["since"],
        until: parameters["until"], afterID: afterID, limit: limit + 1))
    let items = Array(rows.prefix(limit))
    let next =
      rows.count > limit
      ? items.last.map { Cursor(listing: "articles", position: $0.id, filters: filters).encoded }
      : nil
    return try Responses.page(
      Page(items: items, nextCursor: next, limit: limit), format: format, request: request)
  }

  func search(_ parameters: RequestParameters) async throws -> Response {
    let text = parameters["q"] ?? ""
    let limit = min(parameters.int("limit") ?? 20, Limits.maximumPageSize)
    let quotes = try await store.quotes(QuoteQuery(search: text, limit: limit))
    let articles = try await store.articles(ArticleQuery(search: text, limit: limit))
    return try Responses.json(
      SearchResult(query: text, quotes: quotes.map(QuoteItem.init), articles: articles))
  }

  /// A page of a link listing whose store call takes only a limit: offset cursors as for quotes.
  func linkListing<Item: CSVExportable>(
    _ request: Request, _ parameters: RequestParameters, listing: String,
    filterNames: [String] = [],
    fetch: (Int) async throws -> [Item]
  ) async throws -> Response {
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    let limit = Self.pageSize(parameters, format: format)
    let filters = Self.filters(parameters, filterNames)
    let offset = try Self.offset(parameters, listing: listing, filters: filters)
    let rows = try await fetch(offset + limit + 1)
    let page = Page(
      items: Array(rows.dropFirst(offset).prefix(limit)),
      nextCursor: Self.nextCursor(
        listing: listing, offset: offset, limit: limit, hasMore: rows.count > offset + limit,
        filters: filters),
      limit: limit)
    return try Responses.page(page, format: format, request: request)
  }

  func story(_ parameters: RequestParameters) async throws -> StoryDetail {
    guard let id = parameters["id"].flatMap({ Int64($0) }),
      let story = try await store.story(id: id)
    else {
      throw APIError.notFound("no story has this ID")
    }
    return story
  }

  /// The story as JSON; with format=csv or jsonl, its articles.
  func getStory(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let story = try await story(parameters)
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    if format == .json { return try Responses.json(story) }
    return try Responses.page(
      Page(items: story.articles, limit: story.articles.count), format: format, request: request)
  }

  // MARK: Tally and ledger

  /// The complaint as a 409 when `speaker` names several people among `names`.
  static func checkOnePerson(_ speaker: String?, names: [String]) throws(APIError) {
    guard let speaker, let problem = Tallies.ambiguity(speaker, names: names) else { return }
    throw APIError(
      status: .conflict, code: "ambiguous_name", message: APIError.bounded(problem, length: 1_000))
  }

  /// What `quotidian tally` answers for these parameters.
  func tally(_ parameters: RequestParameters) async throws -> Tallies.TallyReport {
    let speaker = parameters["speaker"] ?? ""
    let statements = try await store.saidStatements(speaker: speaker)
    try Self.checkOnePerson(speaker, names: statements.compactMap(\.speaker))
    return Tallies.tally(
      statements, about: parameters["about"], since: parameters["since"],
      until: parameters["until"], byMonth: parameters["by"] == "month")
  }

  /// The day the ledger's status is judged on: `asOf`, else today in UTC.
  func ledgerDay(_ parameters: RequestParameters) -> CivilDate {
    parameters["asOf"].flatMap(CivilDate.init(iso:))
      ?? CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
  }

  /// What `quotidian ledger` answers for these parameters, narrowed to `status` when given.
  func ledger(_ parameters: RequestParameters) async throws -> [Tallies.LedgerEntry] {
    let promises = try await store.promises(speaker: parameters["speaker"])
    try Self.checkOnePerson(parameters["speaker"], names: promises.compactMap(\.speaker))
    let entries = Tallies.ledger(promises, asOf: ledgerDay(parameters))
    guard let status = parameters["status"] else { return entries }
    return entries.filter { $0.status == status }
  }

  // MARK: One record

  func article(_ parameters: RequestParameters) async throws -> StoredArticle {
    guard let id = parameters["id"].flatMap({ Int64($0) }),
      let article = try await store.article(id: id)
    else {
      throw APIError.notFound("no article has this ID")
    }
    return article
  }

  /// The article as JSON; with format=csv or jsonl, its quotes.
  func getArticle(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let article = try await article(parameters)
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    if format == .json { return try Responses.json(article) }
    let items = article.quotes.map { QuoteItem($0, in: article) }
    return try Responses.page(
      Page(items: items, limit: items.count), format: format, request: request)
  }

  /// The quote with its evidence as JSON; with format=csv or jsonl, the quote as one record.
  func getQuote(_ request: Request, _ parameters: RequestParameters) async throws -> Response {
    let detail = try await quoteDetail(parameters)
    let format = ResponseFormat.negotiate(
      parameter: parameters["format"], accept: request.headers[.accept])
    if format == .json { return try Responses.json(detail) }
    return try Responses.page(
      Page(items: [detail.quote], limit: 1), format: format, request: request)
  }

  func quoteDetail(_ parameters: RequestParameters) async throws -> QuoteDetail {
    guard let id = parameters["id"].flatMap(QuoteID.init) else {
      throw APIError.invalidParameter(
        "id", "expects a quote ID like 12-340 (article ID, start offset)")
    }
    guard let article = try await store.article(id: id.articleID),
      let record = article.quotes.first(where: { $0.start == id.start })
    else { throw APIError.notFound("no quote has this ID") }
    return QuoteEvidence.detail(record, in: article)
  }

  func speakerProfile(_ parameters: RequestParameters) async throws -> SpeakerProfile {
    let name = parameters["name"] ?? ""
    guard
      let profile = try await store.speaker(
        named: name, includeCopies: parameters["includeCopies"] == "true")
    else {
      throw APIError.notFound("no stored speaker matches this name")
    }
    return profile
  }

  // MARK: Writes

  func createArticle(_ request: Request) async throws -> Response {
    let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(
      in: .whitespaces
    ).lowercased()
    guard type == "application/json" else {
      throw APIError(
        status: .unsupportedMediaType, code: "unsupported_media_type",
        message: "send the article as application/json")
    }
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: Limits.maximumBodyBytes)
    } catch {
      throw APIError(
        status: .contentTooLarge, code: "payload_too_large",
        message: "the request body is larger than \(Limits.maximumBodyBytes) bytes")
    }
    let submission: ArticleSubmission
    do {
      submission = try JSONDecoder().decode(ArticleSubmission.self, from: Data(buffer: body))
    } catch {
      throw APIError.invalidBody(
        "the body is not an article object: expected JSON with 'text' or 'html'")
    }
    let article = try Self.article(from: submission)
    let result = configuration.engine.analyze(article)
    let outcome = try await store.save(result)
    guard let saved = try await store.article(id: outcome.articleID) else {
      throw APIError.serverFailure
    }
    return try Responses.json(
      SubmissionResult(
        id: saved.id, inserted: outcome.isInserted, quoteCount: saved.quotes.count,
        quotes: saved.quotes.map { QuoteItem($0, in: saved) }),
      status: outcome.isInserted ? .created : .ok)
  }

  static func article(from submission: ArticleSubmission) throws(APIError) -> Article {
    func check(_ value: String?, _ name: String, _ limit: Int) throws(APIError) -> String? {
      if let value, value.unicodeScalars.count > limit {
        throw .invalidBody("'\(name)' is longer than \(limit) characters")
      }
      guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
      else { return nil }
      return value
    }
    // As the document says: exactly one of the two is present, and it holds text (a blank
    // one is an error, not an absent one).
    guard (submission.text == nil) != (submission.html == nil) else {
      throw .invalidBody("give exactly one of 'text' and 'html'")
    }
    for (name, value) in [("text", submission.text), ("html", submission.html)]
    where value?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
      throw .invalidBody("'\(name)' is blank")
    }
    let text = submission.text
    let html = submission.html
    let title = try check(submission.title, "title", 1_000)
    let url = try check(submission.url, "url", 2_000)
    let outlet = try check(submission.outlet, "outlet", Limits.maximumTextParameter)
    let source = try check(submission.source, "source", 2_000) ?? url ?? "api"
    let published = try check(submission.published, "published", 40)
    if let published {
      let date = String(published.prefix(10))
      guard DateParameter.isValid(date),
        published.count == date.count || published.dropFirst(date.count).first == "T"
      else { throw .invalidBody("'published' expects an ISO 8601 date like 2025-12-24") }
    }
    let authors = submission.authors ?? []
    if authors.count > 50
      || authors.contains(where: { $0.unicodeScalars.count > Limits.maximumTextParameter })
    {
      throw .invalidBody(
        "'authors' takes at most 50 names of at most \(Limits.maximumTextParameter) characters")
    }
    var article: Article
    if let html {
      do {
        guard
          let read = try Readers.read(bytes: Array(html.utf8), source: source, format: .html).first
        else {
          throw APIError.invalidBody("the HTML holds no article text")
        }
        article = read
      } catch {
        throw .invalidBody("the HTML holds no article text")
      }
    } else {
      article = Article(text: text ?? "", source: source, format: "text")
    }
    if let title { article.metadata.title = title }
    if let url { article.metadata.url = url }
    if let outlet { article.metadata.outlet = outlet }
    if let published { article.metadata.published = published }
    if !authors.isEmpty { article.metadata.authors = authors }
    return article
  }
}
