"""Pandoc Markdown in and out, so one draft moves between this app, Zettlr and Pandoc.

Read: YAML front matter (title, author, bibliography, references), ATX and setext headings,
paragraphs, `>` block quotations, `*italic*`/`**bold**`, footnotes `[^id]` with definitions of
several paragraphs, inline notes `^[...]`, and citations `[see @a, 4; @b, 7–9]` / `[-@a]` in
notes or in the text. A citation in the text becomes a note of its own, as Pandoc does with a
note style: the space before it goes and punctuation after it moves in front of the note mark.
Pandoc's `smart` dashes (`--`, `---`) become en and em dashes.

Nothing the reader does not understand is dropped: it stays in the text as written and a
warning with its line number says why (an unclosed `[@...`, a footnote without definition, a
list, an in-text `@key`).

Write: the inverse. A note that is just one citation group is written as a citation in the
text (`... policy [@shen-2000, 52].`); any other note as a `[^n]` footnote with its definition
at the end. Passage links ride along as `<!-- passage: SOURCE#ORDINAL p. PAGE -->` comments,
which Pandoc and Zettlr ignore.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import (
    CitationSyntaxError,
    code_span_end,
    format_citation_group,
    matching_bracket,
    parse_citation_group,
)
from assistant.essay.model import Block, BlockKind, Essay, Inline, NoteAnchor, PassageLink, Span
from assistant.yamlsafe import load_yaml

__all__ = ["MarkdownResult", "read_markdown", "smart_quotes", "write_markdown"]

_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_NOTE_PUNCT = ".,;:!?"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_PASSAGE = re.compile(
    r"<!--\s*passage:\s*(?P<source>\S+?)#(?P<ordinal>\d+)(?:\s+p\.\s*(?P<page>.*?))?\s*-->"
)
_KEY = re.compile(r"-?@(?:\{[^{}]+\}|\w+(?:[:.#$%&\-+?<>~/]+\w+)*)")
_COMMENT_ONLY = re.compile(r"^\s*<!--.*?-->\s*$")
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[ \t]*(?:[#.-]|\w+=)[^{}]*\}[ \t]*$")
# A stretch of text with nothing the inline readers treat specially.
_PLAIN = re.compile(r"[^\\`^\[*_<@\n-]+")


@dataclass(slots=True)
class MarkdownResult:
    """A draft read from Markdown, with what the reader could not take as it stood."""

    essay: Essay
    warnings: list[str] = field(default_factory=list)
    # Bibliography files named in the front matter, as written (relative to the draft).
    bibliography: list[str] = field(default_factory=list)
    # Cited keys found neither in `items` nor in the front matter's `references`.
    missing: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Cite:
    """A citation group met in running text: it becomes a note of its own."""

    citations: tuple[Citation, ...]
    line: int
    passage: PassageLink | None = None


_Token = Span | NoteAnchor | _Cite


def _has_key(text: str) -> bool:
    return any(
        m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
        for m in _KEY.finditer(text)
    )


def _append_dash(text: str, i: int, buffer: list[str]) -> int:
    """`---` becomes an em dash and `--` an en dash, as Pandoc's smart typography does."""
    if text[i + 2 : i + 3] == "-":
        buffer.append("—")
        return i + 3
    buffer.append("–")
    return i + 2


def _starts_key(text: str, i: int) -> bool:
    """An `@` that could open a citation key (not inside a word or an e-mail address)."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_\\")


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Reader:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.definitions: dict[str, tuple[str, int]] = {}
        self.used: set[str] = set()
        self.cited: dict[str, int] = {}  # key -> first line

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}")

    # -- inline -------------------------------------------------------------------------------

    def inlines(
        self, text: str, line: int, bold: bool = False, italic: bool = False
    ) -> list[_Token]:
        out: list[_Token] = []
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                out.append(Span("".join(buffer), bold=bold, italic=italic))
                buffer.clear()

        def line_at(index: int) -> int:
            return line + text.count("\n", 0, index)

        quiet = False
        i = 0
        n = len(text)
        while i < n:
            char = text[i]
            nxt = text[i + 1] if i + 1 < n else ""
            if char == "\\" and nxt in _ASCII_PUNCT:
                buffer.append(_KEEP.get(nxt, nxt))
                i += 2
            elif char == "\\" and nxt == "\n":
                buffer.append(" ")
                i += 2
            elif char == "`":
                end = code_span_end(text, i)
                if end is None:
                    run = len(text) - i - len(text[i:].lstrip("`"))
                    buffer.append("`" * run)
                    i += run
                else:
                    run = len(text) - i - len(text[i:].lstrip("`"))
                    buffer.append(text[i + run : end - run].strip() or text[i + run : end - run])
                    i = end
            elif char == "^" and nxt == "[":
                close = matching_bracket(text, i + 1)
                if close == -1:
                    self.warn(
                        line_at(i), f"unclosed inline note {_excerpt(text[i:])!r} kept as text"
                    )
                    buffer.append("^[")
                    i += 2
                    continue
                flush()
                note, passage = self.note(text[i + 2 : close], line_at(i))
                out.append(NoteAnchor(note, passage))
                i = close + 1
            elif char == "[" and nxt == "^" and (ref := _FOOTNOTE_REF.match(text, i)):
                label = ref.group(1)
                if label in self.definitions:
                    flush()
                    body, def_line = self.definitions[label]
                    if label in self.used:
                        self.warn(
                            line_at(i),
                            f"footnote [^{label}] is referenced twice: its note is repeated",
                        )
                    self.used.add(label)
                    note, passage = self.note(body, def_line)
                    out.append(NoteAnchor(note, passage))
                else:
                    self.warn(line_at(i), f"footnote [^{label}] has no definition; kept as text")
                    buffer.append(ref.group(0))
                i = ref.end()
            elif char == "[":
                start = i
                i, group, quiet = self._bracket(text, i, line_at, buffer, quiet, "")
                if group:
                    flush()
                    out.append(_Cite(group, line_at(start)))
            elif char in "*_":
                run = len(text) - i - len(text[i:].lstrip(char))
                before = text[i - 1] if i else " "
                after = text[i + run] if i + run < n else " "
                opens = not after.isspace() and not (char == "_" and before.isalnum())
                done = False
                if opens:
                    for size in (3, 2, 1):
                        if size > run:
                            continue
                        closing = _emphasis_close(text, i + size, char, size)
                        if closing is None:
                            continue
                        flush()
                        out.extend(
                            self.inlines(
                                text[i + size : closing],
                                line_at(i),
                                bold=bold or size >= 2,
                                italic=italic or size != 2,
                            )
                        )
                        i = closing + size
                        done = True
                        break
                if not done:
                    buffer.append(char * run)
                    i += run
            elif char == "<" and text.startswith("<!--", i):
                end = text.find("-->", i)
                if end == -1:
                    buffer.append(char)
                    i += 1
                    continue
                comment = text[i : end + 3]
                found = _PASSAGE.fullmatch(comment)
                target = out[-1] if out and not "".join(buffer).strip() else None
                if found and isinstance(target, (NoteAnchor, _Cite)):
                    target.passage = PassageLink(
                        found["source"], int(found["ordinal"]), found["page"] or None
                    )
                    buffer.clear()
                elif not found:
                    self.warn(line_at(i), f"HTML comment {_excerpt(comment)!r} left out")
                i = end + 3
            elif char == "-" and nxt == "-":
                i = _append_dash(text, i, buffer)
            elif char == "@" and _starts_key(text, i):
                if not quiet:
                    self._warn_in_text_key(text, i, line_at, "", "for a note")
                buffer.append(char)
                i += 1
            elif char == "\n":
                buffer.append(" ")
                i += 1
            else:
                plain = _PLAIN.match(text, i)
                end = plain.end() if plain else i + 1
                buffer.append(text[i:end].replace("...", "…"))
                i = end
        flush()
        return out

    def _warn_in_text_key(
        self, text: str, i: int, line_at: Callable[[int], int], where: str, advice: str
    ) -> None:
        key = _KEY.match(text, i)
        if key:
            self.warn(
                line_at(i),
                f"in-text citation {key.group(0)!r}{where} is kept as text: write"
                f" [{key.group(0)}] {advice}",
            )

    def _bracket(
        self,
        text: str,
        i: int,
        line_at: Callable[[int], int],
        buffer: list[str],
        quiet: bool,
        where: str,
    ) -> tuple[int, tuple[Citation, ...], bool]:
        """Read the bracket at `i`: a citation group, or text kept in `buffer` with a warning
        when it looks like a broken citation. Returns (next index, group or (), quiet), where
        `quiet` silences a second warning for the @key of an unclosed bracket."""
        close = matching_bracket(text, i)
        if close == -1:
            if _has_key(text[i + 1 :]) and not quiet:
                self.warn(
                    line_at(i),
                    f"unclosed citation bracket {_excerpt(text[i:])!r}{where}: add the closing"
                    " ']'; it is kept as text",
                )
                quiet = True
            buffer.append("[")
            return i + 1, (), quiet
        inner = text[i + 1 : close]
        if not _has_key(inner) or text[close + 1 : close + 2] == "(":
            buffer.append("[")  # link text or plain brackets: read on inside them
            return i + 1, (), quiet
        try:
            group = _smart_group(parse_citation_group(inner.replace("\n", " ")))
        except CitationSyntaxError as error:
            self.warn(
                line_at(i),
                f"{_excerpt(text[i : close + 1])!r} is not a citation: {error.message};"
                " it is kept as text",
            )
            buffer.append(text[i : close + 1])
            return close + 1, (), quiet
        for citation in group:
            self.cited.setdefault(citation.item_id, line_at(i))
        return close + 1, group, quiet

    def note(self, text: str, line: int) -> tuple[Note, PassageLink | None]:
        """A note's Markdown as commentary strings (keeping `*italics*`) and citation groups."""
        segments: list[str | tuple[Citation, ...]] = []
        buffer: list[str] = []
        passage: PassageLink | None = None

        def flush() -> None:
            if buffer:
                segments.append("".join(buffer))
                buffer.clear()

        def line_at(index: int) -> int:
            return line + text.count("\n", 0, index)

        quiet = False
        i = 0
        n = len(text)
        while i < n:
            char = text[i]
            nxt = text[i + 1] if i + 1 < n else ""
            if char == "\\" and nxt in _ASCII_PUNCT:
                # Escaped emphasis markers stay escaped: commentary keeps Markdown italics.
                buffer.append(text[i : i + 2] if nxt in "*_" else _KEEP.get(nxt, nxt))
                i += 2
            elif char == "`":
                end = code_span_end(text, i) or i + 1
                buffer.append(text[i:end])
                i = end
            elif char == "[" and nxt != "^":
                i, group, quiet = self._bracket(text, i, line_at, buffer, quiet, " in a note")
                if group:
                    flush()
                    segments.append(group)
            elif char == "<" and (found := _PASSAGE.match(text, i)):
                passage = PassageLink(found["source"], int(found["ordinal"]), found["page"] or None)
                i = found.end()
            elif char == "-" and nxt == "-":
                i = _append_dash(text, i, buffer)
            elif char == "@" and _starts_key(text, i):
                if not quiet:
                    self._warn_in_text_key(text, i, line_at, " in a note", "to cite it")
                buffer.append(char)
                i += 1
            else:
                plain = _PLAIN.match(text, i)
                end = plain.end() if plain else i + 1
                buffer.append(text[i:end].replace("...", "…"))
                i = end
        flush()
        # Paragraph breaks stay "\n\n" (a note of several paragraphs); soft breaks become spaces.
        tidy: list[str | tuple[Citation, ...]] = []
        for k, segment in enumerate(segments):
            if isinstance(segment, str):
                paragraphs = re.split(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*", segment)
                segment = "\n\n".join(re.sub(r"[ \t]*\n[ \t]*", " ", p) for p in paragraphs)
                if k == 0:
                    segment = segment.lstrip()
                if k == len(segments) - 1:
                    segment = segment.rstrip()
                if not segment:
                    continue
            tidy.append(segment)
        return Note(tuple(smart_quotes(s) if isinstance(s, str) else s for s in tidy)), passage

    # -- blocks -------------------------------------------------------------------------------

    def block(self, kind: BlockKind, text: str, line: int, level: int = 0) -> Block:
        tokens = self.inlines(text.strip(), line)
        inlines = _smart_inlines(_citations_to_notes(tokens))
        return Block(kind=kind, inlines=inlines, level=level)


# Escaped quotes stay straight: they wait in the private use area while quotes are curled.
_KEEP = {'"': "\ue000", "'": "\ue001"}
_KEPT = {v: k for k, v in _KEEP.items()}
_OPENING_CONTEXT = set("([{“‘—–-/")


def smart_quotes(text: str, before: str = " ", after: str = " ") -> str:
    """Pandoc's `smart` quotes: straight quotes curled by context; kept ones restored.

    `before`/`after` are the characters around `text` (a neighbouring span's), so a quote at
    a span's edge is judged by what really surrounds it.
    """
    if not any(c in text for c in "\"'\ue000\ue001"):
        return text
    out = []
    for index, char in enumerate(text):
        if char in _KEPT:
            out.append(_KEPT[char])
            continue
        if char not in "\"'":
            out.append(char)
            continue
        prev = text[index - 1] if index else before
        nxt = text[index + 1] if index + 1 < len(text) else after
        opening = (prev.isspace() or prev in _OPENING_CONTEXT) and not nxt.isspace()
        if char == '"':
            out.append("“" if opening else "”")
        elif prev.isalnum() or (opening and nxt.isdigit()):
            out.append("’")  # an apostrophe: Stalin’s, ’90s
        else:
            out.append("‘" if opening else "’")
    return "".join(out)


def _smart_inlines(inlines: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for index, inline in enumerate(inlines):
        if not isinstance(inline, Span):
            out.append(inline)
            continue
        previous = inlines[index - 1] if index else None
        following = inlines[index + 1] if index + 1 < len(inlines) else None
        before = (
            (previous.text[-1:] or " ")
            if isinstance(previous, Span)
            else ("x" if previous is not None else " ")  # a note mark counts as a word's end
        )
        after = (following.text[:1] or " ") if isinstance(following, Span) else " "
        out.append(Span(smart_quotes(inline.text, before, after), inline.bold, inline.italic))
    return out


def _dashes(text: str) -> str:
    return text.replace("---", "—").replace("--", "–")


def _smart_group(group: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """Pandoc's smart dashes inside a citation's locator, prefix and suffix (7--9 is 7–9)."""
    return tuple(
        replace(c, locator=_dashes(c.locator), prefix=_dashes(c.prefix), suffix=_dashes(c.suffix))
        if "--" in c.locator + c.prefix + c.suffix
        else c
        for c in group
    )


def _emphasis_close(text: str, start: int, char: str, size: int) -> int | None:
    """Where the emphasis opened just before `start` closes, or None."""
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            i = code_span_end(text, i) or i + 1
            continue
        if c == "[":
            close = matching_bracket(text, i)
            if close != -1 and (text[i + 1 : i + 2] == "^" or _has_key(text[i + 1 : close])):
                i = close + 1
                continue
        if c == "\n" and text[i + 1 : i + 2] == "\n":
            return None
        if c == char:
            run = len(text) - i - len(text[i:].lstrip(char))
            before = text[i - 1]
            after = text[i + run] if i + run < n else " "
            closes = not before.isspace() and not (char == "_" and after.isalnum())
            opens = not after.isspace() and not (char == "_" and before.isalnum())
            # CommonMark's rule of three decides runs that could both open and close.
            if (
                closes
                and i > start
                and (run == size or (run > size and (not opens or (run + size) % 3 != 0)))
            ):
                return i
            if opens and run != size and run < 3:
                inner = _emphasis_close(text, i + run, char, run)
                if inner is not None:
                    i = inner + run
                    continue
            i += run
            continue
        i += 1
    return None


def _citations_to_notes(tokens: list[_Token]) -> list[Inline]:
    """Turn citations in the text into notes and place them as Pandoc does for note styles."""
    out: list[Inline] = []
    pending_punct = ""
    for index, token in enumerate(tokens):
        if isinstance(token, Span):
            text = token.text
            if pending_punct:
                text = text[len(pending_punct) :]
                pending_punct = ""
            if text:
                if (
                    out
                    and isinstance(out[-1], Span)
                    and (out[-1].bold, out[-1].italic)
                    == (
                        token.bold,
                        token.italic,
                    )
                ):
                    out[-1] = Span(out[-1].text + text, token.bold, token.italic)
                else:
                    out.append(Span(text, token.bold, token.italic))
            continue
        if isinstance(token, _Cite):
            anchor = NoteAnchor(Note((token.citations,)), token.passage)
            # The space before a citation goes; punctuation after it moves before the note.
            if out and isinstance(out[-1], Span):
                stripped = out[-1].text.rstrip()
                out[-1] = Span(stripped, out[-1].bold, out[-1].italic)
                if not stripped:
                    out.pop()
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            # Like Pandoc, only plain punctuation moves: "[@a]*:*" keeps its italic colon.
            if isinstance(following, Span) and not (following.bold or following.italic):
                punct = following.text[
                    : len(following.text) - len(following.text.lstrip(_NOTE_PUNCT))
                ]
                if punct:
                    last = out[-1] if out else None
                    same = (following.bold, following.italic)
                    if isinstance(last, Span) and (last.bold, last.italic) == same:
                        out[-1] = Span(last.text + punct, last.bold, last.italic)
                    else:
                        out.append(Span(punct, following.bold, following.italic))
                    pending_punct = punct
            out.append(anchor)
            continue
        out.append(token)
    return out


def _front_matter(reader: _Reader, block: str) -> dict[str, Any]:
    try:
        data = load_yaml(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = 2 + mark.line if mark is not None else 1
        reader.warn(
            where,
            f"the front matter is not valid YAML ({getattr(error, 'problem', error)});"
            " it is kept as text",
        )
        return {"__invalid__": True}
    if data is None:
        return {}
    if not isinstance(data, dict):
        reader.warn(1, "the front matter is not a YAML mapping; it is kept as text")
        return {"__invalid__": True}
    return data


def _metadata_text(value: Any) -> str:
    """A metadata field (Markdown string, or list of them / of {name: ...}) as plain text."""
    from assistant.essay.outline import plain_text

    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(t for t in (_metadata_text(v) for v in value) if t)
    if isinstance(value, dict):
        return _metadata_text(value.get("name", value.get("literal", "")))
    return plain_text(str(value))


def _split_blocks(lines: list[str], first_line: int) -> list[tuple[str, str, int, int]]:
    """Body lines into (kind, text, line number, level) blocks."""
    blocks: list[tuple[str, str, int, int]] = []
    paragraph: list[str] = []
    paragraph_line = 0
    quote: list[str] = []
    quote_line = 0
    kind_of_paragraph = "paragraph"

    def flush_paragraph() -> None:
        nonlocal kind_of_paragraph
        if paragraph:
            blocks.append((kind_of_paragraph, "\n".join(paragraph), paragraph_line, 0))
            paragraph.clear()
        kind_of_paragraph = "paragraph"

    def flush_quote() -> None:
        if not quote:
            return
        # One block quotation may hold several paragraphs: each becomes a blockquote block.
        start = quote_line
        current: list[str] = []
        for offset, text in enumerate([*quote, ""]):
            if text.strip():
                if not current:
                    start = quote_line + offset
                current.append(text)
            elif current:
                blocks.append(("blockquote", "\n".join(current), start, 0))
                current = []
        quote.clear()

    for offset, raw in enumerate(lines):
        number = first_line + offset
        line = raw.expandtabs(4)
        if quote and line.strip() and not _QUOTE.match(line) and quote[-1].strip():
            quote.append(line.strip())  # a lazy continuation of the quoted paragraph
            continue
        if (m := _QUOTE.match(line)) and not paragraph:
            if not quote:
                quote_line = number
            quote.append(m.group(1))
            continue
        flush_quote()
        if not line.strip():
            flush_paragraph()
            continue
        if _COMMENT_ONLY.match(line) and not paragraph:
            blocks.append(("comment", line.strip(), number, 0))
            continue
        if m := _ATX.match(line):
            flush_paragraph()
            # Pandoc's heading attributes ({#id .class}, {-}) are not part of the title.
            title = _HEADING_ATTRIBUTES.sub("", m.group(2) or "")
            blocks.append(("heading", title, number, len(m.group(1))))
            continue
        if paragraph and (m := _SETEXT.match(line)) and kind_of_paragraph == "paragraph":
            level = 1 if m.group(1).startswith("=") else 2
            blocks.append(("heading", "\n".join(paragraph), paragraph_line, level))
            paragraph.clear()
            continue
        if not paragraph and _RULE.match(line):
            blocks.append(("rule", line.strip(), number, 0))
            continue
        if _LIST.match(line):
            flush_paragraph()
            paragraph_line = number
            kind_of_paragraph = "list"
            paragraph.append(line.strip())
            continue
        if not paragraph:
            paragraph_line = number
        paragraph.append(line.strip())
    flush_quote()
    flush_paragraph()
    return blocks


def _take_definitions(reader: _Reader, lines: list[str], first_line: int) -> list[str]:
    """Blank out footnote definitions in the body (so line numbers hold), storing them."""
    body: list[str] = []
    i = 0
    while i < len(lines):
        m = _DEFINITION.match(lines[i])
        if not m:
            body.append(lines[i])
            i += 1
            continue
        taken_from = i
        label = m.group(1)
        start = first_line + i
        parts = [m.group(2)]
        i += 1
        while i < len(lines):
            line = lines[i].expandtabs(4)
            if not line.strip():
                # A blank line continues the note only if an indented line follows.
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and lines[j].expandtabs(4).startswith("    "):
                    parts.extend([""] * (j - i))
                    i = j
                    continue
                break
            if line.startswith("    "):
                parts.append(line[4:])
            elif _DEFINITION.match(line) or _ATX.match(line) or not parts[-1].strip():
                break
            else:
                parts.append(line)  # lazy continuation of the note's paragraph
            i += 1
        if label in reader.definitions:
            reader.warn(
                start, f"footnote [^{label}] is defined twice; the first definition is used"
            )
        else:
            reader.definitions[label] = ("\n".join(parts), start)
        body.extend([""] * (i - taken_from))
    return body


def read_markdown(text: str, items: Mapping[str, dict[str, Any]] | None = None) -> MarkdownResult:
    """Read a Pandoc Markdown draft. `items` (CSL-JSON by id) fill the essay's snapshot."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    reader = _Reader()
    essay = Essay()
    bibliography: list[str] = []
    references: dict[str, dict[str, Any]] = {}
    first_line = 1
    kept_front: list[str] = []
    front = _FRONT_MATTER.match(text)
    if front:
        meta = _front_matter(reader, front.group(1) or "")
        if meta.get("__invalid__"):
            kept_front = (front.group(1) or "").rstrip("\n").split("\n")
        else:
            essay.title = _metadata_text(meta.get("title"))
            essay.author = _metadata_text(meta.get("author"))
            bib = meta.get("bibliography")
            if isinstance(bib, str):
                bibliography = [bib]
            elif isinstance(bib, list):
                bibliography = [str(b) for b in bib]
            for entry in meta.get("references") or []:
                if isinstance(entry, dict) and entry.get("id") is not None:
                    references[str(entry["id"])] = {**entry, "id": str(entry["id"])}
        first_line = 1 + text.count("\n", 0, front.end())
        text = text[front.end() :]
    lines = text.split("\n")
    body = _take_definitions(reader, lines, first_line)
    blocks: list[Block] = []
    if kept_front:
        blocks.append(Block("paragraph", [Span("\n".join(["---", *kept_front, "---"]))]))
    list_warned = False
    for kind, block_text, line, level in _split_blocks(body, first_line):
        if kind == "comment":
            if not _PASSAGE.fullmatch(block_text):
                reader.warn(line, f"HTML comment {_excerpt(block_text)!r} left out")
            continue
        if kind == "rule":
            reader.warn(line, "a horizontal rule is kept as a paragraph of '* * *'")
            blocks.append(Block("paragraph", [Span("* * *")]))
            continue
        if kind == "list":
            if not list_warned:
                reader.warn(line, "essays have no lists: list items are kept as paragraphs")
                list_warned = True
            blocks.append(Block("paragraph", [Span(block_text.replace("\n", " "))]))
            continue
        block_kind: BlockKind = (
            "heading"
            if kind == "heading"
            else ("blockquote" if kind == "blockquote" else "paragraph")
        )
        blocks.append(reader.block(block_kind, block_text, line, level))
    for label, (_body, line) in reader.definitions.items():
        if label not in reader.used:
            reader.warn(line, f"footnote [^{label}] is never referenced; it is not in the essay")
            # Not dropped: the unreferenced note is kept as a paragraph at the end.
            blocks.append(Block("paragraph", [Span(f"[^{label}]: {_body}")]))
    essay.blocks = blocks
    known = {**references, **(items or {})}
    missing: list[str] = []
    if items is not None or references:
        for key, line in reader.cited.items():
            if key not in known:
                missing.append(key)
                reader.warn(line, f"@{key} is not in the bibliography")
    essay.items = {key: dict(known[key]) for key in essay.cited_ids() if key in known}
    return MarkdownResult(essay, reader.warnings, bibliography, missing)


# -- writing ----------------------------------------------------------------------------------


_TEXT_SPECIAL = re.compile(r"[\\*_`\[\]^~<]|(?<![\w])@|(?<=-)-|\n")


def _escape_text(text: str, at_line_start: bool) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        return " " if char == "\n" else "\\" + char

    result = _TEXT_SPECIAL.sub(escape, text)
    if at_line_start:
        result = _escape_line_start(result)
    return result


def _escape_line_start(text: str) -> str:
    if re.match(r"[#>+:%|-]|[-*_](?:[ \t]*[-*_]){2,}", text):
        return "\\" + text
    if m := re.match(r"(\d{1,9})([.)])", text):
        return f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    if text.startswith("=") or text.startswith("    "):
        return "\\" + text if text.startswith("=") else text.lstrip()
    return text


def _escape_commentary(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and (not after or after not in "*_"):
            out.append("\\\\")
        elif char in "`[]^~<":
            out.append("\\" + char)
        elif char == "@" and not (before.isalnum() or before == "_"):
            out.append("\\@")
        elif char == "-" and before == "-":
            out.append("\\-")
        else:
            out.append(char)
    return "".join(out)


def _passage_comment(link: PassageLink | None) -> str:
    if link is None:
        return ""
    page = f" p. {link.page}" if link.page else ""
    return f"<!-- passage: {link.source_id}#{link.ordinal}{page} -->"


def _note_markdown(note: Note) -> str:
    parts: list[str] = []
    for segment in note.segments:
        if isinstance(segment, str):
            parts.append(_escape_commentary(segment))
        else:
            parts.append(f"[{format_citation_group(segment)}]")
    return "".join(parts)


def _is_bare_citation(note: Note) -> bool:
    return (
        len(note.segments) == 1 and isinstance(note.segments[0], tuple) and bool(note.segments[0])
    )


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    if not (bold or italic) or not text.strip():
        return text
    mark = "***" if bold and italic else "**" if bold else "*"
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _write_inlines(block: Block, footnotes: list[tuple[Note, PassageLink | None]]) -> str:
    out = ""
    spans: list[Span] = []

    def flush() -> None:
        nonlocal out
        for span in spans:
            # The reader drops a block's leading blanks; dropping them here too keeps a
            # line-start escape ("1\\.") at the real start of the line.
            text = span.text if out else span.text.lstrip()
            escaped = _escape_text(text, at_line_start=not out)
            if escaped.startswith(":") and re.fullmatch(r"\[[^\]]*\]", out):
                escaped = "\\" + escaped  # "[^1]:" or "[@a]:" would start a definition
            out += _emphasis(escaped, span.bold, span.italic)
        spans.clear()

    for inline in block.inlines:
        if isinstance(inline, Span):
            if spans and (spans[-1].bold, spans[-1].italic) == (inline.bold, inline.italic):
                spans[-1] = Span(spans[-1].text + inline.text, inline.bold, inline.italic)
            else:
                spans.append(Span(inline.text, inline.bold, inline.italic))
            continue
        flush()
        if _is_bare_citation(inline.note):
            group = inline.note.segments[0]
            assert isinstance(group, tuple)
            # Write "text [@a]." for "text.¹": Pandoc moves the period back before the note.
            stripped = out.rstrip(_NOTE_PUNCT)
            punct = out[len(stripped) :]
            citation = f"[{format_citation_group(group)}]{_passage_comment(inline.passage)}"
            if punct and stripped and not stripped.endswith((" ", "\\", "]")):
                out = f"{stripped} {citation}{punct}"
            else:
                out += ("" if not out or out.endswith(" ") else " ") + citation
        else:
            footnotes.append((inline.note, inline.passage))
            out += f"[^{len(footnotes)}]"
    flush()
    return out.rstrip()


def write_markdown(essay: Essay, *, references: bool = True) -> str:
    """The essay as Pandoc Markdown; `references` puts the cited items' CSL in the front matter.

    With the references in the front matter the file is self-contained:
    `pandoc --citeproc --csl chicago-notes-bibliography.csl draft.md -o draft.docx` needs
    nothing else.
    """
    lines: list[str] = []
    meta: dict[str, Any] = {}
    if essay.title:
        meta["title"] = _escape_text(essay.title, at_line_start=False)
    if essay.author:
        meta["author"] = _escape_text(essay.author, at_line_start=False)
    if references and essay.items:
        cited = [essay.items[key] for key in essay.cited_ids() if key in essay.items]
        if cited:
            meta["references"] = cited
    if meta:
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        lines += ["---", *dumped.rstrip("\n").split("\n"), "---", ""]
    footnotes: list[tuple[Note, PassageLink | None]] = []
    previous_kind = ""
    for block in essay.blocks:
        text = _write_inlines(block, footnotes)
        if block.kind == "heading":
            if text.endswith("#"):
                text = text[:-1] + "\\#"  # else it would read as the closing hashes
            lines += [f"{'#' * max(1, min(block.level or 1, 6))} {text}".rstrip(), ""]
        elif block.kind == "blockquote":
            if previous_kind == "blockquote":
                lines[-1] = ">"  # same quotation, next paragraph
            lines += [f"> {text}".rstrip(), ""]
        elif text.strip():
            lines += [text, ""]
        previous_kind = block.kind
    for number, (note, passage) in enumerate(footnotes, start=1):
        body = _note_markdown(note) + (" " + _passage_comment(passage) if passage else "")
        paragraphs = body.split("\n\n")
        first, *rest = paragraphs
        lines.append(f"[^{number}]: {first.replace(chr(10), ' ')}".rstrip())
        for paragraph in rest:
            lines += ["", "    " + paragraph.replace("\n", " ").lstrip()]
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
