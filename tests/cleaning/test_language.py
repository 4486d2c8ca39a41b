"""Language ID: the default backend agrees with langdetect, langdetect stays a working backend, and
the cheap stopword test decides only where it is sure.

The texts are data (tests/data/language_texts.json), written for these tests: news-like
paragraphs in the seven languages of the stopword profiles, and in neighbouring
languages the cheap test must never claim for one of them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep import CleanOptions, clean
from corpusprep.cleaning.language import BACKENDS, DEFAULT_BACKEND, LETTERS, detect_language, guess_by_stopwords
from corpusprep.cleaning.options import CleanOptions as Options
from corpusprep.rules.compile import default_rules, load_rules

TEXTS = json.loads((Path(__file__).parents[1] / "data" / "language_texts.json").read_text(encoding="utf-8"))
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
LABELLED = [(code, text) for code in LANGUAGES for text in TEXTS[code]]
NEIGHBOURS = sorted(TEXTS["neighbours"].items())
PROFILES = default_rules().lexicons.stopword_languages


def test_the_default_backend_is_the_one_the_options_name():
    assert Options().language_backend == DEFAULT_BACKEND in BACKENDS


@pytest.mark.parametrize(("code", "text"), LABELLED, ids=[f"{c}{i}" for c in LANGUAGES for i in range(len(TEXTS[c]))])
def test_every_backend_gives_the_language_the_text_was_written_in(code, text):
    for backend in BACKENDS:
        assert detect_language(text, backend=backend) == code, backend


def test_the_default_agrees_with_langdetect_on_every_written_text():
    texts = [text for _, text in LABELLED] + [text for _, text in NEIGHBOURS]
    default = [detect_language(t) for t in texts]
    reference = [detect_language(t, backend="langdetect") for t in texts]
    assert default == reference


@pytest.mark.parametrize(("code", "text"), NEIGHBOURS, ids=[c for c, _ in NEIGHBOURS])
def test_the_cheap_test_never_claims_a_neighbouring_language(code, text):
    """Afrikaans is not Dutch, Galician not Portuguese, Catalan not Spanish: undecided, or langdetect's answer."""
    assert guess_by_stopwords(text, PROFILES) in (None, detect_language(text, backend="langdetect"))
    assert detect_language(text) == detect_language(text, backend="langdetect") == code or code == "gl"


def test_the_cheap_test_decides_most_of_the_written_texts():
    """It is a shortcut only if it decides something: most of these plain news paragraphs."""
    decided = [guess_by_stopwords(text, PROFILES) for _, text in LABELLED]
    assert sum(d is not None for d in decided) >= len(LABELLED) * 2 // 3
    assert all(d in (None, code) for d, (code, _) in zip(decided, LABELLED))


def test_the_cheap_test_leaves_short_texts_lists_and_other_scripts_undecided():
    for text in ("Breaking: Trump, Putin, Merkel and Macron meet in Rome",
                 "Home | News | Sport | Business | Culture | Contact | About us | Privacy policy | Terms of use",
                 "Правительство объявило во вторник о повышении минимальной заработной платы в следующем году.",
                 "政府は火曜日、来年の最低賃金を引き上げると発表した。労働組合からの数か月にわたる圧力の後のことだ。",
                 "the the the the the the the the the the the the the the the the the the the the"):
        assert guess_by_stopwords(text, PROFILES) is None, text


def test_a_few_foreign_letters_are_names_many_are_another_language():
    english = TEXTS["en"][0]
    assert guess_by_stopwords(english.replace("Officials", "Erdoğan's officials"), PROFILES) == "en"
    danish_letters = english.replace("a", "æ").replace("o", "ø")
    assert guess_by_stopwords(danish_letters, PROFILES) is None


SCOTS = ("The polis lifted three men on Friday nicht, an the spokesman said that the inquiry wis aye at an early "
         "stage an that mair arrests could follae, but he wadnae gie ony details aboot the men or whit had been taen "
         "frae the hooses.")


def test_a_pack_can_add_a_language_the_test_then_stays_out_of(tmp_path):
    """A user's stopword list for a language the test has no alphabet for makes it more careful, never wrong."""
    pack = tmp_path / "scots.toml"
    pack.write_text('[pack]\nid = "scots"\n[lexicon.other_stopwords]\n'
                    'sco = ["an", "wis", "aye", "mair", "wadnae", "gie", "ony", "aboot", "whit", "frae", "tae", "wi", "o"]\n',
                    encoding="utf-8")
    profiles = load_rules(pack).lexicons.stopword_languages
    assert guess_by_stopwords(SCOTS, profiles) is None
    assert guess_by_stopwords(TEXTS["en"][0], profiles) == guess_by_stopwords(TEXTS["en"][0], PROFILES) == "en"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_the_cheap_test_never_raises_and_is_deterministic_on_any_text(text):
    first = guess_by_stopwords(text, PROFILES)
    assert first is None or first in LETTERS
    assert guess_by_stopwords(text, PROFILES) == first


WORDS = sorted(set(PROFILES) | {"government", "minimum", "wage", "Regierung", "governo", "Erdoğan", "æble"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=80).map(" ".join))
def test_the_cheap_test_on_word_salads_of_stopwords_decides_only_a_known_language(text):
    """Stopword salads are the cheap test's hardest input: any answer must be a language it knows, the same each time."""
    first = guess_by_stopwords(text, PROFILES)
    assert first is None or first in LETTERS
    assert guess_by_stopwords(text, PROFILES) == first


def test_langdetect_is_still_a_backend_and_deterministic_across_processes():
    text = TEXTS["nl"][1]
    code = ("from corpusprep import CleanOptions, clean; "
            f"print(clean('Titel\\n\\n' + {text!r}, options=CleanOptions(language_backend='langdetect')).language)")
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() for _ in range(3)}
    assert answers == {"nl"}
    options = CleanOptions(language_backend="langdetect")
    assert {clean("Titel\n\n" + text, options=options).language for _ in range(5)} == {"nl"}


def test_the_default_is_deterministic_across_processes():
    texts = [TEXTS["pt"][0], TEXTS["neighbours"]["af"], TEXTS["en"][2]]
    code = f"from corpusprep.cleaning.language import detect_language; print([detect_language(t) for t in {texts!r}])"
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() for _ in range(3)}
    assert answers == {str(["pt", "af", "en"])}
