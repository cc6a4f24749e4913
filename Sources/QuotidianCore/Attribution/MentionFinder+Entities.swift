/// Grouping name mentions into entities, with person evidence, gender and roles.
extension MentionFinder {
  func group(
    _ runs: [NameRun], mentions: inout [Mention], index: DocumentIndex,
    bytes: UnsafeBufferPointer<UInt8>,
    document: Document, cues: CueScanner, inside: [Bool]
  ) -> [Entity] {
    let tokens = index.tokens
    struct Cluster {
      var keys: [WordKey]
      var runs: [Int]
      var isOrganization: Bool
      var isPerson = false
      var gender: Entity.Gender?
      var roles: [String] = []
      var votes = (feminine: 0, masculine: 0)
    }
    var clusters: [Cluster] = []
    var clusterOfRun = [Int](repeating: -1, count: runs.count)
    let order = runs.indices.sorted { (runs[$0].keys.count, -$0) > (runs[$1].keys.count, -$1) }
    // Every suffix of a cluster's name points at the first (longest) cluster that has it.
    struct SuffixKey: Hashable {
      var keys: [WordKey]
      var isOrganization: Bool
    }
    var bySuffix: [SuffixKey: Int] = [:]
    var byPart: [SuffixKey: Int] = [:]
    for r in order {
      let run = runs[r]
      let key = SuffixKey(keys: run.keys, isOrganization: run.isOrganization)
      if let c = bySuffix[key] ?? byPart[key] {
        clusters[c].runs.append(r)
        clusterOfRun[r] = c
      } else {
        let c = clusters.count
        clusterOfRun[r] = c
        clusters.append(Cluster(keys: run.keys, runs: [r], isOrganization: run.isOrganization))
        for start in run.keys.indices {
          let suffix = SuffixKey(
            keys: Array(run.keys[start...]), isOrganization: run.isOrganization)
          if bySuffix[suffix] == nil { bySuffix[suffix] = c }
        }
        // Other parts of a person's name: "Tomás Ibáñez" or "Ibáñez" for "Tomás Ibáñez de la
        // Fuente", "Peñalver" for "Joaquín Peñalver Ruiz" (not a given name alone).
        if !run.isOrganization, run.keys.count >= 3 {
          for start in 0..<run.keys.count {
            for end in (start + 1)..<run.keys.count where end - start >= (start == 0 ? 2 : 1) {
              let part = Array(run.keys[start..<end])
              guard let first = part.first, let last = part.last,
                !lexicon.nameParticles.contains(first),
                !lexicon.nameParticles.contains(last)
              else { continue }
              let partKey = SuffixKey(keys: part, isOrganization: false)
              if byPart[partKey] == nil { byPart[partKey] = c }
            }
          }
        }
      }
    }
    // Person evidence, roles and gender from titles and given names.
    for c in clusters.indices {
      for r in clusters[c].runs {
        let run = runs[r]
        if run.hasTitle {
          clusters[c].isPerson = true
          if let gender = run.titleGender, let gender { clusters[c].gender = gender }
          if let title = run.title { clusters[c].roles.append(document.string(title)) }
        }
        if run.keys.count >= 2, let gender = lexicon.givenNames[run.keys[0]] {
          clusters[c].isPerson = true
          if clusters[c].gender == nil { clusters[c].gender = gender }
        }
        // Subject of a speech verb, or after an inverted one.
        var t = run.lastToken + 1
        while t < tokens.count, index.isWord(t), lexicon.verbModifiers.contains(index.keys[t]) {
          t += 1
        }
        if cues.cue(at: t, in: index) != nil { clusters[c].isPerson = true }
        if run.firstToken > 0, let cue = cues.cue(at: run.firstToken - 1, in: index),
          cue.lemma != "according to"
        {
          clusters[c].isPerson = true
        }
        // A role before the name: "El embajador de Rusia en México, Name, …".
        if let role = roleBefore(run.firstToken, index: index, bytes: bytes) {
          clusters[c].isPerson = clusters[c].isPerson || !clusters[c].isOrganization
          clusters[c].roles.append(document.string(role.range))
          if clusters[c].gender == nil, let g = role.gender { clusters[c].gender = g }
        }
        // Apposition: "Name, a doctor at the clinic, said".
        let after = run.lastToken + 1
        if index.isPunctuation(after, UInt8(ascii: ","), bytes), index.isWord(after + 1),
          !inside[after + 1]
        {
          let k = index.keys[after + 1]
          if lexicon.definiteDeterminers.contains(k) || lexicon.indefiniteDeterminers.contains(k)
            || !tokens[after + 1].isCapitalized || lexicon.titles[k] != nil
          {
            var e = after + 1
            while e < tokens.count, e < after + 16,
              tokens[e].kind != .punctuation
                || bytes[tokens[e].range.lowerBound] == UInt8(ascii: "-")
                || bytes[tokens[e].range.lowerBound] == UInt8(ascii: "."),
              !inside[e]
            {
              e += 1
            }
            if e > after + 1, lexicon.pronouns[k] == nil, k != WordKey("who"), k != WordKey("which")
            {
              let role = document.string(
                TextRange(tokens[after + 1].range.lowerBound, tokens[e - 1].range.upperBound))
              clusters[c].roles.append(role)
              var hasHead = false
              for x in (after + 1)..<e where lexicon.descriptionHeads.contains(index.keys[x]) {
                hasHead = true
              }
              if hasHead || !clusters[c].isOrganization {
                clusters[c].isPerson = clusters[c].isPerson || hasHead
              }
              // "Name, la presidenta de …": the determiner shows the person's gender.
              if hasHead, clusters[c].gender == nil, let g = lexicon.determinerGenders[k] {
                clusters[c].gender = g
              }
            }
          }
        }
      }
      if clusters[c].isOrganization { clusters[c].isPerson = false }
    }
    // Gender votes: a he/she pronoun votes for the latest person named in its sentence or the one before.
    var lastPerson: (cluster: Int, sentence: Int32)?
    var runAtMention: [Int: Int] = [:]
    for (r, run) in runs.enumerated() { runAtMention[run.mention] = r }
    for (m, mention) in mentions.enumerated() {
      if let r = runAtMention[m] {
        let c = clusterOfRun[r]
        if c >= 0, clusters[c].isPerson {
          lastPerson = (c, index.sentenceOfToken[runs[r].firstToken])
        }
        continue
      }
      guard mention.kind == .pronoun, let last = lastPerson else { continue }
      let t = index.firstToken(atOrAfter: mention.range.lowerBound)
      guard t < tokens.count, let info = lexicon.pronouns[index.keys[t]], !info.isPlural else {
        continue
      }
      let sentence = index.sentenceOfToken[t]
      guard sentence - last.sentence <= 1 else { continue }
      if info.gender == .feminine { clusters[last.cluster].votes.feminine += 1 }
      if info.gender == .masculine { clusters[last.cluster].votes.masculine += 1 }
    }
    var entities: [Entity] = []
    var entityOfCluster = [Int](repeating: -1, count: clusters.count)
    for c in clusters.indices where clusters[c].isPerson || clusters[c].isOrganization {
      let cluster = clusters[c]
      var gender = cluster.gender
      if gender == nil, cluster.isPerson {
        if cluster.votes.feminine > cluster.votes.masculine { gender = .feminine }
        if cluster.votes.masculine > cluster.votes.feminine { gender = .masculine }
      }
      // The fullest name: the longest mention (the first of the longest).
      func rank(_ r: Int) -> Int {
        let range = mentions[runs[r].mention].range
        let isCaps = MentionFinder.isAllCaps(range, bytes)
        return runs[r].keys.count * 2 + (isCaps ? 0 : 1)
      }
      var best = cluster.runs[0]
      for r in cluster.runs where rank(r) > rank(best) || (rank(r) == rank(best) && r < best) {
        best = r
      }
      var name = document.string(mentions[runs[best].mention].range)
      if cluster.isOrganization, name.hasPrefix("The ") { name.removeFirst(4) }
      entityOfCluster[c] = entities.count
      entities.append(
        Entity(
          name: name, kind: cluster.isOrganization ? .organization : .person,
          roles: cluster.roles, mentions: [], gender: cluster.isOrganization ? .neuter : gender))
    }
    for (r, run) in runs.enumerated() {
      let c = clusterOfRun[r]
      guard c >= 0, entityOfCluster[c] >= 0, run.mention < mentions.count else { continue }
      mentions[run.mention].entity = entityOfCluster[c]
      entities[entityOfCluster[c]].mentions.append(mentions[run.mention].range)
    }
    for e in entities.indices { entities[e].mentions.sort() }
    return entities
  }
}

extension MentionFinder {
  static func isAllCaps(_ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var upper = 0
    for i in range.lowerBound..<range.upperBound {
      let b = bytes[i]
      if b >= 0x61 && b <= 0x7A { return false }
      if b >= 0x41 && b <= 0x5A { upper += 1 }
    }
    return upper >= 2
  }
}

extension MentionFinder {
  /// A role phrase that ends in a comma right before the name starting at token `first`,
  /// opened by a determiner and a role noun a few words back ("El embajador de Rusia en
  /// México, Name", "the company's spokeswoman, Name"): its range (from the role noun to the
  /// comma), and the gender its determiner shows, if any.
  func roleBefore(_ first: Int, index: DocumentIndex, bytes: UnsafeBufferPointer<UInt8>)
    -> (range: TextRange, gender: Entity.Gender?)?
  {
    let comma = first - 1
    guard comma > 1, index.isPunctuation(comma, UInt8(ascii: ","), bytes) else { return nil }
    let sentence = index.sentenceOfToken[comma]
    var t = comma - 1
    while t > comma - 10, t > 0, index.isWord(t), index.sentenceOfToken[t] == sentence {
      let key = index.keys[t]
      if lexicon.speechVerbs[key] != nil { return nil }
      if !index.tokens[t].isCapitalized, lexicon.descriptionHeads.contains(key) {
        // "la empresa japonesa, Name": an institution, not a person's role.
        if lexicon.institutionHeads.contains(key) { return nil }
        let determiner = index.keys[t - 1]
        guard index.isWord(t - 1),
          lexicon.definiteDeterminers.contains(determiner)
            || lexicon.indefiniteDeterminers.contains(determiner)
        else { return nil }
        let range = TextRange(
          index.tokens[t].range.lowerBound, index.tokens[comma - 1].range.upperBound)
        return (range, lexicon.determinerGenders[determiner])
      }
      t -= 1
    }
    return nil
  }
}
