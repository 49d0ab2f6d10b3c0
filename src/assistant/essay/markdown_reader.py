"""A Pandoc Markdown draft read into an essay, through Pandoc's own reader (its JSON AST).

What Pandoc reads is what the essay holds: headings, paragraphs, block quotations, bullet,
ordered and task lists (nested), pipe and other simple tables, code blocks, `*italic*`,
`**bold**`, `~~strikeout~~`, `[small caps]{.smallcaps}`, links, footnotes `[^1]`, inline notes
`^[...]` and citations in every form Pandoc knows: `[see @a, 4; @b, 7–9]`, `[-@a]`, and
`@a [52]` (author in text). A citation in the running text becomes a note of its own, as
Pandoc's citeproc does with a note style; the space before it goes and punctuation after it
moves before the note mark by citeproc's own rules (`mvPunct`, quoted below). Citations in list
items, block quotations and table cells are notes like any other.

The locator is parsed from the citation's suffix by `assistant.cite.pandoc_syntax.parse_locator`,
the same rules citeproc applies. What the essay cannot hold (images, raw HTML, math) is kept as
text or named in a warning with its line, never dropped silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.essay.frontmatter import FrontMatterError, load_yaml, split_front_matter
from assistant.essay.markdown_diagnostics import (
    PASSAGE_COMMENT,
    excerpt,
    report_pandoc_warnings,
    yaml_line,
)
from assistant.essay.markdown_inlines import InlineFormat, InlineReader, place_notes
from assistant.essay.markdown_metadata import load_bibliographies, meta_string, metadata_text
from assistant.essay.model import Block, BlockKind, Cell, Essay, Span
from assistant.essay.pandoc_ast import PandocError, parse_markdown

__all__ = [
    "PASSAGE_COMMENT",
    "MarkdownResult",
    "PandocError",
    "load_bibliographies",
    "read_markdown",
]

JSON = dict[str, Any]

_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_ALIGN = {"AlignLeft": "left", "AlignRight": "right", "AlignCenter": "center"}


@dataclass(slots=True)
class MarkdownResult:
    """A draft read from Markdown, with what the reader could not take as it stood."""

    essay: Essay
    warnings: list[str] = field(default_factory=list)
    # Bibliography files named in the front matter's `bibliography:`, as written (relative to
    # the draft), for the app's Import and the command line to load as Pandoc does.
    bibliography: list[str] = field(default_factory=list)
    # Cited keys found neither in `items` nor in the front matter's `references`.
    missing: list[str] = field(default_factory=list)

    @property
    def bibliography_paths(self) -> list[str]:
        return list(self.bibliography)


# CSL's date variables: in CSL YAML (a draft's `references:`) Pandoc takes a bare year or a
# date string where CSL-JSON wants an object.
_DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted", "available-date")


def _csl_yaml_item(entry: dict[str, Any]) -> dict[str, Any]:
    """A `references:` entry as CSL-JSON: ids as text, `issued: 1982` as a date object."""
    item = {**entry, "id": str(entry["id"])}
    for field_name in _DATE_FIELDS:
        value = item.get(field_name)
        if isinstance(value, int) and not isinstance(value, bool):
            item[field_name] = {"date-parts": [[value]]}
        elif isinstance(value, str) and value.strip():
            item[field_name] = {"raw": value.strip()}
    return item


class _Reader(InlineReader):
    """Reads Pandoc's blocks into the essay's (its inlines are `InlineReader`'s)."""

    # -- blocks --------------------------------------------------------------------------------

    def blocks(self, nodes: list[JSON], out: list[Block], quoted: bool = False) -> None:
        for node in nodes:
            tag = node["t"]
            content: Any = node.get("c")
            self.advance_to(_first_text(node))
            if tag in ("Para", "Plain"):
                out.append(self.block("blockquote" if quoted else "paragraph", content))
            elif tag == "LineBlock":
                lines = [n for line in content for n in [*line, {"t": "LineBreak"}]][:-1]
                out.append(self.block("blockquote" if quoted else "paragraph", lines))
            elif tag == "Header":
                if quoted:
                    out.append(self.block("blockquote", content[2]))
                else:
                    out.append(self.block("heading", content[2], level=content[0]))
            elif tag == "BlockQuote":
                self.blocks(content, out, quoted=True)
            elif tag in ("BulletList", "OrderedList"):
                if quoted:
                    self.warn_once(
                        "quoted-list",
                        self.line_at(self.cursor),
                        "a list inside a block quotation is kept as quoted paragraphs",
                    )
                    items = content if tag == "BulletList" else content[1]
                    for item in items:
                        self.blocks(item, out, quoted=True)
                else:
                    self.list_blocks(node, out, depth=1)
            elif tag == "Table":
                out.append(self.table(content))
            elif tag == "CodeBlock":
                out.append(Block("code", [Span(content[1], code=True)]))
            elif tag == "RawBlock":
                fmt, text = content
                if fmt == "html" and text.strip().startswith("<!--"):
                    if not PASSAGE_COMMENT.fullmatch(text.strip()):
                        self.warn(
                            self.locate(text[:30]), f"HTML comment {excerpt(text)!r} left out"
                        )
                else:
                    self.warn(
                        self.locate(text[:30]),
                        f"raw {fmt} block {excerpt(text)!r} is kept as a code block",
                    )
                    out.append(Block("code", [Span(text, code=True)]))
            elif tag == "HorizontalRule":
                rule = _RULE.search(self.source, self.cursor)
                if rule:
                    self.cursor = rule.end()
                self.warn(
                    self.line_at(rule.start() if rule else self.cursor),
                    "a horizontal rule is kept as a paragraph of '* * *'",
                )
                out.append(Block("paragraph", [Span("* * *")]))
            elif tag == "Div":
                self.blocks(content[1], out, quoted)
            elif tag == "Figure":
                caption = content[1][1]
                images = [
                    n["c"][2][0]
                    for b in content[2]
                    for n in b.get("c", [])
                    if isinstance(n, dict) and n.get("t") == "Image"
                ]
                where = images[0] if images else ""
                self.warn(
                    self.locate(where),
                    f"figure {where!r} left out; its caption is kept as a paragraph",
                )
                for block in caption:
                    if block["t"] in ("Para", "Plain"):
                        out.append(self.block("blockquote" if quoted else "paragraph", block["c"]))
            elif tag == "DefinitionList":
                self.warn(
                    self.line_at(self.cursor),
                    "a definition list is kept as paragraphs (term, then definition)",
                )
                for term, definitions in content:
                    out.append(self.block("paragraph", term))
                    for definition in definitions:
                        self.blocks(definition, out, quoted)

    def block(self, kind: BlockKind, nodes: list[JSON], level: int = 0) -> Block:
        return Block(
            kind=kind, inlines=place_notes(self.inlines(nodes, InlineFormat())), level=level
        )

    def list_blocks(self, node: JSON, out: list[Block], depth: int) -> None:
        ordered = node["t"] == "OrderedList"
        items = node["c"][1] if ordered else node["c"]
        start = 1
        if ordered:
            start, style, _delim = node["c"][0]
            if style["t"] not in ("Decimal", "DefaultStyle", "Example"):
                self.warn_once(
                    "list-style",
                    self.line_at(self.cursor),
                    f"a list numbered in {style['t']} style is numbered 1, 2, 3 in the essay",
                )
        for number, item in enumerate(items):
            has_paragraph = False
            for child in item:
                tag = child["t"]
                self.advance_to(_first_text(child))
                if tag in ("Plain", "Para"):
                    block = self.block("list_item", child["c"], level=depth)
                    block.ordered = ordered
                    block.start = start if number == 0 and not has_paragraph else 1
                    block.continued = has_paragraph
                    has_paragraph = True
                    out.append(block)
                elif tag in ("BulletList", "OrderedList"):
                    self.list_blocks(child, out, depth + 1)
                    has_paragraph = True
                else:
                    self.warn_once(
                        "list-block:" + tag,
                        self.line_at(self.cursor),
                        f"a {_BLOCK_NAMES.get(tag, tag)} inside a list item is kept after the"
                        " item, outside the list",
                    )
                    self.blocks([child], out)

    def table(self, content: list[Any]) -> Block:
        _attr, caption, colspecs, head, bodies, foot = content
        caption_inlines = [n for b in caption[1] if b["t"] in ("Para", "Plain") for n in b["c"]]
        rows: list[list[Cell]] = []
        head_rows = head[1]
        body_rows = [row for body in bodies for row in [*body[2], *body[3]]]
        spanned = False
        for row in [*head_rows, *body_rows, *foot[1]]:
            cells: list[Cell] = []
            for cell in row[1]:
                _cattr, _align, rowspan, colspan, blocks = cell
                spanned = spanned or rowspan > 1 or colspan > 1
                inlines: list[JSON] = []
                for number, block in enumerate(blocks):
                    if number:
                        inlines.append({"t": "LineBreak"})
                    if block["t"] in ("Para", "Plain"):
                        inlines += block["c"]
                    else:
                        inlines.append({"t": "Str", "c": stringify_block(block)})
                cells.append(place_notes(self.inlines(inlines, InlineFormat())))
            rows.append(cells)
        if spanned:
            self.warn(
                self.line_at(self.cursor),
                "a table cell spanning several rows or columns is kept as one cell",
            )
        return Block(
            "table",
            place_notes(self.inlines(caption_inlines, InlineFormat())),
            rows=rows,
            header_rows=len(head_rows),
            align=[_ALIGN.get(spec[0]["t"], "default") for spec in colspecs],
        )


_BLOCK_NAMES = {
    "CodeBlock": "code block",
    "BlockQuote": "block quotation",
    "Table": "table",
    "Header": "heading",
    "HorizontalRule": "horizontal rule",
}


def stringify_block(block: JSON) -> str:
    from assistant.essay.pandoc_ast import blocks_text

    return blocks_text([block])


def _first_text(node: JSON) -> str:
    """Some literal text of a block, to find where it is in the source."""
    stack: list[Any] = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if item.get("t") == "Str":
                return str(item["c"])
            if item.get("t") == "CodeBlock":
                return str(item["c"][1]).split("\n")[0]
            content = item.get("c")
            if isinstance(content, list):
                stack[:0] = content
        elif isinstance(item, list):
            stack[:0] = item
    return ""


def read_markdown(text: str, items: Mapping[str, dict[str, Any]] | None = None) -> MarkdownResult:
    """Read a Pandoc Markdown draft. `items` (CSL-JSON by id) fill the essay's snapshot.

    Raises PandocError (a clear message) when Pandoc is missing or cannot read the text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    essay = Essay()
    bibliography: list[str] = []
    references: dict[str, dict[str, Any]] = {}
    early: list[str] = []
    kept_front: str | None = None
    body = text
    front = split_front_matter(text)
    title_source: dict[str, str] = {}
    if front is not None:
        meta: Any = None
        try:
            meta = load_yaml(front.yaml_text)
            if meta is not None and not isinstance(meta, dict):
                raise FrontMatterError("it is not a YAML mapping (key: value lines)")
        except FrontMatterError as error:
            early.append(
                f"line {1 + error.line if error.line else 1}: the front matter is not read:"
                f" {error.message}; it is kept as text"
            )
            kept_front = text[: front.end].rstrip("\n")
            meta = None
        meta = meta or {}
        for key in ("title", "author"):
            if meta.get(key) is not None:
                title_source[key] = metadata_text(meta[key])
        bib = meta.get("bibliography")
        if isinstance(bib, str):
            bibliography = [bib]
        elif isinstance(bib, list):
            bibliography = [str(b) for b in bib if b is not None]
        for entry in meta.get("references") or []:
            if isinstance(entry, dict) and entry.get("id") is not None:
                references[str(entry["id"])] = _csl_yaml_item(entry)
        # Pandoc reads the title and author as Markdown (Stalin's *Gamble*); it gets them in a
        # front matter of our making, one line each, padded so line numbers stay the same.
        lines = [
            f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in title_source.items()
        ]
        if lines and "\n" not in "".join(lines) and len(lines) + 2 <= front.lines:
            replacement = "\n".join(["---", *lines, "---"]) + "\n" * (front.lines - len(lines) - 1)
        else:
            replacement = "\n" * front.lines
        body = replacement + text[front.end :]
    try:
        parsed = parse_markdown(body)
    except PandocError as error:
        if "YAML metadata" not in str(error):
            raise
        # A `---` block further down that Pandoc takes for broken metadata: read it as text.
        early.append(
            f"{yaml_line(str(error))}a '---' block is not valid YAML metadata ({error});"
            " read as text"
        )
        parsed = parse_markdown(body, extensions="-yaml_metadata_block")
    reader = _Reader(body)
    reader.warnings.extend(early)
    essay.title = meta_string(parsed.meta, "title") or title_source.get("title", "")
    essay.author = meta_string(parsed.meta, "author") or title_source.get("author", "")
    blocks: list[Block] = []
    if kept_front is not None:
        blocks.append(Block("code", [Span(kept_front, code=True)]))
    reader.blocks(parsed.blocks, blocks)
    report_pandoc_warnings(reader, parsed.warnings, body, blocks)
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
