"""The dataset card (README.md): YAML front matter the Hub and `datasets` read, prose a reader needs."""

from __future__ import annotations

import functools
from importlib import metadata
from typing import Any

import pyarrow as pa

FIELD_DOCS = {
    "id": "stable document id: the input's id column, else the path relative to the input root",
    "text": "cleaned body; paragraphs joined by one blank line",
    "title": "title of the article",
    "authors": "authors, as printed in the byline",
    "date": "publication date of this copy",
    "publisher": "publisher of this copy",
    "original_publisher": "for a syndicated copy: where the article first appeared",
    "original_date": "for a syndicated copy: when it first appeared",
    "language": ("ISO 639-1 code of the body, from the `language_backend` of the options below "
                 "(seeded langdetect, or fastText)"),
    "regions": "region labels from the page header",
    "themes": "theme labels from the page header",
    "tags": "tags and analysis labels",
    "copyright": "the copyright line as printed",
    "source": "the input file the document came from",
    "sha256": "sha256 of the raw input document (bytes as read, or UTF-8 of a text cell)",
    "duplicate_group": "id of the canonical copy of the document's duplicate group (its own id when it has no copies)",
    "duplicate_of": "id of the canonical copy this document duplicates; null for a canonical copy",
    "removed": "audit trail: every removal as {rule, text, index}",
    "notes": "repairs that changed text without removing any (decoding, mojibake, markup, rejoins)",
    "reason": "why the document was rejected",
    "raw": "the raw input text",
}


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

    return Features.from_arrow_schema(schema)._to_yaml_list()


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


def front_matter(info: dict[str, Any], kept_schema: pa.Schema, rejected_schema: pa.Schema) -> dict[str, Any]:
    counts = info["counts"]
    # A config with no rows is left out: readers fail on Parquet files without rows.
    configs = [
        ({"config_name": "default", "data_files": [{"split": "train", "path": "data/train-*.parquet"}], "default": True},
         counts["kept"]),
        ({"config_name": "rejected", "data_files": [{"split": "train", "path": "rejected/train-*.parquet"}]},
         counts["rejected_total"]),
    ]
    infos = [
        {"config_name": "default", "features": _features(kept_schema),
         "splits": [{"name": "train", "num_bytes": info["bytes"]["kept"], "num_examples": counts["kept"]}]},
        {"config_name": "rejected", "features": _features(rejected_schema),
         "splits": [{"name": "train", "num_bytes": info["bytes"]["rejected"], "num_examples": counts["rejected_total"]}]},
    ]
    return {
        "pretty_name": info["pretty_name"],
        "license": info["license"],
        "language": info["languages"] or ["und"],
        "size_categories": [size_category(counts["kept"])],
        "tags": ["corpusprep", "news", "text"],
        "configs": [c for c, rows in configs if rows],
        "dataset_info": [i for (_, rows), i in zip(configs, infos) if rows],
    }


def render_card(info: dict[str, Any], kept_schema: pa.Schema, rejected_schema: pa.Schema) -> str:
    import yaml

    meta = yaml.safe_dump(front_matter(info, kept_schema, rejected_schema), sort_keys=False, allow_unicode=True, width=1000)
    counts = info["counts"]
    lines = [
        "---", meta.rstrip(), "---", "",
        f"# {info['pretty_name']}", "",
        f"Version **{info['version']}** of `{info['name']}`: news articles cleaned by "
        f"[corpusprep](https://pypi.org/project/corpusprep/) {info['corpusprep_version']}: boilerplate removed, "
        "text repaired, body split from its metadata. Every removal is recorded in the `removed` column.", "",
        "```python",
        "from datasets import load_dataset",
        f'ds = load_dataset("<path or repo>")                # {counts["kept"]} kept documents',
        'rejected = load_dataset("<path or repo>", "rejected")  # what was left out, and why',
        "```", "",
        "## Counts", "",
        "| | documents |", "| --- | ---: |",
        f"| read | {counts['read']} |", f"| kept | {counts['kept']} |",
    ]
    lines += [f"| rejected: {reason} | {n} |" for reason, n in counts["rejected"].items()]
    lines += ["", "Removals by rule (kept and rejected documents):", "", "| rule | removals |", "| --- | ---: |"]
    lines += [f"| `{rule}` | {n} |" for rule, n in counts["removals_by_rule"].items()] or ["| (none) | 0 |"]
    lines += ["", "## Fields", "", "Config `default` (split `train`, sorted by `id`):", ""]
    lines += [f"- `{f.name}`: {FIELD_DOCS.get(f.name, 'carried over from the input as text')}" for f in kept_schema]
    lines += ["", "Config `rejected`:", ""]
    lines += [f"- `{f.name}`: {FIELD_DOCS.get(f.name, 'carried over from the input as text')}" for f in rejected_schema]
    lines += _corpus_sections(info)
    lines += ["", "## How it was cleaned", "",
              f"corpusprep {info['corpusprep_version']}, rule packs: {', '.join(info['rule_packs'])} "
              f"(fingerprint `{info['rules_fingerprint'][:12]}`).", "", "Options:", ""]
    lines += [f"- `{k}`: `{v}`" for k, v in info["options"].items()]
    lines += ["", "## Changes since the previous version", ""]
    diff = info.get("diff")
    if diff is None:
        lines.append("This is the first version.")
    else:
        c = diff["counts"]
        lines.append(f"Since {diff['previous_version']}: {c['added']} documents added, {c['removed']} removed, "
                     f"{c['changed']} changed (`diff.json` lists them).")
        if diff["fields_changed"]:
            lines += ["", "Fields changed: " + ", ".join(f"`{k}` ({n})" for k, n in diff["fields_changed"].items()) + "."]
    return "\n".join(lines) + "\n"


CARD_SITES = 10
CARD_PARAGRAPHS = 3


def _corpus_sections(info: dict[str, Any]) -> list[str]:
    """Learned boilerplate and duplicate groups, for a reviewer (manifest.json has more)."""
    lines = ["", "## Learned boilerplate", ""]
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
    lines += ["", "## Duplicates", ""]
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
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"
