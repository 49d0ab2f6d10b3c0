"""Reading an exported .docx back the way a checker (or Word) would see it."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx.document import Document as DocumentObject

from assistant.cite.model import Citation, Note, RichText, Run
from assistant.essay.model import Block, Essay, NoteAnchor, Span

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES_JSON = REPO_ROOT / "resources" / "corpus" / "sources.json"


def bundled_items() -> dict[str, dict]:
    return {item["id"]: item for item in json.loads(SOURCES_JSON.read_text(encoding="utf-8"))}


def open_docx(path: Path) -> DocumentObject:
    return docx.Document(str(path))


def footnote_texts(path: Path) -> list[tuple[int, str]]:
    """(number, text) of every note, read straight from the package's XML with zipfile and
    lxml, independently of the exporter's own footnote classes: the number is the reference's
    position in document.xml, the text the note's paragraphs (joined by newlines) found in
    the part the document's footnotes relationship points to."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    footnotes_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        targets = [
            r.get("Target")
            for r in rels.iter(f"{rel}Relationship")
            if r.get("Type") == footnotes_type
        ]
        if not targets:
            return []
        notes = etree.fromstring(
            archive.read("word/" + targets[0].lstrip("/").removeprefix("word/"))
        )
    texts: dict[str, str] = {}
    for note in notes.iter(f"{w}footnote"):
        if note.get(f"{w}type") not in (None, "normal"):
            continue
        paragraphs = [_paragraph_text(p, w) for p in note.iter(f"{w}p")]
        paragraphs[0] = paragraphs[0].removeprefix(" ")
        texts[note.get(f"{w}id")] = "\n".join(paragraphs)
    references = [r.get(f"{w}id") for r in body.iter(f"{w}footnoteReference")]
    return [(number, texts[ref]) for number, ref in enumerate(references, start=1)]


def _paragraph_text(paragraph, w: str) -> str:  # type: ignore[no-untyped-def]
    """Text as Word shows it: w:t content, tabs as \\t, line breaks as \\n."""
    parts = []
    for element in paragraph.iter(f"{w}t", f"{w}tab", f"{w}br", f"{w}cr"):
        if element.tag == f"{w}t":
            parts.append(element.text or "")
        elif element.tag == f"{w}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def paragraphs_by_style(document: DocumentObject, style_name: str) -> list[str]:
    return [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == style_name
    ]


def sample_essay() -> Essay:
    """A short essay citing the three bundled sources, with a heading, a block quote and
    a commentary note of two paragraphs."""
    return Essay(
        title="Stalin's Korean Gamble",
        author="Ada Student",
        items=bundled_items(),
        blocks=[
            Block(
                "paragraph",
                [
                    Span("In early 1950 Stalin "),
                    Span("reversed", italic=True),
                    Span(" himself and backed Kim Il Sung."),
                    NoteAnchor(Note.of(Citation("shen-2000", "52"))),
                ],
            ),
            Block("heading", [Span("The Alliance with China")], level=1),
            Block(
                "paragraph",
                [
                    Span("He wanted to firm up the Soviet alliance with China."),
                    NoteAnchor(Note.of(Citation("zubok-pleshakov-1996", "62"))),
                    Span(" Korea had to be captured before Japan recovered."),
                    NoteAnchor(Note.of(Citation("shen-2000", "55"))),
                ],
            ),
            Block(
                "blockquote",
                [
                    Span(
                        "Stalin feared putting the brakes on the revolutionary process and "
                        "ceding to Mao the revolutionary leadership in Asia."
                    ),
                    NoteAnchor(Note.of(Citation("shuster-2019", "31"))),
                ],
            ),
            Block("heading", [Span("A Cautious Expansionist")], level=2),
            Block(
                "paragraph",
                [
                    Span("Historians still disagree."),
                    NoteAnchor(
                        Note(
                            (
                                "On the debate see *both* accounts.\n\n"
                                "A second paragraph of commentary.",
                            )
                        )
                    ),
                ],
            ),
        ],
    )


def hand_rendered_notes() -> list[RichText]:
    """Note texts written by hand, for tests of the layout alone (no citation engine)."""
    return [
        RichText(
            [
                Run("Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War,” "),
                Run("Journal of Cold War Studies", italic=True),
                Run(" 2, no. 2 (2000): 52."),
            ]
        ),
        RichText(
            [
                Run("Vladislav Zubok and Constantine Pleshakov, "),
                Run("Inside the Kremlin’s Cold War", italic=True),
                Run(" (Harvard University Press, 1996), 62."),
            ]
        ),
        RichText([Run("Shen, “Sino-Soviet Relations,” 55.")]),
        RichText([Run("Jacob Shuster, “Stalin’s Foreign Policy ‘Shift’” (2019), 31.")]),
        RichText(
            [
                Run("On the debate see "),
                Run("both", italic=True),
                Run(" accounts.\n\nA second paragraph of commentary."),
            ]
        ),
    ]


def hand_rendered_bibliography() -> list[RichText]:
    return [
        RichText(
            [
                Run("Shen Zhihua. “Sino-Soviet Relations and the Origins of the Korean War.” "),
                Run("Journal of Cold War Studies", italic=True),
                Run(" 2, no. 2 (2000): 44–68."),
            ]
        ),
        RichText([Run("Shuster, Jacob. “Stalin’s Foreign Policy ‘Shift.’” 2019.")]),
        RichText(
            [
                Run("Zubok, Vladislav, and Constantine Pleshakov. "),
                Run("Inside the Kremlin’s Cold War", italic=True),
                Run(". Harvard University Press, 1996."),
            ]
        ),
    ]


def soffice_to_pdf(document_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice in a private profile (parallel runs must not share one)."""
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot check the page layout")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: cannot read the PDF's pages")
    profile = out_dir / "lo-profile"
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document_path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = out_dir / (document_path.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice made no PDF: {completed.stdout}\n{completed.stderr}"
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext -layout), in order."""
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages
