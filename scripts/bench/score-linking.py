#!/usr/bin/env python3
"""Scores the linking of generated articles against the generator's truth file.

usage: score-linking.py TRUTH DUPLICATES.json REWRITES.json STORIES.json PART.jsonl…
Sources are `PART.jsonl:line N`; the parts, in order, are the generated file split in ten.
"""
import json
import re
import sys
from collections import defaultdict

truth = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
duplicates = json.load(open(sys.argv[2], encoding="utf-8"))
rewrites = json.load(open(sys.argv[3], encoding="utf-8"))
stories = json.load(open(sys.argv[4], encoding="utf-8"))
offsets = {}
offset = 0
for part in sys.argv[5:]:
    offsets[part] = offset
    offset += sum(1 for _ in open(part, encoding="utf-8"))

def index(source):
    match = re.match(r"(.*):line (\d+)$", source)
    return offsets[match.group(1)] + int(match.group(2)) - 1

# Copy groups: an original and every near copy of it (or of its copies).
def root(i):
    while truth[i]["kind"] == "near":
        i = truth[i]["of"]
    return i

correct = sum(1 for d in duplicates if root(index(d["article"])) == root(index(d["duplicateOf"])))
expected = sum(1 for t in truth if t["kind"] == "near")
print(f"duplicates: {len(duplicates)} found, {correct} correct (precision {correct / max(1, len(duplicates)):.3f}), "
      f"recall {correct / max(1, expected):.3f} of {expected}")
correct = 0
for r in rewrites:
    a, o = index(r["article"]), index(r["original"])
    if truth[a]["kind"] == "rewrite" and root(truth[a]["of"]) == root(o):
        correct += 1
expected = sum(1 for t in truth if t["kind"] == "rewrite")
print(f"rewrites: {len(rewrites)} found, {correct} correct (precision {correct / max(1, len(rewrites)):.3f}), "
      f"recall {correct / max(1, expected):.3f} of {expected}")
def bcubed(label, gold_of, found_of):
    """B-cubed precision, recall and F1 of found clusters against true ones."""
    gold = defaultdict(set)
    found = defaultdict(set)
    for i in range(len(truth)):
        gold[gold_of(i)].add(i)
        found[found_of.get(i, -1 - i)].add(i)
    precision = recall = 0.0
    for i in range(len(truth)):
        mine = found[found_of.get(i, -1 - i)]
        theirs = gold[gold_of(i)]
        both = len(mine & theirs)
        precision += both / len(mine)
        recall += both / len(theirs)
    precision /= len(truth)
    recall /= len(truth)
    print(f"{label}: {len(set(found_of.values()))} found, {len(gold)} true; B-cubed precision {precision:.3f}, "
          f"recall {recall:.3f}, F1 {2 * precision * recall / max(1e-9, precision + recall):.3f}")

# `stories` lists storylines with their events.
storyline_of = {}
event_of = {}
for line in stories:
    for source in line["articles"]:
        storyline_of[index(source)] = line["id"]
    for event in line.get("events", []):
        for source in event["articles"]:
            event_of[index(source)] = event["id"]
bcubed("events", lambda i: truth[i]["story"], event_of)
bcubed("storylines", lambda i: truth[i].get("storyline", truth[i]["story"]), storyline_of)
