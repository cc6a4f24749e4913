// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which depends on where the
// repository was cloned.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent

// A separate package so that ordo-one/benchmark stays out of the main build graph.
let package = Package(
  name: "QuotidianBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "ExtractBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Quotidian", package: mainPackage),
        .product(name: "QuotidianCore", package: mainPackage),
      ],
      path: "Benchmarks/ExtractBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
