import ArgumentParser
import Foundation
import Quotidian
import QuotidianServer
import QuotidianStore

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract:
      "Serve the store: a JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json) and a web UI at /.",
    discussion: """
      Reads are open. Writes (POST /api/v1/articles) need 'Authorization: Bearer $QUOTIDIAN_TOKEN'; \
      without QUOTIDIAN_TOKEN in the environment they are disabled.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port to listen on.") var port = 8080

  func validate() throws {
    guard (1...65535).contains(port) else {
      throw ValidationError("--port expects 1 to 65535, got \(port)")
    }
    guard !host.isEmpty else { throw ValidationError("--host is empty") }
  }

  func run() async throws {
    let token = ProcessInfo.processInfo.environment["QUOTIDIAN_TOKEN"].flatMap {
      $0.isEmpty ? nil : $0
    }
    // Without a token nothing is written: open read-only, so a read-only file can be served.
    let database = try await token == nil ? store.openForReading() : store.open()
    if let token, token.utf8.count < 16 {
      Terminal.writeStderr("warning: QUOTIDIAN_TOKEN is shorter than 16 bytes\n")
    }
    var configuration = ServerConfiguration(store: database, token: token, host: host, port: port)
    configuration.limits.maxConnections = Self.connectionLimit(configuration.limits.maxConnections)
    let path = store.displayName
    let writes = token == nil ? "disabled" : "enabled"
    let host = self.host
    // Said once the port is really listened on: a port in use is an error, never a success.
    configuration.onListening = { port in
      Terminal.writeStderr("serving \(path) on http://\(host):\(port)/ (writes \(writes))\n")
    }
    try await runServer(configuration)
  }

  /// `wanted`, lowered to what the open-file limit allows (raised to its hard maximum first),
  /// keeping room for the store and the listening socket.
  static func connectionLimit(_ wanted: Int) -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return wanted }
    if limit.rlim_cur < limit.rlim_max {
      var raised = limit
      raised.rlim_cur = min(limit.rlim_max, 65_536)
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
    }
    return max(1, min(wanted, Int(limit.rlim_cur) - 64))
  }
}
