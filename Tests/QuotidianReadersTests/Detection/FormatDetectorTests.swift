import Testing

@testable import QuotidianReaders

@Suite struct FormatDetectorTests {
  @Test(arguments: [
    ("<!DOCTYPE html><html><body>Hi</body></html>", "page", "html"),
    ("  <html lang=\"en\"><p>Hi</p></html>", "page", "html"),
    ("Plain words about a ferry.", "story.html", "html"),
    ("From: Jane Roe <jane@example.org>\nSubject: Ferry\nMIME-Version: 1.0\n\nBody", "msg", "eml"),
    (
      "From jane@example.org Mon Mar  2 10:00:00 2026\nFrom: Jane\nSubject: A\n\nBody", "box",
      "mbox"
    ),
    ("From the harbor, the ferry left at dawn.\nIt was cold.", "story", "text"),
    ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>", "feed", "feed"),
    ("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "feed", "feed"),
    ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", "feed.json", "feed"),
    ("WARC/1.1\r\nWARC-Type: response\r\n", "archive", "warc"),
    ("{\"text\": \"one\"}\n{\"text\": \"two\"}\n", "lines", "jsonl"),
    ("Title\n[[link removed]]\nBody text.", "copy.txt", "newsletter"),
    ("The council met [link removed] on Monday.", "copy.txt", "newsletter"),
    ("Just an article about the harbor.", "article.txt", "text"),
  ])
  func detects(_ content: String, _ name: String, _ expected: String) {
    #expect(FormatDetector.detect(bytes: Array(content.utf8), name: name).name == expected)
  }
}
