"""The notes outline: a tree of reading notes, each with a title, a body and linked passages.

Every node carries a stable id so the UI can address it across edits (drag and drop, undo)
without holding on to tree positions that go stale.

Markdown mapping (import and export agree, so an outline survives the round trip):

- the YAML front matter's `title` (or a bare leading heading followed by a heading of the same
  or a higher rank, as in the bundled reading notes) is the root's title;
- ATX headings become nodes nested by level; paragraphs and list items under a heading become
  its children; nested list items become children of their item;
- a `>` block quotation is the body of the node written just before it (a quoted passage is
  what a reading note is about);
- `<!-- passage: SOURCE#ORDINAL p. PAGE -->` comments on a node's line are its passage links,
  invisible in Zettlr's preview and in Pandoc's output.

Titles are plain text: emphasis markers and inline HTML tags (`**How**`, `<u>and</u>`) are
dropped on import, and Markdown-special characters are escaped on export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.essay.model import PassageLink, new_id

MAX_HEADING_DEPTH = 6


@dataclass(slots=True)
class OutlineNode:
    title: str
    body: str = ""
    links: list[PassageLink] = field(default_factory=list)
    children: list[OutlineNode] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk(self, depth: int = 0) -> Iterator[tuple[OutlineNode, int]]:
        """This node and its descendants in document order, with their depth below this node."""
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)

    def shape(self) -> tuple[str, tuple[Any, ...]]:
        """(title, children's shapes): the tree without ids, bodies or links, for comparisons."""
        return (self.title, tuple(child.shape() for child in self.children))


class OutlineError(ValueError):
    """An outline edit that cannot be made (unknown id, moving a node into itself, ...)."""


class Outline:
    """A tree of `OutlineNode`s under an untitled-or-titled root, edited by node id."""

    def __init__(self, root: OutlineNode | None = None) -> None:
        self.root = root if root is not None else OutlineNode(title="")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Outline) and self.root == other.root

    def __repr__(self) -> str:
        return f"Outline({self.root!r})"

    # -- lookups ---------------------------------------------------------------------------

    def walk(self) -> Iterator[tuple[OutlineNode, int]]:
        """Every node below the root in document order, with its depth (root's children: 1)."""
        for node, depth in self.root.walk():
            if node is not self.root:
                yield node, depth

    def find(self, node_id: str) -> OutlineNode:
        for node, _depth in self.root.walk():
            if node.id == node_id:
                return node
        raise OutlineError(f"No outline node has the id {node_id!r}.")

    def parent_of(self, node_id: str) -> OutlineNode | None:
        """The node's parent; None for the root."""
        if self.root.id == node_id:
            return None
        for node, _depth in self.root.walk():
            for child in node.children:
                if child.id == node_id:
                    return node
        raise OutlineError(f"No outline node has the id {node_id!r}.")

    def index_of(self, node_id: str) -> int:
        """The node's position among its parent's children."""
        parent = self.parent_of(node_id)
        if parent is None:
            return 0
        return next(i for i, child in enumerate(parent.children) if child.id == node_id)

    # -- edits -----------------------------------------------------------------------------

    def add(self, parent_id: str, index: int | None, node: OutlineNode) -> OutlineNode:
        """Insert `node` (and its subtree) as child number `index` of `parent_id`.

        `index` None, or past the end, appends; a negative index counts from the end as in
        `list.insert`.
        """
        parent = self.find(parent_id)
        existing = {n.id for n, _ in self.root.walk()}
        clash = [n.id for n, _ in node.walk() if n.id in existing]
        if clash:
            raise OutlineError(f"The outline already has a node with the id {clash[0]!r}.")
        position = len(parent.children) if index is None else index
        parent.children.insert(position, node)
        return node

    def rename(self, node_id: str, title: str) -> None:
        self.find(node_id).title = title

    def delete(self, node_id: str) -> OutlineNode:
        """Remove the node with its subtree and return it (so the UI can undo)."""
        parent = self.parent_of(node_id)
        if parent is None:
            raise OutlineError("The outline's root cannot be deleted.")
        index = self.index_of(node_id)
        return parent.children.pop(index)

    def move(self, node_id: str, new_parent_id: str, index: int | None = None) -> None:
        """Move a node with its subtree so that it ends up as child `index` of `new_parent_id`.

        `index` is the final position (counted after the node left its old place); None appends.
        """
        node = self.find(node_id)
        if self.parent_of(node_id) is None:
            raise OutlineError("The outline's root cannot be moved.")
        if any(n.id == new_parent_id for n, _ in node.walk()):
            raise OutlineError(f"{node.title!r} cannot be moved into itself or its own subtree.")
        new_parent = self.find(new_parent_id)
        self.delete(node_id)
        position = len(new_parent.children) if index is None else index
        new_parent.children.insert(max(0, min(position, len(new_parent.children))), node)

    def indent(self, node_id: str) -> bool:
        """Make the node the last child of its previous sibling; False if it has none."""
        parent = self.parent_of(node_id)
        if parent is None:
            return False
        index = self.index_of(node_id)
        if index == 0:
            return False
        new_parent = parent.children[index - 1]
        node = parent.children.pop(index)
        new_parent.children.append(node)
        return True

    def outdent(self, node_id: str) -> bool:
        """Make the node the next sibling of its parent; False if it is already at the top."""
        parent = self.parent_of(node_id)
        if parent is None or parent is self.root:
            return False
        grandparent = self.parent_of(parent.id)
        assert grandparent is not None
        node = parent.children.pop(self.index_of(node_id))
        grandparent.children.insert(self.index_of(parent.id) + 1, node)
        return True


# -- dict form (the essay file) -----------------------------------------------------------


def link_to_dict(link: PassageLink) -> dict[str, Any]:
    data: dict[str, Any] = {"source_id": link.source_id, "ordinal": link.ordinal}
    if link.page is not None:
        data["page"] = link.page
    return data


def link_from_dict(data: dict[str, Any]) -> PassageLink:
    page = data.get("page")
    return PassageLink(
        str(data["source_id"]), int(data["ordinal"]), None if page is None else str(page)
    )


def node_to_dict(node: OutlineNode) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "title": node.title}
    if node.body:
        data["body"] = node.body
    if node.links:
        data["links"] = [link_to_dict(link) for link in node.links]
    if node.children:
        data["children"] = [node_to_dict(child) for child in node.children]
    return data


def node_from_dict(data: dict[str, Any]) -> OutlineNode:
    return OutlineNode(
        title=str(data.get("title", "")),
        body=str(data.get("body", "")),
        links=[link_from_dict(link) for link in data.get("links", [])],
        children=[node_from_dict(child) for child in data.get("children", [])],
        id=str(data.get("id") or new_id()),
    )


def outline_to_dict(outline: Outline) -> dict[str, Any]:
    return node_to_dict(outline.root)


def outline_from_dict(data: dict[str, Any]) -> Outline:
    return Outline(node_from_dict(data))


# -- Markdown -----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_QUOTE = re.compile(r"^[ \t]*>[ ]?(.*)$")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LINK_COMMENT = re.compile(
    r"(?<!\\)<!--\s*passage:\s*(?P<source>\S+?)#(?P<ordinal>\d+)(?:\s+p\.\s*(?P<page>.*?))?\s*-->"
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def plain_text(markdown: str) -> str:
    """Inline Markdown as plain text: emphasis markers and HTML tags dropped, escapes resolved."""
    # Work on a masked copy where every escaped character is a neutral letter, so that
    # escaped markup never pairs up; deletions are mirrored on the real characters.
    chars: list[str] = []
    masked: list[str] = []
    position = 0
    for match in _ESCAPED.finditer(markdown):
        chars.extend(markdown[position : match.start()])
        masked.extend(markdown[position : match.start()])
        chars.append(match.group(1))
        masked.append("a")
        position = match.end()
    chars.extend(markdown[position:])
    masked.extend(markdown[position:])

    def drop(spans: list[tuple[int, int]]) -> None:
        for start, end in sorted(spans, reverse=True):
            del chars[start:end]
            del masked[start:end]

    drop([m.span() for m in _TAG.finditer("".join(masked))])
    while True:
        spans = []
        for m in _EMPHASIS.finditer("".join(masked)):
            spans += [(m.start(1), m.end(1)), (m.end(2), m.end())]
        if not spans:
            break
        drop(spans)
    return " ".join("".join(chars).split())


def _escape_title(title: str) -> str:
    text = " ".join(title.split())
    text = re.sub(r"([\\*_`<\[\]])", r"\\\1", text)
    # A title that looks like a heading, quotation or list item must stay a plain title.
    if re.match(r"[#>+=-]|\d+[.)]", text):
        text = "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def _take_links(line: str) -> tuple[str, list[PassageLink]]:
    links = [
        PassageLink(m["source"], int(m["ordinal"]), m["page"] or None)
        for m in _LINK_COMMENT.finditer(line)
    ]
    return _LINK_COMMENT.sub("", line), links


def _front_matter_title(block: str) -> str:
    import yaml

    from assistant.yamlsafe import load_yaml

    try:
        data = load_yaml(block)
    except yaml.YAMLError:
        return ""
    if isinstance(data, dict) and data.get("title") is not None:
        return plain_text(str(data["title"]))
    return ""


@dataclass(slots=True)
class _Line:
    kind: str  # heading, bullet, quote, text, blank
    text: str
    indent: int = 0
    level: int = 0


def _classify(raw: str) -> _Line:
    expanded = raw.expandtabs(4)
    if not expanded.strip():
        return _Line("blank", "")
    if not expanded.startswith(" ") and (heading := _HEADING.match(expanded)):
        return _Line("heading", heading.group(2) or "", level=len(heading.group(1)))
    if underline := _UNDERLINE.match(expanded):
        return _Line("underline", "", level=1 if underline.group(1)[0] == "=" else 2)
    if _RULE.match(expanded):
        return _Line("rule", "")
    if bullet := _BULLET.match(expanded):
        return _Line("bullet", bullet.group(2) or "", indent=len(bullet.group(1)))
    if quote := _QUOTE.match(expanded):
        indent = len(expanded) - len(expanded.lstrip())
        return _Line("quote", quote.group(1), indent=indent)
    return _Line("text", expanded.strip(), indent=len(expanded) - len(expanded.lstrip()))


def outline_from_markdown(text: str) -> Outline:
    """Read a Markdown outline (reading notes) into a tree; see the module docstring."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    root = OutlineNode(title="")
    front = _FRONT_MATTER.match(text)
    if front:
        root.title = _front_matter_title(front.group(1))
        text = text[front.end() :]
    lines = [_classify(raw) for raw in text.split("\n")]

    if not root.title:
        # A leading heading with nothing under it before a heading of the same or higher rank
        # names the whole document (the bundled notes open with "#### Zubok and Pleshakov Notes").
        content = [i for i, line in enumerate(lines) if line.kind != "blank"]
        if len(content) >= 2:
            first, second = lines[content[0]], lines[content[1]]
            if first.kind == "heading" and second.kind == "heading" and second.level <= first.level:
                root.title = plain_text(_take_links(first.text)[0])
                lines = lines[content[0] + 1 :]

    sections: list[tuple[int, OutlineNode]] = [(0, root)]  # (heading level, node)
    items: list[tuple[int, OutlineNode]] = []  # open list items: (indent, node)
    last: OutlineNode = root  # the node a following block quotation belongs to
    paragraph: list[str] = []
    quote: list[str] = []
    blank_before = True

    def node_from(line_text: str) -> OutlineNode:
        title, links = _take_links(line_text)
        return OutlineNode(title=plain_text(title), links=links)

    def flush_paragraph() -> None:
        nonlocal last
        if paragraph:
            node = node_from(" ".join(paragraph))
            sections[-1][1].children.append(node)
            last = node
            paragraph.clear()

    def flush_quote() -> None:
        if quote:
            body = "\n".join(quote).strip("\n")
            body = re.sub(r"\n{3,}", "\n\n", body)
            last.body = f"{last.body}\n\n{body}" if last.body else body
            quote.clear()

    for line in lines:
        if line.kind != "quote":
            flush_quote()
        if line.kind == "underline" and paragraph and not items:
            # A setext heading: the paragraph just read is the heading's text.
            line = _Line("heading", " ".join(paragraph), level=line.level)
            paragraph.clear()
        elif line.kind in ("underline", "rule"):
            flush_paragraph()
            blank_before = True
            continue
        if line.kind == "heading":
            flush_paragraph()
            items.clear()
            node = node_from(line.text)
            while sections[-1][0] >= line.level:
                sections.pop()
            sections[-1][1].children.append(node)
            sections.append((line.level, node))
            last = node
        elif line.kind == "bullet":
            flush_paragraph()
            node = node_from(line.text)
            while items and items[-1][0] >= line.indent:
                items.pop()
            parent = items[-1][1] if items else sections[-1][1]
            parent.children.append(node)
            items.append((line.indent, node))
            last = node
        elif line.kind == "quote":
            flush_paragraph()
            if not quote and items and line.indent > 0:
                # An indented quotation is the body of the deepest item indented less than it.
                while items and items[-1][0] >= line.indent:
                    items.pop()
                if items:
                    last = items[-1][1]
            quote.append(line.text)
        elif line.kind == "text":
            if items and (line.indent > 0 or not blank_before):
                # Continuation of the open list item's title.
                owner = items[-1][1]
                extra, links = _take_links(line.text)
                owner.title = plain_text(f"{owner.title} {extra}")
                owner.links.extend(links)
            else:
                items.clear()
                paragraph.append(line.text)
        else:  # blank
            flush_paragraph()
        blank_before = line.kind == "blank"
    flush_paragraph()
    flush_quote()
    return Outline(root)


def _link_comments(links: list[PassageLink]) -> str:
    parts = []
    for link in links:
        page = f" p. {link.page}" if link.page else ""
        parts.append(f" <!-- passage: {link.source_id}#{link.ordinal}{page} -->")
    return "".join(parts)


def _quote_lines(body: str, indent: str = "") -> list[str]:
    return [f"{indent}> {line}".rstrip() for line in body.strip("\n").split("\n")]


def outline_to_markdown(outline: Outline) -> str:
    """Write the outline as Markdown that `outline_from_markdown` reads back to the same tree."""
    out: list[str] = []
    root = outline.root
    if root.title:
        out += [
            "---",
            f"title: {json.dumps(_escape_title(root.title), ensure_ascii=False)}",
            "---",
            "",
        ]
    if root.body:
        out += [*_quote_lines(root.body), ""]

    def title_of(node: OutlineNode) -> str:
        return (_escape_title(node.title) or "Untitled note") + _link_comments(node.links)

    def write_item(node: OutlineNode, indent: int) -> None:
        pad = " " * indent
        out.append(f"{pad}- {title_of(node)}")
        if node.body:
            out.extend(["", *_quote_lines(node.body, pad + "  "), ""])
        for child in node.children:
            write_item(child, indent + 2)

    def write_children(parent: OutlineNode, depth: int) -> None:
        as_headings = False
        in_list = False
        for child in parent.children:
            # Once a child is a heading, later siblings must be headings too: a paragraph after
            # a heading would be read back as that heading's child.
            as_headings = as_headings or (bool(child.children) and depth <= MAX_HEADING_DEPTH)
            if as_headings and depth <= MAX_HEADING_DEPTH:
                if in_list:
                    out.append("")
                    in_list = False
                out.extend([f"{'#' * depth} {title_of(child)}", ""])
                if child.body:
                    out.extend([*_quote_lines(child.body), ""])
                write_children(child, depth + 1)
            elif depth > MAX_HEADING_DEPTH or child.children:
                write_item(child, 0)
                in_list = True
            else:
                if in_list:
                    out.append("")
                    in_list = False
                out.extend([title_of(child), ""])
                if child.body:
                    out.extend([*_quote_lines(child.body), ""])
        if in_list:
            out.append("")

    write_children(root, 1)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
