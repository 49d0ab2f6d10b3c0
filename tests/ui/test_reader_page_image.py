"""The Reader shows an OCR'd hit's page image with the hit's words marked."""

from __future__ import annotations

import shutil

import pytest

from assistant.library.ocr import tesseract

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None or "eng" not in tesseract.installed_languages(),
    reason="tesseract-ocr with English data is not installed",
)

TELEGRAM = [
    "TELEGRAM. Moscow, 30 January 1950. To Comrade Shtykov. I understand the "
    "dissatisfaction of Comrade Kim Il Sung, but he must understand that such a large "
    "matter requires thorough preparation.",
]


@pytest.fixture
def scan_controller(tmp_path, qtbot):
    from assistant.library.corpus import Library
    from assistant.library.ocr import OcrContext
    from assistant.library.ocr.cache import cache_dir_for
    from assistant.search.index import SearchIndex
    from assistant.ui.library.controller import LibraryController
    from tests.library.pdf import make

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    image = make.text_image(tmp_path / "telegram.png", TELEGRAM)
    make.write(corpus / "telegram.pdf", [make.Page(image=image)])
    library = Library.open(corpus)
    library.ocr = OcrContext(cache_dir=cache_dir_for(index))
    report = SearchIndex(index).update(library)
    assert report.indexed == 1, report.problems
    controller = LibraryController(corpus, index)
    yield controller
    controller.shutdown()


def test_an_ocr_hit_opens_its_page_image_with_the_words_marked(qtbot, scan_controller):
    from assistant.library.model import place_label
    from assistant.library.ocr.cache import cache_dir_for
    from assistant.library.ocr.marks import scan_views
    from assistant.ui.reader.page_image import DISPLAY_WIDTH
    from assistant.ui.reader.pane import ReaderPane

    hit = scan_controller.index.search("Moscow").hits[0]
    assert place_label(hit) == "PDF p. 1"  # a scan prints no folio: the hit says so
    pane = ReaderPane(scan_controller)
    qtbot.addWidget(pane)
    pane.resize(700, 900)
    pane.show()
    with qtbot.waitSignal(pane.passageShown, timeout=10000):
        pane.show_passage(hit.source_id, hit.ordinal, "Moscow")
    qtbot.waitUntil(pane.scan_button.isEnabled, timeout=10000)
    assert not pane.page_image.isVisible()
    pane.scan_button.click()
    qtbot.waitUntil(lambda: bool(pane.page_image.image_sizes()), timeout=20000)
    assert pane.page_image.isVisible()
    assert pane.page_image.captions == ["Page 1 as scanned"]

    passage = pane.current_passage
    source = scan_controller.library.get(hit.source_id)
    (view,) = scan_views(
        cache_dir_for(scan_controller.index_dir),
        source.path,
        passage.page,
        passage.text,
        ["Moscow"],
    )
    picture = pane.page_image.findChild(type(pane.header), "readerPageImagePicture")
    image = picture.pixmap().toImage()
    scale = DISPLAY_WIDTH / view.page.width
    left, top, _, bottom = view.terms[0]
    # The search word is boxed in orange; the passage's other words are tinted yellow.
    edge = image.pixelColor(int(left * scale) - 2, int((top + bottom) / 2 * scale))
    assert edge.red() > 180 and edge.green() < 140 and edge.blue() < 80
    other_left, other_top, _, _ = view.passage[-1]
    inside = image.pixelColor(int(other_left * scale), int(other_top * scale))
    assert inside.blue() < inside.red()  # tinted, not the paper's white or grey


def test_a_text_source_has_no_page_image(qtbot, controller):
    from assistant.ui.reader.pane import ReaderPane

    pane = ReaderPane(controller)
    qtbot.addWidget(pane)
    pane.show()
    hit = controller.index.search("Acheson speech").hits[0]
    with qtbot.waitSignal(pane.passageShown, timeout=10000):
        pane.show_passage(hit.source_id, hit.ordinal, "Acheson speech")
    qtbot.wait(300)
    assert not pane.scan_button.isEnabled()


def test_the_status_bar_shows_ocr_progress_and_the_scan_becomes_searchable(qtbot, tmp_path):
    from assistant.ui.library.controller import LibraryController
    from tests.library.pdf import make

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    image = make.text_image(tmp_path / "telegram.png", TELEGRAM)
    make.write(corpus / "telegram.pdf", [make.Page(image=image)])
    controller = LibraryController(corpus, tmp_path / "index")
    statuses: list[str] = []
    controller.statusChanged.connect(statuses.append)
    try:
        with qtbot.waitSignal(controller.indexFinished, timeout=120000):
            controller.reindex()
        assert any("telegram (OCR page 1 of 1)" in status for status in statuses), statuses
        assert controller.index.search("Shtykov").total == 1
    finally:
        controller.shutdown()
