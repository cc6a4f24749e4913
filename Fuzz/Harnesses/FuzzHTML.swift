// libFuzzer harness: the HTML reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? HTMLReader.read(bytes: bytes, source: "fuzz.html")
  return 0
}
