"""Reading a Pandoc Markdown draft's notes: footnotes, inline notes, body citations, problems."""

from __future__ import annotations

from assistant.cite.draft_notes import note_from_text, read_draft_notes
from assistant.cite.model import Citation, Note

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
    result = read_draft_notes(DRAFT)
    assert result.problems == []
    assert result.notes == [
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
        Note(((Citation("zubok", "70"),),)),
    ]


def test_a_bare_citation_note_drops_its_own_period() -> None:
    assert note_from_text("[@a, 4].") == Note(((Citation("a", "4"),),))


def test_code_is_not_read_for_citations() -> None:
    text = "Use `[@a, 4]` in text.\n\n```\n[@b, 5]\n^[note]\n```\n\nReal [@c, 6]."
    result = read_draft_notes(text)
    assert result.notes == [Note(((Citation("c", "6"),),))]


def test_problems_are_reported_with_line_numbers() -> None:
    text = (
        "Intro [@a, 33; and more] here.\n"  # line 1: malformed group
        "Missing [^nope] definition.\n"  # line 2
        "Open ^[never closed\n"  # line 3
        "\n"
        "Unclosed [@b, 12 citation.\n"  # line 5
        "\n"
        "Author @a says so.\n"  # line 7: in-text citation not turned into a note
        "\n"
        "[^unused]: Never referenced.\n"  # line 9
    )
    result = read_draft_notes(text, known_ids={"a", "b"})
    assert result.notes == []
    assert result.problems == [
        "line 1: '[@a, 33; and more]' is not a citation group: 'and more' has no @key: every part"
        " of a citation group separated by ';' needs one (write 'see @key' or move the comment"
        " out of the brackets)",
        "line 2: footnote [^nope] has no definition ([^nope]: ...)",
        "line 3: inline note '^[' is never closed",
        "line 5: unclosed citation '[@b, 12 citation.': add the closing ']'",
        "line 7: @a outside brackets is not turned into a note; write [@a]",
        "line 9: footnote [^unused] is never referenced",
    ]


def test_problems_inside_a_footnote_point_at_its_line() -> None:
    text = "Text.[^1]\n\n[^1]: See [@a, 4; nothing here].\n"
    result = read_draft_notes(text)
    assert len(result.notes) == 1
    assert result.notes[0].segments[0].startswith("See [@a, 4; nothing here]")
    assert result.problems[0].startswith("line 3: '[@a, 4; nothing here]' is not a citation group")


def test_duplicate_definitions_and_repeated_references() -> None:
    text = "A.[^1] B.[^1]\n\n[^1]: First.\n\n[^1]: Second.\n"
    result = read_draft_notes(text)
    assert [n.segments for n in result.notes] == [("First.",), ("First.",)]
    assert result.problems == [
        "line 5: footnote [^1] is defined twice; the first is used",
        "line 1: footnote [^1] is referenced again; pandoc repeats the note",
    ]


def test_email_addresses_and_escaped_brackets_are_left_alone() -> None:
    text = "Write to me@example.org or \\[@a\\] for details."
    assert read_draft_notes(text, known_ids={"a", "example"}).notes == []
    assert read_draft_notes(text, known_ids={"a", "example"}).problems == []
