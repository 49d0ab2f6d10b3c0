"""Books, reports, chapters and reference entries (CMOS 18 14.100-14.132).

`full` gives the first-citation note with its locator, `bibliography` the entry.
"""

from __future__ import annotations

import re

from assistant.cite.items import Item
from assistant.cite.locators import has_volume, locator_text
from assistant.cite.model import Citation, Run
from assistant.cite.names import names_note, same_names
from assistant.cite.pieces import (
    accessed,
    archive_parts,
    container,
    creator_bib,
    creator_note,
    date_or_status,
    edition,
    generic_part,
    link,
    medium,
    number_of_volumes,
    original_title,
    page_follows_shelfmark,
    publication,
    publication_bib,
    report_number,
    secondary,
    series,
    series_designation,
    title,
    volume_title_parts,
)
from assistant.cite.richtext import Parts, join, lower_first, paren_parts, t, text_of

# A legislature's printed debates, cited by volume as CMOS 18's models for them give it
# ("Hansard Parliamentary Debates, 3rd ser., vol. 249 (1879), col. 611", "House of Commons
# Debates, … vol. 1 (…), 51", 14.193-14.196), never "1:51".
_DEBATES = re.compile(r"\b(?:Debates|Hansard)\b")


def _legislature_debates(item: Item) -> bool:
    """A legislature's own record of its debates: so titled, issued by a body (or unsigned),
    with no person as author or editor (Elliot's *Debates*, an edited book, is not one)."""
    people = [n for n in (*item.authors, *item.editors) if not n.literal]
    return bool(_DEBATES.search(item.title)) and not people


def _colon_volume(item: Item, citation: Citation, loc: str) -> bool:
    """Volume and page join as 2:334 when nothing comes between them (CMOS 14.118): no named
    volume title, no editor or translator named after the title, a page locator. Editors who
    lead the note stand before the title and are no obstacle ("Byrne, ed., *The Lisle
    Letters* (…), 4:243"); a chapter's editors are its book's and come after its title."""
    volume = item.get("volume")
    if item.family in ("chapter", "entry"):
        between = bool(item.editors or item.translators)
    else:
        # A report's number follows its volume ("vol. 1, Cmd. 7258"): it stands between.
        between = bool(secondary(item, bib=False)) or (
            item.family == "report" and bool(_report_described(item))
        )
    return (
        volume.isdigit()
        and not series_designation(item)
        and not _legislature_debates(item)
        and bool(loc)
        and (citation.label or "page") == "page"
        and not has_volume(citation)
        and not item.get("volume-title")
        and not between
    )


def _tail_note(item: Item, citation: Citation, loc: str) -> list[Parts]:
    """What follows the publication facts: locator, archival copy, medium, link."""
    if item.get("archive_location") or item.get("archive"):
        location, collection, archive = archive_parts(item)
        # Page, folio and column follow the shelfmark; other locators precede it (CMOS 14.127).
        # A document published in a book also held in an archive is cited by the book's page,
        # which goes with the book's facts, before the archival data: 14.127 puts a page
        # after the shelfmark only when the archival copy itself is cited. So is a book or
        # a report, whose pages are its own whichever copy was read ("NSC 162/2 (1953), 5,
        # box 6, ..."; a CREST copy's document number after the page).
        published = item.family != "chapter" or bool(item.get("container-title"))
        if location and (published or not page_follows_shelfmark(item, citation)):
            return [t(loc), location, collection, archive, t(medium(item, capital=False))]
        if location and loc:
            loc = locator_text(citation, with_page_label=True)
        if location:
            return [location, t(loc), collection, archive, t(medium(item, capital=False))]
        return [t(loc), collection, archive, t(medium(item, capital=False))]
    return [t(loc), t(medium(item, capital=False))]


def _other_book_author(item: Item) -> bool:
    """The book's author is named only when not the chapter's own (CMOS 14.107)."""
    return bool(item.container_authors) and not same_names(item.container_authors, item.authors)


def _report_described(item: Item) -> str:
    genre, number = item.get("genre"), item.get("number")
    return report_number(genre, number) if genre or number else ""


def full(item: Item, citation: Citation) -> Parts:
    family = item.family
    loc = locator_text(citation)
    # [-@id]: the writer named the author in the text already.
    creator = [] if citation.suppress_author else t(creator_note(item))
    url = t(link(item))
    volume = item.get("volume")

    if item.in_known_reference_work:
        # An entry in a well-known reference work: the work, its edition, "under" the entry,
        # its author after it with "by", and no publication facts (CMOS 18 14.130).
        entry_title = title(item)
        under = [Run("under "), *entry_title] if entry_title else []
        if item.authors and not citation.suppress_author:
            under = join([under, t("by " + names_note(item.authors))], ", ")
        # An online reference work's entry is dated by its revision (CMOS 14.130, 14.104):
        # "last modified November 20, 2026" (Zotero's Wikipedia translator files it as issued).
        revised = ""
        if item.get("URL") and item.date and item.date.start and item.date.start.day:
            revised = f"last modified {item.date.text()}"
        return join(
            [
                container(item),
                t(edition(item, capital=False)),
                under,
                t(revised),
                t(loc),
                t(accessed(item, capital=False)),
                url,
            ],
            ", ",
        )

    colon = _colon_volume(item, citation, loc)
    generic = generic_part(item)
    # "Alfred W. Crosby, foreword to *Ecological Imperialism*": a generic part is named, not
    # quoted, and leads into its book (CMOS 14.110).
    described: list[Parts] = [creator] if generic else [creator, title(item)]
    if family in ("chapter", "entry"):
        book = container(item)
        if book:
            in_part = [Run(f"{generic} to " if generic else "in "), *book]
            if _other_book_author(item):
                in_part += t(", by " + names_note(item.container_authors))
            described.append(in_part)
        named_volume = volume_title_parts(item, bib=False)
        in_volume = bool(named_volume or (volume and not colon))
        if in_volume:
            # "in *Dictionary*, 3rd ed., vol. 2, ed. X": the edition is the whole work's, the
            # volume one of it (CMOS 14.117), its editors after it as in a book (below).
            described.append(t(edition(item, capital=False)))
        described.append(named_volume or (t(f"vol. {volume}") if in_volume else []))
        described.extend(secondary(item, bib=False))
        if not in_volume:
            described.append(t(edition(item, capital=False)))
    else:
        named_volume = volume_title_parts(item, bib=False)
        in_volume = bool(named_volume or (volume and not colon))
        if not in_volume:
            # Editor or translator, then the edition (CMOS 14.2's order of elements: "trans.
            # Patrick Smith, 4th ed."); with a volume the editors go with it, below.
            described.extend(secondary(item, bib=False))
        # "3rd ed., vol. 2, *Global Power*": the edition is of the whole work (CMOS 14.117).
        described.append(t(edition(item, capital=False)))
        if named_volume:
            described.append(named_volume)
        if volume and not colon and not named_volume:
            described.append(t(_series_then(item, f"vol. {volume}")))
        if in_volume:
            described.extend(secondary(item, bib=False))
        if family == "report":
            # The report's number goes with its series, after the editor and the edition
            # (CMOS 14.123): "ed. J. Smith, NASA SP-4105, NASA History Series". A volume of a
            # report comes first, the number being that volume's own (each volume of a
            # command paper has its own Cmd. number): "vol. 1, Cmd. 7258" (14.116).
            described.append(t(_report_described(item)))
        # A multivolume work cited as a whole (no locator, or a chapter or section of it):
        # "2 vols." before the facts (CMOS 14.116); a page belongs to one volume.
        if not citation.locator.strip() or (citation.label or "page") != "page":
            described.append(t(number_of_volumes(item)))
    if not _designation_placed(item, described):
        described.append(t(series(item)))
    head = join(described, ", ")
    if family == "chapter" and not item.get("container-title") and _event(item):
        date = date_or_status(item, year_only=False)
        # An unpublished paper: its occasion runs on after the title (CMOS 18 14.115).
        head = join([creator, title(item), t(_presented(item)), t(date)], ", ")
    else:
        facts = t(publication(item))
        original = original_title(item, bib=False)
        if original:
            facts = [*facts, Run("; "), *original]
        head = head + paren_parts(facts)
    if colon:
        loc = f"{volume}:{loc}"
    seen = t(accessed(item, capital=False)) if url else []
    return join([head, *_tail_note(item, citation, loc), seen, url], ", ")


def _event(item: Item) -> str:
    return item.get("event-title") or item.get("event")


def _presented(item: Item) -> str:
    """A conference paper published nowhere: "paper presented at ..." (CMOS 14.115)."""
    genre = lower_first(item.get("genre")) or "paper presented at"
    if "present" not in genre and not genre.endswith((" at", " to", " before")):
        genre += " presented at"  # Zotero's "Paper", "Poster": what was presented, and where
    event = _event(item)
    return " ".join(p for p in (genre, event) if p) + (
        f", {item.get('event-place')}" if item.get("event-place") else ""
    )


def bibliography(item: Item) -> Parts:
    family = item.family
    creator = t(creator_bib(item))
    url = t(link(item))
    volume = item.get("volume")
    sentences: list[Parts]
    if family in ("book", "report") or (family == "entry" and not item.get("container-title")):
        sentences = [creator, title(item)]
        responsibility = secondary(item, bib=True)
        named_volume = volume_title_parts(item, bib=True)
        if not (named_volume or volume):
            # "Translated by X. 4th ed.": editor or translator before the edition (CMOS 14.2).
            sentences.extend(responsibility)
        sentences.append(t(edition(item, capital=True)))
        if named_volume or volume:
            # "Vol. 2, edited by X": the volume and its editors read as one sentence.
            volume_parts = named_volume or t(_series_then(item, f"Vol. {volume}"))
            for part in responsibility:
                text = text_of(part)
                volume_parts = volume_parts + t(", " + text[:1].lower() + text[1:])
            sentences.append(volume_parts)
        if family == "report":
            # "Working Paper No. 47" in the bibliography, as the CSL style prints it (CMOS says
            # nothing; the note keeps "no."), with its series after the editor, the edition
            # and the volume it numbers (CMOS 14.123, 14.116).
            sentences.append(t(_report_described(item).replace("no. ", "No. ")))
        sentences.append(t(number_of_volumes(item)))
    else:
        book = container(item)
        generic = generic_part(item)
        lead = f"{generic.capitalize()} to " if generic else "In "
        in_part: Parts = [Run(lead), *book] if book else []
        if _other_book_author(item) and in_part:
            in_part += t(", by " + names_note(item.container_authors))
        named_volume = volume_title_parts(item, bib=False)
        edition_in_part = bool(
            in_part and (named_volume or volume) and edition(item, capital=False)
        )
        if edition_in_part:
            # "In *Dictionary*, 3rd ed., vol. 2, edited by X." (CMOS 14.117), as in the note.
            in_part += t(", " + edition(item, capital=False))
        if named_volume and in_part:
            in_part += [Run(", "), *named_volume]
        elif volume and in_part:
            in_part += t(f", vol. {volume}")
        for part in secondary(item, bib=True):
            text = text_of(part)
            if in_part:
                in_part += t(", " + text[:1].lower() + text[1:])
        sentences = [creator, in_part] if generic and in_part else [creator, title(item), in_part]
        if not book and _event(item):
            presented = _presented(item)
            date = date_or_status(item, year_only=False)
            sentences.append(t(f"{presented[:1].upper()}{presented[1:]}, {date}"))
            sentences.extend([*archive_parts(item, bib=True), url])
            return join(sentences, ". ")
        if not edition_in_part:
            sentences.append(t(edition(item, capital=True)))
        sentences.append(t(number_of_volumes(item)))
    if not _designation_placed(item, sentences):
        sentences.append(t(series(item)))
    sentences.append(t(publication_bib(item)))
    sentences.append(original_title(item, bib=True))
    sentences.extend(
        archive_parts(item, bib=True) if family in ("book", "report", "chapter") else []
    )
    sentences.append(t(medium(item, capital=True)))
    if url:
        sentences.append(t(accessed(item, capital=True)))
    sentences.append(url)
    return join(sentences, ". ")


def _series_then(item: Item, volume: str) -> str:
    """ "2nd ser., vol. 36": a series designation before the volume it numbers (CMOS 14.126);
    lowercase even first in a sentence of the bibliography, an abbreviation as written."""
    designation = series_designation(item)
    if not designation:
        return volume
    return f"{designation}, {volume[:1].lower()}{volume[1:]}"


def _designation_placed(item: Item, parts: list[Parts]) -> bool:
    """Whether _series_then already set the series designation before the volume."""
    designation = series_designation(item)
    return bool(designation) and any(f"{designation}, " in text_of(part) for part in parts)
