"""The readers that work on sites no rule names: chrome by score, header lines by field, notices by template.

Example tests pin behaviour on small documents written for them; property tests hold
each new function to its contract on arbitrary text (no crash, nothing lost, bounded
scores, idempotence).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusprep import CleanOptions, clean
from corpusprep.cleaning.appeals import drop_appeals, drop_boxes
from corpusprep.cleaning.header import read_header_line
from corpusprep.cleaning.notice_echoes import drop_notice_echoes
from corpusprep.cleaning.notices import sentences, split_glued, template_match
from corpusprep.cleaning.paragraphs import Para
from corpusprep.cleaning.scoring import chrome_score, classify, features
from corpusprep.document import Removal
from corpusprep.rules.compile import default_rules
from corpusprep.rules.lexicon import line_key, words

from ..cleaning.test_stage_properties import messy_text
from ..helpers.pages import PROSE, page

RULES = default_rules()
ANY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])



# ------------------------------------------------------------------ examples
def test_share_bar_comment_form_and_related_links_leave_the_tail():
    doc = clean(page("Library hours extended", PROSE, PROSE, "Share this:\nFacebook\nTwitter", "Leave a Reply",
                     "Your email address will not be published. Required fields are marked *", "Related posts"))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert {r.rule for r in doc.removed} == {"meta.title", "chrome.tail", "chrome.comments"}  # "Leave a Reply" opens comments
    assert all(r.score is not None for r in doc.removed if r.rule == "chrome.tail")


def test_a_switcher_of_language_codes_is_not_the_title():
    doc = clean(page("EN | FR | DE", "Library hours extended", PROSE, PROSE))
    assert doc.title == "Library hours extended" and doc.text == f"{PROSE}\n\n{PROSE}"
    assert [r.rule for r in doc.removed][:1] == ["generic.language_switcher"]


def test_the_french_reader_funded_line_goes_with_the_notice():
    prose = ("Le conseil municipal a voté mardi soir l'extension des horaires de la bibliothèque publique, "
             "après un long débat sur le coût du personnel et du chauffage pendant l'hiver.")
    doc = clean(page("Horaires prolongés", prose, prose, "La source originale de cet article est Mondialisation.ca",
                     "Avertissement : les opinions exprimées n'engagent que leur auteur.",
                     "Mondialisation.ca est un média financé par ses lecteurs. Nous ne recevons aucun financement "
                     "de gouvernements ou d'entreprises.", "Loading"))
    assert doc.text == f"{prose}\n\n{prose}"


def test_a_newsletter_box_and_a_player_inside_the_article_go():
    box = "Newsletter\nSubscribe\nThank you for subscribing\nWe have more newsletters\nShow me"
    player = "Video Loading\nVideo Unavailable\nClick to play\nTap to play"
    doc = clean(page("Library hours extended", PROSE, box, PROSE, player, PROSE))
    assert doc.text == "\n\n".join([PROSE] * 3)
    assert [r.rule for r in doc.removed] == ["meta.title", "chrome.inline", "chrome.inline"]


def test_headlines_under_a_related_label_are_links_but_a_sentence_is_not():
    later = "The library will open on Sundays from March, the council said in a statement on Friday."
    doc = clean(page("Library hours extended", PROSE, "Related Articles", "Pool closes for repairs over summer",
                     "New bus route links the two hospitals", later, PROSE))
    assert doc.text == "\n\n".join([PROSE, later, PROSE])
    assert [r.rule for r in doc.removed][-2:] == ["chrome.related", "chrome.related"]


def test_a_chrome_line_with_a_count_is_still_chrome():
    doc = clean(page("Library hours extended", PROSE, "View comments (14)", PROSE, "Share 1,204"))
    assert doc.text == f"{PROSE}\n\n{PROSE}"


def test_a_comment_section_at_the_bottom_goes_and_its_copyright_line_is_still_read():
    doc = clean(page("Library hours extended", PROSE, PROSE, "3 comments:", "Maya R. wrote:",
                     "Finally! I have been asking for Sunday hours for years, thank you to everyone who wrote in.",
                     "March 4, 2021 at 10:12 PM", "Leave a Reply", "© 2021 The Valley Courier. All rights reserved."))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert doc.copyright == "© 2021 The Valley Courier. All rights reserved."
    assert {r.rule for r in doc.removed} >= {"chrome.comments"}


def test_a_readers_comment_under_its_name_and_date_goes_with_the_comment_section():
    comment = "\n".join(["Pat Hollis", "Apr 23", "Our own route went the same way last year, and the minibus that replaced "
                         "it only runs on two days a week now.", "Reply"])
    doc = clean(page("Library hours extended", PROSE, PROSE, "Leave a comment", "Discussion about this post", comment))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert {r.rule for r in doc.removed[-3:]} == {"chrome.comments"}


def test_a_counter_or_a_clock_alone_is_chrome():
    for line in ("7", "1.2K", "(14)", "15:48"):
        assert chrome_score(features(line, RULES.lexicons)) == 1.0
    assert chrome_score(features("$5", RULES.lexicons)) < 0.5


def test_a_long_paragraph_under_a_comments_label_is_not_a_comment():
    long = " ".join([PROSE] * 3)
    doc = clean(page("Library hours extended", PROSE, "Comments", long))
    assert doc.text.endswith(long)


def test_a_blog_signs_its_post_at_the_bottom():
    doc = clean(page("Library hours extended", PROSE, PROSE, "Posted by Rowan Ellery at 7:14 AM", "Powered by Blogger."))
    assert doc.text == f"{PROSE}\n\n{PROSE}" and doc.authors == ["Rowan Ellery"]


def test_a_name_in_the_last_sentence_is_not_a_byline():
    last = "The motion was put forward by Rowan Ellery."
    doc = clean(page("Library hours extended", PROSE, PROSE, last))
    assert doc.text.endswith(last) and doc.authors == []


def test_body_that_mentions_sharing_and_subscribing_stays():
    quoted = "Readers were urged to subscribe to the paper's print edition and share it with neighbours, the editor said."
    doc = clean(page("Library hours extended", PROSE, quoted, "Share this:"))
    assert doc.text == f"{PROSE}\n\n{quoted}"


def test_long_prose_full_of_chrome_words_is_never_dropped_by_a_score():
    prose = ("Share buttons, newsletter prompts, comment forms and cookie banners were the subject of the talk, "
             "which the designer gave to a full room of students who asked about every one of them in turn.")
    doc = clean(page("A talk on page design", PROSE, prose))
    assert doc.text.endswith(prose)


def test_a_standalone_advertisement_line_inside_the_article_goes():
    doc = clean(page("Library hours extended", PROSE, "Advertisement", PROSE))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert [r.rule for r in doc.removed] == ["meta.title", "chrome.inline"]


def test_header_fields_are_read_from_one_line_and_the_masthead_goes():
    doc = clean(page("Skip to content", "The Riverside Courier", "Library hours extended after long debate",
                     "March 3rd, 2021 | By Dana Whitfield | Local News", PROSE))
    assert (doc.title, doc.authors, doc.date) == ("Library hours extended after long debate", ["Dana Whitfield"], dt.date(2021, 3, 3))
    assert doc.text == PROSE
    assert [r.rule for r in doc.removed] == ["chrome.head", "chrome.masthead", "meta.title", "meta.byline"]


def test_a_standfirst_under_the_headline_stays_in_the_body():
    deck = "A rare alliance of residents and shop owners forms to oppose a plan that would close the branch on Sundays"
    doc = clean(page("Library hours extended", deck, "By Dana Whitfield", PROSE))
    assert doc.title == "Library hours extended" and doc.text.startswith(deck)


def test_a_bare_name_under_the_title_is_the_byline():
    doc = clean(page("Library hours extended after long debate", "Dana Whitfield", PROSE))
    assert (doc.title, doc.authors, doc.text) == ("Library hours extended after long debate", ["Dana Whitfield"], PROSE)


def test_roles_sites_and_capitals_leave_the_author_names():
    doc = clean(page("Library hours extended", "By JANE DOE FOR THE COURIER", PROSE))
    assert doc.authors == ["Jane Doe"]
    doc = clean(page("Library hours extended", "By Jane Doe and John Roe, Staff Writers", PROSE))
    assert doc.authors == ["Jane Doe", "John Roe"]


def test_numeric_dates_are_day_first_unless_told_otherwise():
    raw = page("Library hours extended", "Published: 03/05/2018", PROSE)
    assert clean(raw).date == dt.date(2018, 5, 3)
    assert clean(raw, options=CleanOptions(numeric_date_order="mdy")).date == dt.date(2018, 3, 5)
    assert clean(page("Library hours extended", "Published: 29.12.2017", PROSE)).date == dt.date(2017, 12, 29)


def test_a_reworded_notice_run_together_and_glued_to_the_body_is_cut_off():
    notice = ("Disclaimer: The views in this article are the sole responsibility of its author. The Centre for Research "
              "on Globalization is not responsible for inaccurate or incorrect statements in this article.")
    doc = clean(page("Library hours extended", PROSE, PROSE + " " + notice))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert doc.removed[-1].rule == "notice.globalresearch_en" and doc.removed[-1].text == notice


def test_a_notice_sharing_a_block_with_body_lines_loses_only_its_lines():
    block = "\n".join([PROSE, "Become a member of Global Research.", "Comment on Global Research articles on our Facebook page."])
    doc = clean(page("Library hours extended", PROSE, block))
    assert doc.text == f"{PROSE}\n\n{PROSE}"


def test_an_author_bio_under_the_article_goes():
    doc = clean(page("Library hours extended", "By Dana Whitfield", PROSE, "Dana Whitfield is a reporter based in Ohio."))
    assert doc.text == PROSE and doc.removed[-1].rule == "chrome.author_bio"


def test_a_stray_br_no_longer_folds_the_whole_article():
    doc = clean(page("Library hours extended", PROSE, PROSE, "To contact us visit:<br><a href='/contact'>our page</a>"))
    assert doc.text.startswith(f"{PROSE}\n\n{PROSE}")


def test_a_french_consent_wall_and_masthead_leave_the_header_to_be_read():
    prose = ("Les travaux de consolidation des piles commenceront lundi, a indiqué la mairie, qui promet de rouvrir "
             "le passage avant le début de la saison touristique et de prévenir les riverains par courrier.")
    wall = ("Avec votre accord, nous et nos partenaires déposons des cookies sur votre appareil afin de mesurer "
            "l’audience du site et de vous montrer des publicités adaptées à vos centres d’intérêt.")
    title = "Cahors : le pont Valentré fermé aux piétons pendant trois semaines"  # a spaced colon is no word
    doc = clean(page("Vos choix de confidentialité", wall, "Tout accepter", "La Gazette du Lot",
                     "Se connecter | S’abonner", title, "Marion Delpech", "Publié le 12/05/2022 à 09h10", prose, prose))
    assert (doc.title, doc.authors, doc.date) == (title, ["Marion Delpech"], dt.date(2022, 5, 12))
    assert doc.text == f"{prose}\n\n{prose}"


def test_a_name_with_its_role_after_a_comma_is_a_byline_wherever_it_stands_in_the_header():
    byline = "Rachel Tan Wei Ling, Transport Correspondent"
    doc = clean(page("Library hours extended after long debate", "Ohio", "Published Mar 8, 2022, 05:00 AM",
                     "Updated Mar 8, 2022, 09:15 AM", byline, PROSE))
    assert (doc.title, doc.authors) == ("Library hours extended after long debate", ["Rachel Tan Wei Ling"])
    assert byline not in doc.text


def test_a_role_alone_under_the_title_is_a_byline_and_an_affiliation_is_no_author():
    doc = clean(page("Library hours extended after long debate", "Staff Correspondent", "Thu Mar 9, 2023 12:00 AM", PROSE))
    assert doc.text == PROSE and doc.authors == []
    doc = clean(page("Library hours extended", "Priya Natarajan, Senior Fellow, Economic Studies", "September 5, 2023", PROSE))
    assert doc.authors == ["Priya Natarajan"]


def test_a_consent_wall_sharing_a_block_with_its_buttons_goes_and_a_domain_with_a_path_is_a_site():
    wall = "\n".join(["Wir verwenden Cookies und ähnliche Techniken, um Werbung anzuzeigen und die Nutzung der Seite zu messen.",
                      "Alle akzeptieren", "Einstellungen"])
    doc = clean(page(wall, "Buslinie 412 fährt wieder stündlich", "Von Katrin Ebersbach", "wsws.org/de 12.10.2023", PROSE))
    assert doc.text == PROSE and doc.authors == ["Katrin Ebersbach"]


def test_related_headlines_in_one_block_with_their_label_go():
    related = "\n".join(["Leia também:", "Prefeitura abre inscrições para cursos gratuitos", "Obras na avenida alteram trânsito"])
    doc = clean(page("Library hours extended", PROSE, related, PROSE))
    assert doc.text == f"{PROSE}\n\n{PROSE}" and doc.removed[-1].rule == "chrome.related"


def test_all_rights_reserved_is_read_in_other_languages():
    for line in ("© 2024 Portal Vale Notícias. Todos os direitos reservados.", "© 2021 La Gazzetta. Tutti i diritti riservati."):
        doc = clean(page("Library hours extended", PROSE, line))
        assert doc.text == PROSE and doc.copyright == line


def test_an_appeal_to_the_reader_over_the_footer_goes_but_a_last_sentence_with_a_chrome_word_stays():
    appeal = ["Get our weekly newsletter, delivered free each Friday", "We handle your details as our privacy notice says."]
    doc = clean(page("Library hours extended", PROSE, PROSE, *appeal, "Topics:", "Back to top"))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    last = "The next meeting will be streamed live on YouTube."
    assert clean(page("Library hours extended", PROSE, PROSE, last, "Topics:", "Back to top")).text.endswith(last)


def test_a_newsletter_pitch_beside_its_button_goes_but_a_quote_beside_chrome_stays():
    pitch = "Get the biggest stories from across the county straight to your inbox"
    doc = clean(page("Library hours extended", PROSE, pitch, "Sign up", PROSE, PROSE))
    assert doc.text == f"{PROSE}\n\n{PROSE}\n\n{PROSE}" and {"chrome.appeal", "chrome.inline"} & {r.rule for r in doc.removed}
    quote = 'The librarian said readers could "follow our page for updates" on the hours.'
    assert quote in clean(page("Library hours extended", PROSE, quote, "Advertisement", PROSE, PROSE)).text
    alone = "Stories from across the county, straight to your inbox"  # no lexicon lead, no button beside it
    assert alone in clean(page("Library hours extended", PROSE, alone, PROSE, PROSE)).text
    led = "Get the biggest stories from across the county straight to your inbox"  # a newsletter insert's lead
    assert led not in clean(page("Library hours extended", PROSE, led, PROSE, PROSE)).text


def test_a_block_of_a_button_and_its_pitch_goes_whole():
    box = "\n".join(["This paper lives on its readers. Subscribe for free to get each new post by email.",
                     "Type your email…", "Subscribe"])
    doc = clean(page("Library hours extended", PROSE, box, PROSE, PROSE))
    assert doc.text == f"{PROSE}\n\n{PROSE}\n\n{PROSE}"


def test_a_headline_over_its_standfirst_in_one_block_is_not_one_title():
    doc = clean(page("The last bus out of the valley\nWhat happens to a village when the timetable is cut to two buses a week",
                     "Ruth Adeyemi", "Apr 22, 2024", PROSE))
    assert doc.title == "The last bus out of the valley" and doc.authors == ["Ruth Adeyemi"]
    wrapped = clean(page("Council votes to keep the library open on\nSundays after a long debate", "By Ruth Adeyemi", PROSE))
    assert wrapped.title == "Council votes to keep the library open on Sundays after a long debate"


def test_a_press_releases_release_line_and_media_contact_name_no_author():
    doc = clean(page("FOR IMMEDIATE RELEASE\nOctober 3, 2022", "Media contact:\nMarguerite Osei, Communications Director",
                     "Library hours extended after long debate", PROSE))
    assert doc.authors == [] and doc.date.isoformat() == "2022-10-03"


def test_a_footer_line_glued_without_a_space_is_cut_off_the_last_sentence():
    doc = clean(page("Library hours extended", PROSE, PROSE + "The original source of this article is Harbour Review",
                     "Copyright © Dana Whitfield, Harbour Review, 2023"))
    assert doc.text == f"{PROSE}\n\n{PROSE}" and doc.original_publisher == "Harbour Review"


def test_an_author_bio_under_an_honorific_byline_goes():
    doc = clean(page("Library hours extended", "By Dr. Imogen Farrow", PROSE,
                     "Dr. Imogen Farrow teaches information law and writes often about libraries."))
    assert doc.text == PROSE and doc.removed[-1].rule == "chrome.author_bio"


def test_the_rest_of_a_sentence_after_a_page_break_is_no_chrome_line_even_when_it_reads_as_one():
    doc = clean(page("Library hours extended", PROSE, "The branch will stay open late and the staff will move", "back.", PROSE))
    assert "will move back." in doc.text and "chrome.inline" not in {r.rule for r in doc.removed}


def test_a_sign_up_box_under_the_byline_goes_whole_before_the_header_is_read_line_by_line():
    box = "\n".join(["Get the biggest stories from across the county straight to your inbox", "Sign up",
                     "We use your details to send you the newsletters you asked for, and you can opt out at any time."])
    doc = clean(page("Library hours extended after long debate", "By Priya Khatri\n15:32, 6 JUN 2022", box, PROSE))
    assert doc.text == PROSE and doc.authors == ["Priya Khatri"]


def test_a_skip_link_is_no_title_and_the_sites_name_is_no_author():
    doc = clean(page("Skip to navigation, settings and search", "Portal Vale", "Library hours extended after long debate",
                     "Por Ana Souza, Portal Vale — Recife", "15/07/2022 08h12", PROSE))
    assert doc.title == "Library hours extended after long debate" and doc.authors == ["Ana Souza"]


def test_a_date_and_site_in_brackets_and_a_wire_dateline_with_time_and_agency_give_the_date():
    doc = clean(page("Library hours extended after long debate", "[January 24, 2018 - HarbourTimes.net]", PROSE))
    assert doc.date == dt.date(2018, 1, 24) and doc.text == PROSE
    wire = "Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- " + PROSE
    doc = clean(page("Library hours extended after long debate", wire))
    assert doc.date == dt.date(2018, 1, 24) and doc.text == wire  # the dateline's paragraph is the article's


def test_a_feeds_repost_line_names_the_original_publisher():
    doc = clean(page("Library hours extended", PROSE, "The post Library hours extended appeared first on Harbour Review.",
                     "Share this:"))
    assert doc.text == PROSE and doc.original_publisher == "Harbour Review"


def test_headlines_under_a_more_from_label_and_a_labelled_bio_go():
    doc = clean(page("Library hours extended", PROSE, PROSE,
                     "About the author: Nadia Ferris writes on labour for the Harbour Review.",
                     "More from Harbour Review", "Teachers vote on a new contract", "Dockers walk out over pay"))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert not RULES.lexicons.is_related_label("More from three hundred people who marched on Sunday in the rain")


def test_a_press_releases_about_box_goes_but_an_about_heading_over_prose_stays():
    about = "About Harbour Library Trust\nHarbour Library Trust is a charity founded in 1998 that runs the town's libraries."
    doc = clean(page("Library hours extended", PROSE, PROSE, about, "###", "Share this release"))
    assert doc.text == f"{PROSE}\n\n{PROSE}" and "chrome.about" in {r.rule for r in doc.removed}
    heading = clean(page("Library hours extended", PROSE, "About the new hours", PROSE))
    assert heading.text == f"{PROSE}\n\nAbout the new hours\n\n{PROSE}"


def test_the_about_box_lead_is_lexicon_data_a_pack_extends(tmp_path):
    from corpusprep import load_rules

    french = "À propos de Terre Vive\nTerre Vive est une association fondée en 2004 qui gère trois jardins partagés."
    assert clean(page("Les jardins rouvrent", PROSE, PROSE, french, "###")).text == f"{PROSE}\n\n{PROSE}"
    swedish = "Om Gröna Hamnen\nGröna Hamnen är en förening som sedan 2010 driver stadens odlingslotter."
    raw = page("Library hours extended", PROSE, PROSE, swedish, "###")
    assert "Gröna Hamnen är" in clean(raw).text
    pack = tmp_path / "sv.toml"
    pack.write_text('[pack]\nid = "sv"\n[lexicon.about_leads]\nsv = ["om"]\n', encoding="utf-8")
    assert clean(raw, rules=load_rules(pack)).text == f"{PROSE}\n\n{PROSE}"


def test_across_a_menu_the_long_line_over_the_byline_is_the_title_not_the_mastheads_standfirst():
    title = "The lithium rush in the Andes and who will pay for the green transition"
    doc = clean(page("Harbour Review - Centre for Local Reporting", "Home", "Latest News", "Donate", title,
                     "By Marta Ellison", PROSE))
    assert doc.title == title and doc.authors == ["Marta Ellison"]


def test_a_source_line_is_no_byline_for_the_sign_in_prompt_above_it():
    title = "Heat deaths rise among construction workers as temperatures hit 47C"
    doc = clean(page("NewsHub Daily — all the headlines in one place", "Top Stories | World | Business",
                     "Sign in to personalise your feed", "From: World Socialist Web Site", title, "JAMES WREN",
                     "Published 15 Feb 2024 09:12 GMT", PROSE))
    assert doc.title == title and doc.authors == ["James Wren"]


def test_abbreviated_months_relative_times_and_an_aside_after_the_name_are_read():
    doc = clean(page("Library hours extended after long debate", "15 ENE 2024 05:00 AM", PROSE))
    assert doc.date == dt.date(2024, 1, 15)
    doc = clean(page("Library hours extended after long debate", "Mar 12, 2023 Updated 6 hrs ago", PROSE))
    assert doc.date == dt.date(2023, 3, 12) and doc.text == PROSE
    doc = clean(page("Library hours extended after long debate", "Par Claire Dumoulin (Saint-Nazaire, envoyée spéciale)", PROSE))
    assert doc.authors == ["Claire Dumoulin"] and doc.text == PROSE


def test_a_lead_word_matches_whole_words_only():
    assert chrome_score(features("More on this story", RULES.lexicons)) == 1.0
    assert chrome_score(features("More Only The", RULES.lexicons)) < 0.5  # "more on" is no lead of "more only"
    assert clean(page("More Only The Brave", PROSE)).title == "More Only The Brave"


def test_long_headlines_under_a_related_label_at_the_bottom_go_even_inside_a_block():
    block = "\n".join(["VÍDEOS: mais assistidos do Portal Vale", "Veja também",
                       "Motorista fica ferido após carro capotar na rodovia estadual perto da cidade",
                       "Previsão indica chuva forte no fim de semana na Região Metropolitana do Recife"])
    doc = clean(page("Biblioteca amplia horário", PROSE, block, "© 2024 Portal Vale. Todos os direitos reservados."))
    assert doc.text == PROSE and doc.copyright.startswith("© 2024 Portal Vale")


def test_lexicons_read_typographic_apostrophes_as_plain_ones():
    assert line_key("S’abonner") == line_key("s'abonner") and words("l’auteur") == words("l'auteur")


ECHO = "Every article on this site can be read in fifty-one languages: pick one from the menu that sits under the author's name."
DISCLAIMER = "Disclaimer: The views in this article are the sole responsibility of its author."


def test_a_loose_note_near_the_edge_goes_once_the_page_showed_its_sites_notice():
    doc = clean(page("Library hours extended", ECHO, PROSE, PROSE, DISCLAIMER))
    assert doc.text == f"{PROSE}\n\n{PROSE}"
    assert [r.rule for r in doc.removed if r.text == ECHO] == ["notice.globalresearch_en"]


def test_a_loose_note_stays_when_the_page_shows_no_notice_or_when_it_is_deep_inside():
    assert ECHO in clean(page("Library hours extended", ECHO, PROSE, PROSE)).text
    deep = clean(page("Library hours extended", *[PROSE] * 4, ECHO, *[PROSE] * 4, DISCLAIMER))
    assert ECHO in deep.text and DISCLAIMER not in deep.text


def test_lexicons_come_from_any_pack(tmp_path):
    from corpusprep import load_rules

    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nid = "mine"\n[lexicon.chrome_lines]\nen = ["send the desk your photos"]\n', encoding="utf-8")
    raw = page("Library hours extended", PROSE, "Send the desk your photos")
    assert clean(raw).text.endswith("Send the desk your photos")
    assert clean(raw, rules=load_rules(pack)).text == PROSE


# ------------------------------------------------------------------ properties
@ANY
@given(st.lists(st.sampled_from([PROSE, "Sign up", "Get our newsletter in your inbox", "Type your email…\nSubscribe",
                                 "This paper lives on its readers. Subscribe by email.\nSubscribe"]) | messy_text, max_size=10))
def test_appeals_keep_order_and_long_prose_and_drop_nothing_without_chrome_beside(texts):
    paras = [Para(tuple(text.split("\n")), n) for n, text in enumerate(texts)]
    kept, found = drop_appeals(paras, [], RULES)
    assert [p for p in paras if p in kept] == kept and len(kept) + len(found.removed) == len(paras)
    assert kept == paras  # nothing goes when no chrome was removed
    boxed, boxes = drop_boxes(paras, RULES)
    assert all(len(p.lines) > 1 for p in paras if p not in boxed) and len(boxed) + len(boxes.removed) == len(paras)
    assert drop_boxes(boxed, RULES)[0] == boxed
    chrome = [Removal("chrome.inline", "Sign up", n) for n, text in enumerate(texts) if text == "Sign up"]
    kept, found = drop_appeals(paras, chrome, RULES)
    assert PROSE not in [r.text for r in found.removed]


SHOWN = [Removal("notice.globalresearch_en", DISCLAIMER, 99)]


@ANY
@given(st.lists(st.sampled_from([PROSE, ECHO, DISCLAIMER, "Share this:", "Become a member of Global Research."]) | messy_text,
                max_size=12))
def test_notice_echoes_keep_order_drop_only_when_shown_and_are_idempotent(texts):
    paras = [Para((text,), n) for n, text in enumerate(texts)]
    assert drop_notice_echoes(paras, [], RULES)[0] == paras
    once, found = drop_notice_echoes(paras, SHOWN, RULES)
    assert [p for p in paras if p in once] == once and len(once) + len(found.removed) == len(paras)
    assert all(r.rule == "notice.globalresearch_en" for r in found.removed)
    assert PROSE not in [r.text for r in found.removed]
    assert drop_notice_echoes(once, SHOWN, RULES)[0] == once


@ANY
@given(messy_text)
def test_chrome_score_is_bounded_and_deterministic(text):
    score = chrome_score(features(text, RULES.lexicons))
    assert 0.0 <= score <= 1.0
    assert score == chrome_score(features(text, RULES.lexicons))
    kind, _ = classify(features(text, RULES.lexicons), 0.5, 25)
    assert kind in ("chrome", "body", "short")


@ANY
@given(messy_text)
def test_header_line_reader_never_raises_and_reads_names_from_the_line(text):
    got = read_header_line(text, RULES)
    if got is not None:
        assert got.authors or got.date is not None
        for name in got.authors:
            assert all(part.lower() in text.lower() for part in name.split())


@ANY
@given(messy_text)
def test_glued_notice_split_loses_nothing(text):
    got = split_glued(text, RULES, 0.6)
    if got is not None:
        body, notice, _ = got
        assert body and notice
        assert (body + notice).split() == text.split() or " ".join((body + " " + notice).split()) == " ".join(text.split())


@ANY
@given(messy_text)
def test_sentences_keep_every_word_and_template_match_is_bounded(text):
    assert "".join("".join(part.split()) for part in sentences(text)) == "".join(text.split())  # every character, in order
    score, _ = template_match(text, RULES)
    assert 0.0 <= score <= 1.0


@ANY
@given(st.text())
def test_line_key_is_idempotent_and_words_are_lower_case(text):
    assert line_key(line_key(text)) == line_key(text)
    assert all(w == w.lower() for w in words(text))


def test_explain_shows_the_score_of_a_scored_drop():
    from corpusprep import explain

    shown = explain(page("Library hours extended", PROSE, "Share this:"))
    assert "- [chrome.tail 1.00] Share this:" in shown and "- [meta.title] Library hours extended" in shown


# ------------------------------------------------------------------ head: bylines, datelines, decks (headers branch)
def test_posted_by_name_on_a_date_gives_both_fields():
    fields = read_header_line("Posted by Corin Ashdale on May 9, 2021", RULES)
    assert (fields.authors, fields.date) == (["Corin Ashdale"], dt.date(2021, 5, 9))
    assert read_header_line("Posted by Corin Ashdale at 10:05 PM", RULES).authors == ["Corin Ashdale"]


def test_a_byline_with_its_outlet_after_a_comma_gives_the_name():
    assert read_header_line("Por Tiago Mendes, r7 Sorocaba", RULES).authors == ["Tiago Mendes"]


def test_reading_times_relative_times_and_glued_leads_are_header_fields():
    line = "Published Apr 2, 2020 • Last updated Apr 5, 2020 • 4 minute read"
    assert read_header_line(line, RULES).date == dt.date(2020, 4, 2)  # the published date, not the update
    assert read_header_line("9 min read·Feb 8, 2021", RULES).date == dt.date(2021, 2, 8)
    assert read_header_line("05/08/2021 11h15 · Atualizado há 3 meses", RULES).date == dt.date(2021, 8, 5)
    assert read_header_line("Updated09:30, 12 FEB 2020", RULES).date == dt.date(2020, 2, 12)
    assert read_header_line("Ultimo aggiornamento: 3 marzo 2021 08:10", RULES).date == dt.date(2021, 3, 3)
    assert read_header_line("Lesezeit: 5 Min.", RULES).reading


def test_a_reading_time_line_leaves_the_head_as_chrome():
    doc = clean(page("Library hours extended after long debate", "By Dana Whitfield", "Lesezeit: 4 Min.", PROSE))
    assert doc.text == PROSE
    assert ("chrome.head", "Lesezeit: 4 Min.") in [(r.rule, r.text) for r in doc.removed]


def test_a_byline_label_on_its_own_line_and_the_agency_under_a_name_leave_with_the_byline():
    doc = clean(page("Library hours extended after long debate", "Author of the article:\nDana Whitfield", PROSE))
    assert (doc.authors, doc.text) == (["Dana Whitfield"], PROSE)
    doc = clean(page("Library hours extended after long debate", "Dana Whitfield\nThe Canadian Press", PROSE))
    assert (doc.authors, doc.text) == (["Dana Whitfield"], PROSE)
    doc = clean(page("Library hours extended after long debate", "Dana Whitfield\nCity Hall Reporter\n@dwhitfield", PROSE))
    assert (doc.authors, doc.text) == (["Dana Whitfield"], PROSE)


def test_a_sentence_like_standfirst_with_the_byline_under_it_is_not_the_title():
    headline = "Library Board Extends Hours After Long Debate"
    deck = "It was the third time this year that the board had met on the question"
    doc = clean(page(headline, deck, "Dana Whitfield", PROSE))
    assert (doc.title, doc.authors) == (headline, ["Dana Whitfield"])
    assert doc.text == f"{deck}\n\n{PROSE}"  # the standfirst is kept; the name under it is the byline


def test_a_blog_date_header_belongs_to_the_post_title_under_it_not_to_the_tagline():
    doc = clean(page("The Riverside Courier", "Neighbourhood reporting from the east bank since 2014",
                     "Tuesday, March 2, 2021", "Library board extends hours after long debate", PROSE))
    assert (doc.title, doc.date) == ("Library board extends hours after long debate", dt.date(2021, 3, 2))
    assert doc.text == PROSE


def test_a_press_dateline_opening_the_first_paragraph_gives_the_date_and_keeps_the_text():
    first = f"SPRINGFIELD, Ill., March 2, 2021 — {PROSE}"
    doc = clean(page("Friends of the Library", "FOR IMMEDIATE RELEASE", "Library board extends hours after long debate", first, PROSE))
    assert (doc.title, doc.date) == ("Library board extends hours after long debate", dt.date(2021, 3, 2))
    assert doc.text == f"{first}\n\n{PROSE}"
