import Foundation

/// Reads WARC records one at a time from a ``ByteSource`` with bounded memory: at most one
/// record block (capped by `maxBlockBytes`) plus one input chunk is held at once.
///
/// A record whose `Content-Length` does not end at a record boundary (the block is not
/// followed by CRLF CRLF) is reported as an error and the stream resynchronises on the next
/// line that starts with `WARC/1.`, searching from the start of the bad block, so a lying
/// length (too long or too short) costs only that record.
public final class WARCRecordStream: Sequence, IteratorProtocol {
  public typealias Element = Result<WARCRecord, ReadError>

  /// Largest block kept in memory; larger records are skipped with a `.tooLarge` error.
  public let maxBlockBytes: Int
  private let source: any ByteSource
  private let sourceName: String
  private var buffer: [UInt8] = []
  private var position = 0
  private var isExhausted = false
  private var recordNumber = 0
  private var isFailed = false
  /// A buffer index that compaction must keep (the start of the block being checked).
  private var pinned: Int?
  private static let magic = Array("WARC/1.".utf8)

  init(source: any ByteSource, sourceName: String, maxBlockBytes: Int) {
    self.source = source
    self.sourceName = sourceName
    self.maxBlockBytes = maxBlockBytes
  }

  /// Opens `path` (plain, whole-file gzip, or per-record gzip members) for streaming.
  public static func open(
    path: String, maxBlockBytes: Int = 32 << 20
  ) throws(ReadError) -> WARCRecordStream {
    try make(source: FileSource(path: path), sourceName: path, maxBlockBytes: maxBlockBytes)
  }

  /// Streams records from bytes already in memory (gzip detected as for files).
  public static func records(
    in bytes: [UInt8], source: String, maxBlockBytes: Int = 32 << 20
  ) -> WARCRecordStream {
    // A MemorySource never throws, so make cannot fail.
    (try? make(source: MemorySource(bytes), sourceName: source, maxBlockBytes: maxBlockBytes))
      ?? WARCRecordStream(
        source: MemorySource([]), sourceName: source, maxBlockBytes: maxBlockBytes)
  }

  static func make(
    source: any ByteSource, sourceName: String, maxBlockBytes: Int
  ) throws(ReadError) -> WARCRecordStream {
    var first: ArraySlice<UInt8> = []
    while first.count < 2, let chunk = try source.next() { first += chunk }
    if Gunzip.isGzip(first) {
      let gzip = GzipSource(source, first: first, sourceName: sourceName, limit: Int.max)
      return WARCRecordStream(source: gzip, sourceName: sourceName, maxBlockBytes: maxBlockBytes)
    }
    let stream = WARCRecordStream(
      source: source, sourceName: sourceName, maxBlockBytes: maxBlockBytes)
    stream.buffer = Array(first)
    return stream
  }

  // MARK: Buffer

  private var available: Int { buffer.count - position }

  /// Ensures `count` bytes are buffered; false at end of input.
  private func fill(_ count: Int) throws(ReadError) -> Bool {
    while available < count {
      if isExhausted { return false }
      let keep = Swift.min(position, pinned ?? position)
      if keep > 0 && keep >= buffer.count / 2 {
        buffer.removeFirst(keep)
        position -= keep
        if let pin = pinned { pinned = pin - keep }
      }
      guard let chunk = try source.next() else {
        isExhausted = true
        return false
      }
      buffer.append(contentsOf: chunk)
    }
    return true
  }

  /// Reads one line (without its CR LF); nil at end of input. Lines are capped at 64 KB.
  private func readLine() throws(ReadError) -> ArraySlice<UInt8>? {
    var scanned = 0
    while true {
      if let newline = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
        var end = newline
        if end > position && buffer[end - 1] == 0x0D { end -= 1 }
        let line = buffer[position..<end]
        position = newline + 1
        return line
      }
      scanned = available
      if scanned > 65_536 {
        let line = buffer[position..<(position + scanned)]
        position += scanned
        return line
      }
      if !(try fill(scanned + 1)) {
        if available == 0 { return nil }
        let line = buffer[position...]
        position = buffer.count
        return line
      }
    }
  }

  /// Discards bytes up to the next line starting with `WARC/1.`; false at end of input.
  private func resynchronise() throws(ReadError) -> Bool {
    while true {
      var index = position
      while index + Self.magic.count <= buffer.count {
        if (index == position || buffer[index - 1] == 0x0A) && buffer[index] == Self.magic[0]
          && buffer[index..<(index + Self.magic.count)].elementsEqual(Self.magic)
        {
          position = index
          return true
        }
        index += 1
      }
      // Keep a tail that may hold the start of the magic.
      position = Swift.max(position, buffer.count - Self.magic.count)
      if !(try fill(available + 1)) { return false }
    }
  }

  // MARK: Records

  public func next() -> Element? {
    guard !isFailed else { return nil }
    do {
      return try nextRecord()
    } catch {
      isFailed = true  // the input itself failed (I/O, corrupt gzip): stop after reporting it
      return .failure(error)
    }
  }

  private func nextRecord() throws(ReadError) -> Element? {
    // Skip blank lines between records.
    var versionLine: ArraySlice<UInt8>?
    while let line = try readLine() {
      if line.isEmpty { continue }
      versionLine = line
      break
    }
    guard let versionLine else { return nil }
    recordNumber += 1
    let recordSource = "\(sourceName)#\(recordNumber)"
    guard versionLine.starts(with: Self.magic) else {
      let found = try resynchronise()
      let error = ReadError(
        source: recordSource,
        kind: .malformed(reason: "expected a WARC/1.x record, found other bytes"))
      if !found { isExhausted = true }
      return .failure(error)
    }
    let version = String(decoding: versionLine, as: UTF8.self)
    var fields: [(name: String, value: String)] = []
    while let line = try readLine() {
      if line.isEmpty { break }
      if line.first == 0x20 || line.first == 0x09, let last = fields.popLast() {
        fields.append(
          (
            last.name,
            last.value + " "
              + String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
          ))
        continue
      }
      guard fields.count < 512, let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingCharacters(
        in: .whitespaces
      ).lowercased()
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(
        in: .whitespaces)
      fields.append((name, value))
    }
    guard let lengthText = fields.first(where: { $0.name == "content-length" })?.value,
      let length = Int(lengthText), length >= 0
    else {
      _ = try resynchronise()
      return .failure(
        ReadError(
          source: recordSource, kind: .malformed(reason: "record without a valid Content-Length")))
    }
    if length > maxBlockBytes {
      // Skip without holding it, then check the boundary as usual.
      var remaining = length
      while remaining > 0 {
        if available == 0, !(try fill(1)) { break }
        let step = Swift.min(remaining, available)
        position += step
        remaining -= step
      }
      _ = try resynchronise()
      return .failure(
        ReadError(source: recordSource, kind: .tooLarge(bytes: length, limit: maxBlockBytes)))
    }
    pinned = position
    defer { pinned = nil }
    let hasBlock = try fill(length)
    let blockStart = position
    let blockEnd = Swift.min(buffer.count, blockStart + length)
    let block = Array(buffer[blockStart..<blockEnd])
    position = blockEnd
    // The block must be followed by CRLF CRLF (tolerate LF LF and a missing pair at the end).
    _ = try fill(4)
    let trailer = buffer[position..<Swift.min(buffer.count, position + 4)]
    let isBoundary =
      trailer.elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) || trailer.starts(with: [0x0A, 0x0A])
      || (trailer.isEmpty && isExhausted)
    if hasBlock && isBoundary {
      position += trailer.starts(with: [0x0A, 0x0A]) ? 2 : trailer.count
      return .success(
        WARCRecord(version: version, fields: fields, block: block, number: recordNumber))
    }
    // Lying Content-Length: search for the next record from the start of this block.
    position = pinned ?? position
    let found = try resynchronise()
    if !found { isExhausted = true }
    let target =
      fields.first(where: { $0.name == "warc-target-uri" }).map { " (\($0.value))" } ?? ""
    let reason =
      hasBlock
      ? "Content-Length \(length) does not end at a record boundary\(target)"
      : "Content-Length \(length) runs past the end of the file\(target)"
    return .failure(ReadError(source: recordSource, kind: .malformed(reason: reason)))
  }
}
