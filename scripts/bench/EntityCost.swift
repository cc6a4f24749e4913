// Timing harness for scripts/bench-entities: compiled with the QuotidianCore sources as one module.
import Foundation

/// The value of `body`; on an error, prints what failed to standard error and exits with status 1.
func orExit<T>(_ what: String, _ body: () throws -> T) -> T {
  do {
    return try body()
  } catch {
    FileHandle.standardError.write(Data("entity-cost: \(what) failed: \(error)\n".utf8))
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
let full = Pipeline.standard()
let without = orExit("building the pipeline without entities") {
  try Pipeline(full.components.filter { $0.name != "entities" })
}
var best = [Double.infinity, Double.infinity]
for _ in 0..<5 {
  for (i, p) in [without, full].enumerated() {
    let t0 = cpu()
    let d = p.run(text: text)
    let t = cpu() - t0
    if d.quotes.isEmpty { print("?") }
    best[i] = min(best[i], t)
  }
}
let mb = Double(text.utf8.count) / 1e6
print(
  String(
    format: "without entities %.3f s (%.2f MB/s), with %.3f s (%.2f MB/s), ratio %.2f", best[0],
    mb / best[0], best[1], mb / best[1], best[1] / best[0]))
