"""OCR in the background index process: page-by-page progress, cancel, the cache reused."""

from __future__ import annotations

import threading

from assistant.library.ocr.cache import cache_dir_for
from assistant.ui.index_process import update_in_process

from . import make
from .test_ocr import ENGLISH, RUSSIAN, needs_tesseract


def _scan_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = [
        make.Page(image=make.text_image(tmp_path / "a.png", ENGLISH)),
        make.Page(image=make.text_image(tmp_path / "b.png", RUSSIAN)),
    ]
    make.write(corpus / "telegrams.pdf", pages)
    (corpus / "sources.json").write_text(
        '[{"id": "telegrams", "type": "document", "title": "Telegrams", "language": "en, ru"}]'
    )
    return corpus


@needs_tesseract
def test_ocr_progress_then_cached_on_reindex(tmp_path):
    corpus = _scan_corpus(tmp_path)
    index = tmp_path / "index"
    labels = []
    report, passages = update_in_process(
        corpus, index, progress=lambda d, t, label: labels.append(label)
    )
    assert report.indexed == 1 and passages >= 2 and not report.problems
    assert "telegrams (OCR page 1 of 2)" in labels and "telegrams (OCR page 2 of 2)" in labels
    assert len(list((cache_dir_for(index)).rglob("page-*.json"))) == 2
    # A rebuild reads the cache: no OCR progress at all.
    labels.clear()
    update_in_process(
        corpus, index, rebuild=True, progress=lambda d, t, label: labels.append(label)
    )
    assert not any("OCR" in label for label in labels)


@needs_tesseract
def test_cancel_during_ocr_stops_indexing(tmp_path):
    corpus = _scan_corpus(tmp_path)
    cancel = threading.Event()

    def progress(done, total, label):
        if "OCR page 1" in label:
            cancel.set()

    report, _ = update_in_process(corpus, tmp_path / "index", progress=progress, cancel=cancel)
    assert report.cancelled
    # Nothing of the cancelled run is indexed, and what was recognised is kept for next time.
    assert len(list(cache_dir_for(tmp_path / "index").rglob("page-*.json"))) <= 1
