package import QuotidianCore

/// Checks the parts of a result a store relies on, before anything is written.
package enum ResultValidation {
  package static func validate(_ result: ExtractionResult) throws(StoreError) {
    let scalarCount = result.text.unicodeScalars.count
    for (index, quote) in result.quotes.enumerated() {
      guard 0 <= quote.start, quote.start <= quote.end, quote.end <= scalarCount else {
        throw StoreError(
          operation: "save",
          reason:
            "quote \(index + 1): range \(quote.start)..<\(quote.end) is outside the text (\(scalarCount) characters)",
          source: result.source)
      }
      guard quote.confidence.isFinite else {
        throw StoreError(
          operation: "save",
          reason: "quote \(index + 1): confidence \(quote.confidence) is not a number",
          source: result.source)
      }
    }
  }
}
