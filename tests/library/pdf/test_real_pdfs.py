"""Real pdfLaTeX PDFs (py-pdf/sample-files, see fixtures/README.md), read against poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.library.importers import load_document

FIXTURES = Path(__file__).parent / "fixtures"


def _poppler_words(path: Path) -> list[str]:
    """pdftotext's reading, folio lines dropped and line-end hyphens joined: the oracle."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in text.splitlines() if not re.fullmatch(r"\s*\d+\s*", line)]
    joined = re.sub(r"(\w)-\n(?=[a-z])", r"\1", "\n".join(lines))
    return joined.split()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_four_pages_read_word_for_word_as_poppler_reads_them():
    path = FIXTURES / "pdflatex-4-pages.pdf"
    document = load_document(path, "four")
    assert document.text.split() == _poppler_words(path)
    assert {p.page for p in document.passages} == {"1", "1–2", "2", "2–3", "3", "3–4", "4"}
    assert not any(p.pdf_page for p in document.passages)


def test_a_latex_two_column_article():
    document = load_document(FIXTURES / "latex-two-columns.pdf", "columns")
    text = " ".join(document.text.split())
    assert document.passages[0].text == "Two-Column Document with Lorem Ipsum"
    # Column one, then column two: the paragraph the first column leaves open goes on.
    assert "with Lorem Ipsum text. Lorem ipsum dolor sit amet, consectetuer adipiscing" in text
    assert "Donec nonummy pellentesque ante. Phasellus adipiscing semper elit." in text
    assert "Maecenas lacinia." in text  # "Maece-" / "nas" at a line end
    assert {p.page for p in document.passages if p.kind == "body"} >= {"1", "2"}
    assert not any(p.pdf_page for p in document.passages)
