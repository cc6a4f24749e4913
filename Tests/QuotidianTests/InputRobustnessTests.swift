import Foundation
import QuotidianCore
import QuotidianReaders
import QuotidianStore
import Testing

@testable import Quotidian

/// Inputs that used to block, vanish without a word or lose a run (issue 11).
@Suite struct InputRobustnessTests {
  static let article = """
    Ferry returns to Port Alder

    By Ilse Varga

    "The crossing is safe again," said Tomas Brenner, the harbour master.
    """

  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-inputs-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(.bug(id: 11))
  func aFIFOInAnInputDirectoryIsSkippedWithAnErrorAndNeverOpened() async throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(mkfifo(root.appendingPathComponent("p.txt").path, 0o600) == 0)
    try Data(Self.article.utf8).write(to: root.appendingPathComponent("a.txt"))
    let (files, errors) = InputFiles.expand([root.path])
    #expect(files == [root.appendingPathComponent("a.txt").path])
    #expect(
      errors.map(\.description) == [
        "\(root.path)/p.txt: error: cannot read: not a regular file (FIFO); skipped"
      ])
    // The whole ingest finishes and stores a.txt.
    let store = try SQLiteStore.inMemory()
    let start = ContinuousClock.now
    let summary = await Engine(maxConcurrency: 1).ingest(paths: [root.path], into: store)
    // Opening the FIFO would block for ever; a slow debug build on a busy machine takes a while.
    #expect(ContinuousClock.now - start < .seconds(120))
    #expect(summary.inserted == 1 && summary.failures.count == 1)
  }

  @Test(.bug(id: 11))
  func aFileNameThatIsNotUTF8IsNamedInAnError() throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
    let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
    let descriptor = path.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        open($0, O_CREAT | O_WRONLY, 0o600)
      }
    }
    #expect(descriptor >= 0)
    close(descriptor)
    let (files, errors) = InputFiles.expand([root.path])
    #expect(files.isEmpty)
    #expect(
      errors.map(\.description) == [
        "\(root.path)/caf\\xE9.txt: error: cannot read: file name is not valid UTF-8 (rename it to read it)"
      ])
  }

  @Test(.bug(id: 11))
  func aPathLongerThanTheSystemAllowsIsNamedInAnError() throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    // Nested directories whose full path passes 4,096 bytes; each name is well under 255.
    var current = root.path
    let component = String(repeating: "d", count: 200)
    while current.utf8.count < 4200 {
      let next = current + "/" + component
      // mkdir through the parent's descriptor would be needed past PATH_MAX; stop before it.
      if next.utf8.count >= 4096 { break }
      try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: false)
      current = next
    }
    let longName = String(repeating: "f", count: 250) + ".txt"
    // The file's full path is over the limit; create it relative to its directory.
    let saved = FileManager.default.currentDirectoryPath
    #expect(chdir(current) == 0)
    defer { _ = chdir(saved) }
    let descriptor = open(longName, O_CREAT | O_WRONLY, 0o600)
    #expect(descriptor >= 0)
    close(descriptor)
    let (files, errors) = InputFiles.expand([root.path])
    #expect(files.isEmpty)
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("path longer than 4095 bytes") == true)
  }

  @Test(.bug(id: 11), .enabled(if: getuid() != 0, "root reads any directory"))
  func anUnreadableSubdirectoryIsNamedInAnError() throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    let locked = root.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try Data(Self.article.utf8).write(to: locked.appendingPathComponent("a.txt"))
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path)
    }
    let (_, errors) = InputFiles.expand([root.path])
    #expect(errors.map(\.source) == [locked.path])
  }

  @Test(.bug(id: 11))
  func aSymbolicLinkLoopIsWalkedOnce() throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data(Self.article.utf8).write(to: root.appendingPathComponent("a.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)
    let (files, errors) = InputFiles.expand([root.path])
    #expect(files == [root.appendingPathComponent("a.txt").path])
    #expect(errors.isEmpty)
  }

  /// A store that fails every save the way a full disk does.
  actor FullDiskStore: Store {
    var attempts = 0
    func save(_ result: ExtractionResult) async throws(StoreError) -> SaveOutcome {
      attempts += 1
      if attempts == 1 { return .inserted(articleID: 1) }
      throw StoreError(
        operation: "save", reason: "disk full: the store could not grow", source: result.source,
        isFatal: true)
    }
    func quotes(_ query: QuoteQuery) async throws(StoreError) -> [StoredQuote] { [] }
    func speakers(_ query: SpeakerQuery) async throws(StoreError) -> [SpeakerSummary] { [] }
    func entities(_ query: EntityQuery) async throws(StoreError) -> [EntitySummary] { [] }
    func speaker(named name: String) async throws(StoreError) -> SpeakerProfile? { nil }
    func articleCount() async throws(StoreError) -> Int { 1 }
    func recordSighting(_ sighting: ArticleSighting) async throws(StoreError) -> Int64? { nil }
    func speaker(named name: String, includeCopies: Bool) async throws(StoreError)
      -> SpeakerProfile?
    { nil }
    func duplicates(_ query: LinkQuery) async throws(StoreError) -> [DuplicateRecord] { [] }
    func rewrites(_ query: LinkQuery) async throws(StoreError) -> [RewriteRecord] { [] }
    func stories(_ query: StoryQuery) async throws(StoreError) -> [StorySummary] { [] }
    func story(id: Int64) async throws(StoreError) -> StoryDetail? { nil }
    func statements(_ query: StatementQuery) async throws(StoreError) -> [StatementRecord] { [] }
  }

  @Test(.bug(id: 11))
  func aFullDiskStopsTheIngestAtTheFirstFailure() async throws {
    let root = try Self.directory()
    defer { try? FileManager.default.removeItem(at: root) }
    for number in 0..<12 {
      try Data((Self.article + "\n\nUpdate \(number).").utf8).write(
        to: root.appendingPathComponent("a\(number).txt"))
    }
    let store = FullDiskStore()
    let summary = await Engine(maxConcurrency: 2).ingest(paths: [root.path], into: store)
    #expect(summary.inserted == 1)
    #expect(summary.failures.count == 1, "one disk-full error, not one per remaining article")
    #expect(summary.stoppedBy == "disk full: the store could not grow")
    #expect(await store.attempts == 2)
  }
}
