/// Finds the main text of a page in an ``HTMLTree`` with the learned block classifier.
///
/// 1. The page is cut into blocks of text (``HTMLBlocks``), each described by features of
///    its text (length, link density, punctuation, function words), its place (tag path,
///    class and id words of its ancestors, position, distance to the headline and to the
///    densest text) and its neighbours.
/// 2. ``HTMLBlockModel`` scores each block, rescores it with its neighbours' scores (the
///    sequence step), and keeps the contiguous region of likely main text, less the unlikely
///    blocks inside it. Readers' comments stay out unless `includeComments` is set.
struct HTMLMainText {
  let tree: HTMLTree
  let articleBody: String?
  let model: HTMLBlockModel
  var includeComments = false

  init(tree: HTMLTree, articleBody: String?, model: HTMLBlockModel) {
    self.tree = tree
    self.articleBody = articleBody
    self.model = model
  }

  /// The paragraphs of the main text.
  func paragraphs() -> [String] {
    let blocks = HTMLBlocks(tree: tree, articleBody: articleBody)
    return model.mainBlocks(blocks, includeComments: includeComments).map {
      String(decoding: blocks.blocks[$0].text, as: UTF8.self)
    }
  }
}
