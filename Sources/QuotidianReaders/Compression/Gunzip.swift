import CZlib

/// Gzip decompression (RFC 1952) with a cap on the decompressed size.
///
/// Handles concatenated members (`cat a.gz b.gz`, per-record gzip as in Common Crawl WARC
/// files). A stream that inflates past `limit` bytes is a gzip bomb → `.tooLarge`; a stream
/// that ends early or has a bad CRC → `.malformed`.
public enum Gunzip {
  /// Default cap on decompressed output: a plain file's cap (64 MB), so compression never
  /// lets more text in than the same file uncompressed.
  public static let defaultLimit = 64 << 20

  /// Whether `bytes` start with the gzip magic number `1f 8b`.
  public static func isGzip<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var iterator = bytes.makeIterator()
    return iterator.next() == 0x1F && iterator.next() == 0x8B
  }

  /// Returns `bytes` decompressed when they start with the gzip magic, else unchanged.
  public static func decompressIfNeeded(
    _ bytes: [UInt8], source: String, limit: Int = defaultLimit
  ) throws(ReadError) -> [UInt8] {
    guard isGzip(bytes) else { return bytes }
    return try decompress(bytes, source: source, limit: limit)
  }

  /// Decompresses every gzip member in `bytes`. Trailing zero padding is ignored.
  public static func decompress(
    _ bytes: [UInt8], source: String, limit: Int = defaultLimit
  ) throws(ReadError) -> [UInt8] {
    let inflater = Inflater(limit: limit)
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, bytes.count * 4, 1 << 24))
    do {
      try inflater.feed(bytes[...], isFinal: true) { output.append(contentsOf: $0) }
    } catch {
      throw ReadError(source: source, kind: error.kind(limit: limit))
    }
    return output
  }
}

/// Why inflating stopped.
enum InflateError: Error, Equatable {
  case tooLarge(produced: Int)
  case truncated
  case corrupt(String)

  func kind(limit: Int) -> ReadError.Kind {
    switch self {
    case .tooLarge(let produced): .tooLarge(bytes: produced, limit: limit)
    case .truncated: .malformed(reason: "truncated gzip stream")
    case .corrupt(let message): .malformed(reason: "corrupt gzip stream: \(message)")
    }
  }
}

/// An incremental gzip decoder over zlib: feed compressed chunks, receive decompressed chunks.
/// Memory is bounded by the output chunk size, whatever the input size.
final class Inflater {
  let limit: Int
  private(set) var produced = 0
  private var stream = z_stream()
  private var isInitialized = false
  /// Inside a member (the last inflate call did not end it).
  private var isInMember = false
  /// The stream ended at member end and the rest of the input was not gzip: ignore it.
  private var isFinished = false
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private var pending: [UInt8] = []

  init(limit: Int) { self.limit = limit }

  deinit { if isInitialized { inflateEnd(&stream) } }

  private func startMember() throws(InflateError) {
    if isInitialized {
      guard inflateReset(&stream) == Z_OK else { throw .corrupt("reset failed") }
    } else {
      // 15 + 16: zlib window 32 KB, gzip wrapper only.
      let status = inflateInit2_(
        &stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
      guard status == Z_OK else { throw .corrupt("inflateInit failed (\(status))") }
      isInitialized = true
    }
    isInMember = true
  }

  /// Inflates `input`; calls `emit` with each decompressed chunk. `isFinal` marks the last input.
  func feed(
    _ input: ArraySlice<UInt8>, isFinal: Bool,
    emit: (ArraySlice<UInt8>) throws(InflateError) -> Void
  ) throws(InflateError) {
    var remaining = input
    if !pending.isEmpty {
      remaining = ArraySlice(pending + input)
      pending = []
    }
    var outputWasFull = false
    while !isFinished {
      if !isInMember {
        // Between members: skip zero padding, stop at anything that is not gzip.
        while let first = remaining.first, first == 0 { remaining = remaining.dropFirst() }
        if remaining.isEmpty { return }
        if remaining.count < 2 && !isFinal {
          pending = Array(remaining)  // a magic number split across two chunks
          return
        }
        guard Gunzip.isGzip(remaining) else {
          isFinished = true
          return
        }
        try startMember()
      }
      if remaining.isEmpty && !outputWasFull {
        if isFinal { throw .truncated }
        return
      }
      let consumedCount: Int
      let outputCount: Int
      let status: Int32
      (consumedCount, outputCount, status) = remaining.withUnsafeBufferPointer { inputBuffer in
        chunk.withUnsafeMutableBufferPointer { outputBuffer in
          stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
          stream.avail_in = UInt32(inputBuffer.count)
          stream.next_out = outputBuffer.baseAddress
          stream.avail_out = UInt32(outputBuffer.count)
          let status = inflate(&stream, Z_NO_FLUSH)
          let consumed = inputBuffer.count - Int(stream.avail_in)
          let produced = outputBuffer.count - Int(stream.avail_out)
          stream.next_in = nil
          stream.next_out = nil
          return (consumed, produced, status)
        }
      }
      remaining = remaining.dropFirst(consumedCount)
      outputWasFull = outputCount == chunk.count
      if outputCount > 0 {
        produced += outputCount
        if produced > limit { throw .tooLarge(produced: produced) }
        try emit(chunk[0..<outputCount])
      }
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        isInMember = false
        outputWasFull = false
        if remaining.isEmpty { return }
      case Z_BUF_ERROR:
        // No progress possible without more input.
        if isFinal { throw .truncated }
        return
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw .corrupt(message)
      }
    }
  }

  /// Call at end of input: a member left open means the stream was truncated.
  func finish() throws(InflateError) {
    if isInMember && !isFinished { throw .truncated }
  }
}
