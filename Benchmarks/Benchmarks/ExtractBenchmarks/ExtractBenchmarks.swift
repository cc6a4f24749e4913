import Benchmark
import Foundation
import QuotidianCore

/// The bundled example articles, concatenated and repeated to about `megabytes` MB.
func exampleText(megabytes: Int) -> String {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let directory = root.appendingPathComponent("Examples/articles")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []
  var unit = ""
  for name in names where name.hasSuffix(".txt") {
    if let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) {
      unit += text + "\n\n"
    }
  }
  precondition(!unit.isEmpty, "no example articles found in \(directory.path)")
  var text = ""
  text.reserveCapacity(megabytes << 20 + unit.utf8.count)
  while text.utf8.count < megabytes << 20 { text += unit }
  return text
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [
      .wallClock, .cpuTotal, .throughput, .peakMemoryResident, .mallocCountTotal, .instructions,
    ],
    warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

  // One iteration analyses 10 MB: MB/s = 10 × the reported throughput (iterations/s).
  let tenMegabytes = exampleText(megabytes: 10)
  let pipeline = Pipeline.standard()
  Benchmark("extract 10 MB of news text (standard pipeline)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(pipeline.run(text: tenMegabytes).quotes.count)
    }
  }

  let oneMegabyte = exampleText(megabytes: 1)
  Benchmark(
    "extract 1 MB of news text (standard pipeline)", configuration: .init(maxIterations: 30)
  ) {
    benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(pipeline.run(text: oneMegabyte).quotes.count)
    }
  }
}
