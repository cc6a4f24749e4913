public import QuotidianCore

/// Fictional articles for the linking checks, written for these tests: a wire report, a
/// syndicated copy with a new headline, a rewrite that alters two quotes, and an unrelated
/// report.
public enum LinkFixtures {
  static let wireBody = """
    PORT VELDRY, May 4 (Coastline Wire) - Ferry crews at Port Veldry walked off the job on Monday \
    after wage talks with the operator Brightwater Lines collapsed overnight, stranding thousands of \
    passengers on both sides of the Sound.

    "We will return to work when the company puts a real offer on the table, and not a day before," \
    said Hana Loris, the lead organiser of the Maritime Crews Union, speaking outside the terminal gates.

    Brightwater Lines said it had offered a raise of four percent this year and called the walkout \
    unlawful under the crews' contract. "Our offer is fair and it remains open," said Dev Amari, the \
    company's operations director.

    About 9,000 passengers use the Veldry crossing each day, according to the harbour board, and the \
    only other route to the island is a two-hour drive around the head of the Sound. The board's chair, \
    Ilse Brandt, said extra buses would run along the coast road until Friday.

    "Nobody wants the island cut off for a week. We are asking both sides to meet again on Wednesday," \
    Brandt said.

    The union said the strike would continue until a new offer was made. Talks are due to resume at \
    the harbour board's offices on Wednesday morning.
    """

  static let wireQuotes:
    [(text: String, speaker: String?, mention: String?, cue: String?, kind: String, rule: String)] =
      [
        (
          "We will return to work when the company puts a real offer on the table, and not a day before,",
          "Hana Loris", "Hana Loris", "said", "direct", "invertedVerb"
        ),
        (
          "Our offer is fair and it remains open,", "Dev Amari", "Dev Amari", "said", "direct",
          "invertedVerb"
        ),
        (
          "Nobody wants the island cut off for a week. We are asking both sides to meet again on Wednesday,",
          "Ilse Brandt", "Brandt", "said", "direct", "verbAfterQuote"
        ),
      ]

  public static let wire = StoreFixtures.article(
    source: "wire/ferry-strike.txt", url: nil,
    title: "Ferry crews strike at Port Veldry as wage talks collapse",
    published: "2026-05-04", outlet: "Coastline Wire",
    text: "Ferry crews strike at Port Veldry as wage talks collapse\n\n" + wireBody,
    quotes: wireQuotes)

  /// The wire report under another headline and outlet.
  public static let syndicated = StoreFixtures.article(
    source: "courier/veldry-ferries-halted.html",
    url: "https://courier.example/veldry-ferries-halted",
    title: "Veldry ferries halted as crews walk out over pay", published: "2026-05-04",
    outlet: "The Island Courier",
    text: "Veldry ferries halted as crews walk out over pay\n\nThe Island Courier\n\n" + wireBody,
    quotes: wireQuotes)

  /// A rewrite: other words around the same quotes, two of them altered ("will" → "won't",
  /// "Wednesday" → "Thursday").
  public static let rewrite = StoreFixtures.article(
    source: "daily/island-stranded.txt", url: nil,
    title: "Island stranded as Veldry ferry strike begins",
    published: "2026-05-05", outlet: "Harbour Daily",
    text: """
      Island stranded as Veldry ferry strike begins

      Thousands of travellers were stuck on Monday when ferry crews at Port Veldry stopped work in a \
      pay dispute with Brightwater Lines, Coastline Wire reported.

      Hana Loris, who leads the organisers of the Maritime Crews Union, was defiant at the terminal. \
      "We won't return to work when the company puts a real offer on the table," she said.

      The operator says it has put four percent on the table. Its operations director, Dev Amari, \
      insisted: "Our offer is fair and it remains open."

      Ilse Brandt, who chairs the harbour board, urged the two sides to talk. "Nobody wants the island \
      cut off for a week. We are asking both sides to meet again on Thursday," she said.
      """,
    quotes: [
      (
        "We won't return to work when the company puts a real offer on the table,", "Hana Loris",
        "she", "said",
        "direct", "pronoun"
      ),
      (
        "Our offer is fair and it remains open.", "Dev Amari", "Dev Amari", ":", "direct",
        "colonIntroduced"
      ),
      (
        "Nobody wants the island cut off for a week. We are asking both sides to meet again on Thursday,",
        "Ilse Brandt", "she", "said", "direct", "pronoun"
      ),
    ])

  /// Another story altogether.
  public static let bridge = StoreFixtures.article(
    source: "times/lantern-bridge.txt", url: nil,
    title: "Engineers shut Lantern Bridge after cracks found in main span",
    published: "2026-05-10", outlet: "Riverside Times",
    text: """
      Engineers shut Lantern Bridge after cracks found in main span

      The Lantern Bridge over the river Aske was closed to all traffic on Sunday after engineers found \
      cracks in two steel girders of its main span during a routine inspection.

      "We found fractures that we cannot explain yet, and until we can, nobody crosses," said Tobias \
      Engel, the chief engineer of the Aske county roads department.

      About 22,000 vehicles cross the bridge each day. Drivers were sent on a diversion through the \
      town of Marrow, adding up to half an hour to journeys.
      """,
    quotes: [
      (
        "We found fractures that we cannot explain yet, and until we can, nobody crosses,",
        "Tobias Engel",
        "Tobias Engel", "said", "direct", "invertedVerb"
      )
    ])

  /// A second bridge report, two days later.
  public static let bridgeRepairs = StoreFixtures.article(
    source: "wire/lantern-bridge-repairs.txt", url: nil,
    title: "Lantern Bridge repairs could take six months",
    published: "2026-05-12", outlet: "Coastline Wire",
    text: """
      Lantern Bridge repairs could take six months

      Repairs to the cracked Lantern Bridge over the river Aske could take six months, county \
      officials said on Tuesday, as the roads department began drilling samples from the damaged girders.

      Tobias Engel, the department's chief engineer, said tests on the steel would take three weeks. \
      "Only then will we know whether we are repairing two girders or replacing the span," he said.
      """,
    quotes: [
      (
        "Only then will we know whether we are repairing two girders or replacing the span,",
        "Tobias Engel", "he",
        "said", "direct", "pronoun"
      )
    ])
}
