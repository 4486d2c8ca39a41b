"""Stages 4 and 5: read the header and the footer zones, moving metadata into fields and dropping boilerplate.

Metadata lines and boilerplate live in the same places (the head and the tail of a
page) and are recognised the same way, by rule-pack patterns, so one reader peels
both: from the top down until a paragraph matches no head rule and is not the title,
and from the bottom up until one matches no tail rule. A paragraph matches when the
whole of it matches a rule, or when each of its lines does ("La source originale…"
and "Copyright ©…" can share a paragraph). The body between is never scanned by
edge rules, so an article that quotes a notice keeps its quote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .document import Removal
from .found import Found
from .paragraphs import Para
from .rules import Rule, RuleSet

TITLE_RULE = "meta.title"
LIST_LABEL_FIELDS = frozenset({"regions", "themes", "tags"})
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”»]$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LEAD_WORD = re.compile(r"(?i:by|par)\b")
LIST_ITEM = re.compile(r"(?:[-–—•*+]|\d{1,3}[.)])\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+[\"“‘«(]?[A-ZÀ-ÖØ-Þ]")


def read_head(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], max_paragraphs: int = 15) -> tuple[list[Para], Found]:
    """Peel stubs, switchers, the title, bylines, datelines and labels off the top."""
    found = Found()
    zone_rules = rules.in_zone("head")
    start = 0
    # Metadata already read from this page means the reading is past the top: from
    # here on only a heading can be the title (and reading again finds nothing new).
    content_seen = any(known.values())
    while start < min(len(paras), max_paragraphs):
        para = paras[start]
        known_now = {**known, **found.fields}
        if para.text.endswith(",") and start + 1 < len(paras) and (wrap := _wrapped_label(rules, zone_rules, para, paras[start + 1], known_now)):
            # A label list that wrapped into the next paragraph ("Thème: A, B," / "C").
            rule, fields = wrap
            found.removed.append(Removal(rule.id, para.text, para.index))
            start += 1
            para = paras[start]
            hits = [(rule, para.text, fields)]
        else:
            hits = match_paragraph(rules, zone_rules, para, known_now)
        if hits is not None:
            _record(found, para, hits)
            content_seen = content_seen or any(rule.kind == "metadata" for rule, _, _ in hits)
        elif not known.get("title") and not found.fields.get("title") and (para.heading or not content_seen and looks_like_title(para)):
            found.fields["title"] = para.text
            found.removed.append(Removal(TITLE_RULE, para.text, para.index))
            content_seen = True
        else:
            break
        start += 1
    return paras[start:], found


def read_tail(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], max_paragraphs: int = 25) -> tuple[list[Para], Found]:
    """Peel footers, notices, stubs and copyright lines off the bottom.

    When the last paragraph matches nothing but the one before it does not end a
    sentence, the two are tried joined: a page break may have split a notice.
    """
    found = Found()
    zone_rules = rules.in_zone("tail")
    end = len(paras)
    while end > 0 and len(paras) - end < max_paragraphs:
        para = paras[end - 1]
        known_now = {**known, **found.fields}
        hits = match_paragraph(rules, zone_rules, para, known_now)
        if hits is not None:
            _record(found, para, hits)
            end -= 1
            continue
        if end >= 2 and not ends_sentence(paras[end - 2].text):
            before = paras[end - 2]
            hit = first_match(rules, zone_rules, before.text + " " + para.text, known_now)
            if hit is not None:
                rule, _, fields = hit
                found.removed.append(Removal(rule.id, before.text, before.index))
                found.removed.append(Removal(rule.id, para.text, para.index))
                found.add_fields(fields)
                end -= 2
                continue
        break
    found.removed.sort(key=lambda removal: removal.index)  # reading order; stable within a paragraph
    return paras[:end], found


def drop_anywhere(paras: list[Para], rules: RuleSet, known: Mapping[str, Any]) -> tuple[list[Para], Found]:
    """Drop paragraphs that match a rule of zone "anywhere" (none in the built-in packs)."""
    found = Found()
    zone_rules = tuple(r for r in rules.in_zone("anywhere") if r.zone == "anywhere")
    if not zone_rules:
        return paras, found
    kept = []
    for para in paras:
        hits = match_paragraph(rules, zone_rules, para, {**known, **found.fields})
        if hits is None:
            kept.append(para)
        else:
            _record(found, para, hits)
    return kept, found


def _wrapped_label(rules: RuleSet, zone_rules: tuple[Rule, ...], para: Para, following: Para, known: Mapping[str, Any]):
    """(rule, fields) when `para` and `following` together are one label list, else None."""
    hit = first_match(rules, zone_rules, para.text + " " + following.text, known)
    if hit is None or not set(hit[2]) & LIST_LABEL_FIELDS:
        return None
    return hit[0], hit[2]


def match_paragraph(rules: RuleSet, zone_rules: tuple[Rule, ...], para: Para, known: Mapping[str, Any]):
    """The (rule, text, fields) hits that account for the whole paragraph, or None."""
    if len(para.lines) > 1:
        hits, known_now = [], dict(known)
        for line in para.lines:
            hit = first_match(rules, zone_rules, line, known_now)
            if hit is None:
                break
            hits.append(hit)
            known_now.update({k: v for k, v in hit[2].items() if not known_now.get(k)})
        else:
            return hits
    hit = first_match(rules, zone_rules, para.text, known)
    return None if hit is None else [hit]


def first_match(rules: RuleSet, zone_rules: tuple[Rule, ...], text: str, known: Mapping[str, Any]):
    for rule in zone_rules:
        fields = rules.read_fields(rule, text, known)
        if fields is not None:
            return rule, text, fields
    return None


def _record(found: Found, para: Para, hits) -> None:
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
