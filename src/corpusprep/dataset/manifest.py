"""manifest.json: what a built version holds (every file with its sha256, the settings, the counts), read in one place.

A build writes it last, so a version cut short has none. Three readers rely on it: the
build (a rebuild with the same settings is a no-op), the check before a set-aside
version is given up (`versions.is_whole`), and the Hub client before a release.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import CorpusprepError
from ..hashing import sha256_file

NAME = "manifest.json"


class ManifestError(CorpusprepError):
    """A folder's manifest is missing, unreadable or not a corpusprep manifest: one line saying which."""


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the version in `folder`, with its name, version and file list checked for shape."""
    path = folder / NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"not a built version (no {NAME}): {folder}") from None
    except (OSError, ValueError) as exc:
        raise ManifestError(f"cannot read {path}: {exc}") from None
    if not isinstance(manifest, dict) or not all(isinstance(manifest.get(k), str) for k in ("name", "version")) \
            or not isinstance(manifest.get("files"), dict):
        raise ManifestError(f"{path} is not a corpusprep manifest")
    return manifest


def file_problem(folder: Path, manifest: dict[str, Any]) -> str | None:
    """The first way the folder's files differ from the manifest's list (extra, missing, changed), or None."""
    files = manifest["files"]
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {NAME}
    extra = sorted(on_disk - set(files))
    if extra:
        return f"{folder / extra[0]} is not listed in {NAME}: remove it or rebuild the version"
    for name, digest in sorted(files.items()):
        if name not in on_disk:
            return f"{folder / name} is missing: rebuild the version"
        if sha256_file(folder / name) != digest:
            return f"{folder / name} differs from {NAME}: rebuild the version"
    return None


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    (folder / NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
