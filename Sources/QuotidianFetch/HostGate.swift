/// Lets one request at a time reach a host, and at most `limit` hosts at once.
///
/// Waiters are served first come, first served among those whose host is free, so a busy
/// host never blocks requests to another one. A cancelled waiter leaves the queue at once.
actor HostGate {
  private let limit: Int
  private var busy: Set<String> = []
  private var waiting: [Waiter] = []
  private var nextID = 0

  private struct Waiter {
    var id: Int
    var host: String
    var continuation: CheckedContinuation<Void, any Error>
  }

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// Waits until `host` is free and a slot is open, then holds it; pair with ``release(_:)``.
  /// Throws `CancellationError` (holding nothing) when the task is cancelled while waiting.
  func acquire(_ host: String) async throws {
    try Task.checkCancellation()
    if !busy.contains(host) && busy.count < limit {
      busy.insert(host)
      return
    }
    let id = nextID
    nextID += 1
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        waiting.append(Waiter(id: id, host: host, continuation: continuation))
      }
    } onCancel: {
      Task { await self.cancel(id) }
    }
  }

  func release(_ host: String) {
    busy.remove(host)
    var index = 0
    while index < waiting.count && busy.count < limit {
      let waiter = waiting[index]
      if busy.contains(waiter.host) {
        index += 1
        continue
      }
      busy.insert(waiter.host)
      waiting.remove(at: index)
      waiter.continuation.resume()
    }
  }

  private func cancel(_ id: Int) {
    guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
    waiting.remove(at: index).continuation.resume(throwing: CancellationError())
  }
}
