import Foundation
public import QuotidianCore
public import QuotidianReaders
public import QuotidianStore
public import QuotidianStorePostgres

extension Engine {
  /// ``ingest(paths:into:format:progress:onError:onWarning:)`` for a store of one process,
  /// ``ingestShared(paths:into:format:lease:jobsPerClaim:progress:onError:onWarning:)`` for a
  /// PostgreSQL store that several workers may share.
  public func ingestFiles(
    paths: [String], into store: any Store, format: Format? = nil,
    progress: @escaping (_ done: Int, _ total: Int, _ path: String) -> Void = { _, _, _ in },
    onError: @escaping (String) -> Void = { _ in }, onWarning: @escaping (String) -> Void = { _ in }
  ) async -> IngestSummary {
    if let shared = store as? PostgresStore {
      return await ingestShared(
        paths: paths, into: shared, format: format, progress: progress, onError: onError,
        onWarning: onWarning)
    }
    return await ingest(
      paths: paths, into: store, format: format, progress: progress, onError: onError,
      onWarning: onWarning)
  }

  /// Ingests `paths` as one of several workers sharing a PostgreSQL store (processes on one
  /// machine or on many): every input file becomes a job of the store's ``IngestQueue``, and
  /// this worker takes jobs — its own inputs or another worker's — until none of its inputs
  /// is left pending or leased.
  ///
  /// Each job is held under a lease renewed while it is worked on; a killed worker's jobs
  /// are taken over when their lease runs out (this worker waits for that rather than
  /// report its inputs done). Storing is idempotent by content, so a job done twice stores
  /// nothing twice. Inputs are named by absolute path: every worker must see the files at
  /// the same path (one machine, or a shared file system).
  public func ingestShared(
    paths: [String], into store: PostgresStore, format: Format? = nil,
    lease: Duration = .seconds(30), jobsPerClaim: Int = 2,
    progress: @escaping (_ done: Int, _ total: Int, _ path: String) -> Void = { _, _, _ in },
    onError: @escaping (String) -> Void = { _ in }, onWarning: @escaping (String) -> Void = { _ in }
  ) async -> IngestSummary {
    var summary = IngestSummary()
    let (found, errors) = InputFiles.expand(paths)
    for error in errors { summary.recordFailure(error.description, onError: onError) }
    let files = found.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    let queue = IngestQueue(database: store.database, lease: lease)
    do {
      let since = try await queue.now()
      try await queue.enqueue(files, since: since)
      var done = 0
      while summary.stoppedBy == nil {
        let jobs = try await queue.claim(limit: jobsPerClaim)
        if jobs.isEmpty {
          // Nothing to take: finished, or other workers hold the rest (wait for them, or for
          // their leases to run out).
          if try await queue.unfinished(among: files) == 0 { break }
          try? await Task.sleep(for: .seconds(1))
          continue
        }
        let renewal = Task {
          while !Task.isCancelled {
            try? await Task.sleep(for: lease / 3)
            if Task.isCancelled { break }
            _ = try? await queue.renew(jobs)
          }
        }
        defer { renewal.cancel() }
        for job in jobs {
          let part = await ingest(
            paths: [job.input], into: store, format: format, onError: onError,
            onWarning: onWarning)
          summary.files += part.files
          summary.inserted += part.inserted
          summary.unchanged += part.unchanged
          summary.quotes += part.quotes
          summary.failures += part.failures
          if let stopped = part.stoppedBy {
            summary.stoppedBy = stopped
            try await queue.fail(job, error: stopped)
            break
          }
          if part.files == 0, let first = part.failures.first {
            // The input could not be read at all: another attempt (or worker) may.
            try await queue.fail(job, error: first)
          } else {
            try await queue.complete(job)
          }
          done += 1
          progress(done, files.count, job.input)
        }
        renewal.cancel()
      }
    } catch {
      summary.stoppedBy = error.reason
    }
    return summary
  }
}
