"""Bad PDFs and images get a message, in bounded time and memory, and never stop the rest.

Each import runs in a child process with a timeout and an address-space limit, so a case
that hangs or balloons fails the test instead of the test run.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from . import make

SRC = Path(__file__).resolve().parents[3] / "src"
MEMORY_LIMIT = 1536 * 1024 * 1024
CHILD = """
import json, sys
from pathlib import Path
from assistant.library.errors import ImportFailed
from assistant.library.importers import load_document
from assistant.library.ocr import OcrContext
try:
    document = load_document(Path(sys.argv[1]), "bad", {"id": "bad"}, OcrContext())
    print(json.dumps({"passages": len(document.passages), "warnings": document.warnings}))
except ImportFailed as error:
    print(json.dumps({"error": error.message}))
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _import_in_child(path: Path, timeout: float = 60) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_5000_page_pdf_is_refused_with_a_message(tmp_path):
    path = make.many_pages_pdf(tmp_path / "huge.pdf", 5000)
    outcome = _import_in_child(path)
    assert outcome["error"] == (
        "the PDF has 5,000 pages, over the 2,000-page limit for one source; split it (by "
        "chapter or volume) and add the parts."
    )


def test_an_image_bomb_pdf_is_not_rendered(tmp_path):
    path = make.image_bomb_pdf(tmp_path / "bomb.pdf")
    assert path.stat().st_size < 2 * 1024 * 1024
    outcome = _import_in_child(path)
    assert outcome["error"] == (
        "page 1 holds an image of 144 million pixels, too large to recognise (is it an image "
        "bomb?); it was skipped."
    )


def test_an_image_bomb_png_is_refused(tmp_path):
    path = make.image_bomb_png(tmp_path / "bomb.png")
    outcome = _import_in_child(path)
    assert "too large" in outcome["error"]


def test_a_damaged_image_is_refused(tmp_path):
    path = tmp_path / "scan.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert _import_in_child(path)["error"] == "the image is damaged or not an image file."


@pytest.mark.parametrize("password", ["secret"])
def test_an_encrypted_pdf_is_refused_in_the_child_too(tmp_path, password):
    from pypdf import PdfReader, PdfWriter

    page = make.Page()
    make.paragraph(page, make.TOP, make.prose(40))
    source = make.write(tmp_path / "open.pdf", [page])
    writer = PdfWriter()
    for each in PdfReader(str(source)).pages:
        writer.add_page(each)
    writer.encrypt(user_password=password, owner_password="owner")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    assert "password-protected" in _import_in_child(path)["error"]


def test_bad_files_never_stop_the_rest_of_the_index(tmp_path):
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make.many_pages_pdf(corpus / "huge.pdf", 5000)
    make.image_bomb_pdf(corpus / "bomb.pdf")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    make.image_bomb_png(corpus / "scan.png")
    page = make.Page()
    make.paragraph(page, make.TOP, make.prose(60))
    make.write(corpus / "good.pdf", [page])
    report = SearchIndex(tmp_path / "index").update(Library.open(corpus))
    problems = {p.path: p.message for p in report.problems}
    assert set(problems) == {"huge.pdf", "bomb.pdf", "broken.pdf", "scan.png"}
    assert report.indexed == 1
    assert SearchIndex(tmp_path / "index").search("Stalin weighed").total >= 1
