import Foundation

/// Reads a whole file into memory with a size cap.
enum FileInput {
  static func bytes(atPath path: String, byteLimit: Int) throws(ReadError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(source: path, kind: .unreadable(reason: "no such file"))
    }
    if isDirectory.boolValue { throw ReadError(source: path, kind: .unreadable(reason: "is a directory")) }
    // Refuse an oversized regular file before reading any of it.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > byteLimit {
      throw ReadError(source: path, kind: .tooLarge(bytes: size, limit: byteLimit))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError(source: path, kind: .unreadable(reason: "permission denied"))
    }
    defer { try? handle.close() }
    let data: Data?
    do {
      data = try handle.read(upToCount: byteLimit + 1)
    } catch {
      throw ReadError(source: path, kind: .unreadable(reason: "\(error.localizedDescription)"))
    }
    let bytes = [UInt8](data ?? Data())
    if bytes.count > byteLimit {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? bytes.count
      throw ReadError(source: path, kind: .tooLarge(bytes: size, limit: byteLimit))
    }
    return bytes
  }
}
