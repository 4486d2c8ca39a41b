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
from pathlib import Path

from .readers import TEXT_SUFFIXES

EXAMPLES = """examples:
  corpusprep clean seeds/                 summary table of the bundled seeds
  corpusprep clean seeds/ --json          one JSON document per line
  corpusprep clean article.html --rules mysite.toml
  corpusprep explain seeds/002_e169762a8f106654.txt
  corpusprep diff dist/news/1.0.0 dist/news/1.1.0
  corpusprep publish dist/news/1.1.0 alice/news --dry-run
"""


class UserError(Exception):
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
        from . import __version__

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
    clean_cmd.add_argument("paths", nargs="+", type=Path, help=f"files or folders (recursive: {', '.join(TEXT_SUFFIXES)})")
    clean_cmd.add_argument("--json", action="store_true", help="print one JSON object per document instead of a table")
    explain_cmd = sub.add_parser("explain", help="show what clean() removes from one file, and why")
    explain_cmd.add_argument("path", type=Path)
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
    for command in (clean_cmd, explain_cmd):
        command.add_argument("--rules", action="append", type=Path, default=[], metavar="PACK.toml",
                             help="an extra rule pack (repeatable); it takes priority over the built-in packs")
    args = parser.parse_args(argv)
    try:
        if args.command == "diff":
            return _diff(args.old, args.new, as_json=args.json)
        if args.command == "publish":
            return _publish(args.version_dir, args.repo_id, private=args.private, dry_run=args.dry_run, as_json=args.json,
                            timeout=args.timeout)
        rules = load_rules_or_fail(args.rules)
        if args.command == "explain":
            from .explain import explain

            sys.stdout.write(explain(_read(args.path), rules=rules))
            return 0
        return _clean(args.paths, rules, as_json=args.json)
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


def load_rules_or_fail(paths: list[Path]):
    from .rules import RuleError, default_rules, load_rules

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
    from .diff import diff_versions

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


def publish_or_fail(version_dir: Path, repo_id: str, *, private: bool, dry_run: bool, timeout: float | None = None):
    """`hub.publish()` with its `PublishError` turned into a `UserError`."""
    from .hub import TIMEOUT, PublishError, publish

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


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            raise UserError(f"no such file or folder: {path}")
    if not files:
        raise UserError(f"no {'/'.join(TEXT_SUFFIXES)} files in {', '.join(map(str, paths))}")
    return files


def _clean(paths: list[Path], rules, as_json: bool) -> int:
    from .pipeline import clean

    counts: Counter[str] = Counter()
    rules_fired: Counter[str] = Counter()
    for path in _files(paths):
        doc = clean(_read(path), rules=rules)
        counts[doc.rejected or "kept"] += 1
        rules_fired.update(r.rule for r in doc.removed)
        if as_json:
            print(json.dumps({"path": str(path), **doc.to_dict()}, ensure_ascii=False, sort_keys=True))
        else:
            title = (doc.title or "")[:48]
            verdict = doc.rejected or "kept"
            print(f"{path.name[:32]:<32}  {verdict:<9}  {doc.language or '-':<4}  {str(doc.date or '-'):<10}  "
                  f"{len(doc.text.split()):>6} words  {len(doc.removed):>3} removed  {title}")
    if not as_json:
        total = sum(counts.values())
        print(f"\n{total} documents: " + ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items())))
        print("removals by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(rules_fired.items())))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
