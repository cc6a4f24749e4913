import Foundation
public import QuotidianReaders

/// The feeds a `watch` polls: an OPML subscription list, or a text file with one URL per
/// line (`#` starts a comment, blank lines are skipped).
public enum FeedList {
  /// The feed URLs in the file at `path`, in order, each once.
  public static func read(fileAt path: String) throws(ReadError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(source: path, kind: .unreadable(reason: "no such file or directory"))
    }
    if isDirectory.boolValue {
      throw ReadError(source: path, kind: .unreadable(reason: "is a directory"))
    }
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw ReadError(source: path, kind: .unreadable(reason: error.localizedDescription))
    }
    return try parse(bytes, source: path)
  }

  /// The feed URLs in `bytes` (OPML when it starts with markup, text lines otherwise).
  public static func parse(_ bytes: [UInt8], source: String) throws(ReadError) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if start.hasPrefix("<") {
      return try OPML.subscriptions(in: bytes, source: source).map(\.feedURL)
    }
    var urls: [String] = []
    var seen: Set<String> = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#"),
        hash == line.startIndex || line[line.index(before: hash)].isWhitespace
      {
        line = line[..<hash]
      }
      let url = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if url.isEmpty { continue }
      guard Fetcher.isURL(url) else {
        throw ReadError(
          source: "\(source):\(number + 1)", kind: .malformed(reason: "not an http(s) URL: \(url)"))
      }
      if seen.insert(url).inserted { urls.append(url) }
    }
    if urls.isEmpty { throw ReadError(source: source, kind: .empty) }
    return urls
  }
}

extension Duration {
  /// Parses `30s`, `15m`, `1h`, `2d`, combinations such as `1h30m`, or a bare number of seconds.
  public static func parse(interval text: String) -> Duration? {
    let text = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard !text.isEmpty else { return nil }
    if let seconds = Int(text) { return seconds > 0 ? .seconds(seconds) : nil }
    var total = 0
    var number = ""
    for character in text {
      if character.isASCII, character.isNumber {
        number.append(character)
        continue
      }
      let unit: Int
      switch character {
      case "s": unit = 1
      case "m": unit = 60
      case "h": unit = 3600
      case "d": unit = 86_400
      default: return nil
      }
      guard let value = Int(number), value <= 1_000_000 else { return nil }
      total += value * unit
      number = ""
    }
    guard number.isEmpty, total > 0 else { return nil }
    return .seconds(total)
  }
}
