"""What worker processes (or Ray tasks) run for a build: one function per corpus pass, a batch at a time.

The rule set, options and learned boilerplate are sent once per process (the pool's
initializer, or a Ray object) rather than with every batch. Results come back with
their records, in order; everything heavy (cleaning, fingerprints, signatures) is
computed here so the main process only routes rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .document import Document
from .learned import LearnedBoilerplate, paragraph_keys
from .minhash import fingerprint
from .options import CleanOptions
from .pipeline import clean
from .readers import RawRecord
from .rules import RuleSet

_STATE: dict[str, Any] = {}

Cleaned = tuple[RawRecord, str | None, Document | None, tuple[np.ndarray, int] | None]


def init(rules: RuleSet, options: CleanOptions, learned: LearnedBoilerplate | None, signatures: bool) -> None:
    _STATE.update(rules=rules, options=options, learned=learned, signatures=signatures)


def keys_batch(records: list[RawRecord]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Pass 1: each record's site and paragraph keys (records that cannot be read have none)."""
    return [(r.site, [] if r.problem else paragraph_keys(r.raw, r.site)) for r in records]


def keys_batch_with(records: list[RawRecord], state: tuple) -> list[tuple[str, list[tuple[int, int]]]]:
    """A Ray task of pass 1 (the state is unused: learning needs no options)."""
    return keys_batch(records)


def clean_batch(records: list[RawRecord]) -> list[Cleaned]:
    """Pass 2: (record, rejection reason or None, document, (signature, exact key) of a kept body)."""
    out: list[Cleaned] = []
    for record in records:
        if record.problem:
            out.append((record, record.problem, None, None))
            continue
        doc = clean(record.raw, rules=_STATE["rules"], options=_STATE["options"], learned=_STATE["learned"],
                    site=record.site)
        signed = fingerprint(doc.text) if _STATE["signatures"] and not doc.rejected else None
        out.append((record, doc.rejected, doc, signed))
    return out


def clean_batch_with(records: list[RawRecord], state: tuple) -> list[Cleaned]:
    """A Ray task of pass 2: the state travels with it (once per worker, via the object store)."""
    init(*state)
    return clean_batch(records)
