// The in-process harness of scripts/bench-html, scripts/bench-html-vs-trafilatura and the
// eval scripts' --harness mode: calls `Readers.read(bytes:source:format: .html)` directly.
//
//   harness predict DIR OUT.json      every DIR/*.html → {id: {"articleBody", "title", …}}
//   harness bench DIR ROUNDS          timing, one warm-up round then ROUNDS rounds
//   harness blocks DIR OUT.jsonl      every page's blocks with their classifier features
//   harness predict-with MODEL.json DIR OUT.json   predict, with another block model
import Foundation
import QuotidianCore
@_spi(Training) import QuotidianReaders

func now(_ clock: clockid_t) -> Double {
  var spec = timespec()
  clock_gettime(clock, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func loadPages(_ directory: String) throws -> [(String, [UInt8])] {
  let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
    $0.hasSuffix(".html")
  }.sorted()
  return try names.map { name in
    (name, Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
  }
}

func fmt(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
  FileHandle.standardError.write(
    Data("usage: harness predict DIR OUT.json | harness bench DIR ROUNDS\n".utf8))
  exit(2)
}
var model: HTMLBlockModel?
var mode = arguments[1]
var rest = Array(arguments[2...])
if mode == "predict-with" {
  guard rest.count >= 3,
    let loaded = HTMLBlockModel(json: Array(try Data(contentsOf: URL(fileURLWithPath: rest[0]))))
  else {
    FileHandle.standardError.write(Data("harness: \(rest.first ?? ""): not a block model\n".utf8))
    exit(1)
  }
  model = loaded
  mode = "predict"
  rest.removeFirst()
}
let pages = try loadPages(rest[0])
switch mode {
case "blocks":
  FileManager.default.createFile(atPath: rest[1], contents: nil)
  let out = try FileHandle(forWritingTo: URL(fileURLWithPath: rest[1]))
  let header: [String: Any] = [
    "dense_names": HTMLBlockTraining.denseFeatureNames,
    "hash_buckets": HTMLBlockTraining.hashBuckets,
  ]
  out.write(try JSONSerialization.data(withJSONObject: header) + Data("\n".utf8))
  for page in pages {
    let (url, blocks) = HTMLBlockTraining.blocks(bytes: page.1)
    let record: [String: Any] = [
      "id": String(page.0.dropLast(5)), "url": url ?? NSNull(),
      "blocks": blocks.map { block in
        [
          "text": block.text, "dense": block.dense.map { Double($0) }, "hashed": block.hashed,
          "comments": block.isComments, "parent": block.parent, "grandparent": block.grandparent,
        ] as [String: Any]
      },
    ]
    out.write(try JSONSerialization.data(withJSONObject: record) + Data("\n".utf8))
  }
  try out.close()
case "predict":
  var predictions: [String: [String: Any]] = [:]
  for page in pages {
    var entry: [String: Any] = ["articleBody": ""]
    do {
      let read =
        try model.map { try HTMLBlockTraining.read(bytes: page.1, source: page.0, model: $0) }
        ?? Readers.read(bytes: page.1, source: page.0, format: .html).first
      if let article = read {
        let metadata = article.metadata
        entry["articleBody"] = article.text
        entry["title"] = metadata.title ?? NSNull()
        entry["authors"] = metadata.authors
        entry["published"] = metadata.published ?? NSNull()
        entry["outlet"] = metadata.outlet ?? NSNull()
        entry["language"] = metadata.language ?? NSNull()
        entry["description"] = metadata.description ?? NSNull()
      }
    } catch {
      entry["error"] = "\(error)"
    }
    predictions[String(page.0.dropLast(5))] = entry
  }
  let data = try JSONSerialization.data(withJSONObject: predictions, options: [.sortedKeys])
  try data.write(to: URL(fileURLWithPath: rest[1]))
case "bench":
  let rounds = max(1, Int(rest[1]) ?? 5)
  let bytes = pages.reduce(0) { $0 + $1.1.count }
  var checksum = 0
  var wall = Array(repeating: [Double](), count: pages.count)
  var cpuTotal = 0.0
  var wallTotal = 0.0
  for round in 0...rounds {
    for (index, page) in pages.enumerated() {
      let cpu0 = now(CLOCK_THREAD_CPUTIME_ID)
      let wall0 = now(CLOCK_MONOTONIC)
      let text =
        (try? Readers.read(bytes: page.1, source: page.0, format: .html))?.first?.text ?? ""
      let wall1 = now(CLOCK_MONOTONIC)
      let cpu1 = now(CLOCK_THREAD_CPUTIME_ID)
      checksum &+= text.utf8.count
      guard round > 0 else { continue }  // warm-up
      wall[index].append(wall1 - wall0)
      wallTotal += wall1 - wall0
      cpuTotal += cpu1 - cpu0
    }
  }
  let perPage = wall.map { times in times.sorted()[times.count / 2] * 1000 }.sorted()
  let calls = Double(pages.count * rounds)
  print(
    "pages      \(pages.count) (\(fmt(Double(bytes) / 1e6, 1)) MB) x \(rounds) rounds, Readers.read(format: .html), one core"
  )
  print(
    "wall time  \(fmt(calls / wallTotal, 0)) pages/s  \(fmt(Double(bytes * rounds) / wallTotal / 1e6, 1)) MB/s"
  )
  print(
    "cpu time   \(fmt(calls / cpuTotal, 0)) pages/s  \(fmt(Double(bytes * rounds) / cpuTotal / 1e6, 1)) MB/s"
  )
  print(
    "per page   median \(fmt(perPage[perPage.count / 2], 2)) ms  p90 \(fmt(perPage[min(perPage.count - 1, perPage.count * 9 / 10)], 2)) ms  max \(fmt(perPage.last ?? 0, 2)) ms"
  )
  print("checksum   \(checksum)")
  print(
    "json       {\"pages\": \(pages.count), \"bytes\": \(bytes), \"rounds\": \(rounds), \"wall_s\": \(wallTotal), \"cpu_s\": \(cpuTotal)}"
  )
default:
  FileHandle.standardError.write(Data("harness: unknown mode \(mode)\n".utf8))
  exit(2)
}
