"""The footnote builder warns when a source's short note reads like another's (CMOS 14.30)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.ui.builder import FootnoteBuilder

KHRUSHCHEV = [{"family": "Khrushchev", "given": "Nikita"}]
ITEMS = {
    "kr-1970": {
        "id": "kr-1970",
        "type": "book",
        "title": "Khrushchev Remembers",
        "author": KHRUSHCHEV,
        "issued": {"date-parts": [[1970]]},
    },
    "kr-1974": {
        "id": "kr-1974",
        "type": "book",
        "title": "Khrushchev Remembers: The Last Testament",
        "author": KHRUSHCHEV,
        "issued": {"date-parts": [[1974]]},
    },
}


def test_the_preview_says_which_source_shares_the_short_note(qtbot) -> None:
    builder = FootnoteBuilder()
    qtbot.addWidget(builder)
    builder.set_items(ITEMS)
    builder.prefill_from_hit(SimpleNamespace(source_id="kr-1974", ordinal=0, page="12"), "")
    text = builder.preview_text()
    assert "“Khrushchev, Khrushchev Remembers” is also the short note of kr-1970" in text
    assert "title-short" in text


def test_no_warning_once_the_writer_sets_a_short_title(qtbot) -> None:
    builder = FootnoteBuilder()
    qtbot.addWidget(builder)
    items = {**ITEMS, "kr-1974": {**ITEMS["kr-1974"], "title-short": "Last Testament"}}
    builder.set_items(items)
    builder.prefill_from_hit(SimpleNamespace(source_id="kr-1974", ordinal=0, page="12"), "")
    assert "is also the short note" not in builder.preview_text()
