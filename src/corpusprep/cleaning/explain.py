"""`explain()`: the document as a person reviews it, every removal shown where it stood, with its rule."""

from __future__ import annotations

from ..document import METADATA_FIELDS, Removal
from ..rules.compile import RuleSet, default_rules
from .options import CleanOptions
from .pipeline import run


def explain(raw: str | bytes, *, rules: RuleSet | None = None, options: CleanOptions | None = None) -> str:
    """Render `raw` cleaned: kept paragraphs as they are, removed text as "- [rule] text".

    Metadata and the verdict come first, so "why is this sentence gone?" has an
    answer on one screen. A drop decided by a score shows it: "- [chrome.tail 0.65] …".
    Under the text, each pack rule that removed something is listed with its description.
    """
    rules = rules or default_rules()
    cleaned = run(raw, rules=rules, options=options)
    doc = cleaned.document
    out = []
    for name in METADATA_FIELDS + ("language", "rejected"):
        value = getattr(doc, name)
        if value not in (None, []):
            out.append(f"{name}: {value.isoformat() if hasattr(value, 'isoformat') else value}")
    if doc.notes:
        out.append(f"notes: {', '.join(doc.notes)}")
    out.append("")
    events = [(r.index if r.index is not None else -1, 0, f"- [{_why(r)}] {r.text}") for r in doc.removed]
    events += [(p.index, 1, f"  {p.text}") for p in cleaned.kept]
    for _, _, line in sorted(events, key=lambda e: (e[0], e[1])):
        out.append(line)
    described = {rule.id: rule.description for rule in rules.rules if rule.description}
    fired = sorted({r.rule for r in doc.removed} & set(described))
    if fired:
        out += ["", "rules:"] + [f"  {rule}: {described[rule]}" for rule in fired]
    return "\n".join(out) + "\n"


def _why(removal: Removal) -> str:
    return removal.rule if removal.score is None else f"{removal.rule} {removal.score:.2f}"
