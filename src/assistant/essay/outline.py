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
dropped on import, and Markdown-special characters are escaped on export. Import goes through
Pandoc's reader (`assistant.essay.pandoc_ast`), the same one drafts are read with.
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

    # How a note reads in the outline pane, kept here so it is tested without a window.

    def display_title(self) -> str:
        """The title as the tree shows it, with how many passages it keeps as evidence."""
        title = self.title or "Untitled note"
        if self.links:
            count = len(self.links)
            title += f"   [{count} passage{'s' if count != 1 else ''}]"
        return title

    def tooltip(self) -> str:
        """The whole title and the start of the quoted text (the tree shows one line)."""
        tip = self.title
        if self.body:
            body = self.body if len(self.body) < 600 else self.body[:600] + "…"
            tip += "\n\n" + body
        return tip

    def draft_text(self) -> str:
        """What "Insert into draft" puts at the cursor: the title, then the quoted text."""
        text = self.title
        if self.body:
            text = f"{text}\n\n{self.body}" if text else self.body
        return text

    def contents(self) -> list[str]:
        """What deleting the note would also delete ("2 sub-notes", "1 attached passage",
        "its quoted text"); empty when it is only a title."""
        parts = []
        count = sum(1 for _ in self.walk()) - 1
        if count:
            parts.append(f"{count} sub-note{'s' if count != 1 else ''}")
        if self.links:
            parts.append(f"{len(self.links)} attached passage{'s' if len(self.links) != 1 else ''}")
        if self.body:
            parts.append("its quoted text")
        return parts


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

_LINK_COMMENT = re.compile(
    r"<!--\s*passage:\s*(?P<source>\S+?)#(?P<ordinal>\d+)(?:\s+p\.\s*(?P<page>.*?))?\s*-->"
)


_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _escape_title(title: str) -> str:
    """Plain text as Markdown Pandoc reads back as that text: every ASCII punctuation mark is
    escaped (Pandoc's `all_symbols_escapable`), so nothing can open emphasis, a list, a table
    or a heading."""
    text = " ".join(title.split())
    text = _ASCII_PUNCTUATION.sub(r"\\\1", text)
    return text


def _links_of(inlines: list[dict[str, Any]]) -> list[PassageLink]:
    links = []
    for node in inlines:
        if node["t"] == "RawInline" and node["c"][0] == "html":
            for m in _LINK_COMMENT.finditer(node["c"][1]):
                links.append(PassageLink(m["source"], int(m["ordinal"]), m["page"] or None))
    return links


def _node_from(inlines: list[dict[str, Any]]) -> OutlineNode:
    from assistant.essay.pandoc_ast import stringify

    return OutlineNode(title=" ".join(stringify(inlines).split()), links=_links_of(inlines))


def _front_matter_title(yaml_text: str) -> str:
    from assistant.essay.frontmatter import FrontMatterError, load_yaml
    from assistant.essay.pandoc_ast import parse_markdown, stringify

    try:
        data = load_yaml(yaml_text)
    except FrontMatterError:
        return ""
    if not isinstance(data, dict) or data.get("title") is None:
        return ""
    # The title is Markdown too ("Reading *notes*"): Pandoc's reading, as plain text.
    parsed = parse_markdown(str(data["title"]).replace("\n", " "), extensions="-smart")
    inlines = [n for b in parsed.blocks if b["t"] in ("Para", "Plain") for n in b["c"]]
    return " ".join(stringify(inlines).split())


def outline_from_markdown(text: str) -> Outline:
    """Read a Markdown outline (reading notes) into a tree; see the module docstring.

    Pandoc's reader decides the blocks (the same reader as for drafts), without its `smart`
    typography so titles keep the writer's own quotes and dashes. Raises
    `assistant.essay.pandoc_ast.PandocError` when Pandoc is missing or cannot read the text.
    """
    from assistant.essay.frontmatter import split_front_matter
    from assistant.essay.pandoc_ast import blocks_text, parse_markdown

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    root = OutlineNode(title="")
    front = split_front_matter(text)
    if front is not None:
        root.title = _front_matter_title(front.yaml_text)
        text = "\n" * front.lines + text[front.end :]
    blocks = parse_markdown(text, extensions="-smart-yaml_metadata_block").blocks
    blocks = [b for b in blocks if b["t"] not in ("RawBlock", "HorizontalRule", "Null")]

    if not root.title and len(blocks) >= 2:
        # A leading heading with nothing under it before a heading of the same or higher rank
        # names the whole document (the bundled notes open with "#### Zubok and Pleshakov Notes").
        first, second = blocks[0], blocks[1]
        if first["t"] == "Header" and second["t"] == "Header" and second["c"][0] <= first["c"][0]:
            root.title = _node_from(first["c"][2]).title
            blocks = blocks[1:]

    sections: list[tuple[int, OutlineNode]] = [(0, root)]  # (heading level, node)
    last: list[OutlineNode] = [root]  # the node a following block quotation belongs to

    def add_body(node: OutlineNode, quote: list[dict[str, Any]]) -> None:
        body = blocks_text(quote)
        node.body = f"{node.body}\n\n{body}" if node.body else body

    def read_list(items: list[list[dict[str, Any]]], parent: OutlineNode) -> None:
        for item in items:
            node: OutlineNode | None = None
            for block in item:
                tag = block["t"]
                if tag in ("Plain", "Para", "LineBlock"):
                    inlines = (
                        block["c"]
                        if tag != "LineBlock"
                        else [n for line in block["c"] for n in [*line, {"t": "Space"}]]
                    )
                    if node is None:
                        node = _node_from(inlines)
                        parent.children.append(node)
                        last[0] = node
                    else:  # a further paragraph of the item continues its title
                        extra = _node_from(inlines)
                        node.title = f"{node.title} {extra.title}".strip()
                        node.links.extend(extra.links)
                elif tag in ("BulletList", "OrderedList"):
                    holder = node if node is not None else parent
                    read_list(block["c"] if tag == "BulletList" else block["c"][1], holder)
                elif tag == "BlockQuote":
                    add_body(node if node is not None else last[0], block["c"])

    for block in blocks:
        tag = block["t"]
        if tag == "Header":
            level = block["c"][0]
            node = _node_from(block["c"][2])
            while sections[-1][0] >= level:
                sections.pop()
            sections[-1][1].children.append(node)
            sections.append((level, node))
            last[0] = node
        elif tag in ("Para", "Plain", "LineBlock"):
            inlines = (
                block["c"]
                if tag != "LineBlock"
                else [n for line in block["c"] for n in [*line, {"t": "Space"}]]
            )
            node = _node_from(inlines)
            sections[-1][1].children.append(node)
            last[0] = node
        elif tag in ("BulletList", "OrderedList"):
            read_list(block["c"] if tag == "BulletList" else block["c"][1], sections[-1][1])
        elif tag == "BlockQuote":
            add_body(last[0], block["c"])
        elif tag == "Div":
            blocks.extend(block["c"][1])
    return Outline(root)


def _link_comments(links: list[PassageLink]) -> str:
    parts = []
    for link in links:
        page = f" p. {link.page}" if link.page else ""
        parts.append(f" <!-- passage: {link.source_id}#{link.ordinal}{page} -->")
    return "".join(parts)


def _quote_lines(body: str, indent: str = "") -> list[str]:
    lines = [" ".join(line.split()) for line in body.strip("\n").split("\n")]
    return [f"{indent}> {_escape_body(line)}".rstrip() for line in lines]


def _escape_body(line: str) -> str:
    return _ASCII_PUNCTUATION.sub(r"\\\1", line)


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
