import Foundation

/// Test fixtures under `Fixtures/` (copied as a resource).
enum Fixture {
  static var directory: URL {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      preconditionFailure("the Fixtures resource is declared in Package.swift")
    }
    return url
  }

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
  }
}
