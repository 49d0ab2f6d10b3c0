"""Catalogue records' own punctuation and habits, read as a copy editor would type the record.

Library catalogues (MARC as Zotero's Library of Congress, WorldCat, BnF, DNB and British
Library translators bring it in), Google Books, Amazon and ProQuest put into a field what is no
part of it: the statement of responsibility in the title, a copyright "c1986" as the date, the
series in the title, a body's name split as a person's. `record_fields.cleaned` calls each
function here once, before an item is rendered.
"""

from __future__ import annotations

import re
from typing import Any


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# MARC 245 $c, the statement of responsibility, that catalogues keep in the title after ISBD's
# " / " ("The rebirth of Austria / by Richard Hiscocks.") or, in old LC records, after "[by]"
# ("… 1917-73 [by] Adam B. Ulam."): no part of the title (CMOS 18 14.85, the author is named
# in the author's place). A slash with no space on either side belongs to the title
# ("1938/45", "Labour/Le Travail", "and/or"); a spaced one is cut only when what follows is a
# responsibility (a word such as "by", "par", "hrsg. von") or names one of the record's people.
_RESPONSIBILITY_WORDS = re.compile(
    r"(?:by|edited|ed\.|eds\.|translated|trans\.|compiled|comp\.|selected|introduction"
    r"|with|par|sous|textes|von|hrsg\.?|herausgegeben|bearb\.?|übers\.?|di|a cura|de|por"
    r"|ed\.?\s+by|[a-z]+\s+by)\b",
    re.IGNORECASE,
)
_BRACKETED_BY = re.compile(
    r"\s+\[(?:by|edited by|compiled by|translated by|ed\. by)\]\s.*$", re.IGNORECASE
)
_NAME_ROLES = (
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "compiler",
    "contributor",
    "illustrator",
)


def without_responsibility(out: dict[str, Any]) -> None:
    # A chapter's book comes from the book's catalogue record too ("… / edited by …").
    container = _text(out.get("container-title"))
    if container and out.get("type") in ("chapter", "paper-conference", "entry-encyclopedia"):
        cut = _responsibility_cut(container, out)
        if cut != container:
            out["container-title"] = cut
    title = _text(out.get("title"))
    if not title:
        return
    cut = _responsibility_cut(title, out)
    if cut == title:
        return
    out["title"] = cut
    short = _text(out.get("title-short"))
    if short:
        out["title-short"] = _responsibility_cut(short, out) or short


def _responsibility_cut(title: str, out: dict[str, Any]) -> str:
    bracketed = _BRACKETED_BY.search(title)
    if bracketed and bracketed.start() > 0:
        return title[: bracketed.start()].rstrip(" .,;:")
    before, slash, after = title.rpartition(" / ")
    if not slash or not before.strip() or not after.strip():
        return title
    while " / " in before:  # the first spaced slash starts the statement
        head, _, tail = before.rpartition(" / ")
        if not _is_responsibility(tail, out):
            break
        before, after = head, f"{tail} / {after}"
    if not _is_responsibility(after, out):
        return title
    return before.rstrip(" .,;:")


def _is_responsibility(text: str, out: dict[str, Any]) -> bool:
    if _RESPONSIBILITY_WORDS.match(text.strip()):
        return True
    folded = text.casefold()
    for role in _NAME_ROLES:
        names = out.get(role)
        for name in names if isinstance(names, list) else []:
            if not isinstance(name, dict):
                continue
            family = _text(name.get("family")) or _text(name.get("literal"))
            if len(family) > 1 and family.casefold() in folded:
                return True
    return False


# Catalogue dates (MARC 260/264 $c): "c1986" and "©1986" (a copyright date), "[1970]" (a year
# the cataloguer supplied), "[1970?]" (a guessed one), and Zotero's "1961 printing": each is
# the year of publication (CMOS 18 14.144); a printing is never cited (14.114), a guessed year
# is given as approximate.
_CATALOGUE_YEAR = re.compile(
    r"^\[?\s*(?:c|©|p|℗|cop\.)?\s*(\d{4})\s*(\?)?\s*\]?\.?(?:\s+print(?:ing)?)?$",
    re.IGNORECASE,
)
_PRINTING = re.compile(
    r"^\s*(?:\d{4}\s+)?(?:\d+(?:st|nd|rd|th)\s+)?print(?:ing)?\.?\s*$", re.IGNORECASE
)


def catalogue_dates(out: dict[str, Any]) -> None:
    for key in ("issued", "original-date"):
        value = out.get(key)
        if isinstance(value, str):
            year = _CATALOGUE_YEAR.match(value.strip())
            if year and not value.strip().isdigit():
                out[key] = {"date-parts": [[int(year.group(1))]], "circa": bool(year.group(2))}
            continue
        if not isinstance(value, dict):
            continue
        fixed = dict(value)
        raw = fixed.get("raw")
        if isinstance(raw, str) and not fixed.get("date-parts"):
            year = _CATALOGUE_YEAR.match(raw.strip())
            if year:
                fixed.pop("raw")
                fixed["date-parts"] = [[int(year.group(1))]]
                if year.group(2):
                    fixed["circa"] = True
        parts = fixed.get("date-parts")
        if isinstance(parts, list):
            new_parts = []
            for part in parts:
                if isinstance(part, list) and part and isinstance(part[0], str):
                    year = _CATALOGUE_YEAR.match(part[0].strip())
                    if year:
                        part = [int(year.group(1)), *part[1:]]
                        if year.group(2):
                            fixed["circa"] = True
                new_parts.append(part)
            fixed["date-parts"] = new_parts
        season = fixed.get("season")
        if isinstance(season, str) and _PRINTING.match(season):
            fixed.pop("season")
        if fixed != value:
            out[key] = fixed


# Google Books' "Univ of North Carolina Press", "Univ. Press of Kansas": the word is spelled
# out (CMOS 18 14.52 gives "University" in full). ProQuest's "University of Wisconsin -
# Madison": a campus after an open compound takes the en dash (6.80).
_UNIV = re.compile(r"\bUniv\b\.?(?=\s)")
_SPACED_HYPHEN = re.compile(r"(?<=\w)\s+-{1,2}\s+(?=\w)")
# The cataloguing rules (AACR2 appendix B) abbreviate the words of a government
# publisher's name: "Office of the Chief of Military History, Dept. of the Army", "U.S. Govt.
# Print. Off."; a note gives the name as the body writes it (CMOS 18 14.51 abbreviates none of
# them).
_CATALOGUE_WORDS = (
    (re.compile(r"\bDept\.(?=\s)"), "Department"),
    (re.compile(r"\bGovt\.(?=\s)"), "Government"),
    (re.compile(r"\bPrint\.\s+Off\.(?=\s|$)"), "Printing Office"),
)


def publisher_words(publisher: str) -> str:
    publisher = _UNIV.sub("University", publisher)
    for pattern, word in _CATALOGUE_WORDS:
        publisher = pattern.sub(word, publisher)
    return _SPACED_HYPHEN.sub("–", publisher)


# Old LC records separate the subtitle with "; " ("Trieste, 1941-1954; the ethnic … struggle"),
# and give a part's number after a period (MARC 245 $n: "Documents on international affairs.
# 1955"). A semicolon is a title's own in many titles; it is read as the subtitle's colon
# only in a book's title that has no colon, once, before a lowercase word as LC writes every
# word but the first (CMOS 18 14.89: a colon before the subtitle). The part's number follows
# the title after a comma ("Documents on International Affairs, 1955").
_LC_SUBTITLE = re.compile(r"^([^;:]*\w)\s*;\s+(?=[a-zà-ÿ])")
# The word before the period is a word, not an abbreviation ("Stalin, Inc. 93", "Corp. 5").
_PART_NUMBER = re.compile(
    r"\b(?!(?:corp|dept|assn|bros|univ|intl|natl|govt)\.)([A-Za-z]*[a-z]{4})\.\s+(\d{1,4})\.?$",
    re.IGNORECASE,
)
_BOOK_TYPES = frozenset({"book", "thesis", "report"})


def isbd_title(out: dict[str, Any], kind: str) -> None:
    title = _text(out.get("title"))
    if not title or kind not in _BOOK_TYPES:
        return
    fixed = title
    if fixed.count(";") == 1 and ":" not in fixed:
        fixed = _LC_SUBTITLE.sub(r"\1: ", fixed)
    fixed = _PART_NUMBER.sub(r"\1, \2", fixed)
    if fixed != title:
        out["title"] = fixed


# Amazon types the series into the title: "… Austria (Volume 80) (Texas A&M University
# Military History Series)", "… Relations (Cambridge Studies in International Relations Book
# 95)". The series and its number are cited after the title (CMOS 18 14.123), not in it; a
# parenthesis that names no series ("(1945-1955)") stays.
_AMAZON_VOLUME = re.compile(r"\s*\((?:Volume|Vol\.|Book|No\.|Number)\s*(\d+)\)\s*$", re.IGNORECASE)
_AMAZON_SERIES = re.compile(
    # An edition or binding in the parenthesis ("(Library Edition)") names no series.
    r"\s*\((?![^()]*\b(?:Edition|Binding|Paperback|Hardcover)\b)"
    r"([^()]*\b(?:Series|Library|Studies|Monographs|Classics)\b[^()]*?)"
    r"(?:,?\s+(?:Book|Volume|Vol\.|No\.|Number)?\s*(\d+))?\)\s*$"
)


def series_from_title(out: dict[str, Any]) -> None:
    title = _text(out.get("title"))
    if not title or _text(out.get("collection-title")):
        return
    number = ""
    series = ""
    rest = title
    for _ in range(2):
        volume = _AMAZON_VOLUME.search(rest)
        if volume and volume.start() > 0 and not number:
            number, rest = volume.group(1), rest[: volume.start()]
            continue
        named = _AMAZON_SERIES.search(rest)
        if named and named.start() > 0 and not series:
            series, rest = named.group(1).strip(), rest[: named.start()]
            number = number or (named.group(2) or "")
            continue
        break
    if not series:
        return
    out["title"] = rest.strip()
    out["collection-title"] = series
    if number and not _text(out.get("collection-number")):
        out["collection-number"] = number


# A body's name split as a person's, as Google Books gives it (family "State", given "United
# States Department of"): the name is the body's, in its order, filed under its first word
# (CMOS 18 14.70). A given name that ends in a preposition, or that holds a body's word, is
# no person's.
_BODY_WORDS = re.compile(
    r"\b(?:Department|Dept\.?|Ministry|Office|Committee|Commission|Bureau|Council|Agency"
    r"|Board|Administration|Secretariat|Parliament|Congress|Senate|Institute|Association"
    r"|Society|Government)\b"
)
_ENDS_IN_PREPOSITION = re.compile(r"\s(?:of|of the|for|for the|on|on the)$", re.IGNORECASE)


def corporate_names(out: dict[str, Any]) -> None:
    for role in _NAME_ROLES:
        names = out.get(role)
        if not isinstance(names, list):
            continue
        fixed = []
        for name in names:
            if isinstance(name, dict) and not name.get("literal"):
                family, given = _text(name.get("family")), _text(name.get("given"))
                if (
                    family
                    and given
                    and (_ENDS_IN_PREPOSITION.search(given) or _BODY_WORDS.search(given))
                ):
                    name = {"literal": f"{given} {family}"}
            fixed.append(name)
        if fixed != names:
            out[role] = fixed
