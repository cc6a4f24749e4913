import Foundation

/// Test fixtures under `Fixtures/` (copied as a resource).
enum Fixture {
  static var directory: URL {
    // swift-format-ignore: NeverForceUnwrap — the resource is declared in Package.swift.
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
  }

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
  }
}
