"""Learned boilerplate: what recurs across a site's documents is learned and dropped; article text is not."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from corpusprep import clean
from corpusprep.cleaning.learned import LearnedBoilerplate, LearnedParagraph, LearnedReport, LearnOptions, document_keys, keys_of
from corpusprep.cleaning.pipeline import run
from corpusprep.cleaning.prepare import pack, prepare, unpack
from corpusprep.corpus.learner import learn_boilerplate
from corpusprep.fingerprints import paragraph_key, paragraph_keys

from ..helpers.realcorpus import rows
from ..helpers.strategies import documents

SITE = "example.org"
ADVERT = "Example News brings you every story that matters for free"  # no rule knows it: only learning does
WORDS = ("river", "council", "harvest", "engine", "winter", "station", "market", "letter", "garden", "bridge",
         "doctor", "island", "museum", "signal", "forest", "teacher", "factory", "harbour", "village", "court")


def article(n: int, paragraphs: int = 4) -> str:
    """A distinct article for every n: no paragraph of it appears in another (numbers do not count)."""
    name = "".join("bcdfghjklm"[int(d)] + "aeiou"[int(d) % 5] for d in str(n)).capitalize()
    out = []
    for p in range(paragraphs):
        words = [WORDS[(n * 7 + p * 3 + k * k) % len(WORDS)] for k in range(12)]
        out.append(f"{name} report, part {'abcdefgh'[p]}: the " + " ".join(words) + " were discussed at the meeting.")
    return "\n\n".join(out)


def with_advert(texts: list[str], every: int = 1, advert: str = ADVERT) -> list[tuple[str, str]]:
    return [(SITE, text + ("\n\n" + advert if i % every == 0 else "")) for i, text in enumerate(texts)]


def test_a_paragraph_in_enough_documents_of_a_site_is_learned():
    pages = with_advert([article(n) for n in range(20)], every=4)  # the advert on 5 of 20 pages
    learned = learn_boilerplate(pages)
    assert learned.per_site() == {SITE: 1}
    assert learned.lookup(SITE, ADVERT) == LearnedParagraph(SITE, 5)
    doc = clean(pages[0][1], learned=learned, site=SITE)
    assert ADVERT not in doc.text
    assert [(r.rule, r.text) for r in doc.removed if r.rule.startswith("learned")] == [("learned:example.org:5", ADVERT)]
    assert doc.text == clean(article(0)).text  # the article is untouched


@pytest.mark.parametrize(("pages", "every", "options"), [
    (16, 4, LearnOptions()),                     # 4 documents: under min_docs
    (300, 60, LearnOptions()),                   # 5 of 300 documents: under 2% (6)
    (20, 4, LearnOptions(min_docs=6)),           # the thresholds are options
    (20, 4, LearnOptions(allow=("EXAMPLE NEWS brings you every story that matters for FREE",))),
    (20, 4, LearnOptions(enabled=False)),
])
def test_below_the_thresholds_allowed_or_disabled_nothing_is_learned(pages, every, options):
    learned = learn_boilerplate(with_advert([article(n) for n in range(pages)], every), options)
    assert len(learned) == 0


def test_sites_learn_apart():
    pages = [(site, article(n) + "\n\n" + ADVERT) for n, site in enumerate(["a.org", "b.org", "c.org"] * 3)]
    assert len(learn_boilerplate(pages)) == 0  # three documents on each site


def test_copies_of_one_article_do_not_teach_its_paragraphs():
    copies = [article(1000)] * 8
    learned = learn_boilerplate(with_advert([article(n) for n in range(12)] + copies, every=2))
    assert learned.lookup(SITE, ADVERT) is not None
    for paragraph in article(1000).split("\n\n"):
        assert learned.lookup(SITE, paragraph) is None


def test_case_digits_and_spacing_do_not_make_another_paragraph():
    pages = [(SITE, article(n) + f"\n\n{n * 13}% of readers think this story is Fact. Add  your two cents.")
             for n in range(10)]
    learned = learn_boilerplate(pages)
    assert learned.lookup(SITE, "99% OF READERS think this story is fact. Add your two cents.") is not None


def test_a_recurring_byline_still_fills_authors():
    pages = [(SITE, f"Headline number {WORDS[n]} today\n\nBy Jane Doe\n\n" + article(n)) for n in range(10)]
    learned = learn_boilerplate(pages)
    assert learned.lookup(SITE, "By Jane Doe") is not None
    doc = clean(pages[3][1], learned=learned, site=SITE)
    assert doc.authors == ["Jane Doe"]
    assert doc.title == "Headline number engine today"


def test_an_advert_above_the_headline_is_not_taken_for_the_title():
    pages = [(SITE, f"{ADVERT}\n\nHeadline number {WORDS[n]} today\n\n" + article(n)) for n in range(10)]
    learned = learn_boilerplate(pages)
    assert clean(pages[2][1]).title == ADVERT  # what a rule-only clean() does with it
    doc = clean(pages[2][1], learned=learned, site=SITE)
    assert doc.title == "Headline number harvest today"
    assert doc.removed[0].rule == "learned:example.org:10"


# ---------------------------------------------------------------- the real corpus
@pytest.fixture(scope="module")
def real():
    corpus = rows()
    return corpus, learn_boilerplate((row["domain"], row["content"]) for row in corpus)


def test_real_recurring_boilerplate_is_learned_per_site(real):
    _, learned = real
    assert learned.per_site() == {"beforeitsnews.com": 5, "canadafreepress.com": 2}
    assert learned.lookup("beforeitsnews.com", "Headline: Bitcoin & Blockchain Searches Exceed Trump! "
                                               "Blockchain Stocks Are Next!").docs == 130
    assert learned.lookup("canadafreepress.com", "Subscribe to Canada Free Press for FREE").docs == 13
    # Nine rows that are nothing but one headline are copies of each other: not boilerplate.
    assert learned.lookup("beforeitsnews.com", "How To Easily Understand The Difference Between The Day Of Christ "
                                               "And The Day Of Lord In The End Times") is None


def test_on_the_real_corpus_only_learned_paragraphs_leave_the_body(real):
    corpus, learned = real
    removed = 0
    for row in corpus:
        plain = clean(row["content"])
        doc = clean(row["content"], learned=learned, site=row["domain"])
        learned_texts = {r.text for r in doc.removed if r.rule.startswith("learned:")}
        removed += len(learned_texts)
        # What left the body is learned boilerplate, or metadata it no longer hid from the
        # header reader (the real title, "By Lisa Haven" under two adverts): all in the audit.
        accounted = set(doc.text.split()) | {w for r in doc.removed for w in r.text.split()}
        assert set(plain.text.split()) <= accounted, row["id"]
        assert not learned_texts & set(doc.text.split("\n\n"))
    assert removed >= 200


# ---------------------------------------------------------------- properties
ADVERTS = st.sampled_from([
    "Subscribe to Example News for FREE",
    "{n}% of readers think this story is Fact. Add your two cents.",
    "Headline: Bitcoin & Blockchain Searches Exceed Trump! Blockchain Stocks Are Next!",
    "Click here to support independent journalism, only {n} days left",
])
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _learned(site: str, *texts: str) -> LearnedBoilerplate:
    return LearnedBoilerplate({paragraph_key(site, t): LearnedParagraph(site, 9) for t in texts}, {site: 100})


@PROPERTY
@given(documents(modes=("plain", "markdown")), ADVERTS, st.integers(0, 99), st.integers(0, 99),
       st.sampled_from(["start", "end", "both"]))
def test_a_learned_advert_anywhere_at_the_edges_leaves_the_clean_result_unchanged(g, advert, n, m, where):
    learned = _learned(SITE, advert.format(n=n))
    shown = advert.format(n=m).upper()  # another number, another case: the same paragraph
    raw = g.raw.replace("\r\n", "\n")
    raw = (shown + "\n\n" if where != "end" else "") + raw + ("\n\n" + shown if where != "start" else "")
    note(raw)
    plain, doc = clean(g.raw), clean(raw, learned=learned, site=SITE)
    assert (doc.text, doc.title, doc.authors, doc.date, doc.publisher) == (plain.text, plain.title, plain.authors,
                                                                          plain.date, plain.publisher)
    assert [r.text for r in doc.removed if r.rule.startswith("learned:")] == [shown] * (2 if where == "both" else 1)
    again = clean(doc.title + "\n\n" + doc.text, learned=learned, site=SITE)
    assert (again.text, again.title) == (doc.text, doc.title)  # idempotent


@PROPERTY
@given(st.text(max_size=400), st.sets(st.integers(0, 20), max_size=5))
def test_arbitrary_text_with_learned_paragraphs_never_crashes_and_loses_nothing(text, chosen):
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    learned = _learned(SITE, *(paragraphs[i] for i in chosen if i < len(paragraphs)))
    plain, doc = clean(text), clean(text, learned=learned, site=SITE)
    accounted = doc.text + " " + " ".join(r.text for r in doc.removed) + " " + (doc.title or "")
    for word in plain.text.split():
        assert word in accounted
    assert learn_boilerplate([(SITE, text)] * 6).per_site() in ({}, {SITE: len(document_keys(text, SITE))})


@PROPERTY
@given(st.lists(st.text(), max_size=8), st.text(max_size=10))
def test_keys_of_many_paragraphs_at_once_equal_each_paragraphs_key(texts, site):
    assert paragraph_keys(site, texts) == [paragraph_key(site, t) for t in texts]


@PROPERTY
@given(st.text(max_size=400), st.sets(st.integers(0, 20), max_size=5))
def test_cleaning_from_what_the_learning_pass_prepared_equals_cleaning_the_raw_text(text, chosen):
    paras, found = prepare(text)
    learned = _learned(SITE, *(paras[i].text for i in chosen if i < len(paras)))
    packed = pack(paras, found, keys_of(paras, SITE))
    direct = run(text, learned=learned, site=SITE).document
    assert run(text, learned=learned, site=SITE, prepared=unpack(packed)).document == direct


def test_the_report_looks_learned_rules_up_and_never_parses_them():
    """A site may hold the separator itself ("host:8080"): the report still names it and its count."""
    text = "Subscribe to the Harbour Gazette newsletter for free today"
    site = "news.example:8080"
    learned = LearnedBoilerplate({paragraph_key(site, text): LearnedParagraph(site, 7)}, {site: 40})
    doc = clean("Harbour rules\n\n" + "The harbour board met on Monday and voted to extend the pier. " * 4 + "\n\n" + text,
                learned=learned, site=site)
    assert [r.rule for r in doc.removed if r.rule.startswith("learned:")] == ["learned:news.example:8080:7"]
    report = LearnedReport(learned)
    report.add(doc.removed)
    summary = report.to_dict()[site]
    assert (summary["removals"], summary["top"][0]["learned_from"], summary["top"][0]["text"]) == (1, 7, text)
    assert learned.by_rule["learned:news.example:8080:7"].site_rule == "learned:news.example:8080"
