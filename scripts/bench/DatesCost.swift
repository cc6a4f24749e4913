// Timing harness for scripts/bench-dates: compiled with the QuotidianCore sources as one module.
// Times what `extract` does per article (pipeline, JSON record, JSON encoding) with and
// without the date, claim, said, reported-speech and promise components.
import Foundation

/// The value of `body`; on an error, prints what failed to standard error and exits with status 1.
func orExit<T>(_ what: String, _ body: () throws -> T) -> T {
  do {
    return try body()
  } catch {
    FileHandle.standardError.write(Data("dates-cost: \(what) failed: \(error)\n".utf8))
    exit(1)
  }
}

let text = orExit("reading \(CommandLine.arguments[1])") {
  try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
}
func cpu() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec)
    + Double(u.ru_stime.tv_usec) / 1e6
}
let added: Set<String> = ["dates", "claims", "said", "reported", "promises"]
let full = Pipeline.standard()
let without = orExit("building the pipeline without \(added.sorted())") {
  try Pipeline(full.components.filter { !added.contains($0.name) })
}
// Articles of ~10 KB, as extract sees them (one document per article, dated).
var articles: [String] = []
var current = ""
for paragraph in text.components(separatedBy: "\n\n") {
  current += paragraph + "\n\n"
  if current.utf8.count > 10_000 {
    articles.append(current)
    current = ""
  }
}
if !current.isEmpty { articles.append(current) }
let article = Article(
  text: "", metadata: ArticleMetadata(published: "2026-03-12"), source: "bench", format: "text")
let encoder = JSONEncoder()
var best = [Double.infinity, Double.infinity]
var counts = [0, 0]
for _ in 0..<5 {
  for (i, p) in [without, full].enumerated() {
    let t0 = cpu()
    var bytes = 0
    for text in articles {
      var a = article
      a.text = text
      let d = p.run(text: text, published: "2026-03-12")
      bytes += orExit("encoding an extraction result") {
        try encoder.encode(ExtractionResult(document: d, article: a)).count
      }
    }
    let t = cpu() - t0
    counts[i] = bytes
    best[i] = min(best[i], t)
  }
}
// The pipeline alone, without the JSON record and its encoding.
var pipelineBest = [Double.infinity, Double.infinity]
for _ in 0..<5 {
  for (i, p) in [without, full].enumerated() {
    let t0 = cpu()
    var n = 0
    for text in articles { n += p.run(text: text, published: "2026-03-12").tokens.count }
    pipelineBest[i] = min(pipelineBest[i], cpu() - t0)
    if n == 0 { print("?") }
  }
}
// Each new component alone.
var componentTime: [String: Double] = [:]
for text in articles {
  var d = Document(text: text, published: CivilDate(iso: "2026-03-12"))
  for c in full.components {
    let t0 = cpu()
    c.process(&d)
    componentTime[c.name, default: 0] += cpu() - t0
  }
}
print(
  "pipeline only: without \(pipelineBest[0]) s, with \(pipelineBest[1]) s, ratio \(pipelineBest[1] / pipelineBest[0])"
)
print(
  "per component (one pass):",
  full.components.map { "\($0.name) \(String(format: "%.4f", componentTime[$0.name] ?? 0))" }
    .joined(separator: ", "))
let mb = Double(text.utf8.count) / 1e6
print(
  String(
    format:
      "%d articles, %.1f MB; without dates/claims/said/reported/promises %.3f s (%.2f MB/s), with %.3f s (%.2f MB/s), ratio %.3f; JSON %d → %d bytes",
    articles.count, mb, best[0], mb / best[0], best[1], mb / best[1], best[1] / best[0], counts[0],
    counts[1]))
