"""The `corpusprep` command: clean files and summarise, explain one file's removals, compare or publish versions.

A thin layer over `clean()`, `explain()`, `diff_versions()` and `hub.publish()`: it reads
files, prints, and turns user errors (a missing path, a bad rule pack, a release the
Hub refuses) into one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from ..errors import CorpusprepError
from ..readers.records import TABLE_SUFFIXES, TEXT_SUFFIXES, ReadOptions, as_input, is_url

if TYPE_CHECKING:  # imported lazily below, for a fast start
    from ..document import Document
    from ..hub.publish import PublishReport
    from ..readers.records import RawRecord
    from ..rules.compile import RuleSet

EXAMPLES = """examples:
  corpusprep clean seeds/                 summary table of the bundled seeds
  corpusprep clean seeds/ --json          one JSON document per line
  corpusprep clean article.html --rules mysite.toml
  corpusprep clean news.csv --text-column content --id-column id --json   one JSON object per row
  corpusprep explain seeds/002_e169762a8f106654.txt
  corpusprep explain corpus.parquet       every row, each under a line naming its id
  corpusprep diff dist/news/1.0.0 dist/news/1.1.0
  corpusprep publish dist/news/1.1.0 alice/news --dry-run
  corpusprep rules check mysite.toml      run each rule's examples and counterexamples
"""


class UserError(CorpusprepError):
    """A mistake in the command line or its inputs: reported in one line, no traceback."""


def tool_version() -> str:
    """corpusprep's own version: the installed distribution's, else the package's `__version__`.

    Both commands print it (`corpusprep --version`, `build-dataset --tool-version`), since
    `build-dataset --version` names the dataset version to build.
    """
    from importlib import metadata

    try:
        return metadata.version("corpusprep")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        from .. import __version__

        return __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="corpusprep",
        description="Clean scraped news articles: body text, metadata and an audit of every removal.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"corpusprep {tool_version()}",
                        help="print corpusprep's version and exit")
    sub = parser.add_subparsers(dest="command", required=True)
    clean_cmd = sub.add_parser("clean", help="clean files or folders and print a summary (or JSON lines)")
    clean_cmd.add_argument("paths", nargs="+", type=as_input,
                           help="files or folders, read as build-dataset reads them (text files, one document each; "
                                ".jsonl/.csv/.parquet files, one per row), or fsspec URLs")
    clean_cmd.add_argument("--json", action="store_true", help="print one JSON object per document instead of a table")
    explain_cmd = sub.add_parser("explain", help="show what clean() removes from one file (or each row of a table), and why")
    explain_cmd.add_argument("path", type=as_input, help="a text file, or a .jsonl/.csv/.parquet file (every row)")
    diff_cmd = sub.add_parser("diff", help="compare two built versions (ids added, removed, changed; fields changed)")
    diff_cmd.add_argument("old", type=Path, help="a version folder, e.g. dist/news/1.0.0")
    diff_cmd.add_argument("new", type=Path, help="a version folder, e.g. dist/news/1.1.0")
    diff_cmd.add_argument("--json", action="store_true", help="print the whole diff as JSON")
    publish_cmd = sub.add_parser("publish", help="release a built version to a dataset repo on the Hugging Face Hub",
                                 description="Release a built version as one commit and a tag vX.Y.Z. "
                                             "Token: HF_TOKEN, else `hf auth login`.")
    publish_cmd.add_argument("version_dir", type=Path, help="a version folder, e.g. dist/news/1.1.0")
    publish_cmd.add_argument("repo_id", metavar="OWNER/NAME", help="the dataset repo, created if missing")
    publish_cmd.add_argument("--private", action="store_true",
                             help="create the repo private (refused for an existing public repo)")
    publish_cmd.add_argument("--dry-run", action="store_true", help="show the commit and tag it would make; send nothing")
    publish_cmd.add_argument("--json", action="store_true", help="print the release report as JSON")
    publish_cmd.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                             help="give up on a Hub request after this long without an answer, and retry it "
                                  "(default: 60)")
    rules_cmd = sub.add_parser("rules", help="work with rule packs").add_subparsers(dest="rules_command", required=True)
    check_cmd = rules_cmd.add_parser("check", help="run each rule's examples and counterexamples (default: the built-in packs)")
    check_cmd.add_argument("packs", nargs="*", type=Path, metavar="PACK.toml", help="rule packs to check")
    for command in (clean_cmd, explain_cmd):
        command.add_argument("--rules", action="append", type=Path, default=[], metavar="PACK.toml",
                             help="an extra rule pack (repeatable); it takes priority over the built-in packs")
        command.add_argument("--text-column", default="text", help="column holding the article in table files (default: text)")
        command.add_argument("--id-column", help="column holding each row's id (default: file name and row number)")
    args = parser.parse_args(argv)
    try:
        if args.command == "diff":
            return _diff(args.old, args.new, as_json=args.json)
        if args.command == "rules":
            return _check_rules(args.packs)
        if args.command == "publish":
            return _publish(args.version_dir, args.repo_id, private=args.private, dry_run=args.dry_run, as_json=args.json,
                            timeout=args.timeout)
        rules = load_rules_or_fail(args.rules)
        from ..readers.records import ReadOptions

        read_options = ReadOptions(text_column=args.text_column, id_column=args.id_column)
        if args.command == "explain":
            return _explain(args.path, rules, read_options)
        return _clean(args.paths, rules, read_options, as_json=args.json)
    except UserError as exc:
        print(f"corpusprep: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except KeyboardInterrupt:
        again = "; run it again to finish the release (it is never committed twice)" if args.command == "publish" \
            else ""
        print(f"corpusprep: interrupted{again}", file=sys.stderr)
        return 130


def _check_rules(paths: list[Path]) -> int:
    """Exit 0 when every example of the packs' rules matches (with its fields) and no counterexample does."""
    from ..rules.check import check_examples

    rules = load_rules_or_fail(paths)
    packs = rules.packs[:len(paths)] if paths else rules.packs
    checked = check_examples(rules, packs)
    for failure in checked.failures:
        print(failure)
    verdict = f"{len(checked.failures)} failed" if checked.failures else "all pass"
    print(f"{', '.join(packs)}: {checked.rules} rules, {checked.examples} examples, {checked.counterexamples} "
          f"counterexamples: {verdict}")
    return 1 if checked.failures else 0


def load_rules_or_fail(paths: list[Path]) -> RuleSet:
    from ..rules.compile import RuleError, default_rules, load_rules

    for path in paths:
        if not path.is_file():
            raise UserError(f"rule pack not found: {path}")
    try:
        return load_rules(*paths) if paths else default_rules()
    except RuleError as exc:
        raise UserError(str(exc)) from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"is a folder, not a file: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None


def _diff(old: Path, new: Path, as_json: bool) -> int:
    from ..dataset.diff import diff_versions

    for folder in (old, new):
        if not (folder / "data").is_dir():
            raise UserError(f"not a built version (no data/ folder): {folder}")
    diff = diff_versions(old, new)
    if as_json:
        print(json.dumps(diff, ensure_ascii=False, indent=1))
        return 0
    counts = diff["counts"]
    print(f"{old} -> {new}: {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed")
    for field, n in diff["fields_changed"].items():
        print(f"  {field}: changed in {n} documents")
    return 0


def publish_or_fail(version_dir: Path, repo_id: str, *, private: bool, dry_run: bool, timeout: float | None = None) -> PublishReport:
    """`hub.publish()` with its `PublishError` turned into a `UserError`."""
    from ..hub.publish import TIMEOUT, PublishError, publish

    try:
        return publish(version_dir, repo_id, private=private, dry_run=dry_run, timeout=timeout or TIMEOUT)
    except PublishError as exc:
        raise UserError(str(exc)) from None


def _publish(version_dir: Path, repo_id: str, *, private: bool, dry_run: bool, as_json: bool, timeout: float) -> int:
    if not 0 < timeout < float("inf"):
        raise UserError(f"--timeout must be a number of seconds above 0, not {timeout:g}")
    report = publish_or_fail(version_dir, repo_id, private=private, dry_run=dry_run, timeout=timeout)
    print(json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True) if as_json else report.summary())
    return 0


def _as_one_document(path: str | Path) -> TypeGuard[Path]:
    """A local file named neither as a text file nor as a table: cleaned whole, as `clean` always did."""
    return not is_url(path) and path.is_file() and not path.name.lower().endswith(TEXT_SUFFIXES + TABLE_SUFFIXES)


def _records(paths: list[str | Path], read_options: ReadOptions) -> Iterator[RawRecord]:
    """Every document of the inputs, read as `build-dataset` reads them (`readers.read_inputs`): a text file is
    one document, a table file (.jsonl, .csv, .parquet) one per row. All inputs are checked before the first is read."""
    from ..hashing import sha256_of
    from ..readers.records import InputError, RawRecord, check_inputs, read_inputs

    try:
        check_inputs([p for p in paths if not _as_one_document(p)])
        for path in paths:
            if _as_one_document(path):
                raw = _read(path)
                yield RawRecord(path.name, raw, str(path), sha256_of(raw))
            else:
                yield from read_inputs([path], read_options)
    except InputError as exc:
        raise UserError(str(exc)) from None


def _document(record: RawRecord, rules: RuleSet) -> Document:
    """`clean()` of a record; a record the readers could not make a document of is rejected with their reason."""
    from ..cleaning.pipeline import clean
    from ..document import Document

    return Document(rejected=record.problem) if record.problem else clean(record.raw, rules=rules)


def _explain(path: str | Path, rules: RuleSet, read_options: ReadOptions) -> int:
    """A text file as `explain()` renders it; the documents of a table file (or URL) each under `==> id <==`."""
    from ..cleaning.explain import explain

    if not is_url(path) and (path.is_dir() or not path.exists() or not path.name.lower().endswith(TABLE_SUFFIXES)):
        sys.stdout.write(explain(_read(path), rules=rules))
        return 0
    for number, record in enumerate(_records([path], read_options)):
        sys.stdout.write(("\n" if number else "") + f"==> {record.id} <==\n")
        sys.stdout.write(f"rejected: {record.problem}\n" if record.problem else explain(record.raw, rules=rules))
    return 0


def _clean(paths: list[str | Path], rules: RuleSet, read_options: ReadOptions, as_json: bool) -> int:
    counts: Counter[str] = Counter()
    rules_fired: Counter[str] = Counter()
    for record in _records(paths, read_options):
        doc = _document(record, rules)
        counts[doc.rejected or "kept"] += 1
        rules_fired.update(r.rule for r in doc.removed)
        if as_json:
            print(json.dumps({"id": record.id, "path": record.source, **doc.to_dict()}, ensure_ascii=False,
                             sort_keys=True))
        else:
            title = (doc.title or "")[:48]
            verdict = doc.rejected or "kept"
            print(f"{record.id[:32]:<32}  {verdict:<9}  {doc.language or '-':<4}  {str(doc.date or '-'):<10}  "
                  f"{len(doc.text.split()):>6} words  {len(doc.removed):>3} removed  {title}")
    if not as_json:
        total = sum(counts.values())
        print(f"\n{total} documents: " + ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items())))
        print("removals by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(rules_fired.items())))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
