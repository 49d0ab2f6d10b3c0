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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import (
    parse_locator,
)
from assistant.essay.citeproc_punctuation import move_punctuation
from assistant.essay.frontmatter import FrontMatterError, load_yaml, split_front_matter
from assistant.essay.markdown_diagnostics import (
    PASSAGE_COMMENT,
    Diagnostics,
    excerpt,
    report_pandoc_warnings,
    yaml_line,
)
from assistant.essay.markdown_metadata import load_bibliographies, meta_string, metadata_text
from assistant.essay.model import (
    Block,
    BlockKind,
    Cell,
    Essay,
    Inline,
    NoteAnchor,
    PassageLink,
    Span,
)
from assistant.essay.pandoc_ast import PandocError, parse_markdown, stringify

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
_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


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


@dataclass(slots=True)
class _Format:
    bold: bool = False
    italic: bool = False
    small_caps: bool = False
    strike: bool = False
    code: bool = False
    link: str = ""

    def but(self, **changes: Any) -> _Format:
        values = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        values.update(changes)
        return _Format(**values)


# -- the reader --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cite:
    """A citation group in the running text: it becomes a note of its own."""

    citations: tuple[Citation, ...]
    passage: PassageLink | None = None


_Token = Span | NoteAnchor | _Cite


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


class _Reader(Diagnostics):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.cited: dict[str, int] = {}  # key -> line of its first citation

    # -- citations ---------------------------------------------------------------------------

    def citation(self, data: JSON) -> Citation:
        key = str(data["citationId"])
        mode = data["citationMode"]["t"]
        prefix = " ".join(stringify(data["citationPrefix"]).split())
        label, locator, rest = parse_locator(stringify(data["citationSuffix"]))
        if not locator:
            label = "page"
        if key not in self.cited:
            self.cited[key] = self.locate("@" + key)
        return Citation(
            item_id=key,
            locator=locator.replace("\u00a0", " "),
            label=label,
            prefix=prefix,
            suffix=rest.rstrip(),
            suppress_author=mode == "SuppressAuthor",
            author_in_text=mode == "AuthorInText",
        )

    def group(self, node: JSON) -> tuple[Citation, ...]:
        return tuple(self.citation(c) for c in node["c"][0])

    # -- inlines of the running text -----------------------------------------------------------

    def inlines(self, nodes: list[JSON], fmt: _Format) -> list[_Token]:
        nodes = move_punctuation(self._attach_passages(self.check_brackets(nodes)))
        # Text of this call's own format is gathered as strings and made one span per run.
        out: list[_Token | str] = []
        for index, node in enumerate(nodes):
            tag = node["t"]
            content: Any = node.get("c")
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if tag == "Str":
                if "[" in content or "^" in content:
                    self.check_text(content, following)
                out.append(content)
            elif tag in ("Space", "SoftBreak"):
                out.append(" ")
            elif tag == "LineBreak":
                out.append("\n")
            elif tag == "Emph":
                out += self.inlines(content, fmt.but(italic=True))
            elif tag == "Strong":
                out += self.inlines(content, fmt.but(bold=True))
            elif tag == "Strikeout":
                out += self.inlines(content, fmt.but(strike=True))
            elif tag == "SmallCaps":
                out += self.inlines(content, fmt.but(small_caps=True))
            elif tag in ("Underline", "Superscript", "Subscript"):
                text = stringify(content)
                self.warn(
                    self.locate(text),
                    f"{tag.lower()} {excerpt(text)!r} is kept as plain text (an essay has no"
                    f" {tag.lower()})",
                )
                out += self.inlines(content, fmt)
            elif tag == "Quoted":
                opening, closing = _QUOTES[content[0]["t"]]
                out += [opening, *self.inlines(content[1], fmt), closing]
            elif tag == "Code":
                out.append(self.span(content[1], fmt.but(code=True)))
            elif tag == "Math":
                mark = "$$" if content[0]["t"] == "DisplayMath" else "$"
                text = f"{mark}{content[1]}{mark}"
                self.warn(self.locate(content[1]), f"math {excerpt(text)!r} is kept as text")
                out.append(self.span(text, fmt))
            elif tag == "Link":
                target = content[2][0]
                out += self.inlines(content[1], fmt.but(link=target))
            elif tag == "Image":
                alt = stringify(content[1])
                self.warn(
                    self.locate(content[2][0]),
                    f"image {content[2][0]!r} left out; its description {excerpt(alt)!r} is"
                    " kept as text",
                )
                out += self.inlines(content[1], fmt)
            elif tag == "Span":
                classes = content[0][1]
                out += self.inlines(
                    content[1], fmt.but(small_caps=fmt.small_caps or "smallcaps" in classes)
                )
            elif tag == "Cite":
                out.append(_Cite(self.group(node), node.get("passage")))
            elif tag == "Note":
                note, passage = self.note(content)
                out.append(NoteAnchor(note, node.get("passage") or passage))
            elif tag == "RawInline":
                self.raw_inline(content)
        tokens: list[_Token] = []
        pending: list[str] = []
        for token in out:
            if isinstance(token, str):
                pending.append(token)
                continue
            if pending:
                tokens.append(self.span("".join(pending), fmt))
                pending.clear()
            tokens.append(token)
        if pending:
            tokens.append(self.span("".join(pending), fmt))
        return tokens

    def span(self, text: str, fmt: _Format) -> Span:
        return Span(
            text,
            bold=fmt.bold,
            italic=fmt.italic,
            small_caps=fmt.small_caps,
            strike=fmt.strike,
            code=fmt.code,
            link=fmt.link,
        )

    def _attach_passages(self, nodes: list[JSON]) -> list[JSON]:
        """`<!-- passage: ... -->` right after a note or citation is that note's passage link."""
        out: list[JSON] = []
        for node in nodes:
            if node["t"] == "RawInline" and node["c"][0] == "html":
                found = PASSAGE_COMMENT.fullmatch(node["c"][1].strip())
                target = next(
                    (n for n in reversed(out) if n["t"] not in ("Space", "SoftBreak")), None
                )
                if found and target is not None and target["t"] in ("Cite", "Note"):
                    link = PassageLink(
                        found["source"], int(found["ordinal"]), found["page"] or None
                    )
                    out[out.index(target)] = {**target, "passage": link}
                    continue
            out.append(node)
        return out

    # -- notes ---------------------------------------------------------------------------------

    def note(self, blocks: list[JSON]) -> tuple[Note, PassageLink | None]:
        """A note's blocks as commentary strings (`*italics*` kept) and citation groups."""
        segments: list[str | tuple[Citation, ...]] = []
        passage: PassageLink | None = None
        paragraphs = list(self._note_paragraphs(blocks))
        for number, inlines in enumerate(paragraphs):
            if number:
                segments.append("\n\n")
            for piece in self._note_inlines(inlines):
                if isinstance(piece, PassageLink):
                    passage = piece
                else:
                    segments.append(piece)
        merged: list[str | tuple[Citation, ...]] = []
        for piece in segments:
            if isinstance(piece, str) and merged and isinstance(merged[-1], str):
                merged[-1] += piece
            else:
                merged.append(piece)
        if merged and isinstance(merged[0], str):
            merged[0] = merged[0].lstrip()
        if merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1].rstrip()
        return Note(tuple(p for p in merged if p != "")), passage

    def _note_paragraphs(self, blocks: list[JSON]) -> Iterable[list[JSON]]:
        for block in blocks:
            tag = block["t"]
            content: Any = block.get("c")
            if tag in ("Para", "Plain"):
                yield content
            elif tag == "LineBlock":
                yield [node for line in content for node in [*line, {"t": "LineBreak"}]][:-1]
            elif tag in ("BlockQuote", "Div"):
                yield from self._note_paragraphs(content if tag == "BlockQuote" else content[1])
            elif tag in ("BulletList", "OrderedList"):
                items = content if tag == "BulletList" else content[1]
                self.warn_once(
                    "note-list",
                    self.line_at(self.cursor),
                    "a list inside a note is kept as one paragraph per item",
                )
                for item in items:
                    yield from self._note_paragraphs(item)
            elif tag == "CodeBlock":
                yield [{"t": "Str", "c": content[1]}]
            elif tag == "RawBlock":
                self.raw_inline(content)
            elif tag == "Header":
                yield content[2]
            elif tag != "Null":
                self.warn(self.line_at(self.cursor), f"a {tag} inside a note is left out")

    def _note_inlines(
        self, nodes: list[JSON]
    ) -> Iterable[str | tuple[Citation, ...] | PassageLink]:
        nodes = self.check_brackets(nodes, " in a note")
        for index, node in enumerate(nodes):
            tag = node["t"]
            content: Any = node.get("c")
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if tag == "Str":
                self.check_text(content, following)
                yield content
            elif tag in ("Space", "SoftBreak"):
                yield " "
            elif tag == "LineBreak":
                yield "\n"
            elif tag == "Emph":
                yield "*" + self._note_text(content) + "*"
            elif tag == "Strong":
                yield "**" + self._note_text(content) + "**"
            elif tag == "Quoted":
                opening, closing = _QUOTES[content[0]["t"]]
                yield opening
                yield from self._note_inlines(content[1])
                yield closing
            elif tag == "Cite":
                yield self.group(node)
            elif tag in ("Code", "Math"):
                yield content[1]
            elif tag == "Link":
                # Kept a link: the note prints its words and Word gets a real hyperlink.
                yield f"[{self._note_text(content[1])}]({content[2][0]})"
            elif tag == "Image":
                yield self._note_text(content[1])
            elif tag == "RawInline":
                found = content[0] == "html" and PASSAGE_COMMENT.fullmatch(content[1].strip())
                if found:
                    yield PassageLink(found["source"], int(found["ordinal"]), found["page"] or None)
                else:
                    self.raw_inline(content)
            elif tag == "SmallCaps":
                yield "[" + self._note_text(content) + "]{.smallcaps}"
            elif tag in ("Span", "Strikeout", "Underline", "Superscript", "Subscript"):
                inner = content[1] if tag == "Span" else content
                yield from self._note_inlines(inner)
            elif tag == "Note":
                yield from self._note_inlines([n for b in content for n in b.get("c", [])])

    def _note_text(self, nodes: list[JSON]) -> str:
        return "".join(p for p in self._note_inlines(nodes) if isinstance(p, str))

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
        return Block(kind=kind, inlines=_place_notes(self.inlines(nodes, _Format())), level=level)

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
                cells.append(_place_notes(self.inlines(inlines, _Format())))
            rows.append(cells)
        if spanned:
            self.warn(
                self.line_at(self.cursor),
                "a table cell spanning several rows or columns is kept as one cell",
            )
        return Block(
            "table",
            _place_notes(self.inlines(caption_inlines, _Format())),
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


def _place_notes(tokens: list[_Token]) -> list[Inline]:
    """Citations in the text as notes of their own, and runs of one format merged."""
    out: list[Inline] = []
    run: list[Span] = []  # spans of one format waiting to be joined

    def flush() -> None:
        if run:
            text = "".join(span.text for span in run)
            if text:
                out.append(replace(run[0], text=text))
            run.clear()

    for token in tokens:
        if isinstance(token, Span):
            if run and not run[0].same_format(token):
                flush()
            run.append(token)
            continue
        flush()
        if isinstance(token, _Cite):
            citations = token.citations
            if len(citations) == 1 and citations[0].author_in_text:
                # `As @caro [52] argues` in running text: as Pandoc prints it, the author's
                # name goes into the sentence and the note leaves it out.
                citations = (replace(citations[0], suppress_author=True),)
            out.append(NoteAnchor(Note((citations,)), token.passage))
        else:
            out.append(token)
    flush()
    # A block's edges carry no blanks (Pandoc trims them too).
    if out and isinstance(out[0], Span):
        out[0].text = out[0].text.lstrip(" ")
        if not out[0].text:
            out.pop(0)
    if out and isinstance(out[-1], Span):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out


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
