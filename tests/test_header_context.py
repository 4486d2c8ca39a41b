"""The header read in its context: a headline over its standfirst, a navigation menu under the
masthead, a greeting bar, a desk or a login as the byline.

Documents written for these tests in the shapes of real pages (whole pages are in
tests/data/devset*.jsonl); each test fails on the cleaner before these mechanisms.
"""

from __future__ import annotations

from corpusprep import clean
from corpusprep.header import read_header_line
from corpusprep.rules import default_rules
from corpusprep.scoring import chrome_score, features

RULES = default_rules()
PROSE = ("The council met on Tuesday evening and voted to extend the opening hours of the public library, "
         "after a long debate about the cost of staff and heating in the winter months.")
MORE = ("Staff will be moved from the mobile service to cover the extra hours, and the council expects the change "
        "to cost about forty thousand a year, which it says the reserves can carry.")


def _doc(*paras: str) -> str:
    return "\n\n".join(paras)


def test_the_headline_over_its_standfirst_is_the_title_when_the_byline_stands_under_the_standfirst():
    headline = "Library opening hours extended after a long budget fight"
    standfirst = "Councillors say the reserves can carry the cost for two years"
    doc = clean(_doc("Skip to main content", "Sign in", headline, standfirst, "Harriet Lomax", "Tue 10 Oct 2023 18.30 BST",
                     PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == ["Harriet Lomax"]
    assert standfirst in doc.text  # the standfirst is the article's: it stays in the body


def test_in_a_list_of_headlines_the_one_over_the_byline_is_the_title():
    teasers = ("Flooding: emergency agency warns residents of low-lying areas", "Court fixes date for trial of ex-council chairman")
    headline = "Residents of the harbour estate protest demolition notices"
    doc = clean(_doc("THE LAGOON TRIBUNE", "Trending", *teasers, headline, "By Adaeze Nwosu", "March 12, 2020", PROSE, MORE))
    assert doc.title == headline


def test_a_menu_under_the_masthead_is_navigation_not_a_byline():
    headline = "Farmers count losses after flash flooding in the valley"
    doc = clean(_doc("The Harbour Gleaner | Jamaica", "Lead Stories", "News", "Business", "Sports", "Letters", "E-Paper",
                     headline, "Published: Thursday | March 21, 2024 | 12:08 AM", PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == []
    for item in ("Lead Stories", "Business", "Letters", "E-Paper"):
        assert item not in doc.text


def test_a_list_in_sentence_case_above_the_text_is_the_articles():
    items = ("Fermented vegetables", "Kefir", "Kombucha", "Apple cider vinegar")
    doc = clean(_doc(*items, PROSE, MORE))
    for item in items[1:]:
        assert item in doc.text


def test_a_greeting_bar_is_chrome_not_the_title():
    headline = "Mine rescue teams test their skills at the regional competition"
    doc = clean(_doc("Skip to content", "Good morning, Timmins! Here's today's weather: -12°C, light snow", headline,
                     "Sep 19, 2023 3:30 PM By: Jessica Tremblay", PROSE, MORE))
    assert doc.title == headline
    assert "Good morning" not in doc.text
    for greeting in ("Good morning, Timmins!", "Buongiorno, Bellinzona", "Bom dia, Recife"):
        assert chrome_score(features(greeting, RULES.lexicons)) == 1.0, greeting


def test_a_byline_lead_before_a_desk_or_a_login_reads_the_date_and_no_person():
    for line, date in (("Pubblicato il 5 marzo 2018 da redazione", "2018-03-05"),
                       ("Publié le 5 mars 2018 par la rédaction", "2018-03-05"),
                       ("By the editors | May 2, 2020", "2020-05-02")):
        got = read_header_line(line, RULES)
        assert got is not None and got.authors == [] and got.date is not None and got.date.isoformat() == date, line
    got = read_header_line("Pubblicato il 5 marzo 2018 da Marco Rossi", RULES)
    assert got is not None and got.authors == ["Marco Rossi"]
    assert read_header_line("da Roma", RULES) is None  # "da" alone is a preposition, not a byline


def test_a_blog_post_title_under_the_site_name_is_read_with_its_dated_byline():
    headline = "Il mercato contadino torna in piazza Garibaldi ogni sabato"
    doc = clean(_doc("Vai al contenuto", "Notizie da Borgovalle", headline, "Pubblicato il 5 marzo 2018 da redazione", PROSE, MORE))
    assert doc.title == headline
    assert doc.date is not None and doc.date.isoformat() == "2018-03-05"
