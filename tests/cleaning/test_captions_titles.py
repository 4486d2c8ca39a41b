"""Photo captions, chrome lines run together, the title under a donation appeal, roles beside a name, comment leads.

Documents written for these tests in the shapes of real pages (see tests/data/devset_fresh*.jsonl
for whole pages); each test fails on the cleaner before these mechanisms.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from corpusprep import clean
from corpusprep.cleaning.captions import caption_lines, is_caption, is_credit
from corpusprep.cleaning.scoring import chrome_score, features
from corpusprep.rules.compile import default_rules

from ..cleaning.test_stage_properties import messy_text
from ..helpers.pages import MORE, PROSE, page

RULES = default_rules()
LEX = RULES.lexicons



def _rules_of(doc) -> list[str]:
    return [r.rule for r in doc.removed]


def test_a_caption_ending_in_its_credit_goes_wherever_it_stands():
    for caption in ("Readers queue outside the library on Tuesday. Maren Olsson/Fjord Pictures",
                    "The reading room after the refit (Photo by Tomas Reyes)",
                    "Het nieuwe dak van de bibliotheek (foto: Stadsnieuws/Jan Kuipers)",
                    "The old stacks on the first floor. Photo / Supplied",
                    "Courtesy of the Harbour Library Trust",
                    "Readers queue at the branch on Tuesday. — Picture: Tafadzwa Moyo",
                    "Biblioteca municipal de Cantanhede | Foto: DR",
                    "A fallen tree blocks the road to the library. Image source, PA Media",
                    "Photo: Julien Mercier\nLes lecteurs se réunissent dans la salle du sous-sol prêtée par la ville",
                    "De bibliotheek aan de Markt, gezien vanaf de brug. © Foto: Stadsnieuws / Anne Bos",
                    "Leitores aguardam na porta da biblioteca - Foto: Divulgação/Prefeitura",
                    "Readers queue outside the branch on Tuesday. (Harbour Herald: Dana Whitfield)",
                    "The branch has the longest waiting list in the county (File image: Harbour Pictures)",
                    "Readers queue outside the branch on Tuesday.\nReaders queue outside the branch on Tuesday. (Photo: Jo Bell)"):
        doc = clean(page("Library hours extended after long debate", PROSE, caption, MORE))
        assert doc.text == f"{PROSE}\n\n{MORE}", caption
        assert "chrome.caption" in _rules_of(doc)


def test_a_photo_block_with_a_tooltip_and_a_bare_credit_goes():
    block = "A reader at the new self-service desk.\nImage attribution tooltip\nCourtesy of Harbour Library\nImage attribution tooltip"
    assert caption_lines(tuple(block.split("\n")), LEX, lambda line: "tooltip" in line)
    doc = clean(page("Library hours extended after long debate", "By Dana Whitfield", block, PROSE, MORE))
    assert doc.text == f"{PROSE}\n\n{MORE}"


def test_a_short_caption_over_a_bare_credit_at_the_top_goes():
    doc = clean(page("Library hours extended after long debate", "By Dana Whitfield", "Readers wait at the door on Monday.",
                     "Maren Olsson/Fjord Pictures", PROSE, MORE))
    assert doc.text == f"{PROSE}\n\n{MORE}" and doc.authors == ["Dana Whitfield"]


def test_prose_about_photos_and_headings_with_slashes_stay():
    lines = ["He took a photo of the crowd before the doors opened.", "Technology Progress/Risk",
             "The picture was clear: the branch needed more staff.", PROSE + " Photo: the council's own figures.",
             "The agency gave two reasons for the delay. (Source: Department Of Transport)",
             "The branch opened in March - Photo finish races were the theme of the fair."]
    for line in lines:
        assert not is_caption(line, LEX), line
    doc = clean(page("Library hours extended after long debate", PROSE, "Technology Progress/Risk", MORE))
    assert "Technology Progress/Risk" in doc.text
    assert is_credit("Lwazi Mthembu/Metro24", LEX) and not is_caption("Lwazi Mthembu/Metro24", LEX)  # alone, only beside a caption


def test_chrome_lines_run_together_are_chrome():
    assert chrome_score(features("Subscribe Sign in", LEX)) == 1.0
    assert chrome_score(features("Share Tweet Email", LEX)) == 1.0
    assert chrome_score(features("Share prices fell sharply", LEX)) < 0.5


def test_the_title_under_a_donation_appeal_is_found_by_the_byline_under_its_standfirst():
    doc = clean(page("Advertisement", "Readers keep this site free to read.",
                     "Over two thousand of you chipped in this year so that everyone can read us without a paywall.",
                     "Support us\nNot now", "Library hours extended after long debate",
                     "The council says the change is the first step in a wider review of the service.",
                     "By Niamh Corcoran", "2 Aug 2019, 4:10 PM", PROSE, MORE))
    assert doc.title == "Library hours extended after long debate"
    assert doc.authors == ["Niamh Corcoran"] and str(doc.date) == "2019-08-02"
    assert "The council says the change" in doc.text  # the appeal's sentence stays: above even a sure title, prose goes only as chrome
    assert "chrome.masthead" in _rules_of(doc)


def test_a_teaser_under_the_title_does_not_take_it():
    doc = clean(page("Library hours extended after a long debate in the council", "Most of our readers think this story is true. Tell us what you think of it.",
                     "An Exclusive You Have To See: The Last Library Of The Valley Is Here!", "By Lisa Haven", PROSE, MORE))
    assert doc.title == "Library hours extended after a long debate in the council"


def test_a_role_after_the_name_is_not_an_author():
    doc = clean(page("Library hours extended after long debate", "By Aroha Tane, Local Democracy Reporter", PROSE, MORE))
    assert doc.authors == ["Aroha Tane"]
    doc = clean(page("Library hours extended after long debate", "By Priya Natarajan, University Communications", PROSE, MORE))
    assert doc.authors == ["Priya Natarajan"]


def test_a_comment_section_opened_by_the_posts_title_goes():
    doc = clean(page("Library hours extended after long debate", PROSE, MORE,
                     "One response to “Library hours extended after long debate”",
                     "Shona M. says:\nFebruary 15, 2020 at 9:12 am\nMy sister works there and this is overdue.",
                     "Comments are closed."))
    assert doc.text == f"{PROSE}\n\n{MORE}"
    assert "chrome.comments" in _rules_of(doc)


def test_dutch_headers_are_read():
    doc = clean(page("Wij gebruiken cookies zodat de site goed werkt. In onze cookieverklaring lees je hoe dat zit.\nAkkoord\nInstellingen",
                     "Bibliotheek blijft langer open na besluit van de raad", "Door Sanne de Wit", "12 maart 2021 om 14:05",
                     PROSE, MORE))
    assert doc.title == "Bibliotheek blijft langer open na besluit van de raad"
    assert doc.authors == ["Sanne de Wit"] and str(doc.date) == "2021-03-12"
    assert "cookies" not in doc.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_text)
def test_caption_tests_never_raise_and_never_take_long_prose(text):
    lines = tuple(text.split("\n"))
    caption_lines(lines, LEX)
    for line in lines:
        if is_caption(line, LEX):
            assert len(line.split()) <= 45
        is_credit(line, LEX)


def test_a_consent_wall_over_the_page_does_not_end_the_header():
    wall = ("We and our partners use cookies and similar technologies to store and access information on your device, "
            "to measure the audience of the site and to show you content and advertising that suits you better.")
    doc = clean(page("We value your privacy", wall, "Accept all\nManage preferences", "The Harbour Courier", "Sign in | Subscribe",
                     "Library hours extended after long debate", "By Callum Fraser", "Published 21 September 2023, 14:02",
                     PROSE, MORE))
    assert doc.title == "Library hours extended after long debate"
    assert doc.authors == ["Callum Fraser"] and str(doc.date) == "2023-09-21"
    assert doc.text == f"{PROSE}\n\n{MORE}"


def test_a_row_of_lexicon_items_between_separators_is_chrome():
    assert chrome_score(features("Sign in | Subscribe", LEX)) == 1.0
    assert chrome_score(features("Sign in | Paris | Lyon", LEX)) < 1.0  # a place among them: not every item is chrome


def test_an_appeal_between_notice_lines_goes_and_one_under_prose_stays():
    appeal = "This site lives on its readers. Donate to support an independent outlet."
    doc = clean(page("Library hours extended after long debate", PROSE, MORE, "Copyright © Dana Whitfield, 2022", appeal,
                     "All rights reserved."))
    assert doc.text == f"{PROSE}\n\n{MORE}"
    doc = clean(page("Library hours extended after long debate", PROSE, MORE, appeal))
    assert doc.text.endswith(appeal)  # under prose and over nothing, undecided text stays


def test_a_notice_under_its_source_line_goes_whole_however_long_and_worded():
    disclaimer = ("Views in this piece are the writer's alone and the review takes no side on them; newsletters that wish "
                  "to run it again need written permission from the editors, which is usually granted within a week of asking, "
                  "and they should keep the writer's name, the date of first publication and a link to the page where it "
                  "first appeared.")
    fair_use = ("Some pictures and quotations here belong to their owners, who have not always cleared them; we print them "
                "for study and debate, and anyone with a copyright question can write to the editors at any time.")
    doc = clean(page("Library hours extended after long debate", PROSE, MORE,
                     "Copyright © Dana Whitfield, The Harbour Review, 2019", "Become a member of The Harbour Review",
                     disclaimer, fair_use))
    assert doc.text == f"{PROSE}\n\n{MORE}"
    assert "notice.anchored" in _rules_of(doc)
    doc = clean(page("Library hours extended after long debate", PROSE, "Copyright © Dana Whitfield, 2019", MORE))
    assert doc.text.endswith(MORE)  # prose under the line without any notice sign is the article's


def test_an_author_box_at_the_bottom_goes_and_gives_the_author():
    doc = clean(page("Library hours extended after long debate", PROSE, MORE,
                     "Written by Daniel Okafor\n2.3K Followers · Writer for Better Cities\n"
                     "Urban planner and occasional cyclist. Writing about the rules that shape places.",
                     "More from Daniel Okafor\nHelp Status About Careers Privacy Terms"))
    assert doc.text == f"{PROSE}\n\n{MORE}" and doc.authors == ["Daniel Okafor"]


def test_the_site_name_goes_when_the_page_repeats_it_in_its_chrome():
    doc = clean(page("Library hours extended after long debate", "By Ana Souza", PROSE, MORE, "Portal Nordeste",
                     "Clique aqui para seguir o canal do Portal Nordeste no WhatsApp", "© 2022 Portal Nordeste"))
    assert doc.text == f"{PROSE}\n\n{MORE}"
    heading = "Harbour Library"  # a subheading inside the article that a footer repeats stays
    doc = clean(page("Library hours extended after long debate", PROSE, heading, MORE, PROSE, "© 2022 Harbour Library"))
    assert heading in doc.text.split("\n\n")


def test_a_headline_block_without_full_stops_does_not_end_the_header():
    doc = clean(page("La Crónica Nacional\nSuscríbete\nIniciar sesión",
                     "SOCIEDAD\nLos pueblos de la sierra pierden su último cajero automático de la comarca\n"
                     "Los vecinos, muchos de ellos mayores, deberán recorrer hasta 40 kilómetros para sacar dinero",
                     "Por Javier Ortuño\nActualizado: 27/01/2022 15:02", PROSE, MORE))
    assert doc.title == "Los pueblos de la sierra pierden su último cajero automático de la comarca"
    assert doc.authors == ["Javier Ortuño"] and str(doc.date) == "2022-01-27"


def test_a_byline_with_its_city_after_a_dash_gives_the_name():
    from corpusprep.cleaning.header import read_header_line

    assert read_header_line("Por Ana Beatriz Souza — Recife", RULES).authors == ["Ana Beatriz Souza"]  # a byline's place


def test_a_note_to_readers_above_the_title_is_looked_past_and_goes_under_a_sure_title():
    note = ("Note to readers: please click the share buttons above or below and forward this article to your "
            "friends and to the lists of people you know, because that is how a small independent review is read.")
    doc = clean(page("Harbour Review", "Search\nMenu", note, "Library hours extended after long debate",
                     "By Andrés Villalobos", "Jan 18th, 2024", PROSE, MORE))
    assert doc.title == "Library hours extended after long debate"
    assert doc.authors == ["Andrés Villalobos"] and str(doc.date) == "2024-01-18"
    assert doc.text == f"{PROSE}\n\n{MORE}"


def test_an_organisation_name_does_not_keep_the_title_from_a_later_headline():
    doc = clean(page("Skip to content", "Centre for Research on Globalization and Global Economy",
                     "All our articles can be read in 51 languages via the Translate Website menu under the share button.",
                     "Library hours extended after long debate", "By Ahmed Rostami", "July 09, 2019", PROSE, MORE))
    assert doc.title == "Library hours extended after long debate"


def test_a_menu_of_sections_is_not_a_byline():
    from corpusprep.cleaning.header import read_header_line

    assert read_header_line("News | Sports | Arts | Opinion | Features | Print Edition", RULES) is None
    assert read_header_line("By Dana Whitfield | Local News", RULES).authors == ["Dana Whitfield"]


def test_a_long_comment_thread_saved_one_line_per_paragraph_goes():
    comments = "\n".join(["Posted in Labour | 2 Comments", "2 thoughts on “Library hours extended after long debate”"]
                         + [line for n in range(6) for line in (f"Reader {chr(65 + n)}. says:", "May 12, 2023 at 9:14 am",
                                                                 "Same story here every year, and nobody listens.", "Reply")]
                         + ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
                            "Comment *", "Name *", "Email *", "Website", "Post Comment"])
    doc = clean("\n".join(["Library hours extended after long debate", PROSE, MORE, comments]))
    assert doc.text == f"{PROSE}\n\n{MORE}"


def test_repost_attributions_are_syndication_lines():
    for line, publisher in (("Reposted from the World Socialist Web Site.", "World Socialist Web Site"),
                            ("Read the original at wsws.org", "wsws.org"),
                            ("Read the original article at The Harbour Review", "Harbour Review")):
        doc = clean(page("Library hours extended after long debate", PROSE, MORE, line))
        assert doc.text == f"{PROSE}\n\n{MORE}", line
        assert doc.original_publisher == publisher, line


def test_a_copyright_credit_under_a_caption_goes_and_the_pages_copyright_line_is_still_read():
    caption = "Stau am Hafentor am frühen Morgen.\nCopyright: Lena Vogt/dpa/Symbolbild"
    doc = clean(page("Stadtrat stoppt Ausbau der Hafenstraße", caption, PROSE, PROSE, "Copyright 2021 The Harbour Herald"))
    assert doc.text == f"{PROSE}\n\n{PROSE}" and _rules_of(doc).count("chrome.caption") == 2
    assert doc.copyright == "Copyright 2021 The Harbour Herald"
    assert not is_caption("Copyright law is changing fast, and the courts have not caught up.", LEX)
