"""Stage 4: read the header zone, from the top down to the first long prose paragraph.

The reader looks past what it does not know: every paragraph above the first long
prose one, and every line of a multi-line block there, is classified first (a rule of
the packs, a header line read field by field, chrome by score, a headline-like line,
or unknown text), and only then decided:

- rule hits and header lines move into fields, chrome is dropped (``chrome.head``);
- the title is chosen by score among the headline-like lines: a heading, the line right
  above a byline or date, or right above the first prose, wins; the first candidate is
  preferred when nothing tells them apart (``meta.title``);
- short non-prose lines above the chosen title are the site's masthead, motto or
  navigation (``chrome.masthead``); a line repeating the title is dropped (``meta.title_repeat``);
- a bare name right under the title (or under its standfirst) is the byline, and so is a
  label line ("Author of the article:") with the name on the next line (``meta.byline``);
- a role, a wire agency or a social handle right under a byline is the byline's
  ("Health Reporter", "The Canadian Press", "@jdoe"): it leaves with it (``meta.byline``);
- a reading time ("Lesezeit: 3 Min.") is header chrome (``chrome.head``);
- unknown text (a deck, a caption, a quotation) stays where it is.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..document import Removal
from ..rules.compile import Rule, RuleSet
from ..rules.lexicon import Lexicons, fold, words
from .captions import CAPTION_RULE, copy_of, is_caption, is_credit, short_line
from .caseless import Caseless
from .findings import Found
from .header import is_byline_tail, read_header_line, tidy_fields
from .notices import NOTICE_RULE, notice_share
from .options import CleanOptions
from .paragraphs import Para
from .scoring import CHROME, chrome_score, classify, features
from .zones import LIST_LABEL_FIELDS, TITLE_RULE, first_match, looks_like_title, match_paragraph, wrapped

_MARKS = re.compile(r"[©®™]|\b\d{3}[-.]\d{3}[-.]\d{4}\b")  # a copyright mark or a phone number: a masthead or a prompt, not a headline
HEADER_RULE = "meta.byline"
DATELINE_RULE = "meta.dateline"
REPEAT_RULE = "meta.title_repeat"
DATE_BAR_RULE = "chrome.date_bar"
CHROME_RULE = "chrome.head"
MASTHEAD_RULE = "chrome.masthead"
LEAD_DATELINE = "lead_dateline"  # the kind of a unit standing for the dateline that opens the body: read, never removed
#: The place of a press dateline: "OAKLAND, Calif.", "SÃO PAULO", "Lyon (Rhône)".
_PLACE = re.compile(r"[A-ZÀ-Þ][\w'’.-]{0,30}(?: [A-ZÀ-Þ][\w'’.-]{0,30}){0,3}(?: \([\w .'’-]{1,30}\))?(?:, [A-ZÀ-Þ][\w.]{0,15}){0,2}")
_DASH = re.compile(r"\s*(?:\([\w .'’-]{1,30}\)\s*)?(?:/[\w .-]{1,30}/\s*)?(?:[—–]|--?)\s")
_AFTER_DATE = re.compile(r"(?:\s*/\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*\([\w .'’/&-]{1,40}\))?\.?")  # "/ 04:26 am (CNA/EWTN News)."


@dataclass
class Unit:
    """One line of the header zone and what it was read as."""

    para: int  # position in the list of paragraphs
    line: int
    text: str
    kind: str  # "rule", "header", "chrome", "title", "text"
    heading: bool = False
    fields: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    score: float | None = None
    lines: int = 1  # a title wrapped over its paragraph's two lines is one unit
    name: bool = False  # the line is nothing but a person's name: a byline, never the title
    after_date: bool = False  # a headline-like line right under a date alone (a blog's date header above its post title)
    late: bool = False  # a headline-like line past the first sentences or metadata: the title only on strong evidence
    site: bool = False  # its name stands in the page's copyright line: the site's masthead, never the title
    after_prose: bool = False  # late past sentences (an appeal): a headline above it keeps the title


def read_head(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Move the header's metadata into fields and drop its chrome; keep unknown text in place."""
    options = options or CleanOptions()
    found = Found()
    units, zone_end = _classify(paras, rules, known, options)
    bars = _date_bars(units)
    if bars:  # read again with today's date as chrome: the title under it is not past the metadata
        units, zone_end = _classify(paras, rules, known, options, bars)
    _mark_menus(units)
    _mark_site_names(units, paras)
    _mark_tagline(units)
    _sentence_titles(units)
    _join_byline_labels(units, rules, options)
    _caption_over_credit(units, rules)
    lead_date = None if zone_end >= len(paras) or any(u.fields.get("date") for u in units) or known.get("date") \
        else press_dateline(paras[zone_end].text, rules, options.numeric_date_order)
    if lead_date is not None:  # "OAKLAND, Calif., June 4, 2019 — …": the date is read, the paragraph stays whole
        found.add_fields({"date": lead_date})
        units.append(Unit(zone_end, 0, paras[zone_end].text, LEAD_DATELINE, fields={"date": lead_date}))
    prose_below = zone_end < len(paras) and _is_prose(paras[zone_end], rules, options)
    title_at, evidence = (None, 0.0) if known.get("title") else _choose_title(units, rules.lexicons, prose_below)
    drop: dict[tuple[int, int], Removal] = {}

    def remove(unit: Unit, rule: str, score: float | None = None) -> None:
        drop[(unit.para, unit.line)] = Removal(rule, unit.text, paras[unit.para].index, score)

    for unit in units:
        if unit.kind in ("rule", "header"):
            remove(unit, unit.rule)
            found.add_fields(tidy_fields(unit.fields, rules))
        elif unit.kind == CHROME:
            remove(unit, unit.rule, unit.score)
    if title_at is not None:
        title = units[title_at]
        found.fields["title"] = title.text
        remove(title, TITLE_RULE)
        for unit in units[:title_at]:
            if unit.kind in ("title", "text") and (evidence >= CONFIDENT and not _sentence_of_prose(unit.text, rules)
                                                    or _above_title(unit, rules, options)):
                remove(unit, MASTHEAD_RULE)
        _read_after_title(units[title_at + 1:], rules, options, found, remove)
    if not found.fields.get("authors") and not known.get("authors"):
        _read_name_over_date(units, rules, options, found, remove)
    _remove_byline_tails(units, rules, drop, remove)
    known_title = found.fields.get("title") or known.get("title")
    for unit in units:
        if known_title and unit.kind in ("title", "text") and (unit.para, unit.line) not in drop and unit.text == known_title:
            remove(unit, REPEAT_RULE)
    units = [u for u in units if u.kind != LEAD_DATELINE]
    found.removed.extend(drop[key] for key in sorted(drop))
    spans = {(unit.para, unit.line): unit.lines for unit in units}
    gone = {(p, line + k) for (p, line) in drop for k in range(spans.get((p, line), 1))}
    kept: list[Para] = []
    for i, para in enumerate(paras[:zone_end]):
        lines = tuple(line for j, line in enumerate(para.lines) if (i, j) not in gone)
        if lines == para.lines:
            kept.append(para)
        else:  # what a header block leaves is lines apart: a deck, a caption, not one paragraph
            kept.extend(Para((line,), para.index) for line in lines)
    return kept + paras[zone_end:], found


def _classify(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
              bars: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[Unit], int]:
    """The units of the header zone, and where the zone ends; the lines at `bars` are the page's date bar."""
    zone_rules = rules.in_zone("head")
    units: list[Unit] = []
    fields: dict[str, Any] = {}
    content_seen = any(known.values())
    prose_seen = False
    looked_past = 0  # notes to readers looked past
    deck_passed = False  # a standfirst of prose looked past
    limit = min(len(paras), options.head_max_paragraphs)
    i = 0
    while i < limit:
        para = paras[i]
        known_now = {**known, **fields}
        if para.text.endswith(",") and i + 1 < len(paras):
            wrapped = first_match(rules, zone_rules, para.text + " " + paras[i + 1].text, known_now, options.numeric_date_order)
            if wrapped is not None and set(wrapped[2]) & LIST_LABEL_FIELDS:
                units.append(Unit(i, 0, para.text, "rule", rule=wrapped[0].id, lines=len(para.lines)))
                following = paras[i + 1]
                units.append(Unit(i + 1, 0, following.text, "rule", fields=wrapped[2], rule=wrapped[0].id, lines=len(following.lines)))
                _add(fields, wrapped[2])
                i += 2
                continue
        hits = match_paragraph(rules, zone_rules, para, known_now, options.numeric_date_order)
        if hits is not None and len(hits) == 1 and len(para.lines) > 1:
            # One rule matched the paragraph whole: its lines go together.
            rule, _, got = hits[0]
            got = tidy_fields(got, rules)
            units.append(Unit(i, 0, para.text, "rule", fields=got, rule=rule.id, lines=len(para.lines)))
            content_seen = content_seen or rule.kind == "metadata"
            _add(fields, got)
            i += 1
            continue
        if hits is None and _is_prose(para, rules, options):
            if not _units_with_content(units) and _consent_wall(para, rules):
                units.append(Unit(i, 0, para.text, CHROME, score=1.0, rule=CHROME_RULE, lines=len(para.lines)))
                i += 1
                continue  # a cookie consent wall over the page: the header is still to come
            share, pack = notice_share(para.text, rules, options.notice_threshold)
            if share < 0.5 and looked_past < NOTES_LOOKED_PAST and not fields and _site_note(para, rules):
                units.append(Unit(i, 0, para.text, "text", lines=len(para.lines)))
                prose_seen, looked_past, i = True, looked_past + 1, i + 1
                continue  # the site's note to readers ("please share …"): looked past; it goes if a title is sure below
            if share < 0.5 and not deck_passed and not fields and any(u.kind == "title" for u in units[-2:]) \
                    and _byline_below(paras, i + 1, rules, zone_rules, known, options):
                units.append(Unit(i, 0, para.text, "text", lines=len(para.lines)))
                deck_passed, i = True, i + 1
                continue  # a standfirst of prose between the headline and its byline (WSWS): it stays, the byline is read
            if share < 0.5:
                break
            # A notice's note above the article ("All Global Research articles can be read in …"): past it.
            units.append(Unit(i, 0, para.text, CHROME, score=share, rule=f"{NOTICE_RULE}.{pack}", lines=len(para.lines)))
            i += 1
            continue
        line_units: list[Unit] = []
        after_title = any(u.kind == "title" for u in units[-3:])
        nothing_yet = not _units_with_content(units)  # kept up to date below: a block may hold thousands of lines
        for j, line in enumerate(para.lines):
            above = line_units[-1] if line_units else units[-1] if units else None
            if (i, j) in bars:
                line_units.append(Unit(i, j, line, CHROME, score=1.0, rule=DATE_BAR_RULE))
                continue
            if nothing_yet and _consent_wall(Para((line,), para.index), rules):
                line_units.append(Unit(i, j, line, CHROME, score=1.0, rule=CHROME_RULE))  # the wall over its buttons
                continue
            unit = _classify_line(i, j, line, para, rules, zone_rules, {**known, **fields}, options, after_title,
                                  above is not None and (above.kind == "title" or after_title and above.kind in ("header", "rule")))
            if unit.kind == "header" and unit.fields.get("authors") and above is not None and above.kind == CHROME \
                    and above.text.rstrip().endswith(":"):
                unit = Unit(i, j, line, CHROME, rule=CHROME_RULE)  # a contact under its label ("Media contact:"), no byline
            after_title = after_title or unit.kind == "title"
            nothing_yet = nothing_yet and unit.kind == CHROME
            line_units.append(unit)
        if len(line_units) == 2 and all(u.kind in ("title", "text") and not u.name for u in line_units) and looks_like_title(para) \
                and not _MARKS.search(para.text) and not _headline_over_deck(para, rules.lexicons.stopwords):
            line_units = [Unit(i, 0, para.text, "title", heading=para.heading, lines=2)]
        for unit in line_units:
            if unit.kind == "title" and not unit.heading and (content_seen or prose_seen):
                if fields.get("title") or fields.get("authors") and fields.get("date"):
                    unit.kind = "text"  # past the metadata, only a heading can be the title
                elif prose_seen or not _date_only(_last_content(units)):
                    unit.late = True  # past a donation appeal or a caption: the title if a byline or date says so
                    unit.after_prose = prose_seen
                else:
                    unit.after_date = True
            prose_seen = prose_seen or unit.kind == "text" and _sentences_of_prose(unit.text)
            content_seen = content_seen or any(unit.fields.values())
            _add(fields, unit.fields)
            units.append(unit)
        i += 1
    return units, i


def _classify_line(i: int, j: int, line: str, para: Para, rules: RuleSet, zone_rules: tuple[Rule, ...], known: Mapping[str, Any], options: CleanOptions,
                   after_title: bool = False, right_under_title: bool = False) -> Unit:
    hit = first_match(rules, zone_rules, line, known, options.numeric_date_order)
    if hit is not None:  # its authors read as names now, so a role ("FOR IMMEDIATE RELEASE") is no byline
        return Unit(i, j, line, "rule", fields=tidy_fields(hit[2], rules), rule=hit[0].id)
    header = read_header_line(line, rules, options.numeric_date_order)
    if header is not None and header.desk and not (header.authors or header.date):
        return Unit(i, j, line, "header", rule=HEADER_RULE)  # a desk's byline ("di Redazione"): no one, but a byline
    if header is not None and not (header.authors or header.date):
        return Unit(i, j, line, CHROME, score=1.0, rule=CHROME_RULE)  # a reading time alone: the page's, not the article's
    if header is not None:
        got = tidy_fields({k: v for k, v in (("authors", header.authors), ("date", header.date)) if v}, rules)
        if not got.get("authors") and not got.get("date"):
            return Unit(i, j, line, CHROME, score=1.0, rule=CHROME_RULE)  # a source or desk line: "From: World Socialist Web Site"
        return Unit(i, j, line, "header", fields=got, rule=HEADER_RULE if got.get("authors") else DATELINE_RULE)
    if right_under_title and _role_alone(line, rules):  # before the score: "Contributing Editor" has a chrome word
        return Unit(i, j, line, "header", rule=HEADER_RULE)  # a byline of a role alone ("Staff Correspondent")
    kind, score = classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)
    if kind == CHROME:
        return Unit(i, j, line, CHROME, score=score, rule=CHROME_RULE)
    if is_caption(line, rules.lexicons):  # a photo's caption is no title
        return Unit(i, j, line, CHROME, rule=CAPTION_RULE)
    share, pack = notice_share(line, rules, options.notice_threshold)
    if share >= 0.5:  # a notice's sentence at the top ("Note to readers: …", "Translate Website")
        if first_match(rules, rules.in_zone("tail"), line, known, options.numeric_date_order) is not None:
            return Unit(i, j, line, "text")  # the footer's: the tail reader reads its fields
        return Unit(i, j, line, CHROME, score=share, rule=f"{NOTICE_RULE}.{pack}")
    heading = para.heading and len(para.lines) == 1
    if not heading and after_title and len(line.split()) <= 6:
        bare = read_header_line(line, rules, options.numeric_date_order, bare_names=True)
        if bare is not None and bare.authors and bare.date is None:
            return Unit(i, j, line, "text", name=True)
    if heading or (looks_like_title(Para((line,), para.index)) and not _mostly_date(line, rules) and not _MARKS.search(line)
                   and first_match(rules, rules.in_zone("tail"), line, known, options.numeric_date_order) is None):
        return Unit(i, j, line, "title", heading=heading)  # (a footer's line, "The original source of …", never is)
    return Unit(i, j, line, "text")


def press_dateline(text: str, rules: RuleSet, numeric_order: str = "dmy") -> _dt.date | None:
    """The date of a dateline that opens a paragraph ("OAKLAND, Calif., June 4, 2019 — Water …"), or None.

    A place (capitalised words, a state or country after commas), the date, then a dash:
    the press-release and wire shape; a time and the agency in brackets may stand before
    the dash ("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- In his …"). The
    paragraph's text is the article's and stays.
    """
    if rules.date_finder is None:
        return None
    start = 0
    for _ in range(4):  # the date follows one of the first few commas
        comma = text.find(", ", start, 120)
        if comma < 0:
            return None
        start = comma + 2
        found = _PLACE.fullmatch(text, 0, comma) and rules.date_finder.match(text, start)
        if found and _DASH.match(text, _AFTER_DATE.match(text, found.end()).end()):  # type: ignore[union-attr]
            return rules.dates.read(found.group(), numeric_order)
    return None


CONSENT_MAX_WORDS = 120


def _byline_block(para: Para, rules: RuleSet, zone_rules: tuple[Rule, ...], known: Mapping[str, Any], options: CleanOptions) -> bool:
    """A short block of byline and date lines only ("Rachel Ortiz" / "14 March 2025"), one of them a date or a lead."""
    if len(para.lines) > 4:
        return False
    dated = False
    for line in para.lines:  # each line read once as a rule hit, a header line, or a bare name
        strict = first_match(rules, zone_rules, line, known, options.numeric_date_order) is not None \
            or read_header_line(line, rules, options.numeric_date_order) is not None
        if not strict and read_header_line(line, rules, options.numeric_date_order, bare_names=True) is None:
            return False
        dated = dated or strict
    return dated


def _byline_below(paras: list[Para], i: int, rules: RuleSet, zone_rules: tuple[Rule, ...], known: Mapping[str, Any],
                  options: CleanOptions) -> bool:
    """Whether paragraph `i` is a byline block, or it and the next are, one line each ("Priya Castellanos" / "Sep 21, 2023")."""
    if i >= len(paras):
        return False
    if _byline_block(paras[i], rules, zone_rules, known, options):
        return True
    return i + 1 < len(paras) and len(paras[i].lines) == len(paras[i + 1].lines) == 1 \
        and _byline_block(Para(paras[i].lines + paras[i + 1].lines, paras[i].index), rules, zone_rules, known, options)


_ARTICLES = frozenset({"the", "la", "le", "el", "der", "die", "il", "o", "a"})  # no one's name starts with one


def _role_alone(line: str, rules: RuleSet) -> bool:
    """A byline that names no one, only a role of two to five capitalised words ("Staff Correspondent"),
    or an outlet's desk after an article ("The Hindu Bureau": no one's name starts with one)."""
    found = line.split()
    lex = rules.lexicons
    return 2 <= len(found) <= 5 and all(w[:1].isupper() for w in found) and is_byline_tail(line, rules) \
        and (all(w in lex.not_name_words or w in lex.stopwords for w in words(line))
             or found[0].lower() in _ARTICLES) \
        and not features(line, lex).chrome_line  # no name ("Derek Halvorsen Staff Writer"), no lexicon line ("FOR IMMEDIATE RELEASE")


def _consent_wall(para: Para, rules: RuleSet) -> bool:
    """A paragraph about cookies above everything else on the page: the consent wall, not the article."""
    found = words(para.text)
    return len(found) <= CONSENT_MAX_WORDS and any(w.startswith("cookie") for w in found) \
        and sum(w in rules.lexicons.chrome_words for w in found) >= 2


NOTES_LOOKED_PAST = 2
NOTE_MAX_WORDS = 60


def _site_note(para: Para, rules: RuleSet) -> bool:
    """A short paragraph of prose with two interface words or more ("Click the share button to email
    this article", "read in 51 languages via the Translate Website menu"): the site's, most likely."""
    found = words(para.text)
    return len(found) <= NOTE_MAX_WORDS and sum(w in rules.lexicons.chrome_words for w in found) >= 2


def _site_like(text: str, lexicons: Lexicons) -> bool:
    """A candidate that names an organisation rather than news: half its words that carry meaning or
    more are not-name words ("Global Research – Centre for Research on Globalization")."""
    meaning = [w for w in words(text) if w not in lexicons.stopwords]
    return bool(meaning) and 2 * sum(w in lexicons.not_name_words for w in meaning) >= len(meaning)


def _units_with_content(units: list[Unit]) -> bool:
    """Whether the zone has shown anything but chrome yet (a title candidate, a field, text)."""
    return any(u.kind != CHROME for u in units)


def _first_content(units: list[Unit]) -> Unit | None:
    return next((u for u in units if u.kind != CHROME), None)


def _last_content(units: list[Unit]) -> Unit | None:
    return next((u for u in reversed(units) if u.kind != CHROME), None)


def _date_only(unit: Unit | None) -> bool:
    """A header line or rule hit that gave a date and nothing else ("Thursday, September 12, 2019")."""
    return unit is not None and unit.kind in ("header", "rule") and set(unit.fields) == {"date"}


LATE_BLOCKING_WORDS = 5  # a site's name is shorter; a headline this long above a late candidate keeps the title
ABOVE_PROSE_WORDS = 4  # a kicker or a section's name is shorter
CONFIDENT = 2.5  # title evidence that a byline or date stands right under it (or under its standfirst)
_DECK_WORDS = 8


def _via_deck(after: list[Unit]) -> float:
    """Evidence from a byline one line further down: strong under a standfirst (a sentence of
    `_DECK_WORDS` words or more: headline, standfirst, byline is the news layout), weak otherwise."""
    if len(after) < 2 or not _is_byline(after[1]):
        return 0.0
    deck = after[0]
    return CONFIDENT if deck.kind == "text" and not deck.name and len(deck.text.split()) >= _DECK_WORDS else 1.5


def _choose_title(units: list[Unit], lexicons: Lexicons, prose_below: bool = False) -> tuple[int | None, float]:
    """The position of the best title candidate, and the evidence for it.

    The first candidate is the title unless the page's structure points at a later one:
    a heading (3 points), a byline, dateline or bare name right under it (3) or under
    its standfirst (2.5), or one line further down (1.5). A later candidate needs such
    evidence to compete, and one past the first sentences (a donation appeal, a caption)
    needs 2.5 (`CONFIDENT`) and no candidate of five words or more above it (then it is
    a teaser under the title); three words or fewer cost a point (a site's name), chrome
    words up to two (`chrome_score`: "Subscribe Sign in"), and each candidate above
    costs half a point. With confident evidence, everything above the title in the zone
    is the site's (``chrome.masthead``). A
    line that the next continues in lower case is half a sentence, not a candidate. A
    winner longer than the headline-like line right above it (and over 11 words) is its
    standfirst, a winner of six words or fewer under a longer one its subtitle: then the
    headline is the title, and the standfirst or subtitle stays in the body (`_deck_of`).
    A date alone between two candidates is the lower one's when that one leads straight
    into the byline or the text (a blog's date header above its post title), unless the
    lower one reads as the upper one's standfirst.
    """
    best, best_score, best_evidence, seen, stopwords = None, None, 0.0, 0, lexicons.stopwords
    headline_above = False  # a candidate of headline length above: a late one is then a teaser, not the title
    site_above = _SiteAbove(lexicons)  # what stands above each candidate, kept as the loop goes (one pass)
    for n, unit in enumerate(units):
        if unit.kind != "title":
            site_above.see(unit)
            continue
        after = [u for u in units[n + 1:n + 8] if u.kind != CHROME][:2]
        above_is_site = site_above.says_site()
        site_above.see(unit)
        if not unit.heading and after and not _is_byline(after[0]) and after[0].text[:1].islower():
            continue  # the first half of a sentence that a page break split
        if len(after) > 1 and _date_only(after[0]) and _post_title(units, units.index(after[1]), unit, stopwords):
            after = []  # the date heads the post below, not this line (a blog's tagline)
        evidence = 3 * unit.heading + (3 * bool(after and _is_byline(after[0])) or _via_deck(after))
        if prose_below and not after and _word_count(unit.text) >= ABOVE_PROSE_WORDS and not _site_like(unit.text, lexicons) \
                and not unit.text.rstrip().endswith(".") \
                and above_is_site:
            evidence += CONFIDENT  # the last line of headline length over the article's first prose, under the site's chrome
        if unit.after_date and _post_title(units, n, None, stopwords) and not any(u.heading for u in units[:n] if u.kind == "title"):
            evidence += 3  # (a heading above is the page's title by its markup: the date is its dateline)
        seen += 1
        if seen > 1 and not evidence or unit.late and (evidence < CONFIDENT or headline_above and unit.after_prose):
            continue  # only the page's structure can put the title below the first candidate
        site = unit.site or _site_like(unit.text, lexicons)
        headline_above = headline_above or len(unit.text.split()) >= LATE_BLOCKING_WORDS and not site
        score = evidence - (len(unit.text.split()) <= 3 or site) - 0.5 * seen - 2 * chrome_score(features(unit.text, lexicons))
        if best_score is None or score > best_score:
            best, best_score, best_evidence = n, score, evidence
    if best is not None and not units[best].heading:
        above = next((u for u in reversed(units[:best]) if u.kind != CHROME), None)
        adjacent = units[best - 1] is above
        across_menu = not adjacent and best_evidence >= 3 and _word_count(units[best].text) > 6
        if above is not None and above.kind == "title" and not across_menu and _may_head(above, lexicons) \
                and (_deck_of(units[best].text, above.text, stopwords, adjacent and above is _first_content(units))
                     or adjacent and _headline_pair(units, best, lexicons)):
            return units.index(above), 0.0  # a standfirst or a subtitle ("Part 1") under its headline
            # (across a menu, a long line with the byline right under it is the title: masthead, menu, headline)
    return best, best_evidence


class _SiteAbove:
    """Whether everything above a title candidate reads as the site's: every candidate above is weak
    (`_weak_candidate`), and the page's chrome (a menu, a share bar, labels) stands between the first
    candidate and this one with no byline or date there (a byline or a date under the upper candidate
    makes that one the headline). Fed unit by unit, so the title's choice stays one pass."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons, self.candidates, self.all_weak, self.chrome, self.metadata = lexicons, 0, True, False, False

    def see(self, unit: Unit) -> None:
        if unit.kind == "title":
            self.candidates += 1
            self.all_weak = self.all_weak and _weak_candidate(unit, self.lexicons)
        elif self.candidates:
            self.metadata = self.metadata or bool(unit.fields.get("date") or unit.fields.get("authors")) or unit.kind == "header"
            self.chrome = self.chrome or unit.kind == CHROME or unit.kind == "rule" and set(unit.fields) <= LIST_LABEL_FIELDS

    def says_site(self) -> bool:
        return self.candidates > 0 and self.all_weak and self.chrome and not self.metadata


def _weak_candidate(unit: Unit, lexicons: Lexicons) -> bool:
    """A title candidate that reads as the site's rather than a headline: its name (named in the footer, or
    organisation words), three words or fewer, or chrome words."""
    if unit.heading:
        return False  # the page's markup made it a heading
    return unit.site or _site_like(unit.text, lexicons) or _word_count(unit.text) <= 3 \
        or chrome_score(features(unit.text, lexicons)) > HEADLINE_CHROME_MAX


def _may_head(unit: Unit, lexicons: Lexicons) -> bool:
    """Whether a candidate can be the headline over a standfirst: no site's name ("Global Research -
    Centre for Research on Globalization") and no chrome ("Articles récents", "Faites un don")."""
    return not unit.site and not _site_like(unit.text, lexicons) and chrome_score(features(unit.text, lexicons)) <= HEADLINE_CHROME_MAX


HEADLINE_CHROME_MAX = 0.1  # what `chrome_score` gives any short line without a sentence end: no chrome word


def _headline_pair(units: list[Unit], n: int, lexicons: Lexicons) -> bool:
    """Whether the candidate at `n` and the one right above it are a headline and its standfirst:
    two headline-length lines (five words or more) alone together, the upper no site's name or
    chrome. A third one above makes them a list (a "Trending" box above the headline), not a pair."""
    upper = units[n - 1]
    before = units[n - 2] if n >= 2 else None
    return not upper.late and min(_word_count(upper.text), _word_count(units[n].text)) >= PAIR_WORDS \
        and not (before is not None and before.kind == "title" and _word_count(before.text) >= PAIR_WORDS)


PAIR_WORDS = 5


def _date_bars(units: list[Unit]) -> frozenset[tuple[int, int]]:
    """Dates alone above a headline-like line with another date under it: today's date in the page's
    bar ("Wednesday, March 15, 2023" over the masthead), not the article's, which stands lower."""
    bars: set[tuple[int, int]] = set()
    date_below = title_over_date = False  # one pass from the bottom up: a zone may hold thousands of lines
    for unit in reversed(units):
        if title_over_date and _date_only(unit):
            bars.add((unit.para, unit.line))
        title_over_date = title_over_date or unit.kind == "title" and date_below
        date_below = date_below or bool(unit.fields.get("date"))
    return frozenset(bars)


def _post_title(units: list[Unit], n: int, above: Unit | None, stopwords: frozenset[str]) -> bool:
    """Whether the candidate at `n`, under a date alone, leads straight into the byline or the text."""
    unit = units[n]
    if not unit.after_date or unit.kind != "title" or (above is not None and _deck_of(unit.text, above.text, stopwords)):
        return False
    following = next((u for u in units[n + 1:] if u.kind != CHROME), None)
    if following is None:  # straight into the text: a sentence of function words there is the text's first
        found = words(unit.text)
        return not (unit.text.rstrip().endswith(".") and 2 * sum(w in stopwords for w in found) > len(found))
    return _is_byline(following)


def _deck_of(line: str, headline: str, stopwords: frozenset[str], adjacent: bool = True) -> bool:
    """Whether `line`, right under the headline-like `headline`, is its standfirst or subtitle rather than the title.

    A standfirst is longer than the headline (over 11 words; under four words, a kicker,
    over `KICKER_UNDER_WORDS`), or a sentence where the
    headline is headlinese: a third of its words or more are function words, and either
    the headline is in Title Case over this sentence-case line or it has far fewer
    function words. A subtitle is six words or fewer under a longer headline. Three or
    four words are often a site's name ("World Socialist Web Site"), not a headline, so
    only length makes a line their deck, and for three words or fewer only when nothing
    (a navigation bar) stands between them and nothing above them (under a masthead, three
    words are a kicker: "Atibaia e Região", "Articles récents").
    """
    size, head_size = _word_count(line), _word_count(headline)
    if size <= 6 < head_size:
        return True
    if size > max(11, head_size):
        return head_size > (3 if size > KICKER_UNDER_WORDS else 4) or adjacent
    share = _function_share(line, stopwords)
    if size < 7 or head_size < 5 or share < 0.35:
        return False
    return _title_case(headline) and not _title_case(line) or share >= _function_share(headline, stopwords) + 0.2


KICKER_UNDER_WORDS = 16  # a line this long or shorter under four words is the headline under its kicker


def _word_count(text: str) -> int:
    """Tokens with a letter or digit: a spaced colon or dash ("Graulhet : la halle …") is no word."""
    return sum(any(c.isalnum() for c in token) for token in text.split())


def _headline_over_deck(para: Para, stopwords: frozenset[str]) -> bool:
    """Two lines that are a headline and its standfirst, not one headline wrapped: the first ends on a
    word that carries meaning, the second starts a sentence of six words or more in sentence case
    ("The last bus out of Llanfair" / "What happens to a village when the timetable is cut")."""
    first, second = para.lines
    last = words(first)[-1:]
    return bool(last) and last[0] not in stopwords and second[:1].isupper() and _word_count(second) >= 6 \
        and not _title_case(second)


def _title_case(text: str) -> bool:
    """Most of the words that carry meaning start with a capital ("The Bus Lane That Nobody Enforces")."""
    content = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return len(content) >= 3 and sum(w[:1].isupper() for w in content) >= 0.8 * len(content)


def _function_share(text: str, stopwords: frozenset[str]) -> float:
    """The share of function words: prose keeps its articles and auxiliaries, headlinese drops them."""
    found = words(text)
    return sum(w in stopwords for w in found) / len(found) if found else 0.0


def _is_byline(unit: Unit) -> bool:
    return unit.kind in ("header", LEAD_DATELINE) or unit.name or unit.kind == "rule" and bool(unit.fields)


def _read_after_title(after: list[Unit], rules: RuleSet, options: CleanOptions, found: Found, remove: Callable[[Unit, str], None]) -> None:
    """A bare name right under the title, or under the standfirst under it, is the byline ("Jane Doe" alone on its line)."""
    near = [u for u in after if u.kind != CHROME and not _date_only(u)][:2]  # a dateline between them is no matter
    if len(near) == 2 and near[0].kind in ("title", "text") and not near[0].name:
        near = near[1:]  # a standfirst between the headline and the name
    following = near[0] if near else None
    if following is None or not following.name or found.fields.get("authors"):
        return
    header = read_header_line(following.text, rules, options.numeric_date_order, bare_names=True)
    assert header is not None  # following.name: _classify_line read this very line as a bare byline
    found.add_fields({"authors": header.authors})
    remove(following, HEADER_RULE)


def _read_name_over_date(units: list[Unit], rules: RuleSet, options: CleanOptions, found: Found,
                         remove: Callable[[Unit, str], None]) -> None:
    """A bare name right over a dateline ("Priya Castellanos" / "Sep 21, 2023"), chrome aside, is the byline
    wherever the header holds it (under a section's label, a standfirst, a share bar)."""
    content = [u for u in units if u.kind != CHROME]
    for unit, below in zip(content, content[1:]):
        if unit.name and _date_only(below):
            header = read_header_line(unit.text, rules, options.numeric_date_order, bare_names=True)
            if header is not None and header.authors:
                found.add_fields({"authors": header.authors})
                remove(unit, HEADER_RULE)
            return


def _caption_over_credit(units: list[Unit], rules: RuleSet) -> None:
    """A short sentence right above a bare credit ("Readers wait at the door." / "Maren Olsson/Fjord
    Pictures"), chrome aside, is the photo's caption: in the header, above the first prose, it is no text;
    so is the caption's own sentence without its credit right above the caption (a tooltip's copy),
    also when the caption went by its chrome score."""
    above: Unit | None = None  # the last unit that is not chrome, as the loop goes (one pass: a zone may be long)
    for unit in units:
        if unit.kind == CHROME and above is not None and above.kind == "text" and len(above.text) >= 20 \
                and copy_of(above.text, unit.text):
            above.kind, above.rule, above.name = CHROME, CAPTION_RULE, False  # the caption's copy without its credit
            above = None
        elif unit.kind in ("title", "text") or unit.kind == CHROME and unit.rule == CAPTION_RULE:
            if is_credit(unit.text, rules.lexicons) and above is not None and above.kind == "text" and not above.name \
                    and short_line(above.text) and above.text.rstrip().endswith("."):
                for photo in (above, unit):
                    photo.kind, photo.rule, photo.name = CHROME, CAPTION_RULE, False
                above = None
        if unit.kind != CHROME:
            above = unit


FOOTER_PARAGRAPHS = 12  # the page's last paragraphs, where its copyright line stands
_COPYRIGHT = Caseless(["©", "(c)", "copyright", "all rights reserved", "droits réservés", "derechos reservados",
                       "direitos reservados", "alle rechte", "riproduzione riservata"])
_NAME_END = re.compile(r"\s[|–—-]\s")


def _mark_site_names(units: list[Unit], paras: list[Para]) -> None:
    """Title candidates whose name (up to four words before a separator) stands in a copyright line at
    the bottom of the page ("Dagblad van het Oosten Binnenland" over "© 2025 Dagblad van het Oosten"):
    the page's own evidence that they are the site's masthead. A headline never stands there."""
    footer = [fold(line) for para in paras[-FOOTER_PARAGRAPHS:] for line in para.lines[-FOOTER_PARAGRAPHS:]
              if len(line) <= 400 and _COPYRIGHT.search(line)]
    if not footer:
        return
    for unit in units:
        name = " ".join(_NAME_END.split(unit.text, 1)[0].split()[:4])
        if unit.kind == "title" and len(name.split()) >= 2 and any(re.search(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)", line) for line in footer):
            unit.site = True


MASTHEAD_WORDS = 4


def _mark_tagline(units: list[Unit]) -> None:
    """A block that opens the page with a short name and a line under it ("Red Ridge Notes" / "Notes
    from a retired machinist on politics, work and the world") is the site's masthead and tagline when
    a headline-like line stands below that block: both are the site's, never the title or its standfirst."""
    content = [u for u in units if u.kind != CHROME]
    if len(content) < 3:
        return
    name, tagline = content[0], content[1]
    if name.kind == tagline.kind == "title" and name.para == tagline.para and _word_count(name.text) <= MASTHEAD_WORDS \
            and any(u.kind == "title" and u.para != name.para for u in content[2:]):
        name.site = tagline.site = True


SENTENCE_TITLE_WORDS = (4, 20)


def _sentence_titles(units: list[Unit]) -> None:
    """A line that ends a sentence is a candidate too when the page's structure says title: a blog
    post's "We lost two colonies this winter and I think I know why." right above its byline. Right
    under a headline, or under one that is not the page's first line (its masthead), it is a standfirst
    or a caption; under a sentence one more sentence: it stays. (Under a date alone and right above the
    text it stays too: read as the title there, cleaning the cleaned text would not read it so again.)"""
    content = [(k, u) for k, u in enumerate(units) if u.kind != CHROME]
    for n, (k, unit) in enumerate(content):
        adjacent = n > 0 and content[n - 1][0] == k - 1
        if unit.kind != "text" or unit.name or unit.lines != 1 or not _SENTENCE_END.search(unit.text) or unit.text.endswith(":") \
                or not SENTENCE_TITLE_WORDS[0] <= _word_count(unit.text) <= SENTENCE_TITLE_WORDS[1]:
            continue
        above = content[n - 1][1] if n else None
        below = content[n + 1][1] if n + 1 < len(content) else None
        if above is not None and (above.kind == "title" and (adjacent or n > 1) and _word_count(above.text) >= PAIR_WORDS
                                  or above.kind == "text" and _SENTENCE_END.search(above.text)):
            continue  # a standfirst under its headline, or a sentence among sentences
        if unit.text.isupper() or not unit.text[:1].isalnum():
            continue  # a slogan ("PLEASE PASS THIS ON.") or a list item ("- Officials said …")
        if below is not None and _is_byline(below):
            unit.kind = "title"
            unit.after_date = _date_only(above)


MENU_ITEMS = 4  # lines in a run of navigation items
_MENU_ITEM_WORDS = 3


def _mark_menus(units: list[Unit]) -> None:
    """A run of `MENU_ITEMS` short capitalised lines or more, half of them one word ("Lead Stories",
    "News", "Business", "Sports", "Letters"), is the site's navigation: chrome, so a menu item never
    stands as a byline or a title's evidence (jusText's context: short among short is chrome). A
    list in sentence case ("Fermented vegetables", "Kefir", …) is the article's and stays."""
    def item(unit: Unit) -> bool:
        return unit.kind in ("title", "text", "header") and not unit.fields.get("date") and unit.lines == 1 \
            and _word_count(unit.text) <= _MENU_ITEM_WORDS and not _SENTENCE_END.search(unit.text) \
            and not any(c.isdigit() for c in unit.text) and all(not w[:1].islower() for w in unit.text.split())
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and item(units[end]):
            end += 1
        run = units[start:end]
        if len(run) >= MENU_ITEMS and 2 * sum(_word_count(u.text) == 1 for u in run) >= len(run):
            for unit in run:
                unit.kind, unit.rule, unit.fields, unit.name, unit.score = CHROME, CHROME_RULE, {}, False, None
        start = end + 1
    _mark_menu_blocks(units)


def _mark_menu_blocks(units: list[Unit]) -> None:
    """A block of short lines, most of them chrome ("Home" / "Latest" / "Articles by Theme" / "Articles by
    Region" / "Donate" / "Login"), is a menu whole: its other lines are items too, never a byline or a title
    (a person's name of two words or more and a date stay what they are)."""
    blocks: dict[int, list[Unit]] = {}
    for unit in units:
        blocks.setdefault(unit.para, []).append(unit)
    for block in blocks.values():
        if len(block) < MENU_ITEMS or any(u.lines != 1 or _word_count(u.text) > _MENU_ITEM_WORDS
                                          or _SENTENCE_END.search(u.text) for u in block):
            continue
        if 2 * sum(u.kind == CHROME for u in block) <= len(block):
            continue
        for unit in block:
            person = any(len(name.split()) > 1 for name in unit.fields.get("authors", ()))
            if unit.kind in ("title", "text", "header") and not (person or unit.name or unit.fields.get("date")):
                unit.kind, unit.rule, unit.fields, unit.name, unit.score = CHROME, CHROME_RULE, {}, False, None


_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)]*$")


def _join_byline_labels(units: list[Unit], rules: RuleSet, options: CleanOptions) -> None:
    """A byline label on its own line and the name on the next ("Author of the article:" / "Jordan Pike") are one byline."""
    for label, name in zip(units, units[1:]):
        if label.kind not in ("title", "text") or name.kind not in ("title", "text") or not label.text.rstrip().endswith(":"):
            continue
        if len(label.text.split()) > 6 or len(name.text.split()) > 6:
            continue
        header = read_header_line(label.text + " " + name.text, rules, options.numeric_date_order)
        if header is None or not header.lead or not header.authors or header.date is not None:
            continue
        label.kind, label.rule, label.name = "header", HEADER_RULE, False
        name.kind, name.rule, name.name, name.fields = "header", HEADER_RULE, False, {"authors": header.authors}


def _remove_byline_tails(units: list[Unit], rules: RuleSet, drop: Mapping[tuple[int, int], Removal], remove: Callable[[Unit, str], None]) -> None:
    """Lines right under a byline that are its role, its wire agency or its author's handle leave with it."""
    byline = False
    for unit in units:
        key = (unit.para, unit.line)
        if unit.kind == CHROME:
            continue
        if byline and key not in drop and unit.kind in ("title", "text") and is_byline_tail(unit.text, rules):
            remove(unit, HEADER_RULE)
            continue
        byline = key in drop and (drop[key].rule == HEADER_RULE or unit.kind in ("header", "rule") and bool(unit.fields.get("authors")))


def _is_prose(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Long prose ends the header zone; a block of lines is prose when most of its lines are."""
    f = features(para.text, rules.lexicons)
    if f.words < options.long_prose_words or f.stopword_share < 0.15:
        return False
    if len(para.lines) == 1:
        return True
    if wrapped(para):
        return True  # prose wrapped over lines: its lines end inside sentences
    prose_lines = sum(1 for line in para.lines if _prose_line(line, rules, options))
    return 2 * prose_lines > len(para.lines)


def _prose_line(line: str, rules: RuleSet, options: CleanOptions) -> bool:
    """A line of a block that reads as prose: 8 words or more, function words, and a sentence's end
    or a paragraph's length (a headline and its standfirst without a full stop are not prose)."""
    f = features(line, rules.lexicons)
    return f.words >= 8 and f.stopword_share >= 0.15 and (f.sentence_end or f.words >= options.long_prose_words)


def _mostly_date(line: str, rules: RuleSet) -> bool:
    """A line that is mostly a date (one the reader could not read, such as "31 février 2016") is no title."""
    assert rules.date_finder is not None  # compile_packs always builds one
    found = rules.date_finder.search(line)
    return found is not None and len(found.group()) >= 0.4 * len(line)


def _sentences_of_prose(text: str) -> bool:
    """A line of a dozen words or more that ends a sentence: the body has begun."""
    return len(text.split()) >= 12 and text.rstrip().endswith((".", "!", "?", "…", "”", '"', "»"))


def _sentence_of_prose(text: str, rules: RuleSet) -> bool:
    """A sentence of six words or more with function words: above even a sure title, it goes only as chrome."""
    f = features(text, rules.lexicons)
    return f.sentence_end and f.words >= 6 and f.stopword_share >= 0.15


def _above_title(unit: Unit, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether a unit above the title is the site's chrome: short and not a sentence, or chrome-ish and not long prose."""
    text = unit.text
    if len(text.split()) <= 12 and not text.rstrip().endswith((".", "!", "?", "…", "”", '"')):
        return True
    f = features(text, rules.lexicons)
    return f.words < options.long_prose_words and chrome_score(f) >= options.chrome_threshold / 2


def _add(fields: dict[str, Any], new: Mapping[str, Any]) -> None:
    for name, value in new.items():
        if value and not fields.get(name):
            fields[name] = value
