"""What the Markdown reader tells the writer: where in the draft, and what Pandoc did not read.

`Diagnostics` finds the line of what the reader meets (Pandoc's JSON carries no positions), and
names what looks like a citation or note but is none: an unclosed `^[`, a `[^label]` without
definition, a bracket Pandoc could not read as a citation group (with Pandoc's reason, from
`assistant.cite.pandoc_syntax`), raw HTML, and Pandoc's own warnings (unused or duplicate
footnote definitions, whose text is kept at the end of the essay).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from assistant.cite.pandoc_syntax import (
    CitationSyntaxError,
    matching_bracket,
    parse_citation_group,
)
from assistant.essay.model import Block, Span
from assistant.essay.pandoc_ast import PandocWarning

__all__ = ["PASSAGE_COMMENT", "Diagnostics", "excerpt", "report_pandoc_warnings", "yaml_line"]

JSON = dict[str, Any]

PASSAGE_COMMENT = re.compile(
    r"<!--\s*passage:\s*(?P<source>\S+?)#(?P<ordinal>\d+)(?:\s+p\.\s*(?P<page>.*?))?\s*-->"
)
_DEFINITION = re.compile(r" {0,3}\[\^[^\]]+\]:")


class Diagnostics:
    """Warnings with line numbers, for a reader walking Pandoc's AST of `source`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.newlines = [m.start() for m in re.finditer("\n", source)]
        self.cursor = 0
        self.warnings: list[str] = []
        self.warned: set[str] = set()

    # -- where things are --------------------------------------------------------------------

    def locate(self, snippet: str) -> int:
        """The line of `snippet` in the source, searching forward from the last block read."""
        snippet = snippet.strip()
        if not snippet:
            return self.line_at(self.cursor)
        found = self.source.find(snippet, self.cursor)
        if found == -1:
            found = self.source.find(snippet)
        if found == -1:
            return self.line_at(self.cursor)
        return self.line_at(found)

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) + 1

    def advance_to(self, snippet: str) -> None:
        snippet = snippet.strip()[:40]
        if snippet:
            found = self.source.find(snippet, self.cursor)
            if found != -1:
                self.cursor = found

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}" if line else message)

    def warn_once(self, key: str, line: int, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            self.warn(line, message)

    def raw_inline(self, content: list[Any]) -> None:
        fmt, text = content
        if fmt == "html" and PASSAGE_COMMENT.fullmatch(text.strip()):
            return
        if fmt == "html" and text.startswith("<!--"):
            self.warn(self.locate(text[:30]), f"HTML comment {excerpt(text)!r} left out")
        elif fmt == "html":
            self.warn_once(
                "html:" + text,
                self.locate(text),
                f"HTML tag {excerpt(text)!r} left out (the text around it is kept)",
            )
        else:
            self.warn(self.locate(text), f"raw {fmt} {excerpt(text)!r} left out")

    def check_text(self, text: str, following: JSON | None) -> None:
        """Warn about text that looks like a citation or note Pandoc did not take as one."""
        if text.startswith("^["):
            self.warn(
                self.locate(text),
                f"unclosed inline note {excerpt(text)!r}: add the closing ']'; it is kept as text",
            )
        elif re.fullmatch(r"\[\^[^\]\s]+\][.,;:!?)]*", text):
            label = text[: text.index("]") + 1]
            self.warn(self.locate(label), f"footnote {label} has no definition; kept as text")

    def check_brackets(self, nodes: list[JSON], where: str = "") -> list[JSON]:
        """An author-in-text citation after an unmatched `[` is almost always a citation group
        Pandoc could not read (`[see @a, 4` unclosed, `[@a, 33; and more]` with a part lacking
        its key). Such a citation is kept as the text it was written as, and a warning gives
        Pandoc's reason, so the writer sees and fixes the bracket instead of finding an
        author's name printed in the sentence."""
        out: list[JSON] = []
        open_at: str | None = None
        for node in nodes:
            if node["t"] == "Str":
                text = node["c"]
                if "[" in text and "]" not in text[text.rindex("[") :]:
                    open_at = text[text.rindex("[") :]
                elif "]" in text:
                    open_at = None
            elif (
                node["t"] == "Cite"
                and open_at is not None
                and node["c"][0][0]["citationMode"]["t"] == "AuthorInText"
            ):
                self._broken_group(open_at, "@" + node["c"][0][0]["citationId"], where)
                open_at = None
                out.extend(node["c"][1])  # the citation as written
                continue
            out.append(node)
        return out

    def _broken_group(self, opening: str, key: str, where: str) -> None:
        pattern = re.compile(re.escape(opening) + r"[^\]]*?" + re.escape(key))
        found = pattern.search(self.source, self.cursor) or pattern.search(self.source)
        start = found.start() if found else -1
        line = self.line_at(start) if start != -1 else self.line_at(self.cursor)
        close = matching_bracket(self.source, start) if start != -1 else -1
        pandoc = f"it is kept as text (Pandoc would read {key} in it as an author-in-text citation)"
        if close == -1:
            end = self.source.find("\n\n", start)
            stretch = self.source[start : len(self.source) if end == -1 else end]
            self.warn(
                line,
                f"unclosed citation bracket {excerpt(stretch)!r}{where}: add the closing ']';"
                f" {pandoc}",
            )
            return
        written = self.source[start : close + 1]
        try:
            parse_citation_group(written[1:-1].replace("\n", " "))
            reason = "Pandoc does not read it as one"
        except CitationSyntaxError as error:
            reason = error.message
        self.warn(line, f"{excerpt(written)!r}{where} is not a citation: {reason}; {pandoc}")


def excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unused_definition(source: str, line: int) -> str:
    """The raw text of the footnote definition starting at `line` (1-based)."""
    lines = source.split("\n")[line - 1 :]
    taken = [lines[0]] if lines else []
    for index in range(1, len(lines)):
        current = lines[index]
        if not current.strip():
            following = next((x for x in lines[index:] if x.strip()), "")
            if not following.startswith(("    ", "\t")):
                break
        elif (not current.startswith((" ", "\t")) and not taken[-1].strip()) or re.match(
            r" {0,3}\[\^[^\]]+\]:", current
        ):
            break
        taken.append(current)
    return "\n".join(taken).strip()


def yaml_line(message: str) -> str:
    found = re.search(r"line (\d+)", message)
    return f"line {found.group(1)}: " if found else ""


def report_pandoc_warnings(
    reader: Diagnostics, warnings: list[PandocWarning], source: str, blocks: list[Block]
) -> None:
    for warning in warnings:
        unused = re.match(r"Note with key '(.*)' defined at .*but not used", warning.message)
        duplicate = re.match(r"Duplicate note reference '(.*)'", warning.message)
        if unused:
            label = unused.group(1)
            reader.warn(
                warning.line,
                f"footnote [^{label}] is never referenced; it is kept as a paragraph at the end",
            )
            raw = _unused_definition(source, warning.line) if warning.line else f"[^{label}]:"
            blocks.append(Block("paragraph", [Span(raw)]))
        elif duplicate:
            reader.warn(
                warning.line,
                f"footnote [^{duplicate.group(1)}] is defined twice; Pandoc uses the last"
                " definition",
            )
        else:
            reader.warn(warning.line, f"Pandoc: {warning.message}")
    for label in set(re.findall(r"^ {0,3}\[\^([^\]\s]+)\]:", source, re.M)):
        references = re.findall(r"\[\^" + re.escape(label) + r"\](?!:)", source)
        if len(references) > 1:
            reader.warn(
                reader.locate(f"[^{label}]"),
                f"footnote [^{label}] is referenced {len(references)} times: its note is repeated",
            )
