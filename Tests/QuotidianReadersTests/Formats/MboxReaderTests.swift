import QuotidianCore
import Testing

@testable import QuotidianReaders

@Suite struct MboxReaderTests {
  @Test(arguments: ["three-messages.mbox"])
  func readsEveryMessageWithNumberedSource(_ file: String) throws {
    let batch = MboxReader.readBatch(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(batch.errors.isEmpty)
    #expect(batch.articles.map(\.source) == ["\(file)#1", "\(file)#2", "\(file)#3"])
    #expect(
      batch.articles.map(\.metadata.title) == [
        "Ferry timetable changes", "Café owners oppose parking plan",
        "School roof repaired ahead of schedule",
      ])
    #expect(
      batch.articles.map(\.metadata.channel) == [
        "Morning Tide <tide@morningtide.example> on 2026-03-16",
        "Valley Ledger <ledger@valley.example> on 2026-03-17",
        "Quarry Valley Gazette <desk@qvgazette.example> on 2026-03-18",
      ])
  }

  @Test(arguments: ["three-messages.mbox"])
  func unescapesFromLinesAndDecodesBodies(_ file: String) throws {
    let articles = try MboxReader.read(bytes: try FormatFixtures.bytes(file), source: file)
    #expect(articles.count == 3)
    #expect(articles[0].text.contains("\nFrom Monday, the first sailing"))
    #expect(!articles[0].text.contains(">From"))
    #expect(articles[1].text.contains("said café owner Bruno Saltvik"))
    #expect(articles[2].text.contains("two weeks ahead of schedule"))
    #expect(!articles[2].text.contains("(plain)"))
  }

  @Test(arguments: [1, 2])
  func badMessageIsAnErrorForThatMessageOnly(_ badIndex: Int) {
    let good =
      "From: A <a@example.net>\nSubject: Fine\nDate: Mon, 16 Mar 2026 08:00:00 +0000\n\nA fine body.\n"
    let bad =
      "From: B <b@example.net>\nSubject: Bad\nContent-Transfer-Encoding: base64\n\n%%%% not base64 %%%%\n"
    var messages = [good, good, good]
    messages[badIndex] = bad
    let mbox = messages.map { "From someone@example.net Mon Mar 16 08:00:00 2026\n" + $0 }.joined(
      separator: "\n")
    let batch = MboxReader.readBatch(bytes: Array(mbox.utf8), source: "box.mbox")
    #expect(batch.articles.count == 2)
    #expect(batch.errors.map(\.source) == ["box.mbox#\(badIndex + 1)"])
  }

  @Test(arguments: ["three-messages.mbox"])
  func sniffsMailbox(_ file: String) throws {
    #expect(MboxReader.sniff(try FormatFixtures.bytes(file)))
    #expect(!MboxReader.sniff(Array("From here on, things change.\nNothing else.".utf8)))
  }
}
