"""`clean()`: one scraped article in, one `Document` out.

prepare (decode -> repair -> unmark -> paragraphs), then the stages of `corpusprep.cleaning.stages`
in order (learned boilerplate, boxes, head, tail, anywhere, appeals, notice echoes, site
names, language, foreign notices, rejoin), then the judge. Each stage is a pure function
of the paragraphs and what is known so far; this module only prepares, runs the list
and assembles the `Document`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import METADATA_FIELDS, Document, Removal
from ..rules.compile import RuleSet, default_rules
from .findings import Found
from .judge import judge
from .learned import LearnedBoilerplate
from .options import CleanOptions
from .paragraphs import Para, join_body
from .prepare import prepare
from .stages import Context, run_stages


@dataclass
class CleanRun:
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
        learned: LearnedBoilerplate | None = None, site: str = "",
        prepared: tuple[list[Para], Found, list[int]] | None = None) -> CleanRun:
    """Like `clean()`, but also return the kept paragraphs with their positions.

    `prepared` is what a build's learning pass made of `raw` (paragraphs, findings and
    paragraph keys, as `prepare.unpack` gives them back): the first stages are then not run again.
    """
    rules = rules or default_rules()
    options = options or CleanOptions()
    if too_large(raw, options):
        return CleanRun(Document(text="", rejected="too_large", notes=[f"too_large:{len(raw)}"]), [])
    if prepared is None:
        (paras, found), keys = prepare(raw), None
    else:
        paras, found, keys = prepared
    ctx = Context(rules, options, found, learned, site, keys)
    paras = run_stages(paras, ctx)

    body = join_body(paras)
    found.removed.sort(key=lambda r: -1 if r.index is None else r.index)
    if found.fields.get("authors"):
        found.fields["authors"] = _people(found.fields["authors"], found.removed)
    document = Document(
        text=body,
        language=found.language,
        removed=found.removed,
        rejected=judge(body, found.removed, found.binary, options),
        notes=found.notes,
        **{name: found.fields[name] for name in METADATA_FIELDS if name in found.fields},
    )
    return CleanRun(document, paras)


SITE_RULES = frozenset({"chrome.masthead", "chrome.site_name"})


def _people(authors: list[str], removed: list[Removal]) -> list[str]:
    """The authors that are not the site: a byline's outlet ("Ana Souza, Portal Nordeste") that the
    page also shows as its masthead or its name alone is the site's name, not a second author."""
    sites = {removal.text.strip().casefold() for removal in removed if removal.rule in SITE_RULES}
    return [author for author in authors if author.casefold() not in sites]


def too_large(raw: str | bytes, options: CleanOptions) -> bool:
    """Over `options.max_chars`: rejected unread (a build's learning pass skips it too)."""
    return options.max_chars is not None and isinstance(raw, (str, bytes, bytearray, memoryview)) and len(raw) > options.max_chars

