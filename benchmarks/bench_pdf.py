"""PDF import and OCR speed, and GUI responsiveness while a long PDF is indexed (issue 13).

    .venv/bin/python benchmarks/bench_pdf.py [--pages 300] [--ocr-pages 6] [--repeat 3]

Text PDFs: a generated journal-style PDF (running heads, folios, two paragraphs and a footnote
a page) read by this app's importer (PDFium characters → layout → passages), with peers
measured in the same run on the same file: pypdf's `extract_text` (the previous importer),
pdfminer.six's layout analysis (the pure-Python candidate; skipped if not installed) and
poppler's `pdftotext -layout`. No peer removes running heads, finds folios or notes; they are
the floor for "just get the text".

OCR: image-only pages (half English, half Russian, 300 dpi renders) recognised by Tesseract
through the app's importer, then the same file re-imported from the OCR cache.

GUI: the app's LibraryController indexes a corpus holding the long PDF and a scan in its
background process while a 10 ms watchdog timer on the GUI thread records the largest gap
(benchmarks/bench_ui_responsiveness.py's method); the peer imports the same PDF on the GUI thread.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from tests.library.pdf import make  # noqa: E402  (the test suite's PDF and scan generator)

ENGLISH = (
    "TELEGRAM. Moscow, 30 January 1950. To Comrade Shtykov. I understand the dissatisfaction "
    "of Comrade Kim Il Sung, but he must understand that such a large matter in regard to South "
    "Korea requires thorough preparation. It has to be organised so that there would not be too "
    "great a risk. If he wants to discuss this matter with me, I will always be ready to "
    "receive him and discuss it with him."
)
RUSSIAN = (
    "ТЕЛЕГРАММА. Москва, 30 января 1950 года. Товарищу Штыкову. Я понимаю недовольство "
    "товарища Ким Ир Сена, но он должен понять, что такое большое дело в отношении Южной "
    "Кореи, какое он хочет предпринять, нуждается в большой подготовке. Дело надо организовать "
    "так, чтобы не было слишком большого риска."
)


ARCHIVES = ("AVPRF, fond 059a", "APRF, fond 45", "RGASPI, fond 558", "TsAMO, fond 5")
WRITERS = ("Shtykov to Vyshinsky", "Roshchin to Stalin", "Kim Il Sung to Stalin", "Mao to Stalin")


def _note(index: int) -> str:
    writer, archive = WRITERS[index % 4], ARCHIVES[(index // 4) % 4]
    month = ("January", "March")[index % 2]
    return f"{index + 1}. {writer}, {index % 28 + 1} {month} 1950, {archive}."


def long_pdf(path: Path, pages: int) -> Path:
    built = []
    for index in range(pages):
        page = make.Page()
        folio = str(211 + index)
        head = "JOURNAL OF COLD WAR STUDIES" if index % 2 else "Shen · Sino-Soviet Relations"
        page.add(make.LEFT, 50, folio if index % 2 else head, 9)
        page.add(make.RIGHT - 120 if index % 2 == 0 else 200, 50, head if index % 2 else folio, 9)
        y = make.paragraph(page, make.TOP, make.prose(150, seed=index))
        make.paragraph(page, y + 4, make.prose(120, seed=index + 2))
        make.lines(page, 570, [_note(index)], size=make.NOTE)
        built.append(page)
    return make.write(path, built)


def scan_pdf(folder: Path, pages: int) -> Path:
    built = []
    for index in range(pages):
        text = ENGLISH if index % 2 == 0 else RUSSIAN
        image = make.text_image(folder / f"scan-{index}.png", [text, text], dpi=150)
        built.append(make.Page(image=image))
    return make.write(folder / "scans.pdf", built)


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def text_rows(pdf: Path, pages: int, repeat: int) -> list[str]:
    from pypdf import PdfReader

    from assistant.library.importers import load_document

    def ours() -> None:
        load_document(pdf, "long")

    def pypdf_text() -> None:
        for page in PdfReader(str(pdf)).pages:
            page.extract_text()

    def pdfminer_layout() -> None:
        from pdfminer.high_level import extract_pages

        for _page in extract_pages(str(pdf)):  # LAParams layout analysis: lines, boxes, columns
            pass

    def pdftotext() -> None:
        subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)

    rows = []
    document = load_document(pdf, "long")
    notes = sum(1 for p in document.passages if p.kind == "note")
    heads = document.text.count("JOURNAL OF COLD WAR STUDIES")
    detail = f"{len(document.passages)} passages, {notes} notes, {heads} running heads left"
    for name, fn, what in (
        ("this app: PDFium + layout → passages", ours, detail),
        ("peer: pypdf extract_text", pypdf_text, "text only"),
        (
            "peer: pdfminer.six layout analysis",
            pdfminer_layout if _has("pdfminer") else None,
            "text boxes only",
        ),
        (
            "peer: poppler pdftotext -layout",
            pdftotext if shutil.which("pdftotext") else None,
            "text only",
        ),
    ):
        if fn is None:
            rows.append(f"| {name} | {pages} | n/a | n/a | not installed |")
            continue
        seconds = timed(fn, repeat)
        rows.append(f"| {name} | {pages} | {seconds:.2f} | {pages / seconds:.0f} | {what} |")
    return rows


def ocr_rows(folder: Path, pages: int) -> list[str]:
    from assistant.library.importers import load_document
    from assistant.library.ocr import OcrContext

    pdf = scan_pdf(folder, pages)
    item = {"id": "scans", "language": "en, ru"}
    cache = folder / "ocr-cache"
    started = time.perf_counter()
    document = load_document(pdf, "scans", item, OcrContext(cache_dir=cache))
    first = time.perf_counter() - started
    started = time.perf_counter()
    load_document(pdf, "scans", item, OcrContext(cache_dir=cache))
    cached = time.perf_counter() - started
    shutil.rmtree(cache)
    auto = {"id": "scans"}
    started = time.perf_counter()
    load_document(pdf, "scans", auto, OcrContext(cache_dir=cache))
    detect = time.perf_counter() - started
    words = sum(len(p.text.split()) for p in document.passages)
    return [
        f"| Tesseract, language from metadata (eng+rus) | {pages} | {first:.1f} | "
        f"{pages / first:.2f} | {words} words |",
        f"| Tesseract, script detected per page (OSD) | {pages} | {detect:.1f} | "
        f"{pages / detect:.2f} | |",
        f"| re-import from the OCR cache | {pages} | {cached:.2f} | {pages / cached:.0f} | |",
    ]


def gui_rows(folder: Path, pdf: Path, pages: int) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from assistant.library.importers import load_document
    from assistant.ui.library.controller import LibraryController
    from bench_ui_responsiveness import Watchdog, run_until, wait_ms

    app = QApplication.instance() or QApplication([])
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(pdf, corpus / "long.pdf")
    (folder / "scans-for-gui").mkdir()
    shutil.copy(scan_pdf(folder / "scans-for-gui", 2), corpus / "scans.pdf")
    controller = LibraryController(corpus, folder / "index")
    watchdog = Watchdog()
    rows = []

    watchdog.start()
    wait_ms(2000)
    stats = watchdog.stop()
    rows.append(_row("control: idle", "nothing running", 2.0, stats))

    finished: list[object] = []
    controller.indexFinished.connect(finished.append)
    watchdog.start()
    started = time.perf_counter()
    controller.reindex()
    run_until(lambda: bool(finished) and not controller.is_busy, timeout_s=1800)
    seconds = time.perf_counter() - started
    stats = watchdog.stop()
    rows.append(_row("index in the background process", f"{pages}-page PDF + 2 scanned pages (OCR)",
                     seconds, stats))  # fmt: skip

    watchdog.start()
    started = time.perf_counter()
    load_document(pdf, "long")
    seconds = time.perf_counter() - started
    app.processEvents()
    stats = watchdog.stop()
    rows.append(_row("peer: import on the GUI thread", f"{pages}-page PDF", seconds, stats))
    controller.shutdown()
    return rows


def _row(name: str, work: str, seconds: float, stats: dict[str, float]) -> str:
    return f"| {name} | {work} | {seconds:.2f} s | {stats['max']:,.0f} ms | {stats['over100']} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--ocr-pages", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        folder = Path(work)
        pdf = long_pdf(folder / "long.pdf", args.pages)
        print("| reader | pages | seconds (median) | pages/s | output |")
        print("| --- | ---: | ---: | ---: | --- |")
        for line in text_rows(pdf, args.pages, args.repeat):
            print(line, flush=True)
        print()
        print("| OCR | pages | seconds | pages/s | |")
        print("| --- | ---: | ---: | ---: | --- |")
        (folder / "ocr").mkdir()
        for line in ocr_rows(folder / "ocr", args.ocr_pages):
            print(line, flush=True)
        if not args.skip_gui:
            print()
            print("| phase | work | wall time | max GUI stall | ticks > 100 ms |")
            print("| --- | --- | ---: | ---: | ---: |")
            for line in gui_rows(folder, pdf, args.pages):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
