"""A corpus of the seeds plus copies of seed 000: the syndicated, reheaded, re-footered, edited kinds.

Seeds 000, 001, 003 and 004 are four different World Socialist Web Site articles on the
same topic (the US air war in Syria): they share a subject and much vocabulary but no
passage, so they must not group. The copies of 000 must group with it, and 000 must be
the copy kept: it is the original publisher's (the Mondialisation.ca copy names the
World Socialist Web Site as its original publisher).
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import SEEDS

ORIGINAL = "000_c2bbe43d8b8d3bed.txt"
COPIES = ("000_mondialisation.txt", "000_reheaded.txt", "000_refootered_edited.txt")
EDITS = (("dozens of civilians", "scores of civilians"), ("on Monday", "on Monday night"),
         ("clay structures", "mud-brick structures"), ("much higher", "far higher"))


def seed_body() -> str:
    """Seed 000 without its title, byline and WSWS footer."""
    paragraphs = (SEEDS / ORIGINAL).read_text(encoding="utf-8").strip().split("\n\n")
    return "\n\n".join(p for p in paragraphs[2:] if "WSWS" not in p and "wsws.org" not in p)


def french_notice() -> str:
    """The Mondialisation.ca notice block that closes seed 002, from "La source originale" on."""
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    return text[text.index("La source originale"):]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    body = seed_body()
    (folder / COPIES[0]).write_text(
        "American war planes slaughter civilians in northern Syria\n\nPar [Thomas Gaist](#)\n\n"
        "Mondialisation.ca, 22 juillet 2016\n\n[World Socialist Web Site](#) 20 juillet 2016\n\n"
        "Région : [Middle East & North Africa](#)\n\n" + body + "\n\n" + french_notice(), encoding="utf-8")
    (folder / COPIES[1]).write_text(
        "AMERICAN WAR PLANES SLAUGHTER CIVILIANS IN NORTHERN SYRIA\n\nBy Thomas Gaist\n\nJuly 21, 2016\n\n" + body,
        encoding="utf-8")
    edited = body
    for old, new in EDITS:
        assert old in edited, old
        edited = edited.replace(old, new, 1)
    (folder / COPIES[2]).write_text(
        "American war planes slaughter civilians in northern Syria\n\n" + edited
        + "\n\nShare this article with your friends and subscribe to our newsletter for daily updates.",
        encoding="utf-8")
    return folder
