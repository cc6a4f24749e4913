#!/usr/bin/env python3
"""Deterministic generator of realistic news articles as JSON Lines, for the linking
benchmark: fictional people, places and outlets; stories told by several outlets, with near
copies (a new headline and a few words changed) and rewrites (other sentences around the same
quotes, one sometimes altered). Stories are events (one happening reported within ten days)
inside storylines (events of one dispute weeks or months apart, with the same place,
organisation and core speakers); the truth file gives each article's event (`story`) and its
`storyline`.

usage: generate-articles.py N OUT.jsonl [SEED]
"""
import json
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 8)

given = ["Ana", "Tomas", "Lena", "Marta", "Hugh", "Rosa", "Dev", "Ilse", "Hana", "Corin", "Petra", "Amos",
         "Tobias", "Greta", "Nadim", "Lotte", "Mira", "Wen", "Oskar", "Sami", "Ines", "Farid", "Jonas", "Elif",
         "Kofi", "Yara", "Bram", "Nia", "Pavel", "Selma", "Idris", "Maren", "Ravi", "Tove", "Emil", "Zara"]
family = ["Loris", "Amari", "Brandt", "Voss", "Reyne", "Engel", "Lind", "Soyer", "Hirsch", "Tolan", "Hale",
          "Adair", "Kessler", "Varga", "Dunmore", "Calder", "Okafor", "Fenwick", "Marchetti", "Ibarra", "Novak",
          "Strand", "Quist", "Moreau", "Sato", "Haddad", "Lund", "Petrov", "Costa", "Ferris", "Winter", "Ahl",
          "Borg", "Daly", "Eze", "Frey", "Gale", "Holm", "Iver", "Jura", "Kerr", "Lyle", "Maas", "Nord", "Orr"]
places = ["Port Veldry", "Kessmere", "Dunmarch", "Marrow", "Orlen", "Aske", "Tavira", "Kelmar", "Ostfeld",
          "Brightwater", "Halden", "Corvey", "Lune", "Sarn", "Tolby", "Ember Bay", "Greyholm", "Wick", "Aldren"]
orgs = ["the harbour board", "the health board", "the county council", "the roads department", "the water authority",
        "the teachers' union", "the rail operator", "the ministry of energy", "the port authority", "the farmers' federation",
        "the housing agency", "the transport union", "the environment agency", "the chamber of commerce"]
issues = [("strike", "pay"), ("closure", "services"), ("flood", "defences"), ("budget", "cuts"), ("election", "vote"),
          ("drought", "water"), ("bridge", "repairs"), ("school", "funding"), ("fare", "rise"), ("housing", "rents"),
          ("wildfire", "evacuation"), ("factory", "jobs"), ("ferry", "timetable"), ("hospital", "waiting lists")]
roles = ["the mayor", "a spokeswoman for {org}", "the chair of {org}", "a senior official at {org}",
         "the leader of the opposition", "a local shopkeeper", "an economist at the {place} institute"]
outlets = ["Coastline Wire", "The Island Courier", "Harbour Daily", "Valley Gazette", "Northern Post", "Riverside Times",
           "Sound News", "The Long Current", "Delta Courier", "San Lorian Herald"] + [f"Regional Ledger {i}" for i in range(30)]
verbs = ["said", "told reporters", "said in a statement", "added", "warned"]
filler = [
    "Officials said the figures would be published later in the month.",
    "The dispute has drawn attention from across the region.",
    "Residents gathered outside the town hall on the evening before the meeting.",
    "Local businesses said they had already felt the effects.",
    "Talks are expected to continue over the coming days.",
    "The plan was first proposed two years ago and has been delayed several times.",
    "Critics say the consultation was too short and too narrow.",
    "A report commissioned last year found that costs had risen sharply.",
    "Several councillors have called for an independent review.",
    "The decision is expected to be challenged in the courts.",
]
subjects = ["Residents", "Shop owners", "Councillors", "Union members", "Engineers", "Parents", "Farmers", "Drivers",
            "Nurses", "Teachers", "Officials", "Campaigners", "Investors", "Commuters", "Volunteers", "Landlords",
            "Fishermen", "Students", "Pensioners", "Inspectors"]
actions = ["have complained about", "are divided over", "say they were not consulted on", "have protested against",
           "are waiting for news of", "have asked for details of", "expect a decision on", "have written to ministers about",
           "remain sceptical of", "have welcomed", "are counting the cost of", "plan to meet about",
           "have raised money to fight", "were briefed on", "are preparing for", "have voted against"]
objects = ["the new timetable", "the proposed cuts", "the delayed repairs", "the emergency measures", "the revised budget",
           "the closure plan", "the compensation scheme", "the planning application", "the wage offer", "the inquiry",
           "the road diversions", "the rising costs", "the water restrictions", "the consultation", "the safety review",
           "the evacuation order", "the job losses", "the rent increases", "the new contract", "the inspection report"]
tails = ["since the spring", "for several weeks", "after a tense meeting on Monday", "before the summer holidays",
         "despite repeated assurances", "as the deadline approaches", "in letters to the local paper",
         "at a packed public meeting", "according to people familiar with the talks", "with little sign of progress",
         "for the second time this year", "amid growing frustration", "while the talks continue", "in recent days"]

def sentence():
    return f"{rng.choice(subjects)} {rng.choice(actions)} {rng.choice(objects)} {rng.choice(tails)}."

quote_parts = [
    "We will not accept {what} while {who} refuses to listen",
    "This is about {what}, and nothing else",
    "Nobody here wants {what}, but we have run out of options",
    "We expect {what} by the end of next month",
    "The people of {place} deserve better than {what}",
    "Our door remains open, and we are ready to talk about {what}",
    "If nothing changes this year, {what} will only get worse",
    "We have been patient for three weeks. Patience is not a policy on {what}",
]

def person():
    # a long tail: a few names very often, most rarely
    i = min(int(rng.paretovariate(1.2)) - 1, len(given) * len(family) - 1)
    return given[i % len(given)] + " " + family[(i * 7) % len(family)]

def date(day):
    year = 2025 + day // 365
    d = day % 365
    months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    m = 0
    while d >= months[m]:
        d -= months[m]; m += 1
    return f"{year}-{m + 1:02d}-{d + 1:02d}"

# What happens in an event, with the headlines outlets give it ({o}: the organisation,
# {p}: the project): the events of one storyline differ, and outlets word them differently.
events = [("vote", ["{o} members vote on the latest {p} offer", "Vote called on {p} offer",
                    "{p}: members to vote"]),
          ("ruling", ["Judge rules on {p} dispute", "Court decision on {p}", "{o} loses {p} case"]),
          ("march", ["Crowds march against {p}", "Thousands join {p} march", "March over {p} plans"]),
          ("hearing", ["{p} inquiry hears fresh evidence", "Inquiry into {p} told of failings",
                       "{o} grilled over {p}"]),
          ("audit", ["Auditors criticise {p} spending", "{p} audit finds gaps", "Audit of {o} published"]),
          ("deal", ["Provisional deal struck on {p}", "{o} agrees {p} terms", "Breakthrough in {p} talks"]),
          ("walkout", ["Staff walk out over {p}", "{p} workers down tools", "Walkout hits {o}"]),
          ("petition", ["{p} petition passes ten thousand", "Petition demands {p} rethink",
                        "Residents petition {o}"]),
          ("resignation", ["{o} board member quits over {p}", "Resignation rocks {o}", "{p} chief steps down"]),
          ("leak", ["Leaked memo reveals {p} rift", "{o} memo leaked", "Secret {p} papers emerge"])]

projects = ["tunnel", "ring road", "wind farm", "desalination plant", "stadium", "incinerator", "tram line",
            "marina", "data centre", "power station", "reservoir", "runway", "sea wall", "landfill",
            "container terminal", "bypass", "hospital wing", "rail depot", "housing estate", "quarry", "solar park",
            "fish market", "freight line", "dam"]

storylines = []
subjects_taken = set()
stories = []
articles = []
for index in range(n):
    kind = rng.random()
    if articles and kind < 0.10:
        # near copy: a new headline and outlet, a few words changed
        base = rng.choice(articles[-2000:])
        words = base["text"].split(" ")
        for _ in range(max(1, len(words) // 60)):
            words[rng.randrange(len(words))] = rng.choice(["local", "regional", "latest", "new"])
        article = dict(base)
        article["title"] = "UPDATE: " + base["title"]
        article["outlet"] = rng.choice(outlets)
        article["text"] = article["title"] + "\n\n" + " ".join(words)
        article["url"] = f"https://news.example/{index}"
        article["_quotes"] = base["_quotes"]
        article["_truth"] = {"kind": "near", "of": base["_index"], "story": base["_truth"]["story"],
                             "storyline": base["_truth"]["storyline"]}
        article["_index"] = index
        articles.append(article)
        continue
    if articles and kind < 0.15:
        # rewrite: the same quotes, other sentences, one quote sometimes altered
        base = rng.choice(articles[-2000:])
        quotes = list(base["_quotes"])
        if quotes and rng.random() < 0.5:
            speaker, text = quotes[0]
            quotes[0] = (speaker, text.replace("will", "won't", 1) if "will" in text else "Frankly, " + text)
        paragraphs = [f"Rewritten: {base['title']}", sentence() + " " + sentence()]
        for speaker, text in quotes:
            paragraphs.append(f"{speaker} was quoted by another outlet. \u201c{text},\u201d {speaker.split()[-1]} said.")
        paragraphs.append(rng.choice(filler) + " " + sentence())
        article = {"title": "Rewritten: " + base["title"], "outlet": rng.choice(outlets), "published": base["published"],
                   "url": f"https://news.example/{index}", "_quotes": quotes,
                   "_truth": {"kind": "rewrite", "of": base["_index"], "story": base["_truth"]["story"],
                             "storyline": base["_truth"]["storyline"]}, "_index": index}
        article["text"] = "\n\n".join(paragraphs)
        articles.append(article)
        continue
    if not stories or rng.random() < 0.25:
        # A new event: most continue a storyline of recent months (the same place, dispute,
        # organisation and core speakers, weeks later), the others start one.
        if storylines and rng.random() < 0.6:
            line = rng.choice(storylines[-30:])
            line["day"] += rng.randint(20, 90)
        else:
            # What the storyline is about: a project in a place, one storyline each.
            place, project = rng.choice(places), rng.choice(projects)
            while (place, project) in subjects_taken and len(subjects_taken) < len(places) * len(projects):
                place, project = rng.choice(places), rng.choice(projects)
            subjects_taken.add((place, project))
            line = {"id": len(storylines), "place": place, "project": project, "issue": rng.choice(issues),
                    "org": rng.choice(orgs), "day": rng.randrange(700),
                    "speakers": [person() for _ in range(rng.randint(2, 3))]}
            storylines.append(line)
        stories.append({"id": len(stories), "line": line["id"], "place": line["place"],
                        "project": line["project"], "issue": line["issue"],
                        "org": line["org"], "day": line["day"], "event": rng.choice(events),
                        "speakers": line["speakers"] + [person() for _ in range(rng.randint(0, 2))]})
    story = rng.choice(stories[-50:])
    day = story["day"] + rng.randrange(10)
    place, (noun, detail), org = story["place"], story["issue"], story["org"]
    happening, headlines = story["event"]
    project = story["project"]
    headline = rng.choice(headlines).replace("{o}", org).replace("{p}", f"{place} {project}")
    title = headline[0].upper() + headline[1:]
    paragraphs = [title,
                  f"{place.upper()}, {date(day)} - " + rng.choice([
                      f"The {noun} in {place} entered a new phase on {rng.choice(['Monday', 'Tuesday', 'Friday'])} with a {happening}, as {org} faced growing pressure over {detail}.",
                      f"Pressure on {org} over {detail} grew in {place} this week after the {happening}.",
                      f"{org.capitalize()} is under fire in {place} after a {happening}, as the {noun} drags on.",
                      f"In {place}, the row over {detail} took another turn with the {happening}."])
                  + f" The {project} has been at the centre of the {noun} since it began. " + sentence()]
    quotes = []
    for speaker in rng.sample(story["speakers"], min(len(story["speakers"]), rng.randint(2, 4))):
        role = rng.choice(roles).format(org=org, place=place)
        # First-person sentences from the same parts as the prose, two to a quote: a quote of
        # one would recur by chance in unrelated articles (4,480 combinations), which real
        # quotes do not.
        text = " ".join(
            f"We {rng.choice(actions)} {rng.choice(objects)} {rng.choice(tails)}" for _ in range(2))
        text = rng.choice(["", "Frankly, ", "Look, ", "As of now, "]) + text
        quotes.append((speaker, text))
        paragraphs.append(f"\u201c{text},\u201d {rng.choice(verbs)} {speaker}, {role}.")
        paragraphs.append(" ".join(sentence() for _ in range(rng.randint(2, 4))))
    paragraphs.append(" ".join(sentence() for _ in range(rng.randint(3, 5))))
    paragraphs.append(rng.choice(filler) + f" The {noun} is expected to dominate the next meeting of {org} in {place}.")
    articles.append({"title": title, "outlet": rng.choice(outlets), "published": date(day),
                     "url": f"https://news.example/{index}", "text": "\n\n".join(paragraphs), "_quotes": quotes,
                     "_truth": {"kind": "original", "story": story["id"], "storyline": story["line"]}, "_index": index})

with open(out, "w", encoding="utf-8") as f, open(out + ".truth", "w", encoding="utf-8") as truth:
    for article in articles:
        f.write(json.dumps({k: v for k, v in article.items() if not k.startswith("_")}) + "\n")
        truth.write(json.dumps(dict(article["_truth"], url=article["url"])) + "\n")
