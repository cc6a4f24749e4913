public import QuotidianStore

/// Where a PostgreSQL store lives: a `postgres://` or `postgresql://` URL completed by the
/// standard `PG*` environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`,
/// `PGDATABASE`, `PGSSLMODE`), as libpq does: what the URL states wins, the environment fills
/// the rest.
///
/// The password is never part of ``description``: a location can be printed in an error or
/// a log line without leaking a secret.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
  /// How the connection uses TLS, after libpq's `sslmode` (`disable`, `prefer`, `require`;
  /// `allow` reads as `prefer`, `verify-ca` and `verify-full` as `require` with verification).
  public enum TLSMode: String, Hashable, Sendable {
    case disable, prefer, require
    case verifyFull = "verify-full"
  }

  public var host: String
  public var port: Int
  public var username: String
  public var password: String?
  public var database: String
  public var tls: TLSMode

  public init(
    host: String = "127.0.0.1", port: Int = 5432, username: String, password: String? = nil,
    database: String, tls: TLSMode = .disable
  ) {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
    self.database = database
    self.tls = tls
  }

  /// True when `location` names a PostgreSQL store rather than a file path.
  public static func isPostgresURL(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  /// Reads `url` (with its `PG*` defaults from `environment`).
  ///
  /// Accepted: `postgres://[user[:password]@][host][:port][/database][?sslmode=…]`, with
  /// percent-encoded user, password and database. Errors name what is wrong and never
  /// repeat the password.
  public init(url: String, environment: [String: String] = [:]) throws(StoreError) {
    func invalid(_ why: String) -> StoreError {
      StoreError(operation: "open", reason: "invalid PostgreSQL URL: \(why)", isFatal: true)
    }
    let rest: Substring
    if url.hasPrefix("postgresql://") {
      rest = url.dropFirst("postgresql://".count)
    } else if url.hasPrefix("postgres://") {
      rest = url.dropFirst("postgres://".count)
    } else {
      throw invalid("it must start with postgres:// or postgresql://")
    }
    var main = rest
    var queryPart: Substring = ""
    if let mark = rest.firstIndex(of: "?") {
      main = rest[..<mark]
      queryPart = rest[rest.index(after: mark)...]
    }
    var authority = main
    var path: Substring = ""
    if let slash = main.firstIndex(of: "/") {
      authority = main[..<slash]
      path = main[main.index(after: slash)...]
    }
    var userInfo: Substring?
    var hostPort = authority
    if let at = authority.lastIndex(of: "@") {
      userInfo = authority[..<at]
      hostPort = authority[authority.index(after: at)...]
    }
    var user: String?
    var password: String?
    if let userInfo {
      if let colon = userInfo.firstIndex(of: ":") {
        user = try Self.decode(userInfo[..<colon], what: "user name")
        password = try Self.decode(userInfo[userInfo.index(after: colon)...], what: "password")
      } else {
        user = try Self.decode(userInfo, what: "user name")
      }
    }
    var host: String?
    var port: Int?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]") else { throw invalid("unclosed [ in host") }
      host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
      let after = hostPort[hostPort.index(after: close)...]
      if after.hasPrefix(":") {
        guard let value = Int(after.dropFirst()), (1...65535).contains(value) else {
          throw invalid("port must be a number from 1 to 65535")
        }
        port = value
      } else if !after.isEmpty {
        throw invalid("unexpected text after the host")
      }
    } else if let colon = hostPort.lastIndex(of: ":") {
      host = String(hostPort[..<colon])
      guard let value = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(value)
      else { throw invalid("port must be a number from 1 to 65535") }
      port = value
    } else if !hostPort.isEmpty {
      host = String(hostPort)
    }
    if host?.isEmpty == true { host = nil }
    var database = path.isEmpty ? nil : try Self.decode(path, what: "database name")
    var sslmode: String?
    for pair in queryPart.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1)
      let key = String(parts[0])
      let value = parts.count > 1 ? try Self.decode(parts[1], what: key) : ""
      switch key {
      case "sslmode": sslmode = value
      case "user": user = value
      case "password": password = value
      case "host": host = value
      case "port":
        guard let number = Int(value), (1...65535).contains(number) else {
          throw invalid("port must be a number from 1 to 65535")
        }
        port = number
      case "dbname": database = value
      case "application_name", "connect_timeout": continue
      default: throw invalid("unknown parameter '\(key)'")
      }
    }
    let resolvedUser = user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
    self.host = host ?? environment["PGHOST"] ?? "127.0.0.1"
    if let port {
      self.port = port
    } else if let text = environment["PGPORT"] {
      guard let number = Int(text), (1...65535).contains(number) else {
        throw invalid("PGPORT must be a number from 1 to 65535")
      }
      self.port = number
    } else {
      self.port = 5432
    }
    self.username = resolvedUser
    self.password = password ?? environment["PGPASSWORD"]
    self.database = database ?? environment["PGDATABASE"] ?? resolvedUser
    switch sslmode ?? environment["PGSSLMODE"] ?? "disable" {
    case "disable": self.tls = .disable
    case "allow", "prefer": self.tls = .prefer
    case "require": self.tls = .require
    case "verify-ca", "verify-full": self.tls = .verifyFull
    case let other: throw invalid("unknown sslmode '\(other)'")
    }
  }

  /// `postgres://user@host:port/database`, without the password.
  public var description: String {
    let hostText = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(username)@\(hostText):\(port)/\(database)"
  }

  private static func decode(_ text: Substring, what: String) throws(StoreError) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%") {
        guard iterator.count >= 2, let high = hexValue(iterator.removeFirst()),
          let low = hexValue(iterator.removeFirst())
        else {
          throw StoreError(
            operation: "open",
            reason: "invalid PostgreSQL URL: bad percent-escape in the \(what)", isFatal: true)
        }
        bytes.append(high << 4 | low)
      } else {
        bytes.append(byte)
      }
    }
    guard let string = String(validating: bytes, as: UTF8.self) else {
      throw StoreError(
        operation: "open", reason: "invalid PostgreSQL URL: the \(what) is not UTF-8",
        isFatal: true)
    }
    return string
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
