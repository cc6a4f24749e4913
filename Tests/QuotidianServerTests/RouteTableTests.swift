import Foundation
import Hummingbird
import HummingbirdTesting
import QuotidianStore
import QuotidianStoreTesting
import Testing

@testable import QuotidianServer

@Suite("OpenAPI document and routes")
struct RouteTableTests {
  static func document() async throws -> [String: Any] {
    let text = try await ServerFixtures.withServer { client in
      let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
      #expect(response.status == .ok)
      return response.text
    }
    return (try JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  @Test(
    "every route the router serves is in the OpenAPI document, and every documented operation is a route"
  )
  func routerAndDocumentAgree() async throws {
    let (router, _) = try buildRouter(ServerConfiguration(store: try SQLiteStore.inMemory()))
    let served = Set(
      router.routes.map { "\($0.method.rawValue.uppercased()) \($0.path.description)" })
    let document = try await Self.document()
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    var documented: Set<String> = []
    for (path, operations) in paths {
      for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
    }
    #expect(!served.isEmpty)
    #expect(
      served.subtracting(documented).isEmpty,
      "served but not documented: \(served.subtracting(documented).sorted())")
    #expect(
      documented.subtracting(served).isEmpty,
      "documented but not served: \(documented.subtracting(served).sorted())")
  }

  @Test(
    "the document is OpenAPI 3.1 with an operation ID, responses and declared path parameters for each operation"
  )
  func documentIsWellFormed() async throws {
    let document = try await Self.document()
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
    var operationIDs: [String] = []
    for (path, operations) in paths {
      let captures = path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
        String($0.dropFirst().dropLast())
      }
      for (_, operation) in operations {
        operationIDs.append(try #require(operation["operationId"] as? String))
        #expect((operation["responses"] as? [String: Any])?["default"] != nil)
        let parameters = operation["parameters"] as? [[String: Any]] ?? []
        let pathParameters = parameters.filter { $0["in"] as? String == "path" }.compactMap {
          $0["name"] as? String
        }
        #expect(pathParameters.sorted() == captures.sorted(), "\(path)")
      }
    }
    #expect(Set(operationIDs).count == operationIDs.count)
    let schemas = try #require(
      (document["components"] as? [String: Any])?["schemas"] as? [String: Any])
    // Every $ref points at a schema that exists.
    let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    for reference in text.components(separatedBy: "#/components/schemas/").dropFirst() {
      let name = String(reference.prefix { $0 != "\"" && $0 != "\\" })
      #expect(schemas[name] != nil, "missing schema \(name)")
    }
  }

  /// Values for path parameters that exist in the fixture store.
  static let examples = ["id": "1", "name": "Benítez"]

  @Test("every documented GET operation answers its example with success")
  func documentedRoutesAnswer() async throws {
    let document = try await Self.document()
    let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
    let getPaths = paths.filter { $0.value["get"] != nil }.map(\.key).sorted()
    #expect(getPaths.count >= 10)
    try await ServerFixtures.withServer { client in
      for path in getPaths {
        var uri = path
        for (name, value) in Self.examples {
          uri = uri.replacingOccurrences(
            of: "{\(name)}",
            with: value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)
        }
        if path == "/api/v1/quotes/{id}" || path == "/quotes/{id}" {
          uri = path.replacingOccurrences(
            of: "{id}", with: "1-\(StoreFixtures.harbourPlan.quotes[0].start)")
        }
        if path == "/api/v1/search" { uri += "?q=harbour" }
        if path == "/api/v1/tally" || path == "/tally" { uri += "?speaker=Ben%C3%ADtez" }
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok, "\(uri): \(response.status) \(response.text.prefix(200))")
      }
    }
  }
}
