"""Generate the benchmark corpus: JSON Lines with `id` and `text`, the same bytes for the same arguments.

Run: python bench/make_corpus.py --docs 50000 --out bench/.work/corpus.jsonl [--seed 0]

The documents are the 250 articles of tests/data/fakenews_sample.csv (column `content`)
and the five seeds/*.txt, replicated to N documents (every source once per round, in
an order shuffled each round), with the damage corpusprep exists to repair mixed in.
In every block of 20 documents exactly:

  4 (20%)  are wrapped in HTML: <html><body><h1>title</h1><p>paragraph</p>...</body></html>
  2 (10%)  have mojibake in 1-3 sentences (the sentence's UTF-8 bytes read as cp1252)
  3 (15%)  have a site footer appended: the WSWS contact footer, the French
           Mondialisation.ca notice block of seeds/002_*.txt, or both
  2 (10%)  have a paragraph cut mid-sentence into two, as a page break leaves it

chosen independently, so a document can carry several kinds of damage. Only
random.Random(seed) decides; a document depends only on the seed and its position, so
the first K documents of a long corpus are the K-document corpus. The file is written
a line at a time (to PATH.tmp, renamed at the end), and PATH.meta.json beside it
records the arguments, the mix and the sha256 of the file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import os
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  registers the "sloppy-windows-1252" codec

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "tests" / "data" / "fakenews_sample.csv"
SEEDS_DIR = ROOT / "seeds"
GENERATOR = "corpusprep-bench-corpus/1"  # bump when the output for the same arguments changes
DEFAULT_DOCS = 50_000
DEFAULT_SEED = 0

BLOCK = 20
MIX = {"html": 4, "mojibake": 2, "footer": 3, "page_break": 2}  # documents per block of 20
KINDS = tuple(MIX)

_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n\s*)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\S+")
_ENDS_CLAUSE = tuple('.!?:;"”’)]')


@dataclass(frozen=True)
class Source:
    title: str
    text: str


def load_sources() -> list[Source]:
    """The CSV articles in file order, then the seeds in name order."""
    csv.field_size_limit(sys.maxsize)
    sources = []
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sources.append(Source(row["title"].strip(), row["content"]))
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first = next(p for p in _paragraphs(text) if p.strip())
        sources.append(Source(first.strip().lstrip("# ").strip(), text))
    return sources


def load_footers() -> dict[str, list[str]]:
    """The boilerplate to append, cut from the seeds themselves."""
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}
    wsws = []
    for key in ("000", "003"):  # plain "wsws.org/contact" and the markdown-link form
        text = seeds[key]
        wsws.append(text[text.index("To contact the WSWS"):])
    french = seeds["002"]
    return {"wsws": wsws, "french": [french[french.index("La source originale de cet article"):]]}


def _paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH_BREAK.split(text)[::2]]


class Generator:
    """Makes document i from the sources; call `next()` in order."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.sources = load_sources()
        self.footers = load_footers()
        self.order: list[int] = []
        self.block: dict[str, set[int]] = {}
        self.position = 0

    def next(self) -> tuple[str, list[str]]:
        """The next document's text and the kinds of damage it carries."""
        rng = self.rng
        i = self.position
        self.position += 1
        if i % len(self.sources) == 0:
            self.order = list(range(len(self.sources)))
            rng.shuffle(self.order)
        if i % BLOCK == 0:
            self.block = {kind: set(rng.sample(range(BLOCK), n)) for kind, n in MIX.items()}
        source = self.sources[self.order[i % len(self.sources)]]
        kinds = [kind for kind in KINDS if i % BLOCK in self.block[kind]]
        # Alternating paragraph, separator, paragraph...: untouched text keeps its exact spacing.
        parts = _PARAGRAPH_BREAK.split(source.text)
        if "page_break" in kinds:
            parts = self._page_break(parts)
        if "mojibake" in kinds:
            parts = self._mojibake(parts)
        text = "".join(parts)
        if "footer" in kinds:
            text = self._footer(text)
        if "html" in kinds:
            text = _to_html(source.title, text)
        return text, kinds

    def _page_break(self, parts: list[str]) -> list[str]:
        """Cut a long paragraph between two words of one sentence, preferably before a lower-case word."""
        candidates = [k for k in range(0, len(parts), 2) if len(_WORD.findall(parts[k])) >= 16]
        if not candidates:
            candidates = [max(range(0, len(parts), 2), key=lambda k: len(parts[k]))]
        k = self.rng.choice(candidates)
        words = list(_WORD.finditer(parts[k]))
        cuts = [j for j in range(min(4, len(words) - 1), len(words) - min(4, len(words) - 1))
                if j > 0 and not words[j - 1].group().endswith(_ENDS_CLAUSE)]
        if not cuts:
            return parts
        lower = [j for j in cuts if words[j].group()[0].islower()]
        j = self.rng.choice(lower or cuts)
        para = parts[k]
        return parts[:k] + [para[:words[j - 1].end()], "\n\n", para[words[j].start():]] + parts[k + 1:]

    def _mojibake(self, parts: list[str]) -> list[str]:
        """Read the UTF-8 bytes of 1-3 sentences as cp1252 (sentences with non-ASCII letters first)."""
        sentences = []  # (part index, start, end)
        for k in range(0, len(parts), 2):
            start = 0
            for match in _SENTENCE_END.finditer(parts[k] + " "):
                if match.start() > start:
                    sentences.append((k, start, match.start()))
                start = match.end()
        if not sentences:
            return parts
        wanted = self.rng.randint(1, 3)
        damaged = [s for s in sentences if not parts[s[0]][s[1]:s[2]].isascii()]
        chosen = self.rng.sample(damaged, min(wanted, len(damaged)))
        if not chosen:  # an all-ASCII article: give one sentence the curly quotes and dashes it would have had
            chosen = [self.rng.choice(sentences)]
        parts = list(parts)
        for k, start, end in sorted(chosen, key=lambda s: (s[0], -s[1])):  # right to left within a paragraph
            sentence = parts[k][start:end]
            if sentence.isascii():
                sentence = _typographic(sentence)
            parts[k] = parts[k][:start] + sentence.encode("utf-8").decode("sloppy-windows-1252") + parts[k][end:]
        return parts

    def _footer(self, text: str) -> str:
        roll = self.rng.random()
        wsws = self.rng.choice(self.footers["wsws"])
        french = self.footers["french"][0]
        if roll < 0.5:
            footer = wsws
        elif roll < 0.8:
            footer = french
        else:
            footer = french + "\n\n\n\n" + wsws
        return text.rstrip() + "\n\n\n\n" + footer


def _typographic(sentence: str) -> str:
    out = sentence.replace(" - ", " — ").replace("'", "’")
    out = re.sub(r'"([^"]*)"', "“\\1”", out)
    if out.isascii():
        out = out.rstrip(".") + "…" if out.endswith(".") else out + " —"
    return out


def _to_html(title: str, text: str) -> str:
    paragraphs = [p.strip() for p in _paragraphs(text) if p.strip()]
    if paragraphs and paragraphs[0].lstrip("# ").strip() == title:
        paragraphs = paragraphs[1:]
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    return f"<html><body><h1>{html.escape(title, quote=False)}</h1>\n{body}</body></html>\n"


def meta_path(out: Path) -> Path:
    return out.with_name(out.name + ".meta.json")


def read_texts(docs: int, corpus: Path | None = None) -> list[str]:
    """The first `docs` texts of a corpus file (JSON lines with a "text"), or of a corpus made for the call."""
    if corpus is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "corpus.jsonl"
            generate(docs, path)
            return read_texts(docs, path)
    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) == docs:
                break
    return texts


def generate(docs: int, out: Path, seed: int = DEFAULT_SEED) -> dict:
    """Write the corpus to `out` and its description to `out`.meta.json; return the description."""
    if docs < 1:
        raise ValueError("--docs must be 1 or more")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    generator = Generator(seed)
    width = max(6, len(str(docs - 1)))
    counts: Counter[str] = Counter()
    digest = hashlib.sha256()
    size = 0
    with tmp.open("wb") as handle:
        for i in range(docs):
            text, kinds = generator.next()
            counts.update(kinds)
            if not kinds:
                counts["plain"] += 1
            line = (json.dumps({"id": f"bench-{i:0{width}d}", "text": text}, ensure_ascii=False) + "\n").encode("utf-8")
            digest.update(line)
            size += len(line)
            handle.write(line)
    os.replace(tmp, out)
    meta = {
        "generator": GENERATOR,
        "docs": docs,
        "seed": seed,
        "bytes": size,
        "sha256": digest.hexdigest(),
        "mix": {kind: counts[kind] for kind in KINDS + ("plain",)},
        "sources": {"fakenews_sample.csv": len(generator.sources) - 5, "seeds": 5},
    }
    meta_path(out).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write the corpusprep benchmark corpus (JSON Lines: id, text).")
    p.add_argument("--docs", type=int, default=DEFAULT_DOCS, help=f"number of documents (default {DEFAULT_DOCS:,}, about 230 MB)")
    p.add_argument("--out", type=Path, required=True, help="output .jsonl path")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    args = p.parse_args(argv)
    meta = generate(args.docs, args.out, args.seed)
    mix = ", ".join(f"{kind} {n}" for kind, n in meta["mix"].items())
    print(f"wrote {args.out}: {meta['docs']} documents, {meta['bytes'] / 1e6:.1f} MB ({mix})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
