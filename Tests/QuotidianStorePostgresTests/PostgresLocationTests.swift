import QuotidianStore
import Testing

@testable import QuotidianStorePostgres

@Suite("PostgreSQL URLs and PG* variables")
struct PostgresLocationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var url: String
    var environment: [String: String] = [:]
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var tls: PostgresLocation.TLSMode = .disable
    var testDescription: String { url }
  }

  static let cases: [Case] = [
    Case(
      url: "postgres://ana:s3cret@db.example.org:6543/newsroom", host: "db.example.org",
      port: 6543, user: "ana", password: "s3cret", database: "newsroom"),
    Case(
      url: "postgresql://ana@10.1.2.3/record", host: "10.1.2.3", port: 5432, user: "ana",
      database: "record"),
    Case(
      url: "postgres://",
      environment: [
        "PGHOST": "pg.local", "PGPORT": "5433", "PGUSER": "bo",
        "PGPASSWORD": "pw", "PGDATABASE": "quotes",
      ],
      host: "pg.local", port: 5433, user: "bo", password: "pw", database: "quotes"),
    Case(
      url: "postgres://ana@h/d", environment: ["PGPASSWORD": "fromenv", "PGUSER": "ignored"],
      host: "h", port: 5432, user: "ana", password: "fromenv", database: "d"),
    Case(
      url: "postgres://a%40b:p%3Aw%2Fd@[::1]:5000/my%20db?sslmode=require", host: "::1",
      port: 5000, user: "a@b", password: "p:w/d", database: "my db", tls: .require),
    Case(
      url: "postgres://u@h/d?sslmode=verify-full&application_name=x", host: "h", port: 5432,
      user: "u", database: "d", tls: .verifyFull),
    Case(
      url: "postgres://u@h", environment: ["PGSSLMODE": "prefer"], host: "h", port: 5432,
      user: "u", database: "u", tls: .prefer),
  ]

  @Test("a URL completed by the environment", arguments: cases)
  func parses(_ example: Case) throws {
    let location = try PostgresLocation(url: example.url, environment: example.environment)
    #expect(location.host == example.host)
    #expect(location.port == example.port)
    #expect(location.username == example.user)
    #expect(location.password == example.password)
    #expect(location.database == example.database)
    #expect(location.tls == example.tls)
  }

  @Test("the description never shows the password")
  func descriptionHidesPassword() throws {
    let location = try PostgresLocation(url: "postgres://ana:hunter2@db:5432/news")
    #expect(location.description == "postgres://ana@db:5432/news")
    #expect(!location.description.contains("hunter2"))
  }

  @Test(
    "malformed URLs are refused with the reason, never the password",
    arguments: [
      ("mysql://u:pw@h/d", "must start with postgres://"),
      ("postgres://u:pw@h:99999/d", "port must be"),
      ("postgres://u:pw@h:abc/d", "port must be"),
      ("postgres://u:pw@h/d?sslmode=sometimes", "unknown sslmode"),
      ("postgres://u:pw@h/d?colour=blue", "unknown parameter"),
      ("postgres://u:p%zzw@h/d", "bad percent-escape"),
      ("postgres://u:pw@[::1/d", "unclosed ["),
    ])
  func refuses(_ url: String, _ reason: String) {
    #expect {
      try PostgresLocation(url: url)
    } throws: { error in
      let text = String(describing: error)
      return text.contains(reason) && !text.contains(":pw@")
        && (error as? StoreError)?.isFatal == true
    }
  }

  @Test("only postgres:// and postgresql:// name a PostgreSQL store")
  func recognisesURLs() {
    #expect(PostgresLocation.isPostgresURL("postgres://h/d"))
    #expect(PostgresLocation.isPostgresURL("postgresql://h/d"))
    #expect(!PostgresLocation.isPostgresURL("quotidian.sqlite"))
    #expect(!PostgresLocation.isPostgresURL("/tmp/postgres://x"))
  }
}
