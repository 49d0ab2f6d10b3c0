"""Pandoc inlines into the essay's own: spans in one format a run, note anchors holding
their notes (commentary with `*italics*` kept, citation groups, passage links), and citations
in the running text, which `place_notes` makes notes of their own as Pandoc's citeproc does
with a note style. `essay.markdown_reader` reads the blocks around them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import parse_locator
from assistant.essay.citeproc_punctuation import move_punctuation
from assistant.essay.markdown_diagnostics import PASSAGE_COMMENT, Diagnostics, excerpt
from assistant.essay.model import Inline, NoteAnchor, PassageLink, Span
from assistant.essay.pandoc_ast import stringify

JSON = dict[str, Any]

_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


@dataclass(slots=True)
class InlineFormat:
    bold: bool = False
    italic: bool = False
    small_caps: bool = False
    strike: bool = False
    code: bool = False
    link: str = ""

    def but(self, **changes: Any) -> InlineFormat:
        values = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        values.update(changes)
        return InlineFormat(**values)


@dataclass(slots=True)
class _Cite:
    """A citation group in the running text: it becomes a note of its own."""

    citations: tuple[Citation, ...]
    passage: PassageLink | None = None


_Token = Span | NoteAnchor | _Cite


class InlineReader(Diagnostics):
    """Reads inlines and notes, collecting warnings (`Diagnostics`) and the cited keys."""

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

    def inlines(self, nodes: list[JSON], fmt: InlineFormat) -> list[_Token]:
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

    def span(self, text: str, fmt: InlineFormat) -> Span:
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


def place_notes(tokens: list[_Token]) -> list[Inline]:
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
