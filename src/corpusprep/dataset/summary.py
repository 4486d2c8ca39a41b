"""What a build found, counted once: the dataset card, manifest.json and the build report are each made from it.

Before, the same counts were assembled three times (the card's dictionary, the manifest,
the report) and read back from one another by string keys; now each is a view of one
`BuildSummary`, so a count added here reaches all three or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BuildSummary:
    """One built version: what went in, what came out, and what the corpus-level passes found."""

    name: str
    version: str
    license: str
    corpusprep_version: str | None
    rule_packs: tuple[str, ...]
    rules_fingerprint: str
    options: dict[str, Any]
    read: int
    kept: int
    #: rejected documents by reason code, sorted by code
    rejected: dict[str, int]
    rejected_total: int
    #: removals by rule id (learned paragraphs counted per site: ``learned:<site>``), sorted
    removals_by_rule: dict[str, int]
    bytes_kept: int
    bytes_rejected: int
    inputs: Any
    distribution: dict[str, Any]
    learned_boilerplate: dict[str, Any]
    #: None when duplicate detection was off
    duplicates: dict[str, Any] | None
    previous_version: str | None = None
    diff: dict[str, Any] | None = None

    @property
    def languages(self) -> list[str]:
        return sorted(k for k in self.distribution["languages"] if k)

    def counts(self) -> dict[str, Any]:
        return {"read": self.read, "kept": self.kept, "rejected": self.rejected, "rejected_total": self.rejected_total,
                "removals_by_rule": self.removals_by_rule}

    def corpus(self) -> dict[str, Any]:
        """What the corpus-level passes found, as the card, the manifest and the report all show it."""
        return {"learned_boilerplate": self.learned_boilerplate, "duplicates": self.duplicates}

    def card_info(self) -> dict[str, Any]:
        """The fields the dataset card is rendered from (`card.render_card`)."""
        return {
            "name": self.name,
            "pretty_name": self.name,
            "version": self.version,
            "license": self.license,
            "languages": self.languages,
            "corpusprep_version": self.corpusprep_version,
            "rule_packs": list(self.rule_packs),
            "rules_fingerprint": self.rules_fingerprint,
            "options": self.options,
            "counts": self.counts(),
            "bytes": {"kept": self.bytes_kept, "rejected": self.bytes_rejected},
            "diff": self.diff,
            "inputs": self.inputs,
            "distribution": self.distribution,
            **self.corpus(),
        }

    def manifest(self, built: str | None, dependencies: dict[str, str | None], settings: dict[str, Any],
                 files: dict[str, str]) -> dict[str, Any]:
        """manifest.json's content: the summary plus when and with what it was built, and every file's sha256."""
        return {
            "name": self.name,
            "version": self.version,
            "built": built,
            "corpusprep_version": self.corpusprep_version,
            "dependencies": dependencies,
            "settings": settings,
            "rule_packs": list(self.rule_packs),
            "counts": self.counts(),
            "languages": self.languages,
            **self.corpus(),
            "previous_version": self.previous_version,
            "diff_counts": self.diff["counts"] if self.diff else None,
            "files": files,
        }
