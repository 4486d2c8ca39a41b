"""`clean()`: the fixed sequence of stages that turns one scraped article into a `Document`.

decode -> repair -> unmark -> drop learned boilerplate (when given) -> read head
(metadata) -> read tail (boilerplate) -> drop foreign notices -> rejoin -> judge. Each stage is a pure function of the
paragraphs and what is known so far; this module only runs them in order and
gathers what they found.
"""

from __future__ import annotations

from dataclasses import dataclass

from .appeals import drop_appeals, drop_boxes
from .document import METADATA_FIELDS, Document, Removal
from .echoes import drop_site_names
from .foreign import drop_foreign_notices
from .head import read_head
from .judge import judge
from .language import detect_language
from .learned import LearnedBoilerplate, drop_learned
from .notice_echoes import drop_notice_echoes
from .options import CleanOptions
from .paragraphs import Para, join_body
from .prepare import prepare, unpack
from .rejoin import rejoin
from .rules import RuleSet, default_rules
from .tail import read_tail
from .zones import drop_anywhere


@dataclass
class Cleaned:
    """A document with the paragraphs it kept, for `explain()`."""

    document: Document
    kept: list[Para]


def clean(raw: str | bytes, *, rules: RuleSet | None = None, options: CleanOptions | None = None,
          learned: LearnedBoilerplate | None = None, site: str = "") -> Document:
    """Clean one scraped article: body text, metadata, audit trail, verdict.

    Never raises on a `str`. `rules` defaults to the built-in packs
    (`corpusprep.load_rules("my.toml")` adds your own); `options` to `CleanOptions()`.
    `learned` (from `learn_boilerplate()`) drops the paragraphs learned for `site`.

    >>> doc = clean("Council extends library hours\\n\\nBy Jane Doe\\n\\nA body long enough to keep. " + "More words " * 10 + "\\n\\nLoading")
    >>> doc.title, doc.authors, [r.rule for r in doc.removed]
    ('Council extends library hours', ['Jane Doe'], ['meta.title', 'generic.byline', 'generic.loading_stub'])
    """
    return run(raw, rules=rules, options=options, learned=learned, site=site).document


def run(raw: str | bytes, *, rules: RuleSet | None = None, options: CleanOptions | None = None,
        learned: LearnedBoilerplate | None = None, site: str = "", prepared: bytes | None = None) -> Cleaned:
    """Like `clean()`, but also return the kept paragraphs with their positions.

    `prepared` is what a build's learning pass made of `raw` (`prepare.pack`): the
    first stages are then not run again.
    """
    rules = rules or default_rules()
    options = options or CleanOptions()
    if too_large(raw, options):
        return Cleaned(Document(text="", rejected="too_large", notes=[f"too_large:{len(raw)}"]), [])
    if prepared is None:
        (paras, found), keys = prepare(raw), None
    else:
        paras, found, keys = unpack(prepared)
    if learned is not None:
        paras, recurring = drop_learned(paras, learned, site, rules, keys)
        found.absorb(recurring)

    paras, boxes = drop_boxes(paras, rules, options)
    found.absorb(boxes)
    paras, head = read_head(paras, rules, found.fields, options)
    found.absorb(head)
    dropped_below = bool(paras) and any(r.index is not None and r.index > paras[-1].index for r in found.removed)
    paras, tail = read_tail(paras, rules, found.fields, options, dropped_below)
    found.absorb(tail)
    paras, middle = drop_anywhere(paras, rules, found.fields, options)
    found.absorb(middle)
    paras, appeals = drop_appeals(paras, found.removed, rules, options)
    found.absorb(appeals)
    paras, echoes = drop_notice_echoes(paras, found.removed, rules, options)
    found.absorb(echoes)
    paras, names = drop_site_names(paras, found.removed, rules, options)
    found.absorb(names)

    language = None
    if options.detect_language and paras:
        language = detect_language(_opening(paras, options.language_sample_chars), options.language_sample_chars,
                                   options.language_backend, rules.lexicons.stopword_languages)
        paras, foreign = drop_foreign_notices(
            paras, rules, language, options.foreign_notice_max_paragraphs, options.foreign_notice_min_chars,
            options.language_backend,
        )
        found.absorb(foreign)
    if options.rejoin:
        paras, joins = rejoin(paras, rules.function_words)
        if joins:
            found.notes.append(f"rejoined:{joins}")

    body = join_body(paras)
    found.removed.sort(key=lambda r: -1 if r.index is None else r.index)
    if found.fields.get("authors"):
        found.fields["authors"] = _people(found.fields["authors"], found.removed)
    document = Document(
        text=body,
        language=language,
        removed=found.removed,
        rejected=judge(body, found.removed, found.binary, options),
        notes=found.notes,
        **{name: found.fields[name] for name in METADATA_FIELDS if name in found.fields},
    )
    return Cleaned(document, paras)


SITE_RULES = frozenset({"chrome.masthead", "chrome.site_name"})


def _people(authors: list[str], removed: list[Removal]) -> list[str]:
    """The authors that are not the site: a byline's outlet ("Ana Souza, Portal Nordeste") that the
    page also shows as its masthead or its name alone is the site's name, not a second author."""
    sites = {removal.text.strip().casefold() for removal in removed if removal.rule in SITE_RULES}
    return [author for author in authors if author.casefold() not in sites]


def too_large(raw: str | bytes, options: CleanOptions) -> bool:
    """Over `options.max_chars`: rejected unread (a build's learning pass skips it too)."""
    return options.max_chars is not None and isinstance(raw, (str, bytes, bytearray, memoryview)) and len(raw) > options.max_chars


def _opening(paras: list[Para], chars: int) -> str:
    """The body's first `chars` characters or more: only as many paragraphs as that takes are joined."""
    taken, length = 0, 0
    while taken < len(paras) and length < chars:
        length += len(paras[taken].text) + 2
        taken += 1
    return join_body(paras[:taken])
