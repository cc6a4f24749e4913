// libFuzzer harness: WARC archives (plain or gzip) and the gunzip cap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = WARCReader.readBatch(bytes: bytes, source: "fuzz.warc")
  _ = try? Gunzip.decompressIfNeeded(bytes, source: "fuzz.gz", limit: 1 << 22)
  _ = JSONLinesReader.readBatch(bytes: bytes, source: "fuzz.jsonl")
  return 0
}
