// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "Quotidian",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "QuotidianCore", targets: ["QuotidianCore"]),
    .library(name: "Quotidian", targets: ["Quotidian"]),
    .executable(name: "quotidian", targets: ["QuotidianCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // The text engine: pure Swift, Foundation only, no I/O.
    .target(
      name: "QuotidianCore",
      exclude: ["Lexicon/Generated/PROVENANCE.md", "Attribution/Generated/PROVENANCE.md"],
      swiftSettings: strictSettings),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Bytes and files to `Article`s.
    .target(
      name: "QuotidianReaders", dependencies: ["QuotidianCore", "CLibXML2", "CZlib"],
      swiftSettings: strictSettings),
    // HTTP fetching and feed polling.
    .target(
      name: "QuotidianFetch",
      dependencies: [
        "QuotidianReaders", "QuotidianCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strictSettings),
    // The `Store` protocol and the embedded SQLite store.
    .target(
      name: "QuotidianStore",
      dependencies: [
        "QuotidianCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictSettings),
    // The shared PostgreSQL store: connection, migrations, the ingest job queue.
    .target(
      name: "QuotidianStorePostgres",
      dependencies: [
        "QuotidianStore", "QuotidianCore", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strictSettings),
    // The library users import: `Engine`.
    .target(
      name: "Quotidian",
      dependencies: [
        "QuotidianCore", "QuotidianReaders", "QuotidianStore", "QuotidianStorePostgres",
        "QuotidianFetch",
      ],
      swiftSettings: strictSettings),
    // The HTTP JSON API and the server-rendered web UI: `buildApplication(_:)`.
    .target(
      name: "QuotidianServer",
      dependencies: [
        "Quotidian", "QuotidianCore", "QuotidianReaders", "QuotidianStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
      ],
      resources: [
        "layout", "search", "quote", "speaker", "speakers", "article", "error", "stories", "story",
        "rewrites", "tally", "ledger", "claims",
      ].map {
        .embedInCode("Templates/\($0).mustache")
      }, swiftSettings: strictSettings),
    .executableTarget(
      name: "QuotidianCLI",
      dependencies: [
        "Quotidian", "QuotidianCore", "QuotidianReaders", "QuotidianStore", "QuotidianFetch",
        "QuotidianServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings),
    // Test support.
    .target(
      name: "QuotidianTestSupport", dependencies: ["QuotidianCore"], swiftSettings: strictSettings),
    .target(
      name: "QuotidianStoreTesting", dependencies: ["QuotidianStore", "QuotidianCore"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianCoreTests", dependencies: ["QuotidianCore", "QuotidianTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianReadersTests", dependencies: ["QuotidianReaders", "QuotidianCore"],
      resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianStoreTests",
      dependencies: [
        "QuotidianStore", "QuotidianStoreTesting", "QuotidianCore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianStorePostgresTests",
      dependencies: [
        "QuotidianStorePostgres", "QuotidianStore", "QuotidianStoreTesting", "QuotidianCore",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianTests", dependencies: ["Quotidian", "QuotidianCore", "QuotidianTestSupport"],
      resources: [.copy("__Snapshots__")], swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianFetchTests",
      dependencies: [
        "QuotidianFetch", "QuotidianReaders", "QuotidianCore", "Quotidian", "QuotidianStore",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianServerTests",
      dependencies: [
        "QuotidianServer", "QuotidianStore", "QuotidianStoreTesting", "QuotidianCore", "Quotidian",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "QuotidianCLITests", dependencies: ["QuotidianCLI"], exclude: ["Fixtures"],
      swiftSettings: strictSettings),
  ]
)
