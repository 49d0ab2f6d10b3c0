"""Bibliography entries and their order (CMOS 18 14.64-14.71).

Entries file letter by letter under the first name; a work without author under its title,
an initial A, An or The ignored (14.66). A person's works by themselves come before works
written with others (14.70), and works they wrote before works they edited or translated
(14.69); within these, by title. Repeated names may be replaced by a 3-em dash (14.67), an
option that is off by default.
"""

from __future__ import annotations

import re

from assistant.cite import web
from assistant.cite.items import Item
from assistant.cite.languages import ARTICLES, code_of, guess
from assistant.cite.legal import generated_text
from assistant.cite.model import RichText
from assistant.cite.names import collate, names_bib, names_note
from assistant.cite.richtext import strip_markup

_ARTICLE = re.compile(r"^(?:the|an|a)\s+", re.IGNORECASE)
THREE_EM_DASH = "\u2014\u2014\u2014"


def _initial_article(articles: frozenset[str]) -> re.Pattern[str]:
    """An initial article of a language: a word and its space, or an elided one ("L’État")."""
    spaced = sorted(a for a in articles if a[-1] not in "'’")
    elided = sorted({a[:-1] for a in articles if a[-1] in "'’"})
    pattern = rf"^(?:{'|'.join(map(re.escape, spaced))})\s+"
    if elided:
        pattern += rf"|^(?:{'|'.join(map(re.escape, elided))})['’]\s*(?=\w)"
    return re.compile(pattern, re.IGNORECASE)


# An initial article is ignored in a foreign title as in an English one (CMOS 14.66, 8.x):
# "Il Vaticano e Mosca" files under V. Which words are articles depends on the title's
# language, so "La Jolla" and "El Paso" in an English title keep their place under L and E.
_FOREIGN_ARTICLES = {
    language: _initial_article(articles)
    for language, articles in ARTICLES.items()
    if language != "en"
}


def title_sort_key(text: str, english: bool = True, language: str = "") -> str:
    """A title as it files: an initial article of its language left out. `language` is the
    item's own (ISO 639-1); without it a title that is not English is judged by its words."""
    plain = strip_markup(text).lstrip("“‘\"'([")
    if english:
        plain = _ARTICLE.sub("", plain)
    else:
        article = _FOREIGN_ARTICLES.get(language or guess(plain))
        if article:
            plain = article.sub("", plain, count=1)
    return collate(plain)


def sort_key(item: Item) -> tuple[str, int, str, int, str, tuple[int, int, int]]:
    """(first name or title, with others, the others, role, title, date)."""
    names = item.primary
    role = 0 if item.authors else (1 if item.editors else 2)
    title = title_sort_key(
        item.title or _described(item), item.english, code_of(item.get("language"))
    )
    date = item.date.sort_key() if item.date else (0, 0, 0)
    # Volumes of one work file in their order, whatever year a reprint of one carries (CMOS
    # 18 14.67: the same author's works by title; one title's volumes by number).
    title += "\x01" + _volume_key(item)
    if not names:
        substitute = ""
        if item.family in ("periodical", "broadcast"):
            # An unsigned article files under its paper, an unsigned episode under its
            # programme (14.165), an initial article of the name's language left out as in a
            # title (14.66): "Le Monde" under M, "Die Zeit" under Z, "The Times" under T.
            substitute = item.get("container-title")
            if item.family == "periodical":
                substitute = substitute or item.get("publisher")
            key = title_sort_key(substitute, *_name_language(substitute, item))
        else:
            if item.family == "web":
                # Filed under what leads its entry: the owner, else its own title (14.66).
                substitute = web.owner(item)
            key = title_sort_key(substitute, item.english)
        return (key or title, 0, "", 0, title, date)
    # One person's works stay together whatever form of the name they carry ("Vladislav
    # Zubok", "Vladislav M. Zubok"): surname and first given name, then alone before with
    # others (14.68), then the rest of the name.
    first = names[0]
    person = (
        f"{collate(first.family)}\x00{collate(first.given.split(' ')[0])}"
        if not first.literal
        else first.sort_key()
    )
    others = "\x01".join(n.sort_key() for n in names[1:])
    return (person, int(len(names) > 1), others, role, title + "\x01" + first.sort_key(), date)


def _volume_key(item: Item) -> str:
    volume = re.match(r"\d+", item.get("volume"))
    return volume.group().zfill(6) if volume else ""


def _name_language(name: str, item: Item) -> tuple[bool, str]:
    """(English, language) of a periodical's or programme's name: by its own words when they
    tell ("Der Spiegel", "The Times"), else the language of what it printed ("Le Monde" for
    an article in French). An English item's paper is read as English: "Los Angeles Times",
    "La Crosse Tribune" and "El Paso Times" keep their first word."""
    language = guess(strip_markup(name))
    if language:
        return language == "en", language
    return item.english, "" if item.english else item.language


def _described(item: Item) -> str:
    """What an untitled document's entry gives in its title's place, by which it files among
    its author's works (14.70): "Telegram to USSR Ministry of Foreign Affairs", "Memorandum"."""
    genre = item.get("genre")
    if item.family == "letter":
        recipients = names_note(item.recipients, et_al=False)
        return " to ".join(p for p in (genre or "letter", recipients) if p)
    return genre


def has_entry(item: Item) -> bool:
    """Unarchived interviews and personal communications, and unsigned entries in reference
    works, are cited in notes only (CMOS 14.111, 14.130)."""
    if item.family in ("interview", "letter"):
        return bool(item.get("archive") or item.get("container-title"))
    if item.family == "entry":
        return not item.in_known_reference_work
    if generated_text(item):
        # Text an AI tool generated is cited in a note only (CMOS 18 14.112).
        return False
    # Social-media posts are cited in notes only (new in CMOS 18 14.106), and so are cases,
    # statutes, bills, regulations and treaties, cited in legal style (14.173).
    return item.csl_type not in _NOTES_ONLY


_NOTES_ONLY = frozenset({"post", "legal_case", "legislation", "bill", "regulation", "treaty"})


def with_dashes(entries: list[tuple[Item, RichText]]) -> list[RichText]:
    """A name repeated from the entry above replaced by a 3-em dash (CMOS 14.67), its role
    kept ("———, ed."). Only the same names in the same order count as a repeat."""
    out: list[RichText] = []
    previous: list[str] | None = None
    for item, entry in entries:
        names = [n.note() for n in item.primary]
        lead = names_bib(item.primary)
        if previous == names and names and entry.runs and entry.runs[0].text.startswith(lead):
            first = entry.runs[0]
            entry = RichText(
                [first.with_text(THREE_EM_DASH + first.text[len(lead) :]), *entry.runs[1:]],
                entry.warnings,
            )
        out.append(entry)
        previous = names or None
    return out
