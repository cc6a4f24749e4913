import CZlib

/// Gzip compression for building test inputs at runtime (zlib `deflate`, gzip wrapper).
enum GzipTestSupport {
  static func gzip(_ input: [UInt8], level: Int32 = 9) -> [UInt8] {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      return []
    }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
    var input = input
    let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(inputBuffer.count)
        stream.next_out = outputBuffer.baseAddress
        stream.avail_out = UInt32(outputBuffer.count)
        _ = deflate(&stream, Z_FINISH)
        return outputBuffer.count - Int(stream.avail_out)
      }
    }
    return Array(output[0..<produced])
  }

  /// A gzip member of `count` zero bytes, compressed chunk by chunk (a "bomb" for tests).
  static func zeros(count: Int) -> [UInt8] {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      return []
    }
    defer { deflateEnd(&stream) }
    var zeros = [UInt8](repeating: 0, count: 1 << 20)
    var result: [UInt8] = []
    var outputChunk = [UInt8](repeating: 0, count: 1 << 16)
    var remaining = count
    while true {
      let take = min(remaining, zeros.count)
      remaining -= take
      let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
      var isDone = false
      zeros.withUnsafeMutableBufferPointer { inputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(take)
        repeat {
          outputChunk.withUnsafeMutableBufferPointer { outputBuffer in
            stream.next_out = outputBuffer.baseAddress
            stream.avail_out = UInt32(outputBuffer.count)
            let status = deflate(&stream, flush)
            result.append(
              contentsOf: outputBuffer[0..<(outputBuffer.count - Int(stream.avail_out))])
            if status == Z_STREAM_END { isDone = true }
          }
        } while stream.avail_out == 0 || (flush == Z_FINISH && !isDone)
      }
      if isDone || remaining == 0 && isDone { break }
      if remaining == 0 && !isDone { continue }
    }
    return result
  }
}
