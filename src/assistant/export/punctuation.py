"""Where the punctuation around a note reference goes in the exported text.

Two Chicago rules, the ones Pandoc's citeproc applies when it turns a citation into a note:

- CMOS 14.26: a note reference number follows any punctuation mark except the dash
  ("... in 1950.¹", not "... in 1950¹."), so a period, comma, semicolon, colon, question or
  exclamation mark right after the reference moves before it.
- CMOS 6.9: periods and commas go inside closing quotation marks, so with a note after a
  quotation, `“a defense perimeter”.¹` prints `“a defense perimeter.”¹`.

The essay itself is not changed: the writer's text stays as typed, the export prints it as
Chicago asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.essay.model import Inline, NoteAnchor, Span

_MOVES_BEFORE_NOTE = ".,;:?!"
_INSIDE_QUOTES = ".,"
_CLOSING_QUOTES = '”"'


def place_note_punctuation(inlines: Sequence[Inline]) -> list[Inline]:
    """`inlines` with punctuation moved before note references and inside closing quotes."""
    # Copies (links, small caps and every other property kept): the essay is not changed.
    out: list[Inline] = [replace(i) if isinstance(i, Span) else i for i in inlines]
    for index, inline in enumerate(out):
        if not isinstance(inline, NoteAnchor):
            continue
        before = _span_at(out, index - 1)
        after = _span_at(out, index + 1)
        if before is None:
            continue
        if after is not None and after.text[:1] in _MOVES_BEFORE_NOTE and after.text[:1]:
            # Several marks may follow ("?”." is rare; "..." is one mark of three).
            marks = len(after.text) - len(after.text.lstrip(_MOVES_BEFORE_NOTE))
            before.text += after.text[:marks]
            after.text = after.text[marks:]
        before.text = _inside_quotes(before.text)
    return [i for i in out if not (isinstance(i, Span) and not i.text)]


def _inside_quotes(text: str) -> str:
    """`“word”.` → `“word.”` (and the same for a comma) at the end of `text`."""
    if len(text) >= 2 and text[-1] in _INSIDE_QUOTES and text[-2] in _CLOSING_QUOTES:
        quotes = len(text[:-1]) - len(text[:-1].rstrip(_CLOSING_QUOTES + "’"))
        head = text[: -1 - quotes]
        if head.endswith(tuple(".?!")):
            # "“Why?”." keeps its own mark; a second one would double the stop.
            return text[:-1]
        return head + text[-1] + text[-1 - quotes : -1]
    return text


def _span_at(inlines: list[Inline], index: int) -> Span | None:
    if 0 <= index < len(inlines) and isinstance(inlines[index], Span):
        return inlines[index]  # type: ignore[return-value]
    return None
