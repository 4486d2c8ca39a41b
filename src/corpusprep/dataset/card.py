"""The dataset card (README.md): YAML front matter the Hub and `datasets` read, prose a reader needs.

The card follows the Hugging Face dataset-card template: corpusprep fills each section
with what it knows (sources, cleaning statistics, rule packs, learned boilerplate,
duplicates, languages) and marks what only the dataset's curator can write. The curator
supplies that text at build time (`CardOptions`, `--card-template`): the card is part of
the immutable version, listed in its manifest, so it is never edited afterwards.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from ..errors import CorpusprepError
from ..fields import COLUMNS

#: The Hub's `language_creators` values (as `datasets` lists them in utils/resources/creators.json).
LANGUAGE_CREATORS = ("found", "crowdsourced", "expert-generated", "machine-generated", "other")
LICENSES_DOC = "https://huggingface.co/docs/hub/repositories-licenses"
#: A Hub dataset repo id ("owner/name"): what a card may link to and what `corpusprep.hub` publishes to.
REPO_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")
CARD_SITES = 10  # rows of a site or publisher table
CARD_PARAGRAPHS = 3  # learned paragraphs shown per site


class CardError(CorpusprepError, ValueError):
    """A card option or template that cannot be used: one line for the user."""


@dataclass(frozen=True)
class CardOptions:
    """What the card says that corpusprep cannot know from the data (docs/build-dataset.md).

    pretty_name: the card's title and `pretty_name` (default: the dataset name).
    task_categories, language_creators, source_datasets: front matter, as the Hub spells
        them (`source_datasets`: `original`, or `extended|<dataset>` for data taken from
        another dataset). tags: added to corpusprep's own.
    repo_id: the Hub repo (OWNER/NAME) the version is released to; the card's snippets
        load from it (at tag vX.Y.Z) instead of the local folder.
    template: a Markdown file of `## Section` texts written into the card (`--card-template`).
    license_name, license_link: with `license="other"` only, and then both: the license's id
        (like `my-license-1.0`) and the http(s) URL of its text, as the Hub reads them.
    """

    pretty_name: str | None = None
    task_categories: Sequence[str] = ("text-generation",)
    language_creators: Sequence[str] = ("found",)
    source_datasets: Sequence[str] = ("original",)
    tags: Sequence[str] = ()
    repo_id: str | None = None
    template: str | Path | None = None
    license_name: str | None = None
    license_link: str | None = None

    def __post_init__(self) -> None:
        for name in ("task_categories", "language_creators", "source_datasets", "tags"):
            value = getattr(self, name)
            object.__setattr__(self, name, (value,) if isinstance(value, str) else tuple(value))

    def check(self) -> None:
        """Raise `CardError` for a value the Hub would not accept in the card's front matter."""
        for creator in self.language_creators:
            if creator not in LANGUAGE_CREATORS:
                raise CardError(f"unknown language creator {creator!r}: use {', '.join(LANGUAGE_CREATORS)}")
        for name, label in (("task_categories", "task category"), ("source_datasets", "source dataset"), ("tags", "tag")):
            for value in getattr(self, name):
                if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value):
                    raise CardError(f"bad {label} {value!r}: a non-empty id without spaces")
        if self.pretty_name is not None and (not self.pretty_name.strip() or "\n" in self.pretty_name):
            raise CardError(f"bad pretty name {self.pretty_name!r}: one non-empty line")
        if self.repo_id is not None and (not REPO_ID.fullmatch(self.repo_id) or ".." in self.repo_id):
            raise CardError(f"not a Hub repo id (OWNER/NAME): {self.repo_id!r}")

    def check_license_terms(self, license: str) -> None:
        """Raise `CardError` unless `license_name` and `license_link` are given together with `license` other, and only then.

        `license: other` alone tells a reader nothing: the Hub names a custom license by its
        `license_name` and links its text from `license_link`. Given with a Hub license id,
        they would contradict it. The link is a URL, not a file in the repo (`LICENSE`):
        a release holds only the version's files, so corpusprep publish would delete it.
        """
        given = [(field, flag) for field, flag in LICENSE_TERMS if getattr(self, field) is not None]
        if license != "other":
            if given:
                names = " and ".join(f"{field} ({flag})" for field, flag in given)
                raise CardError(f"{names} {'is' if len(given) == 1 else 'are'} only for license other, not {license!r}: "
                                "a Hub license id needs no name or link")
            return
        if len(given) < len(LICENSE_TERMS):
            raise CardError("license other needs license_name (--license-name, an id like my-license-1.0) and "
                            "license_link (--license-link, the URL of its text): the card must say which license it is")
        _check_license_name(self.license_name or "")
        _check_license_link(self.license_link or "")

    def settings(self, template: str | None) -> dict[str, Any]:
        """What of the card decides the version's bytes: the options, and the template's content (not its path).

        The license terms are left out when not given, so versions built before they existed keep their settings.
        """
        unset = {field for field, _ in LICENSE_TERMS if getattr(self, field) is None}
        out = {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()
               if k != "template" and k not in unset}
        out["template_sha256"] = hashlib.sha256(template.encode("utf-8")).hexdigest() if template is not None else None
        return out


#: The card options that name a custom license (`license: other`), and their build-dataset flags.
LICENSE_TERMS = (("license_name", "--license-name"), ("license_link", "--license-link"))


def _check_license_name(name: str) -> None:
    """A custom license's id: one word the Hub shows as the license; a Hub id is given as the license itself."""
    if not isinstance(name, str) or not name.strip() or any(c.isspace() for c in name):
        raise CardError(f"bad license_name {name!r}: an id without spaces, like my-license-1.0")
    if name in hub_licenses():
        raise CardError(f"license_name {name!r} is one of the Hub's license ids: give it as the license "
                        f"(--license {name}) instead of other")


def _check_license_link(link: str) -> None:
    """Where the custom license's text is: an http(s) URL a reader of the card can open."""
    parts = urlsplit(link) if isinstance(link, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in link):
        raise CardError(f"bad license_link {link!r}: the http(s) URL of the license's text, like "
                        "https://example.org/license (a file in the repo would not survive corpusprep publish)")


@functools.cache
def hub_licenses() -> frozenset[str]:
    """The Hub's license ids (hub_licenses.txt, from the Hub's documentation)."""
    text = resources.files("corpusprep.dataset").joinpath("hub_licenses.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_license(license: str) -> None:
    """Raise `CardError` unless `license` is one of the Hub's ids: another one shows as no license at all."""
    ids = hub_licenses()
    if license in ids:
        return
    if isinstance(license, str) and license.strip().lower() in ids:
        raise CardError(f"unknown license {license!r}: did you mean {license.strip().lower()!r}? "
                        f"(the Hub's license ids are lower case, {LICENSES_DOC})")
    common = ", ".join(("apache-2.0", "mit", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc0-1.0", "odc-by"))
    raise CardError(f"unknown license {license!r}: use one of the Hub's license ids ({common}, ..., other, "
                    f"unknown; {LICENSES_DOC})")


@dataclass(frozen=True)
class Template:
    """The curator's text: what comes before the first `## ` heading, then each `## ` section in order."""

    preamble: str = ""
    sections: tuple[tuple[str, str], ...] = ()

    def text(self, title: str) -> str:
        return dict((_key(t), body) for t, body in self.sections).get(_key(title), "")


def read_template(path: str | Path | None) -> tuple[Template, str | None]:
    """The parsed template at `path` and its text (None, None without one); `CardError` if it cannot be used."""
    if path is None:
        return Template(), None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CardError(f"cannot read the card template {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_template(text, str(path)), text


def parse_template(text: str, name: str = "template") -> Template:
    """Split a Markdown template into its preamble and `## ` sections (headings inside code fences are text)."""
    lines = text.lstrip("\ufeff").splitlines()
    if lines and lines[0].strip() == "---":
        raise CardError(f"the card template {name} has front matter: set it with the card options "
                        "(--license, --task-category, --source-dataset, --language-creator, --tag, --pretty-name)")
    preamble: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    fence = None
    for line in lines:
        marker = line.lstrip()[:3]
        if fence is not None:
            fence = None if marker == fence else fence
        elif marker in ("```", "~~~"):
            fence = marker
        elif line.startswith("# "):
            raise CardError(f"the card template {name} has a title ({line.strip()!r}): the card's title is "
                            "--pretty-name; start the template with text or `## ` sections")
        elif line.startswith("## "):
            title = line[3:].strip().rstrip("#").strip()
            if _key(title) in {_key(t) for t, _ in sections}:
                raise CardError(f"the card template {name} has the section '## {title}' twice")
            sections.append((title, []))
            continue
        (sections[-1][1] if sections else preamble).append(line)
    return Template("\n".join(preamble).strip("\n"), tuple((t, "\n".join(body).strip("\n")) for t, body in sections))


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()

FIELD_DOCS = {name: column.doc for name, column in COLUMNS.items()}


def size_category(rows: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                         (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")):
        if rows < limit:
            return label
    return "n>1T" if rows >= 10**12 else "100M<n<1B" if rows < 10**9 else "1B<n<10B"


def _features(schema: pa.Schema) -> list[dict[str, Any]]:
    """The card's `features` for `schema`, as the installed `datasets` spells them.

    Importing `datasets` took 0.6 s of every build, so the types corpusprep writes are
    spelled here, as `datasets` 4 and later spell them (tests/test_card.py checks that
    they agree); any other type, or an older `datasets` (which spelled lists
    `sequence`), goes through `datasets` itself.
    """
    if _datasets_major() >= 4:
        try:
            return [{"name": f.name, **_feature(f.type)} for f in schema]
        except KeyError:
            pass
    from datasets import Features

    features: list[dict[str, Any]] = Features.from_arrow_schema(schema)._to_yaml_list()
    return features


_DTYPES = {pa.string(): "string", pa.int32(): "int32", pa.int64(): "int64", pa.date32(): "date32"}


def _feature(kind: pa.DataType) -> dict[str, Any]:
    """One column's spelling; KeyError for a type not spelled here."""
    if pa.types.is_list(kind):
        item = kind.value_type
        if pa.types.is_struct(item):
            return {"list": [{"name": f.name, **_feature(f.type)} for f in item]}
        return {"list": _DTYPES[item]}
    return {"dtype": _DTYPES[kind]}


@functools.cache
def _datasets_major() -> int:
    try:
        return int(metadata.version("datasets").split(".")[0])
    except (metadata.PackageNotFoundError, ValueError):
        return 0


def front_matter(info: dict[str, Any], kept_schema: pa.Schema, rejected_schema: pa.Schema,
                 card: CardOptions = CardOptions()) -> dict[str, Any]:
    """The card's YAML metadata. Both configs are declared in every version, even with no rows (an empty
    Parquet file then holds their schema), so `load_dataset(..., "rejected")` never meets a missing config."""
    counts = info["counts"]
    languages = info["languages"]
    meta: dict[str, Any] = {
        "pretty_name": card.pretty_name or info["name"],
        "license": info["license"],
        **{field: getattr(card, field) for field, _ in LICENSE_TERMS if getattr(card, field) is not None},
        "language": languages or ["und"],
        "language_creators": list(card.language_creators),
    }
    if languages:
        meta["multilinguality"] = ["monolingual" if len(languages) == 1 else "multilingual"]
    meta.update({
        "size_categories": [size_category(counts["kept"])],
        "source_datasets": list(card.source_datasets),
        "task_categories": list(card.task_categories),
        "tags": list(dict.fromkeys(["corpusprep", "news", "text", *card.tags])),
        "configs": [
            {"config_name": "default", "data_files": [{"split": "train", "path": "data/train-*.parquet"}], "default": True},
            {"config_name": "rejected", "data_files": [{"split": "train", "path": "rejected/train-*.parquet"}]},
        ],
        "dataset_info": [
            {"config_name": "default", "features": _features(kept_schema),
             "splits": [{"name": "train", "num_bytes": info["bytes"]["kept"], "num_examples": counts["kept"]}]},
            {"config_name": "rejected", "features": _features(rejected_schema),
             "splits": [{"name": "train", "num_bytes": info["bytes"]["rejected"],
                         "num_examples": counts["rejected_total"]}]},
        ],
    })
    return meta


#: The card's sections, in order, and for those only the curator can complete, what to write.
SECTIONS = (
    ("Dataset description", "what this dataset is and is for, and who curated it"),
    ("Uses", "the uses this dataset suits, and those it does not (out-of-scope uses)"),
    ("Dataset structure", None),
    ("Source data", "who wrote and published these articles, how and when they were collected, and on what terms"),
    ("Personal and sensitive information",
     "whether the articles name private people or hold sensitive data, and what was done about it"),
    ("Bias, risks and limitations",
     "which viewpoints, regions and periods the sources cover or leave out, and the risks of using the data"),
    ("Changes since the previous version", None),
    ("Citation", "how to cite this dataset (BibTeX)"),
)
NOTICE = ("<!-- Written by corpusprep when the version was built, and listed in its manifest.json: supply card text "
          "with build-dataset --card-template and the card options, not by editing this file (corpusprep publish "
          "refuses a version whose files differ from its manifest). -->")


def render_card(info: dict[str, Any], kept_schema: pa.Schema, rejected_schema: pa.Schema,
                card: CardOptions = CardOptions(), template: Template = Template()) -> str:
    """The whole README.md: front matter, title, loading snippet, then the template's sections filled in."""
    import yaml

    meta = yaml.safe_dump(front_matter(info, kept_schema, rejected_schema, card), sort_keys=False,
                          allow_unicode=True, width=1000)
    title = card.pretty_name or info["name"]
    lines = [
        "---", meta.rstrip(), "---", "", NOTICE, "",
        f"# {title}", "",
    ]
    if template.preamble:  # the curator's summary first
        lines += [template.preamble, ""]
    lines += [
        f"Version **{info['version']}** of `{info['name']}`: news articles cleaned by "
        f"[corpusprep](https://pypi.org/project/corpusprep/) {info['corpusprep_version']}: boilerplate removed, "
        "text repaired, body split from its metadata. Every removal is recorded in the `removed` column.", "",
    ]
    lines += _snippet(info, card)
    generated = {
        "Dataset description": _description(info, card),
        "Uses": _uses(),
        "Dataset structure": _structure(info, kept_schema, rejected_schema),
        "Source data": _source_data(info),
        "Personal and sensitive information": _personal(),
        "Bias, risks and limitations": _bias(info),
        "Changes since the previous version": _changes(info),
        "Citation": _citation(info, card),
    }
    known = {_key(t) for t, _ in SECTIONS}
    extra = [(t, body) for t, body in template.sections if _key(t) not in known]
    for section_title, prompt in SECTIONS:
        if section_title == "Citation":
            for extra_title, body in extra:  # the curator's own sections go last, before the citation
                lines += [f"## {extra_title}", "", body, ""]
        lines += _section(section_title, prompt, template.text(section_title), generated[section_title])
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(title: str, prompt: str | None, text: str, generated: list[str]) -> list[str]:
    """A `## title` section: the curator's text (or, where only they can write it, a marked place), then corpusprep's."""
    lines = [f"## {title}", ""]
    if text:
        lines += [text, ""]
    elif prompt:
        lines += [f"> **To complete:** {prompt}. Write it in a `## {title}` section of the `--card-template` "
                  "file and rebuild.", ""]
    return lines + generated + ([""] if generated else [])


def _snippet(info: dict[str, Any], card: CardOptions) -> list[str]:
    """Loading code that runs as written: the Hub repo at this version's tag, else the folder as built under dist/.

    A version is byte-identical wherever it was written, so the card names the folder as
    `build-dataset` lays it out under its default --out, never the build machine's path.
    """
    where = json.dumps(card.repo_id or f"dist/{info['name']}/{info['version']}")
    revision = f', revision="v{info["version"]}"' if card.repo_id else ""
    counts = info["counts"]
    lines = ["```python", "from datasets import load_dataset", ""]
    for name, config, rows, what, none in (
            ("ds", "", counts["kept"], "kept documents", "no document kept"),
            ("rejected", ', "rejected"', counts["rejected_total"], "documents left out, and why", "nothing rejected")):
        if rows:
            lines.append(f'{name} = load_dataset({where}{config}{revision}, split="train")  # {rows} {what}')
        else:  # `datasets` cannot load a split without rows, except streamed
            lines.append(f'{name} = load_dataset({where}{config}{revision}, split="train", streaming=True)  '
                         f"# {none} in this version: an empty split loads only streamed")
    return lines + ["```", ""]


def _description(info: dict[str, Any], card: CardOptions) -> list[str]:
    counts = info["counts"]
    where = (f"[{card.repo_id}](https://huggingface.co/datasets/{card.repo_id}), tag `v{info['version']}`"
             if card.repo_id else f"`dist/{info['name']}/{info['version']}`")
    license = info["license"]
    return [
        f"- **Version:** {info['version']} of `{info['name']}` ({where}), built with corpusprep "
        f"{info['corpusprep_version']}",
        f"- **Language(s):** {', '.join(info['languages']) or 'none detected'} (see Bias, risks and limitations)",
        _license_line(license, card),
        f"- **Size:** {counts['kept']} documents kept of {counts['read']} read, {counts['rejected_total']} "
        f"rejected ({size_category(counts['kept'])})",
    ]


def _license_line(license: str, card: CardOptions) -> str:
    """The license, and for a custom one (`other`) its name and where its text is."""
    if license == "other" and card.license_name and card.license_link:
        return f"- **License:** `{card.license_name}` (`license: other`, not a Hub license id), text at <{card.license_link}>"
    return f"- **License:** `{license}`" + (" (not declared: set it with `--license`)" if license == "unknown" else "")


def _uses() -> list[str]:
    return [
        "The `default` config holds the kept articles: the cleaned body and the metadata split from it (title, "
        "authors, date, publisher, syndication, labels), for language modelling, classification, retrieval or the "
        "study of news text; config `rejected` holds every document left out, with its `reason` and raw input, to "
        "audit the cleaning. Every removal from a kept document is in its `removed` column (rule, text, position), "
        "so what was cut can be reviewed or put back.",
    ]


def _structure(info: dict[str, Any], kept_schema: pa.Schema, rejected_schema: pa.Schema) -> list[str]:
    counts = info["counts"]
    lines = ["### Counts", "", "| | documents |", "| --- | ---: |",
             f"| read | {counts['read']} |", f"| kept | {counts['kept']} |"]
    lines += [f"| rejected: {_cell(reason)} | {n} |" for reason, n in counts["rejected"].items()]
    lines += ["", "Removals by rule (kept and rejected documents):", "", "| rule | removals |", "| --- | ---: |"]
    lines += [f"| `{rule}` | {n} |" for rule, n in counts["removals_by_rule"].items()] or ["| (none) | 0 |"]
    lines += ["", "### Fields", "", "Config `default` (split `train`, sorted by `id`):", ""]
    lines += [f"- `{f.name}`: {FIELD_DOCS.get(f.name, 'carried over from the input as text')}" for f in kept_schema]
    lines += ["", "Config `rejected` (split `train`, sorted by `id`):", ""]
    lines += [f"- `{f.name}`: {FIELD_DOCS.get(f.name, 'carried over from the input as text')}" for f in rejected_schema]
    return lines


def _source_data(info: dict[str, Any]) -> list[str]:
    """The inputs, the publishers found in them, and how they were cleaned."""
    inputs = info.get("inputs") or []
    lines = ["### Inputs", "", f"{len(inputs)} input{'s' if len(inputs) != 1 else ''}, by name (sha256 of the file "
             "names and contents, as `manifest.json` records them):", ""]
    lines += [f"- `{_cell(PurePath(i['path']).name or i['path'])}` (`{i['sha256'][:12]}`)" for i in inputs]
    lines += ["", "### Publishers", ""]
    lines += _distribution(info.get("distribution", {}).get("publishers", {}), "publisher", info["counts"]["kept"],
                           "No publisher was found in the kept documents.")
    lines += ["", "### Data collection and processing", "",
              f"corpusprep {info['corpusprep_version']}, rule packs: {', '.join(info['rule_packs'])} "
              f"(fingerprint `{info['rules_fingerprint'][:12]}`).", "", "Options:", ""]
    lines += [f"- `{k}`: `{v}`" for k, v in info["options"].items()]
    return lines + _corpus_sections(info)


def _personal() -> list[str]:
    return [
        "corpusprep neither looks for nor removes personal data. Kept documents carry the `authors` printed in each "
        "byline and the text as published, with any names and contact details it holds; config `rejected` keeps "
        "each left-out document's input verbatim (`raw`).",
    ]


def _bias(info: dict[str, Any]) -> list[str]:
    """The language distribution, the publication dates, and what automatic cleaning gets wrong."""
    dist = info.get("distribution", {})
    kept = info["counts"]["kept"]
    lines = ["### Languages", ""]
    lines += _distribution(dist.get("languages", {}), "language", kept, "No document was kept.", limit=None)
    dates = dist.get("dates")
    if dates:
        undated = dist.get("undated", 0)
        lines += ["", f"Publication dates of the kept documents: {dates[0]} to {dates[1]}"
                  + (f" ({undated} without a date)." if undated else ".")]
    named = [(publisher, n) for publisher, n in dist.get("publishers", {}).items() if publisher]
    if named:
        top, n = named[0]
        lines += ["", f"The largest publisher, {_cell(top)}, has {n} of the {kept} kept documents ({n / kept:.1%})."]
    backend = info["options"].get("language_backend", "langdetect")
    backend = "a stopword test, and seeded langdetect where that test is unsure," if backend == "stopwords" else backend
    lines += ["", "### Limitations of the cleaning", "",
              f"Cleaning is automatic: rule packs and learned boilerplate can leave some boilerplate in or cut some "
              f"article text (every cut is in `removed`); `language` comes from {backend} and can be wrong on short or "
              "mixed-language texts; duplicate detection can miss heavily edited copies or group distinct articles "
              "that share long passages."]
    return lines


def _distribution(counts: dict[Any, int], label: str, total: int, none: str, limit: int | None = CARD_SITES) -> list[str]:
    """A `| label | documents | share |` table, largest first (`limit` rows, then how many more)."""
    if not counts:
        return [none]
    rows = list(counts.items())
    lines = [f"| {label} | documents | share |", "| --- | ---: | ---: |"]
    lines += [f"| {_cell(key) if key else '(none found)'} | {n} | {n / total:.1%} |" for key, n in rows[:limit]]
    if limit is not None and len(rows) > limit:
        lines += ["", f"and {len(rows) - limit} more ({sum(n for _, n in rows[limit:])} documents)."]
    return lines


def _changes(info: dict[str, Any]) -> list[str]:
    diff = info.get("diff")
    if diff is None:
        return ["This is the first version."]
    c = diff["counts"]
    lines = [f"Since {diff['previous_version']}: {c['added']} documents added, {c['removed']} removed, "
             f"{c['changed']} changed (`diff.json` lists them)."]
    if diff["fields_changed"]:
        lines += ["", "Fields changed: " + ", ".join(f"`{k}` ({n})" for k, n in diff["fields_changed"].items()) + "."]
    return lines


def _citation(info: dict[str, Any], card: CardOptions) -> list[str]:
    where = f" (https://huggingface.co/datasets/{card.repo_id}, tag `v{info['version']}`)" if card.repo_id else ""
    return [f"Cite the version you used: this is {info['version']} of `{info['name']}`{where}, built with corpusprep "
            f"{info['corpusprep_version']}."]


def _corpus_sections(info: dict[str, Any]) -> list[str]:
    """Learned boilerplate and duplicate groups, for a reviewer (manifest.json has more)."""
    lines = ["", "#### Learned boilerplate", ""]
    sites = info.get("learned_boilerplate") or {}
    if not sites:
        lines.append("No paragraph recurred often enough in any site's documents to be learned as boilerplate.")
    else:
        lines += [f"Paragraphs recurring across a site's documents, removed under rule `learned:<site>:<documents>` "
                  f"({len(sites)} sites; `manifest.json` lists every site's top paragraphs):", "",
                  "| site | documents | paragraphs learned | removals | most removed |", "| --- | ---: | ---: | ---: | --- |"]
        for site, s in list(sites.items())[:CARD_SITES]:
            top = "; ".join(f"“{_cell(t['text'])}” ({t['removed']})" for t in s["top"][:CARD_PARAGRAPHS])
            lines.append(f"| {_cell(site)} | {s['documents']} | {s['paragraphs_learned']} | {s['removals']} | {top} |")
    lines += ["", "#### Duplicates", ""]
    dups = info.get("duplicates")
    if dups is None:
        lines.append("Duplicate detection was off.")
    elif not dups["groups"]:
        lines.append("No two documents were copies of each other.")
    else:
        fate = ("Every copy is kept, marked" if dups.get("copies_kept") else
                "Each group keeps its canonical copy; the others are in the `rejected` config (reason `duplicate`)")
        lines += [f"{dups['groups']} groups of copies hold {dups['documents_in_groups']} documents "
                  f"({dups['exact_copies']} of the {dups['copies']} copies are exact). {fate}: see `duplicate_group` "
                  "and `duplicate_of`.", "",
                  "| kept | copies | size |", "| --- | --- | ---: |"]
        lines += [f"| `{g['kept']}` | {', '.join(f'`{c}`' for c in g['copies'])} | {g['size']} |" for g in dups["largest_groups"]]
    return lines


def _cell(text: str, limit: int = 80) -> str:
    text = str(text).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"
