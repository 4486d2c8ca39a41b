"""Stage 5c: the rest of a notice, once the page has shown which site's notice it carries.

A pack's notice template matches a sentence at `CleanOptions.notice_threshold`, strict
enough that a body sentence sharing a few of its words never does. But a site words its
notes to readers a little differently on every page ("can be read in 51 languages via
the Translate Website button under the author's name"), and the extra words pull the
match under the bar. Once the head or tail reader has removed a sentence of pack P's
notice (or a rule of pack P has fired), the page is known to be P's: a paragraph near
either edge of what is left whose sentences match P's templates at a looser bar
(`LOOSE_SHARE` of the threshold) is more of the same notice and goes as
``notice.<pack>``. "Near" counts the paragraphs that stay: each edge is read until
`EDGE_PARAGRAPHS` paragraphs that are not echoes, so a second pass finds nothing more;
paragraphs deeper inside the article are never looked at.
"""

from __future__ import annotations

from ..document import Removal
from ..rules.compile import RuleSet
from .findings import Found
from .notices import NOTICE_RULE, sentences, template_match
from .options import CleanOptions
from .paragraphs import Para

LOOSE_SHARE = 0.75  # of options.notice_threshold
EDGE_PARAGRAPHS = 3  # paragraphs that stay, read from each end


def drop_notice_echoes(paras: list[Para], removed: list[Removal], rules: RuleSet,
                       options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop edge paragraphs that loosely match the notice of a pack the page already showed."""
    options = options or CleanOptions()
    found = Found()
    packs = _shown_packs(removed, rules)
    if not packs or not paras:
        return paras, found
    threshold = options.notice_threshold * LOOSE_SHARE
    echoes: dict[int, str] = {}
    for order in (range(len(paras)), range(len(paras) - 1, -1, -1)):
        others = 0  # paragraphs seen from this edge that are not echoes
        for n in order:
            if others == EDGE_PARAGRAPHS:
                break
            pack = echoes.get(n) or _loose_notice(paras[n].text, rules, packs, threshold)
            if pack:
                echoes[n] = pack
            else:
                others += 1
    kept = []
    for n, para in enumerate(paras):
        if n in echoes:
            found.removed.append(Removal(f"{NOTICE_RULE}.{echoes[n]}", para.text, para.index))
        else:
            kept.append(para)
    return kept, found


def _shown_packs(removed: list[Removal], rules: RuleSet) -> frozenset[str]:
    """The packs whose notice sentences or rules the readers removed from this page."""
    prefix = NOTICE_RULE + "."
    shown = set()
    for removal in removed:
        rule = removal.rule.removeprefix(prefix)
        pack = rule.split(".", 1)[0]
        if pack in rules.packs and pack not in ("generic", "chrome"):
            shown.add(pack)
    return frozenset(shown)


def _loose_notice(text: str, rules: RuleSet, packs: frozenset[str], threshold: float) -> str:
    """The shown pack whose templates match at least half of `text`'s characters at `threshold`, or ""."""
    if len(text) > 1500:
        return ""  # a notice's paragraph is short; a long one is the article's
    parts = sentences(text)
    matched, best = 0, ""
    for part in parts:
        score, pack = template_match(part, rules)
        if score >= threshold and pack in packs:
            matched, best = matched + len(part), pack
    total = sum(len(part) for part in parts) or 1
    return best if matched / total >= 0.5 else ""
