"""The one table of a built dataset's columns: each one's kind and what it holds.

`Document` (document.py) holds the columns a document's cleaning fills; the build adds
the others (id, source, sha256, duplicates, the rejection's reason). The Parquet schema
(`schema`), the dataset card (`card`), the rule reader (`rules`) and the Ray integration
all read their lists from here, so a new field is written down once. Pure: no pyarrow.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A column: its `kind` ("string", "strings", "date" or "removals") and what it holds (the card's line)."""

    name: str
    kind: str
    doc: str
    #: A metadata field a rule may fill (in the order they are reported).
    metadata: bool = False
    #: A list of labels the page header gives ("Regions: Europe, Asia"): a head block that lists them is read as labels.
    labels: bool = False


COLUMNS: dict[str, Column] = {c.name: c for c in (
    Column("id", "string", "stable document id: the input's id column, else the path relative to the input root"),
    Column("text", "string", "cleaned body; paragraphs joined by one blank line"),
    Column("title", "string", "title of the article", metadata=True),
    Column("authors", "strings", "authors, as printed in the byline", metadata=True),
    Column("date", "date", "publication date of this copy", metadata=True),
    Column("publisher", "string", "publisher of this copy", metadata=True),
    Column("original_publisher", "string", "for a syndicated copy: where the article first appeared", metadata=True),
    Column("original_date", "date", "for a syndicated copy: when it first appeared", metadata=True),
    Column("regions", "strings", "region labels from the page header", metadata=True, labels=True),
    Column("themes", "strings", "theme labels from the page header", metadata=True, labels=True),
    Column("tags", "strings", "tags and analysis labels", metadata=True, labels=True),
    Column("copyright", "string", "the copyright line as printed", metadata=True),
    Column("language", "string", "ISO 639-1 code of the body, from the `language_backend` of the options below "
                                 "(stopwords: a stopword test for clear cases, seeded langdetect for the rest; "
                                 "langdetect; or fastText)"),
    Column("source", "string", "the input file the document came from"),
    Column("sha256", "string", "sha256 of the raw input document (bytes as read, or UTF-8 of a text cell)"),
    Column("duplicate_group", "string",
           "id of the canonical copy of the document's duplicate group (its own id when it has no copies)"),
    Column("duplicate_of", "string", "id of the canonical copy this document duplicates; null for a canonical copy"),
    Column("removed", "removals", "audit trail: every removal as {rule, text, index}"),
    Column("notes", "strings", "repairs that changed text without removing any (decoding, mojibake, markup, rejoins)"),
    Column("reason", "string", "why the document was rejected: a code of the documented table"),
    Column("detail", "string", "what the reason code alone does not say (the JSON error, the file's problem), or null"),
    Column("raw", "string", "the raw input text"),
)}

#: The columns of the kept split and of the rejected split, in the order they are written.
KEPT_COLUMNS = ("id", "text", "title", "authors", "date", "publisher", "original_publisher", "original_date", "language",
                "regions", "themes", "tags", "copyright", "source", "sha256", "duplicate_group", "duplicate_of",
                "removed", "notes")
REJECTED_COLUMNS = ("id", "source", "sha256", "reason", "detail", "duplicate_of", "raw")

METADATA_FIELDS = tuple(name for name, c in COLUMNS.items() if c.metadata)
LIST_FIELDS = frozenset(name for name in METADATA_FIELDS if COLUMNS[name].kind == "strings")
DATE_FIELDS = frozenset(name for name in METADATA_FIELDS if COLUMNS[name].kind == "date")
LABEL_FIELDS = frozenset(name for name in METADATA_FIELDS if COLUMNS[name].labels)
