import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which hosts a fetch may reach. Links inside feeds and pages are written by others, so by
/// default nothing on this machine or its private networks is fetched: loopback, private,
/// link-local, carrier-grade NAT, multicast and unspecified addresses, in every spelling the
/// resolver accepts (`localhost`, `2130706433`, `0x7f.1`, `0.0.0.0`, `[::1]`, `[::ffff:10.0.0.1]`).
///
/// The host is resolved before the request and every address it resolves to is checked.
/// (The HTTP client resolves again when it connects; a name whose answers change between the
/// two lookups is not caught.)
enum AddressPolicy {
  /// Why `host` may not be fetched, or nil when every address it resolves to is public. A
  /// name that does not resolve is left to the HTTP client, which reports it.
  static func refusal(host rawHost: String) -> String? {
    var host = rawHost.lowercased()
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if host == "localhost" || host.hasSuffix(".localhost") {
      return "\(rawHost) is this machine (loopback)"
    }
    for address in addresses(of: host) {
      if let kind = privateKind(address) {
        return "\(rawHost) resolves to \(describe(address)), a \(kind) address"
      }
    }
    return nil
  }

  enum Address: Hashable {
    case v4(UInt32)
    case v6([UInt8])
  }

  static func addresses(of host: String) -> [Address] {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
    hints.ai_socktype = SOCK_STREAM
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
    defer { freeaddrinfo(first) }
    var result: [Address] = []
    var cursor: UnsafeMutablePointer<addrinfo>? = first
    while let entry = cursor {
      if let socketAddress = entry.pointee.ai_addr {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
          let value = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
            $0.pointee.sin_addr.s_addr
          }
          result.append(.v4(UInt32(bigEndian: value)))
        case AF_INET6:
          let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
            pointer in
            withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
          }
          result.append(.v6(bytes))
        default:
          break
        }
      }
      cursor = entry.pointee.ai_next
    }
    return result
  }

  /// "loopback", "private", … for an address that is not on the public internet.
  static func privateKind(_ address: Address) -> String? {
    switch address {
    case .v4(let value):
      func within(_ base: UInt32, _ bits: UInt32) -> Bool {
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return value & mask == base & mask
      }
      if within(0x7F00_0000, 8) { return "loopback" }
      if within(0x0000_0000, 8) { return "unspecified" }
      if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) {
        return "private"
      }
      if within(0xA9FE_0000, 16) { return "link-local" }
      if within(0x6440_0000, 10) { return "shared (carrier-grade NAT)" }
      if within(0xE000_0000, 4) || within(0xF000_0000, 4) { return "multicast or reserved" }
      return nil
    case .v6(let bytes):
      guard bytes.count == 16 else { return "malformed" }
      if bytes[0..<15].allSatisfy({ $0 == 0 }) {
        return bytes[15] == 1 ? "loopback" : "unspecified"
      }
      // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms carry an IPv4 address.
      if bytes[0..<10].allSatisfy({ $0 == 0 })
        && ((bytes[10] == 0xFF && bytes[11] == 0xFF) || (bytes[10] == 0 && bytes[11] == 0))
      {
        let value =
          UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8
          | UInt32(bytes[15])
        return privateKind(.v4(value))
      }
      if bytes[0] & 0xFE == 0xFC { return "private (unique local)" }
      if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "link-local" }
      if bytes[0] == 0xFF { return "multicast" }
      return nil
    }
  }

  static func describe(_ address: Address) -> String {
    switch address {
    case .v4(let value):
      return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    case .v6(let bytes):
      var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
      var raw = in6_addr()
      withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
      guard inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil else {
        return "an IPv6 address"
      }
      return String(cString: text)
    }
  }
}
