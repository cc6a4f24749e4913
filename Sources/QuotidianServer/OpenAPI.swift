import Hummingbird

/// The OpenAPI 3.1 document, generated from the route table: every route the router serves
/// is in it, and nothing else.
enum OpenAPI {
  static let path = "/api/v1/openapi.json"

  static func response(_ document: JSONValue) -> Response {
    Responses.text(document.serialized(pretty: true), contentType: ResponseFormat.json.contentType)
  }

  static func document(_ endpoints: [Endpoint]) -> JSONValue {
    var paths: [(String, JSONValue)] = []
    for endpoint in endpoints {
      let operation = self.operation(endpoint)
      let method = endpoint.method.rawValue.lowercased()
      if let index = paths.firstIndex(where: { $0.0 == endpoint.path }) {
        paths[index].1.set(method, operation)
      } else {
        paths.append((endpoint.path, .object([(method, operation)])))
      }
    }
    return [
      "openapi": "3.1.0",
      "info": [
        "title": "Quotidian",
        "version": .string(API.version),
        "description": """
        Who said what, when and where: the quotes, speakers, entities and articles of a Quotidian store. \
        Reads are open; writes need 'Authorization: Bearer <QUOTIDIAN_TOKEN>'. Errors are \
        {"error": {"code", "message"}} with a stable code. Listings page with an opaque cursor \
        (nextCursor, also in the Link header) and export as CSV or JSON Lines with format=csv|jsonl. \
        Offsets (start, end) are Unicode scalar offsets into the article text.
        """,
      ],
      "tags": [
        ["name": "api", "description": "The JSON API."],
        [
          "name": "web",
          "description": "The server-rendered web UI (HTML); each page links its JSON twin.",
        ],
      ],
      "paths": .object(paths),
      "components": [
        "schemas": schemas,
        "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
      ],
    ]
  }

  static func operation(_ endpoint: Endpoint) -> JSONValue {
    var operation: JSONValue = [
      "operationId": .string(endpoint.operationID), "summary": .string(endpoint.summary),
      "tags": [.string(endpoint.tag)],
    ]
    if !endpoint.parameters.isEmpty {
      operation.set(
        "parameters",
        .array(
          endpoint.parameters.map { spec in
            [
              "name": .string(spec.name), "in": .string(spec.location.rawValue),
              "required": .bool(spec.required),
              "description": .string(spec.description), "schema": spec.schema,
            ]
          }))
    }
    if let body = endpoint.requestBody {
      operation.set(
        "requestBody",
        ["required": true, "content": ["application/json": ["schema": ref(body)]]])
    }
    if endpoint.requiresToken { operation.set("security", [["bearerAuth": []]]) }
    var responses: [(String, JSONValue)] = []
    let content: JSONValue
    switch endpoint.output {
    case .json(let schema): content = ["application/json": ["schema": ref(schema)]]
    case .export(let page, _):
      content = [
        "application/json": ["schema": ref(page)], "text/csv": ["schema": ["type": "string"]],
        "application/x-ndjson": ["schema": ["type": "string"]],
      ]
    case .html: content = ["text/html": ["schema": ["type": "string"]]]
    }
    responses.append(
      (String(endpoint.successStatus), ["description": "Success.", "content": content]))
    if endpoint.successStatus == 201 {
      responses.append(
        (
          "200",
          [
            "description": "The same article was already stored (inserted: false).",
            "content": content,
          ]
        ))
    }
    let isHTML: Bool = if case .html = endpoint.output { true } else { false }
    let errorContent: JSONValue =
      isHTML
      ? ["text/html": ["schema": ["type": "string"]]]
      : ["application/json": ["schema": ref("Error")]]
    for status in endpoint.errorStatuses {
      responses.append(
        (
          String(status),
          ["description": .string(errorDescription(status)), "content": errorContent]
        ))
    }
    responses.append(
      ("default", ["description": "Unexpected error (code `internal`).", "content": errorContent]))
    operation.set("responses", .object(responses))
    return operation
  }

  static func errorDescription(_ status: Int) -> String {
    switch status {
    case 400:
      "A parameter, cursor, search or body is invalid (codes invalid_parameter, invalid_cursor, invalid_search, invalid_body)."
    case 401: "No or a wrong bearer token (code unauthorized)."
    case 403: "Writes are disabled: the server has no QUOTIDIAN_TOKEN (code writes_disabled)."
    case 404: "Nothing has this ID or name (code not_found)."
    case 409: "The name fits several speakers, listed in the message (code ambiguous_name)."
    case 413: "The body is larger than 1 MiB (code payload_too_large)."
    case 415: "The body is not application/json (code unsupported_media_type)."
    default: "Error."
    }
  }

  static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

  // MARK: Schemas

  static func object(_ required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
    [
      "type": "object", "required": .array(required.map(JSONValue.string)),
      "properties": .object(properties),
    ]
  }
  static let string: JSONValue = ["type": "string"]
  static let integer: JSONValue = ["type": "integer"]
  static let number: JSONValue = ["type": "number"]
  static let boolean: JSONValue = ["type": "boolean"]
  static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
  static let range: JSONValue = [
    "type": "array", "items": ["type": "integer"], "minItems": 2, "maxItems": 2,
  ]

  static func page(_ item: String) -> JSONValue {
    object(
      ["items", "limit"],
      [("items", array(ref(item))), ("nextCursor", string), ("limit", integer)])
  }

  static let quoteProperties: [(String, JSONValue)] = [
    ("id", string), ("articleID", integer), ("source", string), ("title", string),
    ("outlet", string),
    ("published", string), ("text", string), ("speaker", string), ("speakerMention", string),
    ("kind", ["type": "string", "enum": ["direct", "partial", "indirect"]]), ("cue", string),
    ("rule", string),
    ("confidence", number), ("start", integer), ("end", integer),
  ]

  static let articleSummary = object(
    ["id", "source", "quoteCount"],
    [
      ("id", integer), ("source", string), ("url", string), ("title", string), ("outlet", string),
      ("published", string), ("quoteCount", integer),
    ])

  static let role = object(
    ["title", "status"],
    [
      ("title", string), ("organization", string),
      ("status", ["type": "string", "enum": ["current", "former"]]),
      ("since", string), ("until", string), ("firstSeen", string), ("lastSeen", string),
    ])

  static var schemas: JSONValue {
    .object([
      (
        "Error",
        object(
          ["error"],
          [
            (
              "error",
              object(
                ["code", "message"],
                [
                  (
                    "code",
                    ["type": "string", "enum": .array(APIError.codes.map(JSONValue.string))]
                  ), ("message", string),
                ])
            )
          ])
      ),
      (
        "Quote",
        object(
          ["id", "articleID", "source", "text", "kind", "rule", "confidence", "start", "end"],
          quoteProperties)
      ),
      ("QuotePage", page("Quote")),
      (
        "QuoteRecord",
        object(
          ["text", "kind", "rule", "confidence", "start", "end"],
          [
            ("text", string), ("speaker", string), ("speakerMention", string), ("cue", string),
            ("kind", string),
            ("start", integer), ("end", integer), ("confidence", number), ("rule", string),
          ])
      ),
      ("ArticleSummary", articleSummary),
      ("ArticlePage", page("ArticleSummary")),
      (
        "StoredArticle",
        object(
          ["id", "source", "format", "authors", "text", "quotes"],
          [
            ("id", integer), ("source", string), ("url", string), ("format", string),
            ("title", string),
            ("authors", array(string)), ("outlet", string), ("published", string),
            ("language", string),
            ("text", string), ("quotes", array(ref("QuoteRecord"))),
          ])
      ),
      (
        "Evidence",
        object(
          ["rule", "confidence"],
          [
            ("rule", string), ("confidence", number), ("cue", string), ("speakerMention", string),
            ("cueRange", range), ("mentionRange", range),
          ])
      ),
      (
        "QuoteDetail",
        object(
          ["quote", "article", "evidence", "context", "contextStart"],
          [
            ("quote", ref("Quote")), ("article", ref("ArticleSummary")),
            ("evidence", ref("Evidence")),
            ("context", string), ("contextStart", integer),
          ])
      ),
      (
        "SpeakerSummary",
        object(
          ["name", "quoteCount", "articleCount", "outlets", "roles"],
          [
            ("name", string), ("quoteCount", integer), ("articleCount", integer),
            ("outlets", array(string)),
            ("firstQuoted", string), ("lastQuoted", string), ("roles", array(string)),
          ])
      ),
      ("SpeakerPage", page("SpeakerSummary")),
      ("EntityRole", role),
      (
        "SpeakerProfile",
        object(
          [
            "name", "names", "roles", "quoteCount", "articleCount", "quotesByMonth", "outlets",
            "latestQuotes",
          ],
          [
            ("entityID", integer), ("name", string), ("type", string), ("names", array(string)),
            ("roles", array(ref("EntityRole"))), ("quoteCount", integer), ("articleCount", integer),
            ("quotesByMonth", ["type": "object", "additionalProperties": integer]),
            ("outlets", array(string)),
            ("firstQuoted", string), ("lastQuoted", string),
            ("latestQuotes", array(ref("StoredQuote"))),
          ])
      ),
      (
        "StoredQuote",
        object(
          ["articleID", "source", "text", "kind", "rule", "confidence", "start", "end"],
          quoteProperties.filter { $0.0 != "id" && $0.0 != "speakerMention" })
      ),
      (
        "EntitySummary",
        object(
          ["id", "name", "type", "isNamed", "aliases", "roles", "quoteCount", "articleCount"],
          [
            ("id", integer), ("name", string),
            ("type", ["type": "string", "enum": ["person", "org", "place", "group"]]),
            ("isNamed", boolean), ("aliases", array(string)), ("roles", array(ref("EntityRole"))),
            ("quoteCount", integer), ("articleCount", integer),
          ])
      ),
      ("EntityPage", page("EntitySummary")),
      (
        "ArticleSubmission",
        [
          "type": "object",
          "description":
            "An article to analyse: exactly one of text and html; at most 1 MiB in all.",
          "oneOf": [
            ["required": ["text"], "not": ["required": ["html"]]],
            ["required": ["html"], "not": ["required": ["text"]]],
          ],
          "properties": [
            "text": ["type": "string", "pattern": "\\S", "description": "Plain article text."],
            "html": [
              "type": "string", "pattern": "[A-Za-z]",
              "description": "An article page's HTML; its text and metadata are read from it.",
            ],
            "title": ["type": ["string", "null"], "maxLength": 1000],
            "url": ["type": ["string", "null"], "maxLength": 2000],
            "outlet": ["type": ["string", "null"], "maxLength": 200],
            "published": [
              "type": ["string", "null"], "maxLength": 40,
              "pattern": "^\\s*([0-9]{4}(-[0-9]{2}(-[0-9]{2}(T.+)?)?)?)?\\s*$",
              "description":
                "ISO 8601 date (2025-12-24), optionally with a time; a real calendar date.",
            ],
            "authors": [
              "type": ["array", "null"], "maxItems": 50,
              "items": ["type": "string", "maxLength": 200],
            ],
            "source": [
              "type": ["string", "null"], "maxLength": 2000,
              "description": "Where it came from (default: url).",
            ],
          ],
        ]
      ),
      (
        "SubmissionResult",
        object(
          ["id", "inserted", "quoteCount", "quotes"],
          [
            ("id", integer), ("inserted", boolean), ("quoteCount", integer),
            ("quotes", array(ref("Quote"))),
          ])
      ),
      (
        "SearchResult",
        object(
          ["query", "quotes", "articles"],
          [
            ("query", string), ("quotes", array(ref("Quote"))),
            ("articles", array(ref("ArticleSummary"))),
          ])
      ),
      (
        "Status",
        object(
          ["articleCount", "writable", "version"],
          [("articleCount", integer), ("writable", boolean), ("version", string)])
      ),
      (
        "Duplicate",
        object(
          ["article", "duplicateOf", "kind", "similarity"],
          [
            ("article", string), ("duplicateOf", string),
            ("kind", ["type": "string", "enum": ["exact", "near"]]),
            ("similarity", number),
          ])
      ),
      ("DuplicatePage", page("Duplicate")),
      (
        "AlteredQuote",
        object(
          ["original", "variant", "diff", "meaningChanged", "changes"],
          [
            ("speaker", string), ("original", string), ("variant", string),
            (
              "diff",
              ["type": "string", "description": "Word-level diff: [-deleted-] and {+inserted+}."]
            ),
            ("meaningChanged", boolean), ("changes", array(string)),
          ])
      ),
      (
        "Rewrite",
        object(
          ["article", "original", "similarity", "sharedQuotes", "alteredQuotes"],
          [
            ("article", string), ("original", string), ("similarity", number),
            ("sharedQuotes", integer),
            ("alteredQuotes", array(ref("AlteredQuote"))),
          ])
      ),
      ("RewritePage", page("Rewrite")),
      (
        "StorySummary",
        object(
          ["id", "title", "articles", "outlets"],
          [
            ("id", integer), ("title", string), ("articles", array(string)),
            ("firstPublished", string),
            ("lastPublished", string), ("outlets", array(string)),
            ("events", array(ref("StoryEventSummary"))),
          ])
      ),
      (
        "StoryEventSummary",
        object(
          ["id", "title", "articles", "outlets"],
          [
            ("id", integer), ("title", string), ("firstPublished", string),
            ("lastPublished", string), ("articles", array(string)), ("outlets", array(string)),
          ])
      ),
      ("StoryPage", page("StorySummary")),
      (
        "StoryStatement",
        object(
          ["text", "reports"], [("speaker", string), ("text", string), ("reports", integer)])
      ),
      (
        "StoryEvent",
        object(
          ["id", "title", "outlets", "speakers", "statements", "alteredQuotes", "articles"],
          [
            ("id", integer), ("title", string), ("firstPublished", string),
            ("lastPublished", string), ("outlets", array(string)), ("speakers", array(string)),
            ("statements", array(ref("StoryStatement"))), ("alteredQuotes", integer),
            ("articles", array(ref("StoryArticle"))),
          ])
      ),
      (
        "StoryArticle",
        object(
          ["source", "relation"],
          [
            ("source", string), ("title", string), ("outlet", string), ("published", string),
            ("relation", string), ("of", string),
          ])
      ),
      (
        "StoryDetail",
        object(
          ["id", "title", "outlets", "terms", "articles"],
          [
            ("id", integer), ("title", string), ("firstPublished", string),
            ("lastPublished", string),
            ("outlets", array(string)), ("terms", array(string)),
            ("articles", array(ref("StoryArticle"))), ("events", array(ref("StoryEvent"))),
          ])
      ),
      (
        "StatementReport",
        object(
          ["source", "wording", "isCopy", "isAltered"],
          [
            ("source", string), ("outlet", string), ("published", string), ("wording", string),
            ("isCopy", boolean),
            ("isAltered", boolean),
          ])
      ),
      (
        "Statement",
        object(
          ["id", "text", "reports"],
          [
            ("id", integer), ("speaker", string), ("text", string),
            ("reports", array(ref("StatementReport"))),
          ])
      ),
      ("StatementPage", page("Statement")),
      (
        "Claim",
        object(
          ["text", "value", "article"],
          [
            ("text", string), ("value", number), ("unit", string), ("qualifier", string),
            ("counted", string), ("speaker", string), ("quote", string), ("article", string),
            ("articleID", integer), ("published", string),
          ])
      ),
      ("ClaimPage", page("Claim")),
      (
        "ArticleReport",
        object(
          ["article", "text", "altered"],
          [
            ("article", string), ("articleID", integer), ("outlet", string), ("title", string),
            ("published", string), ("text", string), ("altered", boolean),
          ])
      ),
      (
        "TallyOccasion",
        object(
          ["quote", "articles", "reports"],
          [
            ("date", string), ("month", string), ("speaker", string), ("quote", string),
            ("articles", array(string)), ("alteredIn", array(string)),
            ("reports", array(ref("ArticleReport"))),
          ])
      ),
      (
        "TallyReport",
        object(
          ["count", "occasions"],
          [
            ("count", integer), ("occasions", array(ref("TallyOccasion"))),
            ("byMonth", ["type": "object", "additionalProperties": integer]),
          ])
      ),
      (
        "LedgerEntry",
        object(
          ["text", "status", "article", "articles", "reports"],
          [
            ("speaker", string), ("text", string), ("deadline", string),
            ("status", ["type": "string", "enum": ["pending", "due", "overdue"]]),
            ("article", string), ("said", string), ("deadlineText", string), ("horizon", string),
            ("articles", array(string)), ("reports", array(ref("ArticleReport"))),
          ])
      ),
      ("LedgerPage", page("LedgerEntry")),
      ("OpenAPIDocument", ["type": "object", "description": "An OpenAPI 3.1 document."]),
    ])
  }
}
