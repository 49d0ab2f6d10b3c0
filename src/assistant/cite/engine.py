"""The Chicago notes-bibliography engine (CMOS 18, as `chicago-notes-bibliography.csl` encodes it).

Hand-written rather than a general CSL processor: each item type has a small renderer for its full
note, short note and bibliography entry, checked against pandoc's citeproc with the official style
(tests/cite/test_oracle.py). Where CMOS and that pipeline disagree the engine follows CMOS, and
each such rule has its own test (tests/cite/test_cmos_rules.py).

Items are normalized once (names parsed, titles cased and quoted, dates split), so rendering a
thousand notes is string joining.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.cite.model import Citation, Note, RichText, Run
from assistant.cite.typography import (
    STOP_WORDS,
    merge_runs,
    ordinal,
    page_range,
    punctuation_inside_quotes,
    smart_quotes,
    title_case,
)

__all__ = ["ChicagoEngine", "markdown_runs", "runs_to_text"]

MONTHS = [
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
]
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}

# CSL types this engine knows, mapped to the renderer that handles them.
_TYPE_FAMILY = {
    "book": "book",
    "classic": "book",
    "collection": "book",
    "pamphlet": "book",
    "report": "report",
    "chapter": "chapter",
    "paper-conference": "chapter",
    "entry-encyclopedia": "entry",
    "entry-dictionary": "entry",
    "entry": "entry",
    "article-journal": "article",
    "article": "article",
    "review": "article",
    "article-magazine": "periodical",
    "article-newspaper": "periodical",
    "thesis": "thesis",
    "manuscript": "archival",
    "document": "archival",
    "personal_communication": "letter",
    "letter": "letter",  # Zotero's "letter"; CSL 1.0.2 calls it personal_communication
    "webpage": "web",
    "post-weblog": "web",
    "post": "web",
    "interview": "interview",
}

# The rest of CSL 1.0.2's types: valid, but without a renderer of their own yet.
_OTHER_CSL_TYPES = frozenset(
    {
        "bill",
        "broadcast",
        "dataset",
        "figure",
        "graphic",
        "legal_case",
        "legislation",
        "map",
        "motion_picture",
        "musical_score",
        "patent",
        "software",
        "song",
        "speech",
        "standard",
        "treaty",
        "event",
        "hearing",
        "regulation",
        "performance",
        "periodical",
    }
)

# Chicago's locator abbreviations (CSL's en-US short terms, as the style prints them).
_LOCATOR_TERMS = {
    "page": ("p.", "pp."),
    "chapter": ("chap.", "chaps."),
    "section": ("sec.", "secs."),
    "paragraph": ("para.", "paras."),
    "note": ("n.", "nn."),
    "line": ("line", "lines"),
    "volume": ("vol.", "vols."),
    "figure": ("fig.", "figs."),
    "book": ("bk.", "bks."),
    "column": ("col.", "cols."),
    "folio": ("fol.", "fols."),
    "part": ("pt.", "pts."),
    "verse": ("v.", "vv."),
    "opus": ("op.", "opp."),
    "issue": ("no.", "nos."),
    "sub-verbo": ("s.v.", "s.vv."),
}

_ENGLISH = re.compile(r"^en\b", re.IGNORECASE)


# --- rich-text helpers ---------------------------------------------------------------------

Parts = list[Run]


def _t(text: str) -> Parts:
    return [Run(text)] if text else []


def _i(text: str) -> Parts:
    return [Run(text, italic=True)] if text else []


def _join(parts: Iterable[Parts], delimiter: str) -> Parts:
    out: Parts = []
    for part in parts:
        if not part:
            continue
        if out:
            # "eds." + ". " gives "eds. ", never "eds.. " (CSL's punctuation collapsing).
            if delimiter[0] == "." and out[-1].text.endswith("."):
                out.append(Run(delimiter[1:]))
            else:
                out.append(Run(delimiter))
        out.extend(part)
    return out


def _text_of(parts: Parts) -> str:
    return "".join(run.text for run in parts)


_MARKDOWN_ITALIC = re.compile(
    r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)([^_]+?)(?<!\s)_(?!\w)"
)


def markdown_runs(text: str) -> Parts:
    """The writer's commentary: `*text*` (or `_text_`) is italic, everything else roman."""
    if "*" not in text and "_" not in text:
        return _t(text)
    out: Parts = []
    pos = 0
    for match in _MARKDOWN_ITALIC.finditer(text):
        out.extend(_t(text[pos : match.start()]))
        out.extend(_i(match.group(1) or match.group(2)))
        pos = match.end()
    out.extend(_t(text[pos:]))
    return out


def runs_to_text(runs: Sequence[Run]) -> str:
    """Plain text of runs (italics dropped)."""
    return "".join(run.text for run in runs)


def _capitalize_first(parts: Parts) -> Parts:
    for index, run in enumerate(parts):
        if run.text.strip():
            stripped = run.text.lstrip()
            lead = run.text[: len(run.text) - len(stripped)]
            parts = list(parts)
            parts[index] = Run(
                lead + stripped[:1].upper() + stripped[1:], run.italic, run.small_caps
            )
            return parts
    return parts


def _comma_then(head: Parts, tail: str) -> Parts:
    """`head, tail` with Chicago's comma placement done here rather than by the general pass:
    “Title,” 34 (comma inside the quotes) and “Why?” 34 (no comma after ? ! or a period)."""
    last = head[-1]
    text = last.text
    closing = len(text) - len(text.rstrip("”’"))
    if not closing or (closing == len(text) and len(head) == 1):
        return [*head, Run(", " + tail)]
    body = text[: len(text) - closing]
    before = body[-1:] if body else _text_of(head[:-1])[-1:]
    quotes = text[len(text) - closing :]
    if "”" not in quotes:
        return [*head, Run(", " + tail)]  # a lone ’ may be an apostrophe: leave it to the pass
    if before in (".", "?", "!"):
        return [*head, Run(" " + tail)]
    return [*head[:-1], Run(body + "," + quotes, last.italic, last.small_caps), Run(" " + tail)]


_CLOSING_STOPS = (".”", "?”", "!”", ".’”", "?’”", "!’”")
# What the punctuation pass can act on; a note with none of these is left as it is.
_PUNCTUATION_PAIRS = ("”,", "”.", "’,", "’.", "..", "?.", "!.")


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Name:
    family: str = ""
    given: str = ""
    particle: str = ""  # non-dropping: "de" in "de Gaulle", kept in short forms
    dropping: str = ""  # dropping: "van" in "Ludwig van Beethoven", dropped from short forms
    suffix: str = ""
    literal: str = ""
    static: bool = False  # East Asian order: family name first, never inverted

    def note(self) -> str:
        if self.literal:
            return self.literal
        if self.static:
            return " ".join(p for p in (self.family, self.given) if p)
        return " ".join(
            p for p in (self.given, self.dropping, self.particle, self.family, self.suffix) if p
        )

    def short(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.particle, self.family) if p) or self.given

    def inverted(self) -> str:
        if self.literal or self.static or not self.given:
            return self.note()
        given = " ".join(p for p in (self.given, self.dropping, self.particle) if p)
        out = f"{self.family}, {given}"
        return f"{out}, {self.suffix}" if self.suffix else out

    def sort_key(self) -> str:
        if self.literal:
            return _collate(self.literal)
        return _collate(f"{self.family} {self.given} {self.particle} {self.dropping}")


def _parse_name(raw: Any, role: str, warnings: list[str]) -> _Name | None:
    if isinstance(raw, str):
        if raw.strip():
            warnings.append(f"{role} {raw!r} is a plain string, not a CSL name; printed as written")
            return _Name(literal=raw.strip())
        return None
    if not isinstance(raw, Mapping):
        warnings.append(f"{role} {raw!r} is not a name; left out")
        return None
    literal = str(raw.get("literal", "") or "").strip()
    family = str(raw.get("family", "") or "").strip()
    given = str(raw.get("given", "") or "").strip()
    if literal:
        return _Name(literal=literal)
    if not family and not given:
        warnings.append(
            f"{role} with no family name, given name or literal ({dict(raw)!r}); left out"
        )
        return None
    if not family:
        warnings.append(f"{role} {given!r} has no family name; printed as given")
        return _Name(literal=given)
    static = bool(raw.get("static-ordering"))
    return _Name(
        family=family,
        given=given,
        particle=str(raw.get("non-dropping-particle", "") or "").strip(),
        dropping=str(raw.get("dropping-particle", "") or "").strip(),
        suffix=str(raw.get("suffix", "") or "").strip(),
        static=static,
    )


def _names(
    item: Mapping[str, Any], key: str, warnings: list[str], item_id: str = ""
) -> list[_Name]:
    raw = item.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raw = [raw]
    role = f"{item_id}: {key}" if item_id else key
    parsed = [_parse_name(r, role, warnings) for r in raw]
    return [n for n in parsed if n is not None]


def _creator(item: _Item, names: Callable[[Sequence[_Name]], str]) -> str:
    """Who leads the entry: the authors; else the editors or translators, labelled."""
    if item.authors:
        return names(item.authors)
    if item.editors:
        return names(item.editors) + (", eds." if len(item.editors) > 1 else ", ed.")
    if item.translators:
        return names(item.translators) + ", trans."
    return ""


def _names_note(names: Sequence[_Name], *, et_al: bool = True) -> str:
    if not names:
        return ""
    if len(names) >= 3 and et_al:
        return f"{names[0].note()} et al."
    if len(names) == 1:
        return names[0].note()
    if len(names) == 2:
        return f"{names[0].note()} and {names[1].note()}"
    return ", ".join(n.note() for n in names[:-1]) + ", and " + names[-1].note()


def _names_short(names: Sequence[_Name], full: set[str]) -> str:
    def one(name: _Name) -> str:
        return name.note() if name.short() in full else name.short()

    if len(names) >= 3:
        return f"{one(names[0])} et al."
    return " and ".join(one(n) for n in names)


def _names_bib(names: Sequence[_Name]) -> str:
    if not names:
        return ""
    first = names[0].inverted()
    if len(names) == 1:
        return first
    if len(names) >= 7:
        # CMOS 18: with more than six authors, the bibliography lists three, then et al.
        return ", ".join([first] + [n.note() for n in names[1:3]]) + ", et al."
    rest = [n.note() for n in names[1:]]
    if len(names) == 2:
        return f"{first}, and {rest[0]}"
    return ", ".join([first, *rest[:-1]]) + ", and " + rest[-1]


# --- prepared items ------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    id: str
    family: str
    raw: Mapping[str, Any]
    authors: list[_Name]
    editors: list[_Name]
    translators: list[_Name]
    recipients: list[_Name]
    interviewers: list[_Name]
    title: str
    short_title: str
    quoted: bool
    date: tuple[int, int, int, str] | None  # year, month, day, season
    warnings: list[str] = field(default_factory=list)
    sort_key: tuple[str, ...] = ()
    styled: dict[str, Parts] = field(default_factory=dict)  # titles as runs, built once

    def get(self, key: str) -> str:
        value = self.raw.get(key)
        if value is None:
            return ""
        text = str(value).strip()
        return smart_quotes(text, nested=False) if "'" in text or '"' in text else text


def _parse_date(value: Any, warnings: list[str], key: str) -> tuple[int, int, int, str] | None:
    if not value:
        return None
    if isinstance(value, str):
        match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
        if not match:
            warnings.append(f"{key} {value!r} is not a date; left out")
            return None
        return int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0), ""
    if not isinstance(value, Mapping):
        warnings.append(f"{key} {value!r} is not a CSL date; left out")
        return None
    season = str(value.get("season", "") or "")
    parts = value.get("date-parts")
    if not parts:
        if value.get("raw"):
            return _parse_date(str(value["raw"]), warnings, key)
        if value.get("literal"):
            return 0, 0, 0, str(value["literal"])
        return None
    if not isinstance(parts, list) or not isinstance(parts[0], list):
        warnings.append(f"{key} {parts!r} is not a list of [year, month, day]; left out")
        return None
    try:
        first = [int(p) for p in parts[0]]
    except (TypeError, ValueError, OverflowError):
        warnings.append(f"{key} {parts!r} has non-numeric parts; left out")
        return None
    year, month, day = [*first, 0, 0, 0][:3]
    if month in SEASONS:
        season, month = SEASONS[month], 0
    if season.isdigit():
        season = SEASONS.get(int(season) + 20, "")
    if not 0 <= month <= 12:
        warnings.append(f"{key} has month {month}; left out")
        month = 0
    return year, month, day, season


def _date_text(date: tuple[int, int, int, str] | None, *, year_only: bool = False) -> str:
    if date is None:
        return ""
    year, month, day, season = date
    if not year:
        return season  # a literal date
    if year_only:
        return str(year)
    if month and day:
        return f"{MONTHS[month - 1]} {day}, {year}"
    if month:
        return f"{MONTHS[month - 1]} {year}"
    if season:
        return f"{season} {year}"
    return str(year)


def _derive_short_title(title: str) -> str:
    """Chicago's short title: the main title (no subtitle), cut to at most four words."""
    # The main title ends at a colon, or after a question or exclamation mark that a subtitle
    # follows ("Who Started It? The Origins of ..." -> "Who Started It?").
    main = _SUBTITLE.split(title, maxsplit=1)[0].rstrip(": ")
    words = main.split()
    if len(words) <= 4:
        return main
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    words = words[:4]
    while len(words) > 1 and words[-1].lower().strip(",;") in STOP_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;")


_SUBTITLE = re.compile(r":\s|(?<=[?!])\s+(?=[A-Z“‘\"'])")


def _is_english(item: Mapping[str, Any]) -> bool:
    language = str(item.get("language", "") or "")
    return not language or bool(_ENGLISH.match(language))


# --- the engine ----------------------------------------------------------------------------


class ChicagoEngine:
    """Chicago notes and bibliography for a set of CSL-JSON items.

    Pure: rendering never changes what the engine returns, so call `render_notes` again whenever
    the writer adds, removes or moves a note and the full/short/ibid forms follow the new order.
    The items are read once, at construction (later edits to the dicts are not seen): build a new
    engine when the metadata changes. Reusing one engine across renders is what makes the live
    preview cheap, since rendered citations and entries are kept.
    """

    def __init__(self, items: Mapping[str, Mapping[str, Any]], *, ibid: bool = False) -> None:
        self.ibid = ibid
        self._raw = dict(items)
        self._items: dict[str, _Item] = {}
        for item_id, raw in self._raw.items():
            self._items[item_id] = self._prepare(item_id, raw)
        # Short notes give a full name when two cited people share a surname (CSL's
        # disambiguate-add-givenname).
        people: dict[str, set[str]] = {}
        for item in self._items.values():
            for name in item.authors or item.editors or item.translators:
                people.setdefault(name.short(), set()).add(name.note())
        self._ambiguous = {short for short, fulls in people.items() if len(fulls) > 1}
        # Rendered citations by (citation, form, at note start): items never change after
        # construction, so re-rendering after a note moves reuses every unchanged citation.
        self._cite_cache: dict[tuple[Citation, str, bool], tuple[Parts, list[str]]] = {}
        self._bib_cache: dict[str, RichText] = {}

    # -- preparation

    def _prepare(self, item_id: str, raw: Any) -> _Item:
        warnings: list[str] = []
        if not isinstance(raw, Mapping):
            warnings.append(f"item {item_id!r} is not a CSL-JSON object")
            raw = {}
        raw = dict(raw)  # a snapshot: the caller may go on editing its own dict
        csl_type = str(raw.get("type", "") or "")
        family = _TYPE_FAMILY.get(csl_type)
        if family is None:
            if csl_type in _OTHER_CSL_TYPES:
                warnings.append(
                    f"{item_id}: type {csl_type!r} has no Chicago form of its own here;"
                    " formatted as a book"
                )
            elif csl_type:
                warnings.append(f"{item_id}: unknown type {csl_type!r}, formatted as a book")
            else:
                warnings.append(f"{item_id}: no type, formatted as a book")
            family = "book"
        authors = _names(raw, "author", warnings, item_id)
        editors = _names(raw, "editor", warnings, item_id)
        translators = _names(raw, "translator", warnings, item_id)
        recipients = _names(raw, "recipient", warnings, item_id)
        interviewers = _names(raw, "interviewer", warnings, item_id)
        title = str(raw.get("title", "") or "").strip()
        short = str(raw.get("title-short", "") or raw.get("shortTitle", "") or "").strip()
        if not title and family not in ("letter", "interview"):
            warnings.append(f"{item_id}: no title")
        english = _is_english(raw)
        # Dictionary headwords and entries cited "under" a reference work keep their own case.
        headword = family == "entry" and (csl_type == "entry-dictionary" or not authors)
        if english and title and not headword:
            title = title_case(title)
        if english and short and not headword:
            short = title_case(short)
        if not short and title:
            short = _derive_short_title(title)
        quoted = family in (
            "chapter",
            "entry",
            "article",
            "periodical",
            "thesis",
            "archival",
            "letter",
            "web",
            "interview",
        )
        date = _parse_date(raw.get("issued"), warnings, f"{item_id}: issued")
        if date is None and family not in ("web", "entry"):
            warnings.append(f"{item_id}: no date (printed n.d.)")
        item = _Item(
            id=item_id,
            family=family,
            raw=raw,
            authors=authors,
            editors=editors,
            translators=translators,
            recipients=recipients,
            interviewers=interviewers,
            title=title,
            short_title=short,
            quoted=quoted,
            date=date,
            warnings=warnings,
        )
        primary = authors or editors or translators
        substitute = ""
        if not primary and family in ("periodical", "web"):
            substitute = str(raw.get("container-title", "") or "")
        item.sort_key = (
            primary[0].sort_key() if primary else _strip_for_sort(substitute or title),
            " ".join(n.sort_key() for n in primary[1:]),
            _strip_for_sort(title),
            _date_text(date),
        )
        return item

    # -- pieces

    def _title(self, item: _Item, *, short: bool = False) -> Parts:
        key = "short" if short else "title"
        cached = item.styled.get(key)
        if cached is None:
            cached = item.styled[key] = self._styled_item_title(item, short)
        return list(cached)

    def _styled_item_title(self, item: _Item, short: bool) -> Parts:
        text = item.short_title if short else item.title
        if not text:
            if item.family in ("letter", "interview") or item.authors or item.editors:
                return []
            # With neither title nor author the citation would shrink to a date: say so in it.
            return [Run(f"[untitled: {item.id}]")]
        return _styled_title(text, item.quoted)

    def _container(self, item: _Item) -> Parts:
        cached = item.styled.get("container")
        if cached is None:
            cached = item.styled["container"] = self._styled_container(item)
        return list(cached)

    def _styled_container(self, item: _Item) -> Parts:
        container = item.get("container-title")
        if not container:
            return []
        if _is_english(item.raw):
            container = title_case(container)
        return _styled_title(container, quoted=False)

    def _creator_note(self, item: _Item) -> str:
        return _creator(item, _names_note)

    def _creator_bib(self, item: _Item) -> str:
        return _creator(item, _names_bib)

    def _secondary_note(self, item: _Item) -> list[Parts]:
        """ed. X, trans. Y after the title when the item has an author."""
        out: list[Parts] = []
        if item.authors and item.editors:
            out.append(_t("ed. " + _names_note(item.editors, et_al=False)))
        if (item.authors or item.editors) and item.translators:
            out.append(_t("trans. " + _names_note(item.translators, et_al=False)))
        return out

    def _secondary_bib(self, item: _Item) -> list[Parts]:
        out: list[Parts] = []
        if item.authors and item.editors:
            out.append(_t("Edited by " + _names_note(item.editors, et_al=False)))
        if (item.authors or item.editors) and item.translators:
            out.append(_t("Translated by " + _names_note(item.translators, et_al=False)))
        return out

    def _edition(self, item: _Item, capital: bool) -> str:
        edition = item.get("edition")
        if not edition:
            return ""
        if edition.isdigit():
            return f"{ordinal(int(edition))} ed."
        if capital:
            return edition[:1].upper() + edition[1:]
        return edition

    def _series(self, item: _Item) -> str:
        series = item.get("collection-title")
        if series and _is_english(item.raw):
            series = title_case(series)
        number = item.get("collection-number")
        return " ".join(p for p in (series, number) if p)

    def _publication(self, item: _Item) -> str:
        date = _date_text(
            item.date, year_only=item.family in ("book", "report", "chapter", "entry")
        )
        return ", ".join(p for p in (item.get("publisher"), date or "n.d.") if p)

    def _doi_url(self, item: _Item) -> str:
        doi = item.get("DOI")
        if doi:
            doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.IGNORECASE)
            return f"https://doi.org/{doi}"
        return item.get("URL")

    def _locator(self, citation: Citation, *, with_page_label: bool = False) -> str:
        locator = citation.locator.strip()
        if not locator:
            return ""
        label = citation.label or "page"
        if label in ("page", "line", "note", "column", "folio", "section", "paragraph", "figure"):
            locator = page_range(locator, abbreviate=label == "page")
        else:
            locator = page_range(locator, abbreviate=False)
        plural = bool(_PLURAL_LOCATOR.search(locator))
        if label == "page" and not with_page_label:
            return locator
        singular, many = _LOCATOR_TERMS.get(label, (label, label))
        return f"{many if plural else singular} {locator}"

    # -- full notes per type: (before locator, locator slot style, after locator)

    def _full_parts(self, item: _Item, citation: Citation) -> Parts:
        """The first-citation form, locator included."""
        family = item.family
        loc = self._locator(citation)
        # [-@id]: the writer named the author in the text already.
        creator = [] if citation.suppress_author else _t(self._creator_note(item))
        title = self._title(item)
        url = _t(self._doi_url(item))

        if family in ("book", "report"):
            volume = item.get("volume")
            described: list[Parts] = [creator, title]
            edition = self._edition(item, capital=False)
            has_secondary = bool(item.editors or item.translators)
            colon_volume = (
                bool(volume)
                and volume.isdigit()
                and not has_secondary
                and citation.label == "page"
                and bool(loc)
            )
            if family == "report":
                genre = item.get("genre")
                number = item.get("number")
                if genre or number:
                    described.append(_t(_report_number(genre, number)))
            described.append(_t(edition))
            if volume and not colon_volume:
                described.append(_t(f"vol. {volume}"))
            described.extend(self._secondary_note(item))
            described.append(_t(self._series(item)))
            head = _join(described, ", ")
            pub = _t(f" ({self._publication(item)})")
            if colon_volume:
                loc = f"{volume}:{loc}"
            return _join([head + pub, _t(loc), url], ", ")

        if family == "entry" and not item.authors and item.get("container-title"):
            # An unsigned entry in a well-known reference work: the work, its edition, "under"
            # the entry, and no publication facts (CMOS 17 14.130).
            accessed = ""
            if not item.date:
                accessed_date = _parse_date(item.raw.get("accessed"), [], "accessed")
                if accessed_date:
                    accessed = f"accessed {_date_text(accessed_date)}"
            under = [Run("under "), *title] if title else []
            edition = _t(self._edition(item, capital=False))
            return _join([self._container(item), edition, under, _t(loc), _t(accessed), url], ", ")

        if family in ("chapter", "entry"):
            container = self._container(item)
            in_part = [Run("in "), *container] if container else []
            described = [creator, title, in_part]
            volume = item.get("volume")
            # Volume and page join as 4:14 after the publication facts unless a name (an
            # editor, a translator) would come between them (CMOS 14.18, 14.20); otherwise the
            # volume follows the book's title.
            colon_volume = (
                volume.isdigit()
                and citation.label == "page"
                and bool(loc)
                and not (item.editors or item.translators)
            )
            if volume and not colon_volume:
                described.append(_t(f"vol. {volume}"))
            editors = item.editors if item.authors else []
            if editors:
                described.append(_t("ed. " + _names_note(editors, et_al=False)))
            if item.translators and item.authors:
                described.append(_t("trans. " + _names_note(item.translators, et_al=False)))
            described.append(_t(self._edition(item, capital=False)))
            described.append(_t(self._series(item)))
            head = _join(described, ", ")
            pub = _t(f" ({self._publication(item)})")
            if colon_volume:
                loc = f"{volume}:{loc}"
            return _join([head + pub, _t(loc), url], ", ")

        if family == "article":
            container = self._container(item)
            volume = item.get("volume")
            issue = item.get("issue")
            serial = list(container)
            if volume:
                serial += _t(f" {volume}")
            if issue:
                issue_term = "nos." if re.search(r"[-–,&]", issue) else "no."
                serial += _t(f", {issue_term} {issue}")
            # The style gives the month only when there is no issue number.
            date = _date_text(item.date, year_only=bool(issue)) or "n.d."
            serial += _t(f" ({date})")
            where = loc or page_range(item.get("page"))
            if where:
                serial += _t(f": {where}")
            described = [creator, title]
            described.extend(self._secondary_note(item))
            return _join([*described, serial, url], ", ")

        if family == "periodical":
            date = _date_text(item.date)
            return _join([creator, title, self._container(item), _t(date), _t(loc), url], ", ")

        if family == "thesis":
            genre = item.get("genre")
            publication = ", ".join(
                p
                for p in (
                    genre,
                    item.get("publisher"),
                    _date_text(item.date, year_only=True) or "n.d.",
                )
                if p
            )
            return _join(
                [_join([creator, title], ", ") + _t(f" ({publication})"), _t(loc), url], ", "
            )

        if family in ("archival", "letter"):
            described = [creator, title]
            if family == "letter":
                genre = item.get("genre") or "letter"
                if item.recipients:
                    described.append(_t(f"{genre} to {_names_note(item.recipients, et_al=False)}"))
                elif item.get("genre"):
                    described.append(_t(genre))
            described.append(_t(_date_text(item.date) or "n.d."))
            # Page, folio and column follow the shelfmark; other locators precede it (CMOS 14.127).
            after_shelfmark = citation.label in ("page", "folio", "column")
            if not after_shelfmark:
                described.append(_t(self._locator(citation)))
            described.append(_t(item.get("archive_location")))
            if after_shelfmark:
                described.append(_t(self._locator(citation, with_page_label=True)))
            described.append(_t(item.get("archive_collection")))
            archive = ", ".join(p for p in (item.get("archive"), item.get("archive-place")) if p)
            described.append(_t(archive))
            described.append(url)
            return _join(described, ", ")

        if family == "web":
            date = _date_text(item.date)
            accessed = ""
            if not date:
                accessed_date = _parse_date(item.raw.get("accessed"), item.warnings, "accessed")
                if accessed_date:
                    accessed = f"accessed {_date_text(accessed_date)}"
            container = item.get("container-title")
            return _join(
                [creator, title, _t(container), _t(date), _t(loc), _t(accessed), url], ", "
            )

        if family == "interview":
            described = [creator, title]
            if item.interviewers:
                described.append(_t(f"interview by {_names_note(item.interviewers, et_al=False)}"))
            else:
                described.append(_t("interview"))
            described.append(_t(_date_text(item.date)))
            described.append(_t(loc))
            described.append(_t(item.get("medium")))
            described.append(_t(item.get("archive")))
            described.append(url)
            return _join(described, ", ")

        raise AssertionError(family)  # every family is handled above

    def _short_parts(self, item: _Item, citation: Citation) -> Parts:
        # Everything before the locator depends on the item alone (and on [-@id]): built once.
        key = "short-head-bare" if citation.suppress_author else "short-head"
        head = item.styled.get(key)
        if head is None:
            head = item.styled[key] = self._short_head(item, citation.suppress_author)
        loc = self._locator(citation)
        volume = item.get("volume")
        if item.family == "book" and volume:
            if volume.isdigit() and citation.label == "page" and loc:
                loc = f"{volume}:{loc}"
            else:
                loc = ", ".join(p for p in (f"vol. {volume}", loc) if p)
        if not loc:
            return list(head)
        if not head:
            return _t(loc)
        return _comma_then(head, loc)

    def _short_head(self, item: _Item, suppress_author: bool) -> Parts:
        names = item.authors or item.editors or item.translators
        if suppress_author:
            creator: Parts = []
        elif names:
            creator = _t(_names_short(names, self._ambiguous))
        elif item.family == "periodical":
            creator = self._container(item)
        elif item.family == "web":
            creator = _t(item.get("container-title"))
        elif item.family == "entry":
            creator = self._container(item)
        else:
            creator = []
        title = self._title(item, short=True)
        if item.family == "entry" and title:
            title = [Run("under "), *title]
        if item.family == "interview" and not title:
            title = _t("interview")
        if item.family == "letter" and not title:
            # An untitled letter is known by its recipient and date: "letter to Mao, May 14, 1950".
            genre = item.get("genre") or "letter"
            described = []
            if item.recipients:
                described.append(_t(f"{genre} to {_names_short(item.recipients, set())}"))
            described.append(_t(_date_text(item.date)))
            title = _join(described, ", ")
        return _join([creator, title], ", ")

    def _bib_parts(self, item: _Item) -> Parts:
        family = item.family
        creator = _t(self._creator_bib(item))
        title = self._title(item)
        url = _t(self._doi_url(item))
        if family in ("book", "report"):
            blocks: list[Parts] = [creator, title]
            if family == "report":
                genre, number = item.get("genre"), item.get("number")
                if genre or number:
                    described_number = _report_number(genre, number).replace("no. ", "No. ")
                    blocks.append(_t(described_number))
            blocks.append(_t(self._edition(item, capital=True)))
            secondary = self._secondary_bib(item)
            if item.get("volume"):
                # "Vol. 2, edited by X": the volume and its editors read as one sentence.
                volume: Parts = _t(f"Vol. {item.get('volume')}")
                for part in secondary:
                    text = _text_of(part)
                    volume += _t(", " + text[:1].lower() + text[1:])
                blocks.append(volume)
            else:
                blocks.extend(secondary)
            blocks.append(_t(self._series(item)))
            blocks.append(_t(self._publication(item)))
            blocks.append(url)
            return _join(blocks, ". ")
        if family in ("chapter", "entry"):
            container = self._container(item)
            in_part: Parts = [Run("In "), *container] if container else []
            if item.get("volume"):
                in_part += _t(f", vol. {item.get('volume')}")
            if item.editors and item.authors:
                in_part += _t(", edited by " + _names_note(item.editors, et_al=False))
            if item.translators and item.authors:
                in_part += _t(", translated by " + _names_note(item.translators, et_al=False))
            blocks = [creator, title, in_part]
            blocks.append(_t(self._edition(item, capital=True)))
            blocks.append(_t(self._series(item)))
            blocks.append(_t(self._publication(item)))
            blocks.append(url)
            return _join(blocks, ". ")
        if family == "article":
            serial = list(self._container(item))
            volume, issue = item.get("volume"), item.get("issue")
            if volume:
                serial += _t(f" {volume}")
            if issue:
                issue_term = "nos." if re.search(r"[-–,&]", issue) else "no."
                serial += _t(f", {issue_term} {issue}")
            serial += _t(f" ({_date_text(item.date, year_only=bool(issue)) or 'n.d.'})")
            if item.get("page"):
                serial += _t(f": {page_range(item.get('page'))}")
            blocks = [creator, title, *self._secondary_bib(item), serial, url]
            return _join(blocks, ". ")
        if family == "periodical":
            if not creator and item.get("container-title"):
                # Unsigned: the periodical stands in the author's place.
                blocks = [self._container(item), title, _t(_date_text(item.date)), url]
                return _join(blocks, ". ")
            serial = _join([self._container(item), _t(_date_text(item.date))], ", ")
            return _join([creator, title, serial, url], ". ")
        if family == "thesis":
            genre = item.get("genre")
            genre = genre[:1].upper() + genre[1:]
            publication = ", ".join(
                p
                for p in (
                    genre,
                    item.get("publisher"),
                    _date_text(item.date, year_only=True) or "n.d.",
                )
                if p
            )
            return _join([creator, title, _t(publication), url], ". ")
        if family in ("archival", "letter"):
            blocks = [creator, title]
            if family == "letter":
                genre = item.get("genre") or "letter"
                genre = genre[:1].upper() + genre[1:]
                if item.recipients:
                    blocks.append(_t(f"{genre} to {_names_note(item.recipients, et_al=False)}"))
                elif item.get("genre"):
                    blocks.append(_t(genre))
            blocks.append(_t(_date_text(item.date) or "n.d."))
            location = item.get("archive_location")
            blocks.append(_t(location[:1].upper() + location[1:]))
            blocks.append(_t(item.get("archive_collection")))
            blocks.append(
                _t(", ".join(p for p in (item.get("archive"), item.get("archive-place")) if p))
            )
            blocks.append(url)
            return _join(blocks, ". ")
        if family == "web":
            date = _date_text(item.date)
            container = item.get("container-title")
            if not creator and container:
                # Unsigned: the site's owner or title stands in the author's place.
                creator, container = _t(container), ""
            tail = _join([_t(container), _t(date)], ", ")
            if not date:
                accessed = _parse_date(item.raw.get("accessed"), [], "accessed")
                if accessed:
                    tail = _join([tail, _t(f"Accessed {_date_text(accessed)}")], ". ")
            return _join([creator, title, tail, url], ". ")
        if family == "interview":
            blocks = [creator, title]
            if item.interviewers:
                blocks.append(_t(f"Interview by {_names_note(item.interviewers, et_al=False)}"))
            blocks.append(_t(_date_text(item.date)))
            medium = item.get("medium")
            blocks.append(_t(medium[:1].upper() + medium[1:]))
            blocks.append(_t(item.get("archive")))
            blocks.append(url)
            return _join(blocks, ". ")
        raise AssertionError(family)

    # -- public API

    def _unknown(self, item_id: str) -> RichText:
        return RichText(
            [Run(f"[unknown source: {item_id}]")],
            [f"no source with id {item_id!r} in the bibliography"],
        )

    def _cite(
        self, citation: Citation, form: str, warnings: list[str], *, at_start: bool = True
    ) -> Parts:
        key = (citation, form, at_start)
        cached = self._cite_cache.get(key)
        if cached is None:
            own: list[str] = []
            cached = (self._render_citation(citation, form, own, at_start), own)
            if len(self._cite_cache) > 50_000:
                self._cite_cache.clear()
            self._cite_cache[key] = cached
        warnings.extend(w for w in cached[1] if w not in warnings)
        return list(cached[0])

    def _render_citation(
        self, citation: Citation, form: str, warnings: list[str], at_start: bool
    ) -> Parts:
        item = self._items.get(citation.item_id)
        if item is None:
            warnings.append(f"no source with id {citation.item_id!r} in the bibliography")
            body: Parts = [Run(f"[unknown source: {citation.item_id}]")]
            if citation.locator:
                body.append(Run(f", {self._locator(citation)}"))
        else:
            warnings.extend(w for w in item.warnings if w not in warnings)
            warnings.extend(w for w in _locator_warnings(citation) if w not in warnings)
            if form == "full":
                body = self._full_parts(item, citation)
            elif form == "short":
                body = self._short_parts(item, citation)
            else:
                loc = self._locator(citation)
                opening = at_start and not citation.prefix
                body = [Run("Ibid." if opening else "ibid.")] + ([Run(f", {loc}")] if loc else [])
            if not body:
                body = [Run(f"[{citation.item_id}]")]
        if citation.prefix:
            prefix = markdown_runs(citation.prefix)
            # A note starts with a capital: "see" opening a note becomes "See".
            if at_start:
                prefix = _capitalize_first(prefix)
            body = [*prefix, Run(" "), *body]
        if citation.suffix:
            suffix = citation.suffix
            if suffix[0].isalnum() or suffix[0] in "*_":
                suffix = ", " + suffix
            body = [*body, *markdown_runs(suffix)]
        return body

    def _finish(self, parts: Parts, warnings: list[str]) -> RichText:
        runs = merge_runs(parts)
        text = "".join(run.text for run in runs)
        stripped = text.rstrip()
        if stripped and not (stripped[-1] in ".?!" or stripped.endswith(_CLOSING_STOPS)):
            last = runs[-1]
            if last.italic or last.small_caps:
                runs.append(Run("."))
            else:
                runs[-1] = Run(last.text + ".")
            text += "."
        if any(pair in text for pair in _PUNCTUATION_PAIRS):
            runs = punctuation_inside_quotes(runs)
        return RichText(runs, warnings)

    def full_note(self, citation: Citation) -> RichText:
        """The first-citation form of one citation, as a note of its own."""
        warnings: list[str] = []
        return self._finish(self._cite(citation, "full", warnings), warnings)

    def short_note(self, citation: Citation) -> RichText:
        """The shortened form of one citation, as a note of its own."""
        warnings: list[str] = []
        return self._finish(self._cite(citation, "short", warnings), warnings)

    def render_notes(self, notes: Sequence[Note]) -> list[RichText]:
        """Every note in order: full form at an item's first citation, short after, ibid if on."""
        seen: set[str] = set()
        previous: list[Citation] = []  # citations of the previous note (for ibid)
        out: list[RichText] = []
        for note in notes:
            warnings: list[str] = []
            parts: Parts = []
            current: list[Citation] = []
            for segment in note.segments:
                if isinstance(segment, str):
                    parts.extend(markdown_runs(segment))
                    continue
                group: list[Parts] = []
                for citation in segment:
                    if citation.item_id not in seen:
                        form = "full"
                    elif self.ibid and self._ibid_ok(citation, previous, current):
                        form = "ibid"
                    else:
                        form = "short"
                    at_start = not parts and not group
                    group.append(self._cite(citation, form, warnings, at_start=at_start))
                    if citation.item_id in self._items:
                        seen.add(citation.item_id)
                    current.append(citation)
                parts.extend(_join(group, "; "))
            if not note.segments:
                warnings.append("empty note")
            out.append(self._finish(parts, warnings))
            previous = current
        return out

    @staticmethod
    def _ibid_ok(citation: Citation, previous: list[Citation], current: list[Citation]) -> bool:
        # Ibid. points at the one source cited just before: the previous citation in this note,
        # or the previous note when it cites a single source.
        before = current[-1:] if current else previous
        if len(before) != 1 or before[0].item_id != citation.item_id:
            return False
        # Without a locator, "ibid." would claim the same page as before.
        return bool(citation.locator) or not before[0].locator

    def bibliography_entry(self, item_id: str) -> RichText:
        item = self._items.get(item_id)
        if item is None:
            return self._unknown(item_id)
        cached = self._bib_cache.get(item_id)
        if cached is None:
            cached = self._bib_cache[item_id] = self._finish(
                self._bib_parts(item), list(item.warnings)
            )
        # A fresh RichText each time: callers may annotate what they get.
        return RichText(list(cached.runs), list(cached.warnings))

    def bibliography(self, item_ids: Iterable[str] | None = None) -> list[RichText]:
        """Entries sorted as Chicago sorts them: by author, then title.

        Unknown ids get a visible placeholder entry at the end rather than disappearing.
        Unarchived interviews and personal communications have no entry (CMOS 14.111).
        """
        ids = list(dict.fromkeys(self._items if item_ids is None else item_ids))
        known = [self._items[i] for i in ids if i in self._items]
        unknown = [i for i in ids if i not in self._items]
        known = [item for item in known if self._has_bib_entry(item)]
        known.sort(key=lambda item: item.sort_key)
        return [self.bibliography_entry(item.id) for item in known] + [
            self._unknown(i) for i in unknown
        ]

    @staticmethod
    def _has_bib_entry(item: _Item) -> bool:
        if item.family in ("interview", "letter"):
            return bool(item.get("archive") or item.get("container-title"))
        if item.family == "entry":
            return bool(item.authors)
        return True

    def warnings(self, item_id: str) -> list[str]:
        """What is wrong with an item's metadata (empty when nothing)."""
        item = self._items.get(item_id)
        return list(item.warnings) if item else [f"no source with id {item_id!r}"]


_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_LOCATOR_WORDS = re.compile(r"[\s,–—\-&]+")
_PLURAL_LOCATOR = re.compile(r"[-–—,&]| and ")


def _locator_warnings(citation: Citation) -> list[str]:
    """Locators a reader could not follow: an unknown label, or no number in the locator."""
    out: list[str] = []
    label = citation.label or "page"
    if label not in _LOCATOR_TERMS:
        out.append(
            f"{citation.item_id}: locator label {label!r} is not one Chicago abbreviates"
            f" ({', '.join(sorted(_LOCATOR_TERMS))}); printed as written"
        )
    locator = citation.locator.strip()
    if (
        locator
        and not any(ch.isdigit() for ch in locator)
        and not all(_ROMAN.match(w) for w in _LOCATOR_WORDS.split(locator) if w)
    ):
        out.append(
            f"{citation.item_id}: locator {locator!r} has no page or section number;"
            " printed as written"
        )
    return out


def _report_number(genre: str, number: str) -> str:
    """ "Working Paper no. 31", "Working Paper R-123", "no. 68" (numeric numbers take "no.")."""
    numbered = f"no. {number}" if number.isdigit() else number
    return " ".join(p for p in (genre, numbered) if p)


def _collate(text: str) -> str:
    """A sort key that ignores case, accents and punctuation, as Unicode collation does:
    "Lüthi" files with "Luthi", "Shen-zhihua" after "Shengson"."""
    return _NOT_COLLATED.sub("", unicodedata.normalize("NFKD", text.casefold()))


_NOT_COLLATED = re.compile(r"[^\w ]|_")


def _strip_for_sort(text: str) -> str:
    return _collate(text)


def _styled_title(text: str, quoted: bool) -> Parts:
    """A title in quotes or italics; `<i>` markup and nested quotes handled."""
    text = smart_quotes(text, nested=quoted)
    if "<i>" not in text:
        return [Run("“"), Run(text), Run("”")] if quoted else [Run(text, italic=True)]
    pieces = re.split(r"(<i>.*?</i>)", text)
    base_italic = not quoted
    runs: Parts = []
    for piece in pieces:
        if not piece:
            continue
        if piece.startswith("<i>"):
            runs.append(Run(piece[3:-4], italic=not base_italic))
        else:
            runs.append(Run(piece, italic=base_italic))
    if quoted:
        return [Run("“"), *runs, Run("”")]
    return runs
