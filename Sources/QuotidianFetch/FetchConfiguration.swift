/// Limits and manners of a ``Fetcher``.
public struct FetchConfiguration: Sendable, Hashable {
  /// Time allowed to open a connection.
  public var connectTimeout: Duration
  /// Time allowed between two reads (and for the first byte of the answer).
  public var readTimeout: Duration
  /// Time allowed for one request, redirects not included, from sending to the last byte.
  public var requestTimeout: Duration
  /// Largest body accepted, in bytes, after gzip/deflate decoding.
  public var maxBytes: Int
  /// Redirects followed before giving up.
  public var maxRedirects: Int
  /// Hosts fetched from in parallel; a host never sees two requests at once.
  public var maxConcurrentHosts: Int
  /// Sent with every request.
  public var userAgent: String

  public static let defaultUserAgent = "Quotidian/0.1 (+https://github.com/quotidian/quotidian)"

  public init(
    connectTimeout: Duration = .seconds(20), readTimeout: Duration = .seconds(20),
    requestTimeout: Duration = .seconds(60), maxBytes: Int = 16 << 20, maxRedirects: Int = 5,
    maxConcurrentHosts: Int = 4, userAgent: String = FetchConfiguration.defaultUserAgent
  ) {
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.requestTimeout = requestTimeout
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
    self.maxConcurrentHosts = maxConcurrentHosts
    self.userAgent = userAgent
  }

  /// Connect and read timeouts both `timeout`; the whole request at most three times that.
  public init(timeout: Duration, maxBytes: Int = 16 << 20) {
    self.init(connectTimeout: timeout, readTimeout: timeout, requestTimeout: timeout * 3, maxBytes: maxBytes)
  }
}
