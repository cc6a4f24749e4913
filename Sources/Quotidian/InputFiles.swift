import Foundation
public import QuotidianReaders

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands command-line paths: files as given, directories walked recursively in name order,
/// hidden files skipped.
///
/// Inside directories only regular files (and symbolic links to them) are inputs. Everything
/// else that is skipped is named in an error: FIFOs, sockets and devices (never opened, so a
/// FIFO cannot block the run), subdirectories that cannot be read, file names that are not
/// UTF-8, paths longer than the system allows, broken symbolic links. Nothing is skipped
/// without a word except hidden names and a directory already walked (a symbolic-link loop).
public enum InputFiles {
  /// Longest path accepted, in bytes (Linux's `PATH_MAX` with its terminating NUL is 4096).
  public static let maximumPathBytes = 4095

  public static func expand(_ paths: [String]) -> (files: [String], errors: [ReadError]) {
    var files: [String] = []
    var errors: [ReadError] = []
    for path in paths {
      // "-" is standard input, read as a stream (a pipe, or a file redirected in).
      if path == "-" {
        files.append(path)
        continue
      }
      func fail(_ reason: String) {
        errors.append(ReadError(source: path, kind: .unreadable(reason: reason)))
      }
      if path.utf8.count > maximumPathBytes {
        fail("path longer than \(maximumPathBytes) bytes (\(path.utf8.count))")
        continue
      }
      var info = stat()
      guard stat(path, &info) == 0 else {
        let code = errno
        fail(code == ENOENT ? "no such file or directory" : errnoText(code))
        continue
      }
      guard info.st_mode & S_IFMT == S_IFDIR else {
        // Named on the command line: read as given (a FIFO there is read with a time limit,
        // a device is refused by the reader).
        files.append(path)
        continue
      }
      var walk = Walk()
      walk.run(root: path)
      files.append(contentsOf: walk.files.sorted())
      errors.append(contentsOf: walk.errors)
    }
    return (files, errors)
  }

  /// One directory tree, walked without recursion (depth costs no stack).
  struct Walk {
    var files: [String] = []
    var errors: [ReadError] = []
    /// (device, inode) of every directory walked, so a symbolic-link loop is walked once.
    var seen: Set<[UInt64]> = []

    mutating func run(root: String) {
      var pending = [root]
      var rootInfo = stat()
      if stat(root, &rootInfo) == 0 {
        seen.insert([UInt64(rootInfo.st_dev), UInt64(rootInfo.st_ino)])
      }
      while let directory = pending.popLast() {
        guard let stream = opendir(directory) else {
          let code = errno
          let reason =
            code == EACCES
            ? "directory not readable (permission denied)"
            : "cannot read directory: \(errnoText(code))"
          errors.append(ReadError(source: directory, kind: .unreadable(reason: reason)))
          continue
        }
        defer { closedir(stream) }
        var subdirectories: [String] = []
        while true {
          errno = 0
          guard let entry = readdir(stream) else {
            if errno != 0 {
              errors.append(
                ReadError(
                  source: directory,
                  kind: .unreadable(reason: "cannot list directory: \(errnoText(errno))")))
            }
            break
          }
          let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            Array(raw.prefix { $0 != 0 })
          }
          if nameBytes.first == UInt8(ascii: ".") { continue }  // ".", ".." and hidden names
          let prefix = directory.hasSuffix("/") ? directory : directory + "/"
          guard let name = String(validating: nameBytes, as: UTF8.self) else {
            errors.append(
              ReadError(
                source: prefix + Self.escaped(nameBytes),
                kind: .unreadable(reason: "file name is not valid UTF-8 (rename it to read it)")))
            continue
          }
          let full = prefix + name
          if full.utf8.count > InputFiles.maximumPathBytes {
            errors.append(
              ReadError(
                source: String(full.prefix(200)) + "…",
                kind: .unreadable(
                  reason:
                    "path longer than \(InputFiles.maximumPathBytes) bytes (\(full.utf8.count))")))
            continue
          }
          var info = stat()
          guard lstat(full, &info) == 0 else {
            errors.append(ReadError(source: full, kind: .unreadable(reason: errnoText(errno))))
            continue
          }
          if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(full, &info) == 0 else {
              errors.append(
                ReadError(source: full, kind: .unreadable(reason: "broken symbolic link")))
              continue
            }
          }
          switch info.st_mode & S_IFMT {
          case S_IFREG:
            files.append(full)
          case S_IFDIR:
            if seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted {
              subdirectories.append(full)
            }
          default:
            errors.append(
              ReadError(
                source: full,
                kind: .unreadable(
                  reason: "not a regular file (\(Self.kindName(info.st_mode))); skipped")))
          }
        }
        // Depth first, in name order (files are sorted at the end anyway).
        pending.append(contentsOf: subdirectories.sorted().reversed())
      }
      errors.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    }

    static func kindName(_ mode: mode_t) -> String {
      switch mode & S_IFMT {
      case S_IFIFO: "FIFO"
      case S_IFCHR: "character device"
      case S_IFBLK: "block device"
      case S_IFSOCK: "socket"
      default: "special file"
      }
    }

    /// A file name with bytes that are not UTF-8 shown as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
      var text = ""
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F {
          text.unicodeScalars.append(Unicode.Scalar(byte))
          index += 1
          continue
        }
        // A valid multi-byte sequence stays as it is.
        var width = 0
        if byte >= 0xC2 && byte <= 0xF4 {
          let expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
          if index + expected <= bytes.count,
            let scalar = String(validating: bytes[index..<index + expected], as: UTF8.self)
          {
            text += scalar
            width = expected
          }
        }
        if width == 0 {
          text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
          width = 1
        }
        index += width
      }
      return text
    }
  }

  static func errnoText(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
