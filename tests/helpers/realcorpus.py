"""The real corpus (tests/data/fakenews_sample.csv): 250 articles from 29 sites no rule was written for."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "fakenews_sample.csv"
FIXTURE = DATA / "fakenews_removals.json"


def rows() -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def audit(doc) -> dict:
    """What the reviewed fixture pins for one row: its verdict and every removal."""
    return {"rejected": doc.rejected, "removed": [[r.rule, r.text] for r in doc.removed]}


def load_fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def write_fixture() -> None:
    """Rewrite the fixture from the current code. Review `git diff` before committing it."""
    from corpusprep import clean

    entries = {row["id"]: {"domain": row["domain"], **audit(clean(row["content"]))} for row in rows()}
    FIXTURE.write_text(json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/helpers/realcorpus.py --update   (then review git diff tests/data)")
    write_fixture()
