"""Read a document file (.md, .txt, .docx, .pdf, scanned images) into a `Document` with passages.

Every failure is an `ImportFailed` whose message tells the writer what is wrong with the file
(empty, not text, encrypted, too large...), never a library's traceback.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.model import Document
from assistant.library.ocr import OcrContext
from assistant.library.ocr.images import IMAGE_SUFFIXES, load_image
from assistant.library.passages import Block, blocks_from_text, build_document
from assistant.library.pdf.document import load_pdf

SUPPORTED_SUFFIXES = (".md", ".txt", ".docx", ".pdf", *IMAGE_SUFFIXES)

# A text source this large is almost certainly not a single essay source (a dump, a log, a
# book collection): refuse it with a message instead of stalling the app for minutes.
MAX_TEXT_BYTES = 32 * 1024 * 1024
# A .docx is a zip; these limits stop a zip bomb before python-docx inflates it.
MAX_DOCX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_DOCX_RATIO = 200


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def load_document(
    path: Path, source_id: str, item: dict | None = None, ocr: OcrContext | None = None
) -> Document:
    """Parse a document file; raises ImportFailed with a message for the writer.

    `item` is the source's CSL-JSON (a PDF's page offset, the OCR language); `ocr` says
    whether scanned pages may be recognised now and where recognised text is cached.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailed(
            path.name,
            f"'{path.suffix or '(no extension)'}' files are not supported; "
            "use .md, .txt, .docx, .pdf or an image (.png, .jpg, .tif).",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise ImportFailed(path.name, "the file does not exist.") from error
    except OSError as error:
        raise ImportFailed(path.name, f"the file cannot be read ({error.strerror}).") from error
    if size == 0:
        raise ImportFailed(path.name, "the file is empty.")
    if suffix in (".md", ".txt"):
        document = _load_text(path, source_id, size, markdown=suffix == ".md")
    elif suffix == ".docx":
        document = _load_docx(path, source_id)
    elif suffix == ".pdf":
        document = load_pdf(path, source_id, item, ocr)
    else:
        document = load_image(path, source_id, item, ocr)
    if not document.passages:
        raise ImportFailed(path.name, "the file contains no text.")
    return document


# --------------------------------------------------------------------------------------------
# Text


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes of unknown encoding; reject binary data posing as text."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-16"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    sample = data[:65536]
    if b"\x00" in sample:
        raise ImportFailed(name, "the file is binary data, not text (is it misnamed?).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties between single-byte code pages are common on short texts; Windows-1252 is by
        # far the likeliest for sources written in Western European languages.
        for match in matches:
            if match.encoding in _WESTERN and (match.chaos, -match.coherence) <= (
                best.chaos,
                -best.coherence,
            ):
                best = match
                break
    if best is None:
        raise ImportFailed(
            name, "the text encoding could not be recognised; save it as UTF-8 and re-add it."
        )
    text = str(best)
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise ImportFailed(name, "the file is binary data, not text (is it misnamed?).")
    return text


def _load_text(path: Path, source_id: str, size: int, markdown: bool) -> Document:
    if size > MAX_TEXT_BYTES:
        raise ImportFailed(
            path.name,
            f"the file is {_size_text(size)}, over the {_size_text(MAX_TEXT_BYTES)} limit "
            "for one source; split it into smaller files.",
        )
    text = decode_text(path.read_bytes(), path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportFailed(path.name, "the file contains only blank space.")
    return build_document(source_id, blocks_from_text(text, markdown=markdown))


def title_from_text(path: Path) -> str:
    """A best guess at a text file's title: its first heading or first short line."""
    try:
        text = decode_text(path.read_bytes()[:20000], path.name)
    except ImportFailed:
        return ""
    for line in text.splitlines():
        line = re.sub(r"^#+\s*", "", line).strip().strip("*_ ")
        if line:
            return line[:200]
    return ""


# --------------------------------------------------------------------------------------------
# DOCX


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def check_docx_zip(path: Path) -> None:
    """Raise ImportFailed unless the file is a Word zip package of sane unpacked size."""
    if not zipfile.is_zipfile(path):
        raise ImportFailed(
            path.name, "this is not a Word document (a .docx file is a zip archive; this is not)."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFailed(path.name, f"the Word document is damaged ({error}).") from error
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > MAX_DOCX_UNCOMPRESSED or total / packed > MAX_DOCX_RATIO:
        raise ImportFailed(
            path.name,
            f"the Word document would unpack to {_size_text(total)} from {_size_text(packed)}; "
            "it looks like a zip bomb and was not opened.",
        )
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ImportFailed(
            path.name, "the zip archive is not a Word document (no word/document.xml)."
        )


def _footnote_texts(document: Any) -> dict[str, str]:
    """The document's own footnotes by id, read from the footnotes part."""
    notes: dict[str, str] = {}
    try:
        part = document.part.part_related_by(_FOOTNOTES_REL)
    except KeyError:
        return notes
    from lxml import etree

    # Word never writes a DOCTYPE; entities in one could expand without bound, and a part cut
    # short must cost this file only (the caller's boundary words any error).
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError as error:
        raise ImportFailed("", f"the Word document's footnotes are damaged ({error}).") from error
    if root.getroottree().docinfo.doctype:
        raise ImportFailed(
            "", "the Word document's footnotes carry a DOCTYPE, which Word never writes."
        )
    for note in root.iter(f"{_W}footnote"):
        note_type = note.get(f"{_W}type")
        if note_type in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = []
        for paragraph in note.iter(f"{_W}p"):
            paragraphs.append("".join(t.text or "" for t in paragraph.iter(f"{_W}t")))
        text = " ".join(p.strip() for p in paragraphs if p.strip())
        if text:
            notes[note.get(f"{_W}id", "")] = text
    return notes


def _load_docx(path: Path, source_id: str) -> Document:
    check_docx_zip(path)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many types for damaged packages
        raise ImportFailed(path.name, f"the Word document is damaged ({error}).") from error
    try:
        return _docx_document(document, source_id)
    except ImportFailed as error:
        raise ImportFailed(path.name, error.message) from error
    except Exception as error:  # lxml and python-docx errors for damaged parts
        raise ImportFailed(path.name, f"the Word document is damaged ({error}).") from error


def _docx_document(document: Any, source_id: str) -> Document:
    footnotes = _footnote_texts(document)
    blocks: list[Block] = []
    note_number = 0
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        references = [ref.get(f"{_W}id") for ref in paragraph._p.iter(f"{_W}footnoteReference")]
        if text:
            level_match = re.match(r"Heading (\d)", style)
            if level_match or style == "Title":
                level = int(level_match.group(1)) if level_match else 0
                blocks.append(Block("heading", text, level=level + 1))
            else:
                blocks.append(Block("body", text))
        for ref in references:
            if ref in footnotes:
                note_number += 1
                blocks.append(Block("note", f"{note_number}. {footnotes[ref]}", number=note_number))
    return build_document(source_id, blocks)
