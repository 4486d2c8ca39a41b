"""Every reason a document can be rejected for: one table, for the code, the docs and the tests.

Inside the code a reason is one of these codes, alone or followed by ": " and a detail
(`bad_json: line 3: Expecting value`, `unreadable: Permission denied`); a build writes
the code to the rejected row's `reason` and the rest to its `detail`, and counts by code,
so every malformed line is not a category of its own.
"""

from __future__ import annotations

#: code -> what it means. `clean()` decides the first group, the readers the second, a build the third.
REASONS: dict[str, str] = {
    "binary": "the input is not text: a NUL, or over 5% control characters, in its first 8 KB",
    "undecodable": "too many characters could not be decoded (U+FFFD over `max_replacement_ratio`)",
    "too_large": "longer than `max_chars` characters (or bytes): not cleaned, to bound memory",
    "empty": "no text at all",
    "stub": "nothing but boilerplate, a title or metadata",
    "too_short": "a body under `min_words` words",
    "no_text": "the text column is missing in this row, null, or not a string",
    "no_id": "the `--id-column` is missing in this row, null or empty",
    "bad_json": "a JSON Lines line that is not a JSON object",
    "unreadable": "a file, folder or Parquet row group that could not be read",
    "timeout": "cleaning it took longer than the build's time budget for one document",
    "duplicate_id": "an id already taken by an earlier document",
    "duplicate": "a copy of an earlier document (duplicate detection)",
}


def code(reason: str) -> str:
    """The code of a reason with its detail: `code("bad_json: line 3: …") == "bad_json"`."""
    return reason.split(":", 1)[0]


def split(reason: str) -> tuple[str, str | None]:
    """(code, detail or None): "bad_json: line 3: Expecting value" -> ("bad_json", "line 3: Expecting value")."""
    head, _, detail = reason.partition(":")
    return head, detail.strip() or None
