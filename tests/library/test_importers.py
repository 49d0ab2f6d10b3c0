"""Importers: every format, and every kind of bad file gets a clear message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.library import importers
from assistant.library.errors import ImportFailed
from assistant.library.importers import load_document

BODY = (
    "Acheson's speech of 12 January 1950 left Korea outside the American defense perimeter, "
    "and Stalin read it with care before he answered Kim Il Sung in Moscow that spring."
)


def _write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    if isinstance(data, str):
        data = data.encode(encoding)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------------------------
# Text files


def test_markdown_file_reads_headings_and_paragraphs(tmp_path):
    path = _write(tmp_path / "a.md", f"# The speech\n\n{BODY}\n")
    document = load_document(path, "a")
    assert [p.kind for p in document.passages] == ["heading", "body"]
    assert document.passages[1].section == "The speech"
    assert document.passages[1].text == BODY


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_legacy_and_bom_encodings_are_detected(tmp_path, encoding):
    text = (
        "Le télégramme de Chtykov à Staline, reçu à Moscou, évoque la « réunification » "
        "de la Corée; Molotov l'a lu deux fois. " * 6
    )
    path = _write(tmp_path / "fr.txt", text, encoding)
    document = load_document(path, "fr")
    assert "télégramme de Chtykov à Staline" in document.text
    assert "« réunification »" in document.text


def test_invalid_utf8_bytes_are_decoded_not_fatal(tmp_path):
    data = BODY.encode("utf-8") + b" caf\xe9 cr\xe8me \xff\xfe end of line.\n"
    document = load_document(_write(tmp_path / "bad.txt", data), "bad")
    assert "Acheson's speech" in document.text


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="empty"):
        load_document(_write(tmp_path / "empty.md", b""), "empty")


def test_blank_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="blank"):
        load_document(_write(tmp_path / "blank.txt", "  \n\n \t\n"), "blank")


def test_binary_file_named_txt_is_refused(tmp_path):
    data = bytes(range(256)) * 64
    with pytest.raises(ImportFailed, match="binary data, not text") as caught:
        load_document(_write(tmp_path / "photo.txt", data), "photo")
    assert caught.value.path == "photo.txt"


def test_png_named_md_is_refused(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(2000)
    with pytest.raises(ImportFailed, match="binary"):
        load_document(_write(tmp_path / "image.md", data), "image")


def test_fifty_megabyte_text_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.write((BODY + "\n\n").encode() * (50 * 1024 * 1024 // (len(BODY) + 2) + 1))
    with pytest.raises(ImportFailed, match=r"50 MB, over the 32 MB limit"):
        load_document(path, "huge")


def test_unsupported_extension_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="not supported"):
        load_document(_write(tmp_path / "notes.rtf", "{\\rtf1 hello}"), "notes")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="does not exist"):
        load_document(tmp_path / "gone.md", "gone")


# ---------------------------------------------------------------------------------------------
# Word


def _docx_with_footnotes(path: Path) -> Path:
    import pypandoc

    markdown = (
        "# The Acheson speech\n\n"
        f"{BODY}[^1]\n\n"
        "## Reactions\n\n"
        "Seoul panicked; Moscow studied the text.[^2]\n\n"
        '[^1]: "Shifrtelgramma," from Stalin to Mao Zedong, 14 May 1950, APRF, F. 45.\n'
        "[^2]: Goncharov et al., Uncertain Partners, p. 101.\n"
    )
    pypandoc.convert_text(markdown, "docx", format="md", outputfile=str(path))
    return path


def test_docx_paragraphs_headings_and_own_footnotes(tmp_path):
    document = load_document(_docx_with_footnotes(tmp_path / "paper.docx"), "paper")
    kinds = [(p.kind, p.text[:20]) for p in document.passages]
    assert kinds[0] == ("heading", "The Acheson speech")
    notes = [p for p in document.passages if p.kind == "note"]
    # pandoc typesets quotes and the space after "p."; compare the words.
    texts = [n.text.replace("\xa0", " ").replace("“", '"').replace("”", '"') for n in notes]
    assert texts == [
        '1. "Shifrtelgramma," from Stalin to Mao Zedong, 14 May 1950, APRF, F. 45.',
        "2. Goncharov et al., Uncertain Partners, p. 101.",
    ]
    assert notes[1].section == "The Acheson speech > Reactions"
    body = next(p for p in document.passages if p.text.startswith("Acheson’s speech"))
    assert body.kind == "body"


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = _write(tmp_path / "fake.docx", "This is plain text pretending to be Word.")
    with pytest.raises(ImportFailed, match="not a Word document"):
        load_document(path, "fake")


def test_zip_without_word_content_is_refused(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportFailed, match=r"no word/document\.xml"):
        load_document(path, "archive")


def test_zip_bomb_posing_as_docx_is_not_inflated(tmp_path, monkeypatch):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024

    def must_not_open(*args, **kwargs):
        raise AssertionError("python-docx was asked to open a zip bomb")

    import docx

    monkeypatch.setattr(docx, "Document", must_not_open)
    with pytest.raises(ImportFailed, match="zip bomb"):
        load_document(path, "bomb")


def test_damaged_docx_is_refused(tmp_path):
    good = _docx_with_footnotes(tmp_path / "good.docx")
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    with pytest.raises(ImportFailed, match="damaged"):
        load_document(path, "damaged")


# ---------------------------------------------------------------------------------------------
# PDF


def _pdf(path: Path, pages: list[str], roman_front: int = 0) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number, text in enumerate(pages):
        if number < roman_front:
            pdf.add_page(label_style="r", label_start=number + 1 if number == 0 else None)
        elif number == roman_front:
            pdf.add_page(label_style="D", label_start=1)
        else:
            pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def test_pdf_passages_carry_the_printed_page_label(tmp_path):
    pages = [
        "Preface text about the sources used in this study of the Korean War origins.",
        BODY,
        "Stalin approved Kim's plan in April 1950 after long hesitation over the risks.",
    ]
    document = load_document(_pdf(tmp_path / "book.pdf", pages, roman_front=1), "book")
    by_page = {p.page: p.text for p in document.passages}
    assert set(by_page) == {"i", "1", "2"}
    assert "defense perimeter" in by_page["1"]
    assert "April 1950" in by_page["2"]


def test_pdf_without_labels_numbers_pages_from_one(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in ("First page words here.", "Second page words here."):
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path = tmp_path / "plain.pdf"
    pdf.output(str(path))
    assert [p.page for p in load_document(path, "plain").passages] == ["1", "2"]


def test_encrypted_pdf_is_refused_with_a_clear_message(tmp_path):
    from pypdf import PdfReader, PdfWriter

    source = _pdf(tmp_path / "open.pdf", [BODY])
    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    with pytest.raises(ImportFailed, match="password-protected"):
        load_document(path, "locked")


def test_pdf_encrypted_without_user_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    source = _pdf(tmp_path / "open.pdf", [BODY])
    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "noprint.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    assert "defense perimeter" in load_document(path, "noprint").text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%garbage that is not a PDF body at all\n", b"not a pdf at all, just words"],
)
def test_broken_pdf_is_refused(tmp_path, data):
    with pytest.raises(ImportFailed, match="PDF"):
        load_document(_write(tmp_path / "broken.pdf", data), "broken")


def test_truncated_pdf_is_refused_or_read_never_crashes(tmp_path):
    source = _pdf(tmp_path / "whole.pdf", [BODY, BODY])
    data = source.read_bytes()
    path = _write(tmp_path / "cut.pdf", data[: len(data) // 3])
    try:
        document = load_document(path, "cut")
    except ImportFailed as error:
        assert "cut.pdf" in str(error)
    else:
        assert document.passages


def test_size_limits_are_module_settings():
    assert importers.MAX_TEXT_BYTES == 32 * 1024 * 1024


def test_pdf_bookmarks_become_sections(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.start_section("Introduction")
    pdf.multi_cell(0, 6, "Stalin approved the plan in April 1950.")
    pdf.add_page()
    pdf.start_section("The Acheson speech")
    pdf.start_section("Reactions in Moscow", level=1)
    pdf.multi_cell(0, 6, BODY)
    path = tmp_path / "outlined.pdf"
    pdf.output(str(path))
    document = load_document(path, "outlined")
    body = next(p for p in document.passages if "defense perimeter" in p.text)
    assert body.section == "The Acheson speech > Reactions in Moscow"
    assert body.page == "2"
    first = next(p for p in document.passages if "April 1950" in p.text)
    assert first.section == "Introduction" and first.page == "1"
