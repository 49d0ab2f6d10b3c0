"""Pandoc's citation syntax: `[see @shen-2000, 52; -@shuster-2019, chap. 3, emphasis added]`.

The rules follow what pandoc 3 (markdown reader + citeproc's locator parser) actually does, checked
against the pandoc binary:

- a group is `[...]` holding one or more citations separated by `;`; every piece must hold a key,
  otherwise pandoc treats the brackets as plain text (here: an error / a reported problem);
- a citation is `prefix -?@key suffix`; a key starts with a letter, digit or `_` and may hold
  internal punctuation `:.#$%&-+?<>~/`; `@{any key}` quotes odd keys;
- the locator is parsed from the start of the suffix: an optional comma, then either a `{braced}`
  locator, or a locator term (`p.`, `pp.`, `chap.`, `§`, `chapter`, ... any case) followed by the
  locator, or a bare locator starting with a word that holds a digit (label "page");
- locator words hold a digit (roman numerals count too after an explicit term), joined by commas or
  spaces (`33, 35-37`); the first word without a digit ends the locator and starts the suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.cite.model import Citation

__all__ = [
    "CitationProblem",
    "CitationSyntaxError",
    "find_citations",
    "format_citation",
    "format_citation_group",
    "locator_term",
    "parse_citation_group",
    "parse_locator",
    "scan_citations",
]


class CitationSyntaxError(ValueError):
    """A citation group that pandoc would not read as citations, with where it went wrong."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class CitationProblem:
    """Something in running text that looks like a citation but will not be one."""

    offset: int
    message: str

    def __str__(self) -> str:
        return f"at character {self.offset}: {self.message}"


# Locator terms of CSL's en-US locale as pandoc's citeproc recognises them: long and short forms,
# singular and plural, and the two symbols. Short forms need their period ("p 44" is not a locator).
_TERMS: dict[str, tuple[str, ...]] = {
    "page": ("page", "pages", "p.", "pp."),
    "chapter": ("chapter", "chapters", "chap.", "chaps."),
    "section": ("section", "sections", "sec.", "secs.", "§", "§§"),
    "paragraph": ("paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"),
    "note": ("note", "notes", "n.", "nn."),
    "line": ("line", "lines", "l.", "ll."),
    "volume": ("volume", "volumes", "vol.", "vols."),
    "figure": ("figure", "figures", "fig.", "figs."),
    "book": ("book", "books", "bk.", "bks."),
    "column": ("column", "columns", "col.", "cols."),
    "folio": ("folio", "folios", "fol.", "fols."),
    "part": ("part", "parts", "pt.", "pts."),
    "verse": ("verse", "verses", "v.", "vv."),
    "opus": ("opus", "opera", "op.", "opp."),
    "issue": ("issue", "issues", "no.", "nos."),
    "sub-verbo": ("sub verbo", "sub verbis", "s.v.", "s.vv."),
}
_TERM_TO_LABEL = {term: label for label, terms in _TERMS.items() for term in terms}
# Longest first so "pp." wins over "p." and "chapters" over "chapter".
_TERM_RE = re.compile(
    "|".join(re.escape(t) for t in sorted(_TERM_TO_LABEL, key=len, reverse=True)), re.IGNORECASE
)
# What format_citation writes for each label (the short singular form).
_SHORT_TERM = {label: terms[2] for label, terms in _TERMS.items()}

_KEY_RE = re.compile(r"@(?:\{(?P<braced>[^{}]+)\}|(?P<plain>\w+(?:[:.#$%&\-+?<>~/]+\w+)*))")
# A locator word: letters, digits and the punctuation pandoc keeps inside one ("12:3", "3r-4v",
# "33(2)"); a period only between alphanumerics, so "33." leaves the period to the suffix.
_WORD_RE = re.compile(r"(?:[\w\-–—:()\[\]]|\.(?=\w))+")
_ROMAN_RE = re.compile(r"[ivxlcdm]+(?:[-–—][ivxlcdm]+)?", re.IGNORECASE)


def locator_term(label: str) -> str:
    """The abbreviation pandoc understands for a label (`chapter` -> `chap.`)."""
    return _SHORT_TERM.get(label, label)


def _word_ok(word: str, roman_allowed: bool) -> bool:
    return any(ch.isdigit() for ch in word) or (
        roman_allowed and _ROMAN_RE.fullmatch(word) is not None
    )


def parse_locator(text: str) -> tuple[str, str, str]:
    """Split the text after a key into (label, locator, rest).

    `", pp. 33-35, emphasis added"` -> `("page", "33-35", ", emphasis added")`;
    `", chap. 3"` -> `("chapter", "3", "")`; `", emphasis added"` -> `("page", "", ", emphasis
    added")` (no locator: the whole text is the suffix, as pandoc keeps it).
    """
    pos = 0
    if text[pos : pos + 1] == ",":
        pos += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if text[pos : pos + 1] == "{":
        close = text.find("}", pos)
        if close == -1:
            return "page", "", text
        inner = text[pos + 1 : close].strip()
        label = "page"
        term = _TERM_RE.match(inner)
        if term and (term.end() == len(inner) or not inner[term.end()].isalpha()):
            label = _TERM_TO_LABEL[term.group(0).lower()]
            inner = inner[term.end() :].strip()
        return label, inner, text[close + 1 :]

    label = "page"
    explicit = False
    term = _TERM_RE.match(text, pos)
    if term:
        after = term.end()
        matched = term.group(0)
        # Long terms ("chapter") need a space after them; symbols and "p." may touch the number.
        if after < len(text) and (
            text[after].isspace() or (not matched[-1].isalpha() and not text[after].isalpha())
        ):
            label = _TERM_TO_LABEL[matched.lower()]
            explicit = True
            pos = after
            while pos < len(text) and text[pos].isspace():
                pos += 1

    words: list[str] = []
    end = pos
    cursor = pos
    while True:
        match = _WORD_RE.match(text, cursor)
        if not match or not _word_ok(match.group(0), explicit):
            break
        words.append(match.group(0))
        end = match.end()
        # Continue over ", " or spaces only if another locator word follows.
        sep = re.match(r",\s*|[ \t]+", text[end:])
        if not sep:
            break
        cursor = end + sep.end()
        if sep.group(0).startswith(","):
            words.append(", ")
        else:
            words.append(" ")
    if words and words[-1] in (", ", " "):
        words.pop()
    if not words:
        return "page", "", text
    return label, "".join(words), text[end:]


def _split_top_level(text: str, sep: str) -> list[tuple[int, str]]:
    """Split on `sep` outside nested brackets, keeping each piece's offset."""
    pieces: list[tuple[int, str]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "[{(":
            depth += 1
        elif ch in "]})":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return pieces


def _find_key(piece: str) -> re.Match[str] | None:
    for match in _KEY_RE.finditer(piece):
        before = piece[match.start() - 1] if match.start() > 0 else ""
        # "me@example.org" is an address, not a citation: pandoc wants no word character before @.
        if before and (before.isalnum() or before == "_"):
            continue
        return match
    return None


def parse_citation_group(text: str) -> tuple[Citation, ...]:
    """Parse the inside of `[...]`: `see @a, 4; @b, 7–9` -> two citations.

    Raises CitationSyntaxError (with an offset into `text`) when pandoc would not read the
    group as citations: an empty piece, a piece without `@key`, an unclosed `@{`.
    """
    if not text.strip():
        raise CitationSyntaxError("empty citation: write [@key] with a source's id", 0)
    citations: list[Citation] = []
    for offset, piece in _split_top_level(text, ";"):
        match = _find_key(piece)
        if match is None:
            shown = piece.strip()
            if shown:
                offset += len(piece) - len(piece.lstrip())
            if not shown:
                raise CitationSyntaxError(
                    "empty citation between semicolons: remove the extra ';' or add @key", offset
                )
            if "@{" in piece:
                raise CitationSyntaxError(f"unclosed '@{{' in {shown!r}", offset)
            raise CitationSyntaxError(
                f"{shown!r} has no @key: every part of a citation group separated by ';' needs"
                " one (write 'see @key' or move the comment out of the brackets)",
                offset,
            )
        key = match.group("braced") if match.group("braced") is not None else match.group("plain")
        key = key.strip()
        prefix = piece[: match.start()]
        suppress = False
        if prefix.endswith("-"):
            suppress = True
            prefix = prefix[:-1]
        label, locator, rest = parse_locator(piece[match.end() :])
        suffix = rest.rstrip()
        if not locator:
            label = "page"
        citations.append(
            Citation(
                item_id=key,
                locator=locator,
                label=label,
                prefix=prefix.strip(),
                suffix=suffix,
                suppress_author=suppress,
            )
        )
    return tuple(citations)


def format_citation(citation: Citation) -> str:
    """One citation in pandoc syntax; `parse_citation_group` reads it back unchanged."""
    key = citation.item_id
    if not re.fullmatch(r"\w+(?:[:.#$%&\-+?<>~/]+\w+)*", key):
        key = "{" + key + "}"
    out = ""
    if citation.prefix:
        out += citation.prefix + " "
    out += ("-@" if citation.suppress_author else "@") + key
    if citation.locator:
        first = _WORD_RE.match(citation.locator)
        bare_ok = (
            citation.label == "page"
            and first is not None
            and _word_ok(first.group(0), False)
            and parse_locator(", " + citation.locator) == ("page", citation.locator, "")
        )
        if bare_ok:
            out += ", " + citation.locator
        else:
            term = locator_term(citation.label)
            probe = f", {term} {citation.locator}"
            if parse_locator(probe) == (citation.label, citation.locator, ""):
                out += probe
            else:
                # Braces keep any locator intact, whatever words it holds.
                out += (
                    ", {"
                    + (f"{term} " if citation.label != "page" else "")
                    + (citation.locator + "}")
                )
    if citation.suffix:
        suffix = citation.suffix
        if not suffix[0].isspace() and suffix[0] not in ",.;:)":
            suffix = ", " + suffix
        out += suffix
    return out


def format_citation_group(citations: Iterable[Citation]) -> str:
    """The inside of `[...]` for these citations (the inverse of parse_citation_group)."""
    return "; ".join(format_citation(c) for c in citations)


# --- citations in running text -------------------------------------------------------------


def code_span_end(text: str, start: int) -> int | None:
    """End of the code span opening at `start`, or None if its backticks are never closed."""
    run = len(text) - start - len(text[start:].lstrip("`"))
    ticks = "`" * run
    close = text.find(ticks, start + run)
    while close != -1 and text[close + run : close + run + 1] == "`":
        close = text.find(ticks, close + run + 1)
    return None if close == -1 else close + run


def _skip_code(text: str, i: int) -> int:
    """The index after the code span starting at i (after its backticks if never closed)."""
    end = code_span_end(text, i)
    if end is None:
        return i + len(text) - i - len(text[i:].lstrip("`"))  # past the unclosed backticks
    return end


def matching_bracket(text: str, start: int) -> int:
    """Index of the `]` closing the `[` at start, honouring nesting and escapes; -1 if none."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            i = _skip_code(text, i)
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n" and text[i + 1 : i + 2] == "\n":
            return -1  # a blank line ends the paragraph, and any bracket with it
        i += 1
    return -1


def scan_citations(
    text: str,
) -> tuple[list[tuple[int, int, tuple[Citation, ...]]], list[CitationProblem]]:
    """Every bracketed citation group in `text`, and everything that looks like one but is not.

    Groups are (start, end, citations) with `text[start:end] == "[...]"`. Problems include an
    unclosed `[@...`, and brackets holding an `@key` that pandoc would not read as a group
    (`[@a, 33; and more]`), so a citation is never dropped without a word.
    """
    groups: list[tuple[int, int, tuple[Citation, ...]]] = []
    problems: list[CitationProblem] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            i = _skip_code(text, i)
            continue
        if ch != "[" or text[i + 1 : i + 2] == "^":
            i += 1
            continue
        close = matching_bracket(text, i)
        if close == -1:
            line_end = text.find("\n\n", i)
            stretch = text[i : len(text) if line_end == -1 else line_end]
            if _find_key(stretch[1:]) is not None:
                problems.append(
                    CitationProblem(
                        i,
                        f"unclosed citation {_excerpt(stretch)!r}: add the closing ']'",
                    )
                )
            i += 1
            continue
        inner = text[i + 1 : close]
        if _find_key(inner) is None:
            i += 1  # a link text or other brackets: citations nested inside are found later
            continue
        try:
            groups.append((i, close + 1, parse_citation_group(inner)))
        except CitationSyntaxError as error:
            problems.append(
                CitationProblem(
                    i + 1 + error.offset,
                    f"{_excerpt(text[i : close + 1])!r} is not a citation group: {error.message}",
                )
            )
        i = close + 1
    return groups, problems


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def find_citations(text: str) -> list[tuple[int, int, tuple[Citation, ...]]]:
    """The bracketed citation groups in `text` as (start, end, citations).

    Use `scan_citations` to also get the problems (unclosed `[@...`, malformed groups): a caller
    that shows the writer their draft should report those rather than drop them.
    """
    return scan_citations(text)[0]


def interleave_citations(
    text: str, groups: Iterable[tuple[int, int, tuple[Citation, ...]]]
) -> list[str | tuple[Citation, ...]]:
    """Note segments: the text between the found citation groups, with the groups in order."""
    segments: list[str | tuple[Citation, ...]] = []
    position = 0
    for start, end, citations in groups:
        if text[position:start]:
            segments.append(text[position:start])
        segments.append(citations)
        position = end
    if text[position:]:
        segments.append(text[position:])
    return segments
