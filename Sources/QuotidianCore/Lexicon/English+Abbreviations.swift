extension English {
  /// Words that take a period without ending a sentence (lower-cased, without the period).
  /// Source: common English abbreviations in news style. Sorted.
  static let abbreviations: [String] = [
    "adm", "approx", "apr", "aug", "ave", "blvd", "brig", "capt", "cmdr", "co", "col", "corp",
    "dec", "dept", "dr", "e.g", "etc", "feb", "fig", "ft", "gen", "gov", "i.e", "inc", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov",
    "oct", "p.m", "a.m", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt",
    "vs",
  ]
}
