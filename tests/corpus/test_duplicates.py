"""Duplicates: copies of an article group (syndicated, reheaded, re-footered, edited); articles on one topic do not."""

from __future__ import annotations

import hashlib
import re
import shutil
import zlib

import numpy as np
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.build.orchestrate import build_dataset
from corpusprep.cleaning.learned import LearnOptions
from corpusprep.corpus.dedup_options import DedupOptions
from corpusprep.corpus.duplicates import Member, canonical
from corpusprep.corpus.minhash import PERMUTATIONS, exact_key, fingerprint, shingles, signature, similarity, words
from corpusprep.errors import OptionsError

from ..helpers.copies import COPIES, ORIGINAL, write_corpus


def table(path, config="data"):
    return {row["id"]: row for row in pq.read_table(path / config).to_pylist()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("copies") / "in")


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    return build_dataset([corpus], "c", "1.0.0", out=tmp_path_factory.mktemp("dist"))


def test_exactly_the_copies_group_and_the_original_publisher_keeps_its_copy(built, corpus):
    kept, rejected = table(built.path), table(built.path, "rejected")
    assert sorted(kept) == sorted(p.name for p in corpus.glob("0*.txt") if p.name not in COPIES)
    assert {i: (r["duplicate_group"], r["duplicate_of"]) for i, r in kept.items()} == {i: (i, None) for i in kept}
    assert {i: (r["reason"], r["duplicate_of"]) for i, r in rejected.items()} == {c: ("duplicate", ORIGINAL) for c in COPIES}
    for copy in COPIES:  # a rejected copy keeps its input as read
        assert rejected[copy]["raw"] == (corpus / copy).read_text(encoding="utf-8")
    assert built.duplicates == {"groups": 1, "documents_in_groups": 4, "copies": 3, "exact_copies": 2, "copies_kept": False,
                                "largest_groups": [{"kept": ORIGINAL, "size": 4, "copies": sorted(COPIES)}]}
    card = (built.path / "README.md").read_text(encoding="utf-8")
    assert "1 groups of copies hold 4 documents" in card and f"| `{ORIGINAL}` |" in card


def test_keep_duplicates_keeps_and_marks_every_copy(corpus, tmp_path):
    report = build_dataset([corpus], "c", "1.0.0", out=tmp_path, dedup=DedupOptions(keep_duplicates=True))
    kept = table(report.path)
    assert len(kept) == 8 and "duplicate" not in report.rejected
    assert {i: (kept[i]["duplicate_group"], kept[i]["duplicate_of"]) for i in COPIES} == {c: (ORIGINAL, ORIGINAL) for c in COPIES}
    assert (kept[ORIGINAL]["duplicate_group"], kept[ORIGINAL]["duplicate_of"]) == (ORIGINAL, None)


def test_without_the_original_the_earliest_dated_copy_is_kept(corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    (folder / ORIGINAL).unlink()
    report = build_dataset([folder], "c", "1.0.0", out=tmp_path / "dist")
    assert report.duplicates["largest_groups"] == [
        {"kept": "000_reheaded.txt", "size": 3, "copies": ["000_mondialisation.txt", "000_refootered_edited.txt"]}]


def test_detection_off_keeps_all_and_marks_none(corpus, tmp_path):
    report = build_dataset([corpus], "c", "1.0.0", out=tmp_path, dedup=DedupOptions(enabled=False))
    assert report.kept == 8 and report.duplicates is None
    assert {(r["duplicate_group"], r["duplicate_of"]) for r in table(report.path).values()} == {(None, None)}


def test_the_threshold_decides(corpus, tmp_path):
    report = build_dataset([corpus], "c", "1.0.0", out=tmp_path, dedup=DedupOptions(threshold=0.99))
    assert report.duplicates["largest_groups"][0]["copies"] == ["000_mondialisation.txt", "000_reheaded.txt"]


def test_exact_method_groups_only_bodies_with_the_same_words(corpus, tmp_path):
    report = build_dataset([corpus], "c", "1.0.0", out=tmp_path, dedup=DedupOptions(method="exact"))
    assert report.duplicates["largest_groups"] == [
        {"kept": ORIGINAL, "size": 3, "copies": ["000_mondialisation.txt", "000_reheaded.txt"]}]
    assert report.duplicates["exact_copies"] == 2
    kept = table(report.path)
    assert kept["000_refootered_edited.txt"]["duplicate_of"] is None  # edited: a near copy, not an exact one
    manifest = (report.path / "manifest.json").read_text(encoding="utf-8")
    assert '"method": "exact"' in manifest


def test_an_unknown_method_or_a_threshold_out_of_range_is_refused_when_the_options_are_made():
    with pytest.raises(OptionsError, match="method must be one of near, exact, not 'fuzzy'"):
        DedupOptions(method="fuzzy")
    for threshold in (0, 5, -0.1):
        with pytest.raises(OptionsError, match=f"threshold must be above 0 and at most 1, not {threshold}"):
            DedupOptions(threshold=threshold)
    for bad in ({"min_docs": 0}, {"min_share": 1.5}, {"copy_share": -1}):
        with pytest.raises(OptionsError, match=f"{next(iter(bad))} must be"):
            LearnOptions(**bad)


@pytest.mark.parametrize("method", ["near", "exact"])
def test_builds_with_duplicates_are_identical_whatever_the_number_of_processes(corpus, tmp_path, method):
    def hashes(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}

    dedup = DedupOptions(method=method)
    one = build_dataset([corpus], "c", "1.0.0", out=tmp_path / "one", dedup=dedup)
    two = build_dataset([corpus], "c", "1.0.0", out=tmp_path / "two", num_proc=2, dedup=dedup)
    assert hashes(one.path) == hashes(two.path)


@pytest.mark.parametrize(("members", "kept"), [
    ([Member("b", "Mondialisation.ca", "WSWS", "2016-07-22", 1), Member("c", "WSWS", None, "2016-07-23", 1)], "c"),
    ([Member("b", None, None, "2016-07-22", 1), Member("a", None, None, None, 1), Member("c", None, None, "2016-07-21", 1)], "c"),
    ([Member("b", None, None, None, 1), Member("a", None, None, None, 2)], "a"),
], ids=["original-publisher", "earliest-date", "smallest-id"])
def test_the_canonical_copy(members, kept):
    assert canonical(members).doc_id == kept


# ---------------------------------------------------------------- MinHash properties
TEXTS = st.lists(st.sampled_from("the war city bombs report council army civilians strike data river".split()),
                 min_size=1, max_size=80).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_signatures_never_fail_and_a_text_is_identical_to_itself(text):
    sig = signature(text)
    assert sig.shape == (PERMUTATIONS,) and similarity(sig, signature(text)) == 1.0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=200) | st.text(alphabet=" _-.,'’\t\nabcÉé1٣ǅß", max_size=60))
def test_words_are_the_word_character_runs_of_the_folded_text(text):
    assert words(text) == re.findall(r"\w+", text.casefold())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120), st.booleans())
def test_a_shingle_is_the_words_crc32_ids_mixed_whatever_the_vocabulary_remembers(text, forget):
    from corpusprep.corpus import minhash

    if forget:
        minhash._VOCABULARY.clear()
    ids = [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words(text)]
    width = min(minhash.SHINGLE_WORDS, len(ids))
    by_hand = set()
    for start in range(len(ids) - width + 1 if ids else 0):
        value = 0
        for word_id in ids[start:start + width]:
            value = (value * int(minhash._MIX) + word_id) % 2**64
        by_hand.add(value)
    assert set(shingles(text).tolist()) == by_hand


def test_a_body_without_words_has_the_empty_signature():
    assert (signature(" ,;! ") == 0xFFFFFFFF).all() and signature(" ,;! ").dtype == np.uint32


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_case_punctuation_and_spacing_do_not_change_a_signature_or_the_exact_key(text):
    noisy = "  " + ", ".join(text.upper().split()) + "!"
    assert (signature(noisy) == signature(text)).all()
    assert exact_key(noisy) == exact_key(text) == fingerprint(text)[1]
    assert exact_key(text + " more") != exact_key(text)


@settings(max_examples=100, deadline=None)
@given(TEXTS, TEXTS)
def test_the_estimate_tracks_the_true_jaccard_similarity(a, b):
    sa, sb = set(shingles(a).tolist()), set(shingles(b).tolist())
    true = len(sa & sb) / len(sa | sb)
    assert abs(similarity(signature(a), signature(b)) - true) <= 0.25  # 128 permutations: sd <= 0.045
