/// Validates and decodes UTF-8 text, rejecting binary content.
enum TextDecoding {
  static func utf8Text(_ bytes: [UInt8], source: String) throws(ReadError) -> String {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    let body = bytes[start...]
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw ReadError(source: source, kind: .empty)
    }
    if body.contains(0) { throw ReadError(source: source, kind: .binary) }
    var iterator = body.makeIterator()
    var decoder = UTF8()
    var offset = start
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: break loop
      case .error: throw ReadError(source: source, kind: .invalidUTF8(byteOffset: offset))
      }
    }
    return String(decoding: body, as: UTF8.self)
  }
}
