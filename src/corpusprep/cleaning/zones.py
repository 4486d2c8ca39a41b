"""What the edge readers share (rule matching, sentence ends, headline shape), and the stage for the middle.

A paragraph matches the rules when the whole of it matches a rule, or when each of its
lines does ("La source originale…" and "Copyright ©…" can share a paragraph). The head
and tail readers (`corpusprep.cleaning.head`, `corpusprep.cleaning.tail`) use these; between them, the
body is only scanned by `drop_anywhere`: rules of zone "anywhere", standalone lines
and blocks of short lines that score as chrome at the stricter inline threshold
("Advertisement", "READ MORE: …", a newsletter box), and the headline right under a
"Related" label that went (a link to another article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..document import Removal
from ..fields import LABEL_FIELDS
from ..rules.compile import Rule, RuleSet
from .captions import CAPTION_RULE, caption_lines, copy_of, is_caption, is_credit, short_line
from .findings import Found
from .options import CleanOptions
from .paragraphs import Para
from .scoring import chrome_score, features, is_long_prose

TITLE_RULE = "meta.title"
INLINE_CHROME_RULE = "chrome.inline"
RELATED_RULE = "chrome.related"
INLINE_MAX_CHARS = 120
INLINE_MAX_LINES = 8
RELATED_MAX_WORDS = 16
RELATED_MAX_LINKS = 6  # headlines in a row under one label
LIST_LABEL_FIELDS = LABEL_FIELDS
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”»]$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ADDRESS = re.compile(r"\w[./@:]\w")  # "www.example.com", "https://…": an address, not the rest of a sentence
_LEAD_WORD = re.compile(r"(?i:by|par)\b")
LIST_ITEM = re.compile(r"(?:[-–—•*+]|\d{1,3}[.)])\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+[\"“‘«(]?[A-ZÀ-ÖØ-Þ]")


def drop_anywhere(paras: list[Para], rules: RuleSet, known: Mapping[str, Any],
                  options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop paragraphs that match a rule of zone "anywhere", and standalone chrome lines between body paragraphs."""
    options = options or CleanOptions()
    found = Found()
    zone_rules = tuple(r for r in rules.in_zone("anywhere") if r.zone == "anywhere")
    kept: list[Para] = []
    after_label = 0  # links still expected under a "Related" / "Read more" label that was dropped
    credit_under = False
    inline: dict[int, str] = {}  # position in `paras` -> the text of an inline chrome line dropped there
    for at, para in enumerate(paras):
        hits = match_paragraph(rules, zone_rules, para, {**known, **found.fields}, options.numeric_date_order) if zone_rules else None
        if hits is not None:
            record_hits(found, para, hits)
            after_label = 0
        elif _is_caption(para, rules, options) or (credit_under := _under_credit(para, kept, rules)):
            if credit_under or kept and _copy_above(kept[-1], para):  # the caption over its credit, or its copy
                caption = kept.pop()
                found.removed.append(Removal(CAPTION_RULE, caption.text, caption.index))
            found.removed.append(Removal(CAPTION_RULE, para.text, para.index))
            after_label = 0
        elif kept and _related_block(para, rules):
            found.removed.append(Removal(RELATED_RULE, para.text, para.index))
            after_label = 0
        elif kept and not _continues(kept[-1], para) and (score := _inline_chrome(para, rules, options)) is not None:
            found.removed.append(Removal(INLINE_CHROME_RULE, para.text, para.index, score))
            inline[at] = para.text
            after_label = RELATED_MAX_LINKS if rules.lexicons.is_related_label(para.lines[-1]) else 0
        elif after_label and headline_link(para):
            found.removed.append(Removal(RELATED_RULE, para.text, para.index))
            after_label -= 1
        else:
            kept.append(para)
            after_label = 0
    if len(inline) >= 2:
        kept = _drop_sandwiched(paras, kept, inline, rules, options, found)
    return kept, found


SANDWICH_MAX_WORDS = 30


def _drop_sandwiched(paras: list[Para], kept: list[Para], inline: Mapping[int, str], rules: RuleSet,
                     options: CleanOptions, found: Found) -> list[Para]:
    """A short line between two different chrome lines inside the article is theirs (jusText's context):
    a newsletter box's pitch between "Free weekly newsletter" and "Privacy Notice: …". It has at most
    `SANDWICH_MAX_WORDS` words and no sentence end, or a chrome word; a sentence of the body between
    two "Advertisement" markers stays."""
    gone: set[int] = set()  # ids of the paragraphs: a header block's lines share their block's index
    for at in range(1, len(paras) - 1):
        above, below = inline.get(at - 1), inline.get(at + 1)
        if above is None or below is None or above == below or at in inline:
            continue
        f = features(paras[at].text, rules.lexicons)
        if f.words <= SANDWICH_MAX_WORDS and not is_long_prose(f, options.long_prose_words) \
                and (not f.sentence_end or f.chrome_share > 0):
            gone.add(id(paras[at]))
            found.removed.append(Removal(INLINE_CHROME_RULE, paras[at].text, paras[at].index))
    found.removed.sort(key=lambda removal: removal.index if removal.index is not None else -1)
    return [para for para in kept if id(para) not in gone] if gone else kept


def _inline_chrome(para: Para, rules: RuleSet, options: CleanOptions) -> float | None:
    """The score of a paragraph inside the article that is chrome, or None.

    A standalone line counts at the inline threshold; a block of short lines ("Subscribe",
    "Thank you for subscribing", "Show me": a newsletter box; "Video Loading", "Click to
    play": a player) only when every one of its lines does.
    """
    if len(para.lines) == 1:
        if len(para.text) > INLINE_MAX_CHARS:
            return None
        score = chrome_score(features(para.text, rules.lexicons))
        return score if score >= options.inline_chrome_threshold else None
    if len(para.lines) > INLINE_MAX_LINES or any(len(line) > INLINE_MAX_CHARS for line in para.lines):
        return None
    scores = [chrome_score(features(line, rules.lexicons)) for line in para.lines]
    return min(scores) if min(scores) >= options.inline_chrome_threshold else None


def _continues(above: Para, para: Para) -> bool:
    """Whether `para` is the rest of the sentence above, split off by a page break ("… the" / "back.")."""
    first = para.text.split(maxsplit=1)[0] if para.text.strip() else ""
    return first[:1].islower() and not _ADDRESS.search(first) and not ends_sentence(above.text)


def _copy_above(above: Para, caption: Para) -> bool:
    """Whether `above` is the caption's own sentence without its credit (a tooltip's copy of it)."""
    return len(above.lines) == 1 and len(above.text) >= 20 and copy_of(above.text, caption.text)


def _under_credit(para: Para, kept: list[Para], rules: RuleSet) -> bool:
    """Whether `para` is a bare credit ("Maren Olsson/Fjord Pictures") under a short caption that opens the text."""
    return len(kept) == 1 and len(para.lines) == 1 and is_credit(para.text, rules.lexicons) and _bare_caption(kept[0])


def _is_caption(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A photo's caption and credit, alone or in a block with a tooltip or a second copy (`corpusprep.cleaning.captions`)."""
    lexicons = rules.lexicons
    if len(para.lines) == 1:
        return is_caption(para.text, lexicons)
    return len(para.lines) <= INLINE_MAX_LINES and caption_lines(
        para.lines, lexicons, lambda line: chrome_score(features(line, lexicons)) >= options.chrome_threshold)


CAPTION_ABOVE_MAX_WORDS = 20  # a lede is longer: only a line this short over a bare credit is its caption


def _bare_caption(para: Para) -> bool:
    return len(para.lines) == 1 and short_line(para.text) and len(para.text.split()) <= CAPTION_ABOVE_MAX_WORDS


def _related_block(para: Para, rules: RuleSet) -> bool:
    """A "Related" label and its headlines in one block ("Leia também:" over two headlines, one per line)."""
    label, *links = para.lines
    return 0 < len(links) <= RELATED_MAX_LINKS and rules.lexicons.is_related_label(label) \
        and all(headline_link(Para((link,), para.index)) for link in links)


def headline_link(para: Para) -> bool:
    """A short headline-shaped paragraph: under a "Related" label, a link to another article."""
    return looks_like_title(para) and len(para.text.split()) <= RELATED_MAX_WORDS


#: What a rule matched: the rule, the text it matched, and the fields it read from it.
Hit = tuple[Rule, str, dict[str, Any]]


def match_paragraph(rules: RuleSet, zone_rules: tuple[Rule, ...], para: Para, known: Mapping[str, Any], order: str = "dmy") -> list[Hit] | None:
    """The (rule, text, fields) hits that account for the whole paragraph, or None."""
    if len(para.lines) > 1:
        hits, known_now = [], dict(known)
        for line in para.lines:
            hit = first_match(rules, zone_rules, line, known_now, order)
            if hit is None:
                break
            hits.append(hit)
            known_now.update({k: v for k, v in hit[2].items() if not known_now.get(k)})
        else:
            return hits
    hit = first_match(rules, zone_rules, para.text, known, order)
    return None if hit is None else [hit]


def first_match(rules: RuleSet, zone_rules: tuple[Rule, ...], text: str, known: Mapping[str, Any], order: str = "dmy") -> Hit | None:
    hit = rules.zone_reading(zone_rules, text, known, order)
    return None if hit is None else (hit[0], text, hit[1])


def record_hits(found: Found, para: Para, hits: Iterable[Hit]) -> None:
    """Record what the rules matched in `para`: a removal per hit, and the fields they read."""
    for rule, text, fields in hits:
        found.removed.append(Removal(rule.id, text, para.index))
        found.add_fields(fields)


def ends_sentence(text: str) -> bool:
    """True when `text` ends as a sentence does (., !, ?, :, ; or a closing quote)."""
    return bool(_SENTENCE_END.search(text[-16:]))  # the end is all that matters: never scan a long paragraph


def looks_like_title(para: Para) -> bool:
    """Whether a paragraph at the top reads as a headline rather than prose or a label.

    A headline is a line or two of at most 30 words, at least two of them, with at most
    one sentence break, not ending like a sentence or a lead-in (a closing quote does not
    hide the full stop before it), not a list item and not a failed byline ("By").
    """
    text = para.text
    words = text.split()
    if len(para.lines) > 2 or len(text) > 250 or not 2 <= len(words) <= 30 or not _HAS_LETTER.search(text):
        return False
    if _LEAD_WORD.match(text) or LIST_ITEM.match(text) or len(_SENTENCE_BREAK.findall(text)) > 1:
        return False
    core = text.rstrip("\"'”’»)]")
    return not core.endswith((".", ",", ";", ":", "…")) or core.endswith(("...", "….", "…"))


def wrapped(para: Para) -> bool:
    """Whether a block is prose wrapped over lines: a third of its breaks fall inside a sentence."""
    inside = sum(not ends_sentence(above) and below[:1].islower() for above, below in zip(para.lines, para.lines[1:]))
    return 3 * inside >= len(para.lines) - 1
