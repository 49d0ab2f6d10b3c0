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
