import Foundation

/// A site's robots.txt rules for one user agent (RFC 9309): the group naming the agent's
/// product token, else the `*` group; the longest matching `Allow`/`Disallow` path wins, and
/// `Allow` wins a tie. `*` matches any run of characters and a final `$` anchors the end.
struct Robots: Sendable, Hashable {
  struct Rule: Sendable, Hashable {
    var allow: Bool
    var pattern: String
  }

  var rules: [Rule]

  static let allowAll = Robots(rules: [])
  static let disallowAll = Robots(rules: [Rule(allow: false, pattern: "/")])

  /// The rules in `text` for `agent`, a product token such as "Quotidian" (case-insensitive).
  init(parsing text: String, agent: String) {
    let agent = agent.lowercased()
    var groups: [(agents: [String], rules: [Rule])] = []
    var collectingAgents = false
    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
    {
      let line =
        rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      guard let colon = line.firstIndex(of: ":") else { continue }
      let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch field {
      case "user-agent":
        if !collectingAgents || groups.isEmpty { groups.append(([], [])) }
        groups[groups.count - 1].agents.append(value.lowercased())
        collectingAgents = true
      case "allow", "disallow":
        collectingAgents = false
        guard !groups.isEmpty, !value.isEmpty else { continue }
        groups[groups.count - 1].rules.append(Rule(allow: field == "allow", pattern: value))
      default:
        continue
      }
    }
    let named = groups.filter { group in group.agents.contains { $0 != "*" && agent.hasPrefix($0) }
    }
    let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
    rules = chosen.flatMap(\.rules)
  }

  init(rules: [Rule]) {
    self.rules = rules
  }

  /// Whether `path` (path and query of a URL) may be fetched.
  func allows(_ path: String) -> Bool {
    var best: Rule?
    for rule in rules where Self.matches(rule.pattern, path) {
      if let current = best {
        let longer = rule.pattern.utf8.count > current.pattern.utf8.count
        let tieAllow = rule.pattern.utf8.count == current.pattern.utf8.count && rule.allow
        if longer || tieAllow { best = rule }
      } else {
        best = rule
      }
    }
    return best?.allow ?? true
  }

  /// Whether `pattern` matches the start of `path`, with `*` and a final `$`.
  static func matches(_ pattern: String, _ path: String) -> Bool {
    var pattern = Array(pattern.utf8)
    let anchored = pattern.last == UInt8(ascii: "$")
    if anchored { pattern.removeLast() }
    let text = Array(path.utf8)
    // Greedy wildcard matching with backtracking over the last star.
    var p = 0
    var t = 0
    var star = -1
    var mark = 0
    while t < text.count {
      if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
        star = p
        mark = t
        p += 1
      } else if p < pattern.count && pattern[p] == text[t] {
        p += 1
        t += 1
      } else if p == pattern.count && !anchored {
        return true
      } else if star >= 0 {
        p = star + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }
}

/// robots.txt per host for one fetcher, fetched once.
actor RobotsCache {
  private var known: [String: Robots] = [:]
  private var pending: [String: Task<Robots, Never>] = [:]

  func robots(for key: String, load: @escaping @Sendable () async -> Robots) async -> Robots {
    if let robots = known[key] { return robots }
    if let task = pending[key] { return await task.value }
    let task = Task { await load() }
    pending[key] = task
    let robots = await task.value
    known[key] = robots
    pending[key] = nil
    return robots
  }
}
