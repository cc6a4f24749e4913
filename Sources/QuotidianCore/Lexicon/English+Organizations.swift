extension English {
  /// Organisations news text names without an organisation word: agencies, acronyms,
  /// outlets and institutions. Source: our own list. Sorted.
  static let knownOrganizations: [String] = [
    "AFP", "AP", "ATF", "Al Jazeera", "Amazon", "Apple", "Associated Press", "BBC", "Bloomberg",
    "CBP", "CBS", "CDC", "CIA", "CNN", "Capitol Hill", "Congress", "DEA", "DHS", "DOJ",
    "Defense Department", "Downing Street", "EU", "European Union", "FBI", "FDA", "Facebook",
    "Google", "Hamas", "Hezbollah", "Homeland Security", "Homeland Security Investigations",
    "ICE", "IMF", "Interpol", "Kremlin", "Meta", "Microsoft", "NASA", "NATO", "NBC", "NPR",
    "NSA", "Nasdaq", "OPEC", "Pentagon", "Politico", "Reuters", "Senate", "State Department",
    "Supreme Court", "Taliban", "The Atlantic", "The Economist", "The Guardian",
    "The New York Times", "The Wall Street Journal", "The Washington Post", "Treasury",
    "UN", "UNESCO", "UNICEF", "United Nations", "White House", "World Bank",
    "World Health Organization",
  ]

  /// Words that make a capitalised run an organisation when they end it ("Acme Inc") or
  /// open it ("Department of …", "University of …"). Source: our own list. Sorted.
  static let organizationHeads: [String] = [
    "academy", "agency", "airlines", "alliance", "association", "bank", "bureau", "cartel",
    "center", "centre", "co", "college", "commission", "committee", "company", "congress",
    "corp", "corporation", "council", "court", "department", "federation", "foundation",
    "fund", "group", "holdings", "hospital", "inc", "institute", "institution", "investigations",
    "llc", "ltd", "ministry", "movement", "navy", "network", "office", "organization",
    "organisation", "parliament", "partners", "party", "plc", "police", "press", "school",
    "senate", "service", "services", "society", "times", "tribunal", "union", "university",
  ]

  /// Acronyms that are places, not organisations. Sorted.
  static let placeAcronyms: [String] = ["UAE", "UK", "US", "USA"]
}
