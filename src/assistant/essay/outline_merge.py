"""Importing a Markdown outline into the one open: add what is new, never duplicate.

Notes are matched by title (case and spacing aside) under the same parent, level by level, so
importing the outline that is already open adds nothing, and importing a revised copy adds
only its new notes, each under the note it belongs to. An outline with a title of its own
(front matter or a top heading) that differs from the open one's goes under a top-level note
of that title, created once and reused by the next import of the same file.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.essay.outline import Outline, OutlineNode


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: int  # notes added, counting every descendant
    target_id: str  # the note the import went under (the root for the open outline's own)


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _merge_children(target: OutlineNode, incoming: list[OutlineNode]) -> int:
    added = 0
    by_title = {_key(child.title): child for child in target.children}
    for node in incoming:
        match = by_title.get(_key(node.title))
        if match is None:
            target.children.append(node)
            by_title[_key(node.title)] = node
            added += sum(1 for _ in node.walk())
            continue
        for link in node.links:
            if link not in match.links:
                match.links.append(link)
        if not match.body and node.body:
            match.body = node.body
        added += _merge_children(match, node.children)
    return added


def merge_outline(current: Outline, imported: Outline, name: str = "") -> MergeReport:
    """Merge `imported` into `current` in place (see the module docstring)."""
    title = imported.root.title or ""
    if not _key(title) or _key(title) == _key(current.root.title):
        return MergeReport(_merge_children(current.root, imported.root.children), current.root.id)
    wrapper_title = title or name
    existing = next(
        (c for c in current.root.children if _key(c.title) == _key(wrapper_title)), None
    )
    if existing is None:
        existing = OutlineNode(title=wrapper_title)
        current.root.children.append(existing)
        added = 1
    else:
        added = 0
    return MergeReport(added + _merge_children(existing, imported.root.children), existing.id)
