"""Learned boilerplate: paragraphs a site repeats across many of its pages, found in the corpus itself.

Rule packs catch what someone wrote a rule for; every site also repeats its own
adverts, prompts and footers ("Subscribe to Canada Free Press for FREE"). Like CCNet's
paragraph deduplication, a first pass counts, per site, how many documents hold each
normalised paragraph (hashes only: `fingerprints.paragraph_key`), spilled to disk by
hash so memory stays bounded. A paragraph is learned when it recurs in at least
`min_docs` documents and `min_share` of its site's documents.

The body is guarded: a document whose text is mostly recurring paragraphs is a copy
of another (or of many) and does not vote, so an article republished twenty times
does not teach its own paragraphs as boilerplate; that is the duplicate detector's
business. In `clean()` learned paragraphs are dropped before the header is read (so
an advert headline is never taken for the title), except those a metadata rule would
read (a byline that recurs on an author's blog still fills `authors`).
"""

from __future__ import annotations

import math
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .buckets import BucketSpill, runs
from .document import Removal
from .errors import OptionsError
from .fingerprints import normalize_paragraph, paragraph_key, paragraph_keys
from .found import Found
from .paragraphs import Para
from .prepare import prepare
from .rules import RuleSet
from .zones import match_paragraph

RULE_PREFIX = "learned"
_PARAGRAPH = np.dtype([("key", "<u8"), ("site", "<u4")])
_DOC_PARAGRAPH = np.dtype([("doc", "<u4"), ("key", "<u8"), ("chars", "<u4")])
_CHUNK = 1 << 20


@dataclass(frozen=True)
class LearnOptions:
    """When a recurring paragraph counts as a site's boilerplate.

    Attributes:
        enabled: set False to learn nothing (only rule packs remove boilerplate).
        min_docs: a paragraph must recur in at least this many documents of its site...
        min_share: ...and in at least this share of them (0.02 = 2%).
        copy_share: a document whose characters are more than this share recurring
            paragraphs is taken for a copy and does not vote.
        allow: paragraphs never to learn, as written (compared normalised: case, digits
            and spacing do not count).
    """

    enabled: bool = True
    min_docs: int = 5
    min_share: float = 0.02
    copy_share: float = 0.5
    allow: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.min_docs < 1:
            raise OptionsError("min_docs", f"must be 1 or more, not {self.min_docs}")
        for name in ("min_share", "copy_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise OptionsError(name, f"must be between 0 and 1, not {getattr(self, name)}")

    def threshold(self, site_docs: int) -> int:
        return max(self.min_docs, math.ceil(self.min_share * site_docs))


@dataclass(frozen=True)
class LearnedParagraph:
    """One learned paragraph: its site and in how many of the site's documents it recurs."""

    site: str
    docs: int

    @property
    def rule(self) -> str:
        """The audit trail's rule id: ``learned:<site>:<documents>``."""
        return f"{RULE_PREFIX}:{self.site}:{self.docs}"


@dataclass(frozen=True)
class LearnedBoilerplate:
    """What the corpus pass learned, keyed by `paragraph_key(site, text)`; what `clean()` drops."""

    paragraphs: Mapping[int, LearnedParagraph] = field(default_factory=dict)
    site_docs: Mapping[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def lookup(self, site: str, text: str) -> LearnedParagraph | None:
        return self.paragraphs.get(paragraph_key(site, text))

    def per_site(self) -> dict[str, int]:
        """How many paragraphs were learned for each site."""
        return dict(sorted(Counter(p.site for p in self.paragraphs.values()).items()))


def is_learned_rule(rule: str) -> bool:
    return rule.startswith(RULE_PREFIX + ":")


def document_keys(raw: str | bytes, site: str) -> list[tuple[int, int]]:
    """(key, characters) of each distinct paragraph of a raw document, as `clean()` will see it."""
    paras, _ = prepare(raw)
    return distinct_keys(paras, keys_of(paras, site))


def keys_of(paras: list[Para], site: str) -> list[int]:
    """The key of every paragraph, in order (what `drop_learned` looks up)."""
    return paragraph_keys(site, [para.text for para in paras])


def distinct_keys(paras: list[Para], keys: list[int]) -> list[tuple[int, int]]:
    """(key, characters) of each distinct paragraph: what a document contributes to the counts."""
    distinct: dict[int, int] = {}
    for para, key in zip(paras, keys):
        distinct.setdefault(key, len(para.text))
    return list(distinct.items())


class BoilerplateLearner:
    """Streaming: `add()` every document's paragraph keys, then `finish()` once."""

    def __init__(self, folder: Path, options: LearnOptions = LearnOptions()):
        self.options = options
        self._counts = BucketSpill(folder / "paragraphs", _PARAGRAPH)
        self._docs_path = folder / "documents.bin"
        self._docs = self._docs_path.open("wb")
        self._sites: dict[str, int] = {}
        self._site_docs: Counter[int] = Counter()
        self._doc = 0

    def add(self, site: str, keys: Iterable[tuple[int, int]]) -> None:
        site_id = self._sites.setdefault(site, len(self._sites))
        self._site_docs[site_id] += 1
        pairs = list(keys)
        if pairs:
            per_doc = np.empty(len(pairs), _DOC_PARAGRAPH)
            per_doc["doc"] = self._doc
            per_doc["key"] = [key for key, _ in pairs]
            per_doc["chars"] = [min(chars, 2**32 - 1) for _, chars in pairs]
            self._docs.write(per_doc.tobytes())
            counted = np.empty(len(pairs), _PARAGRAPH)
            counted["key"], counted["site"] = per_doc["key"], site_id
            self._counts.add(counted)
        self._doc += 1

    def finish(self) -> LearnedBoilerplate:
        self._docs.close()
        names = {site_id: site for site, site_id in self._sites.items()}
        site_docs = {names[i]: n for i, n in sorted(self._site_docs.items())}
        if not self.options.enabled:
            return LearnedBoilerplate({}, site_docs)
        allowed = {paragraph_key(site, text) for site in self._sites for text in self.options.allow}
        candidates = self._frequent(names, site_docs, allowed)
        votes = self._votes_outside_copies(candidates)
        learned = {}
        for key, (site, _) in candidates.items():
            if votes.get(key, 0) >= self.options.threshold(site_docs[site]):
                learned[key] = LearnedParagraph(site, votes[key])
        return LearnedBoilerplate(dict(sorted(learned.items())), site_docs)

    def _frequent(self, names: dict[int, str], site_docs: dict[str, int], allowed: set[int]) -> dict[int, tuple[str, int]]:
        """Paragraphs over the thresholds counting every document: the candidates."""
        candidates = {}
        for part in self._counts.partitions():
            for start, end in runs(part["key"]):
                site = names[int(part["site"][start])]
                key = int(part["key"][start])
                if end - start >= self.options.threshold(site_docs[site]) and key not in allowed:
                    candidates[key] = (site, end - start)
        return candidates

    def _votes_outside_copies(self, candidates: dict[int, tuple[str, int]]) -> dict[int, int]:
        """Count each candidate again, leaving out documents made mostly of candidates (copies)."""
        if not candidates or self._docs_path.stat().st_size == 0:
            return {}
        wanted = np.array(sorted(candidates), dtype=np.uint64)
        rows = np.memmap(self._docs_path, dtype=_DOC_PARAGRAPH, mode="r")
        votes: Counter[int] = Counter()
        start = 0
        while start < len(rows):
            end = min(start + _CHUNK, len(rows))
            if end < len(rows):  # end the chunk on a document boundary
                end = start + int(np.searchsorted(rows["doc"][start:end], rows["doc"][end - 1]))
                end = end if end > start else min(start + _CHUNK, len(rows))
            chunk = rows[start:end]
            doc = chunk["doc"] - chunk["doc"][0]
            is_candidate = np.isin(chunk["key"], wanted)
            chars = chunk["chars"].astype(np.float64)
            total = np.bincount(doc, weights=chars)
            recurring = np.bincount(doc, weights=chars * is_candidate, minlength=len(total))
            voter = recurring <= self.options.copy_share * np.maximum(total, 1)
            keys, counts = np.unique(chunk["key"][is_candidate & voter[doc]], return_counts=True)
            votes.update(dict(zip(keys.tolist(), counts.tolist())))
            start = end
        del rows
        return dict(votes)


def learn_boilerplate(documents: Iterable[tuple[str, str | bytes]], options: LearnOptions = LearnOptions()) -> LearnedBoilerplate:
    """Learn each site's boilerplate from (site, raw text) pairs; the result goes to `clean(learned=...)`.

    >>> stories = ["Heavy rain fell on the city all night.", "The mayor resigned after the vote on Monday.",
    ...            "A new bridge opened over the river today.", "Prices rose again in the shops this week.",
    ...            "The home team won the cup in extra time.", "A new school was built near the old mill."]
    >>> pages = [("example.org", story + "\\n\\nSubscribe for FREE") for story in stories]
    >>> learned = learn_boilerplate(pages)
    >>> learned.per_site()
    {'example.org': 1}
    >>> learned.lookup("example.org", "SUBSCRIBE  for free").rule
    'learned:example.org:6'
    """
    with tempfile.TemporaryDirectory(prefix="corpusprep-learn-") as tmp:
        learner = BoilerplateLearner(Path(tmp), options)
        for site, raw in documents:
            learner.add(site, document_keys(raw, site))
        return learner.finish()


def drop_learned(paras: list[Para], learned: LearnedBoilerplate, site: str, rules: RuleSet,
                 keys: list[int] | None = None) -> tuple[list[Para], Found]:
    """Drop the site's learned paragraphs, anywhere, but leave metadata lines to the header reader.

    `keys` are the paragraphs' `keys_of(paras, site)` when the caller has them already.
    """
    found = Found()
    if not learned.paragraphs:
        return paras, found
    kept = []
    metadata_rules: tuple[Any, ...] | None = None
    if keys is None:
        keys = keys_of(paras, site)
    for para, key in zip(paras, keys):
        hit = learned.paragraphs.get(key)
        if hit is not None:
            if metadata_rules is None:
                metadata_rules = tuple(r for r in rules.in_zone("head") + rules.in_zone("tail") if r.kind == "metadata")
            if match_paragraph(rules, metadata_rules, para, {}) is None:
                found.removed.append(Removal(hit.rule, para.text, para.index))
                continue
        kept.append(para)
    return kept, found


def rule_site(rule: str) -> str:
    """The site of a learned rule id (``learned:<site>:<documents>``)."""
    return rule[len(RULE_PREFIX) + 1:].rsplit(":", 1)[0]


class LearnedReport:
    """Tallies what learned paragraphs removed, per site, for the build report and the card."""

    def __init__(self, learned: LearnedBoilerplate, top: int = 5):
        self.learned = learned
        self.top = top
        self._removed: Counter[tuple[str, str]] = Counter()
        self._learned_in: dict[tuple[str, str], int] = {}
        self._example: dict[tuple[str, str], str] = {}

    def add(self, removed: Iterable[Removal]) -> None:
        for removal in removed:
            if is_learned_rule(removal.rule):
                key = (rule_site(removal.rule), normalize_paragraph(removal.text))
                self._removed[key] += 1
                self._example.setdefault(key, removal.text)
                self._learned_in[key] = int(removal.rule.rsplit(":", 1)[1])

    def to_dict(self) -> dict[str, Any]:
        """Per site with learned paragraphs: documents, paragraphs learned, removals, the top paragraphs."""
        sites: dict[str, Any] = {}
        for site, learned in self.learned.per_site().items():
            keys = sorted((k for k in self._removed if k[0] == site), key=lambda k: (-self._removed[k], k[1]))
            sites[site] = {
                "documents": self.learned.site_docs.get(site, 0),
                "paragraphs_learned": learned,
                "removals": sum(self._removed[k] for k in keys),
                "top": [{"text": self._example[k], "learned_from": self._learned_in[k], "removed": self._removed[k]}
                        for k in keys[:self.top]],
            }
        return dict(sorted(sites.items(), key=lambda item: (-item[1]["removals"], item[0])))
