"""Spelling of quotations, in the language of the source they quote.

The essay's speller leaves quotations alone (`check.spelling`); this module checks them again
with the dictionary of the quoted source's language. Which source a quotation quotes:

1. the source the quote checker found it in word for word, when it found it elsewhere than
   the note says (a `wrong-source` finding);
2. the note after it in its paragraph: the quote checker's citing note when that ends the
   sentence (`check.quotes.citing_anchor`), and the likeliest one when it comes later, a typed
   `[@id, 52]` citation counting as a note; a block quotation is cited by the last note of its
   paragraphs;
3. failing both, the note before it in the same paragraph.

The source's language is its CSL `language`, else the language detected from its text
(`search.languages`, the one home of that rule); a source in a language without a dictionary,
or of unknown language, leaves its quotations unchecked. So does a quotation that does not
read as that language (less than half its words in the dictionary, or fewer than in the
essay's language): the writer's own translation of a Russian source is not Russian. Words of
the library's texts are never flagged, so a quotation of a misspelt original ("sic") is left
as it stands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from assistant.check.spelling import (
    LANGUAGES,
    WORD_RE,
    Speller,
    quotation_spans,
    unspellable_spans,
)
from assistant.cite.model import Note
from assistant.cite.pandoc_syntax import scan_citations
from assistant.essay.model import NoteAnchor

# Below this share of its words in the source language's dictionary, a quotation is taken to
# be in another language (a translation) and left unchecked.
MIN_SHARE_IN_LANGUAGE = 0.5
# Quotations of one paragraph spelt in their sources' languages; the rest are left alone, so a
# pasted wall of quotations costs a bounded time on every keystroke.
MAX_QUOTATIONS_PER_PARAGRAPH = 64
_MARKS = "“”«»„\"'"


class Flag(NamedTuple):
    """An unknown word: its span in the paragraph and the language it was checked in."""

    start: int
    end: int
    language: str
    quoted: bool = False  # in a quotation, checked in its source's language


@dataclass(slots=True)
class Paragraph:
    """What spelling found in one paragraph."""

    flags: list[Flag]
    still_open: bool  # a quotation runs on into the next paragraph
    # Languages whose dictionaries a quotation here needs and that are not loaded yet.
    wanted: set[str] = field(default_factory=set)


def source_language(item: Mapping[str, Any], text: str) -> str:
    """The language a source's quotations are spelt in: a key of `LANGUAGES`, or "" when it
    is unknown (no CSL language and no text) or has no dictionary."""
    from assistant.search.languages import detect, from_csl

    code = from_csl(item.get("language")) or (detect(text) if text.strip() else None)
    return code if code in LANGUAGES else ""


def normalise_quotation(text: str) -> str:
    """A quotation's words as a key, whitespace and note marks aside."""
    return " ".join(text.replace("\ufffc", " ").split()).strip(_MARKS + " ")


@dataclass(slots=True)
class QuotationSpelling:
    """The spellers of the quoted languages and what is known of the library's sources."""

    languages: dict[str, str] = field(default_factory=dict)  # source id -> language
    spellers: dict[str, Speller] = field(default_factory=dict)  # language -> speller
    found_in: dict[str, str] = field(default_factory=dict)  # normalised quotation -> source

    def language_of(self, cited: Sequence[str]) -> str:
        """The first cited source's language that has a dictionary ("" for none)."""
        return next((self.languages[i] for i in cited if self.languages.get(i)), "")

    def check(
        self,
        essay: Speller,
        text: str,
        inside: bool = False,
        anchors: Sequence[tuple[int, NoteAnchor]] = (),
        block_quote: Sequence[str] | None = None,
    ) -> Paragraph:
        """The essay's words checked by `essay`, the quotations in their sources' languages.

        `anchors`: the paragraph's notes as (offset, anchor); `block_quote`: for a block
        quotation paragraph, the ids its note cites (the whole paragraph is then quoted)."""
        if block_quote is not None:
            paragraph = Paragraph([], False)
            quotations = [((0, len(text)), list(block_quote))]
        else:
            marked = quotation_spans(text, inside)
            spans, still_open = essay.misspelled(text, inside, quotations=marked)
            paragraph = Paragraph([Flag(a, b, essay.language) for a, b in spans], still_open)
            quotations = self._cited_quotations(text, marked[0], anchors)
        for (start, end), cited in quotations:
            found_in = self.found_in.get(normalise_quotation(text[start:end]))
            language = self.language_of([found_in] if found_in else cited)
            if not language:
                continue
            speller = essay if language == essay.language else self.spellers.get(language)
            if speller is None:
                paragraph.wanted.add(language)
                continue
            paragraph.flags.extend(self._flags(text, start, end, speller, essay))
        paragraph.flags.sort()
        return paragraph

    def _cited_quotations(
        self, text: str, spans: list[tuple[int, int]], anchors: Sequence[tuple[int, NoteAnchor]]
    ) -> list[tuple[tuple[int, int], list[str]]]:
        if not spans:
            return []
        notes = [(offset, a) for offset, a in anchors if a.note.citations]
        if "@" in text:  # typed citations count as notes
            groups, _problems = scan_citations(text)
            notes.extend((start, NoteAnchor(Note((cited,)))) for start, _end, cited in groups)
        notes.sort(key=lambda pair: pair[0])
        found = []
        for start, end in spans[:MAX_QUOTATIONS_PER_PARAGRAPH]:
            inner_start = start + 1 if text[start] in _MARKS else start
            closed = end > start and text[end - 1] in _MARKS and end - 1 > start
            inner_end = end - 1 if closed else end
            # The checker's citing note is the first one after the closing mark when it comes
            # before the sentence's end; any later one is the next guess, so the first note
            # after the quotation is the answer either way (and no sentence need be scanned).
            after = next((a for offset, a in notes if offset >= end), None)
            before = [a for offset, a in notes if offset < start]
            anchor = after if after is not None else (before[-1] if before else None)
            if anchor is not None:
                cited = list(dict.fromkeys(c.item_id for c in anchor.note.citations))
                found.append(((inner_start, inner_end), cited))
        return found

    def _flags(
        self, text: str, start: int, end: int, speller: Speller, essay: Speller
    ) -> list[Flag]:
        piece = text[start:end]
        skipped = unspellable_spans(piece)
        words = []
        for match in WORD_RE.finditer(piece):
            if not any(a <= match.start() < b for a, b in skipped):
                words.append(match)
        if not words or not _reads_as(speller, essay, [m.group() for m in words]):
            return []
        return [
            Flag(start + m.start(), start + m.end(), speller.language, quoted=True)
            for m in words
            if not speller.is_known(m.group())
        ]


def _reads_as(speller: Speller, essay: Speller, words: list[str]) -> bool:
    """Whether the words read as `speller`'s language rather than the essay's."""
    if speller is essay:
        return True
    share = sum(1 for w in words if speller.in_dictionary(w)) / len(words)
    if share < MIN_SHARE_IN_LANGUAGE:
        return False
    return share >= sum(1 for w in words if essay.in_dictionary(w)) / len(words)
