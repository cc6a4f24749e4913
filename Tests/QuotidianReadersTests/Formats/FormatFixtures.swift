import Foundation

/// Loads files from `Fixtures/formats/`.
enum FormatFixtures {
  static func url(_ name: String) -> URL {
    guard let resources = Bundle.module.resourceURL else {
      preconditionFailure("the test bundle has a resource URL")
    }
    return resources.appendingPathComponent("Fixtures/formats/\(name)")
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url(name)))
  }
}
