"""Shared machinery of scripts/eval-bodies and scripts/eval-snippets (not a command).

Both corpora are split into two fixed halves by the SHA-256 of each page id: ids whose
hash starts with an even hex digit form the "dev" half (read its errors while developing),
the others the "held-out" half (only ever scored, never read). Each script reports the
two halves and the full set, for Quotidian or, with --extractor trafilatura, for
trafilatura run from a Python environment of its own (--python, default
/work/venv-traf/bin/python or $TRAFILATURA_PYTHON), on the same pages with the same scorer.
--harness calls the reader in-process (scripts/html-harness) instead of `quotidian extract`:
the same text, without building the CLI.
"""
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
HALVES = ("dev", "held-out")


def arg(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def half(page_id):
    """The half a page belongs to: "dev" or "held-out"."""
    return "dev" if int(hashlib.sha256(page_id.encode()).hexdigest()[0], 16) % 2 == 0 else "held-out"


def unpack(pages_dir, work):
    """Gunzips every html/<id>.html.gz into work/html/<id>.html; returns the sorted ids."""
    inputs = os.path.join(work, "html")
    os.makedirs(inputs, exist_ok=True)
    ids = []
    for name in sorted(os.listdir(pages_dir)):
        if not name.endswith(".html.gz"):
            continue
        page_id = name[: -len(".html.gz")]
        ids.append(page_id)
        with gzip.open(os.path.join(pages_dir, name)) as src, open(os.path.join(inputs, page_id + ".html"), "wb") as dst:
            dst.write(src.read())
    return inputs, ids


def run_quotidian(binary, inputs, ids, work):
    out = os.path.join(work, "out")
    run = subprocess.run([binary, "extract", "--format", "html", inputs, "--out", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stderr)
        raise SystemExit(f"error: quotidian extract exited {run.returncode}")
    predictions = {}
    for page_id in ids:
        path = os.path.join(out, page_id + ".json")
        text = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                text = json.load(f).get("text", "")
        predictions[page_id] = {"articleBody": text}
    return predictions


TRAFILATURA = r"""
import json, os, sys
import trafilatura
inputs, ids, target = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
out = {}
for page_id in ids:
    with open(os.path.join(inputs, page_id + ".html"), "rb") as f:
        data = f.read()
    text = trafilatura.extract(data) or ""
    out[page_id] = {"articleBody": text}
json.dump(out, open(target, "w"), ensure_ascii=False)
"""


def run_trafilatura(python, inputs, ids, work):
    target = os.path.join(work, "trafilatura.json")
    subprocess.run([python, "-c", TRAFILATURA, inputs, ",".join(ids), target], check=True)
    with open(target, encoding="utf-8") as f:
        return json.load(f)


def run_harness(inputs, ids, work):
    """Quotidian's reader called in-process (scripts/html-harness), without the CLI and pipeline."""
    harness = subprocess.run([os.path.join(ROOT, "scripts", "html-harness", "build")], capture_output=True, text=True)
    if harness.returncode != 0:
        sys.stderr.write(harness.stderr)
        raise SystemExit("error: the harness did not build")
    target = os.path.join(work, "harness.json")
    subprocess.run([harness.stdout.strip().splitlines()[-1], "predict", inputs, target], check=True)
    with open(target, encoding="utf-8") as f:
        predictions = json.load(f)
    return {page_id: predictions.get(page_id, {"articleBody": ""}) for page_id in ids}


def predictions_for(inputs, ids, work):
    extractor = arg("--extractor", "quotidian")
    if extractor == "trafilatura":
        python = arg("--python", os.environ.get("TRAFILATURA_PYTHON", "/work/venv-traf/bin/python"))
        return run_trafilatura(python, inputs, ids, work)
    if "--harness" in sys.argv:
        return run_harness(inputs, ids, work)
    binary = arg("--binary", os.path.join(ROOT, ".build", "release", "quotidian"))
    return run_quotidian(binary, inputs, ids, work)


def score(scorer, truth, predictions, work, extra=()):
    """Scores each half and the full set; returns {"dev": summary, "held-out": …, "full": …}."""
    results = {}
    pred_path = os.path.join(work, "predictions.json")
    with open(pred_path, "w", encoding="utf-8") as f:
        json.dump(predictions, f, ensure_ascii=False)
    for name in HALVES + ("full",):
        subset = {k: v for k, v in truth.items() if name == "full" or half(k) == name}
        path = os.path.join(work, f"truth-{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(subset, f, ensure_ascii=False)
        run = subprocess.run([sys.executable, scorer, path, pred_path, "--json"], capture_output=True, text=True,
                             check=True)
        results[name] = json.loads(run.stdout.strip().splitlines()[-1])
    return results


def report(label, results):
    if "--json" in sys.argv:
        print(json.dumps(results))
        return
    for name in HALVES + ("full",):
        summary = results[name]
        fields = "  ".join(f"{k} {v}" for k, v in summary.items())
        print(f"{label} {name:9} {fields}")


def keep(predictions):
    directory = arg("--keep", None)
    if directory:
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "predictions.json"), "w", encoding="utf-8") as f:
            json.dump(predictions, f, ensure_ascii=False, indent=1)


def work_dir():
    return tempfile.TemporaryDirectory()
