"""The development sets (tests/data/devset*.jsonl): documents written in our own words in the
shapes of real news pages, annotated line by line, scored with the definitions of
shared/tools/score_cleaning.py (the ones the project is judged by).

- boilerplate: a line labelled boilerplate or header no longer stands in the body (more
  often, word-bounded, than inside the document's own body lines);
- body: a body line is a substring of the cleaned body (whitespace folded, NFC);
- metadata: title equal, authors the same list ("Dr"/"Prof" aside), date ISO.
`devset_holdout.jsonl` was written apart and never tuned on: its figures tell whether
the dev figures generalise. `variants*.jsonl` are seed-like variants (other headers,
bylines, notices in other wordings, damage), with their own held-out part; "checks" is
the share of all checks that pass.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def _count(unit: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(unit) + r"(?!\w)", text))


def _author(name: str) -> str:
    return re.sub(r"^(?:Prof\.?|Dr\.?)\s+", "", _norm(name))


def score(name: str) -> dict[str, float]:
    """{"boilerplate", "body", "metadata"}: the share of checks that pass on tests/data/<name>.jsonl."""
    from corpusprep import clean

    tally = {"boilerplate": [0, 0], "body": [0, 0], "metadata": [0, 0]}
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        doc = clean(d["text"])
        out = _norm(doc.text)
        body = " \n ".join(_norm(u) for u in d.get("body", []))
        checks = [("body", u in out) for u in map(_norm, d.get("body", [])) if u]
        checks += [("boilerplate", _count(u, out) <= _count(u, body))
                   for kind in ("boilerplate", "header") for u in map(_norm, d.get(kind, [])) if u]
        for field, want in (d.get("meta") or {}).items():
            got = getattr(doc, field, None)
            if field == "authors":
                ok = [_author(a) for a in got or []] == [_author(a) for a in want]
            elif field == "date":
                ok = (got.isoformat() if got else "") == want
            else:
                ok = bool(got) and _norm(str(got)) == _norm(want)
            checks.append(("metadata", ok))
        for kind, ok in checks:
            tally[kind][0] += ok
            tally[kind][1] += 1
    figures = {kind: round(right / max(total, 1), 4) for kind, (right, total) in tally.items()}
    right, total = (sum(column) for column in zip(*tally.values()))
    return {**figures, "checks": round(right / max(total, 1), 4)}
