/// Words and phrases the text readers recognise. Data only; the algorithms are elsewhere.
/// Sources: our reading of common newsletter-platform footers (Mailchimp, Substack, Action
/// Network, Portside-style digests), English month names and newsroom section names.
enum TextLexicon {
  /// Lowercase line beginnings that start a newsletter footer; everything from there is dropped.
  static let footerStarts: [String] = [
    "click here to unsubscribe",
    "forward this email",
    "manage preferences",
    "manage subscription",
    "manage your subscription",
    "share this email",
    "submit via email",
    "submit via web",
    "this email was sent",
    "to stop receiving",
    "to unsubscribe",
    "unsubscribe",
    "update your preferences",
    "update subscription preferences",
    "view in browser",
    "view this email in your browser",
    "view this email online",
    "you are receiving this",
    "you received this",
    "you're receiving this",
    "you\u{2019}re receiving this",
  ]

  /// ``footerStarts`` as bytes.
  static let footerStartBytes: [[UInt8]] = footerStarts.map { Array($0.utf8) }
  /// ``creditStarts`` as bytes.
  static let creditStartBytes: [[UInt8]] = creditStarts.map { Array($0.utf8) }

  /// Lowercase beginnings of a caption's credit, inside parentheses or on a line of its own.
  static let creditStarts: [String] = [
    "credit:",
    "courtesy",
    "illustration by",
    "illustration:",
    "image:",
    "image credit",
    "photo by",
    "photo credit",
    "photo illustration",
    "photo:",
    "photograph by",
    "photograph:",
    "photographs by",
    "photos:",
  ]

  /// Agencies and libraries whose name inside a final parenthesis marks a photo credit.
  static let creditAgencies: [String] = [
    "AFP", "AP Photo", "Alamy", "EPA", "Getty", "Images", "NurPhoto", "Reuters", "Shutterstock",
  ]

  /// English month names and their abbreviations, lowercase, with the month number.
  static let months: [String: Int] = [
    "apr": 4, "april": 4, "aug": 8, "august": 8, "dec": 12, "december": 12, "feb": 2, "february": 2,
    "jan": 1, "january": 1, "jul": 7, "july": 7, "jun": 6, "june": 6, "mar": 3, "march": 3,
    "may": 5,
    "nov": 11, "november": 11, "oct": 10, "october": 10, "sep": 9, "sept": 9, "september": 9,
  ]

  /// Words that may precede a date on a date line ("Published March 3, 2026").
  static let dateLeadWords: Set<String> = [
    "friday", "monday", "on", "posted", "published", "saturday", "sunday", "thursday", "tuesday",
    "updated", "wednesday",
  ]

  /// Lowercase newsroom section names shown above or below a byline.
  static let sections: Set<String> = [
    "analysis", "arts", "books", "business", "climate", "commentary", "culture", "economy",
    "editorial", "education", "entertainment", "environment", "essay", "features", "health",
    "ideas", "interview", "investigation", "lifestyle", "local", "markets", "media", "national",
    "news", "op-ed", "opinion", "politics", "review", "science", "sport", "sports", "tech",
    "technology", "travel", "u.s.", "us", "world",
  ]

  /// Words that mark a line as a publication's name.
  static let outletWords: Set<String> = [
    "Atlantic", "Axios", "Bloomberg", "Chronicle", "Daily", "Dispatch", "Economist", "Gazette",
    "Guardian", "Herald", "Independent", "Inquirer", "Intercept", "Jacobin", "Journal", "Magazine",
    "Media", "Monthly", "Nation", "Network", "News", "Observer", "Politico", "Post", "Press",
    "ProPublica", "Prospect", "Radio", "Report", "Republic", "Reuters", "Review", "Telegraph",
    "Times", "Tribune", "Truthout", "Vox", "Weekly", "Wire",
  ]

  /// Lowercase particles allowed inside a person's name.
  static let nameParticles: Set<String> = [
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le", "van",
    "von",
    "y",
  ]

  /// Capitalised words that begin a sentence or a heading but never a person's name.
  static let nonNameWords: Set<String> = [
    "A", "After", "All", "An", "And", "As", "At", "But", "By", "For", "From", "He", "Her", "His",
    "How",
    "If", "In", "It", "Its", "New", "No", "Not", "Of", "On", "One", "Our", "She", "So", "That",
    "The",
    "Their", "There", "They", "This", "To", "Two", "We", "What", "When", "Where", "Who", "Why",
    "With",
    "You",
  ]

  /// Lowercase three-letter beginnings of English words that start with "I". A paragraph that
  /// starts with "I" glued to a word not in this set is a drop-cap artefact ("Itraveled").
  static let iWordPrefixes: Set<String> = [
    "iam", "ibe", "ibi", "ibm", "ibr", "ica", "ice", "ich", "ici", "ick", "ico", "icu", "icy",
    "ida",
    "ide", "idi", "idl", "ido", "ids", "idy", "iff", "ifs", "igl", "ign", "igu", "ike", "ila",
    "ile",
    "ili", "ilk", "ill", "ilo", "ima", "imb", "imi", "imm", "imo", "imp", "imr", "ina", "inb",
    "inc", "ind", "ine", "inf", "ing", "inh", "ini", "inj", "ink", "inl", "inm", "inn", "ino",
    "inp",
    "inq", "inr", "ins", "int", "inu", "inv", "inw", "ioa", "iod", "ion", "iot", "iow", "ipa",
    "iph",
    "ips", "ira", "ire", "iri", "irk", "iro", "irr", "irv", "isa", "isc", "ise", "ish", "isi",
    "isl",
    "ism", "iso", "isr", "iss", "ist", "ita", "itc", "ite", "ith", "its", "iva", "ive", "ivi",
    "ivo",
    "ivy", "iza",
  ]

  /// Verbs that often follow a first-person "I" at the start of a paragraph.
  static let firstPersonVerbs: Set<String> = [
    "am", "asked", "began", "came", "did", "first", "found", "grew", "had", "have", "heard", "knew",
    "met", "once", "remember", "said", "sat", "saw", "spent", "spoke", "talked", "think", "told",
    "took", "tried", "visited", "walked", "want", "was", "went", "wondered", "wrote",
  ]

  /// Abbreviations (without their period) that precede a name and so never end a sentence.
  static let titleAbbreviations: Set<String> = [
    "Adm", "Capt", "Col", "Cpl", "Dr", "Gen", "Gov", "Lt", "Maj", "Mr", "Mrs", "Ms", "No", "Prof",
    "Rep",
    "Rev", "Sen", "Sgt", "St", "vs",
  ]
}
