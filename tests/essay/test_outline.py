"""The notes outline: edits by id, Markdown import of the bundled reading notes, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.essay.model import PassageLink
from assistant.essay.outline import (
    Outline,
    OutlineError,
    OutlineNode,
    outline_from_dict,
    outline_from_markdown,
    outline_to_dict,
    outline_to_markdown,
)

BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"

ZUBOK_SHAPE = (
    "Zubok and Pleshakov Notes",
    (
        (
            "Why did Stalin decide to reverse himself and back Kim il Sung's invasion of South"
            " Korea?",
            8,
            (
                ("How did Stalin handle this delicate situation?", 8, (("Mao's role?", 3, ()),)),
                ("Stalin's response?", 3, (("Mao's counter?", 1, ()),)),
                ("What did Stalin gain? What did he lose?", 7, (("Bottom line?", 1, ()),)),
            ),
        ),
    ),
)


def _sections(node: OutlineNode) -> tuple:
    """(title, number of leaf notes, sub-sections) for each child that has children."""
    return tuple(
        (child.title, sum(1 for c in child.children if not c.children), _sections(child))
        for child in node.children
        if child.children
    )


def _zubok() -> Outline:
    text = (BUNDLED_CORPUS / "zubok-pleshakov-1996.md").read_text(encoding="utf-8")
    return outline_from_markdown(text)


def test_bundled_reading_notes_import_as_question_tree() -> None:
    outline = _zubok()
    assert (outline.root.title, _sections(outline.root)) == ZUBOK_SHAPE
    question = outline.root.children[0]
    assert len(outline.root.children) == 1
    # Paragraph notes come first, then the sub-questions, in the file's order.
    assert question.children[0].title == "He wanted to firm up the Soviet alliance with China"
    assert [c.title for c in question.children[8:]] == [
        "How did Stalin handle this delicate situation?",
        "Stalin's response?",
        "What did Stalin gain? What did he lose?",
    ]
    gain = question.children[10]
    # Inline HTML and emphasis markers do not leak into titles.
    assert gain.children[1].title.startswith(
        "War of attrition ties down the US in the Far East and"
    )
    assert gain.children[-1].children[0].title == (
        "Stalin's catastrophe – a giant step backwards from the victory in WWII"
    )


def test_bundled_reading_notes_round_trip_through_markdown() -> None:
    outline = _zubok()
    markdown = outline_to_markdown(outline)
    again = outline_from_markdown(markdown)
    assert again.root.shape() == outline.root.shape()
    assert outline_to_markdown(again) == markdown


def test_headings_bullets_quotes_and_links() -> None:
    text = """---
title: "Reading *notes*"
---

# Causes

- Alliance with China <!-- passage: shen-2000#12 p. 52 -->
  - Mao's pressure
    continued on a second line

  > "in light of the altered international situation"

- The bomb

> A quotation after the list belongs to the last item.

## Sub

Paragraph one
runs over two lines.

# Effects
"""
    outline = outline_from_markdown(text)
    root = outline.root
    assert root.title == "Reading notes"
    causes, effects = root.children
    assert [c.title for c in causes.children] == ["Alliance with China", "The bomb", "Sub"]
    alliance = causes.children[0]
    assert alliance.links == [PassageLink("shen-2000", 12, "52")]
    assert alliance.children[0].title == "Mao's pressure continued on a second line"
    assert alliance.body == '"in light of the altered international situation"'
    assert causes.children[1].body == "A quotation after the list belongs to the last item."
    assert causes.children[2].children[0].title == "Paragraph one runs over two lines."
    assert effects.children == []


def _tree() -> Outline:
    a = OutlineNode("A", id="a", children=[OutlineNode("A1", id="a1"), OutlineNode("A2", id="a2")])
    b = OutlineNode("B", id="b")
    c = OutlineNode("C", id="c")
    return Outline(OutlineNode("", id="root", children=[a, b, c]))


def _titles(outline: Outline) -> tuple:
    return outline.root.shape()


def test_add_rename_delete() -> None:
    outline = _tree()
    outline.add("b", 0, OutlineNode("B1", id="b1"))
    outline.add("root", 1, OutlineNode("New", id="n"))
    outline.rename("a1", "First")
    assert [c.title for c in outline.root.children] == ["A", "New", "B", "C"]
    assert outline.find("b").children[0].title == "B1"
    assert outline.find("a1").title == "First"
    removed = outline.delete("a")
    assert removed.title == "A" and [c.id for c in removed.children] == ["a1", "a2"]
    with pytest.raises(OutlineError, match="No outline node"):
        outline.find("a1")
    with pytest.raises(OutlineError, match="root cannot be deleted"):
        outline.delete("root")
    with pytest.raises(OutlineError, match="already has a node"):
        outline.add("root", None, OutlineNode("dup", id="b"))


def test_move_within_and_across_parents() -> None:
    outline = _tree()
    outline.move("a", "root", 2)  # final position 2: after B and C
    assert [c.id for c in outline.root.children] == ["b", "c", "a"]
    outline.move("a2", "c", 0)
    assert outline.parent_of("a2").id == "c"
    assert [c.id for c in outline.find("a").children] == ["a1"]
    with pytest.raises(OutlineError, match="into itself"):
        outline.move("c", "a2", 0)
    with pytest.raises(OutlineError, match="into itself"):
        outline.move("c", "c", 0)


def test_indent_and_outdent() -> None:
    outline = _tree()
    assert outline.indent("b") is True
    assert outline.parent_of("b").id == "a"
    assert [c.id for c in outline.find("a").children] == ["a1", "a2", "b"]
    assert outline.indent("a") is False  # no previous sibling
    assert outline.outdent("a1") is True
    assert [c.id for c in outline.root.children] == ["a", "a1", "c"]
    assert outline.outdent("a") is False  # already at the top
    assert outline.parent_of("root") is None


_text = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_link = st.builds(
    PassageLink,
    st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
    st.integers(0, 999),
    st.one_of(st.none(), st.from_regex(r"[0-9ivx]{1,4}", fullmatch=True)),
)
_body = st.lists(_text, max_size=2).map("\n\n".join)


def _nodes(depth: int) -> st.SearchStrategy[list[OutlineNode]]:
    child = st.builds(
        OutlineNode,
        title=_text,
        body=_body,
        links=st.lists(_link, max_size=2),
        children=_nodes(depth - 1) if depth > 0 else st.just([]),
    )
    return st.lists(child, max_size=3)


def _full_shape(node: OutlineNode) -> tuple:
    return (node.title, node.body, tuple(node.links), tuple(_full_shape(c) for c in node.children))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.one_of(st.just(""), _text), children=_nodes(4))
def test_any_outline_round_trips_through_markdown(title: str, children: list[OutlineNode]) -> None:
    outline = Outline(OutlineNode(title, children=children))
    again = outline_from_markdown(outline_to_markdown(outline))
    assert _full_shape(again.root)[3] == _full_shape(outline.root)[3]
    assert again.root.title == title


def test_dict_round_trip_keeps_ids() -> None:
    outline = _zubok()
    outline.root.children[0].links.append(PassageLink("shen-2000", 3))
    again = outline_from_dict(outline_to_dict(outline))
    assert again == outline


def test_deep_outline_beyond_six_heading_levels_round_trips() -> None:
    def chain(depth: int) -> OutlineNode:
        node = OutlineNode(f"Level {depth} *starred* #{depth}", body=f"Quote {depth}\n\nMore")
        if depth < 9:
            node.children = [OutlineNode(f"Leaf {depth}"), chain(depth + 1), OutlineNode("After")]
        return node

    outline = Outline(
        OutlineNode("", children=[chain(1), OutlineNode("- dash"), OutlineNode("1. x")])
    )
    markdown = outline_to_markdown(outline)
    assert "###### Level 6" in markdown and "- Level 7" in markdown
    again = outline_from_markdown(markdown)
    assert _full_shape(again.root) == _full_shape(outline.root)


def test_setext_headings_and_rules() -> None:
    text = "Causes\n======\n\nOne note\n\n* * *\n\nDetails\n-------\n\n- a bullet\n"
    outline = outline_from_markdown(text)
    assert outline.root.shape() == (
        "",
        (("Causes", (("One note", ()), ("Details", (("a bullet", ()),)))),),
    )


def test_empty_and_windows_line_endings() -> None:
    assert outline_from_markdown("").root.children == []
    # Pandoc's rule: a list needs a blank line before it, else it continues the paragraph.
    text = "# A\r\n\r\nnote one\r\n\r\n- item\r\n"
    outline = outline_from_markdown(text)
    assert outline.root.shape() == ("", (("A", (("note one", ()), ("item", ()))),))


def test_a_note_reads_in_the_outline_with_its_evidence_count_and_contents() -> None:
    note = OutlineNode("Motives", body="“We are not going to fight.”")
    assert note.display_title() == "Motives"
    note.links.append(PassageLink("shen-2000", 14, "52"))
    assert note.display_title() == "Motives   [1 passage]"
    note.links.append(PassageLink("shen-2000", 15, "53"))
    assert note.display_title() == "Motives   [2 passages]"
    assert OutlineNode("").display_title() == "Untitled note"
    assert note.tooltip() == "Motives\n\n“We are not going to fight.”"
    assert OutlineNode("Long", body="x" * 700).tooltip() == "Long\n\n" + "x" * 600 + "…"
    assert note.draft_text() == "Motives\n\n“We are not going to fight.”"
    assert OutlineNode("", body="Only a quote").draft_text() == "Only a quote"
    note.children.append(OutlineNode("Alliance", children=[OutlineNode("Treaty")]))
    assert note.contents() == ["2 sub-notes", "2 attached passages", "its quoted text"]
    assert OutlineNode("Bare title").contents() == []
