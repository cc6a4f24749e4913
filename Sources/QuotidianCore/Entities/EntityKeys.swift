/// Word keys the entity rules test for, hashed once.
enum Keys {
  static let and = WordKey("and")
  static let `as` = WordKey("as")
  static let at = WordKey("at")
  static let been = WordKey("been")
  static let between = WordKey("between")
  static let bin = WordKey("bin")
  static let `for` = WordKey("for")
  static let from = WordKey("from")
  static let had = WordKey("had")
  static let ibn = WordKey("ibn")
  static let `in` = WordKey("in")
  static let of = WordKey("of")
  static let once = WordKey("once")
  static let one = WordKey("one")
  static let previously = WordKey("previously")
  static let since = WordKey("since")
  static let some = WordKey("some")
  static let the = WordKey("the")
  static let to = WordKey("to")
  static let under = WordKey("under")
  static let until = WordKey("until")
  static let who = WordKey("who")
  static let with = WordKey("with")
  static let placePrepositions: Set<WordKey> = Set(
    ["across", "from", "in", "near", "outside"].map(WordKey.init))
  static let predicateAdverbs: Set<WordKey> = Set(
    ["also", "currently", "had", "has", "have", "long", "now", "once", "previously", "still"].map(
      WordKey.init))
}
