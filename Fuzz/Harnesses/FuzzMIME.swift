// libFuzzer harness: MIME messages and mbox mailboxes. Built by Fuzz/build.sh together with
// the QuotidianReaders sources (one module), so it can call the internal readers directly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? EmailReader.read(bytes: bytes, source: "fuzz.eml")
  _ = MboxReader.readBatch(bytes: bytes, source: "fuzz.mbox")
  _ = EmailReader.sniff(bytes)
  return 0
}
