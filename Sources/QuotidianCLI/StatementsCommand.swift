import ArgumentParser
import QuotidianStore

struct StatementsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "statements",
    abstract: "List a speaker's statements, each with every article that reported it.",
    discussion: """
      A statement is one speaker's words however many articles quote them: the reports give \
      each article, outlet, date and wording, earliest first, so the first report and any \
      altered wording stand out.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "The speaker (full name, surname or any name form).") var speaker: String?
  @Option(help: "At most this many statements.") var limit: Int?
  @OptionGroup var output: OutputFormatOptions

  func validate() throws { try LimitArgument.check(limit) }

  func run() async throws {
    let database = try await store.openForReading()
    let records: [StatementRecord]
    do {
      records = try await database.statements(StatementQuery(speaker: speaker, limit: limit))
    } catch {
      Terminal.error(error.description)
      throw ExitCode.failure
    }
    guard output.kind == .table else {
      let rows = records.map {
        [String($0.id), $0.speaker ?? "", $0.text, String($0.reports.count)]
      }
      try TableOutput.write(
        records, columns: ["id", "speaker", "statement", "reports"], rows: rows, kind: output.kind)
      return
    }
    if records.isEmpty {
      print("(none)")
      return
    }
    var lines: [String] = []
    for record in records {
      lines.append("\(record.speaker ?? "unknown speaker"): “\(record.text)”")
      for report in record.reports {
        let meta = [report.published, report.outlet].compactMap { $0 }.joined(separator: "  ")
        var notes: [String] = []
        if report.isCopy { notes.append("copy") }
        if report.isAltered { notes.append("altered: “\(report.wording)”") }
        lines.append(
          "  " + (meta.isEmpty ? "" : meta + "  ") + report.source
            + (notes.isEmpty ? "" : "  (" + notes.joined(separator: "; ") + ")"))
      }
    }
    print(lines.joined(separator: "\n"))
  }
}
