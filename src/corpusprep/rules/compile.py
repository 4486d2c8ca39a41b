"""Rule packs: site knowledge as data (TOML), compiled once into a `RuleSet`.

Code implements the rule *kinds* (drop a paragraph at an edge, read fields from a
header line); packs list the *instances*. The format is documented in
docs/rule-packs.md; the built-in packs live in ``corpusprep/rules/*.toml``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..document import DATE_FIELDS, LIST_FIELDS, METADATA_FIELDS
from ..errors import CorpusprepError
from .dates import DateReader, date_pattern
from .lexicon import LEXICONS, Lexicons

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

BUILTIN_PACKS = ("wsws", "globalresearch_fr", "globalresearch_en", "generic", "chrome")
ZONES = {"boilerplate": ("head", "tail", "edge", "anywhere"), "metadata": ("head", "tail")}
_RULE_KEYS = {"id", "zone", "pattern", "patterns", "ignore_case", "sets", "when", "max_chars", "description",
              "examples", "counterexamples"}
_PLACEHOLDER = re.compile(r"\{(date|name|names)\}")
_UPPER = "A-ZÀ-ÖØ-Þ"
_PARTICLE = r"(?:de|da|del|della|di|du|des|la|le|van|von|der|den|ter|al|el|bin|ibn|abu)"
_NAME_WORD = rf"(?:[{_UPPER}][\w'’.\-]{{0,30}})"
NAME = rf"{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{1,3}}"
NAMES = rf"{NAME}(?:(?:, | and | et | & ){NAME}){{0,5}}"
_NAME_SPLIT = re.compile(r", | and | et | & ")
_LIST_SPLIT = re.compile(r"\s*[,;]\s*")


class RuleError(CorpusprepError, ValueError):
    """A rule pack is malformed; the message names the pack and the rule."""


@dataclass(frozen=True)
class Rule:
    """One compiled rule: where it applies, what it matches, what fields it fills."""

    id: str
    kind: str  # "boilerplate" (drop) or "metadata" (move into fields)
    zone: str
    patterns: tuple[re.Pattern[str], ...]
    sets: tuple[tuple[str, str], ...] = ()
    when: tuple[tuple[str, Any], ...] = ()
    max_chars: int = 2000
    #: What the rule is for, in the pack author's words (shown by `explain()`).
    description: str = ""
    #: Texts the rule must match whole, each with the fields it must read from it (`corpusprep rules check`).
    examples: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    #: Texts it must not match: the near misses it is written to leave alone.
    counterexamples: tuple[str, ...] = ()

    def applies_in(self, zone: str) -> bool:
        return self.zone == zone or (self.zone == "edge" and zone in ("head", "tail")) or self.zone == "anywhere"


@dataclass(frozen=True)
class NoticeTemplate:
    """One sentence of a pack's syndication notice, as the content-word stems it is matched on."""

    pack: str
    stems: frozenset[str]


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Every rule of the loaded packs, in priority order, plus the shared vocabularies."""

    packs: tuple[str, ...]
    rules: tuple[Rule, ...]
    months: Mapping[str, int]
    function_words: frozenset[str]
    notice_signals: re.Pattern[str] | None
    dates: DateReader = field(repr=False)
    #: sha256 of the packs' text, in priority order: what a build records to tell rule sets apart.
    fingerprint: str = ""
    by_zone: Mapping[str, tuple[Rule, ...]] = field(repr=False, default_factory=dict)
    lexicons: Lexicons = field(repr=False, default_factory=Lexicons)
    notice_templates: tuple[NoticeTemplate, ...] = field(repr=False, default=())
    #: stem -> the positions of the templates that hold it (what `notices.template_match` counts with).
    template_index: Mapping[str, tuple[int, ...]] = field(repr=False, default_factory=dict)
    #: Finds a date of any shape the month tables allow inside a line (the header reader's).
    date_finder: re.Pattern[str] | None = field(repr=False, default=None)

    #: (zone, text, order, the `when` fields' values) -> what `first_reading` gave: see `zone_reading`.
    _readings: dict[tuple[Any, ...], tuple[Rule, dict[str, Any]] | None] = field(repr=False, default_factory=dict)
    _when_names: dict[str, tuple[str, ...]] = field(repr=False, default_factory=dict)  # zone -> the fields its `when`s name

    def in_zone(self, zone: str) -> tuple[Rule, ...]:
        """The rules that may fire in "head", "tail" or "anywhere", in priority order."""
        return self.by_zone.get(zone, ())

    def zone_reading(self, zone_rules: tuple[Rule, ...], text: str, known: Mapping[str, Any],
                     order: str = "dmy") -> tuple[Rule, dict[str, Any]] | None:
        """`first_reading`, remembered for the rules of a zone (the tuples `in_zone` returns) and short texts.

        The edge readers ask it of the same lines several times a page (a third of the calls),
        and sites repeat their lines from page to page. What it gives depends on `known` only
        through the fields the zone's `when` conditions name, so those are the key's.
        """
        zone = next((name for name, rules in self.by_zone.items() if rules is zone_rules), None)
        if zone is None or len(text) > READING_MEMO_CHARS:
            return self.first_reading(zone_rules, text, known, order)
        names = self._when_names.get(zone)
        if names is None:
            names = self._when_names[zone] = tuple(sorted({name for rule in zone_rules for name, _ in rule.when}))
        key = (zone, text, order, *(_hashable(known.get(name)) for name in names))
        hit = self._readings.get(key, _UNREAD)
        if hit is _UNREAD:
            if len(self._readings) >= READING_MEMO_SIZE:
                self._readings.clear()
            hit = self._readings[key] = self.first_reading(zone_rules, text, known, order)
        return None if hit is None else (hit[0], {k: list(v) if isinstance(v, list) else v for k, v in hit[1].items()})

    def first_reading(self, rules: Iterable[Rule], text: str, known: Mapping[str, Any],
                      order: str = "dmy") -> tuple[Rule, dict[str, Any]] | None:
        """The first of `rules` that matches `text` (a paragraph or a line) whole, and the fields it reads.

        A rule is tried only where its `max_chars` and `when` conditions hold. `order` is how a
        numeric date whose day and month could swap is read ("dmy" or "mdy"). One loop over
        the rules: the edge readers ask this of most header and footer lines.
        """
        size = len(text)
        for rule in rules:
            if size > rule.max_chars or rule.when and not _when_holds(rule.when, known):
                continue
            for pattern in rule.patterns:
                match = pattern.fullmatch(text)
                if match is None:
                    continue
                fields = self._convert(match.groupdict(), order)
                if fields is None:
                    continue
                for name, value in rule.sets:
                    fields.setdefault(name, value)
                return rule, fields
        return None

    def match(self, rule: Rule, text: str, order: str = "dmy") -> dict[str, Any] | None:
        """The fields `rule` reads from `text`, its `when` conditions aside (what a rule's examples are checked with)."""
        hit = self.first_reading((dataclasses.replace(rule, when=()),), text, {}, order)
        return None if hit is None else hit[1]

    def _convert(self, groups: Mapping[str, str | None], order: str = "dmy") -> dict[str, Any] | None:
        fields: dict[str, Any] = {}
        for name, raw in groups.items():
            if raw is None or name not in METADATA_FIELDS:
                continue
            value = " ".join(raw.split())
            if name in DATE_FIELDS:
                date = self.dates.read(value, order)
                if date is None:
                    return None  # looked like a date but is not one: the rule does not match
                fields[name] = date
            elif name == "authors":
                fields[name] = [n for n in _NAME_SPLIT.split(value) if n]
            elif name in LIST_FIELDS:
                fields[name] = [item for item in _LIST_SPLIT.split(value.strip(" ,;")) if item]
            elif value:
                fields[name] = value
        return fields


READING_MEMO_CHARS = 400  # longer paragraphs seldom repeat
READING_MEMO_SIZE = 8192
_UNREAD: Any = object()


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else repr(value) if isinstance(value, dict) else value


def _when_holds(when: tuple[tuple[str, Any], ...], known: Mapping[str, Any]) -> bool:
    for name, wanted in when:
        value = known.get(name)
        if wanted is True and not value or wanted is False and value:
            return False
        if isinstance(wanted, tuple) and value not in wanted:
            return False
    return True


def load_rules(*paths: str | Path, builtin: bool = True) -> RuleSet:
    """Load rule packs: the given files first (they take priority), then the built-in packs.

    >>> rules = load_rules()
    >>> rules.packs
    ('wsws', 'globalresearch_fr', 'globalresearch_en', 'generic', 'chrome')
    """
    sources = [(str(p), Path(p).read_text(encoding="utf-8")) for p in paths]
    if builtin:
        sources += [(name, _builtin_text(name)) for name in BUILTIN_PACKS]
    return compile_packs(sources)


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The built-in packs, compiled once per process."""
    return load_rules()


def _builtin_text(name: str) -> str:
    return resources.files("corpusprep.rules").joinpath("packs").joinpath(f"{name}.toml").read_text(encoding="utf-8")


def compile_packs(sources: Iterable[tuple[str, str]]) -> RuleSet:
    """Compile (origin, TOML text) packs, in priority order, into one RuleSet."""
    sources = list(sources)
    fingerprint = hashlib.sha256("\0".join(text for _, text in sources).encode("utf-8")).hexdigest()
    parsed = []
    for origin, text in sources:
        try:
            parsed.append((origin, tomllib.loads(text)))
        except tomllib.TOMLDecodeError as exc:
            raise RuleError(f"{origin}: not valid TOML: {exc}") from None
    months: dict[str, int] = {}
    function_words: set[str] = set()
    signals: list[str] = []
    tables: dict[str, list[str]] = {}
    stopwords_by_language: dict[str, list[str]] = {}
    for origin, data in parsed:
        for name, table in data.get("lexicon", {}).items():
            if name not in LEXICONS:
                raise RuleError(f"{origin}: unknown lexicon {name!r} (known: {', '.join(LEXICONS)})")
            for language, entries in (table.items() if isinstance(table, dict) else [("?", None)]):
                if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                    raise RuleError(f"{origin}: lexicon.{name}.{language} must be a list of non-empty strings")
                tables.setdefault(name, []).extend(entries)
                if name in ("stopwords", "other_stopwords") and language != "?":
                    stopwords_by_language.setdefault(language, []).extend(entries)
        for language, table in data.get("months", {}).items():
            for name, number in table.items():
                if not isinstance(number, int) or not 1 <= number <= 12:
                    raise RuleError(f"{origin}: months.{language}.{name} must be a number from 1 to 12")
                months[name.lower()] = number
        function_words.update(w.lower() for w in data.get("rejoin", {}).get("function_words", []))
        signals.extend(data.get("notice", {}).get("signals", []))
    if not months:
        raise RuleError("no month names: load the built-in 'generic' pack or give a [months] table")
    placeholders = {"date": date_pattern(months), "name": NAME, "names": NAMES}
    lexicons = Lexicons.from_tables(tables, stopwords_by_language)
    rules: list[Rule] = []
    templates: list[NoticeTemplate] = []
    pack_ids: list[str] = []
    seen: set[str] = set()
    for origin, data in parsed:
        pack_id = data.get("pack", {}).get("id")
        if not isinstance(pack_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", pack_id):
            raise RuleError(f"{origin}: [pack] needs an id of lowercase letters, digits and _")
        pack_ids.append(pack_id)
        for sentence in data.get("notice", {}).get("templates", []):
            if not isinstance(sentence, str) or len(stems := lexicons.content_stems(sentence)) < 3:
                raise RuleError(f"{origin}: notice template {sentence!r} needs at least three content words")
            templates.append(NoticeTemplate(pack_id, stems))
        for kind in ("boilerplate", "metadata"):
            for entry in data.get(kind, []):
                rule = _compile_rule(origin, pack_id, kind, entry, placeholders)
                if rule.id in seen:
                    raise RuleError(f"{origin}: rule id {rule.id!r} is defined twice")
                seen.add(rule.id)
                rules.append(rule)
    try:
        notice = re.compile("|".join(f"(?:{s})" for s in signals)) if signals else None
    except re.error as exc:
        raise RuleError(f"notice signals: bad regex: {exc}") from None
    return RuleSet(
        packs=tuple(pack_ids),
        rules=tuple(rules),
        months=dict(sorted(months.items())),
        function_words=frozenset(function_words),
        notice_signals=notice,
        dates=DateReader(months),
        fingerprint=fingerprint,
        by_zone={zone: tuple(r for r in rules if r.applies_in(zone)) for zone in ("head", "tail", "anywhere")},
        lexicons=lexicons,
        notice_templates=tuple(templates),
        template_index=_index_templates(templates),
        date_finder=re.compile(rf"(?<![\w/.-])(?:{placeholders['date']})(?![\w/])"),
    )


def _compile_rule(origin: str, pack_id: str, kind: str, entry: Mapping[str, Any], placeholders: Mapping[str, str]) -> Rule:
    where = f"{origin}: {kind} rule {entry.get('id', '?')!r}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rule_id):
        raise RuleError(f"{where}: needs an id of lowercase letters, digits and _")
    zone = entry.get("zone")
    if zone not in ZONES[kind]:
        raise RuleError(f"{where}: zone must be one of {', '.join(ZONES[kind])}")
    raw_patterns = list(entry.get("patterns", [])) + ([entry["pattern"]] if "pattern" in entry else [])
    if not raw_patterns:
        raise RuleError(f"{where}: needs pattern or patterns")
    flags = re.IGNORECASE if entry.get("ignore_case") else 0
    compiled = []
    for raw in raw_patterns:
        expanded = _PLACEHOLDER.sub(lambda m: f"(?-i:{placeholders[m.group(1)]})" if flags else placeholders[m.group(1)], raw)
        try:
            pattern = re.compile(expanded, flags)
        except re.error as exc:
            raise RuleError(f"{where}: bad regex {raw!r}: {exc}") from None
        bad = set(pattern.groupindex) - set(METADATA_FIELDS)
        if bad:
            raise RuleError(f"{where}: named groups must be metadata fields, not {', '.join(sorted(bad))}")
        compiled.append(pattern)
    sets = entry.get("sets", {})
    if set(sets) - set(METADATA_FIELDS) or not all(isinstance(v, str) for v in sets.values()):
        raise RuleError(f"{where}: sets may only give text values to metadata fields")
    when = []
    for name, wanted in entry.get("when", {}).items():
        if name not in METADATA_FIELDS:
            raise RuleError(f"{where}: when names unknown field {name!r}")
        when.append((name, tuple(wanted) if isinstance(wanted, list) else wanted))
    max_chars = entry.get("max_chars", 2000)
    if not isinstance(max_chars, int) or max_chars < 1:
        raise RuleError(f"{where}: max_chars must be a positive whole number")
    description = entry.get("description", "")
    if not isinstance(description, str):
        raise RuleError(f"{where}: description must be a string")
    return Rule(
        id=f"{pack_id}.{rule_id}",
        kind=kind,
        zone=zone,
        patterns=tuple(compiled),
        sets=tuple(sorted(sets.items())),
        when=tuple(when),
        max_chars=max_chars,
        description=" ".join(description.split()),
        examples=_examples(where, entry.get("examples", [])),
        counterexamples=_counterexamples(where, entry.get("counterexamples", [])),
    )


def _examples(where: str, entries: Any) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """`examples = ["text", {text = "By Jane Doe", authors = ["Jane Doe"]}]`: a text, or a text and the fields it reads."""
    if not isinstance(entries, list):
        raise RuleError(f"{where}: examples must be a list")
    out = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"]:
            raise RuleError(f"{where}: an example is a text, or a table with a text and the fields it reads")
        unknown = set(entry) - {"text"} - set(METADATA_FIELDS)
        if unknown:
            raise RuleError(f"{where}: an example names unknown field(s) {', '.join(sorted(unknown))}")
        out.append((entry["text"], tuple(sorted((k, v) for k, v in entry.items() if k != "text"))))
    return tuple(out)


def _counterexamples(where: str, entries: Any) -> tuple[str, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
        raise RuleError(f"{where}: counterexamples must be a list of non-empty strings")
    return tuple(entries)


def _index_templates(templates: list[NoticeTemplate]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for position, template in enumerate(templates):
        for stem in sorted(template.stems):
            index.setdefault(stem, []).append(position)
    return {stem: tuple(found) for stem, found in index.items()}
