import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with a size cap and, for pipes, a time cap.
///
/// The file is opened without blocking and checked with `fstat` on the open descriptor, so
/// a FIFO or device swapped in for a file is never waited on: regular files are read up to
/// the cap; a pipe or FIFO named on the command line is read until end of file, the cap or
/// the time limit; devices and sockets are refused.
enum FileInput {
  /// Longest path accepted, in bytes (Linux's `PATH_MAX` is 4096 with the terminating NUL).
  static let maximumPathBytes = 4095

  static func bytes(
    atPath path: String, byteLimit: Int, streamTimeout: Duration = Readers.defaultStreamTimeout
  ) throws(ReadError) -> [UInt8] {
    func fail(_ reason: String) -> ReadError {
      ReadError(source: path, kind: .unreadable(reason: reason))
    }
    if path.utf8.count > maximumPathBytes {
      throw fail("path longer than \(maximumPathBytes) bytes (\(path.utf8.count))")
    }
    // "-" is standard input: its own descriptor, duplicated so closing it is harmless.
    let descriptor = path == "-" ? dup(0) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw fail(openFailure(errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw fail(errnoText(errno)) }
    switch FileKind(mode: info.st_mode) {
    case .directory:
      throw fail("is a directory")
    case .regular:
      let size = Int(info.st_size)
      // Refuse an oversized regular file before reading any of it.
      if size > byteLimit {
        throw ReadError(source: path, kind: .tooLarge(bytes: size, limit: byteLimit))
      }
      // Regular files never block; clear the flag so reads are plain.
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(min(size, byteLimit) + 1)
      try readAll(descriptor, into: &bytes, limit: byteLimit, path: path, timeout: nil)
      if bytes.count > byteLimit {
        throw ReadError(
          source: path, kind: .tooLarge(bytes: max(size, bytes.count), limit: byteLimit))
      }
      return bytes
    case .fifo:
      var bytes: [UInt8] = []
      try readAll(descriptor, into: &bytes, limit: byteLimit, path: path, timeout: streamTimeout)
      if bytes.count > byteLimit {
        throw ReadError(source: path, kind: .tooLarge(bytes: bytes.count, limit: byteLimit))
      }
      return bytes
    case let other:
      throw fail("not a regular file (\(other.name))")
    }
  }

  /// Reads until end of file or `limit + 1` bytes. With a deadline the descriptor is
  /// non-blocking and waited on with `poll`; a pipe that stays silent past it is an error.
  private static func readAll(
    _ descriptor: Int32, into bytes: inout [UInt8], limit: Int, path: String,
    timeout: Duration?
  ) throws(ReadError) {
    let deadline = timeout.map { ContinuousClock.now + $0 }
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    while bytes.count <= limit {
      let wanted = min(chunk, limit + 1 - bytes.count)
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
      if count > 0 {
        bytes.append(contentsOf: buffer[0..<count])
        continue
      }
      let failure = count < 0 ? errno : 0
      if count < 0 && failure == EINTR { continue }
      if count < 0 && failure != EAGAIN && failure != EWOULDBLOCK {
        throw ReadError(source: path, kind: .unreadable(reason: errnoText(failure)))
      }
      guard let deadline else { return }  // end of a regular file
      // A FIFO reads as ended before any writer has opened it: wait for data until the
      // deadline. After data has come, end of file is the end.
      if count == 0 && !bytes.isEmpty { return }
      let remaining = deadline - ContinuousClock.now
      let (seconds, attoseconds) = remaining.components
      let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
      guard milliseconds > 0 else {
        throw ReadError(
          source: path,
          kind: .unreadable(reason: "timed out: no end of input within \(timeout ?? .zero)"))
      }
      if count == 0 {
        // No writer yet: poll would report nothing; sleep briefly instead.
        usleep(20_000)
      } else {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, Int32(min(milliseconds, 1000)))
      }
    }
  }

  /// What `stat` says a path is.
  enum FileKind: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    init(mode: mode_t) {
      switch mode & S_IFMT {
      case S_IFREG: self = .regular
      case S_IFDIR: self = .directory
      case S_IFIFO: self = .fifo
      case S_IFCHR: self = .characterDevice
      case S_IFBLK: self = .blockDevice
      case S_IFSOCK: self = .socket
      case S_IFLNK: self = .symbolicLink
      default: self = .other
      }
    }

    var name: String {
      switch self {
      case .regular: "regular file"
      case .directory: "directory"
      case .fifo: "FIFO"
      case .characterDevice: "character device"
      case .blockDevice: "block device"
      case .socket: "socket"
      case .symbolicLink: "symbolic link"
      case .other: "special file"
      }
    }
  }

  static func openFailure(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EACCES, EPERM: "permission denied"
    default: errnoText(code)
    }
  }

  /// `strerror` in lower case: "permission denied", "file name too long".
  static func errnoText(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
