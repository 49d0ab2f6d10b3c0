"""Find and replace in the draft's text and its notes' commentary.

Matching follows the options a writer expects from a word processor: case-insensitive unless
asked, whole words (letters and digits of any script, so "Stalin" does not match "Stalinism"),
or a regular expression (Python's syntax; `\\1` or `\\g<name>` in the replacement). A bad
expression is a `FindError` with a message, never an exception from `re`. A citation's key
and locator are the library's data, not the writer's prose: Find searches, and Replace
changes, the commentary around them and each citation's prefix and suffix ("see", "emphasis
mine"), never a key or a page.

A note is searched as the writer edits it, in its source form (`note_source`: commentary with
`[@id, 52]` groups, what the notes strip's edit line shows), so Find can select a match there;
only its prose (commentary, prefixes, suffixes) is searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import (
    CitationSyntaxError,
    format_citation,
    format_citation_group,
    parse_citation_group,
)

MAX_MATCHES = 100_000  # bounded: a pattern matching every character of a long essay stops here


class FindError(ValueError):
    """The query cannot be searched for (a malformed regular expression)."""


@dataclass(frozen=True, slots=True)
class FindOptions:
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False


def compile_query(query: str, options: FindOptions = FindOptions()) -> re.Pattern[str] | None:
    """The pattern for `query`; None for an empty query (nothing to find)."""
    if not query:
        return None
    source = query if options.regex else re.escape(query)
    if options.whole_word:
        source = rf"(?<![\w]){source}(?![\w])"
    flags = 0 if options.case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(source, flags)
    except re.error as error:
        raise FindError(f"not a valid regular expression: {error}") from error
    return pattern


def find_all(text: str, query: str, options: FindOptions = FindOptions()) -> list[tuple[int, int]]:
    """(start, end) of every non-empty match, in order."""
    pattern = compile_query(query, options)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            spans.append(match.span())
            if len(spans) >= MAX_MATCHES:
                break
    return spans


def replacement_for(
    text: str, span: tuple[int, int], query: str, replacement: str, options: FindOptions
) -> str:
    """What the match at `span` becomes: the replacement as typed, or with a regular
    expression's groups filled in."""
    if not options.regex:
        return replacement
    pattern = compile_query(query, options)
    assert pattern is not None
    match = pattern.match(text, span[0], span[1])
    if match is None or match.end() != span[1]:
        match = pattern.search(text, span[0])
    if match is None:
        return replacement
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as error:
        raise FindError(
            f"the replacement refers to a group the expression lacks: {error}"
        ) from error


def replace_all(
    text: str, query: str, replacement: str, options: FindOptions = FindOptions()
) -> tuple[str, int]:
    """`text` with every match replaced, and how many there were."""
    spans = find_all(text, query, options)
    if not spans:
        return text, 0
    pieces: list[str] = []
    last = 0
    for span in spans:
        pieces.append(text[last : span[0]])
        pieces.append(replacement_for(text, span, query, replacement, options))
        last = span[1]
    pieces.append(text[last:])
    return "".join(pieces), len(spans)


def _prose_pieces(citation: Citation) -> tuple[str, int, int]:
    """A citation's source and where its prefix ends and its suffix begins in it."""
    piece = format_citation(citation)
    prefix_end = len(citation.prefix) if citation.prefix else 0
    suffix_start = len(piece) - len(citation.suffix) if citation.suffix else len(piece)
    return piece, prefix_end, suffix_start


def _reads_back(citation: Citation) -> bool:
    """Whether the citation, written in Pandoc syntax, reads back as one citation of the same
    key and locator, written the same way."""
    text = format_citation_group([citation])
    try:
        parsed = parse_citation_group(text)
    except CitationSyntaxError:
        return False
    if len(parsed) != 1:
        return False
    back = parsed[0]
    return (back.item_id, back.locator, back.label, back.suppress_author) == (
        citation.item_id,
        citation.locator,
        citation.label,
        citation.suppress_author,
    ) and format_citation_group(parsed) == text


def _replace_in_citation(
    citation: Citation, query: str, replacement: str, options: FindOptions
) -> tuple[Citation, int]:
    """The citation with its prefix and suffix replaced (key and locator untouched), and the
    count; a replacement that would change how the group reads back ("]", ";" or "@" typed
    into a prefix) is not made."""
    prefix, in_prefix = replace_all(citation.prefix, query, replacement, options)
    suffix, in_suffix = replace_all(citation.suffix, query, replacement, options)
    if not in_prefix + in_suffix:
        return citation, 0
    changed = replace(citation, prefix=prefix, suffix=suffix)
    if not _reads_back(changed):
        return citation, 0
    return changed, in_prefix + in_suffix


def count_in_note(note: Note, query: str, options: FindOptions = FindOptions()) -> int:
    """Matches in the note's prose: its commentary and its citations' prefixes and suffixes."""
    total = 0
    for segment in note.segments:
        if isinstance(segment, str):
            total += len(find_all(segment, query, options))
        else:
            for citation in segment:
                total += len(find_all(citation.prefix, query, options))
                total += len(find_all(citation.suffix, query, options))
    return total


def replace_in_note(
    note: Note, query: str, replacement: str, options: FindOptions = FindOptions()
) -> tuple[Note, int]:
    """The note with its prose replaced (commentary, prefixes and suffixes; the citations'
    keys and locators untouched), and the count."""
    total = 0
    segments: list[str | tuple] = []
    for segment in note.segments:
        if isinstance(segment, str):
            replaced, count = replace_all(segment, query, replacement, options)
            segments.append(replaced)
            total += count
        else:
            group = []
            for citation in segment:
                changed, count = _replace_in_citation(citation, query, replacement, options)
                group.append(changed)
                total += count
            segments.append(tuple(group))
    return (Note(tuple(segments)) if total else note), total


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stretch of a note's prose in its source text: commentary (`citation` None), or the
    prefix or suffix of the `citation`-th citation of the group at `segment`."""

    segment: int
    start: int
    end: int
    citation: int | None = None
    part: str = "text"  # "text", "prefix" or "suffix"


@dataclass(frozen=True, slots=True)
class NoteSource:
    """A note as the writer types it, and where each stretch of its prose sits in that text."""

    text: str
    prose: tuple[Stretch, ...]


def note_source(note: Note) -> NoteSource:
    """The note's source: commentary with `[@id, locator]` groups, as the notes strip edits it."""
    parts: list[str] = []
    prose: list[Stretch] = []
    position = 0
    for index, segment in enumerate(note.segments):
        if isinstance(segment, tuple):
            position += 1  # "["
            pieces = []
            for number, citation in enumerate(segment):
                if number:
                    position += 2  # "; "
                piece, prefix_end, suffix_start = _prose_pieces(citation)
                if citation.prefix:
                    prose.append(Stretch(index, position, position + prefix_end, number, "prefix"))
                if citation.suffix:
                    prose.append(
                        Stretch(
                            index, position + suffix_start, position + len(piece), number, "suffix"
                        )
                    )
                pieces.append(piece)
                position += len(piece)
            position += 1  # "]"
            piece = "[" + "; ".join(pieces) + "]"
        else:
            piece = segment
            prose.append(Stretch(index, position, position + len(piece)))
            position += len(piece)
        parts.append(piece)
    text = "".join(parts)
    assert position == len(text)
    return NoteSource(text, tuple(prose))


def find_in_note(
    note: Note, query: str, options: FindOptions = FindOptions()
) -> list[tuple[int, int]]:
    """Matches in the note's prose (commentary, prefixes, suffixes), as spans of its source
    text (`note_source`)."""
    source = note_source(note)
    spans: list[tuple[int, int]] = []
    for stretch in source.prose:
        text = source.text[stretch.start : stretch.end]
        spans.extend(
            (stretch.start + a, stretch.start + b) for a, b in find_all(text, query, options)
        )
    return spans


def replace_in_note_at(
    note: Note, span: tuple[int, int], query: str, replacement: str, options: FindOptions
) -> Note | None:
    """The note with the match at `span` (of its source text) replaced; None when the span is
    not a match inside one stretch of prose (the note changed, or it would touch a citation's
    key or locator, or the new prefix would no longer read back as one)."""
    source = note_source(note)
    for stretch in source.prose:
        if not (stretch.start <= span[0] and span[1] <= stretch.end):
            continue
        text = source.text[stretch.start : stretch.end]
        local = (span[0] - stretch.start, span[1] - stretch.start)
        if local not in find_all(text, query, options):
            return None
        new = text[: local[0]] + replacement_for(text, local, query, replacement, options)
        new += text[local[1] :]
        segments = list(note.segments)
        if stretch.citation is None:
            segments[stretch.segment] = new
            return Note(tuple(segments))
        old_group = segments[stretch.segment]
        assert isinstance(old_group, tuple)
        group: list[Citation] = list(old_group)
        citation = group[stretch.citation]
        if stretch.part == "prefix":
            changed = replace(citation, prefix=new)
        else:
            changed = replace(citation, suffix=new)
        if not _reads_back(changed):
            return None
        group[stretch.citation] = changed
        segments[stretch.segment] = tuple(group)
        return Note(tuple(segments))
    return None
