"""Importing an outline into the open one: nothing duplicated, new notes where they belong."""

from __future__ import annotations

from assistant.essay.outline import outline_from_markdown
from assistant.essay.outline_merge import merge_outline
from assistant.paths import bundled_corpus_dir

NOTES = (bundled_corpus_dir() / "zubok-pleshakov-1996.md").read_text(encoding="utf-8")


def test_importing_the_open_outline_adds_nothing() -> None:
    current = outline_from_markdown(NOTES)
    shape = current.root.shape()
    report = merge_outline(current, outline_from_markdown(NOTES))
    assert report.added == 0
    assert current.root.shape() == shape


def test_a_revised_copy_adds_only_its_new_notes_under_their_parents() -> None:
    current = outline_from_markdown("# Korea\n\n- Stalin\n  - Telegram\n- Mao\n")
    revised = outline_from_markdown(
        "# Korea\n\n- stalin\n  - Telegram\n  - Meeting in April\n- Mao\n- Kim\n"
    )
    report = merge_outline(current, revised)
    assert report.added == 2
    korea = (
        "Korea",
        (
            ("Stalin", (("Telegram", ()), ("Meeting in April", ()))),
            ("Mao", ()),
            ("Kim", ()),
        ),
    )
    assert current.root.shape() == ("", (korea,))


def test_another_titled_outline_goes_under_its_title_once() -> None:
    current = outline_from_markdown("---\ntitle: Korea\n---\n\n- Stalin\n")
    other = "---\ntitle: Reading notes on Shen\n---\n\n- Acheson speech\n"
    first = merge_outline(current, outline_from_markdown(other))
    again = merge_outline(current, outline_from_markdown(other))
    assert first.added == 2 and again.added == 0
    assert first.target_id == again.target_id
    assert [c.title for c in current.root.children] == ["Stalin", "Reading notes on Shen"]
