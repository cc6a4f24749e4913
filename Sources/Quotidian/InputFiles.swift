public import QuotidianReaders
import Foundation

/// Expands command-line paths: files as given, directories walked recursively in name order,
/// hidden files skipped.
public enum InputFiles {
  public static func expand(_ paths: [String]) -> (files: [String], errors: [ReadError]) {
    var files: [String] = []
    var errors: [ReadError] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(ReadError(source: path, kind: .unreadable(reason: "no such file or directory")))
        continue
      }
      guard isDirectory.boolValue else {
        files.append(path)
        continue
      }
      guard manager.isReadableFile(atPath: path),
        let enumerator = manager.enumerator(atPath: path)
      else {
        errors.append(ReadError(source: path, kind: .unreadable(reason: "directory not readable")))
        continue
      }
      var found: [String] = []
      while let relative = enumerator.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") {
          enumerator.skipDescendants()
          continue
        }
        let full = (path as NSString).appendingPathComponent(relative)
        var childIsDirectory: ObjCBool = false
        if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
          found.append(full)
        }
      }
      files.append(contentsOf: found.sorted())
    }
    return (files, errors)
  }
}
