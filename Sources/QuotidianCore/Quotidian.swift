/// Analyses `text` with the standard English pipeline: quotes, speakers and entities.
///
/// ```swift
/// import QuotidianCore
/// let document = analyze("“We will build it,” the mayor said.")
/// ```
public func analyze(_ text: String) -> Document {
  Pipeline.standard().run(text: text)
}
