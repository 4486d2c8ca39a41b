"""Read a header line field by field: "March 3rd, 2021 | By Dana Whitfield | Local News".

A byline or dateline has too many shapes for whole-line patterns, but its parts have
few: a date (any shape `dates` reads, with a time, a weekday or "Updated" around it),
person names (after a lead word such as "By", "Par", "Von", or alone beside a date),
and a site, desk or role ("Local News", "Staff Writer"). A line is cut at its
separators (| • · – — and commas), each field is classified, and the line is a header
line only when every field is one of these and it gave a date or an author. Anything
else (a sentence, an unknown word) makes it not a header line, so prose is never read
as metadata.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..rules.compile import RuleSet
from ..rules.lexicon import Lexicons, line_key

_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s[»›]\s|\s+[–—-]+\s+|\s*—\s*|\s+//?\s+")
_TIME = re.compile(
    r"(?i)(?<![\w:])(?:at\s+|um\s+|à\s+|alle\s+|a las\s+|às\s+)?\d{1,2}(?:[:h.]\d{2}){1,2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:uhr|h))?(?:\s*\(?(?:[A-Z]{2,5}|GMT[+-]\d{1,2}|UTC[+-]?\d{0,2})\)?)?(?![\w:])"
)
_ISO_TAIL = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]{0,30}|[A-ZÀ-ÖØ-Þ]\.)$")
_PARTICLES = frozenset("de da del della di du des la le van von der den ter al el bin ibn abu dos das e y".split())
_HONORIFICS = frozenset("dr dr. prof prof. mr mr. mrs mrs. ms ms. sir dame rev rev.".split())
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|et|und|y|e)\s+")
_ASIDE = re.compile(r"\s*\([^()\d]{2,60}\)?$")  # "Claire Dumoulin (Saint-Nazaire, envoyée spéciale)", "(Reuters)"
_FOR_SITE = re.compile(r"(?i)\s+(?:for|pour|für|para|per)\s+\S.*$")
_LOGIN = re.compile(r"[\w.@-]{1,40}")
#: A reading time: "6 min read", "3-min read", "2 minute read", "Lesezeit: 3 Min." (the words around it are lexicon words).
_MINUTES = re.compile(r"(?i)(?<![\w.])\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?:\s|-)?(?:minutes?|minutos?|minuti|minuten|mins?)\.?(?!\w)")
#: A relative time: "há 2 anos", "2 hours ago", "il y a 3 heures", "vor 2 Stunden", "hace 2 horas", "2 ore fa".
_RELATIVE = re.compile(r"(?i)(?<!\w)(?:(?:há|hace|vor|il y a)\s\d{1,3}\s[^\W\d_]{3,10}|\d{1,3}\s[^\W\d_]{3,10}\s(?:ago|fa))(?!\w)")
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years hrs mins secs wks mths yrs "
    "seconde secondes heure heures jour jours semaine semaines mois an ans année années "
    "sekunde sekunden minute minuten stunde stunden tag tagen woche wochen monat monaten jahr jahren "
    "segundo segundos minuto minutos hora horas día días dia dias semana semanas mes meses año años ano anos "
    "secondo secondi minuto minuti ora ore giorno giorni settimana settimane mese mesi anno anni".split()
)
#: A date lead glued to its time or date by a scraper: "Updated16:45, 3 JUN 2019".
_GLUED_LEAD = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,20})(?=\d)")
_MINUTES_ALONE = re.compile(_MINUTES.pattern + r"(?=\s*$|\s+[^\w\s])")
_GLUED_BYLINE = re.compile(r"^(By|Par|Von|Por|Di|Door)(?=[A-ZÀ-Þ][a-zà-ÿ])")
_GLUED_UPDATE = re.compile(r"(?<=\d)(?=(?:Updated|Mis à jour|Aktualisiert|Actualizado|Aggiornato|Atualizado)\b)")
_POST_ID = re.compile(r"(?<!\S)#\d{1,9}(?!\S)")
_SLASH_ROLE = re.compile(r"([^/,|]{3,60}?)\s?/\s?([^/,|]{2,50})")  # "Nadine Palmer/Gleaner Writer"
_IN_PLACE = re.compile(r"\s+(?:in|from|reporting from|en|aus|à|a)\s+[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,2}$")


@dataclass
class HeaderFields:
    """What one header line gave."""

    authors: list[str] = field(default_factory=list)
    date: _dt.date | None = None
    lead: bool = False  # a byline lead word ("By") was read
    role: bool = False  # a field made only of role or desk words ("Staff Writer") stood beside the names
    reading: bool = False  # a reading time ("6 min read") or a relative time ("Updated 2 hours ago") was read
    sections: int = field(default=0, repr=False)  # fields made only of role or section words
    desk: bool = field(default=False, repr=False)  # a lead before a desk or a login, no person ("By our reporters")


MENU_SECTIONS = 3


def read_header_line(line: str, rules: RuleSet, numeric_order: str = "dmy", bare_names: bool = False) -> HeaderFields | None:
    """The authors and date of a header line, or None when any part of it is not header.

    A name without a lead word counts only beside a date ("Thomas Gaist | 20 July
    2016"), or when `bare_names` says the line stands where a byline stands. A line
    that gives only a reading time ("Lesezeit: 3 Min.") is header too: the fields it
    gave are empty and `reading` says what it was.

    >>> from corpusprep.rules import default_rules
    >>> read_header_line("March 3rd, 2021 | By Dana Whitfield | Local News", default_rules())
    HeaderFields(authors=['Dana Whitfield'], date=datetime.date(2021, 3, 3), lead=True, role=True, reading=False)
    >>> read_header_line("The council met on 3 March 2021 to vote.", default_rules()) is None
    True
    """
    if len(line) > 300 or rules.date_finder is None:
        return None
    read = _read_header_line(line, rules, numeric_order, bare_names)
    return None if read is None else dataclasses.replace(read, authors=list(read.authors))  # the caller's own copy


@functools.lru_cache(maxsize=4096)
def _read_header_line(line: str, rules: RuleSet, numeric_order: str, bare_names: bool) -> HeaderFields | None:
    """`read_header_line`, memoised: the head and tail readers ask it of the same lines (a third of the
    calls within a page), and sites repeat their header lines from one page to the next."""
    line = _GLUED_BYLINE.sub(r"\1 ", line, count=1)  # "ByHarriet Lowe": a lead glued to the name
    line = _GLUED_UPDATE.sub(" ", line)  # "4 Feb 2024Updated 17:12": a date glued to the next lead
    slashed = _SLASH_ROLE.fullmatch(line) if "/" in line and len(line) <= 120 else None
    if slashed and is_byline_tail(slashed.group(2), rules) \
            and slashed.group(2).split()[-1].lower() in rules.lexicons.role_words:
        line = f"{slashed.group(1)}, {slashed.group(2)}"  # "Nadine Palmer/Gleaner Writer": the names, then the role
    if not bare_names and not _may_be_header(line, rules):
        return None  # no digit, no lead word, no separator: a title or a sentence, not a header line
    bare_names = bare_names or _names_with_role(line, rules)
    out = HeaderFields()
    rest = _ISO_TAIL.sub(" ", line) if "T" in line else line
    if "#" in rest:
        rest = _POST_ID.sub(" ", rest)  # "27/08/2020 mondialisation.ca 4 min #179342": a post's number
    if any(ch.isdigit() for ch in rest):
        rest = _unglue_leads(rest, rules.lexicons.date_leads)
    date_finder = rules.date_finder
    assert date_finder is not None  # (read_header_line returns None without one)
    for found_date in date_finder.finditer(rest):
        date = rules.dates.read(found_date.group(), numeric_order)
        if date is None:
            return None
        out.date = out.date or date  # "Published: …, 7 March 2019 | Updated: …": the first date is the date
    if out.date is not None:
        rest = date_finder.sub(" | ", rest)
    if any(ch.isdigit() for ch in rest):
        rest = _TIME.sub(" | ", rest)
        rest, relative = _RELATIVE.subn(_relative_time, rest)
        rest = _MINUTES_ALONE.sub("\x00", rest)  # "… mondialisation.ca 4 min": a reading time between fields
        out.reading = out.reading or "\x00" in rest
        rest = rest.replace("\x00", " | ")
    pending: list[str] = []
    for part in _SEPARATORS.split(rest):
        if not _read_field(part, rules, out, pending) and not ((out.date is not None or out.lead) and _is_place(part)):
            return None  # (a place is a dateline's or a byline's: "Sevilla, 07 de marzo de 2019", "Por Ana Souza — Recife")
    if out.sections >= MENU_SECTIONS and not out.lead and out.date is None:
        return None  # "News | Sports | Arts | Opinion | Print Edition": a menu, not a byline with its desk
    if pending and not out.lead:  # beside a byline, more bare names are a site ("By X / True Horizon")
        if not (out.date is not None or out.role or bare_names):
            return None
        out.authors.extend(pending)
    return out if out.date is not None or out.authors or out.reading or out.desk else None  # (a desk alone: "By our reporters")


def _unglue_leads(line: str, date_leads: frozenset[str]) -> str:
    """ "Updated16:45" as "Updated 16:45": a lead word of the lexicon glued to the digits after it."""
    return _GLUED_LEAD.sub(lambda m: m.group(1) + " " if m.group(1).lower() in date_leads else m.group(1), line)


def _relative_time(found: re.Match[str]) -> str:
    """A relative time ("há 2 anos") as a marker the caller turns into a separator; other words as they were."""
    unit = [w for w in found.group().split() if w.isalpha() and w.lower() not in ("há", "hace", "vor", "il", "y", "a", "ago", "fa")]
    return "\x00" if unit and unit[-1].lower() in _TIME_UNITS else found.group()


def _may_be_header(line: str, rules: RuleSet) -> bool:
    """A cheap test that a line could be a header line: a digit, a separator, or a byline or date lead word."""
    if any(ch.isdigit() for ch in line) or _SEPARATORS.search(line) or "," in line:
        return True
    key = line_key(line)
    return key.startswith(rules.lexicons.byline_leads) or key.split(" ", 1)[0] in rules.lexicons.date_leads


def _read_field(part: str, rules: RuleSet, out: HeaderFields, pending: list[str]) -> bool:
    """Classify one field into `out` (or `pending`, for bare names); False when it is not a header field."""
    lex = rules.lexicons
    text = part.strip(" \t,;:()[]*_").strip(" -–—").strip()
    if not text or not any(ch.isalpha() for ch in text):
        return not any(ch.isdigit() for ch in text)  # punctuation is nothing; a stray number is not header
    key = line_key(text)
    if key in lex.date_leads:
        return True
    if _is_reading_time(text, lex):
        out.reading = True
        return True
    for lead in lex.byline_leads if key.startswith(lex.byline_openings) else ():
        if key.startswith(lead + " ") or key.startswith(lead + ":"):
            after = _drop_trailing_leads(text[len(lead):].lstrip(" :"), lex.date_leads)
            names = _names(after, lex) or _names_and_outlet(after, lex)
            if names is None:
                desk = _desk(after, lex) and not part.rstrip().endswith(":")  # ("Author of the article:" is a label)
                if not _LOGIN.fullmatch(after) and not desk:
                    return False
                names = []  # a login or a desk ("von redaktion", "by admin", "par la rédaction"): a byline with no person
                out.desk = out.desk or desk or after.islower()  # ("da Roma" is a place)
            out.lead = True
            out.authors.extend(names)
            return True
    words = key.split()
    if words and words[0] in lex.date_leads and all(w in lex.date_leads or w in lex.not_name_words for w in words):
        return True
    if len(words) <= 5 and all(w in lex.not_name_words for w in words):
        out.role = True  # a desk, a role, a section
        out.sections += 1
        return True
    names = _names(_drop_trailing_leads(text, lex.date_leads), lex)
    if names is not None:
        pending.extend(names)
        return True
    if _is_site(text, lex):
        return True
    pieces = [piece for piece in text.split(",") if piece.strip()] if "," in text else []
    return len(pieces) > 1 and all(_site_or_lead(piece, lex) for piece in pieces)  # "Mondialisation.ca, Le"


def _site_or_lead(piece: str, lex: Lexicons) -> bool:
    """A piece of a field between commas that is a site or a date lead ("globalresearch.ca", "Le")."""
    text = piece.strip(" \t;:[]*_")
    return line_key(text) in lex.date_leads or _is_site(text, lex)


def _desk(text: str, lex: Lexicons) -> bool:
    """ "la rédaction", "the editors", "die Redaktion": a desk's words and function words only, one desk word at least."""
    found = [w.strip(".,;:").lower() for w in text.split()]
    return 0 < len(found) <= 4 and any(w in lex.not_name_words for w in found) \
        and all(w in lex.not_name_words or w in lex.stopwords for w in found)


def _names_with_role(line: str, rules: RuleSet) -> bool:
    """ "Rachel Tan Wei Ling, Transport Correspondent": names, then a role after the last comma.
    The role says what a lead word would, that the names are the byline's."""
    names, comma, role = line.rpartition(",")
    return bool(comma) and len(line) <= 120 and is_byline_tail(role, rules) \
        and _names(names, rules.lexicons) is not None


def _drop_trailing_leads(text: str, date_leads: frozenset[str]) -> str:
    """ "Renata Silva on" as "Renata Silva": the date lead of "Posted by Renata Silva on July 2, 2018" stays behind the names."""
    words = text.split()
    while len(words) > 2 and words[-1].lower() in date_leads:
        words.pop()
    return " ".join(words)


def _names_and_outlet(text: str, lex: Lexicons) -> list[str] | None:
    """The names of "Ana Ribeiro, g1 Campinas" (a byline's names, then the outlet after the last comma), or None."""
    names, comma, outlet = text.rpartition(",")
    words = outlet.split()
    if not comma or not 1 <= len(words) <= 4 or any(w.lower() in lex.stopwords for w in words) \
            and not any(w.lower() in lex.not_name_words for w in words):
        return None  # (function words only in an outlet's name: "Jornal da Serra")
    if not all(w[:1].isalnum() for w in words) or not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
        return None
    return _names(names, lex)


def _is_reading_time(text: str, lex: Lexicons) -> bool:
    """ "6 min read", "2 minute read", "Lesezeit: 3 Min.": a number of minutes and only lexicon words around it."""
    if not any(ch.isdigit() for ch in text):
        return False
    rest, found = _MINUTES.subn(" ", text, count=1)
    if not found or any(ch.isdigit() for ch in rest):
        return False
    around = line_key(rest).replace(":", " ").split()
    return len(around) <= READING_WORDS and all(w in lex.not_name_words or w in lex.stopwords or w in lex.date_leads for w in around)


READING_WORDS = 4  # words around the minutes ("Tempo di lettura"): "The council met for 45 minutes on Tuesday" is a sentence


def is_byline_tail(line: str, rules: RuleSet) -> bool:
    """A line that belongs to the byline above it: a role, a desk or a wire agency ("Health Reporter",
    "La Presse Canadienne", "Associated Press"), or the author's social handle ("@jdoe_news").

    The line ends on a word of the not-name lexicon (its head noun: "reporter",
    "press") and every other word is one too, a function word, a name particle or a
    capitalised qualifier ("City Hall"), so a name or a sentence never makes one.
    """
    text = line.strip()
    if re.fullmatch(r"@[\w.]{2,30}", text):
        return True
    words = [w.strip(".,;:()").lower() for w in text.split()]
    if not 1 <= len(words) <= 5:
        return False
    lex = rules.lexicons
    raw = [w.strip(".,;:()") for w in text.split()]
    if words[-1] not in lex.not_name_words or words[-1] in lex.stopwords:
        return False
    return all(w in lex.not_name_words or w in lex.stopwords or w in _PARTICLES or r[:1].isupper() for w, r in zip(words, raw))


def _names(text: str, lex: Lexicons) -> list[str] | None:
    """The person names in "Jane Doe and John Roe", roles and sites aside ("Jane Doe, Staff Writer", "CNN"), or None."""
    not_name, lex_stopwords = lex.not_name_words, lex.stopwords
    text = _FOR_SITE.sub("", _IN_PLACE.sub("", _ASIDE.sub("", text.strip(" :,;."))))
    names = []
    for piece in _NAME_SPLIT.split(text):
        words = piece.strip(" .").split()
        role_word: Callable[[str], bool] = lambda w: w.lower().strip(".") in not_name and w.lower() not in lex_stopwords  # noqa: E731
        while words and role_word(words[-1]):
            words.pop()  # "Priya Natarajan Staff Reporter"
        while words and role_word(words[0]):
            words.pop(0)
        if len(words) <= 1 or any(w.lower().strip(".") in not_name for w in words):
            continue  # a role, a desk or a site beside the names ("Staff Writer", "CNN", "Harvey Organ Blog")
        name = _person(words, lex.not_name_or_stopwords)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    return names or None


def _person(words: list[str], not_name: frozenset[str]) -> str | None:
    """"Dana Whitfield", "Jean-Luc de la Tour", "J. R. Smith" as a name (all capitals made Title Case), or None."""
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    core = [w for w in words if w.lower() not in _PARTICLES]
    if not 2 <= len(core) <= 4 or len(words) > 6 or words[0].lower() in _PARTICLES:
        return None
    if any(not _NAME_WORD.match(w) or w.lower() in not_name for w in core):
        return None
    if all(len(w) > 1 and w.isupper() for w in core):
        words = [w if w.lower() in _PARTICLES else w.capitalize() for w in words]
    return " ".join(words)


def _is_site(text: str, lex: Lexicons) -> bool:
    """A site or publication name beside a byline: a few capitalised words or a domain ("Local News",
    "Example.com", "wsws.org/fr", "Centre for Research on Globalisation (CRG)": function words and an
    acronym in brackets aside)."""
    text = _ACRONYM.sub("", text)
    words = text.split()
    if len(words) > 7:
        return False
    if re.fullmatch(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/[\w-]{1,20})?/?", text):  # "wsws.org/fr"
        return True
    not_name = lex.not_name_words
    return bool(words) and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in not_name or w.lower() in lex.stopwords for w in words) \
        and any(w.lower() in not_name for w in words)


_ACRONYM = re.compile(r"\s*\([A-Z]{2,6}\)$")


def _is_place(part: str) -> bool:
    """One to three capitalised words and nothing else: the place of a dateline."""
    words = part.strip(" ,;:()-–—").split()  # (a dash left by a time before it: "07:42 pm IST - THENI")
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)


def _is_role(text: str, not_name: frozenset[str]) -> bool:
    """A role, a desk or an office: its last word, the head of the phrase, is a not-name word
    ("Local Democracy Reporter", "University Communications", "Staff")."""
    words = [w.lower().strip(".,;:()") for w in text.split()]
    return bool(words) and words[-1] in not_name


def tidy_fields(fields: dict[str, Any], rules: RuleSet) -> dict[str, Any]:
    """`fields` with each author read as `_names` reads one: roles, sites and " for X" aside, capitals made Title Case.

    Rules of the packs capture "By JANE DOE FOR THE DAILY" or "Jane Doe Staff Reporter"
    whole; the header reader's name reading makes them the same list it would give.
    """
    if not fields.get("authors"):
        return fields
    tidied: list[str] = []
    not_name = rules.lexicons.not_name_words
    for author in fields["authors"]:
        names = _names(author, rules.lexicons)
        if names is None:  # a role ("Staff Writer", "Local Democracy Reporter") is dropped; a name the reader cannot parse is kept
            names = [] if _is_role(author, not_name) else [author]
        for name in names:
            if name not in tidied:
                tidied.append(name)
    return {**fields, "authors": tidied}
