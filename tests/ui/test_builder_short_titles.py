"""The footnote builder warns when a source's short note reads like another's (CMOS 14.30)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.ui.builder import FootnoteBuilder

KENNAN = [{"family": "Kennan", "given": "George F."}]
# Two volumes of memoirs whose main titles differ only by their dates: both short notes read
# "Kennan, Memoirs" (a subtitle would have told them apart).
ITEMS = {
    "kennan-1967": {
        "id": "kennan-1967",
        "type": "book",
        "title": "Memoirs, 1925-1950",
        "author": KENNAN,
        "issued": {"date-parts": [[1967]]},
    },
    "kennan-1972": {
        "id": "kennan-1972",
        "type": "book",
        "title": "Memoirs, 1950-1963",
        "author": KENNAN,
        "issued": {"date-parts": [[1972]]},
    },
}


def test_the_preview_says_which_source_shares_the_short_note(qtbot) -> None:
    builder = FootnoteBuilder()
    qtbot.addWidget(builder)
    builder.set_items(ITEMS)
    builder.prefill_from_hit(SimpleNamespace(source_id="kennan-1972", ordinal=0, page="12"), "")
    text = builder.preview_text()
    assert "“Kennan, Memoirs” is also the short note of kennan-1967" in text
    assert "title-short" in text


def test_no_warning_once_the_writer_sets_a_short_title(qtbot) -> None:
    builder = FootnoteBuilder()
    qtbot.addWidget(builder)
    items = {**ITEMS, "kennan-1972": {**ITEMS["kennan-1972"], "title-short": "Memoirs, 1950–1963"}}
    builder.set_items(items)
    builder.prefill_from_hit(SimpleNamespace(source_id="kennan-1972", ordinal=0, page="12"), "")
    assert "is also the short note" not in builder.preview_text()
