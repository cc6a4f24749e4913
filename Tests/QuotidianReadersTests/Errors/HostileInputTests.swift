import Foundation
import Testing

@testable import QuotidianReaders

/// Inputs that used to hang, be refused for the wrong reason or be misread (issue 11).
@Suite struct HostileInputTests {
  static let story = "Ferry returns to Port Alder\n\nThe ferry docked at noon, said Ilse Varga.\n"

  @Test(.bug(id: 11))
  func latin1TextFallsBackToWindows1252WithAWarning() throws {
    // "Café" and "naïve" in Latin-1, "€" (0x80) and curly quotes (0x93, 0x94) in Windows-1252.
    let bytes: [UInt8] =
      Array("Caf".utf8) + [0xE9] + Array(" owner: ".utf8) + [0x93] + Array("na".utf8) + [0xEF]
      + Array("ve, 5 ".utf8) + [0x80] + [0x94] + Array(" said Ilse Varga.\n".utf8)
    let batch = try Readers.readBatch(bytes: bytes, source: "latin.txt", format: .text)
    #expect(batch.articles.first?.text == "Café owner: “naïve, 5 €” said Ilse Varga.")
    #expect(
      batch.warnings == ["latin.txt: warning: not UTF-8 (byte 3); read as Windows-1252 (Latin-1)"])
  }

  @Test(.bug(id: 11), arguments: [true, false])
  func utf16TextIsDecodedByItsByteOrderMark(_ littleEndian: Bool) throws {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in Self.story.utf16 {
      let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bytes += littleEndian ? pair : pair.reversed()
    }
    let batch = try Readers.readBatch(bytes: bytes, source: "utf16.txt")
    #expect(
      batch.articles.first?.text.contains("The ferry docked at noon, said Ilse Varga.") == true)
    #expect(
      batch.articles.first?.metadata.title == nil
        || batch.articles.first?.metadata.title == "Ferry returns to Port Alder")
    #expect(batch.warnings.isEmpty)
  }

  @Test(.bug(id: 11))
  func characterDeviceIsRefusedByName() {
    #expect(
      throws: ReadError(
        source: "/dev/zero", kind: .unreadable(reason: "not a regular file (character device)"))
    ) {
      try Readers.read(fileAt: "/dev/zero")
    }
  }

  @Test(.bug(id: 11))
  func fifoWithoutWriterTimesOutInsteadOfBlocking() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-fifo-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.txt").path
    #expect(mkfifo(path, 0o600) == 0)
    let start = ContinuousClock.now
    #expect(throws: ReadError.self) {
      try FileInput.bytes(atPath: path, byteLimit: 1 << 20, streamTimeout: .milliseconds(300))
    }
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  @Test(.bug(id: 11))
  func fifoWithAWriterIsReadToItsEnd() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotidian-fifo-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.txt").path
    #expect(mkfifo(path, 0o600) == 0)
    let writer = Thread {
      let handle = FileHandle(forWritingAtPath: path)
      handle?.write(Data(Self.story.utf8))
      try? handle?.close()
    }
    writer.start()
    let bytes = try FileInput.bytes(atPath: path, byteLimit: 1 << 20, streamTimeout: .seconds(10))
    #expect(String(decoding: bytes, as: UTF8.self) == Self.story)
  }

  @Test(.bug(id: 11))
  func pathLongerThanTheSystemAllowsIsNamedAsSuch() {
    let path = "/tmp/" + String(repeating: "a", count: 5000)
    do {
      _ = try Readers.read(fileAt: path)
      Issue.record("a 5,000-byte path cannot be read")
    } catch {
      #expect(error.message.contains("path longer than 4095 bytes"))
    }
  }
}
