/// The Mustache templates, embedded in the binary (`Templates/*.mustache`).
enum Templates {
  static func text(named name: String) -> String? {
    let bytes: [UInt8]? =
      switch name {
      case "layout": PackageResources.layout_mustache
      case "search": PackageResources.search_mustache
      case "quote": PackageResources.quote_mustache
      case "speaker": PackageResources.speaker_mustache
      case "speakers": PackageResources.speakers_mustache
      case "article": PackageResources.article_mustache
      case "error": PackageResources.error_mustache
      case "stories": PackageResources.stories_mustache
      case "story": PackageResources.story_mustache
      case "rewrites": PackageResources.rewrites_mustache
      case "tally": PackageResources.tally_mustache
      case "ledger": PackageResources.ledger_mustache
      case "claims": PackageResources.claims_mustache
      default: nil
      }
    return bytes.map { String(decoding: $0, as: UTF8.self) }
  }
}
