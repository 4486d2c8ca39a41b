"""`publish()`: release a built version folder (dist/NAME/X.Y.Z) to a dataset repo on the Hugging Face Hub.

A release is one commit on `main` that makes the repo hold exactly that version (its
files added, files of older versions deleted) and a tag `vX.Y.Z` on it, so
`load_dataset(repo, revision="vX.Y.Z")` gives that version for ever. Versions are
immutable here as on disk: a tag that holds other content is refused, an identical
one is a no-op. Transient Hub errors (429, 5xx, network, a Hub that stops answering)
are retried, but a commit is never sent twice: before retrying one, we look whether the
first attempt landed. Every request waits at most `timeout` seconds for the Hub.

huggingface_hub is imported inside the functions, so the CLIs start instantly.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from ..dataset.card import REPO_ID
from ..dataset.manifest import ManifestError, file_problem, read_manifest
from ..errors import CorpusprepError

KEEP_ON_HUB = (".gitattributes",)  # the Hub's LFS rules: never ours to delete
FIRST_BACKOFF = 1.0  # seconds before the first retry; doubles each time
MAX_BACKOFF = 30.0
TIMEOUT = 60.0  # seconds a request may wait for the Hub (to connect, or between two reads or writes)
T = TypeVar("T")
log = logging.getLogger(__name__)


class PublishError(CorpusprepError):
    """The release cannot go on: one line for the user (never a token, never a traceback)."""


@dataclass
class PublishReport:
    """What a release did, or with `dry_run` would do."""

    repo_id: str
    name: str
    version: str
    tag: str
    url: str
    dry_run: bool = False
    noop: bool = False
    create_repo: bool = False
    private: bool = False
    commit_message: str = ""
    add: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    commit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def summary(self) -> str:
        if self.noop:
            return f"{self.repo_id} already has {self.name} {self.version} at tag {self.tag}: nothing to do"
        lines = [f"dry run: nothing sent to {self.url}" if self.dry_run else
                 f"published {self.name} {self.version} to {self.url} (tag {self.tag}, commit {(self.commit or '')[:12]})"]
        if self.create_repo:
            lines.append(f"  {'would create' if self.dry_run else 'created'} {'private' if self.private else 'public'}"
                         f" dataset repo {self.repo_id}")
        if self.add or self.delete:
            lines.append(f"  commit \"{self.commit_message}\"")
            lines += [f"    add     {p}" for p in self.add] + [f"    delete  {p}" for p in self.delete]
        else:
            lines.append("  main already holds this version: no commit")
        lines.append(f"  tag {self.tag}")
        return "\n".join(lines)


def publish(version_dir: str | Path, repo_id: str, *, token: str | None = None, private: bool = False,
            endpoint: str | None = None, dry_run: bool = False, max_retries: int = 5,
            timeout: float = TIMEOUT) -> PublishReport:
    """Release the version in `version_dir` to dataset repo `repo_id`: one commit, one tag `vX.Y.Z`.

    The token is `token`, else `HF_TOKEN`, else the huggingface_hub login. Each request
    waits at most `timeout` seconds for the Hub to connect, answer or take more data; one
    that times out is retried like a 5xx. Raises `PublishError` (one line) for anything
    the user must fix or the Hub refused.
    """
    if not 0 < timeout < float("inf"):
        raise PublishError(f"timeout must be a number of seconds above 0, not {timeout!r}")
    folder = Path(version_dir)
    manifest = _local_manifest(folder)
    if not REPO_ID.fullmatch(repo_id) or ".." in repo_id:
        raise PublishError(f"not a Hub repo id (OWNER/NAME): {repo_id!r}")
    token = _token(token)
    if token is None and not dry_run:
        raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login`")
    release = None
    try:
        with _timeouts(timeout):
            release = _Release(folder, manifest, repo_id, token, private, endpoint, max_retries)
            return release.run(dry_run)
    except PublishError as exc:
        raise PublishError(_scrub(str(exc), token)) from None
    except Exception as exc:  # a Hub or network error: one line, not a huggingface_hub traceback
        where = release.api.endpoint if release else endpoint or "the Hub"
        raise PublishError(_scrub(_describe(exc, where, timeout), token)) from None


@contextmanager
def _timeouts(seconds: float) -> Iterator[None]:
    """Bound every request huggingface_hub sends meanwhile to `seconds` per wait.

    Its shared HTTP client has no timeout, and some calls (`repo_info`) pass `timeout=None`,
    which overrides a client default; so the bound is put on each request as it goes out,
    by a request hook on the client the current factory builds (proxies, certificates and
    hooks a user set up are kept). The previous factory is back when the release ends.
    """
    import huggingface_hub
    from huggingface_hub.utils import _http

    previous = getattr(_http, "_GLOBAL_CLIENT_FACTORY", _http.default_client_factory)

    def bound(request: Any) -> None:  # an httpx.Request
        asked = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            phase: seconds if asked.get(phase) is None else min(asked[phase], seconds)
            for phase in ("connect", "read", "write", "pool")}

    def factory() -> Any:  # an httpx.Client
        client = previous()
        client.event_hooks = {**client.event_hooks, "request": [*client.event_hooks.get("request", []), bound]}
        return client

    huggingface_hub.set_client_factory(factory)
    try:
        yield
    finally:
        huggingface_hub.set_client_factory(previous)


class _Release:
    def __init__(self, folder: Path, manifest: dict[str, Any], repo_id: str, token: str | None, private: bool,
                 endpoint: str | None, max_retries: int):
        from huggingface_hub import HfApi

        self.folder, self.manifest, self.repo_id, self.private = folder, manifest, repo_id, private
        self.max_retries = max(0, max_retries)
        self.api = HfApi(endpoint=endpoint, token=token if token is not None else False, library_name="corpusprep")
        self.name, self.version = manifest["name"], manifest["version"]
        self.tag = f"v{self.version}"
        self.files = sorted(manifest["files"]) + ["manifest.json"]
        self.message = f"corpusprep: release {self.name} {self.version}"

    def run(self, dry_run: bool) -> PublishReport:
        report = PublishReport(self.repo_id, self.name, self.version, self.tag,
                               url=f"{self.api.endpoint}/datasets/{self.repo_id}", dry_run=dry_run,
                               private=self.private, commit_message=self.message)
        info = self._retry(self._info, "read the repo")
        head = info and info.sha
        if info is None:
            report.create_repo, report.add = True, list(self.files)
        else:
            if self.private and info.private is False:
                raise PublishError(f"{self.repo_id} exists and is public: --private only applies to a new repo "
                                   "(make it private on the Hub first, or publish without --private)")
            tags = self._retry(lambda: self.api.list_repo_refs(self.repo_id, repo_type="dataset").tags, "list the tags")
            tagged = next((t.target_commit for t in tags if t.name == self.tag), None)
            if tagged is not None:
                if self._retry(lambda: self._remote_manifest(tagged), "read the tagged manifest") != self.manifest:
                    raise PublishError(f"{self.repo_id} already has a tag {self.tag} with other content: versions are "
                                       "immutable, publish a new version")
                report.noop, report.commit = True, tagged
                return report
            on_main = self._retry(lambda: self._remote_manifest(head), "read main's manifest")
            if on_main != self.manifest:
                self._check_not_older(on_main)
                remote = self._retry(lambda: self.api.list_repo_files(self.repo_id, repo_type="dataset", revision=head),
                                     "list main's files") if head else []
                report.add = list(self.files)
                report.delete = sorted(p for p in remote if p not in self.files and p not in KEEP_ON_HUB)
            else:
                report.commit = head  # an earlier run committed but did not get to tag
        if dry_run:
            return report
        if report.create_repo:
            self._retry(lambda: self.api.create_repo(self.repo_id, repo_type="dataset", private=self.private,
                                                     exist_ok=True), "create the repo")
            head = self._retry(self._info, "read the new repo").sha
        if report.add:
            report.commit = self._commit(report.add, report.delete, parent=head)
        self._retry(lambda: self._tag(report.commit), "tag the release")
        return report

    def _check_not_older(self, on_main: dict[str, Any] | None) -> None:
        """Main only moves forward: an older version, or another build of this one, is refused."""
        from ..dataset.versions import VersionError, parse_version

        if not isinstance(on_main, dict) or on_main.get("name") != self.name:
            return
        try:
            theirs = parse_version(str(on_main.get("version")))
        except VersionError:
            return
        if theirs > parse_version(self.version):
            raise PublishError(f"main on {self.repo_id} holds {self.name} {on_main['version']}, newer than "
                               f"{self.version}: publish a newer version")
        if theirs == parse_version(self.version):
            raise PublishError(f"main on {self.repo_id} holds another build of {self.name} {self.version}: "
                               "versions are immutable, publish a new version")

    def _info(self) -> Any:  # huggingface_hub's DatasetInfo, a stand-in with sha None, or None
        """The repo as seen on main (`sha` None: no main branch yet), or None if there is no such repo."""
        from huggingface_hub.errors import RepositoryNotFoundError, RevisionNotFoundError

        try:
            return self.api.repo_info(self.repo_id, repo_type="dataset", revision="main")
        except RevisionNotFoundError:  # a repo with no main branch yet
            return SimpleNamespace(sha=None, private=None)
        except RepositoryNotFoundError:
            return None

    def _remote_manifest(self, revision: str) -> dict[str, Any] | None:
        """The manifest at `revision`, None if it has none; an error if it cannot be read.

        huggingface_hub reports a failed look-up (timeout, 5xx, 403) as a file missing
        from its cache (`LocalEntryNotFoundError`); taken for "no manifest", it would make
        `run()` commit a version `main` already holds, so the real error is raised instead.
        """
        from huggingface_hub.errors import LocalEntryNotFoundError, RemoteEntryNotFoundError

        if not revision:
            return None
        with tempfile.TemporaryDirectory(prefix="corpusprep-hub-") as cache:
            try:
                path = self.api.hf_hub_download(self.repo_id, "manifest.json", repo_type="dataset", revision=revision,
                                                cache_dir=cache)
            except RemoteEntryNotFoundError:
                return None
            except LocalEntryNotFoundError as exc:
                raise (exc.__cause__ or exc) from None
            try:
                manifest: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
                return manifest
            except (OSError, ValueError):
                return None

    def _commit(self, add: list[str], delete: list[str], parent: str | None) -> str:
        """One commit, whatever the retries: after an error, a commit that landed is not sent again."""
        from huggingface_hub import CommitOperationAdd, CommitOperationDelete

        for attempt in range(self.max_retries + 1):
            try:
                operations: list[CommitOperationAdd | CommitOperationDelete] = [
                    CommitOperationAdd(path, str(self.folder / path)) for path in add]
                operations += [CommitOperationDelete(path) for path in delete]
                return self.api.create_commit(self.repo_id, operations, commit_message=self.message, repo_type="dataset",
                                              revision="main", parent_commit=parent or None).oid
            except Exception as exc:
                if not _transient(exc) and not _precondition_failed(exc):
                    raise
                landed = self._retry(self._landed, "check whether the commit landed")
                if landed:
                    return landed
                if _precondition_failed(exc):
                    raise PublishError(f"main on {self.repo_id} changed during the release: run it again") from None
                if attempt == self.max_retries:
                    raise
                _sleep(attempt, "send the commit", exc, self.max_retries)
        raise AssertionError("unreachable")

    def _landed(self) -> str | None:
        info = self._info()
        head = info and info.sha
        return head if head and self._remote_manifest(head) == self.manifest else None

    def _tag(self, commit: str | None) -> None:  # None: main as it is
        from huggingface_hub.errors import HfHubHTTPError

        try:
            self.api.create_tag(self.repo_id, tag=self.tag, revision=commit, repo_type="dataset",
                                tag_message=f"corpusprep: {self.name} {self.version}")
        except HfHubHTTPError as exc:
            if exc.response is None or exc.response.status_code != 409:
                raise
            tags = self.api.list_repo_refs(self.repo_id, repo_type="dataset").tags
            if not any(t.name == self.tag and t.target_commit == commit for t in tags):
                raise PublishError(f"{self.repo_id} already has a tag {self.tag} on another commit") from None

    def _retry(self, step: Callable[[], T], what: str) -> T:
        """Run an idempotent step, retrying 429, 5xx and network errors with exponential backoff."""
        for attempt in range(self.max_retries + 1):
            try:
                return step()
            except Exception as exc:
                if not _transient(exc) or attempt == self.max_retries:
                    raise
                _sleep(attempt, what, exc, self.max_retries)
        raise AssertionError("unreachable")


def _local_manifest(folder: Path) -> dict[str, Any]:
    """The version's manifest, after checking every file it lists is there, unchanged, and alone."""
    try:
        manifest = read_manifest(folder)
    except ManifestError as exc:
        raise PublishError(str(exc)) from None
    problem = file_problem(folder, manifest)
    if problem is not None:
        raise PublishError(problem)
    return manifest


def _token(token: str | None) -> str | None:
    if token:
        return token
    if os.environ.get("HF_TOKEN"):
        return os.environ["HF_TOKEN"]
    from huggingface_hub import get_token

    try:
        return get_token()
    except Exception:
        return None


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _transient(exc: BaseException) -> bool:
    """429, 5xx, or a network error or timeout of whichever HTTP library this huggingface_hub uses.

    HF_HUB_OFFLINE is a ConnectionError to huggingface_hub, but a setting, not the network:
    it is answered at once.
    """
    from huggingface_hub.errors import OfflineModeIsEnabled

    if isinstance(exc, OfflineModeIsEnabled):
        return False
    status = _status(exc)
    if status is not None:
        return status == 429 or status >= 500
    return isinstance(exc, (ConnectionError, TimeoutError)) or any(
        cls.__module__.split(".")[0] in ("httpx", "httpx2", "requests", "urllib3")
        and cls.__name__ in ("TransportError", "ConnectionError", "Timeout", "TimeoutException")
        for cls in type(exc).__mro__)


def _precondition_failed(exc: BaseException) -> bool:
    """412: main moved since we read it, e.g. because our own earlier attempt landed."""
    return _status(exc) == 412


def _sleep(attempt: int, what: str, exc: BaseException, max_retries: int) -> None:
    delay = min(FIRST_BACKOFF * 2 ** attempt, MAX_BACKOFF)
    problem = f"the Hub answered {_status(exc)}" if _status(exc) else type(exc).__name__
    log.warning("could not %s (%s): retry %d of %d in %g s", what, problem, attempt + 1, max_retries, delay)
    time.sleep(delay)


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or any(cls.__name__ in ("Timeout", "TimeoutException")
                                                for cls in type(exc).__mro__)


def _describe(exc: BaseException, where: str, timeout: float = TIMEOUT) -> str:
    from huggingface_hub.errors import OfflineModeIsEnabled

    if isinstance(exc, OfflineModeIsEnabled):
        return "HF_HUB_OFFLINE is set: cannot reach the Hub"
    if _timed_out(exc):
        return (f"{where} did not answer within {timeout:g} s ({type(exc).__name__}): run it again later "
                "(a release is never committed twice), or allow more time with --timeout")
    if _transient(exc) and _status(exc) is None:
        return f"cannot reach {where}: {type(exc).__name__}: {_first_line(str(exc))}"
    status = _status(exc)
    if status in (401, 403):
        return f"the Hub refused the token ({status}): check HF_TOKEN or `hf auth login`, and write access to the repo"
    if status is not None:
        detail = getattr(exc, "server_message", None) or str(exc)
        return f"the Hub answered {status}: {_first_line(detail)}"
    return f"{type(exc).__name__}: {_first_line(str(exc))}"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "").rstrip(".")


def _scrub(message: str, token: str | None) -> str:
    message = " ".join(message.split())
    return message.replace(token, "***") if token else message
