"""Dataset versions: X.Y.Z names, bumping, and finding the versions already built."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CorpusprepError
from .manifest import ManifestError, file_problem, read_manifest

_SEMVER = re.compile(r"(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}")


class VersionError(CorpusprepError, ValueError):
    """A bad dataset name or version: one line for the user."""


def parse_version(text: str) -> tuple[int, int, int]:
    """The three numbers of an X.Y.Z version, compared as numbers, not as text.

    >>> parse_version("1.10.0")
    (1, 10, 0)
    """
    match = _SEMVER.fullmatch(text)
    if match is None:
        raise VersionError(f"bad version {text!r}: use X.Y.Z, e.g. 1.0.0")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def is_version(text: str) -> bool:
    return _SEMVER.fullmatch(text) is not None


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name) or name in (".", ".."):
        raise VersionError(f"bad dataset name {name!r}: use letters, digits, '.', '_' and '-' (no path separators)")
    return name


def existing_versions(dataset_dir: Path) -> list[str]:
    """Built versions under dist/NAME/, oldest first (temporary folders are ignored)."""
    if not dataset_dir.is_dir():
        return []
    found = [p.name for p in dataset_dir.iterdir() if p.is_dir() and _SEMVER.fullmatch(p.name)]
    return sorted(found, key=parse_version)


def bump(current: str | None, part: str) -> str:
    """The next version after `current` (None: nothing built yet).

    >>> bump("1.2.3", "minor"), bump(None, "patch"), bump("1.2.3", "major")
    ('1.3.0', '0.0.1', '2.0.0')
    """
    major, minor, patch = parse_version(current) if current else (0, 0, 0)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise VersionError(f"bad bump {part!r}: use major, minor or patch")


def previous_version(versions: list[str], version: str) -> str | None:
    """The newest built version older than `version`."""
    older = [v for v in versions if parse_version(v) < parse_version(version)]
    return older[-1] if older else None


def is_whole(folder: Path, version: str) -> bool:
    """Whether `folder` holds all of a built `version`: a manifest.json naming it, and every
    other file exactly as the manifest lists it (present, unchanged, nothing else).

    The manifest is written last, so a build cut short never passes. This is the check
    before a set-aside version is given up for a new one (see build._recover_swap).
    """
    try:
        manifest = read_manifest(folder)
    except ManifestError:
        return False
    if manifest.get("version") != version:
        return False
    try:
        return file_problem(folder, manifest) is None
    except OSError:
        return False
