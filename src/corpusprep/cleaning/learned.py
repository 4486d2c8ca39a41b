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

This module is what `clean()` needs (the options, the learned set, the lookup and the
drop): pure Python. The learner that counts a corpus on disk is `corpusprep.corpus.learner`.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..document import Removal
from ..errors import OptionsError
from ..fingerprints import normalize_paragraph, paragraph_key, paragraph_keys
from ..rules.compile import RuleSet
from .findings import Found
from .paragraphs import Para
from .prepare import prepare
from .zones import match_paragraph

RULE_PREFIX = "learned"


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
        """The audit trail's rule id: ``learned:<site>:<documents>`` (written out, never parsed back: see `by_rule`)."""
        return f"{RULE_PREFIX}:{self.site}:{self.docs}"

    @property
    def site_rule(self) -> str:
        """The id a build counts this paragraph's removals under: ``learned:<site>``, one per site."""
        return f"{RULE_PREFIX}:{self.site}"


@dataclass(frozen=True)
class LearnedBoilerplate:
    """What the corpus pass learned, keyed by `paragraph_key(site, text)`; what `clean()` drops."""

    paragraphs: Mapping[int, LearnedParagraph] = field(default_factory=dict)
    site_docs: Mapping[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def lookup(self, site: str, text: str) -> LearnedParagraph | None:
        return self.paragraphs.get(paragraph_key(site, text))

    @functools.cached_property
    def by_rule(self) -> Mapping[str, LearnedParagraph]:
        """The learned paragraphs' rule ids and what each stands for, so a removal's rule is looked up, not parsed."""
        return {p.rule: p for p in self.paragraphs.values()}

    def per_site(self) -> dict[str, int]:
        """How many paragraphs were learned for each site."""
        return dict(sorted(Counter(p.site for p in self.paragraphs.values()).items()))


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


class LearnedReport:
    """Tallies what learned paragraphs removed, per site, for the build report and the card."""

    def __init__(self, learned: LearnedBoilerplate, top: int = 5):
        self.learned = learned
        self.top = top
        self._removed: Counter[tuple[str, str]] = Counter()
        self._learned_in: dict[tuple[str, str], int] = {}
        self._example: dict[tuple[str, str], str] = {}

    def add(self, removed: Iterable[Removal]) -> None:
        by_rule = self.learned.by_rule
        for removal in removed:
            hit = by_rule.get(removal.rule)
            if hit is not None:
                key = (hit.site, normalize_paragraph(removal.text))
                self._removed[key] += 1
                self._example.setdefault(key, removal.text)
                self._learned_in[key] = hit.docs

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
