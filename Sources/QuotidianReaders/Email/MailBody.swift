/// The part of a MIME tree that carries the readable body, chosen as a mail client would.
struct MailBody {
  enum Content {
    case html(String)
    case text(String)

    var length: Int {
      switch self {
      case .html(let html): html.utf8.count / 3  // markup weighs less than text
      case .text(let text): text.utf8.count
      }
    }
  }

  var content: Content
  /// Headers of the enclosed message when the body came from a `message/rfc822` part.
  var enclosedHeaders: MIMEHeaders?

  /// Picks the body of `entity`: in `multipart/alternative` the richest part the reader can
  /// use (HTML over plain text), in `multipart/related` the root part, in `multipart/mixed`
  /// the first inline text part, or an enclosed (forwarded) message when it is longer.
  /// Parts that cannot be decoded add a message to `problems` and are skipped.
  static func choose(_ entity: MIMEEntity, isTopLevel: Bool = true, problems: inout [String])
    -> MailBody?
  {
    let type = entity.contentType
    if type.isMultipart {
      switch type.subtype {
      case "alternative":
        var textChoice: MailBody?
        for part in entity.parts.reversed() {
          guard let choice = choose(part, isTopLevel: false, problems: &problems) else { continue }
          if case .html = choice.content { return choice }
          if textChoice == nil { textChoice = choice }
        }
        return textChoice
      case "related":
        let start = type.parameters["start"]
        let root =
          entity.parts.first(where: { start != nil && $0.headers["content-id"] == start })
          ?? entity.parts.first
        return root.flatMap { choose($0, isTopLevel: false, problems: &problems) }
      default:
        var primary: MailBody?
        var enclosed: MailBody?
        for part in entity.parts {
          let partType = part.contentType
          let isMessage = partType.type == "message"
          if part.isAttachment && !isMessage { continue }
          if isMessage && enclosed != nil || !isMessage && primary != nil { continue }
          guard let choice = choose(part, isTopLevel: false, problems: &problems) else { continue }
          if isMessage { enclosed = choice } else { primary = choice }
        }
        if let enclosed, enclosed.content.length > (primary?.content.length ?? 0) {
          return enclosed
        }
        return primary
      }
    }
    if type.type == "message" {
      guard let message = entity.parts.first,
        var choice = choose(message, isTopLevel: false, problems: &problems)
      else { return nil }
      if choice.enclosedHeaders == nil { choice.enclosedHeaders = message.headers }
      return choice
    }
    guard type.type == "text", isTopLevel || !entity.isAttachment else { return nil }
    let text: String
    do {
      text = try entity.decodedText()
    } catch {
      problems.append("invalid base64 at byte \(error.byteOffset) of the \(type.mimeType) part")
      return nil
    }
    switch type.subtype {
    case "html", "xhtml+xml": return MailBody(content: .html(text))
    case "plain", "enriched", "markdown", "x-markdown": return MailBody(content: .text(text))
    default: return nil
    }
  }
}
