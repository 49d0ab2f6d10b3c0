"""Theses and dissertations (CMOS 18 14.113), speeches, lectures and other events (14.115)."""

from __future__ import annotations

import re

from assistant.cite.items import Item
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation
from assistant.cite.pieces import (
    archive_parts,
    creator_bib,
    creator_note,
    date_or_status,
    link,
    title,
)
from assistant.cite.ranges import number_ranges
from assistant.cite.richtext import Parts, capitalize, join, lower_first, paren, t

# ProQuest records the degree alone ("Ph.D."): a doctoral dissertation too.
_DOCTORAL = re.compile(
    r"^(?:(?:ph\.?\s?d\.?|doctoral)(?:\s+(?:diss(?:ertation)?\.?|thesis))?"
    r"|dissertation|doctoral dissertation)$",
    re.IGNORECASE,
)
_MASTERS = re.compile(r"^(?:m\.?\s?a\.?|master['’]?s)\s+thesis$", re.IGNORECASE)


# A library catalogue's dissertation note (MARC 502): "Thesis (M.A.)", "Thesis (Ph. D.)--
# University of Toronto, 1978"; the degree alone, "M.Phil.", "D.Phil.", "M.A. thesis".
_CATALOGUE_NOTE = re.compile(r"^(?:thesis|dissertation)\s*\(([^()]+)\)(?:\s*-{1,2}.*)?$", re.I)
_DEGREE = re.compile(
    r"^((?:[A-Z]{1,2}[a-z]{0,4}\.?\s?){1,3}?)(?:\s*\b((?i:thesis|diss(?:ertation)?\.?)))?$"
)


def _degree(genre: str) -> str:
    """A degree-named genre in CMOS 18's form, the degree's abbreviation without periods
    (10.20): "Thesis (M.A.)" -> "MA thesis", "M.Phil. thesis" -> "MPhil thesis", "D.Phil."
    -> "DPhil thesis", "Ed.D. diss." -> "EdD diss."; "" when `genre` names no degree."""
    note = _CATALOGUE_NOTE.match(genre.strip())
    text = note.group(1).strip() if note else genre.strip()
    found = _DEGREE.match(text)
    if not found:
        return ""
    degree = re.sub(r"[.\s]", "", found.group(1))
    # A word alone ("Thesis", "Diplomarbeit") is a genre, not a degree: a degree is
    # abbreviated (periods, or capitals after its first letter).
    if not (note or "." in found.group(1) or found.group(2)) or degree[1:].islower():
        return ""
    kind = "diss." if (found.group(2) or "").casefold().startswith("diss") else "thesis"
    return f"{degree} {kind}"


def thesis_kind(genre: str) -> str:
    """CMOS 18 14.113's forms: "PhD diss." for a doctoral dissertation however the library
    words it ("Ph.D. dissertation", "Doctoral thesis", "Thesis (Ph. D.)"), "master’s thesis",
    "MA thesis", "MPhil thesis"."""
    degree = _degree(genre)
    if degree:
        genre = degree
    if _DOCTORAL.match(genre):
        return "PhD diss."
    if _MASTERS.match(genre):
        return "MA thesis" if genre[:1].upper() == "M" and genre[1:2] in ". A" else genre
    return genre


def _degree_in_note(kind: str, language: str) -> str:
    """A thesis's description is a common noun phrase, lowercase inside a note's parentheses
    in any language that does not capitalize its nouns ("kandidatskaia dissertatsiia",
    "thèse de doctorat", CMOS 18 14.113); "PhD diss.", "DPhil thesis" and German
    "Habilitationsschrift" keep their capitals."""
    first = kind.split(" ")[0]
    if language != "de" and first[:1].isupper() and first[1:].islower() and first.isalpha():
        return kind[0].lower() + kind[1:]
    return lower_first(kind)


# A genre that ends in the participle of giving a paper ("Paper presented", "Lecture
# delivered", "Address given"), with no preposition after it yet.
_PRESENTED = re.compile(r"\b(?:presented|delivered|given|read)$", re.IGNORECASE)


def _facts(item: Item, *, note: bool = True) -> str:
    """What the parentheses hold: "PhD diss., Harvard University, 2005";
    "lecture, Sinews of Peace, Fulton, MO, March 5, 1946"."""
    pieces: tuple[str, ...]
    if item.family == "thesis":
        kind = thesis_kind(item.get("genre"))
        genre = _degree_in_note(kind, item.language) if note else kind
        pieces = (genre, item.get("publisher"), date_or_status(item, year_only=True))
    else:
        genre = lower_first(item.get("genre")) if note else item.get("genre")
        # An event's or a course's name takes the en dash of its date range (CMOS 6.78).
        event = number_ranges(item.get("event-title") or item.get("event"))
        if genre and event and _PRESENTED.search(genre):
            # "paper presented at the ... Meeting" (CMOS 18 14.115): a participle names where
            # the paper was given, so the meeting follows "at", not a comma.
            genre, event = f"{genre} at {event}", ""
        pieces = (
            genre,
            event,
            item.get("publisher"),
            item.get("event-place") or item.get("publisher-place"),
            date_or_status(item, year_only=False),
        )
    return ", ".join(p for p in pieces if p)


def full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    if item.family == "thesis":
        head = join([creator, title(item)], ", ") + paren(_facts(item))
    else:
        # A speech or lecture: its occasion runs on after the title (CMOS 18 14.115).
        head = join([creator, title(item), t(_facts(item))], ", ")
    return join([head, t(locator_text(citation)), *archive_parts(item), t(link(item))], ", ")


def bibliography(item: Item) -> Parts:
    sentences = [t(creator_bib(item)), title(item), t(capitalize(_facts(item, note=False)))]
    return join([*sentences, *archive_parts(item, bib=True), t(link(item))], ". ")
