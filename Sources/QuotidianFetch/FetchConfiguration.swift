/// Limits and manners of a ``Fetcher``.
public struct FetchConfiguration: Sendable, Hashable {
  /// Time allowed to open a connection.
  public var connectTimeout: Duration
  /// Time allowed between two reads (and for the first byte of the answer).
  public var readTimeout: Duration
  /// Time allowed for one request, from sending to the last byte: a server that drips its
  /// answer is cut off here. It starts when the host's turn comes (a request queued behind
  /// others to the same host is not charged for their time); each redirect is a new request.
  public var requestTimeout: Duration
  /// Largest body accepted, in bytes, after gzip/deflate decoding.
  public var maxBytes: Int
  /// Redirects followed before giving up.
  public var maxRedirects: Int
  /// Hosts fetched from in parallel; a host never sees two requests at once.
  public var maxConcurrentHosts: Int
  /// Sent with every request.
  public var userAgent: String
  /// Whether loopback, private and link-local addresses may be fetched (off by default:
  /// links in feeds must not reach this machine or its network).
  public var allowPrivateAddresses: Bool
  /// Whether each host's robots.txt is read and obeyed for ``robotsAgent``.
  public var obeysRobots: Bool
  /// The product token robots.txt groups are matched against.
  public var robotsAgent: String

  public static let defaultUserAgent = "Quotidian/0.1 (+https://github.com/quotidian/quotidian)"

  public init(
    connectTimeout: Duration = .seconds(20), readTimeout: Duration = .seconds(20),
    requestTimeout: Duration = .seconds(20), maxBytes: Int = 16 << 20, maxRedirects: Int = 5,
    maxConcurrentHosts: Int = 4, userAgent: String = FetchConfiguration.defaultUserAgent,
    allowPrivateAddresses: Bool = false, obeysRobots: Bool = true
  ) {
    self.allowPrivateAddresses = allowPrivateAddresses
    self.obeysRobots = obeysRobots
    self.robotsAgent = "Quotidian"
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.requestTimeout = requestTimeout
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
    self.maxConcurrentHosts = maxConcurrentHosts
    self.userAgent = userAgent
  }

  /// Connect, read and whole-fetch timeouts all `timeout`.
  public init(
    timeout: Duration, maxBytes: Int = 16 << 20, allowPrivateAddresses: Bool = false,
    obeysRobots: Bool = true
  ) {
    self.init(
      connectTimeout: timeout, readTimeout: timeout, requestTimeout: timeout, maxBytes: maxBytes,
      allowPrivateAddresses: allowPrivateAddresses, obeysRobots: obeysRobots)
  }
}
