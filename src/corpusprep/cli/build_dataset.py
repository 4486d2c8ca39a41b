"""The `build-dataset` command: a thin layer over `build_dataset()`, and `hub.publish()` with --push-to-hub.

Heavy imports (pyarrow, datasets, huggingface_hub) happen only once a build starts, so
`--help` and argument errors answer at once. User errors are one line on stderr and
exit code 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..readers.records import as_input

if TYPE_CHECKING:  # imported lazily below, for a fast start
    from tqdm import tqdm

    from ..build.orchestrate import BuildReport
    from ..cleaning.learned import LearnOptions
    from ..corpus.dedup_options import DedupOptions
    from ..dataset.card import CardOptions

EXAMPLES = """examples:
  build-dataset seeds/ --name wsws-syria --version 1.0.0
  build-dataset seeds/ --name wsws-syria --bump minor            # next version after the newest in dist/
  build-dataset news.csv.gz --name news --version 1.0.0 \\
      --text-column content --id-column id --keep-columns url,domain
  build-dataset corpus/ --name news --version 2.0.0 --num-proc 4 --rules mysite.toml --json
  build-dataset corpus/ --name news --bump minor --push-to-hub alice/news   # build, then release (token: HF_TOKEN)
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build-dataset",
        description="Clean news articles and write a versioned Parquet / Hugging Face dataset under dist/NAME/X.Y.Z/.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", type=as_input, metavar="INPUT",
                   help="folders of .txt/.md/.html files, .jsonl/.csv (optionally .gz), .parquet, a save_to_disk folder; "
                        "or any of these as an fsspec URL (hf://datasets/OWNER/NAME, s3://...)")
    p.add_argument("--name", required=True, help="dataset name: the folder under --out")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--version", help="version to build, X.Y.Z")
    which.add_argument("--bump", choices=("major", "minor", "patch"), help="build the next version after the newest one built")
    p.add_argument("--out", type=Path, default=Path("dist"), help="output root (default: dist)")
    p.add_argument("--text-column", default="text", help="column holding the article in tabular inputs (default: text)")
    p.add_argument("--id-column", help="column holding a stable document id (default: file path and row number)")
    p.add_argument("--keep-columns", default="", help="comma-separated input columns to carry into the dataset")
    p.add_argument("--site-column", help="column naming each document's site (e.g. domain), whose boilerplate is "
                                         "learned together (default: the folder of a text file, the name of a table file)")
    p.add_argument("--rules", action="append", type=Path, default=[], metavar="PACK.toml", help="extra rule pack (repeatable)")
    p.add_argument("--min-words", type=int, help="reject bodies shorter than this (default: 15)")
    p.add_argument("--language-backend", choices=("stopwords", "langdetect", "fasttext"), default="stopwords",
                   help="language ID: stopwords (default: a stopword-and-letters test decides the clear cases, seeded "
                        "langdetect the rest; langdetect's answers over 10 times faster), langdetect (on every "
                        "text) or fasttext (pip install 'corpusprep[fast]')")
    p.add_argument("--max-chars", type=int, default=5_000_000, metavar="N",
                   help="reject longer documents as too_large, unread (default: 5000000; 0: no limit)")
    p.add_argument("--doc-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="reject a document whose cleaning takes longer as timeout, and go on (default: 60; 0: no limit)")
    p.add_argument("--license", default="unknown",
                   help="license declared in the dataset card, a Hub license id: apache-2.0, mit, cc-by-4.0, "
                        "cc-by-sa-4.0, cc0-1.0, odc-by, other (then --license-name and --license-link), ... "
                        "(default: unknown)")
    p.add_argument("--license-name", metavar="ID",
                   help="with --license other: the license's id shown in the card, e.g. my-license-1.0")
    p.add_argument("--license-link", metavar="URL",
                   help="with --license other: the http(s) URL of the license's text")
    p.add_argument("--num-proc", type=int, default=1, help="worker processes for cleaning (output is identical for any N)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="where to clean: local processes (default) or Ray (pip install 'corpusprep[ray]')")
    p.add_argument("--ray-address", help="Ray cluster to join, e.g. ray://head:10001 or auto (default: a local Ray)")
    corpus = p.add_argument_group("corpus-level cleaning")
    corpus.add_argument("--no-learn", action="store_true", help="do not learn each site's recurring paragraphs")
    corpus.add_argument("--learn-min-docs", type=int, default=5, metavar="N",
                        help="learn a paragraph recurring in at least N documents of its site (default: 5)...")
    corpus.add_argument("--learn-min-share", type=float, default=0.02, metavar="SHARE",
                        help="...and in at least this share of them (default: 0.02)")
    corpus.add_argument("--allow-boilerplate", type=Path, metavar="FILE",
                        help="paragraphs never to learn, one per line (compared ignoring case, digits and spacing)")
    corpus.add_argument("--no-dedup", action="store_true", help="do not look for duplicate documents")
    corpus.add_argument("--keep-duplicates", action="store_true",
                        help="keep every copy, only marked (default: keep one copy per group, reject the others)")
    corpus.add_argument("--duplicate-threshold", type=float, default=0.7, metavar="J",
                        help="with --dedup-method near: estimated Jaccard similarity of word 5-grams above which two "
                             "bodies are copies (default: 0.7)")
    corpus.add_argument("--dedup-method", default="near", metavar="{near,exact}",
                        help="near: lightly edited copies group too (MinHash, the default); exact: only bodies with "
                             "the same words, ignoring case and punctuation (faster)")
    card = p.add_argument_group("dataset card (README.md, written at build time; see docs/build-dataset.md)")
    card.add_argument("--card-template", type=Path, metavar="FILE",
                      help="Markdown whose '## Section' texts go into the card's sections of the same name (Uses, "
                           "Source data, Citation, ...; others are added); text before the first section goes under "
                           "the title")
    card.add_argument("--pretty-name", help="the card's title and pretty_name (default: --name)")
    card.add_argument("--task-category", action="append", metavar="ID",
                      help="task_categories in the front matter, a Hub task id (repeatable; default: text-generation)")
    card.add_argument("--source-dataset", action="append", metavar="ID",
                      help="source_datasets: original, or extended|DATASET (repeatable; default: original)")
    card.add_argument("--language-creator", action="append", metavar="ID",
                      help="language_creators: found, crowdsourced, expert-generated, machine-generated or other "
                           "(repeatable; default: found)")
    card.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag added to the card (repeatable)")
    card.add_argument("--repo-id", metavar="OWNER/NAME",
                      help="the Hub repo the card's loading code names, at tag vX.Y.Z (default: the --push-to-hub "
                           "repo; without either, the folder dist/NAME/X.Y.Z)")
    p.add_argument("--force", action="store_true", help="replace an existing version built from other inputs or options")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    from .main import tool_version

    p.add_argument("-V", "--tool-version", action="version", version=f"build-dataset (corpusprep) {tool_version()}",
                   help="print corpusprep's version and exit (--version is the dataset's)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    hub = p.add_argument_group("release on the Hugging Face Hub")
    hub.add_argument("--push-to-hub", metavar="OWNER/NAME",
                     help="after the build, release the version to this dataset repo: one commit, tag vX.Y.Z")
    hub.add_argument("--private", action="store_true", help="with --push-to-hub: create the repo private")
    hub.add_argument("--dry-run", action="store_true",
                     help="with --push-to-hub: build, then show the release it would make without sending anything")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if (args.private or args.dry_run) and not args.push_to_hub:
        print("build-dataset: error: --private and --dry-run only apply with --push-to-hub", file=sys.stderr)
        return 2
    if args.repo_id and args.push_to_hub and args.repo_id != args.push_to_hub:
        print(f"build-dataset: error: --repo-id {args.repo_id} names another repo than --push-to-hub "
              f"{args.push_to_hub}: the card would point readers at the wrong repo", file=sys.stderr)
        return 2
    from ..build.local_engine import WorkerDied
    from ..errors import CorpusprepError
    from ..readers.records import ReadOptions

    try:
        from ..build.orchestrate import build_dataset
        from .main import UserError, load_rules_or_fail

        rules = load_rules_or_fail(args.rules)
        read_options = ReadOptions(
            text_column=args.text_column,
            id_column=args.id_column,
            keep_columns=tuple(c.strip() for c in args.keep_columns.split(",") if c.strip()),
            site_column=args.site_column,
        )
        learn, dedup = _corpus_options(args)
        from ..cleaning.language import check_backend
        from ..cleaning.options import CleanOptions

        check_backend(args.language_backend)
        if args.max_chars < 0 or args.doc_timeout < 0:
            raise UserError("--max-chars and --doc-timeout must be 0 (no limit) or more")
        options = CleanOptions(language_backend=args.language_backend, max_chars=args.max_chars or None,
                               time_budget=args.doc_timeout or None)
        if args.min_words is not None:
            options = dataclasses.replace(options, min_words=args.min_words)
        with _progress(args.quiet or args.json, args.inputs) as tick:
            report = build_dataset(args.inputs, args.name, args.version, bump=args.bump, out=args.out,
                                   read_options=read_options, rules=rules, options=options, license=args.license,
                                   num_proc=args.num_proc, force=args.force, progress=tick,
                                   engine=args.engine, ray_address=args.ray_address, learn=learn, dedup=dedup,
                                   card=_card_options(args))
    except CorpusprepError as exc:  # every error meant for the user (input, version, build, rules, card, backend)
        print(f"build-dataset: error: {exc}", file=sys.stderr)
        return 2
    except WorkerDied as exc:
        print(f"build-dataset: error: {exc}; no version was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build-dataset: interrupted; no version was written", file=sys.stderr)
        return 130
    summary_dict = report.to_dict()
    if args.push_to_hub:
        from .main import UserError, publish_or_fail

        if args.quiet or args.json:
            from huggingface_hub.utils.tqdm import disable_progress_bars  # where it is defined (utils re-exports it lazily)

            disable_progress_bars()  # no upload bars either
        try:
            release = publish_or_fail(report.path, args.push_to_hub, private=args.private, dry_run=args.dry_run)
        except UserError as exc:
            print(f"build-dataset: error: built {report.name} {report.version} in {report.path} but did not publish it: "
                  f"{exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(f"build-dataset: interrupted; {report.path} is built, rerun the release with `corpusprep publish`",
                  file=sys.stderr)
            return 130
        summary_dict["publish"] = release.to_dict()
    if args.json:
        print(json.dumps(summary_dict, ensure_ascii=False, sort_keys=True))
    elif not args.quiet:
        print(summary(report))
        if args.push_to_hub:
            print("\n" + release.summary())
    return 0


def _card_options(args: argparse.Namespace) -> CardOptions:
    """The card options given; the --push-to-hub repo is the one the card's loading code names."""
    from ..dataset.card import CardOptions

    given = {"task_categories": args.task_category, "source_datasets": args.source_dataset,
             "language_creators": args.language_creator}
    return CardOptions(pretty_name=args.pretty_name, tags=tuple(args.tag), repo_id=args.repo_id or args.push_to_hub,
                       template=args.card_template, license_name=args.license_name,
                       license_link=args.license_link, **{k: tuple(v) for k, v in given.items() if v})


def _corpus_options(args: argparse.Namespace) -> tuple[LearnOptions, DedupOptions]:
    from ..cleaning.learned import LearnOptions
    from ..corpus.dedup_options import DedupOptions
    from ..errors import OptionsError
    from .main import UserError

    allow: tuple[str, ...] = ()
    if args.allow_boilerplate:
        try:
            lines = args.allow_boilerplate.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read {args.allow_boilerplate}: {exc}") from None
        allow = tuple(line.strip() for line in lines if line.strip())
    try:  # the options check themselves; here their fields are named by their flags
        learn = LearnOptions(enabled=not args.no_learn, min_docs=args.learn_min_docs, min_share=args.learn_min_share,
                             allow=allow)
        dedup = DedupOptions(enabled=not args.no_dedup, method=args.dedup_method, threshold=args.duplicate_threshold,
                             keep_duplicates=args.keep_duplicates)
    except OptionsError as exc:
        flag = {"min_docs": "--learn-min-docs", "min_share": "--learn-min-share", "threshold": "--duplicate-threshold",
                "method": "--dedup-method"}.get(exc.field, exc.field)
        raise UserError(f"{flag} {str(exc)[len(exc.field) + 1:]}") from None
    return learn, dedup


class _progress:
    """One tqdm bar per pass over the inputs ("learning", then "cleaning") on stderr, only when stderr is a terminal.

    Why one bar each: a bar reused across passes redrew stale states and, never shown
    after its reset, was left at 0 with the summary glued to it. Each bar is closed at its
    true count (and a newline) before the next pass or the summary prints. In a pipe or a
    log file no bar is drawn: redraws there are only noise.
    """

    def __init__(self, disabled: bool, inputs: list[Path], stream: TextIO | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.disabled = disabled or not _is_terminal(self.stream)
        self.inputs = inputs
        self.bar: tqdm[Any] | None = None
        self.phase: str | None = None
        self.total: float | None = None  # tqdm counts in floats

    def __enter__(self) -> Callable[[int, str], None] | None:
        if self.disabled:
            return None
        from ..readers.records import InputError, count_documents

        try:
            self.total = count_documents(self.inputs)  # known for text files and Parquet: then an ETA shows
        except (InputError, OSError):
            self.total = None  # the build itself reports unreadable inputs
        return self.tick

    def tick(self, count: int, phase: str = "cleaning") -> None:
        """`count` documents of pass `phase` are done; a new phase closes the bar of the one before."""
        if phase != self.phase:
            self._open(phase)
        assert self.bar is not None  # _open made it
        self.bar.update(count - self.bar.n)

    def _open(self, phase: str) -> None:
        from tqdm import tqdm

        if self.bar is not None:
            self.total = self.bar.n  # the finished pass counted every document: the next one has an ETA
            self._close(finished=True)
        self.phase = phase
        self.bar = tqdm(total=self.total, unit=" docs", desc=phase, file=self.stream, dynamic_ncols=True)

    def _close(self, finished: bool) -> None:
        """Draw the bar's last state and end its line; a finished pass shows its true count as the total."""
        assert self.bar is not None  # called only with a bar open
        if finished and self.bar.total is not None and self.bar.n != self.bar.total:
            self.bar.total = self.bar.n  # the input count was an estimate (e.g. a skipped output folder)
        self.bar.close()
        self.bar = None

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if self.bar is not None:
            self._close(finished=exc_type is None)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def summary(report: BuildReport) -> str:
    if report.noop:
        head = f"{report.name} {report.version} is already built from the same inputs and options: nothing to do"
    else:
        head = f"built {report.name} {report.version}"
    rows: list[tuple[str, int | str]] = [("documents read", report.read), ("kept", report.kept)]
    rows += [(f"rejected: {reason}", n) for reason, n in report.rejected.items()]
    rows += [(f"removed by {rule}", n) for rule, n in report.removals_by_rule.items()]
    learned = report.learned_boilerplate or {}
    if learned:
        rows.append(("learned boilerplate", f"{sum(s['paragraphs_learned'] for s in learned.values())} paragraphs "
                                            f"from {len(learned)} sites"))
    if report.duplicates and report.duplicates["groups"]:
        d = report.duplicates
        rows.append(("duplicate groups", f"{d['groups']} ({d['documents_in_groups']} documents, "
                                         f"{d['exact_copies']} exact copies)"))
    if report.diff_counts:
        d = report.diff_counts
        rows.append((f"since {report.previous_version}", f"+{d['added']} -{d['removed']} ~{d['changed']}"))
    rows += [("output", str(report.path)), ("size", _size(report.bytes))]
    width = max(len(label) for label, _ in rows)
    return "\n".join([head, ""] + [f"  {label:<{width}}  {value}" for label, value in rows])


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
