import Testing

@testable import QuotidianFetch

@Suite struct HostGateTests {
  /// Records how many holders each host and the gate have at once.
  actor Meter {
    var perHost: [String: Int] = [:]
    var peakPerHost: [String: Int] = [:]
    var total = 0
    var peakTotal = 0
    func enter(_ host: String) {
      perHost[host, default: 0] += 1
      total += 1
      peakPerHost[host] = max(peakPerHost[host] ?? 0, perHost[host] ?? 0)
      peakTotal = max(peakTotal, total)
    }
    func leave(_ host: String) {
      perHost[host, default: 0] -= 1
      total -= 1
    }
  }

  @Test(arguments: [(limit: 2, hosts: ["a", "a", "a", "b", "b", "c", "c", "c"])])
  func oneHolderPerHostAndAtMostLimitHosts(limit: Int, hosts: [String]) async {
    let gate = HostGate(limit: limit)
    let meter = Meter()
    await withTaskGroup(of: Void.self) { group in
      for host in hosts {
        group.addTask {
          try? await gate.acquire(host)
          await meter.enter(host)
          try? await Task.sleep(for: .milliseconds(20))
          await meter.leave(host)
          await gate.release(host)
        }
      }
    }
    #expect(await meter.peakPerHost.values.allSatisfy { $0 == 1 })
    #expect(await meter.peakTotal == limit)
  }

  @Test(.timeLimit(.minutes(1)), arguments: ["a"])
  func cancelledWaiterLeavesTheQueue(host: String) async throws {
    let gate = HostGate(limit: 1)
    try await gate.acquire(host)
    let waiter = Task { try await gate.acquire(host) }
    try await Task.sleep(for: .milliseconds(20))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    // The cancelled waiter must not have taken the host: releasing frees it for the next one.
    await gate.release(host)
    try await gate.acquire(host)
    await gate.release(host)
  }
}
