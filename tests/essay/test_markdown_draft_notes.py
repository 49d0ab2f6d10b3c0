"""A Pandoc Markdown draft's notes as `assistant notes`, the app and the export read them:
footnotes, inline notes and body citations in reading order, and every problem with its line."""

from __future__ import annotations

from assistant.cite.model import Citation, Note
from assistant.essay.markdown import read_markdown

DRAFT = """\
---
title: Stalin's Decision
bibliography: sources.json
---

# Introduction

Stalin changed course in early 1950.[^first] Most historians agree [see @zubok, 62-64].
The telegram^[Quoted in [@shen, 52], with *emphasis* added.] arrived in May.

[^first]: See [@shen, 44-68]; but compare [@zubok, 55].
    A second line of the same note.

Later work [@shuster, chap. 3; -@shen, 60] confirms this.[^2]

[^2]: [@zubok, 70].
"""


def test_notes_in_reading_order() -> None:
    result = read_markdown(DRAFT)
    assert result.warnings == []
    assert result.essay.notes() == [
        Note(
            (
                "See ",
                (Citation("shen", "44-68"),),
                "; but compare ",
                (Citation("zubok", "55"),),
                ". A second line of the same note.",
            )
        ),
        Note(((Citation("zubok", "62-64", prefix="see"),),)),
        Note(("Quoted in ", (Citation("shen", "52"),), ", with *emphasis* added.")),
        Note(
            (
                (
                    Citation("shuster", "3", label="chapter"),
                    Citation("shen", "60", suppress_author=True),
                ),
            )
        ),
        Note(((Citation("zubok", "70"),), ".")),
    ]


def test_code_is_not_read_for_citations() -> None:
    text = "Use `[@a, 4]` in text.\n\n```\n[@b, 5]\n^[note]\n```\n\nReal [@c, 6]."
    result = read_markdown(text)
    assert result.essay.notes() == [Note(((Citation("c", "6"),),))]


def test_problems_are_reported_with_line_numbers_and_nothing_is_dropped() -> None:
    text = (
        "Intro [@a, 33; and more] here.\n"  # line 1: malformed group
        "Missing [^nope] definition.\n"  # line 2
        "Open ^[never closed\n"  # line 3
        "\n"
        "Unclosed [@b, 12 citation.\n"  # line 5
        "\n"
        "Author @a says so.\n"  # line 7: an author-in-text citation, as Pandoc reads it
        "\n"
        "[^unused]: Never referenced.\n"  # line 9
    )
    result = read_markdown(text, {"a": {"id": "a"}, "b": {"id": "b"}})
    assert [warning.split(":")[0] for warning in result.warnings] == [
        "line 1",
        "line 2",
        "line 3",
        "line 5",
        "line 9",
    ]
    assert "'[@a, 33; and more]' is not a citation" in result.warnings[0]
    assert "[^nope] has no definition" in result.warnings[1]
    assert "unclosed inline note" in result.warnings[2]
    assert "unclosed citation bracket '[@b, 12 citation.'" in result.warnings[3]
    assert "[^unused] is never referenced" in result.warnings[4]
    # Each broken piece stays in the text for the writer to fix; the @key of line 7 is an
    # author-in-text citation, as Pandoc reads it.
    words = " ".join(block.text for block in result.essay.blocks)
    for kept in ("[@a, 33; and more]", "[^nope]", "^[never closed", "[@b, 12 citation."):
        assert kept in words
    assert "[^unused]: Never referenced." in words
    citations = [c for n in result.essay.notes() for c in n.citations]
    assert [(c.item_id, c.author_in_text) for c in citations] == [("a", True)]


def test_problems_inside_a_footnote_point_at_its_line() -> None:
    result = read_markdown("Text.[^1]\n\n[^1]: See [@a, 4; nothing here].\n")
    notes = result.essay.notes()
    assert len(notes) == 1
    assert notes[0].segments == ("See [@a, 4; nothing here].",)
    assert result.warnings[0].startswith(
        "line 3: '[@a, 4; nothing here]' in a note is not a citation: 'nothing here' has no @key"
    )


def test_duplicate_definitions_and_repeated_references() -> None:
    result = read_markdown("A.[^1] B.[^1]\n\n[^1]: First.\n\n[^1]: Second.\n")
    # Pandoc takes the last definition (and warns), and repeats the note at each reference.
    assert [note.segments for note in result.essay.notes()] == [("Second.",), ("Second.",)]
    assert result.warnings == [
        "line 5: footnote [^1] is defined twice; Pandoc uses the last definition",
        "line 1: footnote [^1] is referenced 2 times: its note is repeated",
    ]


def test_email_addresses_are_not_citations() -> None:
    result = read_markdown("Write to me@example.org for details.", {"example": {"id": "example"}})
    assert result.essay.notes() == []
    assert result.warnings == []
