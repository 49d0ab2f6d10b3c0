"""Scanned pages and image files: recognised with Tesseract, cached, or listed as needing OCR."""

from __future__ import annotations

import shutil
import threading

import pytest

from assistant.library.errors import ImportFailed
from assistant.library.importers import load_document
from assistant.library.ocr import NeedsOcr, OcrContext
from assistant.library.ocr import tesseract as tesseract_module
from assistant.library.ocr.marks import scan_views

from . import make

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None
    or not {"eng", "rus"} <= tesseract_module.installed_languages(),
    reason="tesseract-ocr with English and Russian data is not installed "
    "(scripts/install-system-packages.sh)",
)

ENGLISH = [
    "TELEGRAM. Moscow, 30 January 1950. To Comrade Shtykov. I understand the "
    "dissatisfaction of Comrade Kim Il Sung, but he must understand that such a large "
    "matter requires thorough preparation.",
    "Stalin",
]
RUSSIAN = [
    "ТЕЛЕГРАММА. Москва, 30 января 1950 года. Товарищу Штыкову. Я понимаю недовольство "
    "товарища Ким Ир Сена, но он должен понять, что такое большое дело нуждается в большой "
    "подготовке.",
    "Сталин",
]


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scans")
    english = make.text_image(folder / "english.png", ENGLISH)
    russian = make.text_image(folder / "russian.png", RUSSIAN)
    return {
        "english_png": english,
        "russian_png": russian,
        "english_pdf": make.write(folder / "english.pdf", [make.Page(image=english)]),
        "russian_pdf": make.write(folder / "russian.pdf", [make.Page(image=russian)]),
        "mixed_pdf": make.write(
            folder / "mixed.pdf",
            [_text_page(), make.Page(image=russian)],
        ),
    }


def _text_page():
    page = make.Page()
    make.paragraph(page, make.TOP, make.prose(60))
    return page


def _words(document):
    return " ".join(p.text for p in document.passages)


@needs_tesseract
def test_an_image_only_english_page_is_recognised(scans, tmp_path):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    document = load_document(
        scans["english_pdf"], "telegram", {"id": "t", "language": "en"}, context
    )
    text = _words(document)
    for words in ("TELEGRAM", "Moscow, 30 January 1950", "Shtykov", "thorough preparation"):
        assert words in text
    assert all(p.page == "1" for p in document.passages)


@needs_tesseract
def test_an_image_only_russian_page_is_recognised_with_the_sources_language(scans, tmp_path):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    document = load_document(
        scans["russian_pdf"], "telegram", {"id": "t", "language": "ru"}, context
    )
    text = _words(document)
    for words in ("ТЕЛЕГРАММА", "Москва, 30 января 1950 года", "Штыкову", "большой подготовке"):
        assert words in text


@needs_tesseract
def test_without_a_language_the_script_chooses_the_model(scans, tmp_path):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    document = load_document(scans["russian_pdf"], "telegram", {"id": "t"}, context)
    assert "Москва" in _words(document)


@needs_tesseract
def test_without_a_language_a_page_in_another_script_is_detected_again(scans, tmp_path):
    # An English cover note on a Russian telegram: the first page's model reads the second
    # page badly, so its script is detected afresh.
    pages = [make.Page(image=scans["english_png"]), make.Page(image=scans["russian_png"])]
    path = make.write(tmp_path / "file.pdf", pages)
    document = load_document(path, "file", {"id": "file"}, OcrContext(cache_dir=tmp_path / "c"))
    by_page = {p.page: p.text for p in document.passages if p.kind == "body"}
    assert "Moscow" in by_page["1"] and "Москва" in by_page["2"]


@needs_tesseract
def test_recognised_text_is_cached_by_file_digest(scans, tmp_path, monkeypatch):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    item = {"id": "t", "language": "en"}
    first = load_document(scans["english_pdf"], "telegram", item, context)

    def no_tesseract(*args, **kwargs):
        raise tesseract_module.OcrError("tesseract ran again")

    monkeypatch.setattr(tesseract_module, "recognise", no_tesseract)
    second = load_document(scans["english_pdf"], "telegram", item, context)
    assert _words(second) == _words(first)
    # A changed file is a new digest: recognised afresh (here: the patched tesseract fails).
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(scans["english_pdf"].read_bytes() + b"\n% edited\n")
    with pytest.raises(NeedsOcr, match=r"recognition failed \(tesseract ran again\)"):
        load_document(changed, "telegram", item, context)


@needs_tesseract
def test_word_boxes_mark_the_passage_on_the_page_image(scans, tmp_path):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    document = load_document(
        scans["english_pdf"], "telegram", {"id": "t", "language": "en"}, context
    )
    passage = next(p for p in document.passages if "Moscow" in p.text)
    views = scan_views(
        tmp_path / "ocr", scans["english_pdf"], passage.page, passage.text, ["moscow"]
    )
    assert len(views) == 1
    view = views[0]
    assert len(view.passage) >= len(passage.text.split()) - 3
    ((left, top, right, bottom),) = view.terms
    # The page image is the PDF page rendered at 300 dpi; the word sits in its top part.
    assert 0 < left < right < view.page.width and 0 < top < bottom < view.page.height / 3
    assert view.page.width == pytest.approx(make.PAGE_W / 72 * 300, abs=2)


@needs_tesseract
def test_image_files_are_sources(scans, tmp_path):
    context = OcrContext(cache_dir=tmp_path / "ocr")
    document = load_document(scans["russian_png"], "png", {"id": "png", "language": "ru"}, context)
    assert "Штыкову" in _words(document)
    assert all(p.page is None for p in document.passages)  # one image: no page to cite


@needs_tesseract
def test_a_multipage_tiff_gives_pages(scans, tmp_path):
    from PIL import Image

    path = tmp_path / "file.tiff"
    frames = [Image.open(scans["english_png"]), Image.open(scans["russian_png"])]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(150, 150))
    item = {"id": "tiff", "language": "en, ru"}
    document = load_document(path, "tiff", item, OcrContext(cache_dir=tmp_path / "ocr"))
    by_page = {p.page: p.text for p in document.passages}
    assert "Shtykov" in by_page["1"] and "Штыкову" in by_page["2"]


@needs_tesseract
def test_progress_is_reported_per_page_and_cancel_stops(scans, tmp_path):
    reports = []
    context = OcrContext(cache_dir=tmp_path / "ocr", progress=lambda d, t: reports.append((d, t)))
    load_document(scans["mixed_pdf"], "mixed", {"id": "m", "language": "ru"}, context)
    assert reports == [(0, 1), (1, 1)]
    cancel = threading.Event()
    cancel.set()
    context = OcrContext(cache_dir=tmp_path / "other", cancel=cancel)
    with pytest.raises(ImportFailed, match="cancelled"):
        load_document(scans["mixed_pdf"], "mixed", {"id": "m"}, context)


def _hide_tesseract(monkeypatch, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("tesseract") is None


def test_without_tesseract_a_scan_needs_ocr(scans, tmp_path, monkeypatch):
    _hide_tesseract(monkeypatch, tmp_path)
    context = OcrContext(cache_dir=tmp_path / "ocr")
    with pytest.raises(NeedsOcr, match=r"needs OCR \(install tesseract-ocr\)"):
        load_document(scans["english_pdf"], "scan", {"id": "scan"}, context)
    with pytest.raises(NeedsOcr, match=r"install tesseract-ocr"):
        load_document(scans["english_png"], "scan", {"id": "scan"}, context)


def test_without_tesseract_the_text_pages_of_a_mixed_pdf_are_read(scans, tmp_path, monkeypatch):
    _hide_tesseract(monkeypatch, tmp_path)
    document = load_document(scans["mixed_pdf"], "mixed", {"id": "m"}, OcrContext())
    assert "Stalin weighed" in document.text
    assert document.warnings == [
        "p. 2 is a scanned image without text; it needs OCR (install tesseract-ocr)."
    ]


def test_without_tesseract_indexing_lists_the_scan_and_indexes_the_rest(
    scans, tmp_path, monkeypatch
):
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(scans["english_pdf"], corpus / "scan.pdf")
    shutil.copy(scans["mixed_pdf"], corpus / "mixed.pdf")
    (corpus / "notes.md").write_text("# Notes\n\nThe Acheson speech of January 1950.\n")
    _hide_tesseract(monkeypatch, tmp_path)
    library = Library.open(corpus)
    library.ocr = OcrContext(cache_dir=tmp_path / "ocr")
    report = SearchIndex(tmp_path / "index").update(library)
    problems = {p.path: p.message for p in report.problems}
    assert problems["scan.pdf"] == "needs OCR (install tesseract-ocr)"
    assert "install tesseract-ocr" in problems["mixed.pdf"]
    assert report.indexed == 2
    hits = SearchIndex(tmp_path / "index").search("Acheson")
    assert hits.total == 1


def test_adding_a_scan_to_the_library_is_accepted_before_ocr(scans, tmp_path, monkeypatch):
    from assistant.library.corpus import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _hide_tesseract(monkeypatch, tmp_path)
    source = Library.open(corpus).add_file(scans["english_pdf"])
    assert source.path is not None and source.path.exists()
