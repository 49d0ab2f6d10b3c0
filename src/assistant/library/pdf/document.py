"""A PDF (or scanned images) as a `Document`: clean passages that carry the printed page.

The steps, each in its own module: characters with positions (`extract`), scanned pages
recognised (`assistant.library.ocr`), printed folios and running heads/feet (`folios`),
reading order, paragraphs and footnotes of each page (`layout`), then here: paragraphs
continued across columns and pages are rejoined, and a passage that runs over a page break
carries both pages ("46–47") so a phrase across the break is found and still cited rightly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.model import Document
from assistant.library.ocr.context import NeedsOcr, OcrContext
from assistant.library.ocr.recognise import (
    Recognition,
    ScanPage,
    lines_from_ocr,
    page_list,
    recognise,
)
from assistant.library.passages import (
    MAX_WORDS,
    TARGET_WORDS,
    Block,
    build_document,
    split_sentences,
    word_count,
)
from assistant.library.pdf import extract, folios, layout
from assistant.library.pdf.lines import PageLines
from assistant.library.pdf.text import Vocabulary, join_lines

MAX_PDF_BYTES = 200 * 1024 * 1024
# A source this long is a collection, not one source: refused with a message, in bounded time.
MAX_PAGES = 2000
# A page image beyond this many pixels is not rendered (an "image bomb" would need gigabytes).
MAX_IMAGE_PIXELS = 120_000_000
# Rendering for OCR stays under this many pixels whatever the page size.
MAX_RENDER_PIXELS = 40_000_000
PAGE_OFFSET_KEY = "page-offset"


def page_offset(item: dict[str, Any] | None) -> int | None:
    """The writer's correction: printed page = PDF page + offset (None when not set)."""
    value = (item or {}).get(PAGE_OFFSET_KEY)
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def import_options_key(path: Path, item: dict[str, Any] | None) -> str:
    """What besides the file's bytes decides a PDF's or a scan's passages ('' for others)."""
    if path.suffix.lower() in (".txt", ".md", ".docx"):
        return ""
    offset = page_offset(item)
    language = (item or {}).get("language")
    pages = (item or {}).get("page")
    if offset is None and not language and not pages:
        return ""
    options = f"offset={offset};language={language};pages={pages}".encode()
    return "+" + hashlib.sha1(options).hexdigest()[:10]


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def load_pdf(
    path: Path, source_id: str, item: dict[str, Any] | None, ocr: OcrContext | None
) -> Document:
    """The PDF's passages; any failure, even a fault of ours, is an ImportFailed for this file."""
    try:
        return _load_pdf(path, source_id, item, ocr)
    except (ImportFailed, MemoryError, KeyboardInterrupt):
        raise
    except Exception as error:  # one odd PDF must never stop the rest of the library
        raise ImportFailed(
            path.name,
            f"the PDF could not be read ({type(error).__name__}: {error}); "
            "please report this file if it opens in a PDF viewer.",
        ) from error


def _load_pdf(
    path: Path, source_id: str, item: dict[str, Any] | None, ocr: OcrContext | None
) -> Document:
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise ImportFailed(
            path.name, f"the PDF is {_size_text(size)}, over the {_size_text(MAX_PDF_BYTES)} limit."
        )
    warnings: list[str] = []
    with extract.open_pdf(path) as pdf:
        count = len(pdf)
        if count == 0:
            raise ImportFailed(path.name, "the PDF has no pages.")
        if count > MAX_PAGES:
            raise ImportFailed(
                path.name,
                f"the PDF has {count:,} pages, over the {MAX_PAGES:,}-page limit for one "
                "source; split it (by chapter or volume) and add the parts.",
            )
        labels = extract.page_labels(pdf)
        outline = _outline(pdf)
        pages: list[PageLines] = []
        try:
            for index in range(count):
                pages.append(extract.read_page(pdf, index, labels[index]))
        except extract.pdfium_error() as error:
            raise ImportFailed(
                path.name, f"the PDF is damaged and cannot be read ({error})."
            ) from error
        scans: list[ScanPage] = []
        for page in pages:
            if not page.image_only:
                continue
            pixels = extract.image_pixels(pdf[page.index])
            if pixels > MAX_IMAGE_PIXELS:
                warnings.append(
                    f"page {page.index + 1} holds an image of {pixels / 1e6:,.0f} million pixels, "
                    "too large to recognise (is it an image bomb?); it was skipped."
                )
                continue
            scans.append(ScanPage(page.index, _renderer(pdf, page)))
        recognition = recognise(path, scans, item or {}, ocr)
    return assemble(path, source_id, item, pages, recognition, warnings, outline)


def _renderer(pdf: Any, page: PageLines) -> Any:
    def render(target: Path, dpi: int) -> tuple[int, int, float]:
        scale = dpi / 72
        if page.width * page.height * scale * scale > MAX_RENDER_PIXELS:
            scale = (MAX_RENDER_PIXELS / (page.width * page.height)) ** 0.5
        handle = pdf[page.index]
        try:
            image = handle.render(scale=scale, grayscale=True).to_pil()
        finally:
            handle.close()
        image.save(target)
        return image.width, image.height, scale

    return render


def _outline(pdf: Any) -> dict[int, list[tuple[int, str]]]:
    """Bookmarks as {page index: [(level, title), ...]}; empty when the PDF has none."""
    entries: dict[int, list[tuple[int, str]]] = {}
    try:
        for bookmark in pdf.get_toc(max_depth=6):
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            title = (bookmark.get_title() or "").strip()
            if title and index is not None:
                entries.setdefault(index, []).append((bookmark.level + 1, title))
    except Exception:  # a damaged outline must not cost the text
        return {}
    return entries


# --------------------------------------------------------------------------------------------
# Pages -> blocks


def assemble(
    path: Path,
    source_id: str,
    item: dict[str, Any] | None,
    pages: list[PageLines],
    recognition: Recognition,
    warnings: list[str],
    outline: dict[int, list[tuple[int, str]]] | None = None,
) -> Document:
    """Build the document from pages whose scans have been recognised where possible."""
    for index, ocr_page in recognition.pages.items():
        pages[index].lines = lines_from_ocr(ocr_page)
        pages[index].ocr = True
    warnings = [*recognition.warnings, *warnings]
    if recognition.missing:
        has_text = any(page.lines for page in pages)
        if not has_text:
            raise NeedsOcr(path.name, recognition.reason)
        many = len(recognition.missing) > 1
        what = "are scanned images" if many else "is a scanned image"
        reason = recognition.reason.replace(
            "needs OCR", "they need OCR" if many else "it needs OCR"
        )
        warnings.append(f"{page_list(recognition.missing)} {what} without text; {reason}.")

    found = folios.detect(pages)
    labels, pdf_numbered = _labels(pages, found, page_offset(item), (item or {}).get("page"))
    body_size = folios.body_size(pages)
    vocabulary = Vocabulary(line.text for page in pages for line in page.lines)

    blocks: list[Block] = []
    breaks: dict[int, list[tuple[int, str]]] = {}  # id(block) -> its pages' starts in its text
    paragraph: list[tuple[int, list[str]]] = []  # (page, lines) parts of the open paragraph
    last_full = True  # the open paragraph's last line reached the right edge
    notes: list[tuple[int | None, list[tuple[int, list[str]]]]] = []
    last_note = 0
    for page in pages:
        lines = [ln for ln in page.lines if id(ln) not in found.furniture]
        page_blocks = layout.page_blocks(lines, body_size, last_note)
        titles = outline.get(page.index, []) if outline else []
        if titles:
            _flush(blocks, paragraph, labels, vocabulary, breaks)
            for level, title in titles:
                blocks.append(Block("heading", title, level=level, page=labels[page.index]))
        bookmarked = {_norm(title) for _, title in titles}
        for block in page_blocks:
            if block.kind == "note":
                if block.number is None and notes:  # continued from the page before
                    notes[-1][1].append((page.index, block.lines))
                else:
                    if block.number is not None:
                        last_note = block.number
                    notes.append((block.number, [(page.index, block.lines)]))
                continue
            if block.kind == "heading":
                _flush(blocks, paragraph, labels, vocabulary, breaks)
                text = join_lines(block.lines, vocabulary)
                if _norm(text) not in bookmarked:
                    level = 9 if outline else _heading_level(block.size, body_size)
                    blocks.append(Block("heading", text, level=level, page=labels[page.index]))
                continue
            if paragraph and block.flow_start and _continues(paragraph, last_full, block):
                paragraph.append((page.index, block.lines))
                last_full = block.last_full
                continue
            _flush(blocks, paragraph, labels, vocabulary, breaks)
            paragraph.append((page.index, block.lines))
            last_full = block.last_full
        # The notes of a page are read after its text, as in the Markdown sources; a note that
        # runs on to the next page waits for its end.
        if paragraph and not (_ends_open(paragraph) and last_full):
            _flush(blocks, paragraph, labels, vocabulary, breaks)
        carried = None
        # (only a note with a part on this page waits: one page, not for ever)
        if (
            notes
            and page is not pages[-1]
            and _ends_open(notes[-1][1])
            and notes[-1][1][-1][0] == page.index
        ):
            carried = notes.pop()
        for number, parts in notes:
            _note_blocks(blocks, number, parts, labels, vocabulary)
        notes = [carried] if carried else []
    _flush(blocks, paragraph, labels, vocabulary, breaks)
    for number, parts in notes:
        _note_blocks(blocks, number, parts, labels, vocabulary)

    document = build_document(source_id, blocks)
    if not document.passages and warnings:
        raise ImportFailed(path.name, warnings[0])
    document.page_starts = page_starts(document, blocks, breaks)
    flagged = {labels[i] for i, flag in enumerate(pdf_numbered) if flag}
    if flagged:
        document.passages = [
            dataclasses.replace(p, pdf_page=True)
            if p.page and any(part in flagged for part in p.page.split("–"))
            else p
            for p in document.passages
        ]
    document.warnings.extend(warnings)
    if recognition.cache is not None and recognition.digest:
        recognition.cache.save_info(
            recognition.digest,
            {
                "name": path.name,
                "key": recognition.key,
                "labels": labels,
                "ocr_pages": sorted(recognition.pages),
            },
        )
    return document


def _labels(
    pages: list[PageLines], found: folios.Folios, offset: int | None, page_range: object = None
) -> tuple[list[str], list[bool]]:
    count = len(pages)
    if offset is not None:
        return [str(i + 1 + offset) for i in range(count)], [False] * count
    stored = [page.label for page in pages]
    if any(stored):
        plain = all(label == str(i + 1) for i, label in enumerate(stored))
        # Labels that only restate the PDF page numbers lose to printed folios that disagree
        # (an offprint cut from a volume often keeps "1, 2, 3").
        if not (plain and not all(found.pdf_numbered) and found.labels != stored):
            return [label or str(i + 1) for i, label in enumerate(stored)], [False] * count
    if all(found.pdf_numbered):
        # No folio on any page, but the metadata gives the article's pages ("211-230") and the
        # PDF has exactly that many: the offprint's pages are those.
        first = _first_page(page_range, count)
        if first is not None:
            return [str(first + i) for i in range(count)], [False] * count
    return found.labels, found.pdf_numbered


def _first_page(page_range: object, count: int) -> int | None:
    match = re.fullmatch(r"\s*(\d+)\s*[-–—]+\s*(\d+)\s*", str(page_range or ""))
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if last < first:  # "211-30": Chicago's abbreviated range
        digits = len(match.group(2))
        last = int(str(first)[:-digits] + match.group(2)) if digits < len(str(first)) else last
    return first if last - first + 1 == count else None


def _heading_level(size: float, body_size: float) -> int:
    ratio = size / body_size if body_size else 1.0
    return 1 if ratio >= 1.6 else 2 if ratio >= 1.3 else 3


def _norm(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower())


def _last_line(paragraph: list[tuple[int, list[str]]]) -> str:
    return paragraph[-1][1][-1] if paragraph and paragraph[-1][1] else ""


def _ends_open(paragraph: list[tuple[int, list[str]]]) -> bool:
    last = _last_line(paragraph).rstrip()
    return bool(last) and not layout.ends_sentence(last)


def _continues(
    paragraph: list[tuple[int, list[str]]], last_full: bool, block: layout.PageBlock
) -> bool:
    """A column's or page's first block goes on with the paragraph the last one left open:
    one whose last line is full and ends mid-sentence, or when it starts in lowercase."""
    if block.kind != "body" or not block.lines:
        return False
    first = block.lines[0].lstrip()
    return (_ends_open(paragraph) and last_full) or (not block.indented and first[:1].islower())


def _page_range(pages: Iterable[int], labels: list[str]) -> str:
    pages = list(pages)
    first, last = labels[min(pages)], labels[max(pages)]
    return first if first == last else f"{first}–{last}"


def _note_blocks(
    blocks: list[Block],
    number: int | None,
    parts: list[tuple[int, list[str]]],
    labels: list[str],
    vocabulary: Vocabulary,
) -> None:
    text = join_lines([line for _, lines in parts for line in lines], vocabulary)
    if not text:
        return
    page = _page_range([p for p, _ in parts], labels)
    blocks.append(
        Block("note", f"{number}. {text}" if number is not None else text, number=number, page=page)
    )


def _flush(
    blocks: list[Block],
    paragraph: list[tuple[int, list[str]]],
    labels: list[str],
    vocabulary: Vocabulary,
    breaks: dict[int, list[tuple[int, str]]],
) -> None:
    """Emit the open paragraph; one that runs over a page break carries both pages.

    `breaks` gets, for each block emitted, where in its text each of its pages begins, so the
    document can name the exact page of any character (the quote checker's "p. 42").
    """
    if not paragraph:
        return
    parts = [(page, join_lines(lines, vocabulary)) for page, lines in paragraph]
    paragraph.clear()
    text = ""
    starts: list[tuple[int, int]] = []  # (offset in text, page) where each page's part begins
    for page, part in parts:
        joined = vocabulary.join(text, part) if text else part
        starts.append((len(joined) - len(part), page))
        text = joined
    if not text.strip():
        return

    def emit(begin: int, end: int) -> None:
        on = [page for position, page in starts if position < end]
        first = max((page for position, page in starts if position <= begin), default=on[0])
        pages = sorted({p for p in on if p >= first})
        block = Block("body", text[begin:end].strip(), page=_page_range(pages, labels))
        inner = [(0, labels[first])]
        inner += [(pos - begin, labels[page]) for pos, page in starts if begin < pos < end]
        breaks[id(block)] = inner
        blocks.append(block)

    if len(starts) == 1 or word_count(text) <= MAX_WORDS:
        emit(0, len(text))
        return
    # A long paragraph: sentences wholly on one page keep that page; the passage around each
    # break gathers about TARGET_WORDS around the sentence that crosses it.
    spans: list[tuple[int, int, set[int]]] = []  # (start, end, pages) of each sentence
    offset = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, offset)
        end = start + len(sentence)
        offset = end
        first = max((page for position, page in starts if position <= start), default=0)
        on = {page for position, page in starts if position < end and page >= first}
        spans.append((start, end, on or {first}))
    group_of: list[int] = [-1] * len(spans)
    group = 0
    for i, (_, _, on) in enumerate(spans):
        if len(on) < 2 or group_of[i] != -1:
            continue
        group += 1
        group_of[i] = group
        words = word_count(text[spans[i][0] : spans[i][1]])
        back, ahead = i - 1, i + 1
        while words < TARGET_WORDS and (back >= 0 or ahead < len(spans)):
            if back >= 0 and group_of[back] == -1 and len(spans[back][2]) == 1:
                group_of[back] = group
                words += word_count(text[spans[back][0] : spans[back][1]])
                back -= 1
            else:
                back = -1
            if words < TARGET_WORDS and ahead < len(spans) and len(spans[ahead][2]) == 1:
                group_of[ahead] = group
                words += word_count(text[spans[ahead][0] : spans[ahead][1]])
                ahead += 1
            elif back < 0:
                break
    begin = 0
    current_key: tuple[int, int] | None = None
    for (start, _, on), g in zip(spans, group_of, strict=True):
        key = (g, -1) if g != -1 else (-1, min(on))
        if current_key is not None and key != current_key:
            emit(begin, start)
            begin = start
        current_key = key
    emit(begin, len(text))


def page_starts(
    document: Document, blocks: list[Block], breaks: dict[int, list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """(offset in the document text, page) from where each page's text runs, in text order."""
    starts: list[tuple[int, str]] = []
    cursor = 0
    for block in blocks:
        text = block.text.strip()
        position = document.text.find(text, cursor) if text else -1
        if position < 0 or not block.page:
            continue
        first = block.page.split("–")[0]
        for inner, label in breaks.get(id(block), [(0, first)]):
            starts.append((position + inner, label))
        cursor = position + len(text)
    return starts
