"""The citation audit, and the one list of problems the CLI and the Check pane show.

`audit_essay` finds what a reader of the footnotes would catch: quotations with no note, notes
without a page, cited items whose metadata cannot make a complete Chicago note, and consecutive
notes to the same place. `check_draft` adds the quote checker's findings and sorts everything in
reading order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assistant.check.borrowing import Borrowing, find_borrowings
from assistant.check.hand_notes import find_hand_citations
from assistant.check.quotations import (
    Quotation,
    block_layout,
    find_quotations,
    note_numbers,
    unclosed_quotation,
)
from assistant.check.quotes import QuoteCheck, QuoteChecker, short_title
from assistant.cite.engine import ChicagoEngine
from assistant.cite.labels import shared_short_forms, short_label
from assistant.cite.model import Citation, Note
from assistant.essay.model import Essay

Severity = Literal["error", "warning", "info"]

# Quotations this short without a note are usually a term or scare quotes ("Shift"), which
# need no citation; longer ones are someone's words and do.
MIN_UNCITED_WORDS = 4
_BOOKLIKE = {"book", "thesis", "report"}
_NEEDS_PAGES = {"article-journal", "article-magazine", "chapter", "paper-conference"}
_NEEDS_CONTAINER = {"article-journal", "article-magazine", "article-newspaper", "chapter"}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to fix, located in the draft.

    `kind` is one of: misquotation, wrong-source, quotation-not-found, wrong-page,
    unverifiable, no-note, unclosed-quotation, no-locator, unknown-source, missing-metadata,
    repeated-note, shared-short-title, hand-written-citation, unquoted-borrowing (their titles
    in KIND_TITLES).
    `block`/`start`/`end_block`/`end` are offsets into `Block.text` (the UI selects them);
    `paragraph` counts the draft's paragraphs and block quotations from 1, skipping headings;
    `note` is the note number, when a note is involved. `check` holds the quote checker's
    full finding (source wording, differences, corrected quotation) for quotation problems.
    """

    kind: str
    severity: Severity
    message: str
    block: int | None = None
    paragraph: int | None = None
    note: int | None = None
    start: int = 0
    end: int = 0
    end_block: int | None = None
    item_id: str | None = None
    check: QuoteCheck | None = None
    # For a hand-written-citation: the citation the note's text stands for.
    suggestion: Citation | None = None
    # For an unquoted-borrowing: the stretch, the source's wording and where it is.
    borrowing: Borrowing | None = None

    def location(self) -> str:
        parts = []
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.note is not None:
            parts.append(f"note {self.note}")
        return ", ".join(parts) or "draft"

    def headline(self) -> str:
        """What is wrong and where, short enough for one line of a narrow list."""
        return f"{KIND_TITLES.get(self.kind, self.kind)} · {self.location()}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


# The names a list of problems shows; the message says the rest.
KIND_TITLES = {
    "misquotation": "Misquoted",
    "wrong-source": "Quoted from another source",
    "quotation-not-found": "Not found in the source",
    "wrong-page": "Wrong page",
    "unverifiable": "Cannot be checked",
    "no-note": "Quotation without a note",
    "unclosed-quotation": "Quotation not closed",
    "no-locator": "Note without a page",
    "unknown-source": "Unknown source",
    "missing-metadata": "Source lacks details",
    "repeated-note": "Repeated note",
    "shared-short-title": "Two works, one short title",
    "hand-written-citation": "Citation typed by hand",
    "unquoted-borrowing": "Source wording not in quotation marks",
}


def paragraph_numbers(essay: Essay) -> list[int | None]:
    """Each block's paragraph number (None for headings)."""
    numbers: list[int | None] = []
    count = 0
    for block in essay.blocks:
        if block.kind == "heading":
            numbers.append(None)
        else:
            count += 1
            numbers.append(count)
    return numbers


def audit_essay(
    essay: Essay,
    items: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    quotations: list[Quotation] | None = None,
) -> list[Problem]:
    """Citation problems in the essay; `items` (CSL-JSON by id) defaults to its snapshot."""
    known: dict[str, Mapping[str, Any]] = dict(essay.items)
    known.update(items or {})
    paragraphs = paragraph_numbers(essay)
    problems: list[Problem] = []

    for quotation in quotations if quotations is not None else find_quotations(essay):
        if quotation.anchor is None and len(quotation.text.split()) >= MIN_UNCITED_WORDS:
            problems.append(
                Problem(
                    "no-note",
                    "error",
                    f"quotation “{_excerpt(quotation.text)}” has no note citing its source",
                    quotation.block,
                    paragraphs[quotation.block],
                    None,
                    quotation.start,
                    quotation.end,
                    quotation.end_block,
                )
            )
    for index, block in enumerate(essay.blocks):
        text, _ = block_layout(block)
        opening = unclosed_quotation(text) if block.kind != "heading" else None
        if opening is not None:
            problems.append(
                Problem(
                    "unclosed-quotation",
                    "warning",
                    f"quotation mark opened at “{_excerpt(text[opening:])}” is never closed",
                    index,
                    paragraphs[index],
                    None,
                    opening,
                    len(text),
                    index,
                )
            )

    numbers = note_numbers(essay)
    located = list(_anchor_places(essay))
    hand_written = {found.anchor_id: found for found in find_hand_citations(essay, known)}
    reported_items: set[str] = set()
    previous: tuple[int, int, Note, int] | None = None  # number, block, note, offset
    for block_index, offset, anchor in located:
        number = numbers[anchor.id]
        note = anchor.note
        paragraph = paragraphs[block_index]
        where = dict(block=block_index, paragraph=paragraph, note=number, start=offset, end=offset)
        typed = hand_written.get(anchor.id)
        if typed is not None:
            typed_item = known[typed.citation.item_id]
            page = f", {typed.citation.locator}" if typed.citation.locator else ""
            problems.append(
                Problem(
                    "hand-written-citation",
                    "info",
                    f"this note is typed text that cites {short_title(typed_item)}{page}: make "
                    "it a citation so it takes Chicago's full and short forms and enters the "
                    "bibliography",
                    item_id=typed.citation.item_id,
                    suggestion=typed.citation,
                    **where,
                )
            )
        for citation in note.citations:
            item = known.get(citation.item_id)
            if item is None:
                problems.append(
                    Problem(
                        "unknown-source",
                        "error",
                        f"cites “{citation.item_id}”, which is not in the library or bibliography",
                        item_id=citation.item_id,
                        **where,
                    )
                )
                continue
            if not citation.locator.strip():
                problems.append(
                    Problem(
                        "no-locator",
                        "warning",
                        f"cites {short_title(item)} without a page or other locator",
                        item_id=citation.item_id,
                        **where,
                    )
                )
            if citation.item_id not in reported_items:
                reported_items.add(citation.item_id)
                missing = missing_metadata(item)
                if missing:
                    problems.append(
                        Problem(
                            "missing-metadata",
                            "warning",
                            f"{short_title(item)} has no {_join(missing)}: the note and "
                            "bibliography entry will be incomplete",
                            item_id=citation.item_id,
                            **where,
                        )
                    )
        if previous is not None and previous[0] == number - 1:
            repeated = _same_place(previous[2], note)
            if repeated is not None:
                item = known.get(repeated.item_id, {})
                place = short_title(item) if item else repeated.item_id
                if repeated.locator:
                    place += f", {repeated.locator}"
                if previous[1] == block_index:
                    advice = "merge them into one note at the end of the passage"
                else:
                    advice = "the second could be shortened or the two merged"
                problems.append(
                    Problem(
                        "repeated-note",
                        "warning",
                        f"notes {number - 1} and {number} cite the same place ({place}): {advice}",
                        item_id=repeated.item_id,
                        **where,
                    )
                )
        previous = (number, block_index, note, offset)
    problems.extend(_shared_short_titles(located, numbers, known, paragraphs))
    return problems


def _shared_short_titles(
    located: list[tuple[int, int, Any]],
    numbers: Mapping[str, int],
    known: Mapping[str, Mapping[str, Any]],
    paragraphs: list[int | None],
) -> list[Problem]:
    """Two cited works whose short notes would read the same (CMOS 14.30): warned at the
    first citation of the second work, so the writer can give one a short title."""
    first_place: dict[str, tuple[int, int, int]] = {}
    for block_index, offset, anchor in located:
        for citation in anchor.note.citations:
            if citation.item_id in known:
                first_place.setdefault(citation.item_id, (block_index, offset, numbers[anchor.id]))
    if len(first_place) < 2:
        return []
    engine = ChicagoEngine({i: dict(known[i]) for i in first_place})
    out = []
    for group in shared_short_forms(engine, first_place):
        label = short_label(group[0], engine)
        block_index, offset, number = first_place[group[1]]
        out.append(
            Problem(
                "shared-short-title",
                "warning",
                f"{len(group)} cited works would all be “{label}” in short notes ("
                + ", ".join(group)
                + "): give one a short title in its metadata (title-short)",
                block_index,
                paragraphs[block_index],
                number,
                offset,
                offset,
                item_id=group[1],
            )
        )
    return out


def _anchor_places(essay: Essay):
    for index, block in enumerate(essay.blocks):
        _, anchors = block_layout(block)
        for offset, anchor in anchors:
            yield index, offset, anchor


def _same_place(first: Note, second: Note) -> Citation | None:
    """The citation two notes share when each is nothing but that one citation."""
    if len(first.citations) != 1 or len(second.citations) != 1:
        return None
    if any(isinstance(s, str) and s.strip() for s in (*first.segments, *second.segments)):
        return None  # commentary makes a note more than a reference
    a, b = first.citations[0], second.citations[0]
    if a.item_id != b.item_id or a.label != b.label:
        return None
    if _normal_locator(a.locator) != _normal_locator(b.locator):
        return None
    return b


def _normal_locator(locator: str) -> str:
    return re.sub(r"\s+", "", locator.replace("–", "-").replace("—", "-")).casefold()


def missing_metadata(item: Mapping[str, Any]) -> list[str]:
    """What a Chicago note needs from this item and it lacks."""
    missing = []
    kind = str(item.get("type", ""))
    if not str(item.get("title", "")).strip():
        missing.append("title")
    if not _has_date(item.get("issued")):
        missing.append("date")
    if kind in _BOOKLIKE and not str(item.get("publisher", "")).strip():
        missing.append("publisher" if kind != "thesis" else "university (publisher)")
    if kind in _NEEDS_CONTAINER and not str(item.get("container-title", "")).strip():
        missing.append("journal or book title (container-title)")
    if kind in _NEEDS_PAGES and not str(item.get("page", "")).strip():
        missing.append("page range")
    return missing


def _has_date(issued: Any) -> bool:
    if not issued:
        return False
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if parts and parts[0] and str(parts[0][0]).strip():
            return True
        return bool(str(issued.get("literal", "") or issued.get("raw", "")).strip())
    return bool(str(issued).strip())


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote_problems(checks: list[QuoteCheck], essay: Essay) -> list[Problem]:
    """The quote checker's findings that need the writer's attention, as problems."""
    paragraphs = paragraph_numbers(essay)
    kinds = {
        "mismatch": ("misquotation", "error"),
        "wrong-source": ("wrong-source", "error"),
        "not-found": ("quotation-not-found", "error"),
        "unverifiable": ("unverifiable", "info"),
    }
    problems = []
    for check in checks:
        if check.status == "ok":
            wrong = _wrong_page(check)
            if wrong is not None:
                quotation = check.quotation
                problems.append(
                    Problem(
                        "wrong-page",
                        "warning",
                        f"quotation “{_excerpt(quotation.text)}” is on p. {check.pages()} of "
                        f"the source, but the note cites {wrong}",
                        quotation.block,
                        paragraphs[quotation.block] if quotation.block < len(paragraphs) else None,
                        quotation.note_number,
                        quotation.start,
                        quotation.end,
                        quotation.end_block,
                        check.source_id,
                        check,
                    )
                )
            continue
        kind, severity = kinds[check.status]
        quotation = check.quotation
        where = "quotation in the note" if quotation.in_note else "quotation"
        message = f"{where} “{_excerpt(quotation.text)}” {check.message}"
        if check.place() and check.status == "mismatch":
            message += f" (closest passage: {check.place()})"
        problems.append(
            Problem(
                kind,
                severity,  # type: ignore[arg-type]
                message,
                quotation.block,
                paragraphs[quotation.block] if quotation.block < len(paragraphs) else None,
                quotation.note_number,
                quotation.start,
                quotation.end,
                quotation.end_block,
                check.source_id,
                check,
            )
        )
    return problems


def _wrong_page(check: QuoteCheck) -> str | None:
    """The note's page locator when the quotation was found on other pages, else None.

    Only for sources that know their printed pages (PDFs) and notes citing them by page.
    """
    if not check.page or check.quotation.anchor is None:
        return None
    found = {check.page, check.last_page or check.page}
    for citation in check.quotation.anchor.note.citations:
        if citation.item_id != check.source_id or citation.label != "page":
            continue
        cited = _page_set(citation.locator)
        if cited is None or cited & {page.lower() for page in found}:
            return None  # a locator we cannot read, or the right page: nothing to say
        return f"p. {citation.locator}"
    return None


def _page_set(locator: str) -> set[str] | None:
    """The pages a locator names ("41", "41–43", "41, 45"), or None if it is not pages."""
    pages: set[str] = set()
    for part in re.split(r"\s*[,;&]\s*|\s+and\s+", locator.strip()):
        if not part:
            continue
        bounds = re.split(r"\s*[-–—]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if high < low:  # Chicago's abbreviated ranges: 141–43
                high = int(bounds[0][: len(bounds[0]) - len(bounds[1])] + bounds[1])
            if high - low > 500:
                return None
            pages.update(str(n) for n in range(low, high + 1))
        elif len(bounds) == 1 and re.fullmatch(r"[0-9]+|[ivxlcdm]+", bounds[0], re.IGNORECASE):
            pages.add(bounds[0].lower() if not bounds[0].isdigit() else bounds[0])
        else:
            return None
    return pages or None


def borrowing_problems(
    found: list[Borrowing], essay: Essay, checker: QuoteChecker | None = None
) -> list[Problem]:
    """One warning per stretch of source wording used without quotation marks."""
    paragraphs = paragraph_numbers(essay)
    problems = []
    for borrowing in found:
        name = checker.title(borrowing.source_id) if checker is not None else borrowing.source_id
        place = ""
        if borrowing.place:
            # The comma goes inside a closing quotation mark (CMOS 6.9).
            if name.endswith("”"):
                name, place = name[:-1] + ",”", f" {borrowing.place}"
            else:
                place = f", {borrowing.place}"
        what = (
            "is the source's sentence with a few words changed or moved"
            if borrowing.kind == "paraphrase"
            else f"repeats {borrowing.shared_words} words of the source"
        )
        cited = (
            " The note cites it, but Chicago still asks for quotation marks or a real paraphrase."
            if borrowing.cited_here
            else ""
        )
        problems.append(
            Problem(
                "unquoted-borrowing",
                "warning",
                f"“{_excerpt(borrowing.text)}” {what} ({name}{place}) without quotation marks: "
                f"quote it or say it in your own words.{cited}",
                block=borrowing.block,
                paragraph=paragraphs[borrowing.block],
                note=borrowing.note,
                start=borrowing.start if borrowing.note is None else 0,
                end=borrowing.end if borrowing.note is None else 0,
                item_id=borrowing.source_id,
                borrowing=borrowing,
            )
        )
    return problems


def check_draft(
    essay: Essay,
    checker: QuoteChecker | None,
    items: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    borrowing: bool = True,
) -> list[Problem]:
    """Quote checks and (unless `borrowing` is off) the borrowing guard, when a checker is
    given, plus the citation audit, in reading order."""
    quotations = find_quotations(essay)
    problems = audit_essay(essay, items, quotations=quotations)
    if checker is not None:
        problems += quote_problems(checker.check_quotations(quotations), essay)
        if borrowing:
            found = find_borrowings(essay, checker.all_sources())
            problems += borrowing_problems(found, essay, checker)
    order = {"error": 0, "warning": 1, "info": 2}
    problems.sort(
        key=lambda p: (
            p.block if p.block is not None else -1,
            p.start,
            p.note or 0,
            order[p.severity],
        )
    )
    return problems
