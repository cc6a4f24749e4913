import Foundation

/// A `From:` value shown as "Name <address>" (quotes removed), or the address alone.
enum MailAddress {
  static func display(_ value: String) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"),
      open < close
    else {
      return trimmed
    }
    let address = trimmed[trimmed.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
    var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
    if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
      name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }
    if name.isEmpty { return address }
    return address.isEmpty ? name : "\(name) <\(address)>"
  }
}
