import Testing

@testable import QuotidianStore

@Suite struct SearchExpressionTests {
  @Test(arguments: [
    ("jobs", #""jobs""#),
    ("harbour jobs", #"("harbour" AND "jobs")"#),
    ("harbour AND jobs", #"("harbour" AND "jobs")"#),
    ("\"public money\"", #""public money""#),
    ("talk*", #""talk"*"#),
    ("\"ready to t\"*", #""ready to t"*"#),
    ("a OR b c", #"("a" OR ("b" AND "c"))"#),
    ("a b OR c", #"(("a" AND "b") OR "c")"#),
    ("a NOT b c", #"(("a" NOT "b") AND "c")"#),
    ("(a OR b) c", #"(("a" OR "b") AND "c")"#),
    ("a b c d", #"("a" AND "b" AND "c" AND "d")"#),
    ("a OR b OR c", #"("a" OR "b" OR "c")"#),
    ("don't", #""don't""#),
    ("U.S. - tariffs", #"("U.S." AND "tariffs")"#),
    ("or and not", #"("or" AND "and" AND "not")"#),
    ("NEAR a", #"("NEAR" AND "a")"#),
    ("a:b {c}", #"("a:b" AND "{c}")"#),
  ])
  func rendersQuotedFTS5(_ input: String, _ fts5: String) throws {
    #expect(try SearchExpression.parse(input).fts5 == fts5)
  }

  @Test(arguments: [
    ("\"open", "unterminated phrase"),
    ("OR jobs", "expected a word before OR"),
    ("jobs OR", "expected a word after OR"),
    ("(jobs", "missing ')'"),
    ("jobs)", "unexpected ')'"),
    ("", "the search is empty"),
    ("- —", "the search has no words"),
    (String(repeating: "(", count: 200) + "a", "nested too deeply"),
  ])
  func rejectsInvalidSyntaxWithAReason(_ input: String, _ reason: String) {
    #expect(throws: StoreError.self) { try SearchExpression.parse(input) }
    do {
      _ = try SearchExpression.parse(input)
    } catch {
      #expect(error.operation == "query")
      #expect(error.reason.contains(reason), "\(error.reason)")
    }
  }

  @Test(arguments: [
    ("\"ready to talk\"", ["we", "are", "ready", "to", "talk", "tomorrow"], true),
    ("\"ready talk\"", ["we", "are", "ready", "to", "talk", "tomorrow"], false),
    ("tomor*", ["we", "are", "ready", "to", "talk", "tomorrow"], true),
    ("tomorrow*", ["tomorrow"], true),
    ("Benitez", ["benitez"], true),
    ("Benítez", ["benitez"], true),
    ("ready NOT talk", ["ready", "to", "talk"], false),
  ])
  func matchesWordsLikeFTS5(_ input: String, _ words: [String], _ expected: Bool) throws {
    #expect(try SearchExpression.parse(input).matches(words) == expected)
  }
}
