"""The learner: counts, per site, the documents that hold each paragraph, spilled to disk by hash.

The corpus tier of learned boilerplate (numpy, temporary files); what it learns is a
`learned.LearnedBoilerplate`, which `clean()` reads without this module.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ..cleaning.learned import LearnedBoilerplate, LearnedParagraph, LearnOptions, document_keys
from ..fingerprints import paragraph_key
from .spill import BucketSpill, runs

_PARAGRAPH = np.dtype([("key", "<u8"), ("site", "<u4")])
_DOC_PARAGRAPH = np.dtype([("doc", "<u4"), ("key", "<u8"), ("chars", "<u4")])
_CHUNK = 1 << 20


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
