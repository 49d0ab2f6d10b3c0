"""Build the test PDFs and scans: each a case a historian's real PDFs present.

Everything is generated here (fpdf2 for text PDFs, Pillow for page images) so each test says
exactly what the page holds. Coordinates are points from the top left, as fpdf2 takes them.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE_W, PAGE_H = 432.0, 648.0  # 6 × 9 in, a journal page
LEFT, RIGHT, TOP, BOTTOM = 54.0, 378.0, 72.0, 590.0
BODY, NOTE, LEADING = 10.5, 8.0, 13.0


@dataclass
class Page:
    """What one page prints: (x, baseline y, size, text) runs, in drawing order."""

    runs: list[tuple[float, float, float, str]] = field(default_factory=list)
    image: Path | None = None  # an image-only page

    def add(self, x: float, y: float, text: str, size: float = BODY) -> None:
        self.runs.append((x, y, size, text))


def new_pdf():
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(PAGE_W, PAGE_H))
    pdf.set_auto_page_break(False)
    pdf.add_font("Serif", "", SERIF)
    pdf.set_font("Serif", size=BODY)
    return pdf


def write(path: Path, pages: list[Page], labels: list[tuple[str, int]] | None = None) -> Path:
    """Write the pages; `labels` gives (style, start) for /PageLabels per page (None: none)."""
    pdf = new_pdf()
    for number, page in enumerate(pages):
        if labels:
            style, start = labels[number]
            pdf.add_page(label_style=style or None, label_start=start or None)
        else:
            pdf.add_page()
        if page.image is not None:
            pdf.image(str(page.image), x=0, y=0, w=PAGE_W, h=PAGE_H)
        previous = (0.0, 0.0, "")
        for x, y, size, text in page.runs:
            if text.startswith("^"):  # a note reference just after the previous run
                px, py, ptext = previous
                x, y, text = px + pdf.get_string_width(ptext) + 0.3, py - 3.8, text[1:]
            pdf.set_font("Serif", size=size)
            pdf.text(x, y, text)
            previous = (x, y, text)
    pdf.output(str(path))
    return path


def paragraph(page: Page, y: float, text: str, *, indent: bool = True, width: int = 62,
              size: float = BODY, leading: float = LEADING, x: float = LEFT) -> float:  # fmt: skip
    """Set `text` as lines from baseline `y` (first line indented); returns the next baseline."""
    lines = textwrap.wrap(text, width=width, initial_indent="", break_on_hyphens=False)
    for number, line in enumerate(lines):
        page.add(x + (14 if indent and number == 0 else 0), y, line, size)
        y += leading
    return y


def lines(page: Page, y: float, texts: list[str], size: float = BODY, x: float = LEFT) -> float:
    for text in texts:
        page.add(x, y, text, size)
        y += LEADING if size == BODY else size * 1.25
    return y


def text_image(path: Path, paragraphs: list[str], *, width_px: int = 1275, height_px: int = 1650,
               font_px: int = 38, dpi: int = 150) -> Path:  # fmt: skip
    """A page image (as a scanner makes it) of the paragraphs, in DejaVu Serif (has Cyrillic)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (width_px, height_px), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, font_px)
    y = font_px * 3
    margin = font_px * 2
    chars = int((width_px - 2 * margin) / (font_px * 0.55))
    for text in paragraphs:
        for line in textwrap.wrap(text, width=chars):
            draw.text((margin, y), line, font=font, fill=0)
            y += int(font_px * 1.45)
        y += font_px
    image.save(path, dpi=(dpi, dpi))
    return path


SENTENCES = [
    "Stalin weighed the risks of a war in Korea through the winter of 1949 and 1950.",
    "Kim Il Sung pressed him in one telegram after another to approve an attack on the South.",
    "The Soviet ambassador reported each conversation to Moscow in close detail.",
    "Mao Zedong learned of the plan only after the decision had been taken in principle.",
    "Historians have read these documents as evidence of a carefully hedged commitment.",
    "The archives opened in the 1990s changed the questions scholars could ask.",
]


def prose(words: int, seed: int = 0) -> str:
    """About `words` words of plausible sentences (no page numbers, no repeated lines)."""
    out: list[str] = []
    count = 0
    i = seed
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        out.append(sentence.replace("the ", f"the {['early', 'late', 'first', 'new'][i % 4]} ", 1))
        count += len(sentence.split())
        i += 1
    return " ".join(out)


def many_pages_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` blank pages (written by PDFium: fpdf2 would take minutes)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(200, 200)
    pdf.save(str(path))
    pdf.close()
    return path


def image_bomb_pdf(path: Path, side: int = 12000) -> Path:
    """One page drawing a `side`² grey image that Flate packs into a few hundred KB."""
    import zlib

    packer = zlib.compressobj(6)
    row_block = b"\xff" * side * 100
    data = b"".join(packer.compress(row_block) for _ in range(side // 100)) + packer.flush()
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (side, side, len(data))
        + data
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def image_bomb_png(path: Path, side: int = 50000) -> Path:
    """A PNG whose header claims `side`² pixels (2.5 billion), in a few dozen bytes."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )
    return path
