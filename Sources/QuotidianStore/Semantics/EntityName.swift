/// How the store reads an entity's name: whether it is a proper name at all, and for people,
/// which words are given names and which the surname.
package struct EntityName: Hashable {
  /// The name as written, trimmed.
  package var text: String
  /// ``TextFolding/key(_:)`` of the text.
  package var key: String
  /// Folded words with leading titles and trailing generational suffixes removed.
  package var words: [String]
  /// The title the name was written with ("senator" in "Senator Kelly"), folded.
  package var title: String?
  /// A proper name, not a description such as "a senior official".
  package var isNamed: Bool

  package init(_ text: String, kind: String) {
    self.text = Self.trimmed(text)
    key = TextFolding.key(self.text)
    isNamed = Self.isProperName(self.text)
    var words = TextFolding.words(self.text)
    if kind == EntityKind.person {
      while words.count > 1, Self.titles.contains(words[0]) {
        title = title.map { $0 + " " + words[0] } ?? words[0]
        words.removeFirst()
      }
      while words.count > 1, let last = words.last, Self.suffixes.contains(last) {
        words.removeLast()
      }
    }
    self.words = words
  }

  /// A single word once titles are dropped: "Kelly", "Senator Kelly".
  package var isBare: Bool { words.count == 1 }

  package var surname: String? { words.last }

  /// `text` trimmed, with every run of whitespace (new lines included) made one space.
  package static func trimmed(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !scalars.isEmpty
        continue
      }
      if pendingSpace {
        scalars.append(" ")
        pendingSpace = false
      }
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// False for descriptions: text without any capital letter ("the minister", "officials"),
  /// or a phrase opened by a determiner or a number whose last word is not capitalised ("a
  /// senior Mexican official", "two White House aides"). "The New York Times" is a name.
  package static func isProperName(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    guard scalars.contains(where: { $0.properties.isUppercase }) else { return false }
    let rawWords = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    guard let first = rawWords.first, let last = rawWords.last else { return false }
    if rawWords.count > 1, determiners.contains(TextFolding.key(String(first))),
      let initial = last.unicodeScalars.first(where: { $0.properties.isAlphabetic }),
      !initial.properties.isUppercase
    {
      return false
    }
    return true
  }

  /// Words that open a description rather than a name (English articles, demonstratives,
  /// possessives and small numbers), folded.
  package static let determiners: Set<String> = [
    "a", "an", "another", "any", "both", "eight", "five", "four", "her", "his", "its", "many",
    "nine", "one",
    "our", "several", "seven", "six", "some", "ten", "that", "the", "their", "these", "this",
    "those", "three",
    "two",
  ]

  /// Titles and offices written before a person's name (English news usage), folded.
  package static let titles: Set<String> = [
    "adm", "admiral", "ambassador", "bishop", "capt", "captain", "cardinal", "chancellor", "chief",
    "coach",
    "col", "colonel", "commissioner", "congressman", "congresswoman", "dame", "deputy", "dr",
    "father", "gen",
    "general", "gov", "governor", "judge", "justice", "king", "lady", "lord", "lt", "mayor",
    "minister",
    "miss", "mr", "mrs", "ms", "mx", "pope", "premier", "president", "prime", "prince", "princess",
    "prof",
    "professor", "queen", "rabbi", "rep", "representative", "rev", "reverend", "secretary", "sen",
    "senator",
    "sgt", "sheriff", "sir", "speaker",
  ]

  /// Generational suffixes written after a name, folded.
  package static let suffixes: Set<String> = ["ii", "iii", "iv", "jr", "sr"]
}

/// The entity kinds of the output contract.
package enum EntityKind {
  package static let person = "person"
}
