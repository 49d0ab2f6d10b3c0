"""The search pane: hits as you type, stale results dropped, filters, keyboard, messages."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from assistant.search.index import SearchResults
from assistant.ui.search.hits import hit_from_mime
from assistant.ui.search.pane import SearchPane


def _pane(qtbot, controller) -> SearchPane:
    pane = SearchPane(controller)
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    return pane


def _search(qtbot, pane: SearchPane, text: str) -> None:
    """Type a query as a writer would and wait for its hits (or message)."""
    pane.query_edit.setFocus()
    pane.query_edit.clear()
    with qtbot.waitCallback(timeout=10000) as done:
        pane.resultsShown.connect(done)
        pane.messageShown.connect(done)
        qtbot.keyClicks(pane.query_edit, text)
    pane.resultsShown.disconnect(done)
    pane.messageShown.disconnect(done)


def test_empty_query_shows_a_helpful_placeholder(qtbot, controller):
    pane = _pane(qtbot, controller)
    assert pane.stack.currentWidget() is pane.placeholder
    assert "Type words to search your 3 sources" in pane.placeholder.text()
    assert pane.hits() == []
    # Clearing a query returns to the placeholder, not to stale hits.
    _search(qtbot, pane, "Acheson")
    assert pane.hits()
    pane.query_edit.clear()
    assert pane.hits() == []
    assert pane.stack.currentWidget() is pane.placeholder


def test_typing_shows_acheson_hits_from_shen_and_shuster(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson speech")
    hits = pane.hits()
    assert {"shen-2000", "shuster-2019"} <= {hit.source_id for hit in hits}
    assert pane.stack.currentWidget() is pane.results_view
    # Each row: the source's short citation, the place, the snippet with the matches in bold.
    rows = [pane.model.index(i).data() for i in range(pane.model.rowCount())]
    assert any(row.startswith("Shen, “Sino-Soviet Relations”") for row in rows)
    assert any(row.startswith("Shuster, “Stalin’s Foreign Policy ‘Shift’”") for row in rows)
    assert all("acheson" in hit.snippet.lower() or "speech" in hit.snippet.lower() for hit in hits)
    assert any("<b>" in hit.snippet for hit in hits)
    total = pane.results().total
    assert pane.status_label.text().startswith(f"{total} hits in 2 sources")
    # The filter shows how many hits each source has.
    texts = [pane.source_filter.itemText(i) for i in range(pane.source_filter.count())]
    assert any(
        t.startswith("Shen") and t.endswith(f"({pane.results().counts_by_source['shen-2000']})")
        for t in texts
    )


def test_filter_by_source(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson speech")
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        pane.set_source_filter("shen-2000")
    hits = pane.hits()
    assert hits
    assert {hit.source_id for hit in hits} == {"shen-2000"}
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        pane.set_source_filter(None)
    assert {hit.source_id for hit in pane.hits()} >= {"shen-2000", "shuster-2019"}


def test_malformed_query_shows_an_inline_message(qtbot, controller):
    pane = _pane(qtbot, controller)
    with qtbot.waitSignal(pane.messageShown, timeout=10000) as shown:
        pane.set_query("defense OR")
    assert shown.args[0].startswith("Cannot read this query:")
    assert "Cannot read this query" in pane.status_label.text()
    assert pane.stack.currentWidget() is pane.placeholder
    assert pane.hits() == []
    # The query is kept for fixing; a fixed query searches again.
    assert pane.query() == "defense OR"
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        pane.set_query("defense OR perimeter")
    assert pane.hits()


def test_a_phrase_being_typed_shows_a_hint_not_an_error(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson")
    before = pane.hits()
    pane.query_edit.setFocus()
    qtbot.keyClicks(pane.query_edit, ' "defense perim')
    qtbot.wait(600)  # past the typing debounce: nothing is searched, nothing fails
    text = pane.status_label.text()
    assert "Close the quotation mark" in text and "Cannot read" not in text
    assert pane.hits() == before  # the last complete query's hits stay
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        qtbot.keyClicks(pane.query_edit, 'eter"')
    assert pane.hits() and "Close the quotation" not in pane.status_label.text()


def test_a_misspelt_word_shows_the_corrected_search_and_says_so(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Achesn")
    assert pane.hits() and all("acheson" in h.text.lower() for h in pane.hits())
    assert "Showing results for <b>Acheson</b>" in pane.status_label.text()


def test_relaxed_results_say_which_words_were_not_found(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson perimeter zeppelin")
    assert pane.hits()
    status = pane.status_label.text()
    assert "with most of the words" in status and "not found: zeppelin" in status


def test_did_you_mean_is_a_link_that_searches(qtbot, controller):
    # Relaxed with or without the correction: the hits stay, the correction is offered.
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Achesn perimeter speech zeppelin")
    assert pane.hits() and pane.results().relaxed
    text = pane.status_label.text()
    assert 'Did you mean <a href="suggest:' in text
    suggestion = text.split('href="suggest:')[1].split('"')[0]
    assert suggestion == "Acheson perimeter speech zeppelin"
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        pane.status_label.linkActivated.emit(f"suggest:{suggestion}")
    assert pane.query() == suggestion
    assert pane.hits()


def test_keyboard_down_moves_into_hits_and_enter_opens(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson speech")
    hits = pane.hits()
    assert len(hits) >= 3
    selected = []
    pane.hitSelected.connect(lambda hit, query: selected.append((hit, query)))
    qtbot.keyClick(pane.query_edit, Qt.Key.Key_Down)
    assert pane.results_view.hasFocus() or pane.focusWidget() is pane.results_view
    assert pane.current_hit() == hits[0]
    qtbot.keyClick(pane.results_view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.results_view, Qt.Key.Key_Down)
    assert pane.current_hit() == hits[2]
    assert selected[-1] == (hits[2], "Acheson speech")
    with qtbot.waitSignal(pane.hitActivated) as opened:
        qtbot.keyClick(pane.results_view, Qt.Key.Key_Return)
    assert opened.args == [hits[2], "Acheson speech"]
    # Up from the first hit goes back to the query box.
    pane.results_view.setCurrentIndex(pane.model.index(0))
    qtbot.keyClick(pane.results_view, Qt.Key.Key_Up)
    assert pane.focusWidget() is pane.query_edit


def test_focus_query_shortcut(qtbot, controller):
    pane = _pane(qtbot, controller)
    pane.results_view.setFocus()
    pane.activateWindow()
    qtbot.waitUntil(lambda: pane.isActiveWindow())
    qtbot.keyClick(pane.results_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert pane.focusWidget() is pane.query_edit


def test_stale_results_are_dropped(qtbot, controller, monkeypatch):
    """Two quick queries; the first finishes last; only the second's hits are shown."""
    pane = _pane(qtbot, controller)
    index = controller.index
    real_search = index.search
    release_first = threading.Event()
    first_started = threading.Event()

    def slow_for_stalin(query, **kwargs):
        if query == "Stalin":
            first_started.set()
            release_first.wait(10)
        return real_search(query, **kwargs)

    monkeypatch.setattr(index, "search", slow_for_stalin)
    shown: list[SearchResults] = []
    pane.resultsShown.connect(shown.append)
    pane.set_query("Stalin")
    assert first_started.wait(10)
    dropped = []
    pane._channel.staleDropped.connect(dropped.append)
    # The search thread is busy with "Stalin": widen the pool so the newer query can run now.
    controller.search_pool.setMaxThreadCount(2)
    pane.set_query("Acheson")
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    release_first.set()
    qtbot.waitUntil(lambda: len(dropped) == 1, timeout=10000)
    assert [r.query for r in shown] == ["Acheson"]
    assert all("acheson" in hit.text.lower() for hit in pane.hits())
    assert pane.results().query == "Acheson"


def test_hit_drags_as_json(qtbot, controller):
    pane = _pane(qtbot, controller)
    _search(qtbot, pane, "Acheson speech")
    hit = pane.hits()[0]
    mime = pane.model.mimeData([pane.model.index(0)])
    assert hit_from_mime(mime) == {
        "source_id": hit.source_id,
        "ordinal": hit.ordinal,
        "page": hit.page,
    }
    assert mime.text() == hit.text


def test_more_like_this(qtbot, controller):
    pane = _pane(qtbot, controller)
    with qtbot.waitSignal(pane.resultsShown, timeout=10000):
        pane.show_results_for_text("Acheson's defense perimeter speech excluded Korea")
    assert pane.hits()
    assert "like the selected text" in pane.status_label.text()


def test_first_launch_searches_once_the_index_is_built(qtbot, indexed_corpus, tmp_path):
    """Typing before any index exists gives a message, then the hits when indexing ends."""
    from assistant.ui.library.controller import LibraryController

    controller = LibraryController(indexed_corpus.corpus_dir, tmp_path / "new-index")
    try:
        pane = _pane(qtbot, controller)
        with qtbot.waitSignal(pane.messageShown, timeout=10000) as shown:
            pane.set_query("Acheson speech")
        assert shown.args[0].startswith("There is no index")
        assert shown.args[0].endswith("(Library → Reindex)")
        assert pane.hits() == []
        with qtbot.waitSignal(pane.resultsShown, timeout=60000):
            controller.reindex()
        assert {"shen-2000", "shuster-2019"} <= {hit.source_id for hit in pane.hits()}
    finally:
        controller.shutdown()
