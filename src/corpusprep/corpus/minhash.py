"""MinHash signatures of document bodies, and their LSH band keys, with numpy.

A body becomes the set of its word 5-gram shingles (words case-folded, punctuation
dropped); `PERMUTATIONS` hash functions of the multiply-shift family each keep the
minimum over the shingles. The share of equal positions in two signatures estimates
the Jaccard similarity of the shingle sets. Signatures are cut into `BANDS` bands
of `ROWS` values; documents sharing a band are candidate duplicates (with 16 bands of
8 rows, a pair at Jaccard 0.7 is a candidate with probability 0.96; at 0.3, 0.001).

Written here rather than taken from datasketch: its LSH index lives in memory, while
the build spills band keys to disk (`corpus.spill`), and its default shingle hashing goes
through sha1 in Python, slower than hashing each distinct word once.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterator

import numpy as np

from ..fingerprints import hash64

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_WORD = re.compile(r"\w+")
_BLOCK = 4096  # shingles hashed at a time: bounds memory on huge documents
_PIECE = 1 << 20  # characters read into words at a time, for the same reason
_SPACE = re.compile(r"\s")
_rng = np.random.default_rng(20261121)  # fixed: signatures must be comparable across runs
_MULTIPLIERS = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_OFFSETS = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_MIX = np.uint64(0x100000001B3)
_UNSEEN = np.uint64(np.iinfo(np.uint64).max)  # its top half is 0xFFFFFFFF: the signature of a body without words
_VOCABULARY_MAX = 1 << 18


class _Vocabulary(dict[str, int]):
    """Word → crc32 of its UTF-8, computed on the first lookup (`__missing__`): one dict lookup a token."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return value


_VOCABULARY = _Vocabulary()


def words(text: str) -> list[str]:
    """The `\\w+` runs of the case-folded text.

    Split on spaces first: a token made only of word characters (most of them) is one
    run as it stands, and only the others (punctuation attached) go through the regex.
    Spaces are never word characters, so the runs are the same (tests check it against
    the regex); about 15% faster on news text.
    """
    out: list[str] = []
    for token in text.casefold().split():
        if token.isalnum():  # an all-alnum token is exactly one run (\w is isalnum() or "_")
            out.append(token)
        else:
            out += _WORD.findall(token)
    return out


def _word_ids(tokens: list[str]) -> np.ndarray:
    """A 32-bit id per token: crc32 (C speed, stable everywhere), computed once per word per process.

    News vocabulary repeats from one document to the next, so ids are kept across calls
    (up to `_VOCABULARY_MAX` words; then the cache starts afresh: ids never change).
    """
    if len(_VOCABULARY) > _VOCABULARY_MAX:
        _VOCABULARY.clear()
    return np.fromiter(map(_VOCABULARY.__getitem__, tokens), np.uint64, len(tokens))


def shingles(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of the body's word shingles (one shingle for shorter bodies)."""
    return np.unique(_shingles(_read(text)[0]))


def _shingles(ids: np.ndarray) -> np.ndarray:
    """Shingle hashes in text order, repeats included (a minimum does not care)."""
    if not len(ids):
        return np.zeros(0, dtype=np.uint64)
    width = min(SHINGLE_WORDS, len(ids))
    count = len(ids) - width + 1
    hashes = ids[:count].copy()
    with np.errstate(over="ignore"):
        for offset in range(1, width):
            hashes = hashes * _MIX + ids[offset:offset + count]  # wraps modulo 2**64, by design
    return hashes


def signature(text: str) -> np.ndarray:
    """`PERMUTATIONS` uint32 minima; all 0xFFFFFFFF for a body without words."""
    return _signature(_read(text)[0])


def fingerprint(text: str) -> tuple[np.ndarray, int]:
    """The body's signature and its exact key (`exact_key`), from one tokenisation."""
    ids, exact = _read(text)
    return _signature(ids), exact


def exact_key(text: str) -> int:
    """The hash of the body's words, case-folded, punctuation and spacing aside: equal for exact copies."""
    return _read(text)[1]


def _read(text: str) -> tuple[np.ndarray, int]:
    """The word ids of the body and its exact key (hash64 of its words joined by spaces).

    Read a piece at a time, cut at whitespace so no word is split: a list of every
    word of a 50 MB body would take ten times the body's size, its ids take a fifth.
    """
    ids: list[np.ndarray] = []
    exact = hashlib.blake2b(digest_size=8)
    for piece in _pieces(text):
        tokens = words(piece)
        if tokens:
            exact.update((" " if ids else "").encode() + " ".join(tokens).encode("utf-8", "surrogatepass"))
            ids.append(_word_ids(tokens))
    joined = np.concatenate(ids) if len(ids) > 1 else ids[0] if ids else np.zeros(0, dtype=np.uint64)
    return joined, int.from_bytes(exact.digest(), "little")


def _pieces(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + _PIECE) if start + _PIECE < len(text) else None
        end = space.start() if space else len(text)
        yield text[start:end]
        start = end


def _signature(ids: np.ndarray) -> np.ndarray:
    """The minima over the shingles of `ids`, made a block at a time so memory stays bounded."""
    out = np.full(PERMUTATIONS, _UNSEEN, dtype=np.uint64)
    width = min(SHINGLE_WORDS, len(ids))
    with np.errstate(over="ignore"):
        for start in range(0, len(ids) - width + 1 if len(ids) else 0, _BLOCK):
            hashes = _shingles(ids[start:start + _BLOCK + width - 1])
            values = np.multiply.outer(_MULTIPLIERS, hashes)  # one row per permutation
            values += _OFFSETS[:, None]
            np.minimum(out, values.min(axis=1), out=out)
    return (out >> np.uint64(32)).astype(np.uint32)  # the top half of the minimum is the minimum of the top halves


def band_keys(sig: np.ndarray) -> np.ndarray:
    """One uint64 key per band; the band's number is part of the key, so bands never collide with each other."""
    return np.array([hash64(f"{band}:" + sig[band * ROWS:(band + 1) * ROWS].tobytes().hex()) for band in range(BANDS)],
                    dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
