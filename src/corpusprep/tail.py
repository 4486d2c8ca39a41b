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
Where reading stops, a block that mixes body lines and notice lines loses its notice
lines, and notice sentences glued to the last body sentence are cut off it.
Long prose is never dropped by a score alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .document import Removal
from .found import Found
from .notices import NOTICE_RULE, notice_share, split_glued
from .options import CleanOptions
from .paragraphs import Para
from .rules import RuleSet
from .scoring import BODY, CHROME, classify, features
from .zones import ends_sentence, first_match, match_paragraph

CHROME_RULE = "chrome.tail"
BIO_RULE = "chrome.author_bio"
BOILER, TEMPLATED, WEAK, SHORT = "boiler", "templated", "weak", "short"
_BIO_VERB = re.compile(r",? (?:is|was|has|writes|teaches|works|lives|covers|est|ist|es|è|é) ")
MAX_PENDING = 4  # undecided paragraphs in a row ("Cycling", "Buses" under "Topics") before reading stops


def read_tail(paras: list[Para], rules: RuleSet, known: Mapping[str, Any], options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Peel footers, notices, chrome, stubs and copyright lines off the bottom."""
    options = options or CleanOptions()
    found = Found()
    zone_rules = rules.in_zone("tail")
    end = len(paras)
    pending: list[tuple[Para, str, list[Removal]]] = []  # undecided paragraphs above the last drop
    while end > 0 and len(paras) - end < options.tail_max_paragraphs:
        para = paras[end - 1]
        known_now = {**known, **found.fields}
        hits = match_paragraph(rules, zone_rules, para, known_now)
        if hits is None and end >= 2 and not ends_sentence(paras[end - 2].text):
            # A page break may have split a notice: try the paragraph with the one above.
            before = paras[end - 2]
            hit = first_match(rules, zone_rules, before.text + " " + para.text, known_now)
            if hit is not None:
                _settle(found, pending, above_dropped=True)
                pending = []
                found.removed += [Removal(hit[0].id, before.text, before.index), Removal(hit[0].id, para.text, para.index)]
                found.add_fields(hit[2])
                end -= 2
                continue
        kind, removals, fields = _judge(para, hits, rules, options, known_now.get("authors") or ())
        if kind == BOILER:
            _settle(found, pending, above_dropped=True)
            pending = []
            found.removed += removals
            found.add_fields(fields)
            end -= 1
        elif kind in (WEAK, TEMPLATED, SHORT) and len(pending) < MAX_PENDING:
            pending.append((para, kind, removals))
            end -= 1
        else:
            break
    end += _settle(found, pending, above_dropped=False, below_dropped=any(r.index is not None for r in found.removed))
    kept = paras[:end]
    if kept and len(paras) - end < options.tail_max_paragraphs:
        kept[-1:] = _trim_last(kept[-1], rules, options, found)
    found.removed.sort(key=lambda removal: removal.index)  # reading order; stable within a paragraph
    return kept, found


def _judge(para: Para, hits, rules: RuleSet, options: CleanOptions, authors=()) -> tuple[str, list[Removal], dict]:
    """What one paragraph of the footer zone is, and the removals that dropping it makes."""
    if hits is not None:
        fields: dict[str, Any] = {}
        for _, _, got in hits:
            fields.update({k: v for k, v in got.items() if k not in fields})
        return BOILER, [Removal(rule.id, text, para.index) for rule, text, _ in hits], fields
    share, pack = notice_share(para.text, rules, options.notice_threshold)
    if share >= 0.5 and not _holds_prose_line(para, rules, options):
        return BOILER, [Removal(f"{NOTICE_RULE}.{pack}", para.text, para.index, share)], {}
    if _is_bio(para.text, authors, options):
        return BOILER, [Removal(BIO_RULE, para.text, para.index)], {}
    lines = [classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words) for line in para.lines]
    if len(lines) > 1:
        whole = classify(features(para.text, rules.lexicons), options.chrome_threshold, options.long_prose_words)
        if whole[0] == BODY and not all(kind == CHROME for kind, _ in lines):
            lines = [whole]
    if all(kind != BODY for kind, _ in lines) and any(kind == CHROME for kind, _ in lines):
        score = max(score for _, score in lines)
        return BOILER, [Removal(CHROME_RULE, para.text, para.index, score)], {}
    weak, pack = notice_share(para.text, rules, options.notice_threshold * 0.6)
    signalled = rules.notice_signals is not None and rules.notice_signals.search(para.text) is not None
    if (weak >= 0.5 or signalled) and len(para.text.split()) < options.long_prose_words * 2:
        kind = TEMPLATED if weak >= 0.5 else WEAK
        return kind, [Removal(f"{NOTICE_RULE}.{pack or 'signal'}", para.text, para.index, weak)], {}
    if all(kind == "short" for kind, _ in lines):
        score = max(score for _, score in lines)
        return SHORT, [Removal(CHROME_RULE, para.text, para.index, score)], {}
    return BODY, [], {}


def _holds_prose_line(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """Whether a block of lines holds a line of long prose that is not notice: then it is split, not dropped."""
    return len(para.lines) > 1 and any(
        classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)[0] == BODY
        and notice_share(line, rules, options.notice_threshold)[0] < 0.5 for line in para.lines)


def _is_bio(text: str, authors, options: CleanOptions) -> bool:
    """A short paragraph about the byline's author ("Jane Doe is a writer based in …"): the site's note, not the article."""
    if len(text.split()) > 3 * options.long_prose_words:
        return False
    return any(text.startswith(name) and _BIO_VERB.match(text, len(name)) for name in authors)


def _settle(found: Found, pending: list, above_dropped: bool, below_dropped: bool = True) -> int:
    """Decide the undecided paragraphs (bottom first) above a drop or the page's end; return how many stay.

    With boilerplate above them too, all go. Otherwise, from the bottom up, a weak notice
    goes when what is below it went (or it matches a template loosely), and the first
    paragraph that does not go keeps itself and everything above it.
    """
    for n, (_, kind, removals) in enumerate(pending):
        if not (above_dropped or kind == TEMPLATED or kind == WEAK and below_dropped):
            return len(pending) - n
        found.removed += removals
        below_dropped = True
    return 0


def _trim_last(para: Para, rules: RuleSet, options: CleanOptions, found: Found) -> list[Para]:
    """The last kept paragraph without the notice or chrome lines or sentences at its end."""
    lines = list(para.lines)
    while len(lines) > 1:
        line = lines[-1]
        share, pack = notice_share(line, rules, options.notice_threshold)
        kind, score = classify(features(line, rules.lexicons), options.chrome_threshold, options.long_prose_words)
        if share >= 0.5:
            found.removed.append(Removal(f"{NOTICE_RULE}.{pack}", line, para.index, share))
        elif kind == CHROME:
            found.removed.append(Removal(CHROME_RULE, line, para.index, score))
        else:
            break
        lines.pop()
    glued = split_glued(" ".join(lines), rules, options.notice_threshold)
    if glued is not None:
        body, notice, pack = glued
        found.removed.append(Removal(f"{NOTICE_RULE}.{pack}", notice, para.index))
        return [Para((body,), para.index)]
    return [para] if len(lines) == len(para.lines) else [Para(tuple(lines), para.index)]
