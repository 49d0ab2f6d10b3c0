"""An essay written as Pandoc Markdown that Pandoc, Zettlr and this app read back the same.

A note that is just one citation group is written as a citation in the text
(`... policy [@shen-2000, 52].`, or `@shen-2000 [52]` for an author-in-text citation); any
other note as a `[^n]` footnote with its definition at the end. Lists are written with `-` or
`1.` markers indented under their parent item, tables as pipe tables (caption after them),
small caps as `[text]{.smallcaps}`, links as `[text](url)`. Passage links ride along as
`<!-- passage: SOURCE#ORDINAL p. PAGE -->` comments, which Pandoc and Zettlr ignore.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import yaml

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import format_citation, format_citation_group
from assistant.essay.citeproc_punctuation import is_citeproc_punctuation
from assistant.essay.model import Block, Essay, Inline, PassageLink, Span

__all__ = ["write_markdown"]

_NOTE_PUNCT = ".,;:!?"


# Every "@" is escaped: Pandoc reads a citation even after a letter or digit ("1@*" cites
# "*", the second "@" of "1@1@1" cites "1"), so no position is safe.
_TEXT_SPECIAL = re.compile(r"[\\*_`\[\]^~<@]|(?<=-)-|\n")


def _escape_text(text: str, at_line_start: bool) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        return " " if char == "\n" else "\\" + char

    result = _TEXT_SPECIAL.sub(escape, text)
    if at_line_start:
        result = _escape_line_start(result)
    return result


def _escape_metadata(text: str) -> str:
    return re.sub(r"(['\"])", r"\\\1", _escape_text(text, at_line_start=False))


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
        elif char == "@":  # as in body text (`_TEXT_SPECIAL`): every "@" escaped
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


def _in_text_citation(citation: Citation) -> str:
    """`@key [locator, suffix]`: Pandoc's author-in-text form."""
    written = format_citation(replace(citation, prefix="", suppress_author=False))
    key = re.match(r"@(?:\{[^{}]*\}|[^\s,]+)", written)
    head = key.group(0) if key else "@" + citation.item_id
    rest = written[len(head) :].lstrip(",").strip()
    return f"{head} [{rest}]" if rest else head


def _group_markdown(group: tuple[Citation, ...]) -> str:
    if len(group) == 1 and group[0].author_in_text:
        return _in_text_citation(group[0])
    return f"[{format_citation_group(group)}]"


def _note_markdown(note: Note) -> str:
    parts: list[str] = []
    previous: object = None
    for segment in note.segments:
        if isinstance(segment, str):
            parts.append(_escape_commentary(segment))
        elif (
            isinstance(previous, tuple)
            and parts[-1].startswith("[")
            and not (len(segment) == 1 and segment[0].author_in_text)
        ):
            # "[@a][@b]" would read as a reference link: groups side by side become one.
            parts[-1] = parts[-1][:-1] + "; " + format_citation_group(segment) + "]"
        else:
            parts.append(_group_markdown(segment))
        previous = segment
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


def _wrap(text: str, opening: str, closing: str) -> str:
    """Markup around the text but outside its edge blanks (`* x *` is no emphasis)."""
    if not text.strip():
        return text
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{opening}{core}{closing}{trail}"


def _code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _span_markdown(span: Span, at_line_start: bool, line_breaks: bool) -> str:
    if span.code:
        text = _code(span.text.replace("\n", " "))
    else:
        pieces = span.text.split("\n")
        escaped = [
            _escape_text(piece, at_line_start=at_line_start if index == 0 else True)
            for index, piece in enumerate(pieces)
        ]
        text = ("\\\n" if line_breaks else " ").join(escaped)
        text = _emphasis(text, span.bold, span.italic)
        if span.strike:
            text = _wrap(text, "~~", "~~")
    if span.small_caps:
        text = _wrap(text, "[", "]{.smallcaps}")
    if span.link:
        if span.text == span.link and not (span.bold or span.italic or span.small_caps):
            text = f"<{span.link}>"
        else:
            target = span.link.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            text = _wrap(text, "[", f"]({target})")
    return text


def _write_inlines(
    inlines: list[Inline],
    footnotes: list[tuple[Note, PassageLink | None]],
    *,
    line_breaks: bool = True,
) -> str:
    out = ""
    spans: list[Span] = []

    def flush() -> None:
        nonlocal out
        for span in spans:
            # The reader drops a block's leading blanks; dropping them here too keeps a
            # line-start escape ("1\\.") at the real start of the line.
            text = span.text if out else span.text.lstrip()
            if not text:
                continue
            escaped = _span_markdown(replace(span, text=text), not out, line_breaks)
            if escaped.startswith(":") and re.fullmatch(r"\[[^\]]*\]", out):
                escaped = "\\" + escaped  # "[^1]:" or "[@a]:" would start a definition
            out += escaped
        spans.clear()

    for index, inline in enumerate(inlines):
        if isinstance(inline, Span):
            if spans and spans[-1].same_format(inline):
                spans[-1] = replace(spans[-1], text=spans[-1].text + inline.text)
            else:
                spans.append(replace(inline))
            continue
        flush()
        following = inlines[index + 1] if index + 1 < len(inlines) else None
        # A citation written in the text pulls the punctuation after it before its note mark
        # (citeproc's rule); a note mark that stands before punctuation is a footnote instead.
        punct_after = isinstance(following, Span) and is_citeproc_punctuation(following.text[:1])
        # And the space before a citation goes on reading: after a blank it is a footnote too.
        space_before = bool(out) and out[-1].isspace()
        group = inline.note.segments[0] if inline.note.segments else ()
        in_text = isinstance(group, tuple) and len(group) == 1 and group[0].author_in_text
        if _is_bare_citation(inline.note) and (in_text or not (punct_after or space_before)):
            group = inline.note.segments[0]
            assert isinstance(group, tuple)
            citation = _group_markdown(group) + _passage_comment(inline.passage)
            if len(group) == 1 and group[0].author_in_text:
                out += citation  # the author's name stands in the sentence, as written
                continue
            # Write "text [@a]." for "text.¹": Pandoc moves the period back before the note.
            stripped = out.rstrip(_NOTE_PUNCT)
            punct = out[len(stripped) :]
            if punct and stripped and not stripped.endswith((" ", "\\", "]")):
                out = f"{stripped} {citation}{punct}"
            else:
                out += ("" if not out or out.endswith(" ") else " ") + citation
        else:
            footnotes.append((inline.note, inline.passage))
            out += f"[^{len(footnotes)}]"
    flush()
    return out.rstrip()


_TASK = {"☐": "[ ]", "☒": "[x]"}


@dataclass(slots=True)
class _Level:
    marker_indent: int
    content_indent: int
    ordered: bool
    number: int  # the next item's number


def _list_lines(blocks: list[Block], footnotes: list[tuple[Note, PassageLink | None]]) -> list[str]:
    """A run of list_item blocks as Markdown lists, nested items indented under their parent's
    text as Pandoc requires."""
    lines: list[str] = []
    levels: list[_Level] = []
    loose = any(block.continued for block in blocks)
    for block in blocks:
        depth = max(1, block.level)
        del levels[depth:]
        text = _write_inlines(block.inlines, footnotes)
        if block.continued:
            indent = levels[-1].content_indent if levels else 4
            if text:
                lines += ["", " " * indent + text]
            continue
        while len(levels) < depth - 1:  # a level skipped: an empty item holds the nesting
            indent = levels[-1].content_indent if levels else 0
            lines.append(" " * indent + "-")
            levels.append(_Level(indent, indent + 2, False, 1))
        if len(levels) == depth and levels[-1].ordered != block.ordered:
            levels.pop()  # a list of the other kind begins here (Pandoc starts a new one)
        if len(levels) == depth:
            level = levels[-1]
        else:
            indent = levels[-1].content_indent if levels else 0
            level = _Level(indent, indent, block.ordered, max(0, block.start))
            levels.append(level)
        marker = f"{level.number}." if block.ordered else "-"
        level.content_indent = level.marker_indent + len(marker) + 1
        level.number += 1
        if text[:1] in _TASK and text[1:2] == " ":
            text = _TASK[text[0]] + text[1:]
        if loose and lines and lines[-1] != "":
            lines.append("")
        lines.append(f"{' ' * level.marker_indent}{marker} {text}".rstrip())
    return lines


def _cell_markdown(cell: list[Inline], footnotes: list[tuple[Note, PassageLink | None]]) -> str:
    text = _write_inlines(cell, footnotes, line_breaks=False)
    return text.replace("|", "\\|") or " "


_ALIGN_RULE = {"left": ":--", "right": "--:", "center": ":-:", "default": "---"}


def _table_lines(block: Block, footnotes: list[tuple[Note, PassageLink | None]]) -> list[str]:
    caption = _write_inlines(block.inlines, footnotes, line_breaks=False)
    columns = max([len(block.align), *(len(row) for row in block.rows)], default=1) or 1
    align = [*block.align, *["default"] * columns][:columns]
    header = block.rows[0] if block.header_rows else [[] for _ in range(columns)]
    body = block.rows[1:] if block.header_rows else block.rows
    # Header rows beyond the first have no place in a pipe table: they lead the body.
    body = [*block.rows[1 : block.header_rows], *body[max(0, block.header_rows - 1) :]]

    def row_line(row: list[list[Inline]]) -> str:
        cells = [_cell_markdown(cell, footnotes) for cell in row]
        cells += [" "] * (columns - len(cells))
        return "| " + " | ".join(cells) + " |"

    lines = [row_line(header), "|" + "|".join(_ALIGN_RULE[a] for a in align) + "|"]
    lines += [row_line(row) for row in body]
    if caption:
        lines += ["", f": {caption}"]
    return lines


def _code_lines(block: Block) -> list[str]:
    text = "".join(i.text for i in block.inlines if isinstance(i, Span))
    longest = max((len(run) for run in re.findall(r"^`{3,}", text, re.M)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *text.rstrip("\n").split("\n"), fence]


def write_markdown(essay: Essay, *, references: bool = True) -> str:
    """The essay as Pandoc Markdown; `references` puts the cited items' CSL in the front matter.

    With the references in the front matter the file is self-contained:
    `pandoc --citeproc --csl chicago-notes-bibliography.csl draft.md -o draft.docx` needs
    nothing else.
    """
    lines: list[str] = []
    meta: dict[str, Any] = {}
    # Pandoc reads the title as Markdown with smart quotes: escaped, the writer's own straight
    # quotes stay straight.
    if essay.title:
        meta["title"] = _escape_metadata(essay.title)
    if essay.author:
        meta["author"] = _escape_metadata(essay.author)
    if references and essay.items:
        cited = [essay.items[key] for key in essay.cited_ids() if key in essay.items]
        if cited:
            meta["references"] = cited
    if meta:
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        lines += ["---", *dumped.rstrip("\n").split("\n"), "---", ""]
    footnotes: list[tuple[Note, PassageLink | None]] = []
    previous_kind = ""
    blocks = essay.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "list_item":
            end = index
            while end < len(blocks) and blocks[end].kind == "list_item":
                end += 1
            lines += [*_list_lines(blocks[index:end], footnotes), ""]
            index = end
            previous_kind = "list_item"
            continue
        index += 1
        if block.kind == "table":
            lines += [*_table_lines(block, footnotes), ""]
        elif block.kind == "code":
            lines += [*_code_lines(block), ""]
        elif block.kind == "heading":
            text = _write_inlines(block.inlines, footnotes, line_breaks=False)
            if text.endswith("#"):
                text = text[:-1] + "\\#"  # else it would read as the closing hashes
            lines += [f"{'#' * max(1, min(block.level or 1, 6))} {text}".rstrip(), ""]
        elif block.kind == "blockquote":
            text = _write_inlines(block.inlines, footnotes)
            if previous_kind == "blockquote":
                lines[-1] = ">"  # same quotation, next paragraph
            lines += [f"> {line}".rstrip() for line in text.split("\n")] + [""]
        else:
            text = _write_inlines(block.inlines, footnotes)
            if text.strip():
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
