"""Syndication notices matched by what they say, not by one literal wording.

A pack lists its notice as template sentences (``[notice] templates``); a sentence of
a page matches a template when most of its content words (stems of the words that are
not stopwords) are the template's, so a notice reworded, shortened, reordered or run
together into one block still matches, while a body sentence that shares a few words
with it does not. `notice_share` scores a paragraph (how much of its text is notice);
`split_glued` finds the notice sentences glued to the end of a body sentence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from ..rules.compile import RuleSet

NOTICE_RULE = "notice"
# Both branches open on the sentence mark, so sre skips to the next mark instead of trying a lookbehind at every
# position (twice as fast); the glued branch ends right after its mark, where a lookbehind-only branch would match.
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)]*(?=\s+[\"“«(]?[A-ZÀ-ÖØ-Þ0-9©])"
                           r"|[.!?](?<=[a-zà-öø-ÿ]{3}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\s)")  # "…monsoon.The original source …": glued


def sentence_ends(text: str) -> list[int]:
    """The offsets where the sentences of `text` end (the last is ``len(text)``)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]


def sentences(text: str) -> list[str]:
    """`text` cut after each sentence end that a capital follows.

    >>> sentences("One here. Two there! three not. Four")
    ['One here.', 'Two there! three not.', 'Four']
    """
    out, start = [], 0
    for end in sentence_ends(text):
        if text[start:end].strip():
            out.append(text[start:end].strip())
        start = end
    return out


_QUOTED = re.compile(r"[“«][^”» ]{1,60}(?: [^”» ]{1,60}){3,40}[”»]")  # a title of four words or more in quotes: a name, not
# the notice's words (a quoted label, the “Translate Website” menu, is the notice's)


def template_match(text: str, rules: RuleSet) -> tuple[float, str]:
    """(how well `text` matches its best template, that template's pack); (0, "") when none shares 3 content words.

    The match is the F-measure of the shared content words: high only when most of the
    sentence is the template's and much of the template is in the sentence, so a body
    sentence that shares a few words with a long notice sentence scores low.
    """
    stems = rules.lexicons.content_stems(text)
    if len(stems) < 2 or not rules.notice_templates:
        return 0.0, ""
    shared = Counter(position for stem in stems for position in rules.template_index.get(stem, ()))
    best, pack = 0.0, ""
    for position, count in sorted(shared.items()):
        template = rules.notice_templates[position]
        if count >= min(3, len(template.stems)):
            score = 2 * count / (len(stems) + len(template.stems))
            if score > best:
                best, pack = score, template.pack
    return round(best, 2), pack


def notice_share(text: str, rules: RuleSet, threshold: float) -> tuple[float, str]:
    """(share of `text`'s characters in sentences that match a template at `threshold`, the pack that matched best)."""
    scored = _scored_sentences(text, rules)
    matched, packs = 0, dict[str, int]()
    for length, score, pack in scored:
        if score >= threshold:
            matched += length
            packs[pack] = packs.get(pack, 0) + length
    total = sum(length for length, _, _ in scored) or 1
    return round(matched / total, 2), (max(packs, key=packs.__getitem__) if packs else "")


def _scored_sentences(text: str, rules: RuleSet) -> tuple[tuple[int, float, str], ...]:
    """(length, template score, pack) of each sentence of `text`, whatever the threshold.

    The edge readers ask the share of one paragraph at up to four thresholds (a notice, a
    weak one, a loose continuation...): the sentences are cut and matched once. Texts of up
    to `_REMEMBERED_CHARS` are remembered, so a notice repeated across pages is matched once.
    """
    return _remembered_scores(text, rules) if len(text) <= _REMEMBERED_CHARS else _score_sentences(text, rules)


_REMEMBERED_CHARS = 2000  # 4,096 of them hold at most 8 MB


@functools.lru_cache(maxsize=4096)
def _remembered_scores(text: str, rules: RuleSet) -> tuple[tuple[int, float, str], ...]:
    return _score_sentences(text, rules)


def _score_sentences(text: str, rules: RuleSet) -> tuple[tuple[int, float, str], ...]:
    if "“" in text or "«" in text:  # a title in quotes is a name, not the notice's words ("Order the E-Book: “…”")
        text = _QUOTED.sub(" ", text).strip() or text
    parts = sentences(text) if len(text) < 6000 else [text]
    return tuple((len(part), *template_match(part, rules)) for part in parts)


def signalled(text: str, rules: RuleSet) -> bool:
    """Whether `text` carries one of the packs' notice signals (a copyright word, an address, a link).

    Several readers ask it of the same edge paragraphs, and sre tries the signals'
    case-insensitive alternation at every position (about 45 µs a line of news), so texts
    of up to `_REMEMBERED_CHARS` are remembered.
    """
    if rules.notice_signals is None:
        return False
    return _remembered_signal(text, rules) if len(text) <= _REMEMBERED_CHARS else _has_signal(text, rules)


@functools.lru_cache(maxsize=4096)
def _remembered_signal(text: str, rules: RuleSet) -> bool:
    return _has_signal(text, rules)


def _has_signal(text: str, rules: RuleSet) -> bool:
    return rules.notice_signals is not None and rules.notice_signals.search(text) is not None


def split_glued(text: str, rules: RuleSet, threshold: float) -> tuple[str, str, str] | None:
    """(body, notice, pack) when `text` ends with notice sentences glued after body sentences, else None."""
    if len(text) > 6000:
        return None
    ends = sentence_ends(text)
    starts = [0] + ends[:-1]
    cut, pack = len(ends), ""
    while cut > 1:
        score, found = template_match(text[starts[cut - 1]:ends[cut - 1]], rules)
        if score < threshold:
            break
        cut, pack = cut - 1, found
    if cut == len(ends):
        return None
    label = text[starts[cut - 1]:ends[cut - 1]]
    if cut > 1 and label.rstrip().endswith(":") and len(label.split()) <= 3:
        cut -= 1  # "Disclaimer:" before the notice's sentence is the notice's
    return text[:starts[cut]].rstrip(), text[starts[cut]:].strip(), pack
