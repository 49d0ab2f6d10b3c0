"""Find and replace in the draft's text and its notes' commentary.

Matching follows the options a writer expects from a word processor: case-insensitive unless
asked, whole words (letters and digits of any script, so "Stalin" does not match "Stalinism"),
or a regular expression (Python's syntax; `\\1` or `\\g<name>` in the replacement). A bad
expression is a `FindError` with a message, never an exception from `re`. Citations inside a
note are the library's data, not the writer's prose: replacing works on the commentary around
them and leaves `[@id, page]` groups alone.

A note is searched as the writer edits it, in its source form (`note_source`: commentary with
`[@id, 52]` groups, what the notes strip's edit line shows), so Find can select a match there;
only the commentary's stretches of it are searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.cite.model import Note
from assistant.cite.pandoc_syntax import format_citation_group

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


def count_in_note(note: Note, query: str, options: FindOptions = FindOptions()) -> int:
    return sum(
        len(find_all(segment, query, options))
        for segment in note.segments
        if isinstance(segment, str)
    )


def replace_in_note(
    note: Note, query: str, replacement: str, options: FindOptions = FindOptions()
) -> tuple[Note, int]:
    """The note with its commentary replaced (citation groups untouched), and the count."""
    total = 0
    segments: list[str | tuple] = []
    for segment in note.segments:
        if isinstance(segment, str):
            replaced, count = replace_all(segment, query, replacement, options)
            segments.append(replaced)
            total += count
        else:
            segments.append(segment)
    return (Note(tuple(segments)) if total else note), total


@dataclass(frozen=True, slots=True)
class NoteSource:
    """A note as the writer types it, and where each commentary segment sits in that text."""

    text: str
    # (segment index in Note.segments, start, end) of each commentary segment in `text`.
    commentary: tuple[tuple[int, int, int], ...]


def note_source(note: Note) -> NoteSource:
    """The note's source: commentary with `[@id, locator]` groups, as the notes strip edits it."""
    parts: list[str] = []
    commentary: list[tuple[int, int, int]] = []
    position = 0
    for index, segment in enumerate(note.segments):
        if isinstance(segment, tuple):
            piece = f"[{format_citation_group(segment)}]"
        else:
            piece = segment
            commentary.append((index, position, position + len(piece)))
        parts.append(piece)
        position += len(piece)
    return NoteSource("".join(parts), tuple(commentary))


def find_in_note(
    note: Note, query: str, options: FindOptions = FindOptions()
) -> list[tuple[int, int]]:
    """Matches in the note's commentary, as spans of its source text (`note_source`)."""
    source = note_source(note)
    spans: list[tuple[int, int]] = []
    for _index, start, end in source.commentary:
        spans.extend(
            (start + a, start + b) for a, b in find_all(source.text[start:end], query, options)
        )
    return spans


def replace_in_note_at(
    note: Note, span: tuple[int, int], query: str, replacement: str, options: FindOptions
) -> Note | None:
    """The note with the match at `span` (of its source text) replaced; None when the span is
    not a match inside one commentary segment (the note changed, or it would touch a citation)."""
    source = note_source(note)
    for index, start, end in source.commentary:
        if start <= span[0] and span[1] <= end:
            segment = source.text[start:end]
            local = (span[0] - start, span[1] - start)
            if local not in find_all(segment, query, options):
                return None
            new = replacement_for(segment, local, query, replacement, options)
            segments = list(note.segments)
            segments[index] = segment[: local[0]] + new + segment[local[1] :]
            return Note(tuple(segments))
    return None
