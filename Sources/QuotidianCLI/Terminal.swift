import Foundation

/// Terminal output: stderr messages, colour only where allowed, a progress bar.
enum Terminal {
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
  static var stdoutIsTerminal: Bool { isatty(1) == 1 }
  static var useColor: Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && stderrIsTerminal
  }

  static func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Prints `message` (already in `path: error: …` form) on stderr.
  static func error(_ message: String) {
    labelled(message, label: "error:", color: "1;31")
  }

  /// Prints `message` (already in `path: warning: …` form) on stderr.
  static func warning(_ message: String) {
    labelled(message, label: "warning:", color: "1;35")
  }

  static func note(_ message: String) {
    clearProgress()
    writeStderr(escaped(message) + "\n")
  }

  private static func labelled(_ message: String, label: String, color: String) {
    clearProgress()
    let message = escaped(message)
    if useColor, let range = message.range(of: label) {
      writeStderr(
        message.replacingCharacters(in: range, with: "\u{1B}[\(color)m\(label)\u{1B}[0m") + "\n")
    } else {
      writeStderr(message + "\n")
    }
  }

  /// `text` with control characters (C0 but tab, DEL, C1) shown as `\u{1B}`-style escapes:
  /// paths, MIME boundaries and URLs come from inputs and must not drive the terminal.
  static func escaped(_ text: String) -> String {
    func isControl(_ value: UInt32) -> Bool {
      (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }
    guard text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar.value) {
        result.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  nonisolated(unsafe) private static var progressShown = false

  /// Draws `[#####     ] done/total name` on stderr when stderr is a terminal.
  static func progress(done: Int, total: Int, label: String) {
    guard stderrIsTerminal, total > 0 else { return }
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    let name = escaped(String(label.suffix(40)))
    writeStderr("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)")
    progressShown = true
  }

  static func clearProgress() {
    if progressShown {
      writeStderr("\r\u{1B}[K")
      progressShown = false
    }
  }
}
