"""Smart punctuation as the writer types: curly quotes and apostrophes, dashes.

`smart_typing(before, typed)` looks at the paragraph's text before the cursor and the
character just typed, and says what the end of `before + typed` should become, or None. The
editor applies it as a step of its own, so one undo brings the straight character back (as
in Word). Nothing changes inside a Pandoc citation (`[@shen-2000, 52-55]`) or inline code
(`` `like this` ``), where straight characters are syntax.

The rules are the typographers' (CMOS 6.115 on quotation marks, 6.78 and 6.85 on dashes):
a double or single mark after the start of the paragraph, a space, an opening bracket, a
dash or another opening mark opens; anywhere else it closes, which makes ' an apostrophe
after a letter (don't, Stalin's, the 1950s' crises). Two hyphens make an em dash; a hyphen
typed between digits (a page range, 52-55) becomes an en dash once the next digit comes.
"""

from __future__ import annotations

from dataclasses import dataclass

_OPENERS = " \t\u00a0\u2029\u2028([{<—–-/“‘\ufffc"


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace the last `length` characters of before + typed with `text`."""

    length: int
    text: str


def in_citation_or_code(before: str) -> bool:
    """Whether the cursor sits inside an unclosed `[@…` citation or inline code."""
    if before.count("`") % 2 == 1:
        return True
    bracket = before.rfind("[")
    return bracket != -1 and before.rfind("]") < bracket and "@" in before[bracket:]


def _opens(previous: str) -> bool:
    return previous == "" or previous in _OPENERS


def smart_typing(before: str, typed: str) -> Replacement | None:
    if len(typed) != 1 or in_citation_or_code(before):
        return None
    previous = before[-1:] if before else ""
    if typed == '"':
        return Replacement(1, "“" if _opens(previous) else "”")
    if typed == "'":
        return Replacement(1, "‘" if _opens(previous) and previous not in "‘" else "’")
    if typed == "-" and previous == "-":
        return Replacement(2, "—")
    if typed.isdigit() and len(before) >= 2 and previous == "-" and before[-2].isdigit():
        return Replacement(2, "–" + typed)
    return None


def curl_quotation(text: str) -> str:
    """A quotation copied from a source, to sit inside the writer's “…”: its apostrophes
    curled and its own double quotes turned single, as CMOS nests them (6.11)."""
    from assistant.cite.typography import smart_quotes

    return smart_quotes(text, nested=True)
