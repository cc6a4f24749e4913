// libFuzzer harness: RSS, Atom, JSON Feed and OPML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = FeedReader.readBatch(bytes: bytes, source: "fuzz.xml")
  _ = try? OPML.subscriptions(in: bytes, source: "fuzz.opml")
  _ = FeedReader.sniff(bytes)
  return 0
}
