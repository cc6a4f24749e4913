/// RFC 5322 / RFC 822 dates ("Sat, 14 Mar 2026 09:30:00 +0100"), as mail and RSS write them,
/// turned into ISO 8601 without changing the time zone the sender wrote.
struct MailDate: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int?
  var minute: Int?
  var second: Int?
  /// Offset from UTC in minutes, when given.
  var offsetMinutes: Int?

  /// "2026-03-14".
  var isoDate: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

  /// "2026-03-14T09:30:00+01:00", or the date alone when no time was given.
  var iso8601: String {
    guard let hour, let minute else { return isoDate }
    var result = "\(isoDate)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second ?? 0, 2))"
    if let offsetMinutes {
      if offsetMinutes == 0 {
        result += "Z"
      } else {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        result += "\(sign)\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
      }
    }
    return result
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
  static let zones: [String: Int] = [
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60,
  ]

  /// Parses an RFC 5322 date; tolerant of a missing weekday or seconds, two-digit years,
  /// zone names and comments. Nil when no day, month and year can be found.
  static func parse(_ value: String) -> MailDate? {
    var text = value
    if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      .map { $0.lowercased() }
    var day: Int?
    var month: Int?
    var year: Int?
    var time: (Int, Int, Int?)?
    var offset: Int?
    for word in words {
      if let index = months.firstIndex(where: { word.hasPrefix($0) }), month == nil,
        word.count <= 9,
        word.first?.isLetter == true
      {
        month = index + 1
      } else if word.contains(":"), time == nil {
        let pieces = word.split(separator: ":").map { Int($0) }
        guard pieces.count >= 2, let hour = pieces[0], let minute = pieces[1], hour < 24,
          minute < 60
        else { continue }
        let second = pieces.count > 2 ? pieces[2] : nil
        time = (hour, minute, second.flatMap { $0 < 61 ? $0 : nil })
      } else if (word.hasPrefix("+") || word.hasPrefix("-")) && word.count == 5,
        let number = Int(word.dropFirst())
      {
        let minutes = (number / 100) * 60 + number % 100
        offset = word.hasPrefix("-") ? -minutes : minutes
      } else if let zone = zones[word] {
        offset = zone
      } else if let number = Int(word) {
        if day == nil && number >= 1 && number <= 31 && word.count <= 2 {
          day = number
        } else if year == nil {
          year = word.count <= 2 ? (number < 50 ? 2000 + number : 1900 + number) : number
        }
      }
    }
    guard let day, let month, let year, year >= 1000, year <= 9999 else { return nil }
    return MailDate(
      year: year, month: month, day: day, hour: time?.0, minute: time?.1, second: time?.2,
      offsetMinutes: time == nil ? nil : offset)
  }
}
