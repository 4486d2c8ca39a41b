"""A fake Hugging Face Hub: a real HTTP server on 127.0.0.1 for end-to-end release tests.

It implements only the endpoints huggingface_hub and datasets call to create a dataset
repo, commit (regular files as base64, Parquet through the LFS batch + PUT protocol),
tag, list and download, so the real clients run unmodified against it. A repo is a
list of commits (each a full snapshot path -> bytes) plus branch and tag refs. Every
request is logged; an endpoint it does not know answers 404 and is kept in `unknown`.
Faults are injected one request at a time: an error status (`fail_next`), or a Hub that
stops answering (`stall_next`), optionally after applying the request.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

GITATTRIBUTES = b"*.parquet filter=lfs diff=lfs merge=lfs -text\n"
DATE = "2026-01-01T00:00:00.000Z"
WRITES = ("repos/create", "preupload", "commit", "tag", "lfs/objects/batch", "__lfs")


def git_oid(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def lfs_pointer(data: bytes) -> bytes:
    sha = hashlib.sha256(data).hexdigest()
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha}\nsize {len(data)}\n".encode()


@dataclass
class Commit:
    oid: str
    title: str
    files: dict[str, bytes]
    lfs: frozenset[str]


@dataclass
class Repo:
    repo_id: str
    private: bool
    commits: list[Commit] = field(default_factory=list)
    branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    def resolve(self, revision: str) -> Commit | None:
        revision = unquote(revision)
        for prefix in ("refs/heads/", "refs/tags/"):
            revision = revision.removeprefix(prefix)
        oid = self.branches.get(revision) or self.tags.get(revision) or revision
        return next((c for c in self.commits if c.oid == oid), None)

    def add_commit(self, title: str, files: dict[str, bytes], lfs: set[str], branch: str = "main") -> Commit:
        digest = hashlib.sha1(f"{len(self.commits)}\0{title}\0".encode())
        for path in sorted(files):
            digest.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
        commit = Commit(digest.hexdigest(), title, dict(files), frozenset(lfs & set(files)))
        self.commits.append(commit)
        self.branches[branch] = commit.oid
        return commit


@dataclass
class Fault:
    """Answer `status` to the next request matching `method` and `pattern`; `apply` first if asked.

    With `status` None the request is not answered at all: the server keeps it waiting for
    `stall` seconds, or until the client hangs up, then drops the connection.
    """

    method: str
    pattern: str
    status: int | None
    apply: bool = False
    stall: float = 0.0


class FakeHub:
    def __init__(self, token: str | None = None):
        self.token = token
        self.repos: dict[tuple[str, str], Repo] = {}
        self.lfs: dict[str, bytes] = {}
        self.log: list[tuple[str, str]] = []
        self.unknown: list[tuple[str, str]] = []
        self.faults: list[Fault] = []
        self.stalling = threading.Event()  # set when a stalled request starts waiting
        self.hung_up = 0  # stalled requests the client gave up on before the stall ran out
        self.hang_ups = threading.Condition()
        self.closing = threading.Event()
        self.lock = threading.RLock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeHub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing.set()  # ends the stalls still waiting
        self.server.shutdown()
        self.server.server_close()

    # What tests look at.
    def repo(self, repo_id: str, kind: str = "datasets") -> Repo:
        return self.repos[(kind, repo_id)]

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.log if m in ("POST", "PUT", "DELETE") and any(w in p for w in WRITES)]

    def fail_next(self, method: str, pattern: str, status: int, apply: bool = False) -> None:
        self.faults.append(Fault(method, pattern, status, apply))

    def stall_next(self, method: str, pattern: str, seconds: float = 30.0, apply: bool = False) -> None:
        """Leave the next matching request unanswered (applied first if `apply`): a Hub that stops answering.

        The stall lasts `seconds`, or until the client hangs up (counted in `hung_up`), and
        ends with the connection dropped; `seconds=0` drops it at once.
        """
        self.faults.append(Fault(method, pattern, None, apply, stall=seconds))

    def clients_hung_up(self, count: int, wait: float = 5.0) -> bool:
        """Whether the client hung up on `count` stalled requests (seeing the last one takes the server a moment)."""
        with self.hang_ups:
            return self.hang_ups.wait_for(lambda: self.hung_up >= count, wait) and self.hung_up == count


def _handler(hub: FakeHub):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            self._dispatch()

        do_HEAD = do_POST = do_PUT = do_DELETE = do_GET

        # Plumbing.
        def _dispatch(self) -> None:
            url = urlsplit(self.path)
            self.query = parse_qs(url.query)
            self.route = url.path
            self.body = self._read_body()
            with hub.lock:
                hub.log.append((self.command, url.path))
                fault = next((f for f in hub.faults if f.method == self.command and re.search(f.pattern, url.path)), None)
                if fault:
                    hub.faults.remove(fault)
                    if fault.apply:
                        self._route(discard=True)
                    if fault.status is not None:
                        return self._json({"error": "injected fault"}, fault.status)
                else:
                    return self._route()
            self._stall(fault.stall)  # outside the lock: the client's other requests go on meanwhile

        def _stall(self, seconds: float) -> None:
            """Answer nothing for `seconds` or until the client hangs up, then drop the connection."""
            self.close_connection = True
            if seconds <= 0:
                return
            hub.stalling.set()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not hub.closing.wait(0.05):
                if select.select([self.connection], [], [], 0)[0]:
                    try:
                        gone = self.connection.recv(1, socket.MSG_PEEK) == b""
                    except OSError:
                        gone = True
                    if gone:
                        with hub.hang_ups:
                            hub.hung_up += 1
                            hub.hang_ups.notify_all()
                        return

        def _read_body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, data, status: int = 200, headers: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(data).encode(), {"Content-Type": "application/json", **(headers or {})})

        def _error(self, status: int, code: str | None, message: str) -> None:
            headers = {"X-Error-Message": message}
            if code:
                headers["X-Error-Code"] = code
            self._json({"error": message}, status, headers)

        def _authorized(self) -> bool:
            return hub.token is None or self.headers.get("Authorization") == f"Bearer {hub.token}"

        def _repo(self, kind: str | None, repo_id: str, write: bool = False) -> Repo | None:
            repo = hub.repos.get((kind or "models", repo_id))
            if write and not self._authorized():
                self._error(401, None, "Invalid credentials in Authorization header")
                return None
            if repo is None or (repo.private and not self._authorized()):
                self._error(404, "RepoNotFound", "Repository not found")
                return None
            return repo

        def _commit(self, repo: Repo, revision: str) -> Commit | None:
            commit = repo.resolve(revision)
            if commit is None:
                self._error(404, "RevisionNotFound", f"Invalid rev id: {unquote(revision)}")
            return commit

        # Routing.
        ROUTES = [
            ("POST", r"/api/repos/create", "create_repo"),
            ("POST", r"/api/validate-yaml", "validate_yaml"),
            ("GET", r"/api/(datasets|models)/([^/]+/[^/]+)", "info"),
            ("GET", r"/api/(datasets|models)/([^/]+/[^/]+)/revision/([^/]+)", "info"),
            ("GET", r"/api/(datasets|models)/([^/]+/[^/]+)/refs", "refs"),
            ("POST", r"/api/(datasets|models)/([^/]+/[^/]+)/preupload/([^/]+)", "preupload"),
            ("POST", r"/api/(datasets|models)/([^/]+/[^/]+)/commit/([^/]+)", "commit"),
            ("POST", r"/api/(datasets|models)/([^/]+/[^/]+)/tag/([^/]+)", "tag"),
            ("GET", r"/api/(datasets|models)/([^/]+/[^/]+)/tree/([^/]+)(?:/(.*))?", "tree"),
            ("POST", r"/api/(datasets|models)/([^/]+/[^/]+)/paths-info/([^/]+)", "paths_info"),
            ("POST", r"/(?:(datasets)/)?([^/]+/[^/]+)\.git/info/lfs/objects/batch", "lfs_batch"),
            ("PUT", r"/__lfs/([0-9a-f]{64})", "lfs_upload"),
            ("GET", r"/(?:(datasets)/)?([^/]+/[^/]+)/resolve/([^/]+)/(.+)", "resolve"),
            ("HEAD", r"/(?:(datasets)/)?([^/]+/[^/]+)/resolve/([^/]+)/(.+)", "resolve"),
        ]

        def _route(self, discard: bool = False) -> None:
            if discard:  # apply the request, then let the fault answer instead
                self.wfile, real = _Sink(), self.wfile
                try:
                    self._route()
                finally:
                    self.wfile = real
                return
            for method, pattern, name in self.ROUTES:
                match = re.fullmatch(pattern, self.route)
                if match and method == self.command:
                    return getattr(self, name)(*match.groups())
            hub.unknown.append((self.command, self.path))
            self._error(404, None, f"fake hub: no route for {self.command} {self.route}")

        # Endpoints.
        def create_repo(self) -> None:
            if not self._authorized():
                return self._error(401, None, "Invalid credentials in Authorization header")
            payload = json.loads(self.body)
            kind = {"dataset": "datasets", "model": "models", None: "models"}[payload.get("type")]
            repo_id = f"{payload['organization']}/{payload['name']}"
            url = f"{hub.url}/{'datasets/' if kind == 'datasets' else ''}{repo_id}"
            if (kind, repo_id) in hub.repos:
                return self._json({"error": "You already created this dataset repo", "url": url}, 409)
            private = payload.get("visibility") == "private" or bool(payload.get("private"))
            repo = hub.repos[(kind, repo_id)] = Repo(repo_id, private)
            repo.add_commit("initial commit", {".gitattributes": GITATTRIBUTES}, set())
            self._json({"url": url, "name": repo_id, "id": repo_id})

        def validate_yaml(self) -> None:
            self._json({"errors": [], "warnings": []})

        def info(self, kind, repo_id, revision="main") -> None:
            repo = self._repo(kind, repo_id)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            blobs = self.query.get("blobs", ["false"])[0].lower() in ("1", "true")
            siblings = [{"rfilename": path, **({"size": e["size"], "blobId": e["oid"]} if blobs else {}),
                         **({"lfs": {"size": e["size"], "sha256": e["lfs"]["oid"], "pointerSize": e["lfs"]["pointerSize"]}}
                            if blobs and "lfs" in e else {})}
                        for path, e in ((p, _entry(commit, p)) for p in sorted(commit.files))]
            self._json({"_id": repo.repo_id, "id": repo.repo_id, "author": repo.repo_id.split("/")[0],
                        "sha": commit.oid, "private": repo.private, "gated": False, "disabled": False,
                        "lastModified": DATE, "createdAt": DATE, "downloads": 0, "likes": 0, "tags": [],
                        "siblings": siblings})

        def refs(self, kind, repo_id) -> None:
            repo = self._repo(kind, repo_id)
            if repo:
                self._json({
                    "branches": [{"name": n, "ref": f"refs/heads/{n}", "targetCommit": o} for n, o in repo.branches.items()],
                    "tags": [{"name": n, "ref": f"refs/tags/{n}", "targetCommit": o} for n, o in repo.tags.items()],
                    "converts": [],
                })

        def preupload(self, kind, repo_id, revision) -> None:
            repo = self._repo(kind, repo_id, write=True)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            files = []
            for f in json.loads(self.body)["files"]:
                sample = base64.b64decode(f["sample"])
                lfs = f["path"].endswith(".parquet") or b"\0" in sample
                old = commit.files.get(f["path"])
                oid = None if old is None else (hashlib.sha256(old).hexdigest() if lfs else git_oid(old))
                files.append({"path": f["path"], "uploadMode": "lfs" if lfs else "regular", "shouldIgnore": False, "oid": oid})
            self._json({"files": files, "commitOid": commit.oid})

        def lfs_batch(self, kind, repo_id) -> None:
            if not self._repo(kind or "models", repo_id, write=True):
                return
            objects = []
            for obj in json.loads(self.body)["objects"]:
                out = {"oid": obj["oid"], "size": obj["size"], "authenticated": True}
                if obj["oid"] not in hub.lfs:
                    out["actions"] = {"upload": {"href": f"{hub.url}/__lfs/{obj['oid']}", "expires_in": 3600}}
                objects.append(out)
            self._send(200, json.dumps({"transfer": "basic", "objects": objects}).encode(),
                       {"Content-Type": "application/vnd.git-lfs+json"})

        def lfs_upload(self, oid) -> None:
            if hashlib.sha256(self.body).hexdigest() != oid:
                return self._error(400, None, "sha256 mismatch")
            hub.lfs[oid] = self.body
            self._send(200, b"")

        def commit(self, kind, repo_id, revision) -> None:
            repo = self._repo(kind, repo_id, write=True)
            head = repo and self._commit(repo, revision)
            if not head:
                return
            lines = [json.loads(line) for line in self.body.splitlines() if line.strip()]
            header = next(line["value"] for line in lines if line["key"] == "header")
            if header.get("parentCommit") and not head.oid.startswith(header["parentCommit"]):
                return self._error(412, None, "A commit has happened since. Please refresh and try again.")
            files, lfs = dict(head.files), set(head.lfs)
            for line in lines:
                key, value = line["key"], line["value"]
                if key == "file":
                    files[value["path"]] = base64.b64decode(value["content"])
                    lfs.discard(value["path"])
                elif key == "lfsFile":
                    if value["oid"] not in hub.lfs:
                        return self._error(422, None, f"LFS object {value['oid']} was not uploaded")
                    files[value["path"]] = hub.lfs[value["oid"]]
                    lfs.add(value["path"])
                elif key == "deletedFile":
                    if value["path"] not in files:
                        return self._error(404, "EntryNotFound", "A file with this name doesn't exist")
                    del files[value["path"]]
                elif key == "deletedFolder":
                    files = {p: b for p, b in files.items() if not p.startswith(value["path"].rstrip("/") + "/")}
            commit = repo.add_commit(header["summary"], files, lfs, unquote(revision))
            prefix = "datasets/" if kind == "datasets" else ""
            self._json({"commitUrl": f"{hub.url}/{prefix}{repo_id}/commit/{commit.oid}", "commitOid": commit.oid,
                        "success": True, "pullRequestUrl": None})

        def tag(self, kind, repo_id, revision) -> None:
            repo = self._repo(kind, repo_id, write=True)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            name = json.loads(self.body)["tag"]
            if name in repo.tags or name in repo.branches:
                return self._error(409, None, f"Tag {name} already exists")
            repo.tags[name] = commit.oid
            self._json({})

        def tree(self, kind, repo_id, revision, path=None) -> None:
            repo = self._repo(kind, repo_id)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            path = unquote(path or "").strip("/")
            recursive = self.query.get("recursive", ["false"])[0].lower() in ("1", "true")
            entries = _listing(commit, path, recursive)
            if entries is None:
                return self._error(404, "EntryNotFound", f"{path} does not exist on {revision}")
            self._json(entries)

        def paths_info(self, kind, repo_id, revision) -> None:
            repo = self._repo(kind, repo_id)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            form = self.body.decode()
            paths = (json.loads(form)["paths"] if form.startswith("{") else parse_qs(form).get("paths", []))
            out = []
            for path in paths:
                path = path.strip("/")
                if path in commit.files:
                    out.append(_entry(commit, path))
                elif any(p.startswith(path + "/") for p in commit.files):
                    out.append(_folder(commit, path))
            self._json(out)

        def resolve(self, kind, repo_id, revision, path) -> None:
            repo = self._repo(kind, repo_id)
            commit = repo and self._commit(repo, revision)
            if not commit:
                return
            path = unquote(path)
            if path not in commit.files:
                return self._error(404, "EntryNotFound", f"{path} does not exist on {revision}")
            data = commit.files[path]
            entry = _entry(commit, path)
            etag = entry["lfs"]["oid"] if "lfs" in entry else entry["oid"]
            headers = {"ETag": f'"{etag}"', "X-Repo-Commit": commit.oid, "Accept-Ranges": "bytes",
                       "Content-Type": "application/octet-stream"}
            ranged = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
            if ranged and self.command == "GET":
                start = int(ranged[1]) if ranged[1] else max(len(data) - int(ranged[2]), 0)
                end = int(ranged[2]) if ranged[1] and ranged[2] else len(data) - 1
                end = min(end, len(data) - 1)
                headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
                return self._send(206, data[start:end + 1], headers)
            self._send(200, data, headers)

    return Handler


class _Sink:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def _entry(commit: Commit, path: str) -> dict:
    data = commit.files[path]
    if path in commit.lfs:
        pointer = lfs_pointer(data)
        return {"type": "file", "oid": git_oid(pointer), "size": len(data), "path": path,
                "lfs": {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": len(pointer)}}
    return {"type": "file", "oid": git_oid(data), "size": len(data), "path": path}


def _folder(commit: Commit, path: str) -> dict:
    inside = sorted(p for p in commit.files if p.startswith(path + "/"))
    return {"type": "directory", "oid": hashlib.sha1("\0".join(inside).encode()).hexdigest(), "path": path}


def _listing(commit: Commit, path: str, recursive: bool) -> list[dict] | None:
    prefix = f"{path}/" if path else ""
    below = sorted(p for p in commit.files if p.startswith(prefix))
    if path and not below:
        return None
    folders: set[str] = set()
    files = []
    for p in below:
        parts = p[len(prefix):].split("/")
        for depth in range(1, len(parts)):
            if depth == 1 or recursive:
                folders.add(prefix + "/".join(parts[:depth]))
        if len(parts) == 1 or recursive:
            files.append(p)
    return [_folder(commit, f) for f in sorted(folders)] + [_entry(commit, p) for p in files]
