"""Pieces every renderer uses: creators, editors and translators, editions, series, volumes,
publication facts, archive, medium, links. Each returns parts (empty when the item has none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.cite.items import ROMAN_TYPES, Item
from assistant.cite.languages import code_of, guess, place_language
from assistant.cite.model import Citation, Run
from assistant.cite.names import Name, names_bib, names_note
from assistant.cite.ranges import number_ranges
from assistant.cite.richtext import Parts, capitalize, lower_first, markup_runs, t
from assistant.cite.titles import styled_title
from assistant.cite.typography import ordinal, words

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_EDITION_WORDS = {"revised": "rev.", "edition": "ed."}
_EDITION_ABBREVIATIONS = frozenset({"rev", "abr", "exp", "enl", "ed", "edn"})
# Words describing an edition, common adjectives lowercase inside a note ("updated ed."); a
# named edition ("Bicentennial ed.") keeps its capital.
_DESCRIPTIVE_EDITIONS = words(
    "rev. abr. exp. enl. corr. aug. revised abridged expanded enlarged corrected augmented"
    " updated new paperback illustrated annotated reprint international student"
)


_BRACKETED = re.compile(r"\s\[[^\[\]]+\]$")


def title(item: Item, *, short: bool = False) -> Parts:
    """The item's title (or short title) styled for its family, built once per item."""
    key = "short" if short else "title"
    cached = item.styled.get(key)
    if cached is None:
        cached = item.styled[key] = _styled_item_title(item, short)
    return list(cached)


# The parts of a book CMOS 18 14.110 cites by their generic name, lowercase and unquoted
# ("introduction to *Book*"), when that name is the part's whole title; "Introduction: The
# Decolonization of Asia" has a title of its own and is cited as a chapter.
_GENERIC_PARTS = words("introduction foreword preface afterword")


def generic_part(item: Item) -> str:
    """ "introduction" when the item is the book's part of that generic name (14.110)."""
    name = (item.title or "").strip().rstrip(".").casefold()
    if item.family != "chapter" or name not in _GENERIC_PARTS or not item.get("container-title"):
        return ""
    return name


def _exhibition(item: Item) -> bool:
    """An exhibition is a name, capitalized in roman, neither italic nor quoted (CMOS 18
    8.206); its catalogue, a book, is italic."""
    return item.csl_type == "event" and bool(
        re.match(r"(?:online\s+|virtual\s+)?exhibit(?:ion)?s?$", item.get("genre").strip(), re.I)
    )


def _styled_item_title(item: Item, short: bool) -> Parts:
    if short and generic_part(item):
        return [Run(generic_part(item))]  # "Crosby, foreword, xiii." (14.110)
    text = item.short_title if short else item.title
    if not text:
        if item.family in ("letter", "interview") or item.authors or item.editors:
            return []
        # With neither title nor author the citation would shrink to a date: say so in it.
        return [Run(f"[untitled: {item.id}]")]
    if item.csl_type in ROMAN_TYPES or _exhibition(item):
        return markup_runs(text)
    bracketed = _BRACKETED.search(text)
    if bracketed and not short:
        # A translation given in the title field: it stays roman, outside quotes (CMOS 14.88).
        out = [*styled_title(text[: bracketed.start()], item.quoted), Run(bracketed.group(0))]
    else:
        out = styled_title(text, item.quoted)
    translated = item.get("translated-title") or item.get("title-translated")
    if translated and not short:
        # An English rendering of a foreign title: in brackets, roman, no quotes (CMOS 14.88).
        out = [*out, Run(f" [{translated}]")]
    return out


# A wiki's page: MediaWiki's own addresses ("/wiki/Page", "index.php?title=Page") or a site
# of the Wikimedia family ("Wiktionary", "Wikisource").
_WIKI_URL = re.compile(r"/wiki/|/index\.php\?(?:.*&)?title=", re.IGNORECASE)
_WIKI_NAME = re.compile(r"^Wik(?:i|tionary)", re.IGNORECASE)


def in_wiki(item: Item) -> bool:
    """An entry in a wiki: the wiki is a website, not a published reference work, so its name
    is set in roman (CMOS 18 8.191, 14.130: "Wikipedia, under ...")."""
    name = item.get("container-title")
    if item.family != "entry" or not name:
        return False
    return bool(_WIKI_NAME.match(name) or _WIKI_URL.search(item.get("URL")))


def container(item: Item) -> Parts:
    """The book, journal, newspaper or site an item appears in, italic; a wiki in roman."""
    cached = item.styled.get("container")
    if cached is None:
        text = item.cased("container-title")
        if text and in_wiki(item):
            cached = item.styled["container"] = t(text)
        else:
            cached = item.styled["container"] = styled_title(text, quoted=False) if text else []
    return list(cached)


def creator(item: Item, names: Callable[[Sequence[Name]], str]) -> str:
    """Who leads the entry: the authors; else the editors or translators, labelled."""
    if item.authors:
        return names(item.authors)
    if item.editors_lead:
        plural = len(item.editors) > 1
        if item.editor_translator:
            return names(item.editors) + (", eds. and trans." if plural else ", ed. and trans.")
        return names(item.editors) + (", eds." if plural else ", ed.")
    if item.translators_lead:
        return names(item.translators) + ", trans."
    return ""


def creator_note(item: Item) -> str:
    return creator(item, names_note)


def creator_bib(item: Item) -> str:
    return creator(item, names_bib)


def secondary(item: Item, *, bib: bool) -> list[Parts]:
    """ "ed. X", "trans. Y", "ed. and trans. Z" after the title when someone leads the entry;
    in the bibliography "Edited by X", "Translated by Y"."""
    out: list[Parts] = []
    editors = item.editors if not item.editors_lead else []
    translators = item.translators if not item.translators_lead else []
    if editors and item.editor_translator:
        label = "Edited and translated by " if bib else "ed. and trans. "
        return [t(label + _secondary_names(editors, bib))]
    if editors:
        out.append(t(("Edited by " if bib else "ed. ") + _secondary_names(editors, bib)))
    if translators and not (item.editor_translator and item.editors_lead):
        out.append(t(("Translated by " if bib else "trans. ") + _secondary_names(translators, bib)))
    return out


def _secondary_names(people: Sequence[Name], bib: bool) -> str:
    """Editors or translators after the title, counted as authors are (CMOS 18 14.76): three
    or more give the first and "et al." in a note; the bibliography names up to six, and of
    more the first three, et al."""
    if not bib:
        return names_note(people)
    if len(people) > 6:
        return ", ".join(n.note() for n in people[:3]) + ", et al."
    return names_note(people, et_al=False)


_EDITION_NOUNS = ("ed", "ed.", "edn", "edn.", "edition")
# What a statement of the kind "Seventh issue" may count instead of editions.
_STATEMENT_NOUNS = words("issue printing impression reprint reprinting release version state")
_FIRST_OF = re.compile(r"(?:1st|first)\s+[^\d,;]+?\s+(?:ed|edn|edition)\.?")


def edition(item: Item, *, capital: bool) -> str:
    """ "2nd ed.", "rev. ed." (CMOS 14.113), from a number, an ordinal or words."""
    raw = item.get("edition")
    if not raw:
        return ""
    # Catalogues bracket an edition statement they supplied ("[1st ed.]", "[2nd ed.]", AACR2
    # and RDA usage); the brackets are the catalogue's, not the book's, and go.
    raw = raw.strip()
    if re.fullmatch(r"\[[^\[\]]+\]", raw):
        raw = raw[1:-1].strip()
    text = raw.rstrip(".")
    lower = text.lower()
    number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?(?:\s+ed(?:ition|n)?)?", lower)
    if re.fullmatch(r"(?:1|1st|first)(?:\s+(?:ed|edn|edition))?\.?", lower) or _FIRST_OF.fullmatch(
        lower
    ):
        # A first edition is not mentioned (CMOS 14.112-14.113): catalogues record "First
        # edition", and a publisher's first printing under its imprint or in a format ("First
        # Simon & Schuster hardcover edition", "1st Vintage Books ed.") is a first edition too:
        # the publisher named in the facts of publication tells which one was used.
        return ""
    words_ = lower.split()
    if number:
        out = f"{ordinal(int(number.group(1)))} ed."
    elif words_[0] in _ORDINAL_WORDS and (len(words_) == 1 or words_[1] in _EDITION_NOUNS):
        out = f"{ordinal(_ORDINAL_WORDS[words_[0]])} ed."
    elif (
        words_[0] in _ORDINAL_WORDS
        and len(words_) == 2
        and words_[1].isalpha()
        and words_[1] not in _EDITION_WORDS
        and words_[1] not in _EDITION_ABBREVIATIONS
        and words_[1] not in _DESCRIPTIVE_EDITIONS
    ):
        # "Seventh issue", "Second printing": a statement whose noun is not "edition" keeps
        # its noun, the ordinal in figures (CMOS 14.112 gives the statement as the work does,
        # abbreviating only "edition"); the usual nouns are common nouns, lowercase, any other
        # word may be an imprint's name ("Second Bantam") and keeps its capital.
        noun = text.split()[1]
        noun = noun.lower() if noun.lower() in _STATEMENT_NOUNS else noun
        out = f"{ordinal(_ORDINAL_WORDS[words_[0]])} {noun}"
    else:
        parts = [_edition_word(w) for w in text.split()]
        first_word = parts[0].lower().rstrip(",")
        if (
            first_word in _ORDINAL_WORDS
            and len(parts) > 1
            and (parts[1].startswith("ed.") or parts[1].lower() in _DESCRIPTIVE_EDITIONS)
        ):
            # "Third edition, revised": "3rd ed., rev."; "Second revised": "2nd rev. ed." (CMOS
            # 14.113 gives editions in figures).
            parts[0] = ordinal(_ORDINAL_WORDS[first_word]) + parts[0][len(first_word) :]
            if parts[1].lower() in _DESCRIPTIVE_EDITIONS:
                parts[1] = parts[1].lower()  # "Second Expanded Edition": "2nd expanded ed."
        revised = any(w.lower().rstrip(".") in ("rev", "abr", "exp") for w in parts)
        # A text that names the edition already ("5th ed., rev.", "2nd ed., rev. and enl.")
        # is complete as given: no second "ed." (14.113).
        named = any(w.lower().rstrip(".,;") in ("ed", "edn", "edition") for w in parts)
        if revised and not named:
            parts.append("ed.")
        out = " ".join(parts)
        if raw.endswith(".") and not out.endswith("."):
            out += "."
    if capital:
        return capitalize(out)
    # In a note the edition runs on after a comma: "rev. ed.", but "Bicentennial ed." stays.
    first = out.split(" ")[0].lower()
    if first in _DESCRIPTIVE_EDITIONS:
        return out[:1].lower() + out[1:]
    return out


def _edition_word(word: str) -> str:
    """One word of an edition given as text, its abbreviation's period kept or restored
    ("edition," -> "ed.,", "rev" -> "rev.")."""
    core = word.rstrip(",;")
    trail = word[len(core) :]
    lower = core.lower().rstrip(".")
    if lower in _EDITION_WORDS:
        return _EDITION_WORDS[lower] + trail
    if lower in _EDITION_ABBREVIATIONS and not core.endswith("."):
        return core + "." + trail
    return word


_NEW_OR_OLD_SERIES = re.compile(r"(?:(new|old)\s+series|(n|o)\.?\s?s\.?)", re.IGNORECASE)
_NTH_SERIES = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?|([a-z]+))\s+ser(?:ies|\.)?", re.IGNORECASE)


# A legislature's sitting as a run of debates is numbered: "22nd Parl., 4th sess.", "93rd
# Congress, 1st Session", "2nd Session".
_SITTING_PART = re.compile(
    r"(\d{1,3})(?:st|nd|rd|th|d)?\s+(parl(?:iament|\.)?|cong(?:ress|\.)?|sess(?:ion|\.)?)",
    re.IGNORECASE,
)
_SITTING_WORDS = {"p": "Parl.", "c": "Cong.", "s": "sess."}


def _sitting(raw: str) -> str:
    """ "22nd Parl., 4th sess." from a legislature's parliament (or congress) and session,
    abbreviated as CMOS 18 14.193-14.196 and the Bluebook give them; "" for anything else."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    found = [_SITTING_PART.fullmatch(p) for p in parts]
    if not parts or not all(found) or len(parts) > 2:
        return ""
    return ", ".join(
        f"{ordinal(int(m.group(1)))} {_SITTING_WORDS[m.group(2)[0].lower()]}" for m in found if m
    )


def series_designation(item: Item) -> str:
    """A `collection-title` that only says which series of a long run the volume belongs to,
    "n.s.", "2nd ser.", "Third Series", or which parliament and session a volume of debates
    reports, "22nd Parl., 4th sess.": lowercase and abbreviated, before the volume number
    (CMOS 14.126, 14.180: "2nd ser., vol. 36"; "n.s., 12"; 14.193-14.196). "" for a series
    title."""
    raw = (item.get("collection-title") or "").strip().rstrip(",;")
    if not raw:
        return ""
    sitting = _sitting(raw)
    if sitting:
        return sitting
    match = _NEW_OR_OLD_SERIES.fullmatch(raw)
    if match:
        letter = (match.group(1) or match.group(2))[0].lower()
        return f"{letter}.s."
    match = _NTH_SERIES.fullmatch(raw)
    if match:
        if match.group(1):
            return f"{ordinal(int(match.group(1)))} ser."
        n = _ORDINAL_WORDS.get(match.group(2).lower())
        if n:
            return f"{ordinal(n)} ser."
    return ""


_ROMAN = re.compile(r"[IVXLCDM]+")


def _bare_kind(text: str) -> str:
    """A document kind without "Series" or a plural: "Working Paper Series" -> "working paper"."""
    words = " ".join(text.split()).casefold() if text else ""
    return re.sub(r"s$", "", re.sub(r"\s+series$", "", words))


def series(item: Item) -> str:
    """Series title and number, roman (CMOS 14.123): "Cold War International History 4"."""
    designation = series_designation(item)
    if designation:
        return designation  # before a volume number its caller sets it there instead
    title = item.cased("collection-title")
    number = item.get("collection-number")
    if number and not title:
        return ""
    if not number and title and _bare_kind(title) == _bare_kind(item.get("genre")):
        # "Working Paper Series" beside the genre "Working Paper" and its number says
        # nothing the genre has not said ("Working Paper no. 5308", CMOS 14.116).
        return ""
    if number and not number[:1].isdigit() and not _ROMAN.fullmatch(number):
        # A number that is words ("Series B, vol. 3", "n.s., 12", "vol. 42") is a series of
        # the series or a volume of it: set off by a comma (CMOS 18 14.123); a bare figure,
        # arabic or roman, runs on ("Lund Studies in International History 37").
        return f"{title}, {number}"
    return " ".join(p for p in (title, number) if p)


def volume_title_parts(item: Item, *, bib: bool) -> Parts:
    """ "vol. 2, *Means of Ascent*" for a volume with its own title (CMOS 14.117)."""
    volume, title = item.get("volume"), item.cased("volume-title")
    if not title:
        return []
    styled = item.styled.get("volume-title")
    if styled is None:
        styled = item.styled["volume-title"] = styled_title(title, quoted=False)
    label = "Vol." if bib else "vol."
    return [*t(f"{label} {volume}, " if volume else ""), *styled]


def number_of_volumes(item: Item) -> str:
    """ "3 vols." for a multivolume work cited whole; nothing when one volume is cited."""
    count = item.get("number-of-volumes")
    if not count or item.get("volume"):
        return ""
    return f"{count} vols." if count.isdigit() else count


def date_or_status(item: Item, *, year_only: bool) -> str:
    """The date, "forthcoming" (CMOS 14.21) when the item says so, else "n.d."."""
    status = item.get("status")
    if item.date is not None:
        text = item.date.text(year_only=year_only)
        if text:
            return text
    if status:
        return status.lower() if status.lower() in ("forthcoming", "in press") else status
    return "n.d."


def publication(item: Item, *, year_only: bool = True) -> str:
    """ "Knopf, 1990"; a reprint as "Schocken, 1951; repr., Harcourt, 1973" (CMOS 14.114)."""
    current = ", ".join(
        p for p in (item.get("publisher"), date_or_status(item, year_only=year_only)) if p
    )
    original = "" if originals_facts(item) else _original(item)
    return f"{original}; repr., {current}" if original else current


def publication_bib(item: Item, *, year_only: bool = True) -> str:
    current = ", ".join(
        p for p in (item.get("publisher"), date_or_status(item, year_only=year_only)) if p
    )
    original = "" if originals_facts(item) else _original(item)
    return f"{original}. Reprint, {current}" if original else current


def _original(item: Item) -> str:
    date = item.original_date.text(year_only=True) if item.original_date else ""
    publisher = item.get("original-publisher")
    if not date and not publisher:
        return ""
    return ", ".join(p for p in (publisher, date) if p)


def _own_language(item: Item) -> str:
    return code_of(item.get("language")) or ("en" if item.english else guess(item.title or ""))


def originals_facts(item: Item) -> bool:
    """Whether a translation's original facts (CSL original-publisher, -date, -place) are of
    its original in another language (CMOS 14.108: "originally published as *La nausée*
    (Gallimard, 1938)"), not of an earlier edition that this one reprints (14.114: "Knopf,
    1947; repr., Duke University Press, 1995", a translation's own first edition). They are
    the original's unless they say otherwise: an original title that reads as the item's own
    language (a reprint under a new title), or facts published where the item's language is
    (New York for an English book) or by a publisher whose name reads as that language."""
    original = item.get("original-title")
    if not original or not (_original(item) or item.get("original-publisher-place")):
        return False
    own = _own_language(item)
    if guess(original) == own:
        return False
    place = place_language(item.get("original-publisher-place"))
    return place != own and guess(item.get("original-publisher")) != own


def original_title(item: Item, *, bib: bool) -> Parts:
    """ "originally published as *Der Kalte Krieg* (Suhrkamp, 1961)": a translation's
    original title, given with the facts of its original publication (CMOS 14.108: the
    original is cited when it is of interest, with its publisher and date); a reprint's
    earlier title, in its own language, after the reprint's facts (14.114). A record that
    carries the original title alone (Zotero keeps it from the catalogue) gives the reader
    nothing to find, and a translation's title beside facts of its own first edition (a
    reprint) names a book those facts are not of: either way it is left out."""
    # (Its ranges take en dashes as the title's do, in any language: CMOS 6.78.)
    original = number_ranges(item.get("original-title"))
    lead = "Originally published as " if bib else "originally published as "
    if not original:
        return []
    # The original of a translation is in its own language: as written, never headline-cased.
    parts = [Run(lead), *styled_title(original, quoted=False)]
    if not originals_facts(item):
        retitled = bool(_original(item)) and guess(original) == _own_language(item)
        return parts if retitled else []
    facts = _original(item)
    if facts:
        # Inside a note's parentheses the facts take brackets (CMOS 6.101).
        parts.append(Run(f" ({facts})" if bib else f" [{facts}]"))
    return parts


# The English names of a container in an archive, typed capitalized in a record ("Box 4",
# "Folder 12"): lowercase in a note (CMOS 18 14.128: "box 3, folder 12"); the bibliography
# capitalizes only what opens its element ("Box 4."). Other languages' terms ("Fond 45",
# "Bd. 1016") are left as typed.
# The National Archives' "Entry 429", "Entry A1 207" is such a container too.
_CONTAINER_WORD = re.compile(
    r"\b(Box|Boxes|Folder|Folders|File|Files|Entry|Entries)(?=\s+(?:[A-Z]{1,2}\d?\s+)?\d)"
)
# A run of records still open, "Records of the Adjutant General's Office, 1917-": the open
# range takes the en dash as a closed one does (CMOS 18 6.78).
_OPEN_YEAR_RANGE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})-(?=[,;)]|\s|$)")


def _open_ranges(text: str) -> str:
    return _OPEN_YEAR_RANGE.sub(r"\1–", text)


def _repository(archive: str, place: str) -> str:
    """ "National Archives at College Park, MD": the place's words the repository's name
    already gives are not repeated (CMOS 18 14.128 names the place only to find the
    repository)."""
    if not archive or not place:
        return archive or place
    places = [p.strip() for p in place.split(",")]
    while len(places) > 1 and re.search(
        rf"\b{re.escape(places[0])}$", archive, flags=re.IGNORECASE
    ):
        places.pop(0)
    return ", ".join([archive, *places])


def archive_parts(item: Item, *, bib: bool = False) -> list[Parts]:
    """Where an archival copy is: shelfmark, collection, repository and its place."""
    location = _open_ranges(number_ranges(item.get("archive_location"), shelfmark=True))
    location = _CONTAINER_WORD.sub(lambda m: m.group(1).lower(), location)
    if bib:
        location = capitalize(location)
    return [
        t(location),
        t(_open_ranges(number_ranges(item.get("archive_collection"), shelfmark=True))),
        t(_repository(item.get("archive"), item.get("archive-place"))),
    ]


# Families of unpublished documents, whose archival location is where the document itself
# is: a page or folio of it is found within that location.
_UNPUBLISHED = frozenset({"archival", "letter", "interview"})


def page_follows_shelfmark(item: Item, citation: Citation) -> bool:
    """Whether the locator goes after the archival location. A work with publication facts of
    its own (a report, a book, a document printed in a collection) is cited by its own page,
    right after those facts; the archive is only where the copy consulted is kept, named
    after the work as a whole (CMOS 18 14.119-14.128): "*Basic National Security Policy*, NSC
    162/2 (1953), 5, box 6, …". In an unpublished document a page, folio or column follows
    the shelfmark, as the CSL 18th-edition style sets it ("box 3, folder 2, p. 3"); other
    locators (a chapter, a section) precede it."""
    if item.family not in _UNPUBLISHED:
        return False
    return (citation.label or "page") in ("page", "folio", "column")


def medium(item: Item, *, capital: bool) -> str:
    text = item.get("medium")
    return capitalize(text) if capital else lower_first(text)


def link(item: Item) -> str:
    doi = item.get("DOI")
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.IGNORECASE)
        return f"https://doi.org/{doi}"
    return item.get("URL")


def accessed(item: Item, *, capital: bool) -> str:
    """ "accessed March 1, 2024", only for an undated source (CMOS 14.12)."""
    if item.date is not None or item.accessed is None:
        return ""
    return ("Accessed " if capital else "accessed ") + item.accessed.text()


def report_number(genre: str, number: str) -> str:
    """ "Working Paper no. 31", "Working Paper R-123", "no. 68" (numeric numbers take "no.")."""
    numbered = f"no. {number}" if number.isdigit() else number
    return " ".join(p for p in (genre, numbered) if p)
