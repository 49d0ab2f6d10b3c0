"""Read a PDF's text layer with PDFium (pypdfium2): characters with positions and type sizes.

Why PDFium and not the text a library strings together: reading order, running heads, folios,
footnotes and paragraphs all depend on where each character sits and how large it is. PDFium
gives both for every character at C speed, reads /PageLabels, and renders pages for OCR and for
the Reader's page image, so one well-kept library does the whole PDF side.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.passages import SUPERSCRIPT_DIGITS
from assistant.library.pdf.lines import Line, PageLines, merge_same_baseline

# Hyphen-like characters PDFium reports at line ends (U+FFFE marks a hyphen it took for soft).
HYPHENS = "-\u00ad\u2010\ufffe\x02"
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Beyond this gap (in ems) a line is cut into fragments: a column gutter, or a table cell.
FRAGMENT_GAP = 1.0
# Characters a page may have and still be taken for a scan (a stamp, a page number).
SCAN_MAX_CHARS = 12
# A font's ascent-to-descent height in ems (about 1.15-1.25 for book faces).
LOOSE_EM = 1.2


def _pdfium() -> Any:
    import pypdfium2

    return pypdfium2


def pdfium_error() -> type[Exception]:
    return _pdfium().PdfiumError  # type: ignore[no-any-return]


@contextmanager
def open_pdf(path: Path) -> Iterator[Any]:
    """Open a PDF with PDFium, turning its failures into messages for the writer."""
    pdfium = _pdfium()
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        text = str(error)
        if "password" in text.lower():
            raise ImportFailed(
                path.name, "the PDF is password-protected; save an unprotected copy and add that."
            ) from error
        raise ImportFailed(
            path.name, f"the PDF is damaged and cannot be read ({_reason(text)})."
        ) from error
    try:
        yield document
    finally:
        document.close()


def _reason(text: str) -> str:
    # "Failed to load document (PDFium: Data format error)." -> "data format error"
    if "PDFium:" in text:
        text = text.split("PDFium:", 1)[1]
    return text.strip(" ().").lower() or "unknown error"


def page_labels(document: Any) -> list[str]:
    """The /PageLabels entry of every page ('' for all when the PDF has none)."""
    try:
        return [document.get_page_label(i) for i in range(len(document))]
    except Exception:  # a damaged label tree costs the labels, not the text
        return [""] * len(document)


def image_pixels(page: Any) -> int:
    """The largest pixel count of an image drawn on the page (0 when none)."""
    pdfium = _pdfium()
    largest = 0
    for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            width, height = obj.get_px_size()
        except Exception:
            continue
        largest = max(largest, int(width) * int(height))
    return largest


def read_page(document: Any, index: int, label: str) -> PageLines:
    """One page's text as line fragments; `image_only` when it has no text but images."""
    pdfium = _pdfium()
    raw = pdfium.raw
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = _lines(raw, textpage)
        finally:
            textpage.close()
        chars = sum(len(line.text.strip()) for line in lines)
        image_only = chars <= SCAN_MAX_CHARS and image_pixels(page) > 0
        return PageLines(index, width, height, [] if image_only else lines, label, image_only)
    finally:
        page.close()


def _lines(raw: Any, textpage: Any) -> list[Line]:
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: ask one at a time
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    # One call per character: the "loose" box spans the font's ascent to descent and the
    # glyph's advance, so its bottom is a steady stand-in for the baseline and its height for
    # the type size (origin, tight box and font size would be three calls: 3x the time).
    rect = raw.FS_RECTF()
    p_rect = ctypes.byref(rect)
    loose_box = raw.FPDFText_GetLooseCharBox

    runs: list[list[tuple[str, float, float, float, float]]] = []
    run: list[tuple[str, float, float, float, float]] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch in "\r\n":
            pending_space = True
            continue
        if ch.isspace():
            pending_space = True
            continue
        loose_box(textpage, i, p_rect)
        size = (rect.top - rect.bottom) / LOOSE_EM or 10.0
        x0, x1, y = rect.left, max(rect.right, rect.left), rect.bottom
        if run:
            _, _, prev_x1, prev_y, prev_size = run[-1]
            big = max(size, prev_size)
            dy = y - prev_y
            shift_ok = abs(dy) <= 0.4 * big or (
                # a superscript (smaller, raised) or the return from one
                abs(size - prev_size) > 0.12 * big and abs(dy) <= 0.7 * big
            )
            gap = x0 - prev_x1
            if not shift_ok or gap > FRAGMENT_GAP * big or gap < -1.5 * big:
                runs.append(run)
                run = []
            elif pending_space or gap > 0.2 * min(size, prev_size):
                run.append((" ", prev_x1, prev_x1, prev_y, prev_size))
        pending_space = False
        run.append((ch, x0, x1, y, size))
    if run:
        runs.append(run)
    return merge_same_baseline([_line(r) for r in runs], max_gap=FRAGMENT_GAP)


def _line(chars: list[tuple[str, float, float, float, float]]) -> Line:
    sizes = Counter(c[4] for c in chars if c[0] != " ")
    size = sizes.most_common(1)[0][0] if sizes else chars[0][4]
    baselines = [c[3] for c in chars if c[4] == size and c[0] != " "]
    baseline = sorted(baselines)[len(baselines) // 2] if baselines else chars[0][3]
    out = []
    for ch, _, _, y, char_size in chars:
        # Raised small digits are note references: kept as superscripts, as in Markdown sources.
        if ch.isdigit() and char_size < 0.85 * size and y > baseline + 0.15 * size:
            ch = ch.translate(_SUPERSCRIPT)
        out.append(ch)
    return Line(
        "".join(out).strip(),
        min(c[1] for c in chars),
        max(c[2] for c in chars),
        baseline,
        round(float(size), 2),
    )
