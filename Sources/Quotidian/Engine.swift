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
  /// What the readers keep (web pages' comments).
  public let readOptions: ReadOptions

  public init(
    pipeline: Pipeline = .standard(),
    maxConcurrency: Int? = nil,
    byteLimit: Int = Readers.defaultByteLimit,
    readOptions: ReadOptions = ReadOptions()
  ) {
    self.pipeline = pipeline
    self.readOptions = readOptions
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
    var anchorDay: String?
    if article.format == Format.feed.name, let link = article.metadata.url,
      link.hasPrefix("http://") || link.hasPrefix("https://")
    {
      article.source = link
    }
    // Relative dates count from the publication day; failing that, from the day the article
    // was fetched, so "in January" still resolves to a year.
    if article.metadata.published == nil, let fetched = article.metadata.fetched {
      anchorDay = PublicationDate.normalized(fetched)
    }
    guard article.text.utf8.count > windowUTF8Count else {
      let document = pipeline.run(
        text: article.text, published: article.metadata.published ?? anchorDay,
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
      let batch = try Readers.readBatch(
        fileAt: path, format: format, byteLimit: byteLimit, options: readOptions)
      let (fresh, sighted) = await unseen(batch.articles, store: store)
      return FileOutcome(
        path: path, results: await analyzeAll(fresh, explain: explain), error: nil,
        recordErrors: batch.errors, sighted: sighted, warnings: batch.warnings)
    } catch {
      return FileOutcome(path: path, results: [], error: error)
    }
  }

  /// The articles whose content `store` does not hold yet; each of the others is recorded as
  /// a sighting of the stored article and counted.
  func unseen(_ articles: [Article], store: (any Store)?) async -> (
    articles: [Article], sighted: Int
  ) {
    guard let store else { return (articles, 0) }
    var fresh: [Article] = []
    var sighted = 0
    for article in articles {
      if (try? await store.recordSighting(ArticleSighting(article: article))) ?? nil != nil {
        sighted += 1
      } else {
        fresh.append(article)
      }
    }
    return (fresh, sighted)
  }

  /// Analyses `articles` on up to `maxConcurrency` cores, records split between workers in
  /// small runs; results in input order.
  public func analyzeAll(_ articles: [Article], explain: Bool = false) async -> [ExtractionResult] {
    await concurrentMap(articles) { self.analyze($0, explain: explain) }
  }

  /// `transform` of each item on up to `maxConcurrency` tasks at once, the items handed out
  /// in small contiguous runs so that one slow item does not hold a whole share; results in
  /// input order.
  func concurrentMap<Item: Sendable, Value: Sendable>(
    _ items: [Item], _ transform: @escaping @Sendable (Item) async -> Value
  ) async -> [Value] {
    let workers = min(maxConcurrency, items.count)
    guard workers > 1 else {
      var values: [Value] = []
      for item in items { values.append(await transform(item)) }
      return values
    }
    let run = max(1, min(16, items.count / (workers * 4)))
    let runs = stride(from: 0, to: items.count, by: run).map { $0..<min(items.count, $0 + run) }
    var values = [Value?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Range<Int>, [Value]).self) { group in
      var next = 0
      func add() {
        let range = runs[next]
        next += 1
        let slice = Array(items[range])
        group.addTask {
          var done: [Value] = []
          done.reserveCapacity(slice.count)
          for item in slice { done.append(await transform(item)) }
          return (range, done)
        }
      }
      while next < min(workers, runs.count) { add() }
      for await (range, done) in group {
        for (offset, value) in done.enumerated() { values[range.lowerBound + offset] = value }
        if next < runs.count { add() }
      }
    }
    return values.compactMap { $0 }
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

  /// Articles the ingest writer commits in one transaction, at most.
  public static let ingestBatchSize = 256
  /// Longest an analysed article waits for its batch to be committed.
  public static let ingestBatchInterval: Duration = .milliseconds(250)

  /// Reads, analyses and saves `paths` into `store`. Errors for one file are reported via
  /// `onError` and the rest go on; nothing already stored is touched. A store error that
  /// every later write would repeat (disk full) stops the run at once (``IngestSummary/stoppedBy``).
  /// Reader warnings go to `onWarning`.
  ///
  /// A pipeline: files are read one at a time; their new articles (content not stored yet)
  /// are analysed on every core in runs of articles, not whole files; one writer commits
  /// them in input order in batches (``ingestBatchSize`` articles or ``ingestBatchInterval``,
  /// whichever comes first), one transaction each, while the next articles are analysed. At
  /// most one batch is being written and one gathered, so memory stays bounded whatever the
  /// input. A killed run keeps every committed batch; running it again skips them by content.
  public func ingest(
    paths: [String], into store: any Store, format: Format? = nil,
    progress: (_ done: Int, _ total: Int, _ path: String) -> Void = { _, _, _ in },
    onError: (String) -> Void = { _ in }, onWarning: (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let (files, errors) = InputFiles.expand(paths)
    let total = files.count
    var writer = BatchWriter(store: store)
    for error in errors {
      summary.recordFailure(error.description, onError: onError)
      progress(summary.files + summary.failures.count, total, error.source)
    }
    // Articles analysed per step: enough to keep every core busy between two batches.
    let step = max(32, maxConcurrency * 32)
    files: for path in files {
      let batch: ReadBatch
      do {
        batch = try Readers.readBatch(
          fileAt: path, format: format, byteLimit: byteLimit, options: readOptions)
      } catch {
        summary.recordFailure(error.description, onError: onError)
        progress(summary.files + summary.failures.count, total, path)
        continue
      }
      summary.files += 1
      for warning in batch.warnings { onWarning(warning) }
      for error in batch.errors { summary.recordFailure(error.description, onError: onError) }
      var start = 0
      while start < batch.articles.count {
        let chunk = Array(batch.articles[start..<min(batch.articles.count, start + step)])
        start += step
        // Each worker checks its article's content against the store first: a stored one is
        // recorded as a sighting (nil here) and not analysed.
        let analysed = await concurrentMap(chunk) { article -> ExtractionResult? in
          if (try? await store.recordSighting(ArticleSighting(article: article))) ?? nil != nil {
            return nil
          }
          return self.analyze(article)
        }
        for result in analysed {
          guard let result else {
            summary.unchanged += 1
            continue
          }
          await writer.add(result, summary: &summary, onError: onError)
          if summary.stoppedBy != nil { break files }
        }
      }
      progress(summary.files + summary.failures.count, total, path)
    }
    await writer.finish(summary: &summary, onError: onError)
    return summary
  }

  /// The ingest's one writer: gathers analysed articles and commits them in batches, one
  /// batch being written while the next is gathered.
  struct BatchWriter {
    let store: any Store
    var gathering: [ExtractionResult] = []
    var gatheringSince = ContinuousClock.now
    var writing: InFlight?

    /// The batch being written.
    struct InFlight {
      var results: [ExtractionResult]
      var task: Task<[Result<SaveOutcome, StoreError>], Never>
      /// Set by the task when it ends.
      var done: DoneFlag
    }

    final class DoneFlag: @unchecked Sendable {
      private let lock = NSLock()
      private var value = false
      var isSet: Bool { lock.withLock { value } }
      func set() { lock.withLock { value = true } }
    }

    init(store: any Store) { self.store = store }

    mutating func add(
      _ result: ExtractionResult, summary: inout IngestSummary, onError: (String) -> Void
    ) async {
      if gathering.isEmpty { gatheringSince = .now }
      gathering.append(result)
      // Full, or waited long enough while the writer has nothing to do. While it is busy
      // the batch keeps growing up to its size: bigger batches cost the store less per
      // article (fewer pages written per commit), and waiting adds no delay then.
      if gathering.count >= Engine.ingestBatchSize
        || (ContinuousClock.now - gatheringSince >= Engine.ingestBatchInterval
          && writing?.done.isSet ?? true)
      {
        await flush(summary: &summary, onError: onError)
      }
    }

    /// Waits for the batch being written, then starts writing the gathered one.
    mutating func flush(summary: inout IngestSummary, onError: (String) -> Void) async {
      await settle(summary: &summary, onError: onError)
      guard summary.stoppedBy == nil, !gathering.isEmpty else { return }
      let batch = gathering
      let store = store
      gathering = []
      let done = DoneFlag()
      let task = Task {
        let outcomes = await store.saveAll(batch)
        done.set()
        return outcomes
      }
      writing = InFlight(results: batch, task: task, done: done)
    }

    mutating func finish(summary: inout IngestSummary, onError: (String) -> Void) async {
      await flush(summary: &summary, onError: onError)
      await settle(summary: &summary, onError: onError)
    }

    /// Counts the outcomes of the batch being written, if any. After a fatal error the rest
    /// of the batch is neither written nor reported.
    mutating func settle(summary: inout IngestSummary, onError: (String) -> Void) async {
      guard let batch = writing else { return }
      writing = nil
      for (result, outcome) in zip(batch.results, await batch.task.value) {
        switch outcome {
        case .success(let saved):
          if saved.isInserted {
            summary.inserted += 1
            summary.quotes += result.quotes.count
          } else {
            summary.unchanged += 1
          }
        case .failure(let error):
          guard summary.stoppedBy == nil else { continue }
          summary.recordFailure(error.description, onError: onError)
          if error.isFatal { summary.stoppedBy = error.reason }
        }
      }
    }
  }
}
