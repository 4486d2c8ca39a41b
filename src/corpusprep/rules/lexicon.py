"""Vocabularies from the rule packs' [lexicon] tables, and the word-level views of text that use them.

Lexicons are data (``rules/chrome.toml`` ships them in six languages; a user's pack
extends any of them), so recognising chrome on a site nobody wrote a rule for needs
no new code. A lexicon entry and a line are compared in the same normal form: lower
case, spacing collapsed, punctuation at the ends stripped (`line_key`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

#: The lexicons the code reads, and what each is for (docs/rule-packs.md has the same list).
LEXICONS = {
    "stopwords": "function words: prose is dense with them",
    "other_stopwords": "function words of languages the cheap language test never decides: a text dense in them goes to the full detector",
    "chrome_words": "words of buttons, prompts, forms and navigation",
    "chrome_lines": "lines that are chrome by themselves",
    "chrome_phrases": "phrases that make a short line chrome wherever they stand in it",
    "chrome_leads": "words that make a line chrome when it starts with them (\"Read more:\", \"Lire aussi :\")",
    "related_labels": "lines that introduce links to other articles: a headline right under one is such a link",
    "comment_labels": "lines that open a comment section: what follows them to the end, if short, is comments",
    "comment_heads": "how a comment's author line ends (\"Anonymous said...\", \"Maya wrote:\"): prose under one is a comment",
    "credit_leads": "words that open a photo credit (\"Photo:\", \"Credit:\", \"Courtesy of\"): a short line ending in one is a caption",
    "comment_leads": "how a line that opens a comment section starts (\"3 responses to\", \"2 thoughts on\")",
    "bio_labels": "lines that open an author box at the bottom (\"About the author\"): the short lines under one are the box",
    "byline_leads": "words that open a byline",
    "date_leads": "words that stand before a date",
    "not_name_words": "words that name a role, a desk or a site, never a person",
    "address_words": "words a site addresses its reader with (\"your\", \"our\", \"votre\"): a prompt speaks to the reader",
"role_words": "a person's job in a byline (\"writer\", \"reporter\"): \"Nadine Palmer/Gleaner Writer\" is a byline, \"Kayla Brenner/The Courier\" a photo credit",
    "about_leads": "words that open a press release's \"About <Name>\" box at the bottom (\"About\", \"À propos de\", \"Über\")",
    "end_marks": "lines that end a press release (\"ENDS\", \"###\", \"-30-\"): what stands under one near the bottom is its contacts and boxes",
}
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
_EDGES = " \t\"'“”‘’«»()[]{}<>.,;:!?|•·–—-*#/\\…+=_~"
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case with typographic apostrophes made plain, so "S’abonner" finds the lexicon's "s'abonner".

    >>> fold("Don’t Miss")
    "don't miss"
    """
    lowered = text.lower()
    if "\u2019" in lowered or "\u2018" in lowered or "\u02bc" in lowered:  # str.replace is many times faster than str.translate
        lowered = lowered.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return lowered


def line_key(text: str) -> str:
    """The normal form lexicon lines are looked up in.

    >>> line_key("  Share this: ")
    'share this'
    """
    return fold(" ".join(text.split()).strip(_EDGES)).strip(_EDGES)  # (again: "ʼ" folds to an edge, "'"; str.split
    # splits on exactly the characters `\s` matches, several times faster than a regex)


def mark_key(text: str) -> str:
    """The normal form of an end mark: "– ENDS –" and "ENDS" alike, "###" kept (`line_key` would empty it)."""
    return fold(_SPACES.sub(" ", text).strip(" \t*–—"))


MIN_PREFIX_CHARS = 5


_DIGIT = re.compile(r"\d")
_COUNT = re.compile(r"(?<![\w.,])\d[\d.,]{0,12}[kKmM]?(?![\w.,])")


def bare_key(text: str) -> str:
    """`line_key` with the counts left out, so "Advertisement 2" and "1.2K Followers" read as their words.

    >>> bare_key("View comments (14)"), bare_key("2 comments:")
    ('view comments', 'comments')
    """
    return line_key(_COUNT.sub(" ", text)) if _DIGIT.search(text) else line_key(text)


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased (digits and punctuation are not words).

    >>> words("Don’t miss: 3 NEW posts, e-mail us!")
    ["don't", 'miss', 'new', 'posts', 'e-mail', 'us']
    """
    return _WORD.findall(fold(text))


def stem(word: str) -> str:
    """A crude stem that works across languages: the first five letters ("responsibility", "responsable")."""
    return word[:5]


@dataclass(frozen=True, eq=False)
class Lexicons:
    """Every lexicon of the loaded packs, merged across languages (hashed by identity: scores are memoised per lexicon)."""

    stopwords: frozenset[str] = frozenset()
    chrome_words: frozenset[str] = frozenset()
    chrome_lines: frozenset[str] = frozenset()
    chrome_phrases: tuple[str, ...] = ()
    #: The phrases by their first word, so a line is checked only for the phrases its words can start.
    phrase_index: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    chrome_leads: tuple[str, ...] = ()
    related_labels: frozenset[str] = frozenset()
    comment_labels: frozenset[str] = frozenset()
    comment_heads: tuple[str, ...] = ()
    credit_leads: tuple[str, ...] = ()
    comment_leads: tuple[str, ...] = ()
    bio_labels: frozenset[str] = frozenset()
    byline_leads: tuple[str, ...] = ()  # longest first, so "written by" is tried before "by"
    date_leads: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    address_words: frozenset[str] = frozenset()
    end_marks: frozenset[str] = frozenset()
    about_leads: tuple[str, ...] = ()  # longest first, so "à propos de" is tried before "à propos"
    role_words: frozenset[str] = frozenset()
    #: Each stopword -> the languages (ISO 639-1 codes, sorted) whose list holds it: the
    #: profiles the cheap language test (`corpusprep.cleaning.language.guess_by_stopwords`) reads.
    stopword_languages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The related labels of two words or more, plain and with a "*" for a section's name (made from `related_labels`).
    _related_heads: frozenset[str] = field(init=False, repr=False)
    _related_stars: tuple[tuple[int, str, str], ...] = field(init=False, repr=False)
    #: Every byline lead followed by a space or a colon: one `str.startswith` says whether a key opens with one.
    byline_openings: tuple[str, ...] = field(init=False, repr=False)
    #: The words no person's name holds: the not-name words and the stopwords together (`header._person`).
    not_name_or_stopwords: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "byline_openings", tuple(lead + end for lead in self.byline_leads for end in " :"))
        object.__setattr__(self, "not_name_or_stopwords", self.not_name_words | self.stopwords)
        multi = sorted(label for label in self.related_labels if " " in label)
        stars = tuple((len(label.split()), *label.split(" * ", 1)) for label in multi if " * " in label)
        object.__setattr__(self, "_related_heads", frozenset(label for label in multi if " * " not in label))
        object.__setattr__(self, "_related_stars", stars)

    @classmethod
    def from_tables(cls, tables: Mapping[str, Iterable[str]], stopwords_by_language: Mapping[str, Iterable[str]] | None = None) -> Lexicons:
        entries = {name: {_SPACES.sub(" ", fold(e.strip())) for e in values} for name, values in tables.items()}
        get: Callable[[str], set[str]] = lambda name: entries.get(name, set())  # noqa: E731
        languages: dict[str, set[str]] = {}
        for language, values in (stopwords_by_language or {}).items():
            for word in values:
                languages.setdefault(fold(word.strip()), set()).add(language)
        return cls(
            stopword_languages={word: tuple(sorted(codes)) for word, codes in sorted(languages.items())},
            stopwords=frozenset(get("stopwords")),
            chrome_words=frozenset(get("chrome_words")),
            chrome_lines=frozenset(key for e in get("chrome_lines") if (key := line_key(e))),  # "###" alone keys nothing
            chrome_phrases=tuple(sorted(get("chrome_phrases"))),
            phrase_index=_index_by_first_word(get("chrome_phrases")),
            chrome_leads=tuple(sorted(get("chrome_leads"))),
            related_labels=frozenset(line_key(e) for e in get("related_labels")),
            comment_labels=frozenset(line_key(e) for e in get("comment_labels")),
            comment_heads=tuple(sorted(get("comment_heads"))),
            credit_leads=tuple(sorted(get("credit_leads"))),
            # prefixes: a short key ("re:" keys "re") would open a comment section at every "read more"
            comment_leads=tuple(sorted(key for e in get("comment_leads") if len(key := line_key(e)) >= MIN_PREFIX_CHARS)),
            bio_labels=frozenset(line_key(e) for e in get("bio_labels")),
            byline_leads=tuple(sorted({line_key(e) for e in get("byline_leads")}, key=lambda e: (-len(e), e))),
            date_leads=frozenset(line_key(e) for e in get("date_leads")),
            not_name_words=frozenset(get("not_name_words")),
            address_words=frozenset(get("address_words")),
            end_marks=frozenset(mark_key(e) for e in get("end_marks")),
            about_leads=tuple(sorted(get("about_leads"), key=lambda e: (-len(e), e))),
            role_words=frozenset(get("role_words")),
        )

    def is_related_label(self, text: str) -> bool:
        """Whether a line introduces links to other articles: a `related_labels` line, one of two
        words or more followed by a name ("More from World Socialist Web Site"), or one with a
        "*" for a section's name ("more * articles": "MORE National ARTICLES")."""
        key = line_key(text)
        if key in self.related_labels:
            return True
        pieces = key.split()
        size = len(pieces)
        if size > 8:
            return False
        # a plain label followed by a name: the label is one of the key's first words, whole
        if any(" ".join(pieces[:k]) in self._related_heads for k in range(2, size)):
            return True
        return any(size <= words + 2 and key.startswith(head + " ") and key.endswith(" " + tail)
                   for words, head, tail in self._related_stars)

    def phrase_hits(self, lowered: str) -> int:
        """How many chrome phrases stand in `lowered` (a lower-cased line)."""
        candidates = {p for w in set(words(lowered)) for p in self.phrase_index.get(w, ())}
        return sum(p in lowered for p in candidates)

    def content_stems(self, text: str) -> frozenset[str]:
        """The stems of the words of `text` that carry meaning (stopwords and short words aside)."""
        return frozenset(stem(w) for w in words(text) if len(w) > 2 and w not in self.stopwords)


def _index_by_first_word(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for phrase in sorted(phrases):
        first = words(phrase)[:1]
        if first:
            index.setdefault(first[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}
