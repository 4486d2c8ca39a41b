"""Stage 5: read the footer zone from the bottom up, past chrome, to the last body paragraph.

Each paragraph of the zone is one of:
- boilerplate: a rule of the packs, a notice (most of its sentences match the packs'
  notice templates, `notices`), or chrome by score (``chrome.tail``);
- weak notice: a short paragraph with a notice signal (copyright, disclaimer, an
  address): dropped only next to boilerplate below it, so a reworded line inside a
  notice goes with the notice (``notice.signal``); one that matches a template loosely
  goes at the page's end too (``notice.<pack>``);
- short: undecided; dropped only when boilerplate stands on both sides of it (a
  "Tweet" between two share buttons), kept when prose stands above it;
- body: reading stops.
A block of lines that holds prose is read line by line the same way, so a notice that
shares a block with the last body lines loses its lines and the body keeps its own.
Where reading stops, notice sentences glued to the last body sentence are cut off it.
Long prose is never dropped by a score alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from ..document import Removal
from ..rules.compile import RuleSet
from ..rules.lexicon import Lexicons, bare_key, fold, mark_key
from .appeals import APPEAL_MAX_WORDS, prompts_reader
from .findings import Found
from .header import read_header_line
from .notices import NOTICE_RULE, notice_share, sentence_ends, signalled, split_glued
from .options import CleanOptions
from .paragraphs import Para
from .scoring import BODY, CHROME, chrome_score, classify, features, is_long_prose
from .zones import RELATED_RULE, Hit, ends_sentence, first_match, headline_link, match_paragraph, record_hits, wrapped

CHROME_RULE = "chrome.tail"
COMMENTS_RULE = "chrome.comments"
BYLINE_RULE = "meta.byline"
COMMENT_MAX_PARAGRAPHS = 40  # a WordPress thread saved one line per paragraph runs long
COMMENT_MAX_WORDS = 60
BIO_RULE = "chrome.author_bio"
BOILER, TEMPLATED, WEAK, SHORT, SANDWICHED, APPEAL = "boiler", "templated", "weak", "short", "sandwiched", "appeal"
_BIO_VERB = re.compile(r",? (?:is|was|has|writes|teaches|works|lives|covers|est|ist|es|è|é) ")
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+")
MAX_PENDING = 6  # undecided paragraphs in a row ("Cycling", "Buses" under "Topics") before reading stops (four kept
# a five-item tag list and its label in the body; six: the bundled real corpus loses a bio, a sources list, link lists)


@dataclass
class _Unit:
    """A paragraph of the footer zone, or one line of a block that is read line by line."""

    para: int  # position in the paragraphs
    lines: range  # which of its lines
    kind: str
    removals: list[Removal]


def read_tail(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions | None = None,
              dropped_below: bool = False) -> tuple[list[Para], Found]:
    """Peel footers, notices, chrome, stubs and copyright lines off the bottom.

    `dropped_below` says that an earlier stage already removed what stood under the last
    paragraph (on a short page the head reader reaches the share bar at the bottom).
    """
    options = options or CleanOptions()
    found = Found()
    paras = _drop_below_end_mark(paras, rules, known, options, found)
    paras = _drop_forum_replies(paras, rules, known, options, found)
    paras = _drop_comments(paras, rules, known, options, found)
    paras = _drop_about_box(paras, rules, known, options, found)
    paras = _drop_related_list(paras, rules, known, options, found)
    paras = _drop_anchored_notice(paras, rules, known, options, found)
    walked: list[_Unit] = []  # bottom up
    pending = 0  # undecided units on top of the walk
    for unit in _units(paras, rules, known, options, found):
        if unit.kind != BOILER and walked and walked[-1].kind == BOILER:
            unit.kind = _extends_notice(unit, walked[-1], paras, rules, options) or unit.kind
        if unit.kind == BOILER:
            pending = 0
        elif unit.kind in (WEAK, TEMPLATED, SHORT, SANDWICHED, APPEAL) and pending < MAX_PENDING:
            pending += 1
        else:
            break
        walked.append(unit)
    cut = len(walked) - _kept_on_top(walked[len(walked) - pending:], below_dropped=len(walked) > pending or dropped_below)
    gone: dict[int, int] = {}  # paragraph -> its first dropped line
    for unit in walked[:cut]:
        found.removed += unit.removals
        gone[unit.para] = min(gone.get(unit.para, unit.lines.start), unit.lines.start)
    kept = []
    for i, para in enumerate(paras):
        if i not in gone:
            kept.append(para)
        elif gone[i] > 0:
            kept.append(Para(para.lines[:gone[i]], para.index))
    if kept and (not walked or kept[-1].index >= paras[-1].index - options.tail_max_paragraphs):
        kept[-1:] = _cut_glued(kept[-1], rules, options, found, {**known, **found.fields})
    found.removed.sort(key=lambda removal: cast(int, removal.index))  # reading order; stable within a paragraph
    return kept, found


def _drop_comments(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                   found: Found) -> list[Para]:
    """The paragraphs above a comment section at the bottom: its label ("2 comments:", "Leave a
    Reply", "Kommentare") and every paragraph under it go, when all of them are short.

    Readers' comments are prose, so the walk below would stop at the first one. Only the
    last `COMMENT_MAX_PARAGRAPHS` paragraphs, each line of at most `COMMENT_MAX_WORDS` words,
    are looked at, and long prose goes only under a comment's author line ("Anonymous
    said...", lexicon `comment_heads`): the article's own last paragraph under a "View
    comments" link stays. Rules still read what they know there (a copyright line keeps
    its field).
    """
    lexicons, start, given = rules.lexicons, None, paras
    paras = _split_at_comment_labels(paras, lexicons)
    for i in range(len(paras) - 1, max(len(paras) - COMMENT_MAX_PARAGRAPHS, 1) - 1, -1):
        if max(len(line.split()) for line in paras[i].lines) > COMMENT_MAX_WORDS:
            break  # (a thread saved as one block keeps a comment a line: each line is measured)
        if _comment_label(paras[i].lines[0], lexicons):
            start = i
    if start is None or any(
            any(is_long_prose(features(line, lexicons), options.long_prose_words) for line in para.lines)
            and not _under_comment_head(para, paras[start + k - 1], rules, options)
            for k, para in enumerate(paras[start + 1:], 1)):
        return given  # (blocks stay whole when no thread goes)
    _remove_all(paras[start:], COMMENTS_RULE, rules, known, options, found)
    return paras[:start]


END_RULE = "chrome.press_end"
END_MARK_REACH = 20  # paragraphs from the bottom where an end mark is looked for


def _drop_below_end_mark(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                         found: Found) -> list[Para]:
    """A press release's end mark near the bottom ("ENDS", "###", "-30-", a line of its own, lexicon
    `end_marks`) and everything under it go: media contacts, the "About" box and the forward-looking
    statements are the release's boilerplate however long their prose. The topmost mark counts."""
    marks = rules.lexicons.end_marks
    if not marks:
        return paras
    for i in range(max(len(paras) - END_MARK_REACH, 1), len(paras)):
        lines = paras[i].lines
        at = next((j for j, line in enumerate(lines) if len(line) <= 40 and mark_key(line) in marks), None)
        if at is None:
            continue
        below = ([Para(lines[at:], paras[i].index)] if at else [paras[i]]) + paras[i + 1:]
        _remove_all(below, END_RULE, rules, known, options, found)
        return paras[:i] + ([Para(lines[:at], paras[i].index)] if at else [])
    return paras


_FIRST_POST = re.compile(r"(?P<head>[^,\n]{1,60}),\s(?P<date>.{4,40}?)\s#1")  # "ironmonger72, Jan 14, 2020 #1"


def _drop_forum_replies(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                        found: Found) -> list[Para]:
    """A forum thread under a repost: the first post's footer ("ironmonger72, Jan 14, 2020 #1", a
    name, a date and the post number) closes the article the thread opened with, and so does the
    next post's header (a block of the poster's handle and the board's furniture: "#2" / "mill_town_mike"
    / "Member" / "Posts: 418"), when what stands under it is comment-sized; the footer or header and
    every reply under it go as comments (`chrome.comments`)."""
    for i in range(max(len(paras) - COMMENT_MAX_PARAGRAPHS, 1), len(paras)):
        line = paras[i].lines[0]
        found_post = _FIRST_POST.fullmatch(line.strip()) if len(line) <= 120 and "#1" in line else None
        first_post = found_post is not None and rules.date_finder is not None \
            and rules.date_finder.fullmatch(found_post.group("date")) is not None
        if not first_post and not (_post_header(paras[i], rules, options)
                                   and all(len(p.text.split()) <= COMMENT_MAX_WORDS for p in paras[i + 1:])):
            continue
        _remove_all(paras[i:], COMMENTS_RULE, rules, known, options, found)
        return paras[:i]
    return paras


_HANDLE = re.compile(r"(?=[\w.-]*[_\d])[A-Za-z][\w.-]{2,29}")  # "mill_town_mike", "sparrowhawk77": a login, no one's name
POST_HEADER_LINES = 2


def _post_header(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A forum post's header: a block of short lines with the poster's handle and the board's furniture
    ("Member", "Posts: 418", "Join Date: Mar 2017", the post's number and time), nothing else."""
    if len(para.lines) < POST_HEADER_LINES or len(para.lines) > MAX_PENDING:
        return False
    handles = [line for line in para.lines if _HANDLE.fullmatch(line.strip()) and "." not in line.strip(".")]
    others = [line for line in para.lines if line not in handles]
    return len(handles) == 1 and all(
        classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] == CHROME
        or read_header_line(line, rules, options.numeric_date_order) is not None for line in others)


def _comment_label(line: str, lexicons: Lexicons) -> bool:
    opening = bare_key(line)
    return opening in lexicons.comment_labels or bool(lexicons.comment_leads) and opening.startswith(lexicons.comment_leads)


def _split_at_comment_labels(paras: list[Para], lexicons: Lexicons) -> list[Para]:
    """The last blocks of separate lines cut above each comment label inside them ("Posted in News"
    / "4 thoughts on “…”" / "Dave R. says:" saved as one block), so the thread is a section of its own."""
    start = max(len(paras) - COMMENT_MAX_PARAGRAPHS, 1)
    out = paras[:start]
    for para in paras[start:]:
        cuts = [j for j in range(1, len(para.lines)) if _comment_label(para.lines[j], lexicons)] if len(para.lines) > 1 else []
        if not cuts or wrapped(para):
            out.append(para)
            continue
        for begin, end in zip([0, *cuts], [*cuts, len(para.lines)]):
            out.append(Para(para.lines[begin:end], para.index))
    return out


def _remove_all(paras: list[Para], rule: str, rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                found: Found) -> None:
    """Remove every paragraph of a section found whole; the tail rules still read the ones they
    know (a copyright line keeps its field), the others go as `rule`."""
    zone_rules = rules.in_zone("tail")
    for para in paras:
        hits = match_paragraph(rules, zone_rules, para, {**known, **found.fields}, options.numeric_date_order)
        if hits is None:
            found.removed.append(Removal(rule, para.text, para.index))
        else:
            record_hits(found, para, hits)


def _under_comment_head(para: Para, above: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether the prose of `para` is a reader's comment: under its author line, one of the two
    lines above its first line of prose (in `para` or at the end of `above`), that ends as the
    `comment_heads` lexicon says ("Anonymous said...") or is only a name or a date ("Pat
    Hollis" over "Apr 23")."""
    lines = [*above.lines[-2:], *para.lines]
    first = len(lines) - len(para.lines)
    prose = next((n for n in range(first, len(lines)) if classify(
        features(lines[n], rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] == BODY), None)
    if prose is None:
        return False
    return any(head.lower().rstrip().endswith(rules.lexicons.comment_heads) or _names_or_date(head, rules, options)
               for head in lines[max(prose - 2, 0):prose])


def _names_or_date(line: str, rules: RuleSet, options: CleanOptions) -> bool:
    fields = read_header_line(line, rules, options.numeric_date_order, bare_names=True)
    return fields is not None and bool(fields.authors or fields.date)


ABOUT_RULE = "chrome.about"
ABOUT_MAX_PARAGRAPHS = 8
ABOUT_NAME_CHARS = 60


def about_name(line: str, leads: tuple[str, ...]) -> str | None:
    """The name an "About <Name>" label introduces (lexicon `about_leads`), or None.

    >>> from corpusprep.rules import default_rules
    >>> leads = default_rules().lexicons.about_leads
    >>> about_name("À propos de Terre Vive", leads), about_name("About time we acted.", leads)
    ('Terre Vive', None)
    """
    for lead in leads:
        if fold(line[:len(lead)]) == lead and line[len(lead):len(lead) + 1].isspace():
            name = line[len(lead):].strip()
            return name if 2 <= len(name) <= ABOUT_NAME_CHARS and not any(c in ".!?:" for c in name) else None
    return None


def _drop_about_box(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                    found: Found) -> list[Para]:
    """A press release's "About <Name>" box at the bottom: the label, the paragraph that opens
    with that name ("Riverwatch Alliance is a nonprofit …"), and what is under them, when all
    of it is the box's (paragraphs that open with the name, or short ones: contacts, "###")."""
    for i in range(len(paras) - 1, max(len(paras) - ABOUT_MAX_PARAGRAPHS, 1) - 1, -1):
        name = about_name(paras[i].lines[0].strip(), rules.lexicons.about_leads)
        if name is None:
            continue
        rest = [" ".join(paras[i].lines[1:])] if len(paras[i].lines) > 1 else []  # the label may head its block
        below = rest + [para.text for para in paras[i + 1:]]
        if not below or not below[0].startswith(name) or any(
                not text.startswith(name) and len(text.split()) > options.long_prose_words for text in below):
            continue
        _remove_all(paras[i:], ABOUT_RULE, rules, known, options, found)
        return paras[:i]
    return paras


RELATED_LIST_MAX_PARAGRAPHS = 12


def _drop_related_list(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                       found: Found) -> list[Para]:
    """A "Related" label near the bottom with only headlines and footer lines under it: links to
    other articles. Read bottom up, a headline of eleven words or more would pass for prose and
    stop the walk, so the list is found from its label down. The label may head a block of
    its headlines, or stand inside one under chrome lines ("VÍDEOS: mais assistidos" over
    "Veja também" over two headlines): the block's lines from the label on go, and the lines
    above it stay for the walk."""
    zone_rules = rules.in_zone("tail")
    lexicons = rules.lexicons
    for i in range(len(paras) - 1, max(len(paras) - RELATED_LIST_MAX_PARAGRAPHS, 0) - 1, -1):
        label_at = next((k for k, line in enumerate(paras[i].lines) if lexicons.is_related_label(line)), None)
        if label_at is None:
            continue
        own = [Para((line,), paras[i].index) for line in paras[i].lines[label_at + 1:]]
        below = own + paras[i + 1:]
        hits = [match_paragraph(rules, zone_rules, para, {**known, **found.fields}, options.numeric_date_order) for para in below]
        if not any(h is None and headline_link(para) for para, h in zip(below, hits)) or not all(
                h is not None or headline_link(para) or chrome_score(features(para.text, lexicons)) >= options.chrome_threshold
                or _notice_like(para, rules, options) for para, h in zip(below, hits)):  # (the footer's notice under the list)
            continue
        found.removed.append(Removal(RELATED_RULE, paras[i].lines[label_at], paras[i].index))
        _remove_all(below, RELATED_RULE, rules, known, options, found)
        return paras[:i] + ([Para(paras[i].lines[:label_at], paras[i].index)] if label_at else [])
    return paras


ANCHOR_FIELDS = frozenset({"original_publisher", "copyright"})
ANCHORED_RULE = f"{NOTICE_RULE}.anchored"
ANCHORED_MAX_PARAGRAPHS = 8


def _drop_anchored_notice(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions,
                          found: Found) -> list[Para]:
    """The paragraphs above a notice anchored by its source or copyright line, when all under it are notice-like.

    Under the line that names the article's source or its copyright ("The original
    source of this article is …", "Copyright © Jane Roe, 2019"), the article is over:
    the disclaimer, the fair-use statement and the membership prompts that follow go
    with it, however long and however worded, as long as each carries a notice signal
    (copyright, permission, an address…), matches a rule or a template loosely, or is
    chrome or short. A paragraph of prose without any such sign keeps the whole block
    to the walk below, which reads it as before.
    """
    zone_rules = rules.in_zone("tail")
    authors = known.get("authors") or ()
    below: list[tuple[Para, list[Hit] | None]] = []
    bio_only = False  # something under is short prose with no notice sign: an author box's, not a notice's
    for i in range(len(paras) - 1, max(len(paras) - ANCHORED_MAX_PARAGRAPHS, 1) - 1, -1):
        para = paras[i]
        hits = match_paragraph(rules, zone_rules, para, {**known, **found.fields}, options.numeric_date_order)
        box = _author_box(para, rules, options) if hits is None else None
        anchored = hits is not None and any(ANCHOR_FIELDS & set(fields) for _, _, fields in hits)
        if anchored and bio_only:
            return paras  # short prose without a notice sign under a copyright line: the walk decides
        if box is not None or anchored:
            judged = [_judge(under, under_hits, rules, options, authors)[0] for under, under_hits in below]
            if BODY not in judged and (box is None or len(para.lines) == 1):
                return paras  # nothing under the anchor that the walk would stop at: it reads them as before
            if box is not None:
                found.removed.append(Removal(BYLINE_RULE if box else BIO_RULE, para.text, para.index))
                found.add_fields(box)
            else:
                record_hits(found, para, hits or [])
            for under, under_hits in reversed(below):
                if under_hits is not None:
                    record_hits(found, under, under_hits)
                    continue
                kind, removals, _ = _judge(under, None, rules, options, authors)
                found.removed.extend(removals if kind == BOILER else [Removal(ANCHORED_RULE, under.text, under.index)])
            return paras[:i]
        if hits is None and not _notice_like(para, rules, options):
            if not _bio_sized(para, below):
                return paras
            bio_only = True  # only an author box may hold it
        below.append((para, hits))
    return paras


AUTHOR_BOX_MAX_WORDS = 40
AUTHOR_BOX_MAX_PARAGRAPHS = 3


def _author_box(para: Para, rules: RuleSet, options: CleanOptions) -> dict[str, Any] | None:
    """The byline fields of an author box ({} for a bare label), or None when `para` does not open one.

    Its first line is a byline with its lead word ("Written by Daniel Okafor") or a label of
    the `bio_labels` lexicon ("About the author"); the lines of its block under that are short
    ("2.3K Followers", a two-line bio).
    """
    first = para.lines[0]
    if len(para.lines) > AUTHOR_BOX_MAX_PARAGRAPHS + 1 or any(len(line.split()) > AUTHOR_BOX_MAX_WORDS for line in para.lines[1:]):
        return None
    if bare_key(first) in rules.lexicons.bio_labels:
        return {}
    return _byline(Para((first,), para.index), rules, options)


def _bio_sized(para: Para, below: list[tuple[Para, list[Hit] | None]]) -> bool:
    """Short enough, and few enough, to be an author box's lines ("2.3K Followers", a two-line bio)."""
    return len(below) < AUTHOR_BOX_MAX_PARAGRAPHS and len(para.text.split()) <= AUTHOR_BOX_MAX_WORDS


def _notice_like(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A paragraph that may stand under a notice's anchor: a notice signal, a loose template match, or chrome."""
    if signalled(para.text, rules):
        return True
    if notice_share(para.text, rules, options.notice_threshold / 2)[0] >= 0.5:
        return True
    kinds = [classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] for line in para.lines]
    return all(kind != BODY for kind in kinds)


def _units(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions, found: Found) -> Iterator[_Unit]:
    """The units of the footer zone, bottom up, each judged; the fields of boilerplate go into `found` as they come."""
    zone_rules = rules.in_zone("tail")
    end = len(paras)
    while end > 0 and len(paras) - end < options.tail_max_paragraphs:
        para = paras[end - 1]
        known_now = {**known, **found.fields}
        authors = known_now.get("authors") or ()
        hits = match_paragraph(rules, zone_rules, para, known_now, options.numeric_date_order)
        kind, removals, fields = _judge(para, hits, rules, options, authors)
        chrome = kind == BOILER and removals[0].rule == CHROME_RULE  # a share bar is never half of a notice
        if hits is None and not chrome and kind != APPEAL and end >= 2 and not ends_sentence(paras[end - 2].text) \
                and _may_continue(para, rules, options):
            # A page break may have split a notice: try the paragraph with the one above.
            before = paras[end - 2]
            hit = first_match(rules, zone_rules, before.text + " " + para.text, known_now, options.numeric_date_order)
            if hit is not None:
                found.add_fields(hit[2])
                yield _Unit(end - 1, range(len(para.lines)), BOILER, [Removal(hit[0].id, para.text, para.index)])
                yield _Unit(end - 2, range(len(before.lines)), BOILER, [Removal(hit[0].id, before.text, before.index)])
                end -= 2
                continue
        if kind not in (BODY, WEAK) or len(para.lines) == 1 or wrapped(para):
            found.add_fields(fields)
            yield _Unit(end - 1, range(len(para.lines)), kind, removals)
        else:  # a block of separate lines that holds prose or is a weak notice whole (a tag list, a bio and a
            # copyright line): read its lines, bottom up
            for j in range(len(para.lines) - 1, -1, -1):
                line = Para((para.lines[j],), para.index)
                kind, removals, fields = _judge(line, match_paragraph(rules, zone_rules, line, {**known, **found.fields}, options.numeric_date_order), rules, options, authors)
                found.add_fields(fields)
                yield _Unit(end - 1, range(j, j + 1), kind, removals)
        end -= 1


def _may_continue(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether a paragraph may be the rest of a notice a page break split: it goes on in lower case,
    or it is not long prose (a new sentence of prose under a copyright line is the article's own)."""
    return para.text[:1].islower() or not is_long_prose(features(para.text, rules.lexicons), options.long_prose_words)


def _judge(para: Para, hits: list[Hit] | None, rules: RuleSet, options: CleanOptions, authors: Iterable[str] = ()) -> tuple[str, list[Removal], dict[str, Any]]:
    """What one paragraph of the footer zone is, and the removals that dropping it makes."""
    if hits is not None:
        fields: dict[str, Any] = {}
        for _, _, got in hits:
            fields.update({k: v for k, v in got.items() if k not in fields})
        return BOILER, [Removal(rule.id, text, para.index) for rule, text, _ in hits], fields
    byline = _byline(para, rules, options)
    if byline is not None:
        return BOILER, [Removal(BYLINE_RULE, para.text, para.index)], byline
    share, pack = notice_share(para.text, rules, options.notice_threshold)
    if share >= 0.5 and not _holds_prose_line(para, rules, options):
        if _glued_to_prose(para, rules, options):
            return BODY, [], {}  # body prose with the notice glued on: reading stops here, the notice is cut off
        return BOILER, [Removal(f"{NOTICE_RULE}.{pack}", para.text, para.index, share)], {}
    if _is_bio(para.text, authors, options) or _labelled_bio(para.text, rules):
        return BOILER, [Removal(BIO_RULE, para.text, para.index)], {}
    lines = [classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words) for line in para.lines]
    if len(lines) > 1:
        whole = classify(features(para.text, rules.lexicons), options.chrome_threshold, options.long_prose_words)
        if whole[0] == BODY and not all(kind == CHROME for kind, _ in lines):
            lines = [whole]
    if all(kind != BODY for kind, _ in lines) and any(kind == CHROME for kind, _ in lines):
        score = max(score for _, score in lines)
        return BOILER, [Removal(CHROME_RULE, para.text, para.index, score)], {}
    weak, pack = notice_share(para.text, rules, options.notice_threshold * WEAK_SHARE)
    if len(para.text.split()) < options.long_prose_words * 2 and (weak >= 0.5 or signalled(para.text, rules)):
        if _weakly_glued(para.text, rules, options) is not None:
            return BODY, [], {}  # body prose with a loose notice glued on: reading stops here, the notice is cut off
        kind = TEMPLATED if weak >= 0.5 else WEAK
        return kind, [Removal(f"{NOTICE_RULE}.{pack or 'signal'}", para.text, para.index, weak)], {}
    appeal = _prompt_like(para, rules, options)
    if appeal or all(kind == "short" for kind, _ in lines):
        score = max(score for _, score in lines)
        f = features(para.text, rules.lexicons)
        prompt = prompts_reader(para.text, f, rules) or f.chrome_phrases > 0 and not f.sentence_end
        kind = APPEAL if appeal and prompt else SHORT  # (a lexicon phrase without a sentence end prompts too:
        # "Join the Echo WhatsApp community for the latest news"; a sentence about subscribing is the article's)
        return kind, [Removal(CHROME_RULE, para.text, para.index, score)], {}
    return BODY, [], {}



def _prompt_like(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A sentence or two with the words of a prompt ("… lives on its readers. Donate to support an
    independent outlet."): undecided, so it goes between boilerplate and stays under prose."""
    f = features(para.text, rules.lexicons)
    return len(para.lines) == 1 and f.words <= APPEAL_MAX_WORDS and (f.chrome_share > 0 or f.chrome_phrases > 0) \
        and not is_long_prose(f, options.long_prose_words)


def _byline(para: Para, rules: RuleSet, options: CleanOptions) -> dict[str, Any] | None:
    """The fields of a byline with its lead word at the bottom ("Posted by Harlan Oakes at 7:14 AM", as blogs
    sign a post), or None. Without a lead word a name at the bottom may be prose, and stays."""
    if len(para.lines) > 1 or len(para.text.split()) > 20:
        return None
    header = read_header_line(para.text, rules, options.numeric_date_order)
    if header is None or not header.lead or not header.authors:
        return None
    return {"authors": header.authors, **({"date": header.date} if header.date else {})}


def _extends_notice(unit: _Unit, below: _Unit, paras: list[Para], rules: RuleSet, options: CleanOptions) -> str | None:
    """Whether a unit right above a notice is more of it, by a loose match to a template of the same pack.

    A notice reworded beyond its templates still shares some of their words: next to
    the rest of the notice, half the usual match makes it boilerplate, and a third
    makes it undecided ("sandwiched": it goes only if more notice stands above it).
    Away from the notice, neither counts.
    """
    pack = next((_pack_of(r.rule) for r in below.removals), "")
    text = " ".join(paras[unit.para].lines[unit.lines.start:unit.lines.stop])
    if len(text.split()) >= 4 * options.long_prose_words or pack in ("", "chrome", "signal", "generic", "lang"):
        return None
    share, found = notice_share(text, rules, options.notice_threshold / 3)
    if share < 0.5 or found != pack:
        return None
    if unit.kind == BODY and (split_glued(text, rules, options.notice_threshold) or _weakly_glued(text, rules, options)):
        return None  # prose with the notice glued on: the prose stays, the notice is cut off it
    loose, _ = notice_share(text, rules, options.notice_threshold / 2)
    unit.removals = [Removal(f"{NOTICE_RULE}.{pack}", text, paras[unit.para].index, max(loose, share))]
    return BOILER if loose >= 0.5 else SANDWICHED


def _pack_of(rule: str) -> str:
    """The pack a rule id comes from: "globalresearch_en.source" and "notice.globalresearch_en" both name globalresearch_en."""
    head, _, tail = rule.partition(".")
    return tail if head == NOTICE_RULE else head


def _glued_to_prose(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether the notice sentences of a paragraph follow body prose: then the notice is cut off, the prose stays."""
    glued = split_glued(para.text, rules, options.notice_threshold)
    if glued is None or classify(features(glued[0], rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] != BODY:
        return False
    return notice_share(glued[0], rules, options.notice_threshold / 2)[0] < 0.5  # prose, not more of the notice


def _holds_prose_line(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether a block of lines holds a line of long prose that is not notice: then it is split, not dropped."""
    return len(para.lines) > 1 and any(
        classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] == BODY
        and notice_share(line, rules, options.notice_threshold)[0] < 0.5 for line in para.lines)


def _is_bio(text: str, authors: Iterable[str], options: CleanOptions) -> bool:
    """A short paragraph about the byline's author ("Jane Doe is a writer based in …"): the site's note, not the article."""
    if len(text.split()) > 3 * options.long_prose_words:
        return False
    text = _HONORIFIC.sub("", text, count=1)  # "Dr. Imogen Farrow teaches …" under "By Dr. Imogen Farrow"
    return any(text.startswith(name) and _BIO_VERB.match(text, len(name)) for name in authors)


def _labelled_bio(text: str, rules: RuleSet) -> bool:
    """A bio run on after its label ("About the author: Nadia Ferris writes on labour …"), short."""
    label, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and len(text.split()) <= 2 * AUTHOR_BOX_MAX_WORDS \
        and bare_key(label) in rules.lexicons.bio_labels


EDGE_RUN = 3
EDGE_SCORE = 0.15  # above the 0.1 any short line without a sentence end scores


def _kept_on_top(pending: list[_Unit], below_dropped: bool) -> int:
    """How many of the undecided units on top of the walk (bottom first) stay.

    From the bottom up, a weak notice or an appeal to the reader goes when what is below
    it went (or it matches a template loosely); the first unit that does not go keeps
    itself and all above it. A short unit at the very bottom right under a loose template
    match goes with it. At the very bottom of the page, `EDGE_RUN` short units or
    more, two thirds of them showing some chrome (a score of `EDGE_SCORE`: a lexicon word or
    phrase, not shortness alone), go whole: a paywall's prompts ("¿Ya eres suscriptor?").
    """
    if not below_dropped and len(pending) >= EDGE_RUN \
            and 3 * sum((unit.removals[0].score or 0.0) >= EDGE_SCORE for unit in pending) >= 2 * len(pending):
        return 0
    if not below_dropped and len(pending) > 1 and pending[0].kind == SHORT and pending[1].kind == TEMPLATED:
        below_dropped, pending = True, pending[1:]  # a short line under a loose notice at the very bottom is the page's
        # ("Return to Home Page" under "Disclaimer: The views expressed …"): it goes with it
    for n, unit in enumerate(pending):
        if not (unit.kind == TEMPLATED or unit.kind in (WEAK, APPEAL) and below_dropped):
            return len(pending) - n
        below_dropped = True
    return 0


def _weakly_glued(text: str, rules: RuleSet, options: CleanOptions) -> tuple[str, str, str] | None:
    """(body, notice, pack) when notice sentences that match their templates only loosely (at 0.6 of
    the threshold: two notice lines run together, "The original source … Global Research Copyright ©
    …") and carry a notice signal are glued after body prose that matches none, else None."""
    glued = split_glued(text, rules, options.notice_threshold * WEAK_SHARE)
    if glued is None or not signalled(glued[1], rules):
        return None
    if classify(features(glued[0], rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] != BODY \
            or notice_share(glued[0], rules, options.notice_threshold * WEAK_SHARE)[0] > 0:
        return None
    return glued


WEAK_SHARE = 0.6


def _cut_glued(para: Para, rules: RuleSet, options: CleanOptions, found: Found, known: Mapping[str, Any]) -> list[Para]:
    """The last kept paragraph without the notice sentences, or the footer line of a tail rule, glued to its end."""
    glued = split_glued(para.text, rules, options.notice_threshold) or _weakly_glued(para.text, rules, options)
    rule_hit = None
    if glued is None and len(para.lines) == 1 and (ends := sentence_ends(para.text)) and len(ends) > 1:
        last = para.text[ends[-2]:].strip()  # a footer's line glued on ("…monsoon.The original source of this article is X")
        rule_hit = first_match(rules, rules.in_zone("tail"), last, known, options.numeric_date_order)
        if rule_hit is not None:
            glued = (para.text[:ends[-2]].rstrip(), last, "")
    if glued is None or classify(features(glued[0], rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] != BODY:
        return [para]  # only prose keeps what is left: anything else would read differently the next time
    body, notice, pack = glued
    if rule_hit is not None:
        found.add_fields(rule_hit[2])
        found.removed.append(Removal(rule_hit[0].id, notice, para.index))
    else:
        found.removed.append(Removal(f"{NOTICE_RULE}.{pack}", notice, para.index))
    return [Para((body,), para.index)]
