import Foundation

/// The validators a server gave for a resource, sent back for a conditional GET.
public struct Validators: Sendable, Hashable, Codable {
  /// `ETag`, sent back as `If-None-Match`.
  public var etag: String?
  /// `Last-Modified`, sent back as `If-Modified-Since`.
  public var lastModified: String?

  public init(etag: String? = nil, lastModified: String? = nil) {
    self.etag = etag
    self.lastModified = lastModified
  }

  public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// What a GET returned: the body of a 2xx answer, or "not modified".
public struct FetchResponse: Sendable, Hashable {
  /// The URL asked for.
  public var requestedURL: String
  /// The URL answered, after redirects.
  public var url: String
  /// The final status (2xx or 304).
  public var status: Int
  /// `Content-Type`, if given ("text/html; charset=utf-8").
  public var contentType: String?
  /// The validators to send next time.
  public var validators: Validators
  /// The body, decoded from gzip/deflate; empty for 304.
  public var body: [UInt8]

  public init(
    requestedURL: String, url: String, status: Int, contentType: String? = nil,
    validators: Validators = .init(), body: [UInt8] = []
  ) {
    self.requestedURL = requestedURL
    self.url = url
    self.status = status
    self.contentType = contentType
    self.validators = validators
    self.body = body
  }

  /// The server said the resource has not changed since the validators sent (304).
  public var isNotModified: Bool { status == 304 }

  /// The media type without parameters, lowercased ("text/html").
  public var mediaType: String? {
    guard let contentType else { return nil }
    let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
    let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
    return trimmed.isEmpty ? nil : trimmed
  }
}
