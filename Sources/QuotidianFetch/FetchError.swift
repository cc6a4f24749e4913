public import QuotidianReaders

/// Why a URL could not be fetched or read. Carries the URL and the problem.
public struct FetchError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// No connection, or no bytes, within the configured time.
    case timeout
    /// The body is larger than the configured cap (after decompression).
    case tooLarge(limit: Int)
    /// The server answered with a status that is neither success, redirect nor 304.
    case http(status: Int)
    /// More redirects than allowed, or a redirect loop.
    case tooManyRedirects(limit: Int)
    /// Not an absolute http(s) URL, or a redirect to one that is not.
    case invalidURL
    /// The connection failed (DNS, refused, reset, TLS…).
    case network(reason: String)
    /// The body was fetched but no reader could make an article of it.
    case unreadable(ReadError)
    /// Not fetched on purpose: a private address, or the site's robots.txt.
    case refused(reason: String)
  }

  public var url: String
  public var kind: Kind

  public init(url: String, kind: Kind) {
    self.url = url
    self.kind = kind
  }

  /// The problem in words, without the URL.
  public var message: String {
    switch kind {
    case .timeout: "timed out"
    case .tooLarge(let limit): "response too large (limit \(limit) bytes)"
    case .http(let status): "HTTP status \(status)"
    case .tooManyRedirects(let limit): "too many redirects (limit \(limit))"
    case .invalidURL: "not an http(s) URL"
    case .network(let reason): "network error: \(reason)"
    case .unreadable(let error): error.message
    case .refused(let reason): "not fetched: \(reason)"
    }
  }

  /// Compiler style: `URL: error: message`.
  public var description: String {
    if case .unreadable(let error) = kind, error.source != url { return error.description }
    return "\(url): error: \(message)"
  }
}
