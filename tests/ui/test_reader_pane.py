"""The reader pane: a passage in its context, query terms highlighted, previous/next, quoting."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from assistant.ui.reader.pane import CONTEXT, ReaderPane


def _pane(qtbot, controller) -> ReaderPane:
    pane = ReaderPane(controller)
    qtbot.addWidget(pane)
    pane.resize(600, 700)
    pane.show()
    return pane


def _acheson_hit(controller, source_id: str):
    results = controller.index.search("Acheson speech", limit=20, source_ids=[source_id])
    body = [hit for hit in results.hits if hit.kind == "body"]
    return body[0]


def _open(qtbot, pane: ReaderPane, source_id: str, ordinal: int, query: str = "") -> None:
    with qtbot.waitSignal(pane.passageShown, timeout=10000):
        pane.show_passage(source_id, ordinal, query)


def test_placeholder_before_anything_is_opened(qtbot, controller):
    pane = _pane(qtbot, controller)
    assert "Open a search hit" in pane.text.toPlainText()
    assert pane.current_passage is None
    assert not pane.cite_button.isEnabled()
    assert not pane.next_button.isEnabled()


def test_shows_passage_in_context_with_metadata_and_highlight(qtbot, controller):
    pane = _pane(qtbot, controller)
    hit = _acheson_hit(controller, "shen-2000")
    _open(qtbot, pane, hit.source_id, hit.ordinal, "Acheson speech")
    passage = pane.current_passage
    assert (passage.source_id, passage.ordinal) == (hit.source_id, hit.ordinal)
    plain = pane.text.toPlainText()
    assert " ".join(passage.text.split())[:80] in " ".join(plain.split())
    # Context: the passages just before and after are on screen too.
    passages = controller.index.passages("shen-2000")
    position = [p.ordinal for p in passages].index(hit.ordinal)
    neighbours = (
        passages[max(0, position - CONTEXT) : position]
        + passages[position + 1 : position + 1 + CONTEXT]
    )
    assert neighbours
    for neighbour in neighbours:
        assert " ".join(neighbour.text.split())[:40] in " ".join(plain.split())
    # Query terms are highlighted (bold with a background) in the HTML shown.
    html = pane.text.toHtml()
    assert "background-color:#fff0a8" in html.replace(" ", "")
    # The header names the source: author, title, journal, year, and where we are.
    header = pane.header.text()
    for expected in (
        "Shen Zhihua",
        "Sino-Soviet Relations",
        "Journal of Cold War Studies",
        "(2000)",
    ):
        assert expected in header
    assert f"passage {position + 1} of {len(passages)}" in header


def test_previous_and_next_walk_the_source(qtbot, controller):
    pane = _pane(qtbot, controller)
    passages = controller.index.passages("shuster-2019")

    def click(button) -> None:
        with qtbot.waitSignal(pane.passageShown, timeout=10000):
            button.click()

    _open(qtbot, pane, "shuster-2019", passages[1].ordinal)
    assert pane.prev_button.isEnabled()
    click(pane.next_button)
    assert pane.current_passage.ordinal == passages[2].ordinal
    click(pane.prev_button)
    click(pane.prev_button)
    assert pane.current_passage.ordinal == passages[0].ordinal
    assert not pane.prev_button.isEnabled()
    _open(qtbot, pane, "shuster-2019", passages[-1].ordinal)
    assert not pane.next_button.isEnabled()
    pane.next_passage()  # nothing past the end: no request is made
    assert not pane._channel.busy
    assert pane.current_passage.ordinal == passages[-1].ordinal


def test_selecting_words_and_citing(qtbot, controller):
    pane = _pane(qtbot, controller)
    hit = _acheson_hit(controller, "shen-2000")
    _open(qtbot, pane, hit.source_id, hit.ordinal, "Acheson")
    document_text = pane.text.toPlainText()
    word = "Acheson"
    start = document_text.index(word)
    cursor = pane.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    with qtbot.waitSignal(pane.selectionChanged) as changed:
        pane.text.setTextCursor(cursor)
    assert changed.args == [word]
    assert pane.selected_text() == word
    with qtbot.waitSignal(pane.citeRequested) as cited:
        pane.cite_button.click()
    assert cited.args[0] == pane.current_passage
    assert cited.args[1] == word


def test_unknown_passage_says_so(qtbot, controller):
    pane = _pane(qtbot, controller)
    with qtbot.waitSignal(pane._channel.resultReady, timeout=10000):
        pane.show_passage("shen-2000", 99999)
    assert pane.current_passage is None
    assert "is not in the index" in pane.header.text()
    assert not pane.cite_button.isEnabled()
    with qtbot.waitSignal(pane._channel.resultReady, timeout=10000):
        pane.show_passage("no-such-source", 1)
    assert "is not in the index" in pane.header.text()


def test_reader_works_before_the_index_exists(qtbot, indexed_corpus, tmp_path):
    """First launch: a passage (e.g. from the notes outline) opens from the source itself."""
    from assistant.ui.library.controller import LibraryController

    controller = LibraryController(indexed_corpus.corpus_dir, tmp_path / "no-index-yet")
    try:
        pane = _pane(qtbot, controller)
        _open(qtbot, pane, "shen-2000", 5)
        assert pane.current_passage.source_id == "shen-2000"
        assert pane.current_passage.ordinal == 5
        assert pane.current_passage.text[:30] in pane.text.toPlainText()
    finally:
        controller.shutdown()
