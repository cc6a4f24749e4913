import AsyncHTTPClient
import QuotidianReaders

/// Fetches pages and feeds over HTTP(S).
enum FetchPlaceholder {}
