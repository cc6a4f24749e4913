import ArgumentParser
import Foundation
import Quotidian
import QuotidianCore
import QuotidianReaders

struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print every quote and its speaker as JSON; nothing is stored.",
    discussion: """
      One JSON object per article on stdout (JSON Lines when several), or one file per \
      input in --out DIR named after the input (`DIR/<base name>.json`; when two inputs share \
      a base name, the later ones get `-2`, `-3`… and a note says so). Offsets `start`/`end` \
      are Unicode-scalar (Python str) indices into `text`.
      """)

  @Argument(help: "Files or directories to read.") var paths: [String]
  @Option(help: "Write one JSON file per input into this directory.") var out: String?
  @OptionGroup var format: FormatOption
  @Flag(help: "Show why each speaker was chosen: rule, cue and evidence.") var explain = false
  @Flag(help: "With --explain, write JSON (with evidence) instead of the readable listing.")
  var json = false
  @Option(help: .hidden) var speakerWeights: String?
  @Option(help: .hidden) var speakerScorer: String?

  func validate() throws {
    if json && !explain {
      throw ValidationError("--json needs --explain (extract always writes JSON without it)")
    }
  }

  func run() async throws {
    let engine = Engine(
      pipeline: .standard(speakerScorer: try scorer(), explainSpeakers: explain),
      readOptions: format.readOptions)
    if let out {
      do {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      } catch {
        throw CLIError(
          message: "\(out): error: cannot create output directory: \(error.localizedDescription)")
      }
    }
    let pretty = JSONEncoder()
    pretty.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
    let compact = JSONEncoder()
    compact.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    var failed = 0
    var outputNames = OutputNames()
    var diskFull: CLIError?
    var written = 0
    await engine.extract(paths: paths, format: format.value, explain: explain) {
      outcome in
      for warning in outcome.warnings { Terminal.warning(warning) }
      if let error = outcome.error {
        failed += 1
        Terminal.error(error.description)
        return
      }
      for error in outcome.recordErrors {
        failed += 1
        Terminal.error(error.description)
      }
      for (number, result) in outcome.results.enumerated() where diskFull == nil {
        if let out {
          let base = ((outcome.path as NSString).lastPathComponent as NSString)
            .deletingPathExtension
          let wanted = outcome.results.count == 1 ? base : "\(base)-\(number + 1)"
          let name = outputNames.claim(wanted)
          let target = (out as NSString).appendingPathComponent(name + ".json")
          if name != wanted {
            Terminal.note(
              "\(outcome.path): note: written to \(target): \(wanted).json is taken by another input"
            )
          }
          do {
            try pretty.encode(result).write(to: URL(fileURLWithPath: target))
            written += 1
          } catch  where Self.isDiskFull(error) {
            // One message for a full disk, not one per remaining file.
            try? FileManager.default.removeItem(atPath: target)
            diskFull = CLIError(
              message: "\(out): error: no space left on the device; stopped after "
                + "\(written) file\(written == 1 ? "" : "s") written")
          } catch {
            failed += 1
            Terminal.error("\(target): error: cannot write: \(error.localizedDescription)")
          }
        } else if explain && !json {
          print(ExplainFormatter.render(result))
        } else if let data = try? compact.encode(result) {
          // Two writes rather than `data + newline`: no second copy of a large article.
          FileHandle.standardOutput.write(data)
          FileHandle.standardOutput.write(Data("\n".utf8))
        }
      }
    }
    if let diskFull { throw diskFull }
    // Each failed input was reported as it was met; the others were still written.
    if failed > 0 { throw ExitCode.failure }
  }
}

extension ExtractCommand {
  /// Whether a write failed because the device is full (or the quota is reached).
  static func isDiskFull(_ error: any Error) -> Bool {
    let error = error as NSError
    if error.domain == NSCocoaErrorDomain && error.code == NSFileWriteOutOfSpaceError {
      return true
    }
    let underlying = (error.userInfo[NSUnderlyingErrorKey] as? NSError) ?? error
    return underlying.domain == NSPOSIXErrorDomain
      && (underlying.code == Int(ENOSPC) || underlying.code == Int(EDQUOT))
  }
}

/// Output file names claimed in one run, so two inputs with one base name never overwrite
/// each other: the second `a` becomes `a-2`, then `a-3`.
struct OutputNames {
  private var taken: Set<String> = []

  /// `wanted`, or `wanted-N` with the smallest N ≥ 2 that is free; claimed from then on.
  /// Names are compared case-insensitively, as some file systems do.
  mutating func claim(_ wanted: String) -> String {
    var name = wanted
    var number = 2
    while taken.contains(name.lowercased()) {
      name = "\(wanted)-\(number)"
      number += 1
    }
    taken.insert(name.lowercased())
    return name
  }
}

extension ExtractCommand {
  /// `--speaker-scorer priority` (the rules as a sieve) or `--speaker-weights FILE` (weights
  /// from `train-speaker-scorer`, for cross-validation); nil for the shipped learned scorer.
  func scorer() throws -> (any SpeakerScorer)? {
    if speakerScorer == "priority" { return PrioritySpeakerScorer() }
    if let speakerScorer, speakerScorer != "learned" {
      throw CLIError(
        message: "error: --speaker-scorer must be priority or learned, not '\(speakerScorer)'",
        exitCode: 2)
    }
    guard let speakerWeights else { return nil }
    guard let data = FileManager.default.contents(atPath: speakerWeights),
      let scorer = LinearSpeakerScorer(serialized: [UInt8](data))
    else {
      throw CLIError(message: "\(speakerWeights): error: not a speaker weights file")
    }
    return scorer
  }
}

/// The readable form of `--explain`.
enum ExplainFormatter {
  static func render(_ result: ExtractionResult) -> String {
    var lines = ["== \(result.source) (\(result.format))"]
    if let title = result.title { lines.append("title:     \(title)") }
    if !result.authors.isEmpty {
      lines.append("authors:   \(result.authors.joined(separator: "; "))")
    }
    if let published = result.published { lines.append("published: \(published)") }
    if let outlet = result.outlet { lines.append("outlet:    \(outlet)") }
    for (number, quote) in result.quotes.enumerated() {
      let text = quote.text.split(whereSeparator: \.isNewline).joined(separator: " ")
      lines.append("")
      lines.append("[\(number + 1)] \(quote.kind) \(quote.start)..<\(quote.end) “\(text)”")
      lines.append("    speaker: \(quote.speaker ?? "(unknown)")  confidence \(quote.confidence)")
      lines.append("    rule:    \(quote.rule)")
      if let mention = quote.speakerMention { lines.append("    mention: \(mention)") }
      if let cue = quote.cue { lines.append("    cue:     \(cue)") }
      for (range, text) in zip(quote.evidence ?? [], quote.evidenceText ?? []) {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        lines.append("    evidence \(range[0])..<\(range[1]): \(flat)")
      }
      for candidate in quote.candidates ?? [] { lines.append("    candidate \(candidate)") }
    }
    for diagnostic in result.diagnostics ?? [] { lines.append("note: \(diagnostic)") }
    return lines.joined(separator: "\n")
  }
}
