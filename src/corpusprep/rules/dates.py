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

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|\.)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_NUM_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_WEEKDAYS = (
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?|(?:lun|mar|mercre|jeu|vendre|same)di|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira)"
)
#: Numeric dates: "29/12/2017", "29.12.2017", "12-29-2017", "2017/12/29" (no groups: rules embed it).
#: Which of the first two numbers is the day, when both could be, is `DateReader`'s `numeric_order`.
_NUMERIC = rf"(?:{_YEAR}[/.]{_NUM_MONTH}[/.]{_NUM_DAY}|{_NUM_DAY}[/.-]{_NUM_DAY}[/.-]{_YEAR})(?!\d)"


def date_pattern(months: Mapping[str, int]) -> str:
    """The regex that matches one date with these month names (no groups of its own).

    Shapes: "20 July 2016", "1er octobre 2016", "5. März 2019", "7th of March 2019",
    "5 de marzo de 2019", "Sept. 19, 2016", "March 3rd, 2021", "2016-09-19" (also as the
    start of a timestamp), and numeric dates "29/12/2017", "29.12.2017", optionally after a weekday.
    """
    names = sorted(months, key=lambda name: (-len(name), name))
    month = "(?i:" + "|".join(re.escape(name) for name in names) + r")\.?"
    return (
        rf"(?:{_WEEKDAYS},?\s)?"
        rf"(?:{_DAY}\s(?:(?i:of|de)\s)?{month},?\s(?:(?i:de)\s)?{_YEAR}|{month}\s{_DAY},?\s{_YEAR}"
        rf"|{_YEAR}-[01]\d-[0-3]\d(?=T|\b)|{_NUMERIC})"
    )


class DateReader:
    """Turns a date string matched by `date_pattern` into a `datetime.date`.

    Numeric dates are read year-first when they start with the year; otherwise a first
    number over 12 is the day, a second over 12 is the day, and when both could be,
    `numeric_order` decides: "dmy" (the default: most of the world, and every date
    written with dots) or "mdy" (the United States' "03/05/2018").

    >>> reader = DateReader({"july": 7, "septembre": 9, "octobre": 10, "sept": 9})
    >>> reader.read("20 July 2016"), reader.read("1er octobre 2016"), reader.read("Sept. 19, 2016")
    (datetime.date(2016, 7, 20), datetime.date(2016, 10, 1), datetime.date(2016, 9, 19))
    >>> reader.read("31 septembre 2016") is None
    True
    >>> reader.read("29/12/2017"), reader.read("03/05/2018"), reader.read("03/05/2018", "mdy")
    (datetime.date(2017, 12, 29), datetime.date(2018, 5, 3), datetime.date(2018, 3, 5))
    """

    def __init__(self, months: Mapping[str, int]):
        self._months = {name.lower(): number for name, number in months.items()}
        self._iso = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
        self._numeric = re.compile(r"(?<!\d)(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?!\d)")
        self._parts = re.compile(r"(\d{1,4})(?:er|st|nd|rd|th)?|([^\W\d_]+)")

    def read(self, text: str, numeric_order: str = "dmy") -> _dt.date | None:
        iso = self._iso.search(text)
        if iso:
            return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        numeric = self._numeric.search(text)
        if numeric:
            return _numeric_date(numeric.group(1), numeric.group(2), numeric.group(3), numeric.group(4), numeric_order)
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


def _numeric_date(first: str, separator: str, second: str, third: str, order: str) -> _dt.date | None:
    if len(first) == 4:
        return _safe_date(int(first), int(second), int(third))
    if len(third) != 4:
        return None
    a, b, year = int(first), int(second), int(third)
    if a > 12 or separator == "." or (b <= 12 and order != "mdy"):
        return _safe_date(year, b, a)
    return _safe_date(year, a, b)


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
