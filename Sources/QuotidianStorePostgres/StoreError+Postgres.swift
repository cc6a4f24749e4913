internal import NIOCore
internal import NIOPosix
internal import PostgresNIO
internal import QuotidianStore

extension StoreError {
  /// A PostgresNIO error as a store error a user can act on: the server unreachable, the
  /// password refused, the database missing, or the server's own message. Never the
  /// password, never the driver's type names.
  init(
    postgres error: any Error, operation: String, location: PostgresLocation, isFatal: Bool = false
  ) {
    let reason: String
    var fatal = isFatal
    if let psql = error as? PSQLError {
      switch psql.code {
      case .server:
        let state = psql.serverInfo?[.sqlState] ?? ""
        let message = psql.serverInfo?[.message] ?? "server error"
        switch state {
        case "28P01", "28000":
          reason =
            "\(location): the server refused user '\(location.username)': \(message) (check the password in the URL or PGPASSWORD)"
          fatal = true
        case "3D000":
          reason = "\(location): \(message) (create it with createdb, or name another in the URL)"
          fatal = true
        case "53300":
          reason = "\(location): the server has too many connections: \(message)"
        case "57P01", "57P02", "57P03":
          reason = "\(location): the server is shutting down or starting up: \(message)"
        default:
          reason = state.isEmpty ? message : "\(message) (SQLSTATE \(state))"
        }
      case .connectionError:
        reason = "\(location): cannot reach the server: \(Self.describe(psql.underlying))"
        fatal = true
      case .serverClosedConnection, .uncleanShutdown:
        reason = "\(location): the server closed the connection"
      case .sslUnsupported:
        reason = "\(location): the server does not support TLS (use sslmode=disable or prefer)"
        fatal = true
      case .authMechanismRequiresPassword:
        reason =
          "\(location): the server asks for a password and none was given (URL or PGPASSWORD)"
        fatal = true
      case .unsupportedAuthMechanism, .saslError:
        reason = "\(location): authentication failed for user '\(location.username)'"
        fatal = true
      case .poolClosed, .clientClosedConnection:
        reason = "\(location): the connection pool is closed"
      case .queryCancelled:
        reason = "the query was cancelled"
      default:
        reason = "\(location): unexpected reply from the server"
      }
    } else {
      reason = "\(location): cannot reach the server: \(Self.describe(error))"
      fatal = true
    }
    self.init(operation: operation, reason: reason, isFatal: fatal)
  }

  private static func describe(_ error: (any Error)?) -> String {
    guard let error else { return "connection failed" }
    if let io = error as? IOError {
      switch io.errnoCode {
      case 111: return "connection refused (is PostgreSQL running and listening on that port?)"
      case 110: return "timed out"
      case 113, 101: return "no route to host"
      default: return "system error \(io.errnoCode)"
      }
    }
    if error is NIOConnectionError { return "connection refused or host unreachable" }
    if let timeout = error as? ChannelError, case .connectTimeout = timeout { return "timed out" }
    if error is SocketAddressError { return "unknown host" }
    let text = String(describing: error)
    if text.contains("connectTimeout") { return "timed out" }
    if text.contains("UnknownHost") || text.contains("unknownHost") { return "unknown host" }
    if text.contains("refused") || text.contains("Connection refused") {
      return "connection refused (is PostgreSQL running and listening on that port?)"
    }
    return "connection failed"
  }
}
