"""Hypothesis strategies: scraped articles whose clean result is known exactly.

`documents()` draws a `Generated`: the raw text of an article as a scraper could
have saved it, the exact body `clean()` must return, and the metadata it must read.
An article is assembled from parts, each its own strategy:

- `prose()`: 2-6 paragraphs of English sentences with some accented and
  curly-quoted words, written so that no rule of the built-in packs can match them;
- `headers()`: a title and, optionally, a byline in one of the shapes the generic
  pack reads, or the Mondialisation.ca / Global Research header;
- `footers()`: nothing, the WSWS contact footer in its scraped shapes, the French
  Mondialisation.ca notice (fair-use notice split by a page break included), or the
  English Global Research notice reworded (one block or a paragraph per sentence);
- site chrome in our own words: skip links, menus and sign-in prompts above the header,
  share bars, comment forms, related links, credits and advertisements below the footer;
- bylines read field by field: "<date> | By <name> | <section>", "By <name>, <role>",
  numeric dates whose day is over 12;
- `Loading` stubs and a language switcher at the edges;
- noise over the whole text: markdown or HTML markup, mojibake in one sentence,
  HTML entities, a page break in the middle of a sentence, CRLF line endings,
  trailing spaces, extra blank lines.

Each part is an abstract list of blocks (paragraphs of lines of styled spans) that
`_render_block` writes out as plain text, markdown or HTML, so that every kind of noise
composes with every part and the expectation stays the plain words. Where a
combination would be genuinely ambiguous the generator avoids it rather than
weakening the assertions; each such restriction is commented where it is made.
"""

from __future__ import annotations

import datetime as dt
import html
import html.entities
import re
from dataclasses import dataclass, field
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
from hypothesis import strategies as st

from corpusprep.document import METADATA_FIELDS
from corpusprep.rules.compile import default_rules

MODES = ("plain", "markdown", "html")

# --------------------------------------------------------------------------- words
# Real, common English words so language ID confidently says "en". Deliberately
# absent: anything a rule or a notice signal can see ("copyright", "permission",
# "disclaimer", "loading", "source", "contact", "tags", "region", "theme",
# language names, month names, "by"/"par" as a first word, "@", URLs, digits) and
# markup characters (* _ [ ] # < > & `).
PLAIN_WORDS = tuple(
    """
    the of and to in that it was for on are with as his they be at one have this
    from or had not but what some we can out other were all there when up use your
    how said an each she which do their time if will way about many then them write
    would like so these her long make thing see him two has look more day could go
    come did number sound no most people my over know water than call first who
    down side been now find any new work part take get place made live where after
    back little only round man year came show every good me give our under name very
    through just form sentence great think say help low line differ turn cause much
    mean before move right boy old too same tell does set three want air well also
    play small end put home read hand port large spell add even land here must big
    high such follow act why ask men change went light kind off need house picture
    try us again animal point mother world near build self earth father head stand
    own page should country found answer school grow study still learn plant cover
    food sun four between state keep eye never last let thought city tree cross farm
    hard start might story saw far sea draw left late run while press close night
    real life few north open seem together next white children begin got walk
    example ease paper group always music those both mark often letter until mile
    river car feet care second enough plain girl usual young ready above ever red
    list though feel talk bird soon body dog family direct pose leave song measure
    door product black short numeral class wind question happen complete ship area
    half rock order fire south problem piece told knew pass since top whole king
    space heard best hour better true during hundred five remember step early hold
    west ground interest reach fast verb sing listen six table travel less morning
    """.split()
)
ACCENTED_WORDS = ("café", "naïve", "résumé", "façade", "cliché", "décor", "élite", "rôle", "protégé", "fiancée", "déjà", "entrée")
APOSTROPHE_WORDS = ("city’s", "people’s", "government’s", "world’s", "don’t", "it’s", "won’t", "country’s")
PROPER_WORDS = ("Washington", "Washington’s", "Europe", "London", "Geneva", "Brussels", "Ottawa", "Chicago")
QUOTED_WORDS = tuple(f"“{w}”" for w in ("reform", "progress", "security", "order", "freedom", "peace", "change", "help"))
# Plain words outnumber the rest about four to one.
VOCABULARY = PLAIN_WORDS + ACCENTED_WORDS + APOSTROPHE_WORDS + PROPER_WORDS + QUOTED_WORDS
# A title starting with "By" or "Par" reads as a failed byline, not a title.
# A title never starts with a byline lead word of any language ("By", "Par", Dutch "Door"): such a line is a byline.
_LEADS = frozenset(lead for lead in default_rules().lexicons.byline_leads if " " not in lead)
TITLE_WORDS = tuple(w for w in PLAIN_WORDS + ACCENTED_WORDS + APOSTROPHE_WORDS + PROPER_WORDS if w.lower() not in _LEADS)

# Two capitalised ASCII words. No month names or abbreviations ("May", "Jan"), no
# particles, nothing that is also a header label.
FIRST_NAMES = ("Jane", "Thomas", "Alex", "Maria", "Jordan", "Peter", "Laura", "Omar", "Sofia", "David", "Nadia", "Kevin")
LAST_NAMES = ("Doe", "Gaist", "Lantier", "Shilton", "Smith", "Garcia", "Novak", "Keller", "Brown", "Okafor", "Lindqvist")

# No commas (the source line's value ends at none) and no full stops (the copyright
# line stops at a full stop).
ORIGINAL_PUBLISHERS = ("World Socialist Web Site", "Middle East Eye", "Consortium News", "Strategic Culture Foundation")
REGIONS = ("Middle East & North Africa", "Europe", "Asia", "Latin America & Caribbean", "USA", "Canada")
THEMES = ("Crimes against Humanity", "Terrorism", "US NATO War Agenda", "Law and Justice", "Media Disinformation", "Global Economy")
ANALYSES = ("SYRIA", "IRAN", "UKRAINE", "The War on Yemen", "Nuclear War")

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
EN_ABBREVIATIONS = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 6: "Jun", 7: "Jul", 8: "Aug", 9: "Sept", 10: "Oct", 11: "Nov", 12: "Dec"}
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")

# The French Mondialisation.ca notice, copied from seeds/002 ({site} is a link there).
NOTICE_DISCLAIMER = (
    "Avis de non-responsabilité : Les opinions exprimées dans cet article n'engagent que le ou les auteurs. "
    "Le Centre de recherche sur la mondialisation se dégage de toute responsabilité concernant le contenu de "
    "cet article et ne sera pas tenu responsable pour des erreurs ou informations incorrectes ou inexactes."
)
NOTICE_PERMISSION = (
    "Le Centre de recherche sur la mondialisation (CRM) accorde la permission de reproduire la version "
    "intégrale ou des extraits d'articles du site {site} sur des sites de médias alternatifs. La source de "
    "l'article, l'adresse url ainsi qu'un hyperlien vers l'article original du CRM doivent être indiqués. "
    "Une note de droit d'auteur (copyright) doit également être indiquée."
)
NOTICE_PUBLICATION = (
    "Pour publier des articles de {site} en format papier ou autre, y compris les sites Internet commerciaux, "
    "contactez: {mail}"
)
NOTICE_FAIR_USE_1 = (
    "{site} contient du matériel protégé par le droit d'auteur, dont le détenteur n'a pas toujours autorisé "
    "l'utilisation. Nous mettons ce matériel à la disposition de nos lecteurs en vertu du principe "
    '"d\'utilisation équitable", dans le but d\'améliorer la compréhension des enjeux politiques, économiques '
    "et sociaux. Tout le matériel mis en ligne sur ce site est à but non lucratif. Il est mis à la disposition "
    "de tous ceux qui s'y intéressent dans le but de faire de la recherche ainsi qu'à des fins éducatives. Si"
)
NOTICE_FAIR_USE_2 = (
    "vous désirez utiliser du matériel protégé par le droit d'auteur pour des raisons autres que "
    '"l\'utilisation équitable", vous devez demander la permission au détenteur du droit d\'auteur.'
)
NOTICE_MEDIA = "Contact média: {mail}"
MAIL = "media@globalresearch.ca"


# ------------------------------------------------------------------ the abstract page
@dataclass(frozen=True)
class Span:
    """A run of text on a line; `style` is how markup may dress it, `href` a link target."""

    text: str
    style: str = ""  # "", "em", "strong", "link", "strong_link"
    href: str = "#"
    mojibake: bool = False  # written out as UTF-8 bytes read as cp1252


@dataclass(frozen=True)
class Block:
    """A paragraph of one or more lines (a byline and its date share one), or a heading."""

    lines: tuple[tuple[Span, ...], ...]
    heading: bool = False


def _line(*parts: str | Span) -> tuple[Span, ...]:
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts)


def _para(*lines: tuple[Span, ...]) -> Block:
    return Block(tuple(lines))


@dataclass
class Part:
    """A header or footer: its blocks and the metadata fields it guarantees."""

    blocks: list[Block] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    label: str = ""


@dataclass
class Generated:
    """A generated article: `raw` input, the exact `body` clean() must return, and `expected` fields."""

    raw: str
    body: str
    expected: dict[str, Any]
    mode: str = "plain"  # "plain", "markdown" or "html"
    features: tuple[str, ...] = ()

    @property
    def has_markup(self) -> bool:
        return self.mode != "plain"


# ------------------------------------------------------------------------ prose
@dataclass(frozen=True)
class Token:
    word: str
    after: str = ""  # punctuation written right after the word: "", "," or "."

    @property
    def text(self) -> str:
        return self.word + self.after


def _capitalise(word: str) -> str:
    return word[0].upper() + word[1:]


@st.composite
def sentences(draw) -> tuple[Token, ...]:
    """8-30 words, a capital first, a full stop last; commas now and then."""
    first = _capitalise(draw(st.sampled_from(PLAIN_WORDS + ACCENTED_WORDS)))
    # A lower-case second word: no run of capitalised words can be read as names.
    second = draw(st.sampled_from(PLAIN_WORDS))
    rest = draw(st.lists(st.sampled_from(VOCABULARY), min_size=6, max_size=28))
    commas = draw(st.lists(st.integers(1, len(rest)), max_size=2)) if len(rest) > 3 else []
    words = [first, second, *rest]
    tokens = [Token(w, "," if i in commas else "") for i, w in enumerate(words)]
    tokens[-1] = Token(tokens[-1].word, ".")
    return tuple(tokens)


def paragraphs() -> st.SearchStrategy[tuple[tuple[Token, ...], ...]]:
    """1-4 sentences."""
    return st.lists(sentences(), min_size=1, max_size=4).map(tuple)


def prose() -> st.SearchStrategy[list[tuple[tuple[Token, ...], ...]]]:
    """2-6 paragraphs."""
    return st.lists(paragraphs(), min_size=2, max_size=6)


def body_text(paras) -> str:
    return "\n\n".join(" ".join(t.text for s in p for t in s) for p in paras)


# ------------------------------------------------------------------------ dates
@st.composite
def written_dates(draw, french: bool | None = None) -> tuple[str, dt.date]:
    """A date in one of the shapes headers use, and the date it means."""
    date = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    english = ["en_dmy", "en_mdy", "en_abbr", "iso"]
    shape = draw(st.sampled_from(["fr"] if french else english if french is False else [*english, "fr"]))
    if shape == "fr":
        day = "1er" if date.day == 1 and draw(st.booleans()) else str(date.day)
        text = f"{day} {FR_MONTHS[date.month - 1]} {date.year}"
    elif shape == "en_dmy":
        text = f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"
    elif shape == "en_mdy":
        text = f"{EN_MONTHS[date.month - 1]} {date.day}, {date.year}"
    elif shape == "en_abbr":
        month = EN_ABBREVIATIONS.get(date.month)
        text = f"{month}. {date.day}, {date.year}" if month else f"{date.day} May {date.year}"
    else:
        text = date.isoformat()
    return text, date


names = st.builds(lambda first, last: f"{first} {last}", st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES))
author_lists = st.lists(names, min_size=1, max_size=2, unique=True)


def _name_spans(authors: list[str], link: bool) -> list[Span]:
    spans: list[Span] = []
    for i, name in enumerate(authors):
        if i:
            spans.append(Span(" and "))
        spans.append(Span(name, "link" if link else "", "/author/" + name.lower().replace(" ", "-")))
    return spans


# ------------------------------------------------------------------------ header
@st.composite
def titles(draw) -> str:
    """3-12 Title Case words, no final full stop."""
    return " ".join(_capitalise(w) for w in draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=12)))


@st.composite
def bylines(draw, mode: str) -> Part:
    """A byline in one of the shapes the generic pack reads, or none."""
    shape = draw(
        st.sampled_from(["none", "by", "par", "name_date", "name_comma_date", "by_pipe_date", "name_newline_date", "by_newline_date",
                         "by_then_date", "date", "date_by_section", "by_role", "numeric_date", "name_role_then_date",
                         "role_then_date"])
    )
    if shape == "none":
        return Part(label="byline:none")
    authors = draw(author_lists)
    link = mode != "plain" and draw(st.booleans())
    names_ = _name_spans(authors, link)
    date_text, date = draw(written_dates())
    if shape in ("by", "par"):
        lead = "By " if shape == "by" else "Par "
        return Part([_para(_line(lead, *names_))], {"authors": authors}, f"byline:{shape}")
    if shape == "date":
        return Part([_para(_line(date_text))], {"date": date}, "byline:date")
    if shape == "by_role":  # "By Jane Doe, Staff Writer": the role is not a name
        role = draw(st.sampled_from(ROLES))
        return Part([_para(_line("By ", *names_, ", ", role))], {"authors": authors}, "byline:by_role")
    if shape == "name_role_then_date":  # "Jane Doe, Staff Writer" with no lead word: the role says it is the byline
        role = draw(st.sampled_from(ROLES))
        return Part([_para(_line(*names_, ", ", role)), _para(_line(date_text))], {"authors": authors, "date": date},
                    "byline:name_role_then_date")
    if shape == "role_then_date":  # "Staff Writer" alone under the title: a byline that names no one
        return Part([_para(_line(draw(st.sampled_from(ROLES)))), _para(_line(date_text))], {"date": date}, "byline:role_then_date")
    if shape == "numeric_date":  # "Published: 29/12/2017": a day over 12 makes the order certain
        day = draw(st.integers(13, 28))
        date = date.replace(day=day)
        separator = draw(st.sampled_from(["/", "."]))
        lead = draw(st.sampled_from(["", "Published: ", "Updated "]))
        return Part([_para(_line(f"{lead}{day:02d}{separator}{date.month:02d}{separator}{date.year}"))], {"date": date}, "byline:numeric_date")
    fields = {"authors": authors, "date": date}
    if shape == "name_date":
        if mode == "markdown" and not link and draw(st.booleans()):
            # seed 003: "**Jordan Shilton****19 May 2017**"
            line = _line(Span(" and ".join(authors), "strong"), Span(date_text, "strong"))
        else:
            line = _line(*names_, " ", date_text)
        return Part([_para(line)], fields, "byline:name_date")
    if shape == "name_comma_date":
        return Part([_para(_line(*names_, ", ", date_text))], fields, "byline:name_comma_date")
    if shape == "date_by_section":  # "March 3, 2021 | By Jane Doe | Local News"
        section = draw(st.sampled_from(SECTIONS))
        return Part([_para(_line(date_text, " | By ", *names_, " | ", section))], fields, "byline:date_by_section")
    if shape == "by_pipe_date":
        return Part([_para(_line("By ", *names_, " | ", date_text))], fields, "byline:by_pipe_date")
    if shape == "name_newline_date":  # seed 004: name and date on two lines of one paragraph
        return Part([_para(_line(*names_), _line(date_text))], fields, "byline:name_newline_date")
    if shape == "by_newline_date":
        return Part([_para(_line("By ", *names_), _line(date_text))], fields, "byline:by_newline_date")
    # "by_then_date": byline and dateline as two paragraphs
    return Part([_para(_line("By ", *names_)), _para(_line(date_text))], fields, "byline:by_then_date")


def _label_values(values: list[str], link: bool) -> list[Span]:
    spans: list[Span] = []
    for i, value in enumerate(values):
        if i:
            spans.append(Span(", "))
        spans.append(Span(value, "link" if link else ""))
    return spans


@st.composite
def site_headers(draw, mode: str) -> Part:
    """The Mondialisation.ca header of seed 002, or its Global Research twin."""
    french = draw(st.booleans())
    link = mode != "plain" and draw(st.booleans())
    part = Part(label="header:mondialisation" if french else "header:globalresearch")
    if draw(st.booleans()):
        authors = draw(author_lists)
        part.blocks.append(_para(_line("Par " if french else "By ", *_name_spans(authors, link))))
        part.fields["authors"] = authors
    publisher = "Mondialisation.ca" if french else "Global Research"
    date_text, date = draw(written_dates(french=french))
    part.blocks.append(_para(_line(publisher, ", ", date_text)))
    part.fields.update(publisher=publisher, date=date)
    if draw(st.booleans()):
        original = draw(st.sampled_from(ORIGINAL_PUBLISHERS))
        original_date_text, original_date = draw(written_dates())
        comma = draw(st.sampled_from(["", ","]))
        part.blocks.append(_para(_line(Span(original, "link" if link else ""), comma + " " + original_date_text)))
        part.fields.update(original_publisher=original, original_date=original_date)
    if draw(st.booleans()):
        regions = draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=2, unique=True))
        label = draw(st.sampled_from(["Région : ", "Région: "] if french else ["Region: ", "Regions: "]))
        part.blocks.append(_para(_line(label, *_label_values(regions, link))))
        part.fields["regions"] = regions
    if draw(st.booleans()):
        themes = draw(st.lists(st.sampled_from(THEMES), min_size=1, max_size=3, unique=True))
        label = "Thème: " if french else "Theme: "
        values = _label_values(themes, link)
        if len(themes) > 1 and draw(st.booleans()):
            # seed 002: the list breaks onto a second line after a comma
            part.blocks.append(_para(_line(label, *values[:1], ","), _line(*values[2:])))
        else:
            part.blocks.append(_para(_line(label, *values)))
        part.fields["themes"] = themes
    if draw(st.booleans()):
        tags = draw(st.lists(st.sampled_from(ANALYSES), min_size=1, max_size=2, unique=True))
        label = "Analyses: " if french else "In-depth Report: "
        part.blocks.append(_para(_line(label, *_label_values(tags, link))))
        part.fields["tags"] = tags
    return part


@st.composite
def headers(draw, mode: str) -> Part:
    """A title, then a generic byline or a site header."""
    title = draw(titles())
    if mode == "markdown":
        title_block = draw(st.sampled_from(["atx", "setext", "plain"]))
    elif mode == "html":
        title_block = draw(st.sampled_from(["atx", "plain"]))  # <h1> or <p>
    else:
        title_block = "plain"
    if title_block == "setext":
        block = Block((_line(title), _line("=" * draw(st.integers(3, 20)))))
    else:
        block = Block((_line(title),), heading=title_block == "atx")
    rest = draw(st.one_of(bylines(mode), site_headers(mode)))
    return Part([block, *rest.blocks], {"title": title, **rest.fields}, rest.label)


# ------------------------------------------------------------------------ footer
WSWS_LINKS = ("wsws.org/contact", "https://www.wsws.org/contact", "http://wsws.org/contact/", "www.wsws.org/contact")


@st.composite
def wsws_footers(draw, mode: str) -> Part:
    """The WSWS contact footer in the shapes it is scraped in (seeds 000, 003, 004)."""
    name = draw(st.sampled_from(["WSWS", "WSWWS"]))
    comma = draw(st.sampled_from(["", ","]))
    contact = _line(f"To contact the {name} and the Socialist Equality Party{comma} visit:")
    target = draw(st.sampled_from(WSWS_LINKS))
    if mode == "plain":
        style = draw(st.sampled_from(["", "", "link", "strong_link"]))  # markdown links occur in plain scrapes too
    else:
        style = draw(st.sampled_from(["", "link", "strong_link"]))
    text = draw(st.sampled_from(WSWS_LINKS)) if style == "" else "wsws.org/contact"
    link = _line(Span(text, style, target if target.startswith("http") else "https://" + target))
    shape = draw(st.sampled_from(["two_paragraphs", "two_lines", "one_line", "contact_only"]))
    if shape == "two_paragraphs":
        blocks = [_para(contact), _para(link)]
    elif shape == "two_lines":
        blocks = [_para(contact, link)]
    elif shape == "one_line":
        blocks = [_para(contact[:-1] + (Span(contact[-1].text + " "),) + link)]
    else:
        blocks = [_para(contact)]
    return Part(blocks, {"publisher": "World Socialist Web Site"}, f"footer:wsws:{shape}")


@st.composite
def notice_footers(draw, mode: str) -> Part:
    """The French Mondialisation.ca notice of seed 002; each paragraph optional."""
    link = mode != "plain" and draw(st.booleans())
    site = Span("Mondialisation.ca", "link" if link else "")
    mail = Span(MAIL, "link" if mode == "html" and draw(st.booleans()) else "", "mailto:" + MAIL)
    source = draw(st.sampled_from(ORIGINAL_PUBLISHERS))
    author = draw(names)
    year = draw(st.integers(1995, 2025))
    part = Part(label="footer:notice")

    def fill(template: str) -> tuple[Span, ...]:
        spans: list[Span] = []
        for piece in re.split(r"(\{site\}|\{mail\})", template):
            spans.append(site if piece == "{site}" else mail if piece == "{mail}" else Span(piece))
        return tuple(s for s in spans if s.text)

    source_line = _line("La source originale de cet article est ", Span(source, "link" if link else ""))
    copyright_line = _line("Copyright © ", Span(author, "link" if link else ""), ", ", Span(source, "link" if link else ""), f", {year}")
    shape = draw(st.sampled_from(["one_paragraph", "two_paragraphs", "source", "copyright"]))
    if shape == "one_paragraph":  # seed 002: two lines of one paragraph
        part.blocks.append(_para(source_line, copyright_line))
    elif shape == "two_paragraphs":
        part.blocks += [_para(source_line), _para(copyright_line)]
    elif shape == "source":
        part.blocks.append(_para(source_line))
    else:
        part.blocks.append(_para(copyright_line))
    if shape != "copyright":
        part.fields["original_publisher"] = source
    if shape != "source":
        part.fields["copyright"] = f"Copyright © {author}, {source}, {year}"
    if draw(st.booleans()):
        part.blocks.append(_para(_line("Articles Par : ", Span(author, "link" if link else ""))))
        part.fields["authors"] = [author]  # the author, unless a byline above named one
    for template in (NOTICE_DISCLAIMER, NOTICE_PERMISSION, NOTICE_PUBLICATION):
        if draw(st.booleans()):
            part.blocks.append(_para(fill(template)))
    fair_use = draw(st.sampled_from(["none", "split", "whole"]))
    if fair_use == "split":  # seed 002: a page break after "Si"
        part.blocks += [_para(fill(NOTICE_FAIR_USE_1)), _para(fill(NOTICE_FAIR_USE_2))]
    elif fair_use == "whole":
        part.blocks.append(_para(fill(NOTICE_FAIR_USE_1 + " " + NOTICE_FAIR_USE_2)))
    if draw(st.booleans()):
        part.blocks.append(_para(fill(NOTICE_MEDIA)))
    return part


@st.composite
def english_notice_footers(draw, mode: str) -> Part:
    """The English Global Research notice, reworded: some of its sentences, in order, one block or one per paragraph."""
    chosen = [s for s in EN_NOTICE if draw(st.booleans())] or [EN_NOTICE[1]]
    if len(chosen) > 1 and draw(st.booleans()):
        return Part([_para(*(_line(s) for s in chosen))], label="footer:en_notice_block")
    return Part([_para(_line(s)) for s in chosen], label="footer:en_notice")


def footers(mode: str) -> st.SearchStrategy[Part]:
    return st.one_of(st.builds(Part, label=st.just("footer:none")), wsws_footers(mode), notice_footers(mode), english_notice_footers(mode))


STUBS = ("Loading", "Loading...", "Loading…")
ROLES = ("Staff Writer", "Senior Reporter", "Political Correspondent", "Contributing Editor")
SECTIONS = ("Local News", "World", "Politics", "Business", "Opinion")
# Site chrome in our own words, in the shapes real pages have (tests/data/devset.jsonl has more).
HEAD_CHROME = ("Skip to content", "Menu", "Search", "Sign in", "Subscribe", "Home | News | Sport | Opinion", "Accessibility links",
               "Home » News » Local", "-3°C Light snow", "Good morning, readers!", "BREAKING: Ring road closed after overnight repair")
TAIL_CHROME = (
    ("Share this:", "Facebook", "Twitter", "Email"),
    ("Leave a Reply",),
    ("Your email address will not be published. Required fields are marked *",),
    ("Related posts",),
    ("Sign up for our daily newsletter",),
    ("Advertisement",),
    ("Photo: Jane Roe/Agency",),
    ("Share on Facebook", "Share on Twitter"),
    ("Subscribe", "Thank you for subscribing", "We have more newsletters"),
    ("Video Loading", "Click to play"),
    ("Advertisement 2",),
)
# The English Global Research notice, reworded in our own words: no sentence is one a rule spells out.
# Prompts that speak to the reader, over the footer's chrome (they go only with chrome below them).
APPEALS = (
    "Get our weekly newsletter, delivered free each Friday",
    "We handle your details as our privacy notice says.",
    "Download our app for your phone.",
)
EN_NOTICE = (
    "Disclaimer: The views in this article are the sole responsibility of its author.",
    "The Centre for Research on Globalization is not responsible for inaccurate or incorrect statements in this article.",
    "Global Research articles may be cross-posted on community internet sites if the source and copyright are acknowledged with a hyperlink to the original article.",
    "For publication of Global Research articles in print or on commercial internet sites, please contact our publications office.",
    "Comment on Global Research articles on our Facebook page.",
    "Become a member of Global Research.",
)
SWITCHERS = ("English", "Français", "English | Français", "English Français", "Français / English")


# ------------------------------------------------------------------------ noise
def mojibake(text: str) -> str:
    """What a UTF-8 page looks like read as cp1252: "café" -> "cafÃ©"."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _entities(text: str, named: bool) -> str:
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif named and ord(ch) in html.entities.codepoint2name:
            out.append(f"&{html.entities.codepoint2name[ord(ch)]};")
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


@dataclass(frozen=True)
class Noise:
    mode: str
    entities: str  # "", "named" or "numeric": non-ASCII text written as HTML entities
    html_escape: bool  # HTML: "&" written "&amp;"
    wrap_html: bool  # HTML: inside <html><head>...</head><body><div>


_SPAN_MARKUP = {
    "html": {"em": "<em>{text}</em>", "strong": "<b>{text}</b>", "link": '<a href="{href}">{text}</a>',
             "strong_link": '<strong><a href="{href}">{text}</a></strong>'},
    "markdown": {"em": "*{text}*", "strong": "**{text}**", "link": "[{text}]({href})",
                 "strong_link": "**[{text}]({href})**"},
}


def _render_span(span: Span, noise: Noise) -> str:
    text = span.text
    if noise.mode == "html" and noise.html_escape:
        text = text.replace("&", "&amp;")
    if span.mojibake:
        text = mojibake(text)
    elif noise.entities:
        text = _entities(text, noise.entities == "named")
    style = span.style if noise.mode != "plain" or span.style in ("link", "strong_link") else ""
    template = _SPAN_MARKUP["html" if noise.mode == "html" else "markdown"].get(style, "{text}")
    return template.format(text=text, href=span.href)


def _render_block(block: Block, noise: Noise, line_break: str) -> str:
    lines = ["".join(_render_span(s, noise) for s in line) for line in block.lines]
    if noise.mode == "html":
        if block.heading:
            return "<h1>" + "<br>".join(lines) + "</h1>"
        return "<p>" + "<br>\n".join(lines) + "</p>"
    if block.heading:
        return "# " + " ".join(lines)
    return line_break.join(lines)


# ------------------------------------------------------------------------ assembly
def _prose_blocks(paras, decorations: dict[tuple[int, int, int], str], moji: tuple[int, int] | None, split: tuple[int, int] | None) -> list[Block]:
    """Body paragraphs as blocks; a page break before word `i` of paragraph `p` (split=(p, i)) makes two."""
    blocks = []
    for p, para in enumerate(paras):
        words: list[list[Span]] = []
        for s, sentence in enumerate(para):
            for w, token in enumerate(sentence):
                spans = [Span(token.word, decorations.get((p, s, w), ""), f"http://example.com/{p}-{s}-{w}", moji == (p, s))]
                if token.after:
                    spans.append(Span(token.after))
                words.append(spans)
        cuts = [0, split[1], len(words)] if split is not None and split[0] == p else [0, len(words)]
        for a, b in zip(cuts, cuts[1:]):
            line: list[Span] = []
            for spans in words[a:b]:
                if line:
                    line.append(Span(" "))
                line += spans
            blocks.append(Block((tuple(line),)))
    return blocks


def _split_points(paras) -> list[tuple[int, int]]:
    """Where a page break may cut a paragraph so that rejoin must (and can) mend it.

    The next word starts in lower case, at least 3 words precede, and the word before
    does not end as a sentence does (a full stop or a closing quote).
    """
    points = []
    for p, para in enumerate(paras):
        tokens = [t for s in para for t in s]
        for i in range(3, len(tokens)):
            before, after = tokens[i - 1], tokens[i]
            if after.word[0].islower() and not before.after == "." and not before.word.endswith("”"):
                points.append((p, i))
    return points


@st.composite
def documents(draw, modes: tuple[str, ...] = MODES) -> Generated:
    """A whole scraped article with its exact expected clean result."""
    mode = draw(st.sampled_from(modes))
    features = [f"mode:{mode}"]
    header = draw(headers(mode))
    footer = draw(footers(mode))
    paras = draw(prose())
    features += [header.label, footer.label]

    # Markup on words of the body.
    decorations: dict[tuple[int, int, int], str] = {}
    if mode != "plain" and draw(st.booleans()):
        positions = [(p, s, w) for p, para in enumerate(paras) for s, sentence in enumerate(para) for w in range(len(sentence))]
        chosen = draw(st.lists(st.sampled_from(positions), max_size=8, unique=True))
        for pos in chosen:
            decorations[pos] = draw(st.sampled_from(["em", "strong", "link"]))
        features.append("inline_markup")

    # Mojibake in one sentence that has non-ASCII text.
    moji = None
    candidates = [(p, s) for p, para in enumerate(paras) for s, sentence in enumerate(para) if not " ".join(t.text for t in sentence).isascii()]
    if candidates and draw(st.booleans()):
        moji = draw(st.sampled_from(candidates))
        features.append("mojibake")

    # A page break in the middle of a sentence.
    split = None
    points = _split_points(paras)
    if points and draw(st.booleans()):
        split = draw(st.sampled_from(points))
        features.append("page_break")

    start = draw(st.lists(st.sampled_from(STUBS + SWITCHERS), max_size=2))
    end = draw(st.lists(st.sampled_from(STUBS), max_size=2))
    head_chrome = draw(st.lists(st.sampled_from(HEAD_CHROME), max_size=3))
    tail_chrome = draw(st.lists(st.sampled_from(TAIL_CHROME), max_size=3))
    appeals = draw(st.lists(st.sampled_from(APPEALS), max_size=2)) if tail_chrome else []
    if head_chrome:
        features.append("head_chrome")
    if tail_chrome:
        features.append("tail_chrome")
    if start:
        features.append("start_stubs")
    if end:
        features.append("end_stubs")

    blocks = (
        [_para(_line(s)) for s in start]
        + [_para(_line(s)) for s in head_chrome]
        + header.blocks
        + _prose_blocks(paras, decorations, moji, split)
        + footer.blocks
        + [_para(_line(line)) for line in appeals]
        + [_para(*(_line(line) for line in lines)) for lines in tail_chrome]
        + [_para(_line(s)) for s in end]
    )
    noise = Noise(
        mode=mode,
        entities=draw(st.sampled_from(["", "", "named", "numeric"])),
        html_escape=mode == "html" and draw(st.booleans()),
        wrap_html=mode == "html" and draw(st.booleans()),
    )
    if noise.entities:
        features.append("entities")
    line_break = "  \n" if mode == "markdown" and draw(st.booleans()) else "\n"
    extra_blank = draw(st.booleans())
    if mode == "html":
        gaps = st.sampled_from(["\n", "", "\n\n"])
    elif extra_blank:
        gaps = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\n\n\n"])
    else:
        gaps = st.just("\n\n")
    rendered = [_render_block(b, noise, line_break) for b in blocks]
    raw = rendered[0]
    for piece in rendered[1:]:
        raw += draw(gaps) + piece
    if noise.wrap_html:
        raw = (
            "<!DOCTYPE html>\n<html><head><title>Page</title><style>p { margin: 0 }</style></head>\n"
            f'<body><script>var loading = "<p>";</script><div class="article">\n{raw}\n</div></body></html>'
        )
    if extra_blank:
        raw = draw(st.sampled_from(["", "\n", "\n\n\n\n"])) + raw + draw(st.sampled_from(["", "\n", "\n\n\n"]))
        features.append("extra_blank_lines")
    if draw(st.booleans()):
        raw = re.sub(r"(?m)$", lambda m: draw(st.sampled_from(["", " ", "  ", "\t"])), raw)
        features.append("trailing_spaces")
    if draw(st.booleans()):
        raw = raw.replace("\n", "\r\n")
        features.append("crlf")

    expected: dict[str, Any] = {name: None for name in METADATA_FIELDS}
    expected.update(authors=[], regions=[], themes=[], tags=[])
    for name, value in footer.fields.items():
        expected[name] = value
    for name, value in header.fields.items():  # the header is read first: its fields win
        expected[name] = value
    return Generated(raw=raw, body=body_text(paras), expected=expected, mode=mode, features=tuple(features))
