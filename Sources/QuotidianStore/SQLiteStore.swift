public import QuotidianCore
import GRDB

/// The embedded store: one SQLite file through GRDB, WAL mode, FTS5.
public final class SQLiteStore: Store {
  public init(path: String) throws(StoreError) {
    throw StoreError(operation: "open", reason: "not implemented", source: path)
  }
  public func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
    throw StoreError(operation: "save", reason: "not implemented")
  }
  public func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] { [] }
  public func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] { [] }
  public func articleCount() async throws(StoreError) -> Int { 0 }
}
