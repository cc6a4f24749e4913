/// The most frequent function words of each language the identifier knows, by ISO 639-1
/// code. Sorted within each language.
///
/// Source: our own lists of articles, prepositions, conjunctions, pronouns and auxiliaries,
/// the words that make up a large share of any running text in the language. A word may
/// belong to several languages ("de", "la", "en"); the identifier weighs it by how many.
package enum LanguageProfiles {
  package static let stopWords: [(language: String, words: [String])] = [
    (
      "de",
      [
        "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein",
        "eine", "einem", "einen", "einer", "ich", "ist", "mit", "nach", "nicht", "noch", "oder",
        "sich", "sie", "sind", "und", "von", "war", "werden", "wie", "wird", "wurde", "zu", "zum",
        "zur", "über",
      ]
    ),
    (
      "en",
      [
        "a", "about", "after", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
        "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "is", "it",
        "its", "not", "of", "on", "or", "said", "she", "that", "the", "their", "there", "they",
        "this", "to", "was", "we", "were", "which", "who", "will", "with", "would", "you",
      ]
    ),
    (
      "es",
      [
        "a", "al", "ante", "así", "aunque", "ayer", "años", "cada", "como", "con", "contra",
        "cuando", "de", "del", "desde", "dijo", "donde", "durante", "el", "ella", "en", "entre",
        "es", "esa", "ese", "eso", "esta", "este", "esto", "estos", "está", "fue", "ha", "hace",
        "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los", "muy", "más", "no", "nos",
        "otra", "otro", "para", "pero", "por", "porque", "que", "quien", "se", "según", "ser",
        "sido", "sin", "sobre", "son", "su", "sus", "también", "todo", "todos", "tras", "un", "una",
        "y", "ya", "él",
      ]
    ),
    (
      "fr",
      [
        "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et",
        "il", "ils", "la", "le", "les", "leur", "mais", "ne", "nous", "ont", "ou", "par", "pas",
        "plus", "pour", "qu", "que", "qui", "sa", "se", "son", "sont", "sur", "un", "une", "été",
      ]
    ),
    (
      "it",
      [
        "a", "al", "alla", "anche", "che", "con", "da", "dei", "del", "della", "di", "e", "gli",
        "ha", "il", "in", "la", "le", "ma", "nel", "nella", "non", "per", "più", "si", "sono",
        "stato", "su", "tra", "un", "una", "è",
      ]
    ),
    (
      "nl",
      [
        "aan", "bij", "dat", "de", "die", "een", "en", "er", "het", "hij", "in", "is", "maar",
        "met", "niet", "nog", "ook", "op", "te", "van", "voor", "was", "wat", "werd", "wordt",
        "zijn",
      ]
    ),
    (
      "pt",
      [
        "a", "ao", "as", "com", "como", "da", "das", "de", "do", "dos", "ela", "ele", "em", "entre",
        "foi", "há", "isso", "mais", "mas", "na", "nas", "no", "nos", "não", "os", "para", "pela",
        "pelo", "por", "que", "se", "sem", "seu", "sua", "também", "um", "uma", "à", "é",
      ]
    ),
  ]
}
