import Foundation
public import QuotidianCore
public import QuotidianReaders
public import QuotidianStore

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
  ///
  /// A text longer than `windowUTF8Count` bytes (no real article is; a concatenation of many
  /// is) is analysed in windows of whole paragraphs, so memory stays bounded by the window;
  /// speakers and entities are then not resolved across windows.
  ///
  /// A feed item that links to its page is cited by that link: its `source` becomes the
  /// item's URL rather than `feed.xml#3`.
  public func analyze(_ article: Article, explain: Bool = false) -> ExtractionResult {
    var article = article
    if article.format == Format.feed.name, let link = article.metadata.url,
      link.hasPrefix("http://") || link.hasPrefix("https://")
    {
      article.source = link
    }
    guard article.text.utf8.count > windowUTF8Count else {
      let document = pipeline.run(
        text: article.text, published: article.metadata.published,
        language: article.metadata.language)
      return ExtractionResult(document: document, article: article, explain: explain)
    }
    return analyzeInWindows(article, explain: explain)
  }

  /// Texts above this many UTF-8 bytes are analysed in windows of paragraphs.
  public var windowUTF8Count: Int { 1 << 20 }

  func analyzeInWindows(_ article: Article, explain: Bool) -> ExtractionResult {
    var combined: ExtractionResult?
    var entityIndex: [String: Int] = [:]
    var scalarOffset = 0
    let utf8 = article.text.utf8
    for bounds in Self.paragraphWindows(article.text, limit: windowUTF8Count) {
      let window = String(
        Substring(
          utf8[
            utf8.index(
              utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(
                utf8.startIndex, offsetBy: bounds.upperBound)]))
      var part = article
      part.text = window
      let result = ExtractionResult(
        document: pipeline.run(
          text: window, published: article.metadata.published,
          language: article.metadata.language), article: part,
        explain: explain)
      let shift = scalarOffset
      scalarOffset += window.unicodeScalars.count
      var quotes = result.quotes
      for index in quotes.indices {
        quotes[index].start += shift
        quotes[index].end += shift
        quotes[index].evidence = quotes[index].evidence?.map { $0.map { $0 + shift } }
      }
      if combined == nil {
        combined = result
        combined?.quotes = []
        combined?.entities = []
        combined?.dates = []
        combined?.claims = []
        combined?.reported = []
        combined?.promises = []
        combined?.diagnostics = result.diagnostics.map { _ in [] }
      }
      combined?.quotes += quotes
      combined?.appendStatementFields(of: result, shiftedBy: shift)
      combined?.diagnostics? += result.diagnostics ?? []
      for var entity in result.entities {
        entity.mentions = entity.mentions.map { $0.map { $0 + shift } }
        let key = entity.type + "\u{0}" + entity.name
        if let existing = entityIndex[key], var merged = combined?.entities[existing] {
          merged.mentions += entity.mentions
          for role in entity.roles where !merged.roles.contains(role) { merged.roles.append(role) }
          combined?.entities[existing] = merged
        } else {
          entityIndex[key] = combined?.entities.count ?? 0
          combined?.entities.append(entity)
        }
      }
    }
    var result =
      combined
      ?? ExtractionResult(document: pipeline.run(text: ""), article: article, explain: explain)
    result.text = article.text
    return result
  }

  /// Splits `text` into consecutive UTF-8 offset ranges of at most about `limit` bytes, each
  /// ending after a blank line (a paragraph break) when one exists, else after a line break,
  /// else on a scalar boundary; together they cover `text`.
  static func paragraphWindows(_ text: String, limit: Int) -> [Range<Int>] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { windows(in: $0, limit: limit) } ?? []
  }

  private static func windows(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
    var windows: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      var end = min(bytes.count, start + limit)
      if end < bytes.count {
        // Back up to the last "\n\n" in the window; failing that, the last "\n"; failing
        // that, the last scalar boundary.
        var cut = end
        while cut > start + 1, !(bytes[cut - 1] == 0x0A && bytes[cut - 2] == 0x0A) { cut -= 1 }
        if cut <= start + 1 {
          cut = end
          while cut > start, bytes[cut - 1] != 0x0A { cut -= 1 }
        }
        if cut <= start {
          cut = end
          while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        end = max(cut, start + 1)
      }
      windows.append(start..<end)
      start = end
    }
    return windows
  }

  /// One input file's outcome: its articles' results, or the error that stopped it.
  public struct FileOutcome: Sendable {
    public var path: String
    public var results: [ExtractionResult]
    /// The error that stopped the whole file, if any.
    public var error: ReadError?
    /// Errors for single records (a bad mbox message, a JSON Lines line) when others were read.
    public var recordErrors: [ReadError] = []
    /// Articles not analysed because the store already had their content (ingest only): each
    /// was recorded as a sighting of the stored article.
    public var sighted = 0
    /// Things the reader guessed (`path: warning: …`), such as a charset fallback.
    public var warnings: [String] = []
  }

  /// Reads and analyses `paths` (files and directories, walked recursively), calling
  /// `handle` once per file in input order.
  public func extract(
    paths: [String], format: Format? = nil, explain: Bool = false,
    handle: (FileOutcome) async -> Void
  ) async {
    let (files, errors) = InputFiles.expand(paths)
    await extract(files: files, errors: errors, format: format, explain: explain, store: nil) {
      outcome in
      await handle(outcome)
      return true
    }
  }

  /// `extract(paths:…)` on paths already expanded into files and errors. `handle` returns
  /// false to stop: no further file is read.
  ///
  /// With a `store`, an article whose content is already stored costs a read and a hash: it
  /// is recorded as a sighting and not analysed.
  func extract(
    files: [String], errors: [ReadError], format: Format?, explain: Bool, store: (any Store)?,
    handle: (FileOutcome) async -> Bool
  ) async {
    for error in errors {
      guard await handle(FileOutcome(path: error.source, results: [], error: error)) else { return }
    }
    let window = maxConcurrency * 2
    var start = 0
    while start < files.count {
      let batch = Array(files[start..<min(files.count, start + window)])
      let outcomes = await withTaskGroup(of: (Int, FileOutcome).self) { group in
        var next = 0
        var collected: [FileOutcome?] = Array(repeating: nil, count: batch.count)
        func add(_ index: Int) {
          let path = batch[index]
          group.addTask {
            (index, await self.process(path: path, format: format, explain: explain, store: store))
          }
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
      for outcome in outcomes {
        guard await handle(outcome) else { return }
      }
      start += window
    }
  }

  func process(path: String, format: Format?, explain: Bool, store: (any Store)? = nil) async
    -> FileOutcome
  {
    do {
      let batch = try Readers.readBatch(fileAt: path, format: format, byteLimit: byteLimit)
      var results: [ExtractionResult] = []
      var sighted = 0
      for article in batch.articles {
        if let store,
          (try? await store.recordSighting(ArticleSighting(article: article))) ?? nil != nil
        {
          sighted += 1
          continue
        }
        results.append(analyze(article, explain: explain))
      }
      return FileOutcome(
        path: path, results: results, error: nil, recordErrors: batch.errors, sighted: sighted,
        warnings: batch.warnings)
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
    /// Set when the store refused a write in a way later writes would repeat (disk full, a
    /// read-only or damaged file): the run stopped there, keeping what it had stored.
    public var stoppedBy: String?
    public init() {}

    /// Counts a failure and reports it.
    mutating func recordFailure(_ message: String, onError: (String) -> Void) {
      failures.append(message)
      onError(message)
    }
  }

  /// Saves an analysed article and counts the outcome; true when it is in the store afterwards
  /// (new or already there). The one save path for files, URLs and feeds.
  @discardableResult
  func save(
    _ result: ExtractionResult, into store: any Store, summary: inout IngestSummary,
    onError: (String) -> Void
  ) async -> Bool {
    do {
      let saved = try await store.save(result)
      if saved.isInserted {
        summary.inserted += 1
        summary.quotes += result.quotes.count
      } else {
        summary.unchanged += 1
      }
      return true
    } catch {
      summary.recordFailure(error.description, onError: onError)
      if error.isFatal && summary.stoppedBy == nil { summary.stoppedBy = error.reason }
      return false
    }
  }

  /// Reads, analyses and saves `paths` into `store`. Errors for one file are reported via
  /// `onError` and the rest go on; nothing already stored is touched. A store error that
  /// every later write would repeat (disk full) stops the run at once (``IngestSummary/stoppedBy``).
  /// Reader warnings go to `onWarning`.
  public func ingest(
    paths: [String], into store: any Store, format: Format? = nil,
    progress: (_ done: Int, _ total: Int, _ path: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }, onWarning: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let (files, errors) = InputFiles.expand(paths)
    let total = files.count
    await extract(files: files, errors: errors, format: format, explain: false, store: store) {
      outcome in
      summary.unchanged += outcome.sighted
      for warning in outcome.warnings { onWarning(warning) }
      if let error = outcome.error {
        summary.recordFailure(error.description, onError: onError)
      } else {
        summary.files += 1
      }
      for error in outcome.recordErrors {
        summary.recordFailure(error.description, onError: onError)
      }
      for result in outcome.results {
        await save(result, into: store, summary: &summary, onError: onError)
        if summary.stoppedBy != nil { return false }
      }
      progress(summary.files + summary.failures.count, total, outcome.path)
      return true
    }
    return summary
  }
}
