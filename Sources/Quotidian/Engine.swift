public import QuotidianCore
public import QuotidianReaders
public import QuotidianStore
import Foundation

/// Reads files, runs the pipeline and stores results: the work the CLI and the server share.
///
/// Files are independent, so the engine analyses them in parallel (at most
/// `maxConcurrency` at once) and reports results in input order.
public struct Engine: Sendable {
  public let pipeline: Pipeline
  public let maxConcurrency: Int
  public let byteLimit: Int

  public init(
    pipeline: Pipeline = .standard(),
    maxConcurrency: Int? = nil,
    byteLimit: Int = Readers.defaultByteLimit
  ) {
    self.pipeline = pipeline
    self.maxConcurrency = max(1, maxConcurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    self.byteLimit = byteLimit
  }

  /// Analyses one article.
  public func analyze(_ article: Article, explain: Bool = false) -> ExtractionResult {
    let document = pipeline.run(text: article.text)
    return ExtractionResult(document: document, article: article, explain: explain)
  }

  /// One input file's outcome: its articles' results, or the error that stopped it.
  public struct FileOutcome: Sendable {
    public var path: String
    public var results: [ExtractionResult]
    /// The error that stopped the whole file, if any.
    public var error: ReadError?
    /// Errors for single records (a bad mbox message, a JSON Lines line) when others were read.
    public var recordErrors: [ReadError] = []
  }

  /// Reads and analyses `paths` (files and directories, walked recursively), calling
  /// `handle` once per file in input order.
  public func extract(
    paths: [String], format: Format? = nil, explain: Bool = false,
    handle: (FileOutcome) async -> Void
  ) async {
    let (files, errors) = InputFiles.expand(paths)
    for error in errors { await handle(FileOutcome(path: error.source, results: [], error: error)) }
    let window = maxConcurrency * 2
    var start = 0
    while start < files.count {
      let batch = Array(files[start..<min(files.count, start + window)])
      let outcomes = await withTaskGroup(of: (Int, FileOutcome).self) { group in
        var next = 0
        var collected: [FileOutcome?] = Array(repeating: nil, count: batch.count)
        func add(_ index: Int) {
          let path = batch[index]
          group.addTask { (index, self.process(path: path, format: format, explain: explain)) }
        }
        while next < min(maxConcurrency, batch.count) {
          add(next)
          next += 1
        }
        for await (index, outcome) in group {
          collected[index] = outcome
          if next < batch.count {
            add(next)
            next += 1
          }
        }
        return collected.compactMap { $0 }
      }
      for outcome in outcomes { await handle(outcome) }
      start += window
    }
  }

  func process(path: String, format: Format?, explain: Bool) -> FileOutcome {
    do {
      let batch = try Readers.readBatch(fileAt: path, format: format, byteLimit: byteLimit)
      return FileOutcome(
        path: path, results: batch.articles.map { analyze($0, explain: explain) }, error: nil,
        recordErrors: batch.errors)
    } catch {
      return FileOutcome(path: path, results: [], error: error)
    }
  }

  /// What an ingest did.
  public struct IngestSummary: Sendable, Hashable {
    public var files = 0
    public var inserted = 0
    public var unchanged = 0
    public var quotes = 0
    public var failures: [String] = []
    public init() {}
  }

  /// Reads, analyses and saves `paths` into `store`. Errors for one file are reported via
  /// `onError` and the rest go on; nothing already stored is touched.
  public func ingest(
    paths: [String], into store: any Store, format: Format? = nil,
    progress: (_ done: Int, _ total: Int, _ path: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let total = InputFiles.expand(paths).files.count
    await extract(paths: paths, format: format) { outcome in
      if let error = outcome.error {
        summary.failures.append(error.description)
        onError(error.description)
      } else {
        summary.files += 1
      }
      for error in outcome.recordErrors {
        summary.failures.append(error.description)
        onError(error.description)
      }
      for result in outcome.results {
        do {
          let saved = try await store.save(result)
          if saved.isInserted {
            summary.inserted += 1
            summary.quotes += result.quotes.count
          } else {
            summary.unchanged += 1
          }
        } catch {
          summary.failures.append("\(error)")
          onError("\(error)")
        }
      }
      progress(summary.files + summary.failures.count, total, outcome.path)
    }
    return summary
  }
}
