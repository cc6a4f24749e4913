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
    clearProgress()
    if useColor, let range = message.range(of: "error:") {
      writeStderr(
        message.replacingCharacters(in: range, with: "\u{1B}[1;31merror:\u{1B}[0m") + "\n")
    } else {
      writeStderr(message + "\n")
    }
  }

  static func note(_ message: String) {
    clearProgress()
    writeStderr(message + "\n")
  }

  nonisolated(unsafe) private static var progressShown = false

  /// Draws `[#####     ] done/total name` on stderr when stderr is a terminal.
  static func progress(done: Int, total: Int, label: String) {
    guard stderrIsTerminal, total > 0 else { return }
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    let name = String(label.suffix(40))
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
