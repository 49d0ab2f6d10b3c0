"""A CSL-JSON item prepared once for rendering: names parsed, titles cased, dates read.

Each CSL type maps to a family, and each family has its renderer module (books, periodicals,
archival, web, other). Preparing is where bad metadata is noticed: every problem becomes a
warning on the item, and the item still renders.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.cite.dates import Date, parse_date
from assistant.cite.names import (
    Name,
    east_asian_order,
    parse_names,
    same_names,
    vietnamese_order,
    without_script,
)
from assistant.cite.ranges import number_ranges
from assistant.cite.record_fields import cleaned
from assistant.cite.richtext import Parts, hide_tags, show_tags
from assistant.cite.short_titles import derive_short_title, record_short_title, subtitle_of
from assistant.cite.titles import (
    case_title,
    is_english,
    language_code,
    reads_english,
    translation_sentence_style,
)
from assistant.cite.typography import catalogue_em_dashes, smart_quotes

# CSL types this engine knows, mapped to the family that renders them.
TYPE_FAMILY = {
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
    "review-book": "article",
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
    "speech": "event",
    "presentation": "event",
    "performance": "performance",
    "event": "performance",
    "motion_picture": "film",
    "broadcast": "broadcast",
    "song": "song",
    "musical_score": "book",
    "graphic": "artwork",
    "map": "map",
    "figure": "chapter",
    "periodical": "issue",
    "legal_case": "legal",
    "legislation": "legal",
    "regulation": "legal",
    "bill": "legal",
    "treaty": "legal",
    "hearing": "hearing",
    "patent": "technical",
    "standard": "technical",
    "software": "technical",
    "dataset": "technical",
}
# Who leads in the author's place when a record names no author, in that order.
_STAND_INS = {
    "motion_picture": ("director",),
    "musical_score": ("composer",),
    "song": ("composer", "performer"),
}
# Titles set in roman, neither quoted nor italic: names of cases, statutes, treaties, patents.
ROMAN_TYPES = frozenset({"legal_case", "legislation", "regulation", "bill", "treaty", "patent"})
# Titles printed as written, never headline-cased: a social-media post is quoted as posted
# (CMOS 18 14.106).
AS_WRITTEN_TYPES = frozenset({"post"})

# Families whose titles go in quotation marks (the rest are italic).
_QUOTED = frozenset(
    {
        "chapter",
        "entry",
        "article",
        "periodical",
        "thesis",
        "archival",
        "letter",
        "web",
        "interview",
        "event",
    }
)


@dataclass(slots=True)
class Item:
    id: str
    family: str
    csl_type: str
    raw: Mapping[str, Any]
    english: bool
    language: str
    authors: list[Name]
    editors: list[Name]
    translators: list[Name]
    recipients: list[Name]
    interviewers: list[Name]
    container_authors: list[Name]
    title: str
    short_title: str
    quoted: bool
    date: Date | None
    original_date: Date | None
    accessed: Date | None
    warnings: list[str] = field(default_factory=list)
    # A letter printed in a collection, dated by the record's `original-date` (Zotero's
    # letter has no container, so writers put the book's year in `issued`): the letter's own
    # date, not a reprint's original (CMOS 14.111).
    document_date: Date | None = None
    styled: dict[str, Parts] = field(default_factory=dict)  # titles as runs, built once
    fields: dict[str, str] = field(default_factory=dict)  # `get` results, read once

    def get(self, key: str) -> str:
        """A text field, trimmed, its straight quotes curled ("" when absent)."""
        cached = self.fields.get(key)
        if cached is None:
            value = self.raw.get(key)
            if value is None or isinstance(value, (dict, list)):
                cached = ""
            else:
                cached = str(value).strip()
                if "'" in cached or '"' in cached:
                    cached = smart_quotes(cached, nested=False)
            self.fields[key] = cached
        return cached

    def cased(self, key: str) -> str:
        """A title-like field (container, series, volume title) capitalized by its own
        language: a French journal keeps its case under an English article (CMOS 11.6)."""
        text = catalogue_em_dashes(self.get(key))
        english = reads_english(text, self.english)
        # A series, like a periodical, is a name typed as its publisher gives it ("Studien
        # zur Internationalen Geschichte"): German sentence style is for titles only.
        masthead = (key == "container-title" and self.family in ("article", "periodical")) or (
            key == "collection-title" and not english
        )
        return number_ranges(case_title(text, english, masthead=masthead))

    @property
    def editors_lead(self) -> bool:
        """Editors stand in the author's place: not for a chapter or document in an edited
        book, whose editors are the book's (the document leads with its title, CMOS 14.106)."""
        return not self.authors and bool(self.editors) and self.family not in ("chapter", "entry")

    @property
    def in_known_reference_work(self) -> bool:
        """An entry in a well-known reference work, cited in notes only by the work and
        "under" the entry, with no publication facts (CMOS 18 14.130): an unsigned one, or a
        signed one whose record gives no publisher, editor or volume (*Encyclopædia
        Britannica* online); an entry in an edited multivolume dictionary is cited as a
        chapter is."""
        if self.family != "entry" or not self.get("container-title"):
            return False
        if not self.authors:
            return True
        return not (self.get("publisher") or self.editors or self.get("volume"))

    @property
    def primary(self) -> list[Name]:
        """Who leads the entry: authors, else editors, else translators. An anonymous book in
        translation leads with its title (CMOS 14.79), its translator after it; an unsigned
        document a translator presents is known by the translator."""
        if self.authors:
            return self.authors
        if self.editors_lead:
            return self.editors
        return self.translators if self.translators_lead else []

    @property
    def translators_lead(self) -> bool:
        """The translator stands in the author's place (an unsigned document a translator
        presents in a journal, CMOS 14.104), not for an anonymous book, which leads with its
        title (CMOS 14.79), nor for a document in a digital archive, which leads with its
        title as a document in a published collection does (14.106), its translator after
        it."""
        return (
            bool(self.translators)
            and not self.authors
            and not self.editors
            and self.family not in ("book", "web")
        )

    @property
    def editor_translator(self) -> bool:
        """One person (or team) both edited and translated: "ed. and trans." (CMOS 14.104)."""
        return same_names(self.editors, self.translators)


_BRACKETED = re.compile(r"\s\[[^\[\]]+\]$")


def _curly(text: str) -> str:
    if "'" not in text and '"' not in text:
        return text
    hidden, tags = hide_tags(text)
    return show_tags(smart_quotes(hidden, nested=False), tags)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


_VIDEO_PLATFORMS = {"youtube": "YouTube", "youtu.be": "YouTube", "vimeo": "Vimeo"}


def video_platform(raw: Mapping[str, Any]) -> str:
    """ "YouTube" for a video posted there (its URL, or the platform Zotero's translator
    records as source or container), else "" (CMOS 18 14.167 online videos)."""
    if raw.get("type") not in ("motion_picture", "broadcast"):
        return ""
    places = " ".join(
        str(raw.get(key) or "") for key in ("URL", "source", "container-title", "publisher")
    ).lower()
    return next((name for key, name in _VIDEO_PLATFORMS.items() if key in places), "")


def _quoted(family: str, csl_type: str, raw: Mapping[str, Any]) -> bool:
    """Whether the title goes in quotation marks: a part of something (an article, an
    episode of a series, a track of an album, a video posted on a platform)
    rather than a whole work."""
    if family == "film" and video_platform(raw):
        return True
    if family in ("broadcast", "song"):
        return bool(raw.get("container-title"))
    if family == "technical":
        # A data set is a freestanding publication, italic as a book (CMOS 18 14.176).
        return False
    return family in _QUOTED


def prepare(item_id: str, raw: Any) -> Item:
    warnings: list[str] = []
    if not isinstance(raw, Mapping):
        warnings.append(f"item {item_id!r} is not a CSL-JSON object")
        raw = {}
    # A snapshot (the caller may go on editing its own dict), its export quirks corrected.
    raw = cleaned(dict(raw))
    csl_type = str(raw.get("type", "") or "")
    family = TYPE_FAMILY.get(csl_type)
    if family is None:
        if csl_type:
            warnings.append(f"{item_id}: unknown type {csl_type!r}, formatted as a book")
        else:
            warnings.append(f"{item_id}: no type, formatted as a book")
        family = "book"
    if family == "book" and (
        raw.get("narrator") or "audiobook" in str(raw.get("medium", "")).casefold()
    ):
        # A book saved as its recording (Zotero's Book with a narrator or the medium
        # "Audiobook") is cited as the recording of it (CMOS 18 14.163).
        family = "song"
    published = raw.get("container-title") and raw.get("publisher")
    if published and (family == "archival" or (family == "letter" and raw.get("title"))):
        # A document or a titled letter published in a collection is cited as a chapter of
        # it (CMOS 14.106, 14.111), its archival signature after the page.
        family = "chapter"
    names = {
        key: parse_names(raw, key, warnings, item_id)
        for key in ("author", "editor", "translator", "recipient", "interviewer")
    }
    for stand_in in _STAND_INS.get(csl_type, ()):
        # A film is filed under its director (CMOS 14.165), a score or a recording with no
        # author under its composer, else its performer (14.163-14.164): Zotero's export
        # writes them as CSL `director`, `composer`, `performer`.
        if not names["author"]:
            names["author"] = parse_names(raw, stand_in, warnings, item_id)
    container_authors = parse_names(raw, "container-author", warnings, item_id)
    if language_code(raw) in ("zh", "ja", "ko"):
        unflagged = {
            key
            for key in names
            if not any(
                isinstance(n, Mapping) and "static-ordering" in n for n in _as_list(raw.get(key))
            )
        }
        for key in unflagged:
            names[key] = east_asian_order(names[key])
        container_authors = east_asian_order(container_authors)
    # A name the library left in Western order is read as Vietnamese only when unflagged.
    flagged_western = {
        key
        for key in names
        if any(
            isinstance(n, Mapping) and n.get("static-ordering") is False
            for n in _as_list(raw.get(key))
        )
    }
    vietnamese_work = language_code(raw) == "vi"
    for key in names:
        if key not in flagged_western:
            names[key] = vietnamese_order(names[key], vietnamese_work)
    container_authors = vietnamese_order(container_authors, vietnamese_work)
    title = str(raw.get("title", "") or "").strip()
    short = str(raw.get("title-short", "") or raw.get("shortTitle", "") or "").strip()
    # An unpublished document is cited by its description when it has no title (14.127).
    described = family == "archival" and raw.get("genre")
    untitled_ok = family in ("letter", "interview") or described or raw.get("reviewed-title")
    if not title and not untitled_ok:
        warnings.append(f"{item_id}: no title")
    # Ranges first: a double hyphen between numbers is an en dash, between words an em dash.
    title = catalogue_em_dashes(number_ranges(_curly(title)))
    short = catalogue_em_dashes(number_ranges(_curly(short)))
    english = is_english(raw)
    # Dictionary headwords and entries cited "under" a reference work keep their own case.
    headword = family == "entry" and (csl_type == "entry-dictionary" or not names["author"])
    if not headword and csl_type not in AS_WRITTEN_TYPES:
        # A case name is printed as the reporter prints it, "In re Debs", "Ex parte
        # Milligan", "ex rel." (Bluebook 10.2, CMOS 18 14.174): tidied, never headline-cased.
        headline = english and csl_type != "legal_case"
        title = case_title(title, headline, language=language_code(raw))
        translation = _BRACKETED.search(title)
        if translation and not english:
            # A translation of the title the record typed in headline style is set in
            # sentence style (CMOS 18 14.88).
            before = title[: translation.start()]
            inner = translation.group(0).strip()[1:-1]
            title = f"{before} [{translation_sentence_style(inner, before)}]"
        short = case_title(short, headline, language=language_code(raw))
    language = language_code(raw)
    if short:
        if not headword and family != "legal" and csl_type not in AS_WRITTEN_TYPES:
            short = record_short_title(short, language)
    elif title:
        # A translation given in brackets after the title is no part of the short title.
        surnames = [n.family or n.literal for key in ("author", "editor") for n in names[key]]
        # Nor is the title in its own script after the romanized one (14.30, 11.83).
        own = without_script(_BRACKETED.sub("", title))
        short = derive_short_title(own, language, surnames)
    issued = raw.get("issued")
    if raw.get("season") and isinstance(issued, Mapping) and not issued.get("season"):
        # Exports that write the season of an issue beside the date rather than in it (a
        # top-level `season`) still date the issue by it: "(Summer 1987)" (CMOS 18 14.171).
        issued = {**issued, "season": raw["season"]}
    date = parse_date(issued, warnings, f"{item_id}: issued")
    if date is None and raw.get("event-date"):
        # A talk or performance dated only by its occasion (CSL 1.0.2 `event-date`).
        date = parse_date(raw.get("event-date"), warnings, f"{item_id}: event-date")
    if date is None and family not in ("web", "entry") and not raw.get("status"):
        warnings.append(f"{item_id}: no date (printed n.d.)")
    original = parse_date(raw.get("original-date"), warnings, f"{item_id}: original-date")
    letter_date = (
        original
        if family == "letter" and raw.get("container-title") and original and original.start
        else None
    )
    return Item(
        id=item_id,
        family=family,
        csl_type=csl_type,
        raw=raw,
        english=english,
        language=language,
        authors=names["author"],
        editors=names["editor"],
        translators=names["translator"],
        recipients=names["recipient"],
        interviewers=names["interviewer"],
        container_authors=container_authors,
        title=title,
        short_title=short,
        quoted=_quoted(family, csl_type, raw),
        date=date,
        original_date=None if letter_date else original,
        document_date=letter_date,
        accessed=parse_date(raw.get("accessed"), warnings, f"{item_id}: accessed"),
        warnings=warnings,
    )


def distinct_short_titles(items: Mapping[str, Item]) -> None:
    """Two works of one author whose derived short titles coincide are told apart by the
    subtitle of the one that has it (CMOS 14.30: "Khrushchev Remembers" and "Khrushchev
    Remembers: The Last Testament" become *Khrushchev Remembers* and *Last Testament*). A
    writer's own `title-short` is never changed."""
    groups: dict[tuple[tuple[str, ...], str], list[Item]] = defaultdict(list)
    for item in items.values():
        if item.short_title:
            names = tuple(n.short() for n in item.primary)
            groups[(names, item.short_title.casefold())].append(item)
    for group in groups.values():
        if len(group) < 2 or len({item.title for item in group}) < 2:
            continue
        for item in group:
            if item.raw.get("title-short") or item.raw.get("shortTitle"):
                continue
            subtitle = subtitle_of(_BRACKETED.sub("", item.title))
            if subtitle:
                item.short_title = derive_short_title(subtitle, item.language)
                item.styled.clear()
