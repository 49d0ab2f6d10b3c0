"""Manuscripts and archival documents, letters and telegrams, interviews (CMOS 18 14.110-14.111,
14.119-14.129)."""

from __future__ import annotations

from assistant.cite.items import Item
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation, Run
from assistant.cite.names import names_note
from assistant.cite.periodicals import journal_facts, pages, periodical_name, serial
from assistant.cite.pieces import (
    archive_parts,
    container,
    creator_bib,
    creator_note,
    link,
    medium,
    page_follows_shelfmark,
    publication,
    publication_bib,
    secondary,
    title,
)
from assistant.cite.richtext import Parts, capitalize, join, lower_first, paren, t, text_of


def _letter_described(item: Item, *, bib: bool) -> Parts:
    """ "telegram to Kim Il Sung" (the genre, lowercase in a note, and its recipient)."""
    genre = item.get("genre") or "letter"
    # A description, not a title: lowercase run on in a note (CMOS 14.111, 14.127: "memorandum
    # to James E. Webb"), capitalized opening a sentence of the bibliography.
    genre = capitalize(genre) if bib else lower_first(genre)
    if item.recipients:
        return t(f"{genre} to {names_note(item.recipients, et_al=False)}")
    return t(genre) if item.get("genre") else []


def _letter_date(item: Item) -> str:
    """A published letter's own date: its `original-date` when the record dates the book by
    `issued`, else `issued`."""
    date = item.document_date or item.date
    return date.text() if date else ""


def _in_journal(item: Item) -> bool:
    """An interview printed in a journal: a container with a volume or an issue."""
    return bool(item.get("container-title") and (item.get("volume") or item.get("issue")))


def _in_book(item: Item) -> bool:
    """An interview printed in a book: a container with a publisher (an online collection of
    oral histories has none)."""
    return bool(item.get("container-title") and item.get("publisher"))


def _in_newspaper(item: Item) -> bool:
    """A letter or interview printed in a newspaper or magazine cited by its date: a container
    with neither volume, issue nor publisher, and a page or no URL (an online collection of
    oral histories has a URL and no pages)."""
    return bool(
        item.get("container-title")
        and not (item.get("volume") or item.get("issue") or item.get("publisher"))
        and (item.get("page") or not item.get("URL"))
    )


def _newspaper_facts(item: Item, loc: str) -> Parts:
    """ "*New York Times*, July 2, 1950": the paper and the day (CMOS 18 14.110, 14.192)."""
    date = item.date.text() if item.date else ""
    return join([periodical_name(item), t(date), t(loc)], ", ")


def _date(item: Item) -> str:
    return (item.date.text() if item.date else "") or "n.d."


def _published_in(item: Item, loc: str, *, bib: bool) -> Parts:
    """Where a published interview or letter appears: a journal ("*Chinese Historians* 6,
    no. 1 (1993): 96") or a book ("in *The Adams-Jefferson Letters*, ed. Lester J. Cappon
    (University of North Carolina Press, 1959), 2:488", CMOS 18 14.110-14.111)."""
    if (item.get("volume") and not item.get("publisher")) or item.get("issue"):
        where = loc if not bib else pages(item)
        return serial(item) + (t(f": {where}") if where else [])
    book = [Run("In " if bib else "in "), *container(item)]
    for part in secondary(item, bib=bib):
        text = text_of(part)
        book += t(", " + (text[:1].lower() + text[1:] if bib else text))
    facts = publication(item)
    if bib:
        return join([book, t(facts)], ". ")
    return join([book + (paren(facts) if facts else []), t(loc)], ", ")


def _interview_or_letter(item: Item, *, bib: bool = False) -> list[Parts]:
    """What the piece is: "letter to the editor", "interview by Harrison E. Salisbury"."""
    if item.family == "letter":
        return [_letter_described(item, bib=bib)]
    if item.interviewers:
        by = names_note(item.interviewers, et_al=False)
        return [t(("Interview by " if bib else "interview by ") + by)]
    kind = item.get("genre") or "interview"
    return [t(capitalize(kind) if bib else kind.lower())]


def full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    url = t(link(item))
    location, collection, archive = archive_parts(item)
    if _in_newspaper(item) and item.family in ("letter", "interview"):
        # "Reinhold Niebuhr, letter to the editor, *New York Times*, July 2, 1950" (14.192).
        described = [creator, title(item), *_interview_or_letter(item)]
        published = _newspaper_facts(item, locator_text(citation))
        return join([*described, published, location, collection, archive, url], ", ")
    if item.get("container-title") and item.family == "letter":
        described = [creator, title(item), _letter_described(item, bib=False)]
        described.append(t(_letter_date(item)))
        published = _published_in(item, locator_text(citation), bib=False)
        return join([*described, published, location, collection, archive, url], ", ")
    if item.family == "interview":
        described = [creator, title(item)]
        if item.interviewers:
            described.append(t(f"interview by {names_note(item.interviewers, et_al=False)}"))
        else:
            described.append(t(item.get("genre").lower() or "interview"))
        if _in_journal(item):
            # Published in a journal: the journal's facts as an article gives them (14.171).
            where = locator_text(citation) or pages(item)
            return join([*described, journal_facts(item, where), location, archive, url], ", ")
        if _in_book(item):
            # Published in a book: "in *Book*, ed. X (Publisher, 1985), 104" (CMOS 14.106).
            book = join([[Run("in "), *container(item)], *secondary(item, bib=False)], ", ")
            head = join([*described, book], ", ") + paren(publication(item))
            loc = locator_text(citation)
            return join([head, t(loc), location, collection, archive, url], ", ")
        # An online collection of oral histories given as the container stands where an
        # archive's collection would, in roman.
        collection = collection or t(item.get("container-title"))
        date = item.date.text() if item.date else ""
        return join(
            [
                *described,
                t(date),
                # The page is the transcript's: "March 25, 1975, transcript, 42" (CMOS 18
                # 14.113, the medium with the facts of the recording it describes).
                t(medium(item, capital=False)),
                t(locator_text(citation)),
                location,
                collection,
                archive,
                url,
            ],
            ", ",
        )
    described = [creator, title(item)]
    if item.family == "letter":
        described.append(_letter_described(item, bib=False))
    elif item.get("genre"):
        # "ciphered telegram", "memorandum": what the document is (CMOS 14.120).
        described.append(t(lower_first(item.get("genre"))))
    # The institution that holds or issued an unpublished document (Zotero's "institution").
    described.append(t(item.get("publisher")))
    described.append(t(_date(item)))
    # Page, folio and column follow the shelfmark; other locators precede it (CMOS 14.127).
    after_shelfmark = page_follows_shelfmark(item, citation)
    if not after_shelfmark:
        described.append(t(locator_text(citation)))
    described.append(location)
    if after_shelfmark:
        described.append(t(locator_text(citation, with_page_label=bool(location))))
    described.extend([collection, archive, t(medium(item, capital=False)), url])
    return join(described, ", ")


def bibliography(item: Item) -> Parts:
    creator = t(creator_bib(item))
    url = t(link(item))
    location, collection, archive = archive_parts(item)
    if _in_newspaper(item) and item.family in ("letter", "interview"):
        described = [creator, title(item), *_interview_or_letter(item, bib=True)]
        published = _newspaper_facts(item, "")
        return join([*described, published, location, collection, archive, url], ". ")
    if item.get("container-title") and item.family == "letter":
        described = [creator, title(item)]
        letter = _letter_described(item, bib=True)
        described.append(join([letter, t(_letter_date(item))], ", "))
        published = _published_in(item, "", bib=True)
        return join([*described, published, location, collection, archive, url], ". ")
    if item.family == "interview":
        sentences = [creator, title(item)]
        if item.interviewers:
            sentences.append(t(f"Interview by {names_note(item.interviewers, et_al=False)}"))
        if _in_journal(item):
            sentences.append(journal_facts(item, pages(item)))
            return join([*sentences, location, archive, url], ". ")
        if _in_book(item):
            in_book = join([[Run("In "), *container(item)]], "")
            for part in secondary(item, bib=True):
                text = "".join(run.text for run in part)
                in_book += t(", " + text[:1].lower() + text[1:])
            sentences.extend([in_book, t(publication_bib(item))])
            return join([*sentences, location, collection, archive, url], ". ")
        collection = collection or t(item.get("container-title"))
        sentences.append(t(item.date.text() if item.date else ""))
        sentences.append(t(medium(item, capital=True)))
        sentences.extend([t(capitalize(location[0].text)) if location else [], collection, archive])
        sentences.append(url)
        return join(sentences, ". ")
    sentences = [creator, title(item)]
    if item.family == "letter":
        sentences.append(_letter_described(item, bib=True))
    elif item.get("genre"):
        sentences.append(t(capitalize(item.get("genre"))))
    date = _date(item)
    # "Ca. 1950." opens its sentence; "n.d." keeps its lowercase (CMOS 10.4).
    dated = t(capitalize(date) if date.startswith("ca.") else date)
    # Who issued or holds it and when, one publication sentence: "CIA Reading Room, June 28,
    # 1950."
    sentences.append(join([t(item.get("publisher")), dated], ", "))
    sentences.append(t(capitalize(location[0].text)) if location else [])
    sentences.extend([collection, archive, t(medium(item, capital=True)), url])
    return join(sentences, ". ")
