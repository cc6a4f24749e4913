import Foundation

/// A forward-only source of bytes read in chunks: a file, an in-memory buffer, or a gzip
/// stream over either. Memory use is one chunk, whatever the size of the whole.
protocol ByteSource: AnyObject {
  /// The next chunk, or nil at the end.
  func next() throws(ReadError) -> ArraySlice<UInt8>?
}

final class MemorySource: ByteSource {
  private var bytes: [UInt8]?
  init(_ bytes: [UInt8]) { self.bytes = bytes }
  func next() throws(ReadError) -> ArraySlice<UInt8>? {
    defer { bytes = nil }
    return bytes.map { $0[...] }
  }
}

final class FileSource: ByteSource {
  static let chunkSize = 1 << 20
  private let handle: FileHandle
  private let path: String

  init(path: String) throws(ReadError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      throw ReadError(
        source: path,
        kind: .unreadable(reason: isDirectory.boolValue ? "is a directory" : "no such file"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError(source: path, kind: .unreadable(reason: "permission denied"))
    }
    self.handle = handle
    self.path = path
  }

  deinit { try? handle.close() }

  func next() throws(ReadError) -> ArraySlice<UInt8>? {
    let data: Data?
    do {
      data = try handle.read(upToCount: FileSource.chunkSize)
    } catch {
      throw ReadError(source: path, kind: .unreadable(reason: error.localizedDescription))
    }
    guard let data, !data.isEmpty else { return nil }
    return [UInt8](data)[...]
  }
}

/// Gunzips another source incrementally (concatenated members included).
final class GzipSource: ByteSource {
  private let upstream: any ByteSource
  private let inflater: Inflater
  private let sourceName: String
  private var pendingInput: ArraySlice<UInt8>?
  private var isDone = false

  init(_ upstream: any ByteSource, first: ArraySlice<UInt8>, sourceName: String, limit: Int) {
    self.upstream = upstream
    self.inflater = Inflater(limit: limit)
    self.pendingInput = first
    self.sourceName = sourceName
  }

  func next() throws(ReadError) -> ArraySlice<UInt8>? {
    while !isDone {
      let input: ArraySlice<UInt8>
      if let pending = pendingInput {
        input = pending
        pendingInput = nil
      } else if let chunk = try upstream.next() {
        input = chunk
      } else {
        isDone = true
        do { try inflater.finish() } catch {
          throw ReadError(source: sourceName, kind: error.kind(limit: inflater.limit))
        }
        return nil
      }
      var output: [UInt8] = []
      do {
        try inflater.feed(input, isFinal: false) { output.append(contentsOf: $0) }
      } catch {
        throw ReadError(source: sourceName, kind: error.kind(limit: inflater.limit))
      }
      if !output.isEmpty { return output[...] }
    }
    return nil
  }
}
