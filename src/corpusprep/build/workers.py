"""What worker processes (or Ray tasks) run for a build: one function per corpus pass, a batch at a time.

The rule set, options and learned boilerplate are sent once per process (the pool's
initializer, or a Ray object) rather than with every batch. Results come back with
their records, in order; everything heavy (cleaning, fingerprints, signatures) is
computed here so the main process only routes rows.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..cleaning.findings import Found
from ..cleaning.learned import LearnedBoilerplate, distinct_keys, keys_of
from ..cleaning.options import CleanOptions
from ..cleaning.paragraphs import Para
from ..cleaning.pipeline import run, too_large
from ..cleaning.prepare import pack, prepare, unpack
from ..corpus.minhash import band_keys, exact_key, fingerprint
from ..document import Document
from ..readers.records import RawRecord
from ..rules.compile import RuleSet
from .budget import OverBudget, time_budget


@dataclasses.dataclass(frozen=True)
class WorkerContext:
    """What every worker needs, sent once per process (the pool's initializer) or per Ray worker (an object).

    `dedup`: the duplicate-detection method ("near", "exact"), or None when detection is off.
    """

    rules: RuleSet
    options: CleanOptions
    learned: LearnedBoilerplate | None = None
    dedup: str | None = None


_CONTEXT: list[WorkerContext] = []  # this process's context, set by `init`

#: What pass 2 sends back for each record: the record, its rejection reason, its document, and the kept body's
#: (MinHash signature, exact key, band keys).
CleanedRecord = tuple[RawRecord, str | None, Document | None, tuple[np.ndarray | None, int, np.ndarray | None] | None]


def init(context: WorkerContext) -> None:
    _CONTEXT[:] = [context]


def _context() -> WorkerContext:
    return _CONTEXT[0]


Keyed = tuple[str, str, list[tuple[int, int]], bytes | None]


def keys_batch(records: list[RawRecord]) -> list[Keyed]:
    """Pass 1: each record's sha256, site, distinct paragraph keys and what was prepared (`prepare.pack`) for pass 2.

    Records that cannot be read have no keys and nothing prepared.
    """
    out: list[Keyed] = []
    for record in records:
        prepared = _prepared(record, _context().options)
        if prepared is None:
            out.append((record.sha256, record.site, [], None))
            continue
        paras, found = prepared
        keys = keys_of(paras, record.site)
        out.append((record.sha256, record.site, distinct_keys(paras, keys), pack(paras, found, keys)))
    return out


def _prepared(record: RawRecord, options: CleanOptions) -> tuple[list[Para], Found] | None:
    """The record's paragraphs and findings, or None for one the cleaning pass rejects
    (unusable, too large, or over its time budget: that pass prepares it again, and rejects it)."""
    if record.problem or too_large(record.raw, options):
        return None
    try:
        with time_budget(options.time_budget):
            return prepare(record.raw)
    except OverBudget:
        return None


def keys_batch_with(records: list[RawRecord], context: WorkerContext) -> list[Keyed]:
    """A Ray task of pass 1."""
    init(context)
    return keys_batch(records)


def clean_batch(records: list[RawRecord]) -> list[CleanedRecord]:
    """Pass 2: (record, rejection reason or None, document, (signature, exact key, band keys) of a kept body).

    Exact-only detection needs no signature: (None, exact key, None).
    """
    out: list[CleanedRecord] = []
    context = _context()
    for record in records:
        if record.problem:
            out.append((record, record.problem, None, None))
            continue
        try:
            with time_budget(context.options.time_budget):
                prepared = unpack(record.prepared) if record.prepared is not None else None
                doc = run(record.raw, rules=context.rules, options=context.options, learned=context.learned,
                          site=record.site, prepared=prepared).document
        except OverBudget:
            doc = None
        record = dataclasses.replace(record, prepared=None) if record.prepared else record  # not sent back
        if doc is None:
            out.append((record, "timeout", None, None))
            continue
        signed: tuple[np.ndarray | None, int, np.ndarray | None] | None = None
        if context.dedup == "exact" and not doc.rejected:
            signed = (None, exact_key(doc.text), None)
        elif context.dedup and not doc.rejected:
            sig, exact = fingerprint(doc.text)
            signed = (sig, exact, band_keys(sig))
        out.append((record, doc.rejected, doc, signed))
    return out


def clean_batch_with(records: list[RawRecord], context: WorkerContext) -> list[CleanedRecord]:
    """A Ray task of pass 2: the context travels with it (once per worker, via the object store)."""
    init(context)
    return clean_batch(records)
