"""Dates in English and French headers, read with a month-name table and one small regex.

A general date parser is slow (about 0.7 ms a call) and invents dates from today's
date when a string only looks like one; header dates come in a handful of shapes
("20 July 2016", "1er octobre 2016", "Sept. 19, 2016", "2016-09-19"), so a table of
month names from the rule packs and an exact regex read them in microseconds.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_WEEKDAYS = (
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:lun|mar|mercre|jeu|vendre|same)di|dimanche)"
)


def date_pattern(months: Mapping[str, int]) -> str:
    """The regex (no groups of its own) that matches one date with these month names."""
    names = sorted(months, key=lambda name: (-len(name), name))
    month = "(?i:" + "|".join(re.escape(name) for name in names) + r")\.?"
    return (
        rf"(?:{_WEEKDAYS},?\s)?"
        rf"(?:{_DAY}\s{month},?\s{_YEAR}|{month}\s{_DAY},?\s{_YEAR}|{_YEAR}-[01]\d-[0-3]\d)"
    )


class DateReader:
    """Turns a date string matched by `date_pattern` into a `datetime.date`.

    >>> reader = DateReader({"july": 7, "septembre": 9, "octobre": 10, "sept": 9})
    >>> reader.read("20 July 2016"), reader.read("1er octobre 2016"), reader.read("Sept. 19, 2016")
    (datetime.date(2016, 7, 20), datetime.date(2016, 10, 1), datetime.date(2016, 9, 19))
    >>> reader.read("31 septembre 2016") is None
    True
    """

    def __init__(self, months: Mapping[str, int]):
        self._months = {name.lower(): number for name, number in months.items()}
        self._iso = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
        self._parts = re.compile(r"(\d{1,4})(?:er|st|nd|rd|th)?|([^\W\d_]+)")

    def read(self, text: str) -> _dt.date | None:
        iso = self._iso.search(text)
        if iso:
            return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        numbers, month = [], None
        for number, word in self._parts.findall(text):
            if number:
                numbers.append(int(number))
            elif word.lower() in self._months:
                month = self._months[word.lower()]
        if month is None or len(numbers) != 2:
            return None
        day, year = sorted(numbers)
        return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
