"""The footnote builder: prefill, several citations, live preview, insert and edit."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from assistant.cite.model import Citation, Note
from assistant.essay.model import NoteAnchor, PassageLink
from assistant.paths import bundled_corpus_dir
from assistant.ui.builder import FootnoteBuilder

ITEMS = {
    item["id"]: item
    for item in json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
}


@pytest.fixture
def builder(qtbot) -> FootnoteBuilder:
    widget = FootnoteBuilder()
    qtbot.addWidget(widget)
    widget.set_items(ITEMS)
    widget.resize(400, 700)
    widget.show()
    return widget


def test_empty_builder_explains_itself_and_cannot_insert(builder):
    assert not builder.insert_button.isEnabled()
    assert "Choose a source" in builder.preview_text()
    assert builder.submit() is False


def test_prefill_from_a_hit_sets_source_page_and_passage(builder, qtbot):
    hit = SimpleNamespace(source_id="shen-2000", ordinal=7, page="47", section="Introduction")
    builder.prefill_from_hit(hit, "Acheson")
    assert builder.rows[0].source_id() == "shen-2000"
    assert builder.rows[0].locator_edit.text() == "47"
    assert "Sino-Soviet Relations" in builder.origin_label.text()
    with qtbot.waitSignal(builder.insertRequested) as inserted:
        qtbot.mouseClick(builder.insert_button, Qt.MouseButton.LeftButton)
    anchor, quotation = inserted.args
    assert anchor.passage == PassageLink("shen-2000", 7, "47")
    assert anchor.note == Note.of(Citation("shen-2000", "47"))
    assert quotation == ""


def test_reader_selection_becomes_the_quotation_and_is_offered_for_the_text(builder, qtbot):
    passage = SimpleNamespace(source_id="shuster-2019", ordinal=3, page=None, section="INTRO")
    builder.set_quotation("  cautious\nexpansionism  ", passage)
    assert builder.rows[0].source_id() == "shuster-2019"
    assert builder.quotation() == "cautious expansionism"
    assert builder.quote_check.isChecked()
    with qtbot.waitSignal(builder.insertRequested) as inserted:
        builder.submit()
    assert inserted.args[1] == "cautious expansionism"
    builder.quote_check.setChecked(False)
    with qtbot.waitSignal(builder.insertRequested) as inserted:
        builder.submit()
    assert inserted.args[1] == ""


def test_preview_shows_full_short_and_bibliography_live(builder, qtbot):
    builder.prefill("shen-2000")
    qtbot.keyClicks(builder.rows[0].locator_edit, "52")
    text = builder.preview_text()
    assert (
        "Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s "
        "Strategic Goals in the Far East,” Journal of Cold War Studies 2, no. 2 (2000): 52."
    ) in text
    assert "Shen, “Sino-Soviet Relations,” 52." in text
    assert "Shen Zhihua. “Sino-Soviet Relations" in text and "44–68." in text
    # The label changes the locator's printed form.
    builder.rows[0].label_combo.setCurrentIndex(builder.rows[0].label_combo.findData("chapter"))
    assert "chap. 52" in builder.preview_text()


def test_several_citations_prefix_suffix_and_commentary_in_one_note(builder, qtbot):
    builder.prefill("shen-2000", "52")
    builder.rows[0].suffix_edit.setText("emphasis added")
    second = builder.add_row()
    second.set_source("shuster-2019")
    second.prefix_edit.setText("see also")
    second.locator_edit.setText("12")
    builder.commentary_edit.setText("Both rely on the same telegram.")
    note = builder.note()
    assert note == Note(
        (
            (
                Citation("shen-2000", "52", suffix="emphasis added"),
                Citation("shuster-2019", "12", prefix="see also"),
            ),
            ". Both rely on the same telegram.",
        )
    )
    full = builder.preview_text()
    assert "52, emphasis added; see also Jacob Shuster" in full
    assert "Both rely on the same telegram." in full
    assert [row.title() for row in builder.rows] == ["Citation 1", "Citation 2"]
    builder.remove_row(builder.rows[0])
    assert [row.source_id() for row in builder.rows] == ["shuster-2019"]
    assert builder.rows[0].title() == "Citation 1"
    assert not builder.rows[0].remove_button.isVisible()


def test_an_unknown_source_is_visible_in_the_preview_not_dropped(builder):
    builder.prefill("lost-source-1999", "3")
    assert builder.rows[0].source_id() == "lost-source-1999"
    assert "not in the library" in builder.rows[0].source_combo.currentText()
    assert "unknown source: lost-source-1999" in builder.preview_text()


def test_editing_an_existing_note_updates_it(builder, qtbot):
    anchor = NoteAnchor(
        Note(((Citation("shen-2000", "52"), Citation("zubok-pleshakov-1996", "62")),)),
        id="abc",
    )
    assert builder.load_note(anchor, 3)
    assert builder.insert_button.text() == "Update note 3"
    assert [row.source_id() for row in builder.rows] == ["shen-2000", "zubok-pleshakov-1996"]
    builder.rows[1].locator_edit.setText("63")
    with qtbot.waitSignal(builder.updateRequested) as updated:
        qtbot.mouseClick(builder.insert_button, Qt.MouseButton.LeftButton)
    assert updated.args[0] == "abc"
    assert updated.args[1].citations[1].locator == "63"
    assert builder.insert_button.text() == "Insert note"


def test_a_note_the_builder_cannot_represent_is_left_to_the_notes_strip(builder):
    mixed = NoteAnchor(
        Note(("On this, see ", (Citation("shen-2000"),), "; and ", (Citation("shuster-2019"),)))
    )
    assert not builder.load_note(mixed, 1)
    assert builder.editing() == ""
