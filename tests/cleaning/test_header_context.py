"""The header read in its context: a headline over its standfirst, a navigation menu under the
masthead, a greeting bar, a desk or a login as the byline.

Documents written for these tests in the shapes of real pages (whole pages are in
tests/data/devset*.jsonl); each test fails on the cleaner before these mechanisms.
"""

from __future__ import annotations

from corpusprep import clean
from corpusprep.cleaning.header import read_header_line
from corpusprep.cleaning.scoring import chrome_score, features
from corpusprep.rules.compile import default_rules

from ..helpers.pages import MORE, PROSE, page

RULES = default_rules()



def test_the_headline_over_its_standfirst_is_the_title_when_the_byline_stands_under_the_standfirst():
    headline = "Library opening hours extended after a long budget fight"
    standfirst = "Councillors say the reserves can carry the cost for two years"
    doc = clean(page("Skip to main content", "Sign in", headline, standfirst, "Harriet Lomax", "Tue 10 Oct 2023 18.30 BST",
                     PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == ["Harriet Lomax"]
    assert standfirst in doc.text  # the standfirst is the article's: it stays in the body


def test_in_a_list_of_headlines_the_one_over_the_byline_is_the_title():
    teasers = ("Flooding: emergency agency warns residents of low-lying areas", "Court fixes date for trial of ex-council chairman")
    headline = "Residents of the harbour estate protest demolition notices"
    doc = clean(page("THE LAGOON TRIBUNE", "Trending", *teasers, headline, "By Adaeze Nwosu", "March 12, 2020", PROSE, MORE))
    assert doc.title == headline


def test_a_menu_under_the_masthead_is_navigation_not_a_byline():
    headline = "Farmers count losses after flash flooding in the valley"
    doc = clean(page("The Harbour Gleaner | Jamaica", "Lead Stories", "News", "Business", "Sports", "Letters", "E-Paper",
                     headline, "Published: Thursday | March 21, 2024 | 12:08 AM", PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == []
    for item in ("Lead Stories", "Business", "Letters", "E-Paper"):
        assert item not in doc.text


def test_a_list_in_sentence_case_above_the_text_is_the_articles():
    items = ("Fermented vegetables", "Kefir", "Kombucha", "Apple cider vinegar")
    doc = clean(page(*items, PROSE, MORE))
    for item in items[1:]:
        assert item in doc.text


def test_a_greeting_bar_is_chrome_not_the_title():
    headline = "Mine rescue teams test their skills at the regional competition"
    doc = clean(page("Skip to content", "Good morning, Timmins! Here's today's weather: -12°C, light snow", headline,
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
    doc = clean(page("Vai al contenuto", "Notizie da Borgovalle", headline, "Pubblicato il 5 marzo 2018 da redazione", PROSE, MORE))
    assert doc.title == headline
    assert doc.date is not None and doc.date.isoformat() == "2018-03-05"


def test_todays_date_in_the_page_bar_is_chrome_and_the_article_date_is_the_one_under_the_title():
    headline = "Residents collect two thousand signatures to keep the night clinic open"
    doc = clean(page("Saltar al contenido", "El Heraldo del Valle", "Lunes, 11 de marzo de 2024", headline,
                     "Por Lucía Herrero", "10 mar 2024 - 19:30", PROSE, MORE))
    assert doc.title == headline
    assert doc.date is not None and doc.date.isoformat() == "2024-03-10"
    assert ("chrome.date_bar", "Lunes, 11 de marzo de 2024") in [(r.rule, r.text) for r in doc.removed]


def test_a_date_alone_above_a_blog_post_stays_its_date():
    headline = "The allotment waiting list has doubled since spring"
    doc = clean(page("Harlow Garden Notes", headline, "Tuesday, November 14, 2017", PROSE, MORE))
    assert doc.date is not None and doc.date.isoformat() == "2017-11-14"


def test_a_post_title_that_ends_a_sentence_is_the_title_right_above_its_byline():
    headline = "We lost two colonies this winter and I think I know why."
    doc = clean(page("Skip to content", "Hazel's Hive Notes – Beekeeping on a windy hill", "Home | About | Contact",
                     headline, "Posted on February 2, 2024 by Hazel Moore", PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == ["Hazel Moore"]


def test_a_caption_between_the_headline_and_the_byline_is_no_title():
    headline = "Market vendors protest their relocation to the new site"
    caption = "Vendors gather outside the old market on Tuesday."
    doc = clean(page("The Western Herald", "Home", headline, "2", caption, "Kimberley Reid", PROSE, MORE))
    assert doc.title == headline


def test_a_sentence_under_a_sentence_or_a_slogan_is_never_the_title():
    for above, line in (("Well, a day after leaving the summer behind, I am settling into my hotel.", "I hope they like my speech."),
                        ("Reader supported news", "PLEASE PASS THIS ON. AN INFORMED PUBLIC IS OUR DEFENCE.")):
        doc = clean(page(above, line, "By Jane Roe", PROSE, MORE))
        assert doc.title != line


def test_a_kicker_under_the_masthead_has_no_standfirst():
    headline = "City council approves a fare rise for the town buses from April"
    deck = "The rise of eight per cent starts in April; opposition councillors tried to delay the vote."
    doc = clean(page("Jornal da Serra", "Menu", "Entrar", "Atibaia e Região", headline, deck,
                     "Por Mariana Tavares, Jornal da Serra", PROSE, MORE))
    assert doc.title == headline


def test_the_weather_and_a_breadcrumb_from_home_are_chrome():
    lex = RULES.lexicons
    for line in ("52°", "-14°C Light snow", "Home » Local News » Bus vendors given 30 days to relocate",
                 "Accueil > Actualités > Millau", "BREAKING: Route 9 reopens after overnight repair"):
        assert chrome_score(features(line, lex)) == 1.0, line
    for line in ("Temperatures reached 47° in the shade on Tuesday, the hottest day on record in the city.",
                 "Live: Storm batters the south coast as trains are cancelled"):
        assert chrome_score(features(line, lex)) < 0.5, line


def test_the_byline_under_a_standfirst_of_prose_is_read():
    headline = "The transit cuts in Cleveland and the lesson of the essential worker myth"
    standfirst = ("Two years after being hailed as heroes, bus drivers are being told to accept route eliminations "
                  "and longer shifts to close a budget gap created by the banks.")
    doc = clean(page("World Socialist Web Site", "Menu", "Perspective", headline, standfirst, "Rachel Ortiz\n14 March 2025",
                     PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == ["Rachel Ortiz"]
    assert doc.date is not None and doc.date.isoformat() == "2025-03-14"
    assert standfirst in doc.text


def test_a_name_slash_role_byline_is_read():
    got = read_header_line("Nadine Palmer/Gleaner Writer", RULES)
    assert got is not None and got.authors == ["Nadine Palmer"]
    credit = read_header_line("Rudolph Brown/Photographer", RULES)  # a photo's credit, not a byline
    assert credit is None or not credit.authors


def test_a_kicker_over_the_headline_is_no_headline_over_a_standfirst():
    headline = "Oregon teachers union rushes vote on deal that leaves class sizes untouched"
    doc = clean(page("World Socialist Web Site", "Menu | Home | Perspectives", "A warning to educators\n" + headline,
                     "By our reporters", "22 November 2019", PROSE, MORE))
    assert doc.title == headline
    assert doc.authors == []
    assert "By our reporters" not in doc.text


def test_a_newspapers_name_is_no_persons_name():
    headline = "Pensioner conned out of his savings by fake bank staff, court hears"
    doc = clean(page("Skip to main content", "Wessex Valley Gazette", "Home › News › Crime", headline,
                     "By Sarah Penhaligon | Court Reporter", "Published: 14:02, 03 March 2024", PROSE, MORE))
    assert doc.title == headline and doc.authors == ["Sarah Penhaligon"]
    got = read_header_line("Por Mariana Tavares, Jornal da Serra", RULES)
    assert got is not None and got.authors == ["Mariana Tavares"]
    credit = read_header_line("Kayla Brenner/The Ridgefield Courier", RULES)  # a photo's credit
    assert credit is None or not credit.authors


def test_a_cookie_wall_line_in_german_is_no_title():
    headline = "Freibad öffnet erst im Juli: Sanierung kostet mehr als geplant"
    wall = ("Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Zugriffe zu analysieren. "
            "Alle akzeptieren | Einstellungen")
    doc = clean(page("Zum Inhalt springen", wall, "Werra-Fulda Bote", headline, "Von Katrin Möller", "12.03.2024, 18:45 Uhr",
                     PROSE, MORE))
    assert doc.title == headline


def test_publisher_datelines_of_older_and_copied_pages_give_their_date():
    for line, date in (("Centre for Research on Globalisation (CRG), globalresearch.ca, 18 August 2004", "2004-08-18"),
                       ("Mondialisation.ca, Le 5 juin 2009", "2009-06-05"),
                       ("27/08/2020 mondialisation.ca 4 min #179342", "2020-08-27")):
        got = read_header_line(line, RULES)
        assert got is not None and got.date is not None and got.date.isoformat() == date, line


def test_a_sentence_with_minutes_in_it_is_no_reading_time():
    assert read_header_line("The council met for 45 minutes on Tuesday", RULES) is None
    headline = "Council sits for 45 minutes on the budget"
    doc = clean(page("Skip to content", headline, "By Jane Roe", PROSE, MORE))
    assert doc.title == headline


def test_glued_bylines_forum_post_lines_and_desk_bylines_are_read():
    got = read_header_line("ByHarriet Lowe, Local Democracy Reporter", RULES)
    assert got is not None and got.authors == ["Harriet Lowe"]
    got = read_header_line("17:05, 4 Feb 2024Updated 17:12, 4 Feb 2024", RULES)
    assert got is not None and got.date is not None and got.date.isoformat() == "2024-02-04"
    got = read_header_line("Postby kestrel_red » Tue Mar 12, 2024 9:14 am", RULES)
    assert got is not None and got.date is not None and got.authors == []
    assert read_header_line("Byron Smith", RULES) is None  # a name, not "By" glued to one
    headline = "Valtrebbia, riapre la provinciale dopo la frana di febbraio"
    doc = clean(page("Il Corriere della Valle", "CRONACA", headline, "di Redazione", PROSE, MORE))
    assert doc.title == headline and doc.authors == []


def test_menu_items_run_together_are_chrome_and_names_with_a_capital_inside_are_not():
    lex = RULES.lexicons
    for line in ("NewsWeatherSportsWatch LiveContestsAdvertise With Us", "CronacaPoliticaEconomiaSportCultura ed EventiNecrologie",
                 "Compartir en WhatsappCompartir en FacebookCompartir en TwitterCopiar enlace"):
        assert chrome_score(features(line, lex)) == 1.0, line
    assert chrome_score(features("DeSantis signs bill at McDonald's after YouTube video", lex)) < 0.5


def test_a_label_ending_in_a_colon_is_no_title():
    headline = "Sri Lankan tea estate workers reject wage deal"
    doc = clean(page("Board index ‹ Labour ‹ International news", headline + "\nPost by dunmore_red » Tue Jun 11, 2019 9:14 pm",
                     "From the World Socialist Web Site:\nBy Chris Haldane, 11 June 2019", PROSE, MORE))
    assert doc.title == headline


def test_a_masthead_named_in_the_pages_copyright_line_is_never_the_title():
    headline = "Bus drivers in Twente stop work again on Thursday"
    doc = clean(page("Dagblad van het Oosten Binnenland", headline, "Door Sanne de Vries\n24 februari 2025, 14:12",
                     PROSE, MORE, "© 2025 Dagblad van het Oosten"))
    assert doc.title == headline


def test_a_forum_threads_starter_and_start_date_are_its_byline():
    headline = "Regional chain to close two more printing plants"
    doc = clean(page("Home\nForums\nNewsroom Talk\nIndustry News", headline, "Thread starter Inkstained\nStart date Mar 3, 2020",
                     PROSE, MORE))
    assert doc.title == headline
    assert doc.date is not None and doc.date.isoformat() == "2020-03-03"


def test_a_weekday_is_no_persons_name_but_a_first_name_that_is_one_stays():
    headline = "Los vecinos de El Encinar reclaman una línea de autobús directa al hospital"
    doc = clean(page("Día Sábado, 19 de Marzo de 2022", headline, "Viernes, 11 de Marzo de 2022", PROSE, MORE))
    assert doc.authors == [] and doc.title == headline
    got = read_header_line("Por Domingo Cavallo", RULES)
    assert got is not None and got.authors == ["Domingo Cavallo"]


def test_a_blogs_name_and_tagline_over_the_post_are_never_its_title():
    for headline in ("Greek workers defy new austerity package", "Why our library branch closing matters more than the budget says"):
        doc = clean(page("Red Ridge Notes\nNotes from a retired machinist on politics, work and the world", headline,
                         "By Samuel Birch\n14 June 2011", PROSE, MORE))
        assert doc.title == headline, headline


def test_under_the_sites_chrome_the_last_headline_over_the_first_prose_is_the_title():
    headline = "Neighbours plant three thousand oaks on the old landfill"
    doc = clean(page("Saltar al contenido principal", "La Voz del Valle", "Portada\nLocal\nDeportes\nCultura\nOpinión",
                     "MEDIO AMBIENTE", headline, PROSE, MORE, "© 2023 La Voz del Valle. Todos los derechos reservados."))
    assert doc.title == headline and doc.text == f"{PROSE}\n\n{MORE}"  # (the footer names the masthead: it is the site's)
    newsletter = page("The Harbour Ledger", "Subscribe\nSign in", headline, PROSE, MORE)
    assert clean(newsletter).title == headline


def test_a_headline_at_the_top_keeps_the_title_over_a_teaser_under_a_banner():
    headline = "Playing the long game on rents"
    doc = clean(page(headline, "Headline: Markets rally as rates hold steady", "A guide to the new tenancy rules", PROSE, MORE))
    assert doc.title == headline  # the page opens with its headline: the line under the banner is no title


def test_a_language_switcher_and_a_note_asking_to_repost_are_the_sites():
    headline = "Dam on the Río Claro: riverside families denounce evictions without rehousing"
    note = ("Note to readers: please use the share buttons above and below. Reposting on your own site or forwarding "
            "to your lists helps us reach new readers.")
    doc = clean(page("Skip to content", note, "Read in: English | Español | Italiano", headline, "By Rosa Quintero", PROSE, MORE))
    assert doc.title == headline and doc.authors == ["Rosa Quintero"]
    assert chrome_score(features("Lire en : English | Español | Italiano", RULES.lexicons)) == 1.0


def test_a_bare_name_over_a_dateline_is_the_byline_below_a_sections_label():
    headline = "Surf club opens its new clubhouse after six years of delays"
    doc = clean(page(headline, "The Coastal Gazette", "Subscribe\nLog in", "Local News", "Bridget Hale and Sam Whitby",
                     "Updated October 3 2021 - 4:45pm", PROSE, MORE))
    assert doc.authors == ["Bridget Hale", "Sam Whitby"] and doc.text.endswith(f"{PROSE}\n\n{MORE}")
    assert "Bridget Hale" not in doc.text and str(doc.date) == "2021-10-03"
    assert clean(page(headline, PROSE, "Sam Whitby", MORE)).authors == []  # a name alone in the body is no byline


def test_a_newsletters_name_and_date_under_the_standfirst_are_read_past_it():
    headline = "The county budget everyone voted for and nobody read"
    standfirst = ("A close reading of the long spending plan the commissioners approved last week turns up three "
                  "surprises, and one of them will show up on your water bill next spring.")
    doc = clean(page("The Harbour Ledger", "Subscribe\nSign in", headline, standfirst, "Priya Castell", "Sep 21, 2023",
                     PROSE, MORE))
    assert (doc.title, doc.authors, str(doc.date)) == (headline, ["Priya Castell"], "2023-09-21")
    assert standfirst in doc.text


def test_a_block_of_short_lines_mostly_chrome_is_a_menu_whole_and_gives_no_byline():
    headline = "Who pays for the port? Fishermen, dredging contracts and a town left out"
    menu = "Home\nLatest\nArticles by Theme\nArticles by Region\nDonate\nLogin"
    doc = clean(page("Skip to main content", menu, "Harbour Research", "Theme: Global Economy", "Region: Latin America",
                     headline, "By Marguerite Ellis", PROSE, MORE))
    assert (doc.title, doc.authors) == (headline, ["Marguerite Ellis"]) and "Articles by" not in doc.text
    byline_in_bar = clean(page(headline, "Share\nTweet\nRosa Quintero\nMar 03, 2024\nEmail", PROSE, MORE))
    assert byline_in_bar.authors == ["Rosa Quintero"]  # a person's name in the bar stays a byline


def test_share_buttons_in_six_languages_are_chrome_by_their_lead():
    for line in ("Compartir en WhatsApp", "Condividi su Telegram", "Teilen auf Mastodon", "Share on Bluesky",
                 "Compartilhar no Telegram", "Partager par courriel"):
        assert chrome_score(features(line, RULES.lexicons)) == 1.0, line


def test_a_markdown_heading_over_a_date_keeps_the_title_from_the_line_under_the_date():
    body = "The the the the the the the the."  # (hypothesis found it: a blog's date-over-post-title reading won)
    long = "The the the the the the the the the. The the the the the the the the the the the the the the the the."
    for heading, date in (("# The The The", "13/01/2000"), ("# The The The", "1 January 2000"), ("The The The", "1 January 2000")):
        doc = clean(page(heading, date, body, long))  # (plain too: a sentence of function words is the text's first)
        assert (doc.title, doc.text) == ("The The The", f"{body}\n\n{long}")
        assert clean(doc.title + "\n\n" + doc.text).text == doc.text


def test_a_sentence_under_a_date_alone_stays_the_texts_first_so_cleaning_twice_agrees():
    long = "The the the the the the the the the. The the the the the the the the the the the the the the the the."
    for sentence in ("Way way the the the the way way.", "Commissioners pass the road bond on a split vote. Now the hard part."):
        doc = clean(page("The The The", "1 January 2000", sentence, long))
        assert doc.title == "The The The" and doc.text.startswith(sentence)
        assert clean(doc.title + "\n\n" + doc.text).text == doc.text
