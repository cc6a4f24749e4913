import Testing

@testable import QuotidianStore

@Suite struct PublishedDateTests {
  @Test(arguments: [
    "2025", "2025-04", "2025-04-02", "2025-04-02T08:30:00Z", "2025-04-02 08:30", " 2025-04 ",
  ])
  func acceptsISODatesAtAnyPrecision(_ value: String) throws {
    #expect(try PublishedDate.validated(value, field: "since") == value.trimmingSpaces)
  }

  @Test(arguments: ["", "25", "2025-4", "2025/04/02", "2025-04-02T", "April 2025", "2025-04-02x"])
  func rejectsOtherShapes(_ value: String) {
    #expect(throws: StoreError.self) { try PublishedDate.validated(value, field: "until") }
  }

  @Test(arguments: [
    ("2025-04-02", "2025", true, true),
    ("2025-04-02", "2025-04-03", false, true),
    ("2025-04-02T23:59:59Z", "2025-04-02", true, true),
    ("2025-04", "2025-04-15", true, true),
    ("2024-12-31", "2025", false, true),
    ("2026-01-01", "2025-12", true, false),
  ])
  func comparesAtCommonPrecision(
    _ published: String, _ bound: String, _ onOrAfter: Bool, _ onOrBefore: Bool
  ) {
    #expect(PublishedDate.isOnOrAfter(published, bound) == onOrAfter)
    #expect(PublishedDate.isOnOrBefore(published, bound) == onOrBefore)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
