"""CSL-JSON dates as libraries hold them, and Chicago's way of printing them (CMOS 18 14.22,
9.32-9.35, 9.67).

A CSL date is `date-parts` (one list, or two for a range), optionally with `season` and
`circa`; or `raw` text (Zotero, Better BibTeX); or `literal` text printed as written. Seasons
arrive as `season` (a name or 1-4) or as the month codes 13-16 (citeproc-js) and 21-24 (EDTF,
Better BibTeX).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.cite.ranges import abbreviate_year_range

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# A season given as a number (CSL `season` 1-4, the month codes 13-16 and 21-24) carries no
# word: it prints as American usage and CMOS 18's own examples name it (14.171, "Fall 2007");
# a season given as text is printed as the issue has it ("Autumn" stays).
SEASONS = ("Spring", "Summer", "Fall", "Winter", "Autumn")
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({name[:3].lower(): n for n, name in enumerate(MONTHS, 1)})
_MONTH_NUMBER["sept"] = 9
_SEASON_NUMBER = {name.lower(): n for n, name in enumerate(SEASONS, 1)}


@dataclass(frozen=True, slots=True)
class Part:
    """One end of a date: year (negative for BC), month 1-12 or 0, day or 0, season 1-4 or 0."""

    year: int
    month: int = 0
    day: int = 0
    season: int = 0


@dataclass(frozen=True, slots=True)
class Date:
    start: Part | None = None
    end: Part | None = None  # a range's last date
    circa: bool = False
    literal: str = ""
    # A season given as text that names none of the four ("Fall/Winter", "Winter–Spring", as
    # Zotero exports a typed "Fall/Winter 2001"): printed as the issue gives it (14.171).
    season_text: str = ""

    @property
    def year(self) -> int:
        return self.start.year if self.start else 0

    def text(self, *, year_only: bool = False, seasons: bool = False) -> str:
        """ "March 5, 1946", "Spring 1950", "1960–70", "ca. 1950", "44 BC"; literal as given.
        `year_only` drops months and days; with `seasons` a season stays ("Winter 1995–96",
        as a journal issue is dated)."""
        if self.start is None:
            return self.literal
        if self.season_text and not self.start.month and not self.start.season:
            if year_only and not seasons:
                return Date(self.start, self.end, self.circa).text(year_only=True)
            out = f"{self.season_text} {Date(self.start, self.end).text(year_only=True)}"
            return f"ca. {out}" if self.circa else out
        if seasons and year_only and self.start.season:
            start = Part(self.start.year, season=self.start.season)
            end = Part(self.end.year, season=self.end.season) if self.end else None
            if end and not end.season:
                end = Part(end.year, season=start.season)
            if end and end.season == start.season and end.year != start.year:
                out = f"{SEASONS[start.season - 1]} {_year_range(start.year, end.year)}"
            else:
                out = _range(start, end) if end and end != start else _single(start)
            return f"ca. {out}" if self.circa else out
        if year_only:
            out = _year(self.start.year)
            if self.end and self.end.year != self.start.year:
                out = _year_range(self.start.year, self.end.year)
        else:
            out = _range(self.start, self.end) if self.end else _single(self.start)
        return f"ca. {out}" if self.circa else out

    def sort_key(self) -> tuple[int, int, int]:
        if self.start is None:
            return (0, 0, 0)
        return (self.start.year, self.start.month, self.start.day)


def _year(year: int) -> str:
    return f"{-year} BC" if year < 0 else str(year)


def _year_range(first: int, last: int) -> str:
    if first < 0 or last < 0:
        return f"{_year(first)}–{_year(last)}"
    return f"{first}–{abbreviate_year_range(first, last)}"


def _month_text(part: Part) -> str:
    if part.month:
        return MONTHS[part.month - 1]
    if part.season:
        return SEASONS[part.season - 1]
    return ""


def _single(part: Part) -> str:
    year = _year(part.year)
    month = _month_text(part)
    if part.month and part.day:
        return f"{month} {part.day}, {year}"
    return f"{month} {year}" if month else year


def _range(start: Part, end: Part) -> str:
    if end == start:
        return _single(start)
    if not _month_text(start) and not _month_text(end):
        return _year_range(start.year, end.year)
    if start.year != end.year or not _month_text(start):
        return f"{_single(start)}–{_single(end)}"
    first, last = _month_text(start), _month_text(end)
    year = _year(start.year)
    if start.day and end.day:
        if start.month == end.month:
            return f"{first} {start.day}–{end.day}, {year}"
        return f"{first} {start.day}–{last} {end.day}, {year}"
    return f"{first}–{last} {year}"


def parse_date(value: Any, warnings: list[str], key: str) -> Date | None:
    """A CSL-JSON date (object or string), or None with a warning when it is not one."""
    if value is None or value == "" or value == {}:
        return None
    if isinstance(value, str):
        parsed = parse_raw(value)
        if parsed.start is None:
            warnings.append(f"{key} {value!r} is not a date; left out")
            return None
        return parsed
    if not isinstance(value, Mapping):
        warnings.append(f"{key} {value!r} is not a CSL date; left out")
        return None
    circa = bool(value.get("circa"))
    parts = value.get("date-parts")
    if not parts:
        if value.get("raw"):
            raw = parse_raw(str(value["raw"]))
            return Date(raw.start, raw.end, raw.circa or circa, raw.literal)
        if value.get("literal"):
            return Date(literal=str(value["literal"]).strip())
        return None
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        warnings.append(f"{key} {parts!r} is not a list of [year, month, day]; left out")
        return None
    try:
        ends = [[int(p) for p in end] for end in parts[:2] if isinstance(end, list) and end]
    except (TypeError, ValueError, OverflowError):
        warnings.append(f"{key} {parts!r} has non-numeric parts; left out")
        return None
    if not ends:
        return None
    season = _season(value.get("season"))
    start = _part(ends[0], season, warnings, key)
    end = _part(ends[1], 0, warnings, key) if len(ends) > 1 else None
    if start is None:
        return None
    text = _season_text(value.get("season")) if not season else ""
    return Date(start, end if end != start else None, circa, season_text=text)


def _season_text(raw: Any) -> str:
    """A season's own words when they are not one season ("Fall/Winter"), a hyphen between
    two seasons set as the en dash of a range ("Winter-Spring" -> "Winter–Spring", 6.78)."""
    if not isinstance(raw, str) or not raw.strip() or raw.strip().isdigit():
        return ""
    text = " ".join(raw.split())
    return re.sub(r"(?<=[a-z])\s*-\s*(?=[A-Z])", "–", text)


def _season(raw: Any) -> int:
    if raw is None or raw == "":
        return 0
    text = str(raw).strip().lower()
    if text.isdigit():
        number = int(text)
        for base in (0, 12, 20):  # 1-4, 13-16, 21-24
            if 1 <= number - base <= 4:
                return number - base
        return 0
    return _SEASON_NUMBER.get(text, 0)


def _part(values: list[int], season: int, warnings: list[str], key: str) -> Part | None:
    year, month, day = [*values, 0, 0, 0][:3]
    if not year and not month:
        return None
    if 13 <= month <= 16 or 21 <= month <= 24:
        season, month, day = (month - 12 if month <= 16 else month - 20), 0, 0
    if not 0 <= month <= 12:
        warnings.append(f"{key} has month {month}; left out")
        month, day = 0, 0
    if not 0 <= day <= 31:
        warnings.append(f"{key} has day {day}; left out")
        day = 0
    return Part(year, month, day, season if not month else 0)


_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?([~?%]?)$")
_CIRCA = re.compile(r"^(?:ca?\.|circa|c\.|approx\.)\s*", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]+\.?|\d+")


def parse_raw(text: str) -> Date:
    """A date written as text: ISO ("1950-06-25", EDTF "1950-21", "1950~", "1950/1951"),
    or words ("June 25, 1950", "25 June 1950", "Spring 1950", "ca. 1950"); anything else is
    printed as written."""
    text = text.strip()
    circa = False
    if _CIRCA.match(text):
        circa, text = True, _CIRCA.sub("", text)
    if text.endswith("?") and not _ISO.match(text):
        circa, text = True, text[:-1].rstrip()
    for separator in ("/", " – ", "–", " - "):
        if separator in text:
            first, _, last = text.partition(separator)
            a, b = _raw_part(first.strip()), _raw_part(last.strip())
            if a and b:
                return Date(a[0], b[0], circa or a[1] or b[1])
    one = _raw_part(text)
    if one:
        return Date(one[0], None, circa or one[1])
    return Date(literal=text)


def _raw_part(text: str) -> tuple[Part, bool] | None:
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) if g else 0 for g in match.groups()[:3])
        part = _part([year, month, day], 0, [], "")
        return (part, bool(match.group(4))) if part else None
    year = month = day = season = 0
    for word in _WORDS.findall(text):
        lower = word.rstrip(".").lower()
        if word.isdigit():
            if len(word) >= 3 and not year:
                year = int(word)
            elif not day and int(word) <= 31:
                day = int(word)
            else:
                return None
        elif lower in _MONTH_NUMBER and not month:
            month = _MONTH_NUMBER[lower]
        elif lower in _SEASON_NUMBER and not season:
            season = _SEASON_NUMBER[lower]
        else:
            return None
    if not year:
        return None
    return Part(year, month, day if month else 0, season if not month else 0), False
