/// Lets one request at a time reach a host, and at most `limit` hosts at once.
///
/// Waiters are served first come, first served among those whose host is free, so a busy
/// host never blocks requests to another one.
actor HostGate {
  private let limit: Int
  private var busy: Set<String> = []
  private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  func acquire(_ host: String) async {
    if !busy.contains(host) && busy.count < limit {
      busy.insert(host)
      return
    }
    await withCheckedContinuation { waiting.append((host, $0)) }
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
}
