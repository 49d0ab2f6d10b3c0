"""Quotations in a draft: where each begins and ends, and the note that cites it.

`find_quotations(essay)` finds quotations (in double quotation marks, curly or straight, or
block quotations, and in a note's own commentary) and the note that cites each: the anchor
right after the closing mark or the first one before the end of the sentence. Quoted words
set as a title in headline style are a title, not a quotation. The quote checker
(`check.quotes`), the citation audit and the borrowing guard all read the draft this way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.check.sentences import sentence_end as find_sentence_end
from assistant.essay.model import Block, Essay, NoteAnchor, Span

_OPENING = {"“": "”", '"': '"', "«": "»", "„": "“"}


@dataclass(slots=True)
class Quotation:
    """A quotation in the draft.

    `block`/`start` and `end_block`/`end` locate the quoted words (inside the marks) as offsets
    into `Block.text`; a block quotation of several paragraphs spans several blocks. `anchor` is
    the note that cites it (None when no note does) and `note_number` its number.
    """

    text: str
    block: int
    start: int
    end_block: int
    end: int
    anchor: NoteAnchor | None = None
    note_number: int | None = None
    is_block: bool = False
    # A quotation in the note's own commentary: located at the note's anchor in the text.
    in_note: bool = False

    @property
    def cited_ids(self) -> list[str]:
        if self.anchor is None:
            return []
        ids: list[str] = []
        for citation in self.anchor.note.citations:
            if citation.item_id not in ids:
                ids.append(citation.item_id)
        return ids


def block_layout(block: Block) -> tuple[str, list[tuple[int, NoteAnchor]]]:
    """A block's text and where each note anchor sits in it (offset into `Block.text`)."""
    pieces: list[str] = []
    anchors: list[tuple[int, NoteAnchor]] = []
    position = 0
    for inline in block.inlines:
        if isinstance(inline, Span):
            pieces.append(inline.text)
            position += len(inline.text)
        elif isinstance(inline, NoteAnchor):
            anchors.append((position, inline))
    return "".join(pieces), anchors


def note_numbers(essay: Essay) -> dict[str, int]:
    return {anchor.id: number for number, anchor in enumerate(essay.anchors(), start=1)}


def find_quotations(essay: Essay) -> list[Quotation]:
    """Every quotation in the essay, in text order, with the note that cites it."""
    numbers = note_numbers(essay)
    found: list[Quotation] = []
    index = 0
    blocks = essay.blocks
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "blockquote":
            # Consecutive block-quote paragraphs are one quotation; its note ends the last one.
            last = index
            while last + 1 < len(blocks) and blocks[last + 1].kind == "blockquote":
                last += 1
            texts = [block_layout(b) for b in blocks[index : last + 1]]
            body = "\n\n".join(text for text, _ in texts)
            anchor = texts[-1][1][-1][1] if texts[-1][1] else None
            stripped = body.strip().strip('“”"')
            if stripped.strip():
                found.append(
                    Quotation(
                        stripped,
                        index,
                        0,
                        last,
                        len(texts[-1][0]),
                        anchor,
                        numbers.get(anchor.id) if anchor else None,
                        is_block=True,
                    )
                )
            index = last + 1
            continue
        if block.kind != "heading":
            text, anchors = block_layout(block)
            for start, end in quotation_spans(text):
                if looks_like_title(text[start:end]):
                    continue  # an article or chapter title, set in quotation marks by Chicago
                anchor = citing_anchor(text, end, anchors)
                found.append(
                    Quotation(
                        text[start:end],
                        index,
                        start,
                        index,
                        end,
                        anchor,
                        numbers.get(anchor.id) if anchor else None,
                    )
                )
            for offset, anchor in anchors:
                found.extend(_note_quotations(anchor, index, offset, numbers.get(anchor.id)))
        index += 1
    return found


def _note_quotations(
    anchor: NoteAnchor, block: int, offset: int, number: int | None
) -> list[Quotation]:
    """Quotations in a note's commentary, cited by the note's own citations (a note without
    citations quotes nothing the checker could look up)."""
    if not anchor.note.citations:
        return []
    found = []
    for segment in anchor.note.segments:
        if isinstance(segment, str):
            for start, end in quotation_spans(segment):
                found.append(
                    Quotation(
                        segment[start:end],
                        block,
                        offset,
                        block,
                        offset,
                        anchor,
                        number,
                        in_note=True,
                    )
                )
    return found


_TITLE_SMALL_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
        "on", "or", "the", "to", "vs", "via", "with",
    }
)  # fmt: skip


def looks_like_title(text: str) -> bool:
    """Whether quoted words are a title in headline style ("Report on the Background of the
    Korean War") rather than someone's words: every word but the small ones capitalised."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not 2 <= len(words) <= 25:
        return False
    significant = [w for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(significant) and words[0][0].isupper() and all(w[0].isupper() for w in significant)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each top-level pair of double quotation marks.

    Single marks inside are a quotation within the quotation and stay part of it. An unclosed
    mark yields nothing (the audit reports it).
    """
    return [
        (opening + 1, close)
        for opening, close in _quotation_marks(text)
        if close is not None and text[opening + 1 : close].strip()
    ]


def unclosed_quotation(text: str) -> int | None:
    """Offset of an opening quotation mark that is never closed, if any."""
    return next((opening for opening, close in _quotation_marks(text) if close is None), None)


def _quotation_marks(text: str) -> Iterator[tuple[int, int | None]]:
    """Each top-level opening double quotation mark and its closing one, in order; an
    opening mark never closed comes last, with None."""
    position = 0
    while True:
        opening = _next_opening(text, position)
        if opening is None:
            return
        closing_chars = {_OPENING[text[opening]], '"', "”"}
        close = next((i for i in range(opening + 1, len(text)) if text[i] in closing_chars), None)
        yield opening, close
        if close is None:
            return
        position = close + 1


def _next_opening(text: str, position: int) -> int | None:
    for i in range(position, len(text)):
        if text[i] in _OPENING and text[i] != "”":
            return i
    return None


def citing_anchor(
    text: str, quote_end: int, anchors: list[tuple[int, NoteAnchor]]
) -> NoteAnchor | None:
    """The note citing a quotation that ends at `quote_end`.

    It is the first anchor after the closing mark that comes before the end of the sentence
    (Chicago puts the note at the end of the clause or sentence), or right after the sentence's
    final punctuation.
    """
    sentence_end = find_sentence_end(text, quote_end)
    if quote_end and text[quote_end - 1] in ".?!…":
        # The sentence may end inside the marks (“…decision making.” He was right.).
        after = quote_end + 1
        while after < len(text) and text[after] in "\"”’'":
            after += 1
        rest = text[after:].lstrip()
        if rest[:1].isupper() or rest[:1] in '“"' or not rest:
            sentence_end = min(sentence_end, after)
    for offset, anchor in anchors:
        if quote_end <= offset <= sentence_end:
            return anchor
    return None
