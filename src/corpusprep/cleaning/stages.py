"""The cleaning stages after `prepare`, in order, each with one signature: `(paragraphs, context) -> (paragraphs, found)`.

`STAGES` is a plain list, as ftfy lists its fixers and datatrove composes its steps:
`pipeline.run` loops over it, a test can run one stage alone on paragraphs of its own,
and a reader can follow a document through them top to bottom. Each entry here only
adapts a stage module's function (whose own arguments stay explicit, for its tests) to
the shared signature: what a stage reads comes from the context, what it found goes
back as a `Found` that the loop absorbs before the next stage runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..rules.compile import RuleSet
from .appeals import drop_appeals, drop_boxes
from .echoes import drop_site_names
from .findings import Found
from .foreign import drop_foreign_notices
from .head import read_head
from .language import detect_language
from .learned import LearnedBoilerplate, drop_learned
from .notice_echoes import drop_notice_echoes
from .options import CleanOptions
from .paragraphs import Para, join_body
from .rejoin import rejoin
from .tail import read_tail
from .zones import drop_anywhere


@dataclass
class Context:
    """What every stage may read: the rules, the options whole, and what the stages before it found.

    `found` is the running total the loop absorbs each stage's findings into; stages read
    it (the fields known so far, the removals so far) and never change it themselves.
    """

    rules: RuleSet
    options: CleanOptions
    found: Found = field(default_factory=Found)
    learned: LearnedBoilerplate | None = None
    site: str = ""
    #: The paragraphs' learned-boilerplate keys, when a build's first pass computed them already.
    keys: list[int] | None = None


Stage = Callable[[list[Para], Context], tuple[list[Para], Found]]


def learned_boilerplate(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """The paragraphs a corpus pass learned for this site (only when `learned` is given)."""
    if ctx.learned is None:
        return paras, Found()
    return drop_learned(paras, ctx.learned, ctx.site, ctx.rules, ctx.keys)


def boxes(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Blocks that hold a button and its pitch, before the edge readers split them line by line."""
    return drop_boxes(paras, ctx.rules, ctx.options)


def head(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """The header: metadata into fields, its chrome dropped."""
    return read_head(paras, ctx.rules, ctx.found.fields, ctx.options)


def tail(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Footers, notices, chrome, stubs and copyright lines off the bottom."""
    dropped_below = bool(paras) and any(r.index is not None and r.index > paras[-1].index for r in ctx.found.removed)
    return read_tail(paras, ctx.rules, ctx.found.fields, ctx.options, dropped_below)


def anywhere(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Rules of zone "anywhere" and standalone chrome lines between body paragraphs."""
    return drop_anywhere(paras, ctx.rules, ctx.found.fields, ctx.options)


def appeals(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Appeals beside removed chrome."""
    return drop_appeals(paras, ctx.found.removed, ctx.rules, ctx.options)


def notice_echoes(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Edge paragraphs that loosely match the notice of a pack the page already showed."""
    return drop_notice_echoes(paras, ctx.found.removed, ctx.rules, ctx.options)


def site_names(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Short edge lines that the page's removed chrome repeats."""
    return drop_site_names(paras, ctx.found.removed, ctx.rules, ctx.options)


def language(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """The body's language, from its opening (`options.language_sample_chars`); removes nothing."""
    options = ctx.options
    if not options.detect_language or not paras:
        return paras, Found()
    opening = _opening(paras, options.language_sample_chars)
    found = Found(language=detect_language(opening, options.language_sample_chars, options.language_backend,
                                           ctx.rules.lexicons.stopword_languages))
    return paras, found


def foreign_notices(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Signalled edge paragraphs in another language than the body's (needs the language stage before it)."""
    options = ctx.options
    if not options.detect_language or not paras:
        return paras, Found()
    return drop_foreign_notices(paras, ctx.rules, ctx.found.language, options.foreign_notice_max_paragraphs,
                                options.foreign_notice_min_chars, options.language_backend)


def rejoined(paras: list[Para], ctx: Context) -> tuple[list[Para], Found]:
    """Paragraphs a page break split mid-sentence, joined again (noted as "rejoined:<joins>")."""
    if not ctx.options.rejoin:
        return paras, Found()
    paras, joins = rejoin(paras, ctx.rules.function_words)
    return paras, Found(notes=[f"rejoined:{joins}"] if joins else [])


#: The order `clean()` runs them in. Metadata first (the head reader wins fields), then the
#: edges, then what depends on the removals so far, the language, and the rejoining last.
STAGES: tuple[Stage, ...] = (learned_boilerplate, boxes, head, tail, anywhere, appeals, notice_echoes, site_names,
                             language, foreign_notices, rejoined)


def run_stages(paras: list[Para], ctx: Context, stages: Sequence[Stage] | None = None) -> list[Para]:
    """Run `stages` (default `STAGES`) in order, absorbing what each found into `ctx.found`; return the paragraphs kept."""
    for stage in STAGES if stages is None else stages:
        paras, found = stage(paras, ctx)
        ctx.found.absorb(found)
    return paras


def _opening(paras: list[Para], chars: int) -> str:
    """The body's first `chars` characters or more: only as many paragraphs as that takes are joined."""
    taken, length = 0, 0
    while taken < len(paras) and length < chars:
        length += len(paras[taken].text) + 2
        taken += 1
    return join_body(paras[:taken])
